"""Speech cues: the cue table of ``resources/cues.tsv`` and the cues found in a sentence."""
import doctest

from stance.extract import cues
from stance.extract.attribute import extract_statements
from stance.extract.cues import cue_table, cues_in


def _cues(text):
    return [(c.text, c.lemma, c.cls) for c in cues_in(text, 0, len(text))]


def test_doctests():
    assert doctest.testmod(cues).failed == 0


def test_the_table_maps_each_form_to_its_lemma_and_class():
    forms, pattern = cue_table()
    assert forms["warned"] == ("warn", "speech")
    assert forms["condemned"][1] == "attitude"
    assert {cls for _, cls in forms.values()} == {"speech", "attitude"}
    assert pattern.search("Ivo Tamm has warned") and not pattern.search("forewarned")
    assert cue_table() is cue_table()                   # read once


def test_cues_of_a_sentence_in_text_order():
    text = "According to Ivo Tamm, Mara Velt said the port was closed, adding that it would reopen."
    assert _cues(text) == [("According to", "according to", "source"), ("said", "say", "speech"),
                           ("adding", "adding", "participle-speech")]


def test_a_participle_wins_over_the_same_plain_form():
    text = "Mara Velt left the talks, warning of a long winter."
    assert _cues(text) == [("warning", "warning", "participle-speech")]


def test_attitude_and_opening_participles():
    assert _cues("Mara Velt spoke, calling the plan a threat.")[-1][2] == "participle-attitude"
    assert _cues("Noting the delays, Mara Velt said the port would close.")[0] == \
        ("Noting", "noting", "participle-opening")


def test_cues_are_read_only_inside_the_span():
    text = "Mara Velt said it. Ivo Tamm warned."
    assert [c.text for c in cues_in(text, text.index("Ivo"), len(text))] == ["warned"]


def test_drew_someones_attention_to_is_a_cue(actors):
    text = "Karel Vos drew President Ana Roth's attention to the scale of the naval exercises."
    assert _cues(text)[0][1:] == ("draw attention", "speech")
    (st,) = extract_statements("t", text, actors=actors)
    assert "the scale of the naval exercises" in st.text and st.speaker == "Karel Vos"
