"""The ordered registry of attribution passes: its order, and switching passes off."""
import doctest

import pytest

from stance.extract import passes
from stance.extract.attribute import extract_statements
from stance.extract.passes import PASSES, Pass, pass_names, without

READOUT = ("President Karel Vos had a telephone conversation with Prime Minister Ana Roth. "
           "The leaders agreed that the talks should continue.")


def _speakers(text, actors, **kw):
    return [(s.speaker, s.text) for s in extract_statements("t", text, actors=actors, **kw)]


def test_doctests():
    assert doctest.testmod(passes).failed == 0


def test_the_order_is_visible_and_every_pass_says_where_it_comes_from():
    assert pass_names() == ("sentence_cues", "messages", "back_references", "continuations",
                            "transcript_turns", "joint_speakers")
    assert len(set(pass_names())) == len(PASSES)
    assert all(p.provenance and callable(p.apply) for p in PASSES)


def test_without_keeps_the_order_of_the_rest():
    assert pass_names(without("messages", "continuations")) == (
        "sentence_cues", "back_references", "transcript_turns", "joint_speakers")
    assert without() == PASSES


@pytest.mark.parametrize("names", [("joint_speaker",), ("joint_speakers", "Continuations")])
def test_without_an_unknown_name_raises(names):
    with pytest.raises(ValueError, match="no pass named") as err:
        without(*names)
    assert "joint_speakers" in str(err.value)          # the message lists the passes


def test_without_reads_another_list_of_passes():
    mine = (Pass("first", lambda doc: None), Pass("second", lambda doc: None))
    assert pass_names(without("first", passes=mine)) == ("second",)
    with pytest.raises(ValueError):
        without("joint_speakers", passes=mine)


def test_switching_joint_speakers_off_leaves_the_group_noun(actors):
    content = "agreed that the talks should continue"     # "agreed" keeps its verb (attitude)
    assert _speakers(READOUT, actors) == [("Karel Vos + Ana Roth", content)]
    assert _speakers(READOUT, actors, passes=without("joint_speakers")) == [("leaders", content)]


@pytest.mark.parametrize("name, text, anchor", [
    ("sentence_cues", "Mara Velt said that the talks had failed.", "the talks had failed"),
    ("messages", "President Karel Vos sent a message to the school. The message reads, in "
                 "part: “The school is part of our history.”", "part of our history"),
    ("back_references", "The harbour will be rebuilt within two years. This was stated by "
                        "President Karel Vos during a visit.", "The harbour will be rebuilt"),
    ("continuations", "“We are ready,” said Anna Rask. “Nobody should doubt it.”",
     "Nobody should doubt it"),
    ("transcript_turns", "Chair of the Council Ana Roth: Colleagues, we will rebuild the "
                         "harbour.", "we will rebuild the harbour"),
])
def test_switching_a_pass_off_loses_what_only_it_finds(actors, name, text, anchor):
    assert any(anchor in s for _, s in _speakers(text, actors))
    assert not any(anchor in s for _, s in _speakers(text, actors, passes=without(name)))
