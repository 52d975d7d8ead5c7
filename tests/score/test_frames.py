"""The lexicon scorer's entry points (stance.score.frames): score_mention, score_statement,
score_span, SpanScore and label_for. Frames decide, tone does not. Speakers are fictional;
targets real. Each rule's own cases are in the test module of the rule's module."""
from collections import namedtuple

import pytest

from stance.score.lexicon import Lexicon, LexiconEntry
from stance.score import (AGAINST_THRESHOLD, FAVOR_THRESHOLD, SpanScore, label_for,
                          score_mention, score_span, score_statement)

from .scoring import score, span

Mention = namedtuple("Mention", "start end target text")


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


def test_own_side_pronoun_chain():
    """A state speaker's "its" mention carries over to a later "its" in the sentence."""
    text = "The presence of foreign forces near its borders is a danger to its security."
    s, e = span(text, "its")
    result = score_mention(text, s, e, speaker_affiliation="Russia", target_name="Russia")
    assert result.label == "favor" and "security" in result.evidence


def test_sides_make_a_member_speaker_the_targets_own_side():
    text = "The pact's military buildup in the east continues."
    start, end = 0, len("The pact")
    plain = score_mention(text, start, end, speaker_affiliation="Ruritania", target_name="Concord")
    member = score_mention(text, start, end, speaker_affiliation="Ruritania", target_name="Concord",
                           sides={"Concord": ["Ruritania"]})
    assert plain.label == "against"
    assert member.label != "against" and "own side" in member.evidence


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
