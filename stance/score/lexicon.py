"""The geopolitical stance lexicon: terms with a valence and a frame that says whom it points at.

The bundled table is ``stance/resources/geopolitical_lexicon.tsv`` (its header comment explains
the frames); researchers can load their own TSV of the same shape or add entries in code.
Inflected forms match through their lemmas (:mod:`stance.text.lemmas`).
"""
from __future__ import annotations

import functools
import math
import os
import re
from dataclasses import dataclass
from importlib.resources import files
from typing import Iterable, Sequence

from ..text.lemmas import inflections

#: Frames a lexicon row may have; see the header of the bundled TSV for what each means.
FRAMES = ("hostile_act", "support_act", "attribute", "measure", "peace", "general")
#: The exact header row of a lexicon TSV (after optional ``#`` comment lines).
HEADER = ("term", "valence", "frame", "source")
__all__ = ["FRAMES", "LexiconEntry", "Lexicon", "load_lexicon"]

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class LexiconEntry:
    """One lexicon row.

    Attributes
    ----------
    term : str
        Lower-case word or space-separated phrase in base form.
    valence : float
        Value in [-1, 1] for whoever the frame points at.
    frame : str
        One of :data:`FRAMES`.
    source : str
        Where the valence comes from.
    """

    term: str
    valence: float
    frame: str
    source: str = ""

    def __post_init__(self):
        if self.frame not in FRAMES:
            raise ValueError(f"lexicon entry {self.term!r}: frame {self.frame!r} is not one of "
                             f"{', '.join(FRAMES)}")
        if not (isinstance(self.valence, (int, float)) and math.isfinite(self.valence)
                and -1.0 <= self.valence <= 1.0):
            raise ValueError(f"lexicon entry {self.term!r}: valence {self.valence!r} must be a "
                             "number between -1 and 1")
        if not normalise(self.term):
            raise ValueError("lexicon entry with an empty term")


def normalise(term: str) -> str:
    """Lower-case ``term``, unify apostrophes and collapse whitespace."""
    return _SPACE.sub(" ", term.replace("’", "'").strip().lower())


class Lexicon:
    """A set of :class:`LexiconEntry` with inflection-aware lookup and phrase matching.

    A lexicon is not changed after it is built: :meth:`extend` returns a new one, so the cached
    default lexicon stays the same for every caller.

    Parameters
    ----------
    entries : iterable of LexiconEntry
        Later entries replace earlier ones with the same term.

    Examples
    --------
    >>> lex = Lexicon([LexiconEntry("invasion", -0.8, "hostile_act")])
    >>> lex.lookup("Invasions").term
    'invasion'
    """

    def __init__(self, entries: Iterable[LexiconEntry] = ()):
        by_term: dict[str, LexiconEntry] = {}
        for e in entries:
            by_term[normalise(e.term)] = e
        self._entries = by_term
        # First word -> phrases (as word tuples) starting with it, longest first.
        starts: dict[str, list[tuple[str, ...]]] = {}
        for term in by_term:
            words = tuple(term.split(" "))
            starts.setdefault(words[0], []).append(words)
        for phrases in starts.values():
            phrases.sort(key=len, reverse=True)
        self._starts = starts

    @property
    def entries(self) -> tuple[LexiconEntry, ...]:
        """All entries, in insertion order."""
        return tuple(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, term: str) -> bool:
        return self.lookup(term) is not None

    def __repr__(self) -> str:
        return f"Lexicon({len(self)} entries)"

    def extend(self, entries: Iterable[LexiconEntry]) -> "Lexicon":
        """Return a new lexicon with ``entries`` added; they replace entries with the same term.

        Examples
        --------
        >>> lex = Lexicon().extend([LexiconEntry("junta", -0.8, "attribute")])
        >>> len(lex)
        1
        """
        return Lexicon([*self._entries.values(), *entries])

    def lookup(self, token_or_phrase: str) -> LexiconEntry | None:
        """Return the entry for a word or phrase, allowing inflected forms, or None.

        Examples
        --------
        >>> lex = Lexicon([LexiconEntry("war crime", -0.95, "hostile_act")])
        >>> lex.lookup("war crimes").valence
        -0.95
        """
        words = normalise(token_or_phrase).split(" ")
        if not words[0]:
            return None
        hits = self.match(words)
        if hits and hits[0][0] == 0 and hits[0][1] == len(words):
            return hits[0][2]
        return None

    def match(self, tokens: Sequence[str]) -> list[tuple[int, int, LexiconEntry]]:
        """Find entries in a token list, longest phrase first, left to right, without overlaps.

        Parameters
        ----------
        tokens : sequence of str
            Words in text order (any case).

        Returns
        -------
        list of (i, j, LexiconEntry)
            ``tokens[i:j]`` is the matched phrase.

        Examples
        --------
        >>> lex = Lexicon([LexiconEntry("sanctions", -0.6, "measure"),
        ...                LexiconEntry("sanctions relief", 0.5, "support_act")])
        >>> [(i, j, e.term) for i, j, e in lex.match("no sanctions relief".split())]
        [(1, 3, 'sanctions relief')]
        """
        forms = [_forms(t) for t in tokens]
        out = []
        i = 0
        while i < len(tokens):
            hit = None
            for first in forms[i]:
                for words in self._starts.get(first, ()):
                    n = len(words)
                    if i + n <= len(tokens) and all(words[k] in forms[i + k] for k in range(1, n)):
                        if hit is None or n > hit[1] - hit[0]:
                            hit = (i, i + n, self._entries[" ".join(words)])
                        break
            # Longest phrase wins; on a tie the exact form (tried first) beats a stripped one.
            if hit is None:
                i += 1
            else:
                out.append(hit)
                i = hit[1]
        return out


@functools.lru_cache(maxsize=65536)
def _forms(token: str) -> tuple[str, ...]:
    return inflections(normalise(token))


def _parse(lines: Iterable[str], where: str) -> list[LexiconEntry]:
    entries: list[LexiconEntry] = []
    first_line: dict[str, int] = {}
    header_seen = False
    for lineno, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(c.strip().lower() for c in cells) != HEADER:
                raise ValueError(f"{where}, line {lineno}: expected the header "
                                 f"'{chr(9).join(HEADER)}' (tab-separated), got {line!r}")
            header_seen = True
            continue
        if len(cells) != len(HEADER):
            raise ValueError(f"{where}, line {lineno}: expected {len(HEADER)} tab-separated "
                             f"columns ({', '.join(HEADER)}), got {len(cells)}")
        term, valence, frame, source = (c.strip() for c in cells)
        term = normalise(term)
        if not term:
            raise ValueError(f"{where}, line {lineno}: the term is empty")
        try:
            value = float(valence)
        except ValueError:
            raise ValueError(f"{where}, line {lineno}: valence {valence!r} of {term!r} is not a "
                             "number; use a value between -1 and 1") from None
        if not (math.isfinite(value) and -1.0 <= value <= 1.0):
            raise ValueError(f"{where}, line {lineno}: valence {value} of {term!r} is outside "
                             "[-1, 1]")
        if frame not in FRAMES:
            raise ValueError(f"{where}, line {lineno}: frame {frame!r} of {term!r} is not one of "
                             f"{', '.join(FRAMES)}")
        if term in first_line:
            raise ValueError(f"{where}, line {lineno}: duplicate term {term!r} (first on line "
                             f"{first_line[term]}); keep one row per term")
        first_line[term] = lineno
        entries.append(LexiconEntry(term, value, frame, source))
    if not header_seen:
        raise ValueError(f"{where}: no header row '{chr(9).join(HEADER)}' found; is this a "
                         "lexicon TSV?")
    return entries


@functools.lru_cache(maxsize=8)
def _load_default() -> Lexicon:
    resource = files("stance") / "resources" / "geopolitical_lexicon.tsv"
    text = resource.read_text(encoding="utf-8")
    return Lexicon(_parse(text.splitlines(), "stance/resources/geopolitical_lexicon.tsv"))


def load_lexicon(path: str | os.PathLike | None = None) -> Lexicon:
    """Load a stance lexicon TSV (columns ``term, valence, frame, source``).

    Parameters
    ----------
    path : path-like, optional
        A researcher's TSV; None loads the bundled lexicon (cached). ``#`` lines are comments.
        To add to the bundled lexicon rather than replace it, use
        ``load_lexicon().extend(load_lexicon(path).entries)``.

    Returns
    -------
    Lexicon

    Raises
    ------
    ValueError
        On a malformed row; the message names the file, the line and the problem.
    FileNotFoundError
        If ``path`` does not exist.

    Examples
    --------
    >>> lex = load_lexicon()
    >>> lex.lookup("invaded").frame
    'hostile_act'
    """
    if path is None:
        return _load_default()
    with open(path, encoding="utf-8") as fh:
        return Lexicon(_parse(fh, os.fspath(path)))
