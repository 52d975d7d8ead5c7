"""The target registry: what stance is measured toward, and the words that refer to it.

:class:`Target`, :class:`AliasGroup` and :class:`TargetMention` are its records;
:class:`TargetRegistry` compiles every alias into one pattern and finds the targets' mentions
in text (whole words, longest alias first, context aliases only where the document names the
target plainly). :func:`stance.extract.registry.load_targets` reads the file; its layout is
described in :mod:`stance.extract.registry`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..text.normalize import POSSESSIVE, case_variants, name_key, trie_regex, whole_words
from .registry_yaml import RegistryError

__all__ = ["AliasGroup", "Target", "TargetMention", "TargetRegistry"]


@dataclass(frozen=True)
class Target:
    """Something stance is measured toward, with the words that refer to it."""

    name: str
    aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()
    source: str | None = None
    #: Affiliations whose speakers count as this target's own side (NATO's member states).
    members: tuple[str, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "aliases", tuple(self.aliases))
        object.__setattr__(self, "context_aliases", tuple(self.context_aliases))
        object.__setattr__(self, "members", tuple(self.members))


@dataclass(frozen=True)
class AliasGroup:
    """Looser aliases of ``target`` that a researcher switches on or off as one choice.

    With ``speakers`` (affiliations), the aliases count only in the statements of speakers of
    those affiliations: "the occupiers" is Russia in a Ukrainian official's words and the Nazi
    army in a Russian one's. Such aliases are found by :meth:`TargetRegistry.find` with
    ``speaker=``, never in text without a speaker.
    """

    name: str
    target: str
    aliases: tuple[str, ...] = ()
    default: bool = False
    description: str = ""
    speakers: tuple[str, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "aliases", tuple(self.aliases))
        object.__setattr__(self, "speakers", tuple(self.speakers))


@dataclass(frozen=True)
class TargetMention:
    """``text[start:end]`` refers to ``target``; ``group`` names the alias group, if any."""

    start: int
    end: int
    target: str
    text: str
    group: str | None = None


class TargetRegistry:
    """Targets of stance and a single compiled pattern that finds their mentions.

    Parameters
    ----------
    targets : iterable of Target
        The targets; an alias may belong to one target only.
    groups : iterable of AliasGroup, optional
        The alias groups switched on.
    source : str, optional
        Where the targets came from, for messages.

    Examples
    --------
    >>> from stance.extract.registry import load_targets
    >>> reg = load_targets()
    >>> [(m.target, m.text) for m in reg.find("Moscow accused the West of arming Kyiv.")]
    [('Russia', 'Moscow'), ('NATO', 'the West'), ('Ukraine', 'Kyiv')]
    """

    def __init__(self, targets: Iterable[Target], *, groups: Iterable[AliasGroup] = (),
                 source: str = "<targets>"):
        self._targets = tuple(targets)
        self._groups = tuple(groups)
        self.source = source
        names = [t.name for t in self._targets]
        for g in self._groups:
            if g.target not in names:
                raise RegistryError(f"{source}: alias group {g.name!r} points to target "
                                    f"{g.target!r}, which is not one of {', '.join(names)}")
        # alias key -> (target, kind, group); kind is "plain", "context" or "group".
        index: dict[str, tuple[str, str, str | None]] = {}
        spellings: set[str] = set()
        entries = [(t.name, "plain", None, a) for t in self._targets for a in t.aliases]
        entries += [(t.name, "context", None, a) for t in self._targets for a in t.context_aliases]
        entries += [(g.target, "group", g.name, a) for g in self._groups for a in g.aliases
                    if not g.speakers]
        # Speaker-bound groups: one pattern per affiliation, searched only for its speakers.
        bound: dict[str, set[str]] = {}
        for g in self._groups:
            for a in g.aliases if g.speakers else ():
                entries.append((g.target, "speaker", g.name, a))
                for aff in g.speakers:
                    bound.setdefault(aff, set()).update(case_variants(POSSESSIVE.sub("", a.strip())))
        for target, kind, group, alias in entries:
            alias = POSSESSIVE.sub("", alias.strip())
            k = name_key(alias)
            if not k:
                continue
            seen = index.setdefault(k, (target, kind, group))
            if seen != (target, kind, group):
                raise RegistryError(f"{source}: alias {alias!r} is given twice ({_describe(seen)}"
                                    f" and {_describe((target, kind, group))}); keep one")
            if kind != "speaker":
                spellings |= case_variants(alias)
        self._index = index
        self._pattern = whole_words(trie_regex(spellings))
        self._speaker_patterns = {aff: whole_words(trie_regex(sp)) for aff, sp in bound.items()}
        self._has_context = any(kind == "context" for _, kind, _ in index.values())
        self._doc_cache: tuple[str | None, frozenset[str]] = (None, frozenset())
        self._sides = {t.name.lower(): frozenset(m.lower() for m in t.members)
                       for t in self._targets if t.members}

    @property
    def targets(self) -> tuple[Target, ...]:
        """The targets, in file order."""
        return self._targets

    @property
    def groups(self) -> tuple[AliasGroup, ...]:
        """The alias groups switched on."""
        return self._groups

    @property
    def sides(self) -> dict[str, frozenset[str]]:
        """Target name (lower case) -> affiliations (lower case) that count as its own side,
        for the targets that list ``members``; read by the scorer's own-side rule."""
        return self._sides

    @property
    def names(self) -> tuple[str, ...]:
        """Target names, in file order."""
        return tuple(t.name for t in self._targets)

    @property
    def pattern(self) -> re.Pattern | None:
        """The compiled pattern of every alias (plain, context and switched-on groups)."""
        return self._pattern

    def __repr__(self) -> str:
        groups = ", ".join(g.name for g in self._groups) or "none"
        return f"TargetRegistry({', '.join(self.names)}; alias groups: {groups})"

    def _plain_targets(self, doc: str) -> frozenset[str]:
        """Targets that ``doc`` names by a plain alias; remembered for the last document,
        because the pipeline asks once per statement of the same document."""
        cached_doc, found = self._doc_cache
        if cached_doc is doc:
            return found
        found = frozenset(
            hit[0] for m in self._pattern.finditer(doc)
            if (hit := self._index.get(name_key(m.group()))) and hit[1] == "plain")
        self._doc_cache = (doc, found)
        return found

    def find(self, text: str, start: int = 0, end: int | None = None, *,
             doc_text: str | None = None, speaker: str | None = None) -> list[TargetMention]:
        """Mentions of any target inside ``text[start:end]``, in text order.

        Mentions are whole words, do not overlap (the longest alias wins at each position) and
        never include a possessive ``'s``. Offsets point into ``text``. A context alias
        ("allies") counts only when ``doc_text`` (default: ``text``) also names its target by
        a plain alias.

        Parameters
        ----------
        text : str
            The document (or any text).
        start, end : int, optional
            The span to search; words are judged whole against all of ``text``.
        doc_text : str, optional
            The whole document, for the context-alias rule.
        speaker : str, optional
            The affiliation of the statement's speaker: the aliases of groups bound to it
            (``AliasGroup.speakers``) count too, where no other alias overlaps them.

        Returns
        -------
        list of TargetMention
        """
        end = len(text) if end is None else min(end, len(text))
        out = self._find(self._pattern, text, start, end, doc_text)
        bound = self._speaker_patterns.get(speaker) if speaker else None
        if bound is not None:
            extra = [m for m in self._find(bound, text, start, end, doc_text)
                     if not any(m.start < o.end and o.start < m.end for o in out)]
            if extra:
                out = sorted(out + extra, key=lambda m: m.start)
        return out

    def _find(self, pattern, text: str, start: int, end: int,
              doc_text: str | None) -> list[TargetMention]:
        if pattern is None:
            return []
        out: list[TargetMention] = []
        present: frozenset[str] | None = None
        # The word-boundary check must see the text past `end`, so the search runs a margin
        # beyond it (longer than any alias), but not to the end of a long document.
        limit = end + 256
        for m in pattern.finditer(text, start, limit if limit < len(text) else len(text)):
            if m.start() >= end:
                break
            if m.end() > end:
                continue
            hit = self._index.get(name_key(m.group()))
            if hit is None:  # pragma: no cover - every spelling comes from an indexed alias
                continue
            target, kind, group = hit
            if kind == "context":
                if present is None:
                    present = self._plain_targets(doc_text if doc_text is not None else text)
                if target not in present:
                    continue
            out.append(TargetMention(m.start(), m.end(), target, m.group(), group))
        return out


def _describe(hit: tuple[str, str, str | None]) -> str:
    """An index entry as messages name it: "alias of NATO", "alias group 'west' of NATO"."""
    target, kind, group = hit
    if kind in ("group", "speaker"):
        return f"alias group {group!r} of {target}"
    return f"{'context alias' if kind == 'context' else 'alias'} of {target}"
