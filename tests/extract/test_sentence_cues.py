"""The sentence-cue pass: a cue's speaker, and its direct, reported or mixed content.

Small hand-written cases for each rule of :mod:`stance.extract.sentence_cues` (fictional
speakers), run through :func:`~stance.extract.attribute.extract_statements`.
"""
import pytest

from stance.extract.attribute import extract_statements
from stance.extract.passes import PASSES
from .statements import by_anchor as _by_anchor, run as _run


CASES = [
    # (pattern, text, anchor, speaker, kind)
    ("quote first, name said",
     "“We will not back down,” Varga said.", "We will not back down", "Varga", "direct"),
    ("quote first, said title name",
     "“We will not back down,” said Defence Minister Tomas Varga.",
     "We will not back down", "Tomas Varga", "direct"),
    ("speaker first with colon",
     "Defence Minister Tomas Varga said: “The border stays closed.”",
     "The border stays closed", "Tomas Varga", "direct"),
    ("reported with that",
     "Foreign Minister Ilse Brandt said on Monday that the talks had failed.",
     "the talks had failed", "Ilse Brandt", "reported"),
    ("reported, surname after first mention",
     "Foreign Minister Ilse Brandt met envoys. Brandt warned that sanctions would follow.",
     "sanctions would follow", "Ilse Brandt", "reported"),
    ("pronoun to the last speaker",
     "Defence Minister Tomas Varga said the army was ready. He added that reservists "
     "would be called up.", "reservists would be called up", "Tomas Varga", "reported"),
    ("aside does not steal the speaker",
     "Tomas Varga, who has forged close ties with President Ilse Kova, stressed that no "
     "leader wants a war.", "no leader wants a war", "Tomas Varga", "reported"),
    ("generic role to the last compatible actor",
     "Defence Minister Tomas Varga arrived in the capital. The minister insisted that the "
     "drills were routine.", "the drills were routine", "Tomas Varga", "reported"),
    ("multi-paragraph quote",
     "Anna Rask said: “The first part of the plan is done.\n\n“The second part starts "
     "next week.”", "The second part starts next week", "Anna Rask", "direct"),
    ("split quote",
     "Anna Rask was asked about the talks. “We will talk,” she said, “but not under threat.”",
     "but not under threat", "Anna Rask", "direct"),
    ("capital city as a state",
     "Moscow said the drills were over.", "the drills were over", "Russia", "reported"),
    ("partial quote inside reported speech",
     "Ilse Brandt described the visit as a “peacemaking mission” and left.",
     "peacemaking mission", "Ilse Brandt", "mixed"),
    ("according to",
     "The convoy turned back at the border, according to Interior Minister Jan Holm.",
     "The convoy turned back", "Jan Holm", "reported"),
    ("institution as speaker",
     "The Valdorian Foreign Ministry said the ambassador had been recalled.",
     "the ambassador had been recalled", "Valdorian Foreign Ministry", "reported"),
    ("nested attribution keeps the inner speaker",
     "Officials said that Tomas Varga restated that the border would stay shut.",
     "the border would stay shut", "Tomas Varga", "reported"),
    ("relayed speech",
     "Ilse Brandt also “urged an immediate ceasefire,” spokesman Piet Laar said.",
     "urged an immediate ceasefire", "Ilse Brandt", "direct"),
    ("participial cue",
     "Tomas Varga left the meeting early, saying that the proposal was an insult.",
     "the proposal was an insult", "Tomas Varga", "reported"),
    ("attitude verb keeps its cue",
     "Ilse Brandt condemned the shelling of the port.", "condemned the shelling",
     "Ilse Brandt", "reported"),
    ("guillemets",
     "«Wir bleiben», sagte niemand, but Anna Rask said: «We stay.»", "We stay",
     "Anna Rask", "direct"),
    ("straight quotes, told reporters",
     'Tomas Varga told reporters, "The bridge will reopen."', "The bridge will reopen",
     "Tomas Varga", "direct"),
]


@pytest.mark.parametrize("pattern, text, anchor, speaker, kind", CASES, ids=[c[0] for c in CASES])
def test_patterns(actors, pattern, text, anchor, speaker, kind):
    st = _by_anchor(_run(text, actors, masks=[]), anchor)
    if speaker is not None:
        assert st.speaker == speaker
    assert st.kind == kind


def test_only_the_sentence_cue_pass_finds_them(actors):
    only = PASSES[:1]
    assert [p.name for p in only] == ["sentence_cues"]
    for pattern, text, anchor, speaker, kind in CASES:
        st = _by_anchor(_run(text, actors, masks=[], passes=only), anchor)
        assert (st.speaker, st.kind) == (speaker, kind), pattern


def test_relay_is_kept_visible(actors):
    text = "Ilse Brandt also “urged an immediate ceasefire,” spokesman Piet Laar said."
    st = _by_anchor(_run(text, actors, masks=[]), "ceasefire")
    assert st.relayed_by == "Piet Laar"


@pytest.mark.parametrize("text", [
    "The so-called “peace plan” was debated for hours.",
    "Diplomats were accused of espionage last year.",
    "The twelve envoys accused of spying left the country on Friday.",
    "Pilots blamed for the crash were grounded.",
    "A mayor praised by voters resigned on Monday.",
    "They come amid fears that the army could cross the border.",
    "Talks between the two sides have produced no progress.",
])
def test_not_statements(actors, text):
    assert _run(text, actors, masks=[]) == []


def test_coordinated_cue_after_bare_but_ends_the_first_content(actors):
    text = ("Mara Velt said the talks went well but warned that the port remains closed.")
    found = [(s.cue, s.text) for s in extract_statements("x", text, actors=actors)]
    assert found == [("said", "the talks went well"), ("warned", "the port remains closed")]


def test_warned_someone_of_something(actors):
    text = "Mara Velt warned Ivo Tamm on Sunday of serious consequences if the talks failed."
    found = [(s.cue, s.text) for s in extract_statements("x", text, actors=actors)]
    assert found == [("warned", "serious consequences if the talks failed")]


def test_pronoun_after_an_appositive_name_goes_to_that_name(actors):
    text = ("Mara Velt said the port stays closed. The proposed defence minister, Ivo Tamm, "
            "backed the plan on Monday. He said the navy would patrol the coast.")
    found = [(s.speaker, s.text) for s in extract_statements("x", text, actors=actors)]
    assert ("Ivo Tamm", "the navy would patrol the coast") in found


def test_quote_then_name_then_description_then_cue(actors):
    text = "“The port stays closed,” Ivo Tamm, a spokesman for the harbour board, said."
    found = [(s.speaker, s.kind, s.text) for s in extract_statements("x", text, actors=actors)]
    assert found == [("Ivo Tamm", "direct", "The port stays closed")]


@pytest.mark.parametrize("text, anchor", [
    ("Karel Vos met the envoys. According to him, the talks are not easy at all.",
     "the talks are not easy"),
    ("Karel Vos met the envoys. He thanked for the assistance in rebuilding the port.",
     "the assistance in rebuilding"),
    ("Karel Vos drew attention to the provocative nature of the exercises.",
     "the provocative nature"),
    ("Karel Vos spoke in favour of discussing these problems directly.",
     "discussing these problems"),
    ("Karel Vos is convinced that the war will end in victory.", "the war will end"),
])
def test_readout_cues_and_object_pronouns(actors, text, anchor):
    assert _by_anchor(_run(text, actors), anchor).speaker == "Karel Vos"


# -- mechanisms chosen on the real-text dev split (fictional text) ------------------------------

def test_a_leading_perfect_participle_is_not_a_speaker(actors):
    text = ("Having informed the envoys of the talks, Karel Vos said the port would reopen to "
            "every ship of the northern fleet next week.")
    statements = _run(text, actors)
    assert _by_anchor(statements, "the port would reopen").speaker == "Karel Vos"
    assert all(s.speaker != "Having" for s in statements)


def test_an_opening_participle_is_the_subjects_statement(actors):
    text = ("Noting the support of the northern partners, President Karel Vos said that no "
            "decision on the port would be taken without Norland.")
    statements = _run(text, actors)
    noting = _by_anchor(statements, "the support of the northern partners")
    assert noting.speaker == "Karel Vos" and "no decision" not in noting.text
    assert _by_anchor(statements, "no decision on the port").speaker == "Karel Vos"


def test_according_to_keeps_the_source_over_a_nested_cue(actors):
    text = ("Karel Vos met the envoys. According to him, Norland has proposed ten steps "
            "toward a settlement.")
    st = _by_anchor(_run(text, actors), "Norland has proposed ten steps")
    assert st.speaker == "Karel Vos"


def test_summed_up_closes_a_quotation(actors):
    text = ("\u201cWe will rebuild every bridge. We will do it together,\u201d Karel Vos "
            "summed up.")
    st = _by_anchor(_run(text, actors), "We will rebuild every bridge")
    assert (st.speaker, st.kind) == ("Karel Vos", "direct")


def test_a_pluperfect_cue_inside_a_statement_is_its_content(actors):
    text = ("President Karel Vos underscored that the Norland army had declared a ceasefire "
            "several times.")
    statements = _run(text, actors)
    assert _by_anchor(statements, "had declared a ceasefire").speaker == "Karel Vos"
    assert len(statements) == 1


def test_a_quoted_term_inside_the_content_makes_it_mixed(actors):
    text = ("Karel Vos noted \u201clarge exercises\u201d near the northern border as the reason "
            "for the new patrols.")
    st = _by_anchor(_run(text, actors), "near the northern border as the reason")
    assert (st.speaker, st.kind) == ("Karel Vos", "mixed")


def test_a_cue_after_and_takes_the_clause_subject(actors):
    text = ("President Karel Vos and Prime Minister Ana Roth jointly backed the harbour plan and "
            "reaffirmed their commitment to open trade.")
    st = _by_anchor(_run(text, actors), "their commitment to open trade")
    assert st.speaker == "Karel Vos"
