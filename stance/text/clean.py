"""Stage 2, clean: mark boilerplate as spans to skip, never rewrite the text.

Two kinds of rules mark boilerplate:

* pattern rules, read from ``stance/resources/boilerplate.tsv`` (or a researcher's own TSV,
  see :func:`load_rules`): related-link and promo lines, comment forms, bylines and credit
  paragraphs, copyright notices, and the dateline before the lead;
* two structural rules in this module: ``headline`` (the document's first paragraph when it
  is one short line without sentence-final punctuation) and ``caption`` (any later paragraph
  that is one even shorter line without it: photo captions, subheads, form labels).

Paragraphs are split as in :func:`stance.text.segment.split_paragraphs`: blank lines separate
them, and a text without any blank line has one paragraph per line. Masks cover paragraph or
line text without the surrounding white space and newlines.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from ..paths import resource_text
from .segment import split_paragraphs

#: Where each pattern rule applies (see the header of ``boilerplate.tsv``).
SCOPES = ("line", "paragraph", "prefix")

#: Names of the two structural rules implemented in code.
HEADLINE = "headline"
CAPTION = "caption"

# Word limits of the structural rules (exclusive). Wire headlines run 8-15 words and web
# headlines rarely pass 25, hence 30; photo captions as republished under a story and
# subheads are shorter, while a body paragraph of under 20 words still ends in a full stop.
_HEADLINE_MAX_WORDS = 30
_CAPTION_MAX_WORDS = 20

# A paragraph ends a sentence when its last character, after any closing quotes and
# brackets, is one of these.
_SENTENCE_FINAL = ".!?"
_CLOSERS = "\"'”’»›)]"
# A line ending like this runs on into the next paragraph ("He listed three demands:"),
# so it is text, not a caption or headline.
_RUNS_ON = ":;,"

# How many leading unmasked paragraphs may carry the dateline: the lead is normally the
# first, but a headline ending in "?" or "!" is left unmasked by the headline rule.
_DATELINE_PARAGRAPHS = 2

_RULES_FILE = "boilerplate.tsv"
_HEADER = ("rule", "scope", "pattern")


@dataclass(frozen=True)
class Mask:
    """A span of the document text that later stages skip; ``rule`` names why."""

    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class Rule:
    """One pattern rule: ``name`` ends up as :attr:`Mask.rule`; ``note`` says why it exists."""

    name: str
    scope: str
    pattern: re.Pattern
    note: str = ""


def _parse_rules(text: str, source: str) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    header_seen = False
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t", 3)
        if not header_seen:
            if tuple(f.strip().lower() for f in fields[:3]) != _HEADER:
                raise ValueError(f"{source}, line {n}: expected the header row "
                                 f"'rule<TAB>scope<TAB>pattern<TAB>note', got {line!r}")
            header_seen = True
            continue
        if len(fields) < 3:
            raise ValueError(f"{source}, line {n}: needs at least 3 tab-separated columns "
                             f"(rule, scope, pattern), got {len(fields)}; check for spaces "
                             f"typed instead of tabs")
        name, scope, pattern = fields[0].strip(), fields[1].strip(), fields[2]
        note = fields[3].strip() if len(fields) > 3 else ""
        if not name:
            raise ValueError(f"{source}, line {n}: the rule column is empty; name the rule")
        if scope not in SCOPES:
            raise ValueError(f"{source}, line {n}: unknown scope {scope!r}; use one of "
                             f"{', '.join(SCOPES)}")
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{source}, line {n}: the pattern of rule {name!r} is not a valid "
                             f"regular expression ({exc})") from exc
        if compiled.fullmatch(""):
            raise ValueError(f"{source}, line {n}: the pattern of rule {name!r} matches the "
                             f"empty string, so it would mask every {scope}; make it require "
                             f"some text")
        rules.append(Rule(name, scope, compiled, note))
    if not header_seen:
        raise ValueError(f"{source}: no header row 'rule<TAB>scope<TAB>pattern<TAB>note' "
                         f"found; is this a boilerplate rules file?")
    return tuple(rules)


@lru_cache(maxsize=1)
def _default_rules() -> tuple[Rule, ...]:
    return _parse_rules(resource_text(_RULES_FILE), f"stance/resources/{_RULES_FILE}")


def load_rules(path: str | os.PathLike | None = None) -> tuple[Rule, ...]:
    """Read boilerplate pattern rules from a TSV file (default: the packaged rules).

    Parameters
    ----------
    path : str or path-like, optional
        A TSV with the header ``rule  scope  pattern  note`` (tab separated; ``#`` starts a
        comment line); see ``stance/resources/boilerplate.tsv`` for the format. When
        omitted, the packaged rules are returned.

    Returns
    -------
    tuple of Rule
        In file order; concatenate tuples to extend the defaults.

    Raises
    ------
    ValueError
        When the file lacks the header, a row has an unknown scope or an invalid pattern;
        the message names the file and line.

    Examples
    --------
    >>> sorted({r.name for r in load_rules()})[:3]
    ['byline', 'comment_form', 'copyright']
    >>> rules = load_rules() + load_rules("my_rules.tsv")  # doctest: +SKIP
    """
    if path is None:
        return _default_rules()
    return _parse_rules(Path(path).read_text(encoding="utf-8"), str(path))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans, exactly as :func:`stance.text.segment.split_paragraphs` finds them."""
    return [(p.start, p.end) for p in split_paragraphs(text)]


def _lines(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Spans of the non-blank lines of ``text[start:end]``, trimmed of white space."""
    pos = start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield pos + lead, pos + lead + len(stripped)
        pos += len(line) + 1


def _ends_sentence(line: str) -> bool:
    last = line.rstrip(_CLOSERS)[-1:]
    return bool(last) and last in _SENTENCE_FINAL


def _short_line(text: str, start: int, end: int, max_words: int) -> bool:
    """True for one line of fewer than ``max_words`` words that does not end a sentence."""
    chunk = text[start:end]
    return ("\n" not in chunk and len(chunk.split()) < max_words
            and not _ends_sentence(chunk) and chunk[-1] not in _RUNS_ON)


def _first_prefix(text: str, paragraphs: Sequence[tuple[int, int]],
                  rules: Sequence[Rule]) -> Mask | None:
    for start, end in paragraphs:
        chunk = text[start:end]
        for rule in rules:
            m = rule.pattern.match(chunk)
            if m and m.end() > 0:
                return Mask(start, start + m.end(), rule.name)
    return None


def find_boilerplate(text: str, *, rules: Sequence[Rule] | str | os.PathLike | None = None,
                     structural: bool = True) -> list[Mask]:
    """Find the boilerplate spans of one document.

    The rules apply in this order, each only to paragraphs no earlier rule touched, so the
    masks never overlap: ``paragraph`` rules, ``line`` rules, the structural ``headline``
    and ``caption`` rules, then ``prefix`` rules on the lead (the first unmasked paragraph,
    or the second when the first has no match).

    Parameters
    ----------
    text : str
        The document text as loaded.
    rules : sequence of Rule, or path to a rules TSV, optional
        Pattern rules; the packaged ones (:func:`load_rules`) when omitted.
    structural : bool
        Apply the ``headline`` and ``caption`` rules. The headline rule needs at least two
        paragraphs: a one-paragraph document (a CSV row holding one sentence) is all body.

    Returns
    -------
    list of Mask
        Sorted by position, non-overlapping; ``text[m.start:m.end]`` is the masked text.

    Examples
    --------
    >>> text = "Putin speaks\\n\\nMOSCOW (AP) — He said so.\\n\\nREAD MORE: Talks fail"
    >>> for m in find_boilerplate(text):
    ...     print(m.rule, repr(text[m.start:m.end]))
    headline 'Putin speaks'
    dateline 'MOSCOW (AP) — '
    related_link 'READ MORE: Talks fail'
    """
    if rules is None:
        rules = _default_rules()
    elif isinstance(rules, (str, os.PathLike)):
        rules = load_rules(rules)
    by_scope = {scope: [r for r in rules if r.scope == scope] for scope in SCOPES}
    paragraphs = _paragraphs(text)
    masks: list[Mask] = []
    touched = [False] * len(paragraphs)

    for i, (start, end) in enumerate(paragraphs):
        chunk = text[start:end]
        rule = next((r for r in by_scope["paragraph"] if r.pattern.search(chunk)), None)
        if rule is not None:
            masks.append(Mask(start, end, rule.name))
            touched[i] = True
            continue
        for a, b in _lines(text, start, end):
            line = text[a:b]
            rule = next((r for r in by_scope["line"] if r.pattern.match(line)), None)
            if rule is not None:
                masks.append(Mask(a, b, rule.name))
                touched[i] = True

    if structural:
        for i, (start, end) in enumerate(paragraphs):
            if touched[i]:
                continue
            if i == 0:
                if len(paragraphs) > 1 and _short_line(text, start, end, _HEADLINE_MAX_WORDS):
                    masks.append(Mask(start, end, HEADLINE))
                    touched[i] = True
            elif _short_line(text, start, end, _CAPTION_MAX_WORDS):
                masks.append(Mask(start, end, CAPTION))
                touched[i] = True

    lead = [p for p, t in zip(paragraphs, touched) if not t][:_DATELINE_PARAGRAPHS]
    prefix = _first_prefix(text, lead, by_scope["prefix"])
    if prefix is not None:
        masks.append(prefix)

    return sorted(masks, key=lambda m: m.start)


def masked(masks: Sequence[Mask], start: int, end: int) -> bool:
    """True when ``[start, end)`` lies wholly inside the union of ``masks``.

    An empty span (``start == end``) is masked when its position falls inside a mask.

    Examples
    --------
    >>> masked([Mask(0, 5, "headline"), Mask(5, 9, "caption")], 2, 8)
    True
    >>> masked([Mask(0, 5, "headline")], 3, 6)
    False
    """
    pos = start
    for m in sorted(masks, key=lambda m: m.start):
        if m.end <= pos:
            continue
        if m.start > pos:
            return False
        pos = m.end
        if pos >= end:
            return True
    return False
