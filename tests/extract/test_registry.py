"""Tests of stance.extract.registry: the bundled actor and target files, reading files of
one's own, alias groups, and the errors of malformed entries."""
from __future__ import annotations

import doctest
import re
import textwrap
from importlib.resources import files

import pytest

import stance.extract.registry as registry
from stance.extract.actors import ActorRegistry
from stance.extract.registry import ACTOR_TYPES, available_alias_groups, load_actors, load_targets
from stance.extract.registry_yaml import RegistryError

from .registry_files import actor_file, write
from stance.extract.targets import TargetMention


#: Affiliations the rest of the package knows (mentions.NATIONALITIES and the report's groups).
KNOWN_AFFILIATIONS = {
    "Russia", "Ukraine", "United States", "United Kingdom", "France", "Germany", "Poland",
    "Hungary", "Estonia", "Latvia", "Lithuania", "Denmark", "NATO", "European Union",
    "United Nations",
}


@pytest.fixture(scope="module")
def actors() -> ActorRegistry:
    return load_actors()


@pytest.fixture(scope="module")
def targets():
    return load_targets()


def names(found) -> list[str]:
    return [a.name for a in found]


# ---------------------------------------------------------------------------------------------
# The bundled files

def test_bundled_files_are_package_resources():
    res = files("stance") / "resources"
    assert (res / "actors.yaml").is_file()
    assert (res / "targets.yaml").is_file()


def test_default_actors_load_with_required_fields(actors):
    assert len(actors) >= 45
    for a in actors:
        assert a.name and a.type in ACTOR_TYPES, a
        assert a.affiliation in KNOWN_AFFILIATIONS, a
        assert a.source, a
        if a.type == "person":
            assert a.gender in ("m", "f"), a
            assert a.titles and a.roles, a
        else:
            assert a.gender is None, a
        if a.since is not None and a.until is not None:
            assert a.since <= a.until, a


def test_default_actors_cover_the_story(actors):
    expected = """Vladimir Putin|Dmitry Medvedev|Sergey Lavrov|Sergei Shoigu|Maria Zakharova|
    Dmitry Peskov|Vassily Nebenzia|Alexander Grushko|Petro Poroshenko|Volodymyr Zelenskyy|
    Arseniy Yatsenyuk|Volodymyr Groysman|Oleksiy Honcharuk|Denys Shmyhal|Dmytro Kuleba|
    Oleksii Reznikov|Andrii Sybiha|Barack Obama|Donald Trump|Joe Biden|John Kerry|Rex Tillerson|
    Mike Pompeo|Antony Blinken|Lloyd Austin|Ned Price|Matthew Miller|John Kirby|
    Linda Thomas-Greenfield|David Cameron|Theresa May|Boris Johnson|Liz Truss|Rishi Sunak|
    Keir Starmer|François Hollande|Emmanuel Macron|Angela Merkel|Olaf Scholz|Annalena Baerbock|
    Andrzej Duda|Mateusz Morawiecki|Donald Tusk|Radosław Sikorski|Zbigniew Rau|Viktor Orbán|
    Péter Szijjártó|Kaja Kallas|Gitanas Nausėda|Egils Levits|Anders Fogh Rasmussen|
    Jens Stoltenberg|Mark Rutte|Ursula von der Leyen|Josep Borrell|Charles Michel|Kremlin|
    Russian Foreign Ministry|Russian Defence Ministry|NATO|State Department|Pentagon|White House|
    European Commission|European Union|United Nations|Russia|Ukraine|United States"""
    missing = [n.strip() for n in expected.split("|") if actors.get(n.strip()) is None]
    assert not missing


@pytest.mark.parametrize("name, kind, gender, affiliation", [
    ("Vladimir Putin", "person", "m", "Russia"),
    ("Maria Zakharova", "person", "f", "Russia"),
    ("Kaja Kallas", "person", "f", "Estonia"),
    ("Linda Thomas-Greenfield", "person", "f", "United States"),
    ("Jens Stoltenberg", "person", "m", "NATO"),
    ("Ursula von der Leyen", "person", "f", "European Union"),
    ("Kremlin", "institution", None, "Russia"),
    ("Ukraine", "state", None, "Ukraine"),
])
def test_default_actor_facts(actors, name, kind, gender, affiliation):
    a = actors.get(name)
    assert (a.type, a.gender, a.affiliation) == (kind, gender, affiliation)


def test_default_targets_load(targets):
    assert targets.names == ("NATO", "Ukraine", "Russia")
    assert [g.name for g in targets.groups] == ["west", "occupiers", "leaders_russia",
                                              "leaders_ukraine", "leaders_nato"]
    nato = targets.targets[0]
    assert {"NATO", "the alliance", "North Atlantic Treaty Organization"} <= set(nato.aliases)
    assert {"allies", "the allies"} <= set(nato.context_aliases)
    assert all(t.source for t in targets.targets)
    assert all(g.description for g in available_alias_groups().values())


def test_module_examples():
    result = doctest.testmod(registry)
    assert result.attempted and not result.failed


def test_load_actors_can_extend_the_defaults(tmp_path):
    path = write(tmp_path, "mine.yaml", """
        actors:
          - name: Ivan Petrov
            type: person
            affiliation: Russia
            aliases: [Petrov]
        """)
    alone = load_actors(path)
    assert names(alone) == ["Ivan Petrov"] and alone.get("Ivan Petrov").gender is None
    both = load_actors(path, include_default=True)
    assert both.get("Ivan Petrov") and both.get("Vladimir Putin")


# ---------------------------------------------------------------------------------------------
# Alias groups

def spans(found: list[TargetMention]) -> list[tuple[str, str, str | None]]:
    return [(m.target, m.text, m.group) for m in found]


def test_the_west_group_switches(targets):
    text = "Russia blamed the West."
    on = [("Russia", "Russia", None), ("NATO", "the West", "west")]
    assert spans(targets.find(text)) == on
    assert spans(load_targets(alias_groups=None).find(text)) == on
    assert spans(load_targets(alias_groups=["west"]).find(text)) == on
    assert spans(load_targets(alias_groups="west").find(text)) == on
    assert spans(load_targets(alias_groups=()).find(text)) == [("Russia", "Russia", None)]


@pytest.mark.parametrize("group", sorted(available_alias_groups()))
def test_every_alias_group_switches(group):
    spec = available_alias_groups()[group]
    # A speaker-bound group counts only in its speakers' statements.
    speaker = spec.speakers[0] if spec.speakers else None
    for alias in spec.aliases:
        text = f"They talked about {alias} yesterday."
        with_group = load_targets(alias_groups=[group]).find(text, speaker=speaker)
        without = load_targets(alias_groups=()).find(text, speaker=speaker)
        if speaker:
            assert load_targets(alias_groups=[group]).find(text) == without, alias
        assert (spec.target, alias, group) in spans(with_group), alias
        assert all(m.group is None for m in without)
        assert spans(with_group) != spans(without)


def test_unknown_alias_group_is_named():
    with pytest.raises(RegistryError, match=r"targets\.yaml: unknown alias group 'wets'.*west"):
        load_targets(alias_groups=["wets"])


# ---------------------------------------------------------------------------------------------
# Errors in actor files


@pytest.mark.parametrize("entry, problem", [
    ("""
  - name: Sergey Lavrov
    type: person
    affiliation: Russia
    titel: [Foreign Minister]
""", r"entry 2 \('Sergey Lavrov', line \d+\): unknown field 'titel' \(allowed: .*\); "
     r"did you mean 'titles'\?"),
    ("""
  - name: Sergey Lavrov
    affiliation: Russia
""", r"entry 2 \('Sergey Lavrov', line \d+\): missing required field 'type'"),
    ("""
  - name: Sergey Lavrov
    type: persn
    affiliation: Russia
""", r"entry 2 \('Sergey Lavrov', line \d+\): type 'persn' is not one of person, .*did you "
     r"mean 'person'"),
    ("""
  - name: Sergey Lavrov
    type: person
    affiliation: Russia
    gender: male
""", r"entry 2 \('Sergey Lavrov', line \d+\): gender 'male' is not one of m, f"),
    ("""
  - name: Kremlin
    type: institution
    affiliation: Russia
    gender: m
""", r"entry 2 \('Kremlin', line \d+\): gender is only for persons"),
    ("""
  - name: Sergey Lavrov
    type: person
    affiliation: Russia
    aliases: Lavrov
""", r"entry 2 \('Sergey Lavrov', line \d+\): field 'aliases' must be a list of strings"),
    ("""
  - name: Sergey Lavrov
    type: person
    affiliation: Russia
    aliases: [Lavrov, 2004]
""", r"entry 2 \('Sergey Lavrov', line \d+\): item 2 of 'aliases' is 2004"),
    ("""
  - name: Sergey Lavrov
    type: person
    affiliation: Russia
    since: twenty
""", r"entry 2 \('Sergey Lavrov', line \d+\): field 'since' must be a year"),
    ("""
  - name: Sergey Lavrov
    type: person
    affiliation: Russia
    since: 2019
    until: 2014
""", r"entry 2 \('Sergey Lavrov', line \d+\): 'until: 2014' is before 'since: 2019'"),
    ("""
  - name: Vladimir Putin
    type: person
    affiliation: Russia
""", r"entry 2 \('Vladimir Putin', line \d+\): duplicate name 'Vladimir Putin' \(also entry 1"),
    ("""
  - name: Vladimir V. Putin
    type: person
    affiliation: Russia
    aliases: [Vladimir Putin]
""", r"entry 2 \('Vladimir V. Putin', line \d+\): 'Vladimir Putin' also names entry 1 "
     r"\('Vladimir Putin'\); a name of two or more words must belong to one actor"),
    ("""
  - Sergey Lavrov
""", r"entry 2 \(line \d+\): expected a mapping of fields"),
    ("""
  - name: Sergey Lavrov
    type: person
    affiliation: Russia
    offices:
      - {titles: [Foreign Minister], sinse: 2004}
""", r"entry 2 \('Sergey Lavrov'\), office 1 \(line \d+\): unknown field 'sinse'.*did you "
     r"mean 'since'"),
])
def test_actor_file_errors(tmp_path, entry, problem):
    path = actor_file(tmp_path, entry)
    with pytest.raises(RegistryError) as err:
        load_actors(path)
    message = str(err.value)
    assert message.startswith(str(path) + ": ")
    assert re.search(problem, message), message


def test_shared_bare_surname_is_allowed(tmp_path):
    path = actor_file(tmp_path, """
  - name: Boris Johnson
    type: person
    affiliation: United Kingdom
    aliases: [Johnson]
  - name: Mike Johnson
    type: person
    affiliation: United States
    aliases: [Johnson]
""")
    assert len(load_actors(path).lookup("Johnson")) == 2


@pytest.mark.parametrize("text, problem", [
    ("", r"expected a top-level 'actors:' list, got an empty file"),
    ("people:\n  - name: X\n", r"expected a top-level 'actors:' list, got a mapping"),
    ("actors:\n  name: X\n", r"'actors' must be a list of entries"),
    ("actors: []\nsorce: me\n", r"line 2: unknown top-level key 'sorce'.*did you mean 'source'"),
])
def test_actor_file_layout_errors(tmp_path, text, problem):
    path = write(tmp_path, "layout.yaml", text)
    with pytest.raises(RegistryError) as err:
        load_actors(path)
    assert str(err.value).startswith(str(path))
    assert re.search(problem, str(err.value)), str(err.value)


# ---------------------------------------------------------------------------------------------
# Errors in target files

GOOD_TARGETS = """
targets:
  - name: NATO
    aliases: [NATO, the alliance]
    context_aliases: [allies]
  - name: Russia
    aliases: [Russia, Moscow]
"""


@pytest.mark.parametrize("extra, problem", [
    ("""
  - name: Ukraine
    alias: [Ukraine]
""", r"entry 3 \('Ukraine', line \d+\): unknown field 'alias'.*did you mean 'aliases'"),
    ("""
  - name: Ukraine
    aliases: []
""", r"entry 3 \('Ukraine', line \d+\): field 'aliases' is empty"),
    ("""
  - name: Ukraine
    aliases: [Ukraine, Moscow]
""", r"entry 3 \('Ukraine', line \d+\): 'Moscow' is listed as an alias of Russia and as an "
     r"alias of Ukraine"),
    ("""
  - name: Russia
    aliases: [Russian]
""", r"entry 3 \('Russia', line \d+\): duplicate target name 'Russia'"),
    ("""
alias_groups:
  west:
    target: Nato
    aliases: [the West]
""", r"alias group 'west' \(line \d+\): target 'Nato' is not one of the file's targets "
     r"\(NATO, Russia\); did you mean 'NATO'"),
    ("""
alias_groups:
  west:
    target: NATO
    aliases: [the West, the alliance]
""", r"alias group 'west' \(line \d+\): 'the alliance' is listed as an alias of NATO and as "
     r"an alias of group 'west'"),
    ("""
alias_groups:
  west:
    target: NATO
    default: yes please
    aliases: [the West]
""", r"alias group 'west' \(line \d+\): 'default' must be true or false"),
])
def test_target_file_errors(tmp_path, extra, problem):
    path = write(tmp_path, "targets.yaml", GOOD_TARGETS + extra)
    with pytest.raises(RegistryError) as err:
        load_targets(path)
    message = str(err.value)
    assert message.startswith(str(path) + ": ")
    assert re.search(problem, message), message


def test_custom_target_file(tmp_path):
    path = write(tmp_path, "targets.yaml", GOOD_TARGETS + textwrap.dedent("""
        alias_groups:
          west:
            target: NATO
            aliases: [the West]
        """))
    reg = load_targets(path)
    assert reg.groups == ()  # not default: off unless picked
    assert spans(load_targets(path, alias_groups=["west"]).find("the West")) == [
        ("NATO", "the West", "west")]
    with pytest.raises(RegistryError, match=r"unknown alias group 'east'; pick from the available groups \(west\)"):
        load_targets(path, alias_groups=["east"])


def test_target_members_give_the_scorers_sides(tmp_path):
    path = write(tmp_path, "targets.yaml", """
        targets:
          - name: Concord
            aliases: [Concord, the pact]
            members: [Ruritania, Freedonia]
          - name: Sylvania
            aliases: [Sylvania]
        """)
    reg = load_targets(path)
    assert reg.sides == {"concord": frozenset({"ruritania", "freedonia"})}
    assert load_targets().sides["nato"] >= {"poland", "united states"}


def test_alias_group_speakers_are_read_from_the_file(tmp_path):
    from .registry_files import write
    path = write(tmp_path, "targets.yaml", """
        targets:
          - name: Norland
            aliases: [Norland]
        alias_groups:
          raiders:
            target: Norland
            default: true
            speakers: [Ostland]
            aliases: [the raiders]
        """)
    reg = load_targets(path)
    assert reg.groups[0].speakers == ("Ostland",)
    assert [m.text for m in reg.find("the raiders came", speaker="Ostland")] == ["the raiders"]
    assert reg.find("the raiders came") == []
    bad = write(tmp_path, "bad.yaml", """
        targets:
          - name: Norland
            aliases: [Norland]
        alias_groups:
          raiders: {target: Norland, speakers: 5, aliases: [the raiders]}
        """)
    with pytest.raises(RegistryError, match="speakers"):
        load_targets(bad)
