"""The steps after the rules (stance.score.modifiers): negation and denial, the speaker's own
side, the word fallback of score_mention and the clause fallback of score_span. Speakers are
fictional; targets real."""
import pytest

from stance.score import score_span

from .scoring import check, score, span


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


def test_positive_verb_of_a_hostile_act_is_not_praise():
    result = score("The decision may encourage NATO to stage attacks.", "NATO")
    assert "encourage" not in result.evidence and result.label != "favor"


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


@pytest.mark.parametrize("before, after", [
    ("The flood was a terrible disaster. ", " We love the wonderful parks."),
    ("We love the wonderful parks. ", " The flood was a terrible disaster."),
])
def test_span_fallback_reads_only_the_mention_sentence(before, after):
    middle = "Mara Quill, a councillor from the north, was convicted of fraud and disgraced."
    alone = score_span(middle, *span(middle, "Mara Quill"))
    text = before + middle + after
    within = score_span(text, *span(text, "Mara Quill"))
    assert within.label == alone.label == "against"
    assert within.score == alone.score and within.evidence == alone.evidence
