"""Target-directed stance: frames decide, tone does not. Speakers are fictional; targets real."""
from collections import namedtuple

import pytest

from stance.score.lexicon import Lexicon, LexiconEntry
from stance.score import (AGAINST_THRESHOLD, FAVOR_THRESHOLD, SpanScore, label_for,
                          score_mention, score_span, score_statement)

Mention = namedtuple("Mention", "start end target text")


def span(text, mention, nth=0):
    """Offsets of the nth occurrence of ``mention`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return start, start + len(mention)


def score(text, mention, nth=0, **kwargs):
    start, end = span(text, mention, nth)
    return score_mention(text, start, end, **kwargs)


def check(result, expected):
    if expected == "not against":
        assert result.label != "against", result
    else:
        assert result.label == expected, result


# Rule 1: stance verbs with the target as object.
@pytest.mark.parametrize("text, mention, expected", [
    ("We condemn Russia's aggression.", "Russia", "against"),
    ("Minister Arla Venn accused Moscow of lying to the world.", "Moscow", "against"),
    ("Officials blamed the Kremlin for the cyberattack.", "Kremlin", "against"),
    ("The senator criticised NATO over its slow response.", "NATO", "against"),
    ("We must hold Russia accountable.", "Russia", "against"),
    ("Warsaw will keep supporting Ukraine.", "Ukraine", "favor"),
    ("Toma Renk praised Kyiv for its courage.", "Kyiv", "favor"),
    ("The envoy thanked NATO for its unity.", "NATO", "favor"),
    ("We stand with Ukraine.", "Ukraine", "favor"),
    ("We will never abandon Ukraine.", "Ukraine", "favor"),
])
def test_verb_object(text, mention, expected):
    check(score(text, mention), expected)


# Rule 2: demands that the target stop or withdraw.
@pytest.mark.parametrize("text, mention, expected", [
    ("Blinken urged Moscow to withdraw its troops.", "Moscow", "against"),
    ("The ministers called on Russia to de-escalate.", "Russia", "against"),
    ("Berlin demanded that the Kremlin stop the shelling.", "Kremlin", "against"),
    ("He urged immediate Russian de-escalation and the withdrawal of troops.", "Russian",
     "against"),
    ("Zora Kell urged Ukrainians to stay calm.", "Ukrainians", "neutral"),
])
def test_demand(text, mention, expected):
    check(score(text, mention), expected)


# Rules 3-4 and 7: the target as agent of a hostile act, or holder of an attribute.
@pytest.mark.parametrize("text, mention, expected", [
    ("Russia invaded Ukraine in February.", "Russia", "against"),
    ("Moscow threatens its neighbours.", "Moscow", "against"),
    ("Russian troops shelled Kharkiv overnight.", "Russian", "against"),
    ("Russian aggression must stop.", "Russian", "against"),
    ("Moscow's threats will not work.", "Moscow", "against"),
    ("Russia launched a full-scale invasion.", "Russia", "against"),
    ("The Kyiv regime is corrupt.", "Kyiv", "against"),
    ("Ukraine's sovereignty is not up for negotiation.", "Ukraine", "favor"),
    ("Ukraine would defend its independence.", "Ukraine", "favor"),
    ("Launching the pipeline would hand Putin a gun that he can then use to blackmail the "
     "whole of Europe.", "Putin", "against"),
    ("The Russian military buildup is a clear and present danger.", "Russian", "against"),
])
def test_agent_and_holder(text, mention, expected):
    check(score(text, mention), expected)


# Rule 5: the target as patient, recipient or object of a measure.
@pytest.mark.parametrize("text, mention, expected", [
    ("A further invasion of Ukraine would be met with swift and severe consequences.",
     "Ukraine", "favor"),
    ("We condemn the aggression against Ukraine.", "Ukraine", "favor"),
    ("This is a threat to Ukraine's security.", "Ukraine", "favor"),
    ("The attack on Kyiv killed dozens.", "Kyiv", "favor"),
    ("He stressed Washington's commitment to Ukraine's sovereignty and territorial integrity.",
     "Ukraine", "favor"),
    ("Poland was ready to deliver weapons to Ukraine, including air defense systems.",
     "Ukraine", "favor"),
    ("Ilse Marr voiced solidarity with Ukraine.", "Ukraine", "favor"),
    ("Tougher sanctions on Russia are coming.", "Russia", "against"),
    ("The expulsion of Russian diplomats was announced.", "Russian", "against"),
    ("Ukraine was invaded by Russia.", "Ukraine", "favor"),
    ("Ukraine was invaded by Russia.", "Russia", "against"),
    ("They fear that Russia could invade Ukraine.", "Ukraine", "favor"),
    ("They fear that Russia could invade Ukraine.", "Russia", "against"),
])
def test_patient_recipient_measure(text, mention, expected):
    check(score(text, mention), expected)


# Rule 6: copula predicates.
@pytest.mark.parametrize("text, mention, expected", [
    ("NATO's further expansion to the east is unacceptable.", "NATO", "against"),
    ("Russia is a terrorist state.", "Russia", "against"),
    ("NATO is a defensive alliance.", "NATO", "favor"),
    ("The deployment of NATO forces near its borders is a threat to its security.", "NATO",
     "against"),
])
def test_copula(text, mention, expected):
    check(score(text, mention), expected)


# Rule 8: negation cancels or flips; modality and conditionals keep the frame.
@pytest.mark.parametrize("text, mention, expected", [
    ("NATO won't expand to Ukraine.", "NATO", "neutral"),
    ("Moscow has no plans to invade its neighbor.", "Moscow", "not against"),
    ("The Kremlin has repeatedly denied that it has any plans to invade Ukraine.", "Kremlin",
     "not against"),
    ("Russia did not attack Ukraine.", "Russia", "neutral"),
    ("NATO is not a threat to anyone.", "NATO", "favor"),
    ("We will never accept Russia's aggression.", "Russia", "against"),
    ("The reform of Ukraine's army was not because of a war coming soon.", "Ukraine",
     "not against"),
    ("If Russia invades Ukraine, it will face severe consequences.", "Russia", "against"),
    ("Russia could still attack Ukraine.", "Russia", "against"),
])
def test_negation_and_modality(text, mention, expected):
    check(score(text, mention), expected)


def test_negation_is_named_in_evidence():
    result = score("Moscow has no plans to invade its neighbor.", "Moscow")
    assert "negation 'no'" in result.evidence and "invade" in result.evidence


# Rule 9: the speaker's own side.
@pytest.mark.parametrize("text, mention, kwargs, expected", [
    ("The Western refusal ignores Russia's security concerns.", "Russia",
     dict(speaker_affiliation="Russia", target_name="Russia"), "favor"),
    ("Moscow has no plans to invade its neighbor.", "Moscow",
     dict(speaker_affiliation="Russia", target_name="Russia"), "favor"),
    ("Russian forces shelled the positions overnight.", "Russian",
     dict(speaker_affiliation="Russia", target_name="Russia"), "not against"),
    ("Russian forces shelled the positions overnight.", "Russian",
     dict(target_name="Russia"), "against"),
    ("NATO's military buildup in the east continues.", "NATO",
     dict(speaker_affiliation="Poland", target_name="NATO"), "not against"),
    ("NATO's military buildup in the east continues.", "NATO", dict(target_name="NATO"),
     "against"),
    ("NATO must respect our security, and Russia will insist on it.", "Russia",
     dict(speaker_affiliation="Russia", target_name="Russia"), "favor"),
    ("Russia faces a hard and dangerous winter.", "Russia",
     dict(speaker_affiliation="Russia", target_name="Russia"), "not against"),
])
def test_own_side(text, mention, kwargs, expected):
    check(score(text, mention, **kwargs), expected)


# Rule 10: weak fallback only when no frame fired.
def test_fallback_is_weak_and_named():
    result = score("It is a great day for Ukraine.", "Ukraine")
    assert result.evidence.startswith("fallback") and "great" in result.evidence
    assert 0 < result.score < 0.5
    assert score("Ukraine condemned the invasion.", "Ukraine").label == "neutral"


def test_no_cue_is_neutral():
    result = score("Lira Osk met officials in Kyiv on Tuesday.", "Kyiv")
    assert result.label == "neutral" and result.score == 0.0
    assert result.evidence == "no cue"


def test_stance_is_not_sentiment():
    """Negative tone, favourable stance: the sentiment field keeps the tone apart."""
    for text in ("We condemn the brutal and unprovoked attack on Ukraine.",
                 "A further invasion of Ukraine would be met with swift and severe "
                 "consequences."):
        result = score(text, "Ukraine")
        assert result.sentiment < 0
        assert result.label == "favor"
    positive_tone = score("Sanctions on Russia are a great success.", "Russia")
    assert positive_tone.sentiment > 0 and positive_tone.label == "against"


def test_evidence_names_rule_and_cue():
    result = score("A further invasion of Ukraine would be met with swift and severe "
                   "consequences.", "Ukraine")
    assert "frame:patient" in result.evidence and "'invasion of'" in result.evidence
    assert "Ukraine" in result.evidence
    assert "invasion of" in result.cues
    verb = score("We condemn Russia's aggression.", "Russia")
    assert "verb:object 'condemn'" in verb.evidence and "condemn" in verb.cues


def test_others_bound_the_frames():
    text = "We condemn Russia's aggression against Ukraine."
    r, u = span(text, "Russia"), span(text, "Ukraine")
    assert score_mention(text, *u, others=[r]).label == "favor"
    assert score_mention(text, *r, others=[u]).label == "against"


SCORE_TEXTS = [
    "We condemn and denounce Russia's brutal aggression, invasion, occupation and war crimes "
    "against Ukraine's sovereignty and territorial integrity.",
    "We stand with Ukraine, support Ukraine, arm Ukraine and thank Ukraine for its courage.",
    "It is a great day.",
]


@pytest.mark.parametrize("text", SCORE_TEXTS)
def test_scores_in_range(text):
    for mention in ("Russia", "Ukraine", "day"):
        if mention in text:
            result = score(text, mention)
            assert -1.0 <= result.score <= 1.0
            assert -1.0 <= result.sentiment <= 1.0
            assert result.label == label_for(result.score)


def test_deterministic():
    text = "Blinken urged Moscow to withdraw its troops from Ukraine's borders."
    first = score(text, "Moscow")
    assert score(text, "Moscow") == first
    assert isinstance(first, SpanScore)


def test_score_span_is_speaker_free_score_mention():
    text = "Russia invaded Ukraine."
    s, e = span(text, "Ukraine")
    assert score_span(text, s, e) == score_mention(text, s, e)
    assert score_span(text, s, e).label == "favor"


# score_span's clause fallback (speaker unknown): AFINN words VADER lacks, the rest of the
# sentence when the clause has no tone, and no negative tone for a target who is the speaker.
def test_span_fallback_reads_afinn_words_vader_lacks():
    from stance.score.sentiment import vader
    assert "atrocious" not in vader().lexicon
    text = "Voters found Mara Quill atrocious on the stage last night."
    result = score_span(text, *span(text, "Mara Quill"))
    assert result.label == "against"
    assert result.evidence.startswith("fallback:vader-clause") and "atrocious" in result.evidence


@pytest.mark.parametrize("text, expected", [
    ("Mara Quill, a councillor from the north, was convicted of fraud and disgraced.", "against"),
    ("Mara Quill, a councillor from the north, was a tireless and beloved champion of parks.",
     "favor"),
])
def test_span_fallback_widens_to_the_sentence(text, expected):
    result = score_span(text, *span(text, "Mara Quill"))
    assert result.label == expected
    assert result.evidence.startswith("fallback:vader-sentence")
    assert abs(result.score) < 0.25     # weaker than the clause's own tone


def test_span_fallback_speaker_tone_is_not_about_the_speaker():
    said = "Senator Blake said the plan was a disaster and a terrible failure."
    assert score_span(said, *span(said, "Senator Blake")).label == "neutral"
    about = "Senator Blake wrecked the plan in a disaster and a terrible failure."
    assert score_span(about, *span(about, "Senator Blake")).label == "against"


@pytest.mark.parametrize("start, end", [(-1, 3), (5, 5), (3, 999)])
def test_bad_offsets(start, end):
    with pytest.raises(ValueError, match="offsets"):
        score_mention("Russia invaded.", start, end)


def test_mention_inside_hyphenated_word():
    text = "Russia-backed separatists attacked the town."
    assert score_mention(text, 0, 6).label in {"against", "neutral", "favor"}


def test_custom_lexicon():
    lex = Lexicon([LexiconEntry("sparkle", 0.9, "support_act")])
    text = "They sparkle Ukraine."
    s, e = span(text, "Ukraine")
    assert score_mention(text, s, e, lexicon=lex).label == "favor"


def test_label_thresholds():
    assert label_for(FAVOR_THRESHOLD) == "favor"
    assert label_for(-AGAINST_THRESHOLD) == "against"
    assert label_for(0.0) == "neutral"
    assert label_for(FAVOR_THRESHOLD / 2) == "neutral"


def mentions(text, *pairs):
    out = []
    for mention, target, nth in pairs:
        s, e = span(text, mention, nth)
        out.append(Mention(s, e, target, mention))
    return out


def test_score_statement_one_score_per_target():
    text = "Russia invaded Ukraine, and we stand with Kyiv against Moscow's aggression."
    ms = mentions(text, ("Russia", "Russia", 0), ("Ukraine", "Ukraine", 0),
                  ("Kyiv", "Ukraine", 0), ("Moscow", "Russia", 0))
    result = score_statement(text, ms)
    assert set(result) == {"Russia", "Ukraine"}
    assert result["Russia"].label == "against"
    assert result["Ukraine"].label == "favor"
    assert " | " in result["Ukraine"].evidence       # both mentions fired and are joined
    assert result["Russia"].sentiment == result["Ukraine"].sentiment


def test_score_statement_mean_over_fired_mentions():
    text = "Russia invaded. Officials in Moscow met on Tuesday."
    ms = mentions(text, ("Russia", "Russia", 0), ("Moscow", "Russia", 0))
    combined = score_statement(text, ms)["Russia"]
    alone = score(text, "Russia")
    assert combined.score == pytest.approx(alone.score)
    assert combined.label == "against"


def test_score_statement_passes_speaker_affiliation():
    text = "The Western refusal ignores Russia's security concerns, but Russia is patient."
    ms = mentions(text, ("Russia", "Russia", 0), ("Russia", "Russia", 1))
    result = score_statement(text, ms, speaker_affiliation="Russia")
    assert result["Russia"].label == "favor"


def test_score_statement_empty():
    assert score_statement("Nothing here.", []) == {}


@pytest.mark.parametrize("text, mention, expected", [
    ("The Russian military buildup is a clear and present danger.", "The Russian military",
     "against"),
    ("The deployment of NATO forces near its borders is a threat.", "NATO forces", "against"),
    ("The attack on Russian troops killed ten.", "Russian", "not against"),
    ("Russian troops killed ten.", "Russian", "against"),
    ("The clash over Ukraine troop buildup went on.", "Ukraine", "not against"),
])
def test_mentions_that_name_an_agent(text, mention, expected):
    """Registry mentions may include the agent noun ("NATO forces") or be part of a compound."""
    check(score(text, mention), expected)


@pytest.mark.parametrize("text, mention, expected", [
    ("We launched an attack on NATO.", "NATO", "against"),
    ("We condemn the attack on NATO.", "NATO", "favor"),
])
def test_hostile_act_by_the_speaker_is_against_its_patient(text, mention, expected):
    check(score(text, mention), expected)


# Rule 7a: willingness predicates with a peace word present their subject favourably.
@pytest.mark.parametrize("text, mention, kwargs, expected", [
    ("Kyiv is ready for dialogue with all sides, minister Tova Ridd said.", "Kyiv", {}, "favor"),
    ("Russia seeks a peaceful settlement of the dispute.", "Russia", {}, "favor"),
    ("NATO has proposed new negotiations on missile limits.", "NATO", {}, "favor"),
    ("We remain open to diplomacy.", "We",
     dict(speaker_affiliation="Russia", target_name="Russia"), "favor"),
    ("Moscow is not ready for talks.", "Moscow", {}, "against"),
    ("Russia is ready to invade.", "Russia", {}, "against"),
])
def test_willingness(text, mention, kwargs, expected):
    check(score(text, mention, **kwargs), expected)


# Rule 7b: refusing to heed, consider or withdraw; and whose demands are refused.
@pytest.mark.parametrize("text, mention, kwargs, expected", [
    ("Moscow's refusal to withdraw its troops prolongs the crisis.", "Moscow", {}, "against"),
    ("The refusal of NATO to heed our concerns is regrettable, envoy Pyotr Alen said.", "NATO",
     {}, "against"),
    ("Kyiv has repeatedly refused to negotiate.", "Kyiv", {}, "against"),
    ("The alliance's refusal to heed Moscow's demands angered officials.", "Moscow", {},
     "favor"),
    ("The refusal of NATO to heed our concerns is regrettable.", "our",
     dict(speaker_affiliation="Russia", target_name="Russia"), "favor"),
    ("We refuse to heed Moscow's demands.", "Moscow", {}, "against"),
    ("Ukraine refused to cede any territory.", "Ukraine", {}, "neutral"),
    ("Kyiv refused to recognise the sham vote.", "Kyiv", {}, "not against"),
])
def test_refusal(text, mention, kwargs, expected):
    check(score(text, mention, **kwargs), expected)


# Rule 7g: disregard verbs blame their agent when a party or its claim is slighted.
@pytest.mark.parametrize("text, mention, expected", [
    ("Senator Hal Brin said NATO ignored Russia's concerns.", "NATO", "against"),
    ("Senator Hal Brin said NATO ignored Russia's concerns.", "Russia", "favor"),
    ("The Kremlin flouted international law again.", "Kremlin", "against"),
    ("Ukraine brushed aside the question.", "Ukraine", "neutral"),
    ("Reporters first ignored the evidence of Russia's tampering with elections.", "Russia",
     "neutral"),
])
def test_disregard(text, mention, expected):
    check(score(text, mention), expected)


# Rule 7c: "as a pretext" accuses the subject of bad faith.
@pytest.mark.parametrize("text, mention, expected", [
    ("The Kremlin is using the exercises as a pretext for aggression.", "Kremlin", "against"),
    ("NATO cites the incident as an excuse to expand.", "NATO", "against"),
    ("NATO cites the incident in its report.", "NATO", "neutral"),
])
def test_pretext(text, mention, expected):
    check(score(text, mention), expected)


# Rule 7d: causes of hostile acts are blamed; those who prevent them are credited.
@pytest.mark.parametrize("text, mention, expected", [
    ("NATO's expansion could provoke a war, analyst Mira Tolk warned.", "NATO", "against"),
    ("Kyiv's membership in the alliance would lead to war.", "Kyiv", "against"),
    ("Any eastward move by NATO could trigger a confrontation.", "NATO", "against"),
    ("Ukraine's entry into the bloc could spark a wider conflict.", "Ukraine", "against"),
    ("The Russian proposal could prevent a new war.", "Russian", "favor"),
    ("Arming Ukraine would only encourage more attacks.", "Ukraine", "favor"),
    ("NATO warned Russia could trigger a war.", "NATO", "neutral"),
    ("The talks in Moscow could lead to a war.", "Moscow", "not against"),
])
def test_cause(text, mention, expected):
    check(score(text, mention), expected)


def test_positive_verb_of_a_hostile_act_is_not_praise():
    result = score("The decision may encourage NATO to stage attacks.", "NATO")
    assert "encourage" not in result.evidence and result.label != "favor"


# Rule 4, coordination: the subject of a first verb is the agent of a coordinated hostile verb.
@pytest.mark.parametrize("text, mention, expected", [
    ("Russia masses troops and attacks the city.", "Russia", "against"),
    ("Imagine that Kyiv joins the bloc and attacks the separatists.", "Kyiv", "against"),
    ("Suppose a NATO member signs the deal and attacks the rebels.", "NATO", "neutral"),
    ("Ukraine was shot at and attacked for days.", "Ukraine", "not against"),
])
def test_coordinated_agent(text, mention, expected):
    check(score(text, mention), expected)


# Rule 7g: fighting the target with the speaker's own side as subject.
@pytest.mark.parametrize("text, mention, expected", [
    ("We will fight Russia to the last village, commander Orel Vast said.", "Russia",
     "against"),
    ("Must we battle NATO for this?", "NATO", "against"),
    ("Ukrainians fight Russia every day.", "Russia", "neutral"),
    ("We will not fight NATO.", "NATO", "neutral"),
])
def test_speaker_side_fights(text, mention, expected):
    check(score(text, mention), expected)


# Rule 8: a denial reaches into its "that" clause.
@pytest.mark.parametrize("text, mention, kwargs, expected", [
    ("The ministry denied that Russia is preparing an attack.", "Russia",
     dict(speaker_affiliation="Russia", target_name="Russia"), "favor"),
    ("Officials rejected claims that Moscow plans to invade.", "Moscow",
     dict(speaker_affiliation="Russia", target_name="Russia"), "favor"),
    ("The ministry denied that Russia is preparing an attack.", "Russia", {}, "neutral"),
    ("Kyiv denied that its forces shelled the village.", "Kyiv", {}, "not against"),
])
def test_denial_reaches_that_clause(text, mention, kwargs, expected):
    check(score(text, mention, **kwargs), expected)


# Rule 7e: the speaker's own side stating its position.
@pytest.mark.parametrize("text, mention, kwargs, expected", [
    ("Further enlargement of the alliance is unacceptable to Moscow.", "Moscow",
     dict(speaker_affiliation="Russia", target_name="Russia"), "favor"),
    ("Russia will not tolerate provocations on its borders.", "Russia",
     dict(speaker_affiliation="Russia", target_name="Russia"), "favor"),
    ("A ceasefire on these terms is a red line for Kyiv.", "Kyiv",
     dict(speaker_affiliation="Ukraine", target_name="Ukraine"), "favor"),
    ("Further enlargement of the alliance is unacceptable to Moscow.", "Moscow", {}, "neutral"),
])
def test_own_position(text, mention, kwargs, expected):
    check(score(text, mention, **kwargs), expected)


# Rule 7f: a demanded withdrawal from the target's land favours it.
@pytest.mark.parametrize("text, mention, expected", [
    ("The envoy urged Moscow to pull its forces out of Ukraine.", "Ukraine", "favor"),
    ("The foreign troops must leave Ukraine immediately, Jana Kessel said.", "Ukraine", "favor"),
    ("Diplomats called for the withdrawal of all troops from Ukraine's east.", "Ukraine",
     "favor"),
    ("Russian troops withdrew from Ukraine's north last spring.", "Ukraine", "neutral"),
])
def test_relieved_place(text, mention, expected):
    check(score(text, mention), expected)


def test_own_side_pronoun_chain():
    """A state speaker's "its" mention carries over to a later "its" in the sentence."""
    text = "The presence of foreign forces near its borders is a danger to its security."
    s, e = span(text, "its")
    result = score_mention(text, s, e, speaker_affiliation="Russia", target_name="Russia")
    assert result.label == "favor" and "security" in result.evidence


# -------------------------------------------------------------------------------- benchmark

#: The project's target for the lexicon scorer on NewsMTSC test-rw (issue 4); it measures 0.584
#: (benchmarks/results/external.csv). No training: score_span is the same on every machine.
NEWSMTSC_RW_LEXICON_TARGET = 0.58


def test_score_span_newsmtsc_test_rw_macro_f1(newsmtsc):
    """score_span on NewsMTSC paper_splits/rw/test.jsonl (803 targets, a few seconds)."""
    from sklearn.metrics import f1_score

    external, folder = newsmtsc
    test = external.load_newsmtsc(folder / "paper_splits" / "rw" / "test.jsonl")
    pred = [s.label for s in external.lexicon_spans(test)]
    f1 = f1_score(test["label"], pred, average="macro")
    assert f1 >= NEWSMTSC_RW_LEXICON_TARGET, f"score_span NewsMTSC test-rw macro-F1 {f1:.3f}"


def test_sides_make_a_member_speaker_the_targets_own_side():
    text = "The pact's military buildup in the east continues."
    start, end = 0, len("The pact")
    plain = score_mention(text, start, end, speaker_affiliation="Ruritania", target_name="Concord")
    member = score_mention(text, start, end, speaker_affiliation="Ruritania", target_name="Concord",
                           sides={"Concord": ["Ruritania"]})
    assert plain.label == "against"
    assert member.label != "against" and "own side" in member.evidence


def test_rules_switch_off_by_name_and_refuse_unknown_names():
    from stance.score.rules import RULES, rule_names, without
    assert "demand" not in rule_names(without("demand"))
    assert len(without("demand")) == len(RULES) - 1
    with pytest.raises(ValueError, match="no rule named 'demnad'"):
        without("demnad")
