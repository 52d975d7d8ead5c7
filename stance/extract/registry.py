"""The registry files: who may speak, and toward whom stance is measured.

Both registries are YAML files. The defaults live in ``stance/resources/`` (``actors.yaml``
and ``targets.yaml``); a researcher can pass a file of their own with the same layout
(``stance score --actors FILE --targets FILE``, or :func:`load_actors` / :func:`load_targets`).
This module checks each entry against the layout below and builds the registries
(:class:`~stance.extract.actors.ActorRegistry`, :class:`~stance.extract.targets.TargetRegistry`).
Files are read with ``yaml.safe_load`` (:mod:`stance.extract.registry_yaml`); every problem is
reported as a :class:`~stance.extract.registry_yaml.RegistryError` naming the file, the line,
the entry and what to change.

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

* Names and aliases match case- and diacritic-insensitively in
  :meth:`~stance.extract.actors.ActorRegistry.lookup` ("Orbán" is "ORBAN"); an all-capital
  alias such as "US" or "NATO" does not match a mention written all in lower case ("us").
* An alias of two or more words must belong to a single actor. A one-word alias (a bare
  surname) may be shared: ``lookup("Johnson")`` then returns every actor it names and the
  caller decides, e.g. by the article's date.
* ``since``/``until`` are the first and last year of the office that the top-level titles and
  roles describe. ``offices`` lists further offices, each with its own ``titles``, ``roles``,
  ``since`` and ``until``; an office that lists no titles and no roles is another term of the
  top-level ones (a non-consecutive second term). Role descriptions shared by successive
  holders ("the Ukrainian president") stay on each holder, and
  :meth:`~stance.extract.actors.ActorRegistry.by_role` with ``year=`` keeps the one in office
  that year.

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
      occupiers:
        target: Russia
        speakers: [Ukraine]                     # only in statements of Ukrainian speakers
        aliases: [the occupiers]

Capital letters in a target alias must match ("NATO" is not "nato", "the West" is not the
compass direction "the west"); a lower-case letter at the start of a word may also be written
in capitals ("The alliance"), and the whole alias in capitals ("UKRAINE") matches too. A
possessive ending (``'s``) is never part of a mention, so aliases need no "Ukraine's".
Alias groups are the researcher's choice of looser aliases: ``load_targets(alias_groups=())``
switches all off, ``alias_groups=["west"]`` picks exactly those.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

from ..text.normalize import POSSESSIVE, name_key
from .actors import Actor, ActorRegistry, Office, check_actor_set
from .registry_yaml import (RegistryError, YamlSource, check_fields, did_you_mean, entry_label,
                            kind_of, string_field, strings_field, year_fields)
from .targets import AliasGroup, Target, TargetRegistry

__all__ = ["ACTOR_TYPES", "GENDERS", "available_alias_groups", "load_actors", "load_targets"]

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
_GROUP_FIELDS = ("target", "aliases", "default", "description", "speakers", "source", "note")
_GROUP_REQUIRED = ("target", "aliases")
_ACTORS_TOP = ("actors", "description", "source", "note")
_TARGETS_TOP = ("targets", "alias_groups", "description", "source", "note")


# ---------------------------------------------------------------------------------------------
# Actor file

def _parse_actor(src: YamlSource, i: int, entry: Any) -> tuple[str, Actor]:
    where = entry_label(i, entry)
    path = ("actors", i)
    check_fields(src, where, entry, _ACTOR_FIELDS, _ACTOR_REQUIRED, path)
    name = string_field(src, where, entry, "name", path, optional=False)
    kind = string_field(src, where, entry, "type", path, optional=False)
    if kind not in ACTOR_TYPES:
        raise src.error(where, f"type {kind!r} is not one of {', '.join(ACTOR_TYPES)}"
                        f"{did_you_mean(kind, ACTOR_TYPES)}", *path, "type")
    affiliation = string_field(src, where, entry, "affiliation", path, optional=False)
    gender = entry.get("gender")
    if gender is not None:
        if kind != "person":
            raise src.error(where, f"gender is only for persons, and this is a {kind}; "
                            "remove 'gender' or set 'type: person'", *path, "gender")
        if gender not in GENDERS:
            raise src.error(where, f"gender {gender!r} is not one of {', '.join(GENDERS)}; "
                            "leave it out when unknown", *path, "gender")
    aliases = strings_field(src, where, entry, "aliases", path)
    titles = strings_field(src, where, entry, "titles", path)
    roles = strings_field(src, where, entry, "roles", path)
    since, until = year_fields(src, where, entry, path)
    string_field(src, where, entry, "source", path)
    string_field(src, where, entry, "note", path)

    offices = []
    if titles or roles or since is not None or until is not None:
        offices.append(Office(titles, roles, since, until))
    raw_offices = entry.get("offices")
    if raw_offices is not None and not isinstance(raw_offices, list):
        raise src.error(where, "field 'offices' must be a list of mappings with titles, roles, "
                        f"since and until, got a {kind_of(raw_offices)}", *path, "offices")
    for j, raw in enumerate(raw_offices or ()):
        owhere = f"{where}, office {j + 1}"
        opath = path + ("offices", j)
        check_fields(src, owhere, raw, _OFFICE_FIELDS, (), opath)
        o_titles = strings_field(src, owhere, raw, "titles", opath)
        o_roles = strings_field(src, owhere, raw, "roles", opath)
        o_since, o_until = year_fields(src, owhere, raw, opath)
        string_field(src, owhere, raw, "note", opath)
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

    Examples
    --------
    >>> load_actors().get("Sergey Lavrov").affiliation
    'Russia'
    """
    src = YamlSource.read(path, "actors.yaml")
    entries = src.top("actors", _ACTORS_TOP,
                      "actors:\n  - name: Vladimir Putin\n    type: person\n"
                      "    affiliation: Russia")
    if not isinstance(entries, list):
        raise src.error("", f"'actors' must be a list of entries (each starting with '- '), "
                        f"got a {kind_of(entries)}", "actors")
    labelled = [_parse_actor(src, i, e) for i, e in enumerate(entries)]
    check_actor_set(src.label, labelled, src)
    registry = ActorRegistry((a for _, a in labelled), source=src.label)
    if include_default and path is not None:
        registry = load_actors().with_actors(registry.actors, replace=True)
        registry.source = src.label
    return registry


# ---------------------------------------------------------------------------------------------
# Target file

def _parse_targets(src: YamlSource) -> tuple[list[Target], dict[str, AliasGroup]]:
    entries = src.top("targets", _TARGETS_TOP,
                      "targets:\n  - name: NATO\n    aliases: [NATO, the alliance]")
    if not isinstance(entries, list) or not entries:
        raise src.error("", "'targets' must be a non-empty list of entries (each starting with "
                        f"'- '), got {entries!r}", "targets")
    targets: list[Target] = []
    owner: dict[str, str] = {}
    for i, entry in enumerate(entries):
        where = entry_label(i, entry)
        path = ("targets", i)
        check_fields(src, where, entry, _TARGET_FIELDS, _TARGET_REQUIRED, path)
        name = string_field(src, where, entry, "name", path, optional=False)
        if any(t.name == name for t in targets):
            raise src.error(where, f"duplicate target name {name!r}; merge the entries", *path)
        aliases = strings_field(src, where, entry, "aliases", path)
        if not aliases:
            raise src.error(where, "field 'aliases' is empty; list at least the target's "
                            "name", *path, "aliases")
        context = strings_field(src, where, entry, "context_aliases", path)
        members = strings_field(src, where, entry, "members", path)
        source = string_field(src, where, entry, "source", path)
        string_field(src, where, entry, "note", path)
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
                        f"{{target, aliases, default}}, got a {kind_of(raw_groups)}",
                        "alias_groups")
    names = [t.name for t in targets]
    for gname, raw in raw_groups.items():
        where = f"alias group {gname!r}"
        path = ("alias_groups", gname)
        if not isinstance(gname, str) or not re.fullmatch(r"[A-Za-z_][\w-]*", gname):
            raise src.error(where, "group names are single words (letters, digits, _ or -), "
                            "used on the command line", *path)
        check_fields(src, where, raw, _GROUP_FIELDS, _GROUP_REQUIRED, path)
        target = string_field(src, where, raw, "target", path, optional=False)
        if target not in names:
            raise src.error(where, f"target {target!r} is not one of the file's targets "
                            f"({', '.join(names)}){did_you_mean(target, names)}", *path, "target")
        aliases = strings_field(src, where, raw, "aliases", path)
        if not aliases:
            raise src.error(where, "field 'aliases' is empty; list the group's aliases",
                            *path, "aliases")
        default = raw.get("default", False)
        if not isinstance(default, bool):
            raise src.error(where, f"'default' must be true or false, got {default!r}",
                            *path, "default")
        description = string_field(src, where, raw, "description", path) or ""
        speakers = strings_field(src, where, raw, "speakers", path)
        string_field(src, where, raw, "source", path)
        string_field(src, where, raw, "note", path)
        for alias in aliases:
            k = name_key(POSSESSIVE.sub("", alias))
            label = f"an alias of group {gname!r}"
            prev = owner.setdefault(k, label)
            if prev != label:
                raise src.error(where, f"{alias!r} is listed as {prev} and as {label}; remove "
                                "it from one of them", *path, "aliases")
        groups[gname] = AliasGroup(gname, target, aliases, default, description, speakers)
    return targets, groups


def available_alias_groups(path: str | Path | None = None) -> dict[str, AliasGroup]:
    """The alias groups a target file defines, by name (switched on by default or not)."""
    return _parse_targets(YamlSource.read(path, "targets.yaml"))[1]


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

    Examples
    --------
    >>> load_targets().names
    ('NATO', 'Ukraine', 'Russia')
    >>> [g.name for g in load_targets(alias_groups=["west"]).groups]
    ['west']
    """
    src = YamlSource.read(path, "targets.yaml")
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
                                f"{did_you_mean(unknown[0], groups)}")
        chosen = [groups[g] for g in dict.fromkeys(wanted)]
    return TargetRegistry(targets, groups=chosen, source=src.label)
