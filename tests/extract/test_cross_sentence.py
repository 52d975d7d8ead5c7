"""The passes that read across sentences: continuations, transcript turns, quoted messages,
joint speakers and "This was stated by" (fictional speakers)."""
import pytest

from stance.extract.attribute import extract_statements
from stance.extract.passes import PASSES, Pass
from .statements import by_anchor as _by_anchor, run as _run


CASES = [
    # (pattern, text, anchor, speaker, kind)
    ("bare name and colon",
     "Ilse Brandt: “Nobody wants this conflict.”", "Nobody wants this conflict",
     "Ilse Brandt", "direct"),
    ("continuation quote keeps the speaker",
     "“Imagine the worst,” Varga said. “Should we fight them then? Has anyone thought "
     "about it?”", "Should we fight them then", "Varga", "direct"),
    ("continuation across paragraphs",
     "“We are ready,” said General Anna Rask.\n\n“Nobody should doubt it.”",
     "Nobody should doubt it", "Anna Rask", "direct"),
]


@pytest.mark.parametrize("pattern, text, anchor, speaker, kind", CASES, ids=[c[0] for c in CASES])
def test_patterns(actors, pattern, text, anchor, speaker, kind):
    st = _by_anchor(_run(text, actors, masks=[]), anchor)
    if speaker is not None:
        assert st.speaker == speaker
    assert st.kind == kind


def test_transcript_turns(actors):
    text = ("Chair of the Norland Council Ana Roth: Colleagues, we will rebuild the harbour. "
            "I have said so before. Karel Vos: Thank you, we support the plan fully.")
    statements = _run(text, actors)
    first = _by_anchor(statements, "we will rebuild the harbour")
    assert (first.speaker, first.kind, first.cue) == ("Ana Roth", "direct", "(transcript)")
    assert "I have said so before" in first.text          # the turn runs to the next turn
    assert _by_anchor(statements, "we support the plan").speaker == "Karel Vos"
    assert not any(s.cue == "said" for s in statements)   # "I have said" is part of the turn


def test_a_colon_heading_is_not_a_transcript_turn(actors):
    assert _run("Note: the session was held online with all members present.", actors) == []


def test_quoted_message_belongs_to_its_sender(actors):
    text = ('President Karel Vos sent a message of greetings to the school. The message reads, '
            'in part:"The school has become part of the history of our country."')
    st = _by_anchor(_run(text, actors), "part of the history of our country")
    assert (st.speaker, st.kind) == ("Karel Vos", "direct")


@pytest.mark.parametrize("subject", ["The leaders", "The parties", "The two presidents",
                                     "The interlocutors"])
def test_joint_statement_goes_to_the_participants(actors, subject):
    text = (f"President Karel Vos had a telephone conversation with Prime Minister Ana Roth. "
            f"{subject} agreed that the talks should continue.")
    st = _by_anchor(_run(text, actors), "the talks should continue")
    assert (st.speaker, st.speaker_type) == ("Karel Vos + Ana Roth", "group")


def test_joint_noun_without_two_named_participants_stays_a_group(actors):
    st = _by_anchor(_run("The leaders agreed that the talks should continue.", actors),
                    "the talks should continue")
    assert st.speaker == "leaders"


# -- mechanisms chosen on the real-text dev split (fictional text) ------------------------------

def test_title_with_a_chain_of_bodies_introduces_a_person(actors):
    text = ("President of Norland Karel Vos had a telephone conversation with President of the "
            "Republic of Belmark Ana Roth. The two leaders agreed that the talks should go on.")
    st = _by_anchor(_run(text, actors), "the talks should go on")
    assert st.speaker == "Karel Vos + Ana Roth"


def test_joint_noun_with_of_states_is_a_joint_statement(actors):
    text = ("President Karel Vos had a telephone conversation with Prime Minister Ana Roth. "
            "The leaders of Norland and Belmark noted the success of the harbour conference.")
    st = _by_anchor(_run(text, actors), "the success of the harbour conference")
    assert st.speaker == "Karel Vos + Ana Roth"


def test_this_was_stated_by_attributes_the_sentence_before(actors):
    text = ("The harbour of Norland will be rebuilt within two years. This was stated by "
            "President Karel Vos during a visit to the port.")
    st = _by_anchor(_run(text, actors), "The harbour of Norland will be rebuilt")
    assert (st.speaker, st.kind, st.cue) == ("Karel Vos", "reported", "stated")


def test_this_was_stated_by_needs_a_speaker(actors):
    text = "The harbour will be rebuilt within two years. This was stated by the end of May."
    assert not any("harbour" in s.text for s in _run(text, actors))


def test_a_cue_that_a_pass_makes_up_is_named_after_the_pass(actors):
    lemmas = []
    record = Pass("record", lambda doc: lemmas.extend(f.cue.lemma for f in doc.found))
    text = ("President Karel Vos sent a message to the school. The message reads, in part: "
            "“The school is part of our history.”\n\nChair of the Council Ana Roth: Colleagues, "
            "we will rebuild the harbour.")
    extract_statements("t", text, actors=actors, passes=PASSES + (record,))
    assert lemmas == ["messages", "transcript_turns"]
