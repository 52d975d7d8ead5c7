"""Tests of stance.extract.targets: finding target mentions (whole words, longest alias,
possessives, context aliases) and their offsets."""
from __future__ import annotations

import doctest
import functools
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stance.extract.targets as targets_module
from stance.extract.registry import load_targets
from stance.extract.registry_yaml import RegistryError
from stance.extract.targets import AliasGroup, Target, TargetMention, TargetRegistry


@pytest.fixture(scope="module")
def targets():
    return load_targets()


def test_registry_pickles(targets):
    # Worker processes receive registries by pickling.
    t2 = pickle.loads(pickle.dumps(targets))
    assert [m.text for m in t2.find("NATO and Kyiv")] == ["NATO", "Kyiv"]


def test_module_examples():
    result = doctest.testmod(targets_module)
    assert result.attempted and not result.failed


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


def test_find_on_a_long_text(targets):
    # Every repetition is found (its speed is measured in benchmarks/, not asserted here).
    text = "Lavrov said NATO allies were arming Kyiv and the West wanted war. " * 3000
    found = targets.find(text)
    assert len(found) == 3 * 3000


def _norland_registry(groups=True):
    norland = Target("Norland", aliases=("Norland", "Norlandic"))
    ostland = Target("Ostland", aliases=("Ostland",))
    bound = AliasGroup("raiders", "Norland", aliases=("the raiders", "the raider state"),
                       default=True, speakers=("Ostland",))
    return TargetRegistry([norland, ostland], groups=[bound] if groups else [])


def test_speaker_bound_group_counts_only_for_its_speakers():
    reg = _norland_registry()
    text = "The raiders crossed the river, and the raider state lied."
    found = [(m.target, m.text, m.group) for m in reg.find(text, speaker="Ostland")]
    assert found == [("Norland", "The raiders", "raiders"),
                     ("Norland", "the raider state", "raiders")]
    assert reg.find(text) == []
    assert reg.find(text, speaker="Norland") == []
    assert _norland_registry(groups=False).find(text, speaker="Ostland") == []


def test_speaker_bound_alias_yields_to_a_plain_one_and_keeps_text_order():
    reg = TargetRegistry(
        [Target("Norland", aliases=("Norland",)), Target("Ostland", aliases=("the raiders of Ostland",))],
        groups=[AliasGroup("raiders", "Norland", ("the raiders",), speakers=("Ostland",))])
    text = "Norland said the raiders of Ostland fled before the raiders came back."
    found = [(m.target, m.text) for m in reg.find(text, speaker="Ostland")]
    assert found == [("Norland", "Norland"), ("Ostland", "the raiders of Ostland"),
                     ("Norland", "the raiders")]
    assert [m.start for m in reg.find(text, speaker="Ostland")] == sorted(
        m.start for m in reg.find(text, speaker="Ostland"))


def test_speaker_bound_alias_may_not_repeat_a_plain_one():
    with pytest.raises(RegistryError, match="given twice"):
        TargetRegistry([Target("Norland", aliases=("Norland", "the raiders"))],
                       groups=[AliasGroup("raiders", "Norland", ("the raiders",),
                                          speakers=("Ostland",))])


def test_speaker_bound_registry_pickles():
    reg = _norland_registry()
    again = pickle.loads(pickle.dumps(reg))
    text = "the raiders left"
    assert again.find(text, speaker="Ostland") == reg.find(text, speaker="Ostland") != []
