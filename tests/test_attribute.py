"""Statement extraction and speaker attribution.

Three layers: small hand-written cases for each rule (fictional speakers), the annotated
passages of ``tests/data/passages.yaml`` (written independently of the code, with a speaker
accuracy threshold), and the seed article against ``data/annotations/seed.csv``.
"""
from pathlib import Path

import pandas as pd
import pytest
import yaml

from stance.extract.attribute import extract_statements
from stance.report.evaluate import attribution_scores, read_gold
from stance.extract.mentions import fold
from stance.extract.registry import ActorRegistry, load_actors

ROOT = Path(__file__).resolve().parents[1]
PASSAGES = ROOT / "tests" / "data" / "passages.yaml"
SEED = ROOT / "data" / "articles" / "ap-2022-02-01-putin-orban.txt"
SEED_GOLD = ROOT / "data" / "annotations" / "seed.csv"


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def _run(text, actors, **kw):
    return extract_statements("t", text, actors=actors, **kw)


def _by_anchor(statements, anchor):
    hits = [s for s in statements if anchor in s.text]
    assert hits, f"no statement contains {anchor!r}: {[s.text for s in statements]}"
    return hits[0]


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
    ("bare name and colon",
     "Ilse Brandt: “Nobody wants this conflict.”", "Nobody wants this conflict",
     "Ilse Brandt", "direct"),
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
    ("continuation quote keeps the speaker",
     "“Imagine the worst,” Varga said. “Should we fight them then? Has anyone thought "
     "about it?”", "Should we fight them then", "Varga", "direct"),
    ("continuation across paragraphs",
     "“We are ready,” said General Anna Rask.\n\n“Nobody should doubt it.”",
     "Nobody should doubt it", "Anna Rask", "direct"),
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


@pytest.mark.parametrize("text", [
    "He said “this never ends and the rest of the article follows without a closing mark.\n\n"
    "Next paragraph is narrative. It goes on.",
    "Odd marks ” here “ and there ” again.",
    "Russia’s and Ukraine’s leaders didn’t meet, officials said.",
    "", "“", "said", "“”,” said.",
])
def test_odd_input_never_crashes_or_swallows(actors, text):
    statements = _run(text, actors, masks=[])
    for s in statements:
        assert text[s.start:s.end] == s.text
        assert "\n\n" not in s.text or s.kind == "direct"


def test_offsets_and_ids(actors):
    text = SEED.read_text(encoding="utf-8")
    statements = extract_statements("seed", text, actors=actors)
    assert [s.n for s in statements] == list(range(1, len(statements) + 1))
    assert len({s.statement_id for s in statements}) == len(statements)
    assert [s.start for s in statements] == sorted(s.start for s in statements)
    for s in statements:
        assert text[s.start:s.end] == s.text
    again = extract_statements("seed", text, actors=actors)
    assert again == statements


def test_no_statement_from_boilerplate(actors):
    from stance.text.clean import find_boilerplate
    text = SEED.read_text(encoding="utf-8")
    masks = find_boilerplate(text)
    for s in extract_statements("seed", text, actors=actors, masks=masks):
        assert not any(m.start <= s.start < m.end for m in masks), s


# ---------------------------------------------------------------------------------------
# The annotated passages: written independently of the rules, with fictional speakers.


def _passages():
    if not PASSAGES.exists():
        return []
    return yaml.safe_load(PASSAGES.read_text(encoding="utf-8"))["passages"]


def _passage_registry(data, actors):
    extra = data.get("actors") or []
    if not extra:
        return actors
    from stance.extract.registry import Actor
    new = [Actor(name=a["name"], type=a.get("type", "person"),
                 affiliation=a.get("affiliation", ""), gender=a.get("gender"),
                 aliases=tuple(a.get("aliases", ())), titles=tuple(a.get("titles", ())),
                 roles=tuple(a.get("roles", ()))) for a in extra]
    return actors.with_actors(new)


def test_passages_speaker_accuracy(actors):
    data = yaml.safe_load(PASSAGES.read_text(encoding="utf-8"))
    registry = _passage_registry(data, actors)
    gold_rows, pred_rows = [], []
    for p in data["passages"]:
        for g in p.get("statements") or []:
            gold_rows.append({"doc_id": p["id"], "anchor": g["anchor"], "speaker": g["speaker"],
                              "kind": g["kind"]})
        for s in extract_statements(p["id"], p["text"], actors=registry):
            pred_rows.append(s.row())
    gold = pd.DataFrame(gold_rows)
    pred = pd.DataFrame(pred_rows)
    scores, matches = attribution_scores(gold, pred)
    overall = scores[scores["kind"] == "all"].iloc[0]
    misses = matches[~matches["speaker_ok"]][["doc_id", "anchor", "gold_speaker", "speaker"]]
    assert len(data["passages"]) >= 40
    assert overall["speaker_accuracy"] >= 0.90, misses.to_string()
    assert overall["recall"] >= 0.90, misses.to_string()
    assert overall["precision"] >= 0.85


def test_seed_against_gold(actors):
    if not SEED_GOLD.exists():
        pytest.fail("data/annotations/seed.csv is missing")
    gold = read_gold(SEED_GOLD)
    text = SEED.read_text(encoding="utf-8")
    pred = pd.DataFrame([s.row() for s in extract_statements(
        "ap-2022-02-01-putin-orban", text, actors=actors, year=2022)])
    scores, matches = attribution_scores(gold, pred)
    overall = scores[scores["kind"] == "all"].iloc[0]
    detail = matches[~(matches["found"] & matches["speaker_ok"])].to_string()
    assert overall["recall"] >= 0.95, detail
    assert overall["precision"] >= 0.90, detail
    assert overall["speaker_accuracy"] >= 0.95, detail


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


def test_time_phrase_between_subject_and_cue(actors):
    text = "Ivo Tamm, the foreign minister, earlier this week remarked that talks should resume."
    found = [(s.speaker, s.text) for s in extract_statements("x", text, actors=actors)]
    assert found == [("Ivo Tamm", "talks should resume")]


def test_nationality_and_lower_case_institution_speaks(actors):
    text = "On Monday, the Estonian government said the border would stay open."
    found = [(s.speaker, s.text) for s in extract_statements("x", text, actors=actors)]
    assert found == [("Estonian government", "the border would stay open")]


def test_quote_then_name_then_description_then_cue(actors):
    text = "“The port stays closed,” Ivo Tamm, a spokesman for the harbour board, said."
    found = [(s.speaker, s.kind, s.text) for s in extract_statements("x", text, actors=actors)]
    assert found == [("Ivo Tamm", "direct", "The port stays closed")]


# -- official readouts and transcripts (mechanisms found on the real-text dev split) ---------

def test_office_of_a_state_resolves_to_its_holder(actors):
    # A real state (the mechanism knows states by name), a fictional office holder.
    text = ("Prime Minister of Finland Ana Roth met the delegation. The Prime Minister of "
            "Finland stressed that the bridge would be rebuilt.")
    st = _by_anchor(_run(text, actors), "the bridge would be rebuilt")
    assert st.speaker == "Ana Roth"


def test_office_of_a_state_without_antecedent_is_a_person_not_the_state(actors):
    st = _by_anchor(_run("The Prime Minister of Slovakia stressed that the fund is needed.",
                         actors), "the fund is needed")
    assert st.speaker == "Prime Minister of Slovakia" and st.speaker_type == "person"


def test_registry_office_of_state(actors):
    text = "The President of Russia emphasised that the talks had stalled."
    assert _by_anchor(_run(text, actors, year=2021), "the talks had stalled").speaker == \
        "Vladimir Putin"


def test_head_of_state_is_the_last_president(actors):
    text = ("President Karel Vos opened the forum. The Head of State noted that the harbour "
            "would reopen.")
    assert _by_anchor(_run(text, actors), "the harbour would reopen").speaker == "Karel Vos"


def test_state_name_ends_a_title_before_the_name(actors):
    text = ("Deputy Head of the Office of the President of Ukraine Lesia Marko noted that the "
            "talks were useful.")
    assert _by_anchor(_run(text, actors), "the talks were useful").speaker == "Lesia Marko"


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


def test_bare_capitalised_president_is_the_most_named_one(actors):
    text = ("President Karel Vos met the press. President Karel Vos thanked the volunteers. "
            "Later he met President Ana Roth. The Head of State noted that the talks went well.")
    assert _by_anchor(_run(text, actors), "the talks went well").speaker == "Karel Vos"


def test_a_described_president_is_still_the_last_one_named(actors):
    text = ("President Karel Vos met the press. Later he met President Ana Roth. The visiting "
            "president said that the talks went well.")
    assert _by_anchor(_run(text, actors), "the talks went well").speaker == "Ana Roth"


@pytest.mark.parametrize("text, speaker, kind", [
    ("Moscow said that the talks had failed completely.", "Russia", "state"),
    ("The Norland Gazette reported that the harbour would close.", "Norland Gazette", "media"),
    ("According to Interfax, the talks had failed completely.", "Interfax", "media"),
    ("The Norland Defence Ministry said that the harbour would close.",
     "Norland Defence Ministry", "institution"),
])
def test_states_institutions_and_media_are_never_persons(actors, text, speaker, kind):
    st = _run(text, actors)[0]
    assert (st.speaker, st.speaker_type) == (speaker, kind)


# -- mechanisms chosen on the real-text dev split (fictional text) ------------------------------

def test_title_with_a_chain_of_bodies_introduces_a_person(actors):
    text = ("President of Norland Karel Vos had a telephone conversation with President of the "
            "Republic of Belmark Ana Roth. The two leaders agreed that the talks should go on.")
    st = _by_anchor(_run(text, actors), "the talks should go on")
    assert st.speaker == "Karel Vos + Ana Roth"


def test_a_chain_ending_in_a_body_names_no_person(actors):
    text = ("Karel Vos met Ana Roth. The Prime Minister of the Belmark Republic noted that "
            "the port stays open.")
    st = _by_anchor(_run(text, actors), "the port stays open")
    assert st.speaker != "Republic"


@pytest.mark.parametrize("subject", ["A spokesperson of the Norland Defence Ministry",
                                     "The Norland Defence Ministry's spokesman"])
def test_an_unnamed_spokesperson_speaks_for_the_body(actors, subject):
    st = _by_anchor(_run(f"{subject} said the exercise was planned long ago.", actors),
                    "the exercise was planned")
    assert st.speaker == "Norland Defence Ministry"


def test_joint_noun_with_of_states_is_a_joint_statement(actors):
    text = ("President Karel Vos had a telephone conversation with Prime Minister Ana Roth. "
            "The leaders of Norland and Belmark noted the success of the harbour conference.")
    st = _by_anchor(_run(text, actors), "the success of the harbour conference")
    assert st.speaker == "Karel Vos + Ana Roth"


def test_a_leading_perfect_participle_is_not_a_speaker(actors):
    text = ("Having informed the envoys of the talks, Karel Vos said the port would reopen to "
            "every ship of the northern fleet next week.")
    statements = _run(text, actors)
    assert _by_anchor(statements, "the port would reopen").speaker == "Karel Vos"
    assert all(s.speaker != "Having" for s in statements)


def test_this_was_stated_by_attributes_the_sentence_before(actors):
    text = ("The harbour of Norland will be rebuilt within two years. This was stated by "
            "President Karel Vos during a visit to the port.")
    st = _by_anchor(_run(text, actors), "The harbour of Norland will be rebuilt")
    assert (st.speaker, st.kind, st.cue) == ("Karel Vos", "reported", "stated")


def test_this_was_stated_by_needs_a_speaker(actors):
    text = "The harbour will be rebuilt within two years. This was stated by the end of May."
    assert not any("harbour" in s.text for s in _run(text, actors))


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


@pytest.mark.parametrize("subject, speaker", [
    ("The OSCE report", "OSCE"),
    ("A Finnish probe", "Finnish probe"),
])
def test_a_bodys_document_speaks_for_the_body(actors, subject, speaker):
    st = _by_anchor(_run(f"{subject} concluded the pilots had ignored the warnings.", actors),
                    "the pilots had ignored")
    assert st.speaker == speaker


def test_a_pluperfect_cue_inside_a_statement_is_its_content(actors):
    text = ("President Karel Vos underscored that the Norland army had declared a ceasefire "
            "several times.")
    statements = _run(text, actors)
    assert _by_anchor(statements, "had declared a ceasefire").speaker == "Karel Vos"
    assert len(statements) == 1


def test_a_registry_role_written_out_names_its_holder(actors):
    text = ("The Head of the President's Office is convinced that the harbour must be rebuilt "
            "this year.")
    st = _by_anchor(_run(text, actors), "the harbour must be rebuilt")
    assert st.speaker == "Andriy Yermak"


def test_a_quoted_term_inside_the_content_makes_it_mixed(actors):
    text = ("Karel Vos noted \u201clarge exercises\u201d near the northern border as the reason "
            "for the new patrols.")
    st = _by_anchor(_run(text, actors), "near the northern border as the reason")
    assert (st.speaker, st.kind) == ("Karel Vos", "mixed")


def test_drew_someones_attention_to_is_a_cue(actors):
    text = "Karel Vos drew President Ana Roth's attention to the scale of the naval exercises."
    st = _by_anchor(_run(text, actors), "the scale of the naval exercises")
    assert st.speaker == "Karel Vos"


def test_a_misspelt_registry_name_is_the_registry_person(actors):
    st = _by_anchor(_run("\u201cThe bridges will be rebuilt,\u201d Volodymyr Zelenskyiyy said.", actors),
                    "The bridges will be rebuilt")
    assert st.speaker == "Volodymyr Zelenskyy"


def test_a_cue_after_and_takes_the_clause_subject(actors):
    text = ("President Karel Vos and Prime Minister Ana Roth jointly backed the harbour plan and "
            "reaffirmed their commitment to open trade.")
    st = _by_anchor(_run(text, actors), "their commitment to open trade")
    assert st.speaker == "Karel Vos"
