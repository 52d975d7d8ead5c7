"""Tests of stance.extract.registry: the bundled actor and target files, lookups, matching and
errors."""
from __future__ import annotations

import doctest
import functools
import pickle
import re
import textwrap
from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stance.extract.registry as registry
from stance.extract.registry import (ACTOR_TYPES, Actor, ActorRegistry, RegistryError,
                                     TargetMention, available_alias_groups, load_actors,
                                     load_targets)

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


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


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
    assert [g.name for g in targets.groups] == ["west", "leaders_russia", "leaders_ukraine", "leaders_nato"]
    nato = targets.targets[0]
    assert {"NATO", "the alliance", "North Atlantic Treaty Organization"} <= set(nato.aliases)
    assert {"allies", "the allies"} <= set(nato.context_aliases)
    assert all(t.source for t in targets.targets)
    assert all(g.description for g in available_alias_groups().values())


def test_registries_pickle(actors, targets):
    # Worker processes receive registries by pickling.
    a2 = pickle.loads(pickle.dumps(actors))
    assert names(a2.lookup("Putin")) == ["Vladimir Putin"]
    t2 = pickle.loads(pickle.dumps(targets))
    assert [m.text for m in t2.find("NATO and Kyiv")] == ["NATO", "Kyiv"]


def test_module_examples():
    result = doctest.testmod(registry)
    assert result.attempted and not result.failed


# ---------------------------------------------------------------------------------------------
# Actor lookups

@pytest.mark.parametrize("mention, expected", [
    ("Putin", "Vladimir Putin"),
    ("PUTIN", "Vladimir Putin"),
    ("Putin's", "Vladimir Putin"),
    ("Zelensky", "Volodymyr Zelenskyy"),
    ("ZELENSKY", "Volodymyr Zelenskyy"),
    ("Zelenskiy", "Volodymyr Zelenskyy"),
    ("Zelenski", "Volodymyr Zelenskyy"),
    ("Vladimir Zelensky", "Volodymyr Zelenskyy"),
    ("Orbán", "Viktor Orbán"),
    ("Orban", "Viktor Orbán"),
    ("viktor orban", "Viktor Orbán"),
    ("Sergei Lavrov", "Sergey Lavrov"),
    ("Sergey Lavrov", "Sergey Lavrov"),
    ("Radoslaw Sikorski", "Radosław Sikorski"),
    ("Szijjarto", "Péter Szijjártó"),
    ("Nauseda", "Gitanas Nausėda"),
    ("Thomas Greenfield", "Linda Thomas-Greenfield"),
    ("the Kremlin", "Kremlin"),
    ("U.S.", "United States"),
    ("US", "United States"),
    ("Kiev", "Ukraine"),
    ("Kyiv", "Ukraine"),
    ("Nato", "NATO"),
])
def test_lookup_variants(actors, mention, expected):
    assert names(actors.lookup(mention)) == [expected]


def test_lookup_shared_surname_is_ambiguous(actors):
    assert set(names(actors.lookup("Johnson"))) == {"Boris Johnson", "Mike Johnson"}
    assert names(actors.lookup("Boris Johnson")) == ["Boris Johnson"]
    assert set(names(actors.lookup("Rasmussen"))) == {"Anders Fogh Rasmussen",
                                                      "Lars Løkke Rasmussen"}


def test_lookup_misses(actors):
    assert actors.lookup("Stephen Miller") == ()
    assert actors.lookup("us") == ()  # the pronoun is not the acronym US
    assert actors.lookup("May") == ()  # no bare surname that is a common word


def test_get_takes_canonical_names_only(actors):
    assert actors.get("vladimir putin").name == "Vladimir Putin"
    assert actors.get("Putin") is None
    assert "NATO" in actors and "Putin" not in actors


@pytest.mark.parametrize("role, year, expected", [
    ("the Russian leader", None, ["Vladimir Putin"]),
    ("Russian leader", None, ["Vladimir Putin"]),
    ("The Kremlin chief", None, ["Vladimir Putin"]),
    ("the russian president", 2016, ["Vladimir Putin"]),
    ("the Hungarian leader", None, ["Viktor Orbán"]),
    ("the Ukrainian president", 2016, ["Petro Poroshenko"]),
    ("the Ukrainian president", 2022, ["Volodymyr Zelenskyy"]),
    ("the Ukrainian leader", 2023, ["Volodymyr Zelenskyy"]),
    ("the Polish prime minister", 2020, ["Mateusz Morawiecki"]),
    ("the Polish prime minister", 2024, ["Donald Tusk"]),
    ("the Polish prime minister", 2012, ["Donald Tusk"]),
    ("the top U.S. diplomat", 2022, ["Antony Blinken"]),
    ("the top US diplomat", 2015, ["John Kerry"]),
    ("America's top diplomat", 2019, ["Mike Pompeo"]),
    ("the NATO chief", 2020, ["Jens Stoltenberg"]),
    ("the NATO chief", 2025, ["Mark Rutte"]),
    ("the U.S. president", 2022, ["Joe Biden"]),
    ("the US president", 2018, ["Donald Trump"]),
    ("the US president", 2026, ["Donald Trump"]),
    ("the EU foreign policy chief", 2022, ["Josep Borrell"]),
    ("the Estonian prime minister", 2022, ["Kaja Kallas"]),
    ("the alliance", None, ["NATO"]),
])
def test_by_role(actors, role, year, expected):
    assert names(actors.by_role(role, year=year)) == expected


def test_by_role_without_year_keeps_every_holder(actors):
    assert names(actors.by_role("the Ukrainian president")) == ["Petro Poroshenko",
                                                                "Volodymyr Zelenskyy"]
    assert actors.by_role("the Martian emperor") == ()


@pytest.mark.parametrize("title, year, expected", [
    ("Russian Foreign Minister", None, ["Sergey Lavrov"]),
    ("Kremlin spokesman", None, ["Dmitry Peskov"]),
    ("US Secretary of State", 2022, ["Antony Blinken"]),
    ("U.S. Secretary of State", 2022, ["Antony Blinken"]),
    ("NATO Secretary-General", 2015, ["Jens Stoltenberg"]),
    ("NATO Secretary General", 2015, ["Jens Stoltenberg"]),
    ("State Department spokesman", 2016, ["John Kirby"]),
    ("State Department spokesman", 2022, ["Ned Price"]),
])
def test_by_title(actors, title, year, expected):
    assert names(actors.by_title(title, year=year)) == expected


def test_in_office_with_several_terms(actors):
    trump = actors.get("Donald Trump")
    assert trump.in_office(2019) and not trump.in_office(2023) and trump.in_office(2025)
    assert (trump.since, trump.until) == (2017, None)
    lavrov = actors.get("Sergey Lavrov")
    assert lavrov.in_office(2014, role="the Russian foreign minister")
    assert not lavrov.in_office(2014, role="the Russian president")


def test_titles_and_roles_are_distinct_and_longest_first(actors):
    for strings in (actors.titles, actors.roles):
        assert len(strings) == len(set(strings))
        assert [len(s) for s in strings] == sorted((len(s) for s in strings), reverse=True)
    assert {"Russian President", "U.S. Secretary of State", "NATO Secretary-General"} <= set(actors.titles)
    assert {"the Russian leader", "the top U.S. diplomat", "the NATO chief"} <= set(actors.roles)


@pytest.mark.parametrize("text, expected", [
    ("State Department spokesman Ned Price said", ["State Department", "Ned Price"]),
    ("Russian President Vladimir Putin spoke", ["Vladimir Putin"]),
    ("ZELENSKY WARNS", ["ZELENSKY"]),
    ("Orban and Orbán met Ursula von der Leyen.", ["Orban", "Orbán", "Ursula von der Leyen"]),
    ("Von der Leyen said", ["Von der Leyen"]),
    ("Putinism and Zelenskyyy are not names", []),
    ("a trump card", []),
    ("Putin’s aide", ["Putin"]),
])
def test_name_pattern(actors, text, expected):
    assert [m.group() for m in actors.name_pattern.finditer(text)] == expected


def test_role_and_title_patterns(actors):
    text = "The Russian leader met the top U.S. diplomat and Russian Foreign Minister Lavrov."
    assert [m.group() for m in actors.role_pattern.finditer(text)] == [
        "The Russian leader", "the top U.S. diplomat"]
    assert "Russian Foreign Minister" in [m.group() for m in actors.title_pattern.finditer(text)]


def test_with_actors_extends_and_replaces(actors):
    extra = Actor("Ivan Petrov", "person", "Russia", "m", aliases=["Petrov"],
                  roles=["the Russian deputy envoy"])
    bigger = actors.with_actors([extra])
    assert len(bigger) == len(actors) + 1 and len(actors) >= 45
    assert names(bigger.lookup("Petrov")) == ["Ivan Petrov"]
    assert names(bigger.by_role("the Russian deputy envoy")) == ["Ivan Petrov"]
    assert [m.group() for m in bigger.name_pattern.finditer("Petrov said")] == ["Petrov"]
    with pytest.raises(RegistryError, match="duplicate name 'Vladimir Putin'"):
        actors.with_actors([Actor("Vladimir Putin", "person", "Russia")])
    swapped = actors.with_actors([Actor("Vladimir Putin", "person", "Russia", "m")], replace=True)
    assert len(swapped) == len(actors) and swapped.get("Vladimir Putin").aliases == ()


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
# Target mentions

def spans(found: list[TargetMention]) -> list[tuple[str, str, str | None]]:
    return [(m.target, m.text, m.group) for m in found]


@pytest.mark.parametrize("text, expected", [
    ("Moscow blamed Kyiv.", [("Russia", "Moscow", None), ("Ukraine", "Kyiv", None)]),
    ("NATO allies met.", [("NATO", "NATO allies", None)]),
    ("Russia-backed fighters", [("Russia", "Russia-backed", None)]),
    ("the Russian Federation said", [("Russia", "the Russian Federation", None)]),
    ("The alliance will respond.", [("NATO", "The alliance", None)]),
    ("THE ALLIANCE WILL RESPOND", [("NATO", "THE ALLIANCE", None)]),
    ("Nato is a British spelling.", [("NATO", "Nato", None)]),
    ("nato in lower case is not the acronym", []),
    ("Prussia and Kievan Rus are not targets", []),
    ("Russians and Ukrainians", [("Russia", "Russians", None), ("Ukraine", "Ukrainians", None)]),
    ("forces moved to the west of Kyiv", [("Ukraine", "Kyiv", None)]),
    ("the West armed Kiev", [("NATO", "the West", "west"), ("Ukraine", "Kiev", None)]),
    ("The West", [("NATO", "The West", "west")]),
])
def test_find(targets, text, expected):
    assert spans(targets.find(text)) == expected


@pytest.mark.parametrize("text, mention", [
    ("Ukraine's army", "Ukraine"),
    ("Russia’s war", "Russia"),
    ("NATO's summit", "NATO"),
    ("the alliance's eastern flank", "the alliance"),
])
def test_possessive_is_not_part_of_the_mention(targets, text, mention):
    (m,) = targets.find(text)
    assert m.text == mention and m.end == len(mention)


def test_offsets_round_trip(targets):
    text = ("Lavrov said Moscow would answer NATO. “The West wants war,” he said, adding that "
            "Kyiv's allies, the U.S. and its allies, and Russian forces were to blame.")
    found = targets.find(text)
    assert found and all(text[m.start:m.end] == m.text for m in found)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    s, e = text.index("“"), text.index("adding")
    inside = targets.find(text, s, e)
    assert [m.text for m in inside] == ["The West"]
    assert all(s <= m.start and m.end <= e and text[m.start:m.end] == m.text for m in inside)


_WORDS = ["NATO", "Nato", "nato", "the", "alliance", "allies", "Allies", "West", "west",
          "Russia", "Russian", "Prussia", "Kyiv", "Kiev", "’s", "'s", "-backed", "Ukraine",
          "US", "and", "its", "Moscow", " ", "  ", "\n", ",", ".", "“", "”"]


@functools.lru_cache(maxsize=None)
def _with_groups(*groups):
    return load_targets(alias_groups=groups)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30), st.data())
def test_find_properties(words, data):
    # Whatever the text and span: offsets round-trip, mentions lie inside the span, do not
    # overlap, and are whole words.
    targets = _with_groups("west", "separatists")
    text = " ".join(words)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    found = targets.find(text, start, end)
    for m in found:
        assert text[m.start:m.end] == m.text
        assert start <= m.start < m.end <= end
        assert not (m.start > 0 and (text[m.start - 1].isalnum() or text[m.start - 1] == "_"))
        assert not (m.end < len(text) and (text[m.end].isalnum() or text[m.end] == "_"))
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_span_end_inside_a_word_is_not_a_mention(targets):
    text = "Prussian history"
    assert targets.find(text, 1, 7) == []  # "Russia" inside "Prussian"
    text = "Russian troops"
    assert targets.find(text, 0, 6) == []  # the span cuts "Russian"


def test_context_alias_needs_a_plain_mention_in_the_document(targets):
    sentence = "The allies must do more, he said."
    assert targets.find(sentence) == []
    assert spans(targets.find(sentence, doc_text="NATO met in Brussels. " + sentence)) == [
        ("NATO", "The allies", None)]
    doc = "NATO met in Brussels. Allies pledged more aid, and allies agreed."
    start = doc.index("Allies")
    assert [m.text for m in targets.find(doc, start)] == ["Allies", "allies"]
    # A group alias ("the West") is not enough: context needs a plain alias.
    assert targets.find("The West and its allies", doc_text="The West and its allies") == [
        TargetMention(0, 8, "NATO", "The West", "west")]


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
    for alias in spec.aliases:
        text = f"They talked about {alias} yesterday."
        with_group = load_targets(alias_groups=[group]).find(text)
        without = load_targets(alias_groups=()).find(text)
        assert (spec.target, alias, group) in spans(with_group), alias
        assert all(m.group is None for m in without)
        assert spans(with_group) != spans(without)


def test_unknown_alias_group_is_named():
    with pytest.raises(RegistryError, match=r"targets\.yaml: unknown alias group 'wets'.*west"):
        load_targets(alias_groups=["wets"])


def test_find_is_fast_enough(targets):
    # Tens of thousands of articles: one long text should take milliseconds, not seconds.
    import time
    text = "Lavrov said NATO allies were arming Kyiv and the West wanted war. " * 3000
    t = time.perf_counter()
    found = targets.find(text)
    assert len(found) == 3 * 3000
    assert time.perf_counter() - t < 2.0


# ---------------------------------------------------------------------------------------------
# Errors in actor files

GOOD_ACTOR = """
  - name: Vladimir Putin
    type: person
    affiliation: Russia
    gender: m
    aliases: [Putin]
"""


def actor_file(tmp_path, entry: str, name: str = "actors.yaml"):
    return write(tmp_path, name, "actors:\n" + GOOD_ACTOR + entry)


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


def test_actor_error_gives_the_line_of_the_field(tmp_path):
    path = actor_file(tmp_path, """
  - name: Sergey Lavrov
    type: person
    affiliation: Russia
    titel: [Foreign Minister]
""")
    with pytest.raises(RegistryError) as err:
        load_actors(path)
    line = path.read_text().splitlines().index("    titel: [Foreign Minister]") + 1
    assert f"line {line})" in str(err.value)


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


def test_malformed_actor_yaml_names_file_and_line(tmp_path):
    path = write(tmp_path, "broken.yaml", """
        actors:
          - name: Vladimir Putin
            type: person
           affiliation: Russia
        """)
    with pytest.raises(RegistryError, match=r"broken\.yaml, line 4, column \d+: not valid YAML"):
        load_actors(path)


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


def test_missing_file(tmp_path):
    with pytest.raises(RegistryError, match=r"nothere\.yaml: the file does not exist"):
        load_actors(tmp_path / "nothere.yaml")
    with pytest.raises(RegistryError, match="is a folder"):
        load_targets(tmp_path)


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


def test_malformed_target_yaml(tmp_path):
    path = write(tmp_path, "targets.yaml", "targets:\n  - name: NATO\n    aliases: [NATO\n")
    with pytest.raises(RegistryError, match=r"targets\.yaml, line \d+, column \d+: not valid YAML"):
        load_targets(path)


def test_variant_of_finds_a_misspelt_surname_with_the_same_first_name():
    reg = ActorRegistry([Actor("Karel Vossberg", "person", ""), Actor("Karel Lind", "person", ""),
                         Actor("Ana Vossberg", "person", "")])
    assert reg.variant_of("Karel Vosberg").name == "Karel Vossberg"
    assert reg.variant_of("Karel Novak") is None       # a different surname
    assert reg.variant_of("Mila Vossberg") is None     # a different first name
    assert reg.variant_of("Vossberg") is None          # a surname alone is not a full name


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
