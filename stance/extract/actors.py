"""The actor registry: who may speak, looked up by name, alias, title or role description.

:class:`Actor` and :class:`Office` are the records of the actor file; :class:`ActorRegistry`
looks them up the way news text names them (case, accents, dots and hyphens ignored, office
holders picked by year) and builds the patterns that find their names, titles and roles in
text. :func:`stance.extract.registry.load_actors` reads the file; its layout is described in
:mod:`stance.extract.registry`.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Iterator

from ..text.normalize import (LEADING_THE, POSSESSIVE, case_variants, fold, name_key,
                              phrase_key, trie_regex, whole_words)
from .registry_yaml import RegistryError, YamlSource

__all__ = ["Actor", "ActorRegistry", "Office", "check_actor_set"]


@dataclass(frozen=True)
class Office:
    """Titles and role descriptions held together over ``since``–``until`` (inclusive years).

    ``None`` for ``since`` or ``until`` means an open end (still in office, or start unknown).
    """

    titles: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    since: int | None = None
    until: int | None = None

    def __post_init__(self):
        object.__setattr__(self, "titles", tuple(self.titles))
        object.__setattr__(self, "roles", tuple(self.roles))

    def covers(self, year: int) -> bool:
        """Whether ``year`` falls inside the office's years."""
        return (self.since is None or self.since <= year) and (self.until is None or year <= self.until)


@dataclass(frozen=True)
class Actor:
    """A person, institution, state or group that can be quoted.

    ``titles``, ``roles``, ``since`` and ``until`` cover all of ``offices``; ``offices`` keeps
    which title went with which years (empty: one office of ``titles`` and ``roles`` held
    ``since``–``until``). ``source`` says where the facts come from.
    """

    name: str
    type: str
    affiliation: str
    gender: str | None = None
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    since: int | None = None
    until: int | None = None
    offices: tuple[Office, ...] = ()
    source: str | None = None

    def __post_init__(self):
        # Accept lists from hand-built actors but keep the record hashable.
        for f in ("aliases", "titles", "roles", "offices"):
            object.__setattr__(self, f, tuple(getattr(self, f)))

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return tuple(dict.fromkeys((self.name,) + self.aliases))

    def in_office(self, year: int, *, role: str | None = None) -> bool:
        """Whether the actor held an office in ``year``; with ``role``, one that has that
        title or role description."""
        offices = self.offices or (Office(self.titles, self.roles, self.since, self.until),)
        want = phrase_key(role) if role is not None else None
        for office in offices:
            if want is not None and want not in {phrase_key(x) for x in office.titles + office.roles}:
                continue
            if office.covers(year):
                return True
        return False


def _is_acronym(alias: str) -> bool:
    """Whether ``alias`` has two or more letters, all capitals ("US", "NATO")."""
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _longest_first(strings: Iterable[str]) -> tuple[str, ...]:
    """Distinct ``strings``, longest first (ties in alphabetical order)."""
    return tuple(sorted(set(strings), key=lambda s: (-len(s), s)))


def check_actor_set(label: str, labelled: list[tuple[str, Actor]],
                    src: YamlSource | None = None) -> None:
    """Cross-entry checks: unique canonical names; names of 2+ words name one actor.

    ``labelled`` pairs each actor with its label in messages; with ``src`` the message also
    gives the entry's line in the file.
    """
    def fail(idx: int, problem: str) -> RegistryError:
        where = labelled[idx][0]
        if src is not None:
            return src.error(where, problem, "actors", idx)
        return RegistryError(f"{label}: {where}: {problem}")

    names: dict[str, int] = {}
    for idx, (where, actor) in enumerate(labelled):
        k = name_key(actor.name)
        if k in names:
            raise fail(idx, f"duplicate name {actor.name!r} (also {labelled[names[k]][0]}); "
                       "canonical names must be unique: merge the entries or rename one")
        names[k] = idx
    owners: dict[str, int] = {}
    for idx, (where, actor) in enumerate(labelled):
        for alias in actor.names:
            k = name_key(alias)
            if not k:
                raise fail(idx, f"alias {alias!r} is empty once punctuation is removed")
            if " " not in k:
                continue  # one-word aliases (bare surnames) may be shared: lookup is ambiguous
            other = owners.setdefault(k, idx)
            if other != idx:
                raise fail(idx, f"{alias!r} also names {labelled[other][0]}; a name of two or "
                           "more words must belong to one actor: remove it from one entry")


# ---------------------------------------------------------------------------------------------
# Actor registry

#: Similarity (difflib ratio) from which an unknown surname is a spelling of a registry
#: person's with the same first name. Measured on the bundled registry: the spelling variants
#: among one person's aliases score 0.75 to 1.0 (Groysman / Hroisman 0.75), different people
#: who share a first name at most 0.6 (John Kerry / John Kirby).
SURNAME_VARIANT_RATIO = 0.75


class ActorRegistry:
    """Known actors, looked up by name, alias, title or role description.

    Parameters
    ----------
    actors : iterable of Actor
        The actors. Canonical names must be unique and aliases of two or more words must
        belong to one actor (:class:`RegistryError` otherwise).
    source : str, optional
        Where the actors came from, for messages.

    Examples
    --------
    >>> from stance.extract.registry import load_actors
    >>> reg = load_actors()
    >>> [a.name for a in reg.lookup("Orbán")]
    ['Viktor Orbán']
    >>> [a.name for a in reg.by_role("the Ukrainian president", year=2016)]
    ['Petro Poroshenko']
    """

    def __init__(self, actors: Iterable[Actor] = (), *, source: str = "<actors>"):
        self._actors = tuple(actors)
        self.source = source
        check_actor_set(source, [(f"actor {a.name!r}", a) for a in self._actors])
        self._by_name: dict[str, Actor] = {}
        # alias key -> {actor name: (actor, every alias with this key is an acronym)}
        self._by_alias: dict[str, dict[str, tuple[Actor, bool]]] = {}
        self._by_title: dict[str, dict[str, Actor]] = {}
        self._by_role: dict[str, dict[str, Actor]] = {}
        for a in self._actors:
            self._by_name[name_key(a.name)] = a
            for alias in a.names:
                slot = self._by_alias.setdefault(name_key(alias), {})
                prev = slot.get(a.name)
                acronym = _is_acronym(alias) and (prev is None or prev[1])
                slot[a.name] = (a, acronym)
            for t in a.titles:
                self._by_title.setdefault(phrase_key(t), {})[a.name] = a
            for r in a.roles:
                self._by_role.setdefault(phrase_key(r), {})[a.name] = a

    @property
    def actors(self) -> tuple[Actor, ...]:
        """All actors, in file order."""
        return self._actors

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def __repr__(self) -> str:
        return f"ActorRegistry({len(self)} actors from {self.source})"

    def get(self, name: str) -> Actor | None:
        """The actor whose canonical name is ``name`` (case and accents ignored), or None."""
        return self._by_name.get(name_key(name))

    def lookup(self, mention: str) -> tuple[Actor, ...]:
        """Actors that ``mention`` names (canonical name or alias), in registry order.

        Case, accents, dots and hyphens are ignored ("ZELENSKY", "Orban", "US"), and a
        leading "the" and a trailing possessive ("the Kremlin", "Putin's") are dropped. An all-capital alias ("US") does not
        match an all-lower-case mention ("us"). Several actors come back when a shared bare
        surname is ambiguous.
        """
        mention = mention.strip()
        hits = self._by_alias.get(name_key(mention))
        if not hits:
            # "the Kremlin", "Putin's": try once more without the article and the possessive.
            bare = POSSESSIVE.sub("", LEADING_THE.sub("", mention))
            if bare != mention:
                mention = bare
                hits = self._by_alias.get(name_key(mention))
        if not hits:
            return ()
        lower = mention == mention.lower()
        return tuple(a for a, acronym in hits.values() if not (lower and acronym))

    def by_title(self, title: str, *, year: int | None = None) -> tuple[Actor, ...]:
        """Actors who carry ``title`` ("Russian Foreign Minister"); with ``year``, only those
        holding it that year."""
        return self._dated(self._by_title.get(phrase_key(title), {}), title, year)

    def by_role(self, role: str, *, year: int | None = None) -> tuple[Actor, ...]:
        """Actors that the description ``role`` ("the Russian leader") refers to, with or
        without the leading "the", case ignored; with ``year``, only the holder that year."""
        return self._dated(self._by_role.get(phrase_key(role), {}), role, year)

    def variant_of(self, name: str) -> Actor | None:
        """The one registry person that ``name`` ("Volodymyr Zelenskyiyy") misspells: the same
        first name and a surname at least :data:`SURNAME_VARIANT_RATIO` similar; else None."""
        parts = name_key(name).split()
        if len(parts) < 2:
            return None
        hits = {a.name: a for last, a in self._person_names.get(parts[0], ())
                if difflib.SequenceMatcher(None, last, parts[-1]).ratio() >= SURNAME_VARIANT_RATIO}
        return next(iter(hits.values())) if len(hits) == 1 else None

    @cached_property
    def _person_names(self) -> dict[str, list[tuple[str, Actor]]]:
        """First name -> (surname, person) of every registry name and alias of a person."""
        out: dict[str, list[tuple[str, Actor]]] = {}
        for a in self._actors:
            if a.type != "person":
                continue
            for n in (a.name, *a.aliases):
                parts = name_key(n).split()
                if len(parts) >= 2:
                    out.setdefault(parts[0], []).append((parts[-1], a))
        return out

    @staticmethod
    def _dated(hits: dict[str, Actor], phrase: str, year: int | None) -> tuple[Actor, ...]:
        if year is None:
            return tuple(hits.values())
        return tuple(a for a in hits.values() if a.in_office(year, role=phrase))

    @cached_property
    def titles(self) -> tuple[str, ...]:
        """Every distinct title, longest first."""
        return _longest_first(t for a in self._actors for t in a.titles)

    @cached_property
    def roles(self) -> tuple[str, ...]:
        """Every distinct role description, longest first."""
        return _longest_first(r for a in self._actors for r in a.roles)

    @cached_property
    def name_pattern(self) -> re.Pattern | None:
        """Regex matching any name or alias as whole words, the longest at each position.

        Capitals must match as written, except that lower-case word starts may be capitals
        and all-capital spellings match ("ZELENSKY"); accents are optional ("Orban" finds
        "Orbán"). None for an empty registry. Map a match back with :meth:`lookup`.
        """
        variants = set()
        for a in self._actors:
            for alias in a.names:
                variants |= case_variants(alias)
        return whole_words(trie_regex(variants))

    @cached_property
    def title_pattern(self) -> re.Pattern | None:
        """Regex matching any title as whole words, case ignored, longest first."""
        return whole_words(trie_regex({fold(t) for t in self.titles}), re.IGNORECASE)

    @cached_property
    def role_pattern(self) -> re.Pattern | None:
        """Regex matching any role description as whole words, case ignored, longest first."""
        return whole_words(trie_regex({fold(r) for r in self.roles}), re.IGNORECASE)

    def with_actors(self, actors: Iterable[Actor], *, replace: bool = False) -> "ActorRegistry":
        """A new registry with ``actors`` added.

        With ``replace=True`` an added actor replaces the one of the same canonical name;
        otherwise a repeated name is a :class:`RegistryError`.
        """
        added = tuple(actors)
        keys = {name_key(a.name) for a in added}
        kept = [a for a in self._actors if not (replace and name_key(a.name) in keys)]
        return ActorRegistry(kept + list(added), source=self.source)
