"""Actor and target registries: who may speak, and toward whom stance is measured.

Both registries are YAML files. The defaults live in ``stance/resources/`` (``actors.yaml``
and ``targets.yaml``); a researcher can pass a file of their own with the same layout
(``stance score --actors FILE --targets FILE``, or :func:`load_actors` / :func:`load_targets`).
Files are read with ``yaml.safe_load``; every problem is reported as a :class:`RegistryError`
naming the file, the line, the entry and what to change.

Actor file
----------
A top-level ``actors:`` list. Each entry is a mapping::

    actors:
      - name: Sergey Lavrov              # canonical name, as written in the output tables
        type: person                     # person | institution | state | group
        affiliation: Russia              # country or organisation the actor speaks for
        gender: m                        # m | f, persons only (he/she resolution)
        aliases: [Sergei Lavrov, Lavrov] # other spellings and bare surnames
        titles: [Russian Foreign Minister, Foreign Minister]   # precede the name
        roles: [the Russian foreign minister, Russia's top diplomat]  # stand for the name
        since: 2004                      # years in office for the titles and roles above
        source: office holder lists, Wikipedia, accessed 2026

Required: ``name``, ``type``, ``affiliation``. Optional: ``gender``, ``aliases``, ``titles``,
``roles``, ``since``, ``until``, ``offices``, ``source``, ``note``.

* Names and aliases match case- and diacritic-insensitively in :meth:`ActorRegistry.lookup`
  ("Orbán" is "ORBAN"); an all-capital alias such as "US" or "NATO" does not match a mention
  written all in lower case ("us").
* An alias of two or more words must belong to a single actor. A one-word alias (a bare
  surname) may be shared: ``lookup("Johnson")`` then returns every actor it names and the
  caller decides, e.g. by the article's date.
* ``since``/``until`` are the first and last year of the office that the top-level titles and
  roles describe. ``offices`` lists further offices, each with its own ``titles``, ``roles``,
  ``since`` and ``until``; an office that lists no titles and no roles is another term of the
  top-level ones (a non-consecutive second term). Role descriptions shared by successive
  holders ("the Ukrainian president") stay on each holder, and :meth:`ActorRegistry.by_role`
  with ``year=`` keeps the one in office that year.

Target file
-----------
A top-level ``targets:`` list and an optional ``alias_groups:`` mapping::

    targets:
      - name: NATO
        aliases: [NATO, Nato, the alliance]     # each counts as a mention of the target
        context_aliases: [allies]               # count only if the document names NATO too
        members: [Poland, United States]        # speakers of these count as NATO's own side
        source: why these aliases
    alias_groups:
      west:
        target: NATO
        default: true                           # on unless the user picks other groups
        aliases: [the West, Western allies]
        description: Treat "the West" as NATO.

Capital letters in a target alias must match ("NATO" is not "nato", "the West" is not the
compass direction "the west"); a lower-case letter at the start of a word may also be written
in capitals ("The alliance"), and the whole alias in capitals ("UKRAINE") matches too. A
possessive ending (``'s``) is never part of a mention, so aliases need no "Ukraine's".
Alias groups are the researcher's choice of looser aliases: ``load_targets(alias_groups=())``
switches all off, ``alias_groups=["west"]`` picks exactly those.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

from ..text.normalize import (LEADING_THE, POSSESSIVE, case_variants, fold_cased, name_key,
                              phrase_key, trie_regex, whole_words)

__all__ = [
    "Actor", "ActorRegistry", "AliasGroup", "Office", "RegistryError", "Target",
    "TargetMention", "TargetRegistry", "available_alias_groups", "load_actors", "load_targets",
]

#: Allowed values of an actor's ``type``.
ACTOR_TYPES = ("person", "institution", "state", "group", "media")
#: Allowed values of an actor's ``gender``: the two the he/she resolver can use.
GENDERS = ("m", "f")

_ACTOR_FIELDS = ("name", "type", "affiliation", "gender", "aliases", "titles", "roles",
                 "since", "until", "offices", "source", "note")
_ACTOR_REQUIRED = ("name", "type", "affiliation")
_OFFICE_FIELDS = ("titles", "roles", "since", "until", "note")
_TARGET_FIELDS = ("name", "aliases", "context_aliases", "members", "source", "note")
_TARGET_REQUIRED = ("name", "aliases")
_GROUP_FIELDS = ("target", "aliases", "default", "description", "source", "note")
_GROUP_REQUIRED = ("target", "aliases")
_ACTORS_TOP = ("actors", "description", "source", "note")
_TARGETS_TOP = ("targets", "alias_groups", "description", "source", "note")
#: Plausible office years; anything outside is a typo (e.g. 20222), not history.
_YEARS = (1900, 2100)



class RegistryError(ValueError):
    """A registry file or entry that cannot be used; the message says where and what to do."""


# ---------------------------------------------------------------------------------------------
# Records

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
    """Looser aliases of ``target`` that a researcher switches on or off as one choice."""

    name: str
    target: str
    aliases: tuple[str, ...] = ()
    default: bool = False
    description: str = ""

    def __post_init__(self):
        object.__setattr__(self, "aliases", tuple(self.aliases))


@dataclass(frozen=True)
class TargetMention:
    """``text[start:end]`` refers to ``target``; ``group`` names the alias group, if any."""

    start: int
    end: int
    target: str
    text: str
    group: str | None = None


# ---------------------------------------------------------------------------------------------
# Pattern helpers of the actor registry

def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _longest_first(strings: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(strings), key=lambda s: (-len(s), s)))


# ---------------------------------------------------------------------------------------------
# Reading and checking files

class _Source:
    """A registry file being read: its label for messages and line numbers of its entries."""

    def __init__(self, label: str, text: str):
        self.label = label
        self.text = text
        self.data: Any = None
        self.root: yaml.Node | None = None

    @classmethod
    def read(cls, path, default_name: str) -> "_Source":
        if path is None:
            resource = files("stance") / "resources" / default_name
            label = f"stance/resources/{default_name}"
            text = resource.read_text(encoding="utf-8")
        else:
            label = str(path)
            p = Path(path)
            if not p.is_file():
                what = "is a folder" if p.is_dir() else "does not exist"
                raise RegistryError(f"{label}: the file {what}; give the path of a YAML "
                                    f"file laid out like stance/resources/{default_name}")
            try:
                text = p.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise RegistryError(f"{label}: not UTF-8 text (byte {exc.start}); save the "
                                    "file as UTF-8") from None
        src = cls(label, text)
        try:
            src.data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise RegistryError(f"{label}{where}: not valid YAML ({problem}); check the "
                                "indentation and put quotes around values that contain ': ' "
                                "or start with a special character") from None
        return src

    def _child(self, node, key):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == key:
                    return k, v
        if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            return node.value[key], node.value[key]
        return None, None

    def line(self, *path) -> int | None:
        """1-based line of the item at ``path`` (keys and list indices), or None."""
        if self.root is None:
            # Only error messages need lines: compose the node tree (no objects) on demand.
            self.root = yaml.compose(self.text, Loader=yaml.SafeLoader)
        node, key_node = self.root, None
        for step in path:
            key_node, node = self._child(node, step)
            if node is None:
                return None
        mark = (key_node or node).start_mark
        return mark.line + 1

    def error(self, where: str, problem: str, *path) -> RegistryError:
        """An error "FILE: entry 3 ('Name', line 12): problem" (line when ``path`` finds one)."""
        line = self.line(*path) if path else None
        if line and where.endswith(")"):
            where = f"{where[:-1]}, line {line})"
        elif line:
            where = f"{where} (line {line})" if where else f"line {line}"
        return RegistryError(f"{self.label}: {where}: {problem}" if where
                             else f"{self.label}: {problem}")

    def top(self, key: str, allowed: tuple[str, ...], example: str) -> Any:
        if not isinstance(self.data, dict) or key not in self.data:
            got = "an empty file" if self.data is None else f"a {_kind(self.data)}"
            raise RegistryError(f"{self.label}: expected a top-level '{key}:' list, got {got}; "
                                f"start the file with\n{example}")
        for k in self.data:
            if k not in allowed:
                raise self.error("", f"unknown top-level key {k!r} (allowed: "
                                 f"{', '.join(allowed)}){_did_you_mean(k, allowed)}", k)
        return self.data[key]


def _kind(value: Any) -> str:
    return {dict: "mapping", list: "list", str: "string", bool: "true/false", int: "number",
            float: "number"}.get(type(value), type(value).__name__)


def _did_you_mean(word: Any, allowed: Iterable[str]) -> str:
    by_lower = {a.lower(): a for a in allowed}
    close = difflib.get_close_matches(str(word).lower(), list(by_lower), n=1)
    return f"; did you mean {by_lower[close[0]]!r}?" if close else ""


def _entry_label(i: int, entry: Any, name_field: str = "name") -> str:
    name = entry.get(name_field) if isinstance(entry, dict) else None
    return f"entry {i + 1} ({name!r})" if isinstance(name, str) else f"entry {i + 1}"


def _check_fields(src: _Source, where: str, entry: Any, allowed, required, path) -> None:
    if not isinstance(entry, dict):
        raise src.error(where, f"expected a mapping of fields ({', '.join(required)}, ...), "
                        f"got a {_kind(entry)}; indent the fields under the '- '", *path)
    for k in entry:
        if k not in allowed:
            raise src.error(where, f"unknown field {k!r} (allowed: {', '.join(allowed)})"
                            f"{_did_you_mean(k, allowed)}", *path, k)
    for k in required:
        if k not in entry or entry[k] is None:
            raise src.error(where, f"missing required field {k!r}; add '{k}: ...'", *path)


def _string(src: _Source, where: str, entry: dict, field: str, path, *, optional=True) -> str | None:
    value = entry.get(field)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise src.error(where, f"field {field!r} must be a non-empty text, got "
                        f"{value!r} (a {_kind(value)}); put it in quotes", *path, field)
    return value.strip()


def _strings(src: _Source, where: str, entry: dict, field: str, path) -> tuple[str, ...]:
    value = entry.get(field)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise src.error(where, f"field {field!r} must be a list of strings, e.g. "
                        f"'{field}: [first, second]', got a {_kind(value)}", *path, field)
    out = []
    for j, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise src.error(where, f"item {j + 1} of {field!r} is {item!r} (a {_kind(item)}), "
                            "not a text; put it in quotes or remove it", *path, field)
        if not any(c.isalpha() for c in item):
            raise src.error(where, f"item {j + 1} of {field!r} ({item!r}) has no letters; "
                            "remove it", *path, field)
        out.append(" ".join(item.split()))
    return tuple(dict.fromkeys(out))


def _year(src: _Source, where: str, entry: dict, field: str, path) -> int | None:
    value = entry.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not _YEARS[0] <= value <= _YEARS[1]:
        raise src.error(where, f"field {field!r} must be a year such as 2019, got {value!r}",
                        *path, field)
    return value


def _years(src, where, entry, path) -> tuple[int | None, int | None]:
    since = _year(src, where, entry, "since", path)
    until = _year(src, where, entry, "until", path)
    if since is not None and until is not None and until < since:
        raise src.error(where, f"'until: {until}' is before 'since: {since}'; swap them",
                        *path, "until")
    return since, until


def _parse_actor(src: _Source, i: int, entry: Any) -> tuple[str, Actor]:
    where = _entry_label(i, entry)
    path = ("actors", i)
    _check_fields(src, where, entry, _ACTOR_FIELDS, _ACTOR_REQUIRED, path)
    name = _string(src, where, entry, "name", path, optional=False)
    kind = _string(src, where, entry, "type", path, optional=False)
    if kind not in ACTOR_TYPES:
        raise src.error(where, f"type {kind!r} is not one of {', '.join(ACTOR_TYPES)}"
                        f"{_did_you_mean(kind, ACTOR_TYPES)}", *path, "type")
    affiliation = _string(src, where, entry, "affiliation", path, optional=False)
    gender = entry.get("gender")
    if gender is not None:
        if kind != "person":
            raise src.error(where, f"gender is only for persons, and this is a {kind}; "
                            "remove 'gender' or set 'type: person'", *path, "gender")
        if gender not in GENDERS:
            raise src.error(where, f"gender {gender!r} is not one of {', '.join(GENDERS)}; "
                            "leave it out when unknown", *path, "gender")
    aliases = _strings(src, where, entry, "aliases", path)
    titles = _strings(src, where, entry, "titles", path)
    roles = _strings(src, where, entry, "roles", path)
    since, until = _years(src, where, entry, path)
    _string(src, where, entry, "source", path)
    _string(src, where, entry, "note", path)

    offices = []
    if titles or roles or since is not None or until is not None:
        offices.append(Office(titles, roles, since, until))
    raw_offices = entry.get("offices")
    if raw_offices is not None and not isinstance(raw_offices, list):
        raise src.error(where, "field 'offices' must be a list of mappings with titles, roles, "
                        f"since and until, got a {_kind(raw_offices)}", *path, "offices")
    for j, raw in enumerate(raw_offices or ()):
        owhere = f"{where}, office {j + 1}"
        opath = path + ("offices", j)
        _check_fields(src, owhere, raw, _OFFICE_FIELDS, (), opath)
        o_titles = _strings(src, owhere, raw, "titles", opath)
        o_roles = _strings(src, owhere, raw, "roles", opath)
        o_since, o_until = _years(src, owhere, raw, opath)
        _string(src, owhere, raw, "note", opath)
        if not (o_titles or o_roles):
            # Another term of the top-level office.
            if not (titles or roles):
                raise src.error(owhere, "lists no titles or roles, and the entry has none at "
                                "the top level to repeat; add 'titles' or 'roles'", *opath)
            o_titles, o_roles = titles, roles
        offices.append(Office(o_titles, o_roles, o_since, o_until))

    all_titles = tuple(dict.fromkeys(t for o in offices for t in o.titles))
    all_roles = tuple(dict.fromkeys(r for o in offices for r in o.roles))
    sinces = [o.since for o in offices]
    untils = [o.until for o in offices]
    span_since = None if not sinces or None in sinces else min(sinces)
    span_until = None if not untils or None in untils else max(untils)
    actor = Actor(name, kind, affiliation, gender, aliases, all_titles, all_roles,
                  span_since, span_until, tuple(offices) if len(offices) > 1 else (),
                  entry.get("source"))
    return where, actor


def _check_actor_set(label: str, labelled: list[tuple[str, Actor]],
                     src: _Source | None = None) -> None:
    """Cross-entry checks: unique canonical names; names of 2+ words name one actor."""
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
    >>> reg = load_actors()
    >>> [a.name for a in reg.lookup("Orbán")]
    ['Viktor Orbán']
    >>> [a.name for a in reg.by_role("the Ukrainian president", year=2016)]
    ['Petro Poroshenko']
    """

    def __init__(self, actors: Iterable[Actor] = (), *, source: str = "<actors>"):
        self._actors = tuple(actors)
        self.source = source
        _check_actor_set(source, [(f"actor {a.name!r}", a) for a in self._actors])
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
        return whole_words(trie_regex({fold_cased(t).lower() for t in self.titles}), re.IGNORECASE)

    @cached_property
    def role_pattern(self) -> re.Pattern | None:
        """Regex matching any role description as whole words, case ignored, longest first."""
        return whole_words(trie_regex({fold_cased(r).lower() for r in self.roles}), re.IGNORECASE)

    def with_actors(self, actors: Iterable[Actor], *, replace: bool = False) -> "ActorRegistry":
        """A new registry with ``actors`` added.

        With ``replace=True`` an added actor replaces the one of the same canonical name;
        otherwise a repeated name is a :class:`RegistryError`.
        """
        added = tuple(actors)
        keys = {name_key(a.name) for a in added}
        kept = [a for a in self._actors if not (replace and name_key(a.name) in keys)]
        return ActorRegistry(kept + list(added), source=self.source)


def load_actors(path: str | Path | None = None, *, include_default: bool = False) -> ActorRegistry:
    """Read an actor registry.

    Parameters
    ----------
    path : str or Path, optional
        A YAML file laid out as described in this module. None: the bundled
        ``stance/resources/actors.yaml``.
    include_default : bool, default False
        Add the file's actors to the bundled ones (an entry with a bundled actor's name
        replaces it) instead of using the file alone.

    Returns
    -------
    ActorRegistry

    Raises
    ------
    RegistryError
        The file is missing, is not valid YAML, or an entry breaks the schema.
    """
    src = _Source.read(path, "actors.yaml")
    entries = src.top("actors", _ACTORS_TOP,
                      "actors:\n  - name: Vladimir Putin\n    type: person\n"
                      "    affiliation: Russia")
    if not isinstance(entries, list):
        raise src.error("", f"'actors' must be a list of entries (each starting with '- '), "
                        f"got a {_kind(entries)}", "actors")
    labelled = [_parse_actor(src, i, e) for i, e in enumerate(entries)]
    _check_actor_set(src.label, labelled, src)
    registry = ActorRegistry((a for _, a in labelled), source=src.label)
    if include_default and path is not None:
        registry = load_actors().with_actors(registry.actors, replace=True)
        registry.source = src.label
    return registry


# ---------------------------------------------------------------------------------------------
# Target registry

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
        entries += [(g.target, "group", g.name, a) for g in self._groups for a in g.aliases]
        for target, kind, group, alias in entries:
            alias = POSSESSIVE.sub("", alias.strip())
            k = name_key(alias)
            if not k:
                continue
            seen = index.setdefault(k, (target, kind, group))
            if seen != (target, kind, group):
                raise RegistryError(f"{source}: alias {alias!r} is given twice ({_describe(seen)}"
                                    f" and {_describe((target, kind, group))}); keep one")
            spellings |= case_variants(alias)
        self._index = index
        self._pattern = whole_words(trie_regex(spellings))
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
             doc_text: str | None = None) -> list[TargetMention]:
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

        Returns
        -------
        list of TargetMention
        """
        if self._pattern is None:
            return []
        end = len(text) if end is None else min(end, len(text))
        out: list[TargetMention] = []
        present: frozenset[str] | None = None
        # The word-boundary check must see the text past `end`, so the search runs a margin
        # beyond it (longer than any alias), but not to the end of a long document.
        limit = end + 256
        for m in self._pattern.finditer(text, start, limit if limit < len(text) else len(text)):
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
    target, kind, group = hit
    if kind == "group":
        return f"alias group {group!r} of {target}"
    return f"{'context alias' if kind == 'context' else 'alias'} of {target}"


def _parse_targets(src: _Source) -> tuple[list[Target], dict[str, AliasGroup]]:
    entries = src.top("targets", _TARGETS_TOP,
                      "targets:\n  - name: NATO\n    aliases: [NATO, the alliance]")
    if not isinstance(entries, list) or not entries:
        raise src.error("", "'targets' must be a non-empty list of entries (each starting with "
                        f"'- '), got {entries!r}", "targets")
    targets: list[Target] = []
    owner: dict[str, str] = {}
    for i, entry in enumerate(entries):
        where = _entry_label(i, entry)
        path = ("targets", i)
        _check_fields(src, where, entry, _TARGET_FIELDS, _TARGET_REQUIRED, path)
        name = _string(src, where, entry, "name", path, optional=False)
        if any(t.name == name for t in targets):
            raise src.error(where, f"duplicate target name {name!r}; merge the entries", *path)
        aliases = _strings(src, where, entry, "aliases", path)
        if not aliases:
            raise src.error(where, "field 'aliases' is empty; list at least the target's "
                            "name", *path, "aliases")
        context = _strings(src, where, entry, "context_aliases", path)
        members = _strings(src, where, entry, "members", path)
        source = _string(src, where, entry, "source", path)
        _string(src, where, entry, "note", path)
        for kind, words in (("an alias", aliases), ("a context alias", context)):
            for alias in words:
                k = name_key(POSSESSIVE.sub("", alias))
                label = f"{kind} of {name}"
                prev = owner.setdefault(k, label)
                if prev != label:
                    raise src.error(where, f"{alias!r} is listed as {prev} and as {label}; an "
                                    "alias must refer to one target in one way",
                                    *path, "aliases" if kind == "an alias" else "context_aliases")
        targets.append(Target(name, aliases, context, source, members))

    groups: dict[str, AliasGroup] = {}
    raw_groups = src.data.get("alias_groups") or {}
    if not isinstance(raw_groups, dict):
        raise src.error("", "'alias_groups' must be a mapping of group name to "
                        f"{{target, aliases, default}}, got a {_kind(raw_groups)}", "alias_groups")
    names = [t.name for t in targets]
    for gname, raw in raw_groups.items():
        where = f"alias group {gname!r}"
        path = ("alias_groups", gname)
        if not isinstance(gname, str) or not re.fullmatch(r"[A-Za-z_][\w-]*", gname):
            raise src.error(where, "group names are single words (letters, digits, _ or -), "
                            "used on the command line", *path)
        _check_fields(src, where, raw, _GROUP_FIELDS, _GROUP_REQUIRED, path)
        target = _string(src, where, raw, "target", path, optional=False)
        if target not in names:
            raise src.error(where, f"target {target!r} is not one of the file's targets "
                            f"({', '.join(names)}){_did_you_mean(target, names)}", *path, "target")
        aliases = _strings(src, where, raw, "aliases", path)
        if not aliases:
            raise src.error(where, "field 'aliases' is empty; list the group's aliases",
                            *path, "aliases")
        default = raw.get("default", False)
        if not isinstance(default, bool):
            raise src.error(where, f"'default' must be true or false, got {default!r}",
                            *path, "default")
        description = _string(src, where, raw, "description", path) or ""
        _string(src, where, raw, "source", path)
        _string(src, where, raw, "note", path)
        for alias in aliases:
            k = name_key(POSSESSIVE.sub("", alias))
            label = f"an alias of group {gname!r}"
            prev = owner.setdefault(k, label)
            if prev != label:
                raise src.error(where, f"{alias!r} is listed as {prev} and as {label}; remove "
                                "it from one of them", *path, "aliases")
        groups[gname] = AliasGroup(gname, target, aliases, default, description)
    return targets, groups


def available_alias_groups(path: str | Path | None = None) -> dict[str, AliasGroup]:
    """The alias groups a target file defines, by name (switched on by default or not)."""
    return _parse_targets(_Source.read(path, "targets.yaml"))[1]


def load_targets(path: str | Path | None = None, *,
                 alias_groups: Iterable[str] | None = None) -> TargetRegistry:
    """Read a target registry.

    Parameters
    ----------
    path : str or Path, optional
        A YAML file laid out as described in this module. None: the bundled
        ``stance/resources/targets.yaml`` (NATO, Ukraine, Russia).
    alias_groups : iterable of str, optional
        Alias groups to switch on. None: the groups marked ``default: true`` (in the bundled
        file, "west": "the West" counts as NATO). ``()``: none.

    Returns
    -------
    TargetRegistry

    Raises
    ------
    RegistryError
        The file is missing, not valid YAML, breaks the schema, or ``alias_groups`` names a
        group the file does not define.
    """
    src = _Source.read(path, "targets.yaml")
    targets, groups = _parse_targets(src)
    if alias_groups is None:
        chosen = [g for g in groups.values() if g.default]
    else:
        wanted = [alias_groups] if isinstance(alias_groups, str) else list(alias_groups)
        unknown = [g for g in wanted if g not in groups]
        if unknown:
            have = ", ".join(groups) or "none"
            raise RegistryError(f"{src.label}: unknown alias group {unknown[0]!r}; pick from "
                                f"the available groups ({have}) or pass none to switch all off"
                                f"{_did_you_mean(unknown[0], groups)}")
        chosen = [groups[g] for g in dict.fromkeys(wanted)]
    return TargetRegistry(targets, groups=chosen, source=src.label)
