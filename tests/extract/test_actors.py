"""Tests of stance.extract.actors: actor lookups by name, alias, title and role, and the
patterns that find actors in text."""
from __future__ import annotations

import doctest
import pickle

import pytest

import stance.extract.actors as actors_module
from stance.extract.actors import Actor, ActorRegistry
from stance.extract.registry import load_actors
from stance.extract.registry_yaml import RegistryError


@pytest.fixture(scope="module")
def actors() -> ActorRegistry:
    return load_actors()


def names(found) -> list[str]:
    return [a.name for a in found]


def test_registry_pickles(actors):
    # Worker processes receive registries by pickling.
    a2 = pickle.loads(pickle.dumps(actors))
    assert names(a2.lookup("Putin")) == ["Vladimir Putin"]


def test_module_examples():
    result = doctest.testmod(actors_module)
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


def test_variant_of_finds_a_misspelt_surname_with_the_same_first_name():
    reg = ActorRegistry([Actor("Karel Vossberg", "person", ""), Actor("Karel Lind", "person", ""),
                         Actor("Ana Vossberg", "person", "")])
    assert reg.variant_of("Karel Vosberg").name == "Karel Vossberg"
    assert reg.variant_of("Karel Novak") is None       # a different surname
    assert reg.variant_of("Mila Vossberg") is None     # a different first name
    assert reg.variant_of("Vossberg") is None          # a surname alone is not a full name
