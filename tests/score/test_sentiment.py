"""VADER sentiment from the bundled vaderSentiment lexicon: no download, nothing global leaks."""
import json
import os
import subprocess
import sys

import nltk
import pytest

from stance.score.sentiment import sentiment, vader


def test_vader_is_nltk_analyser_and_cached():
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    assert isinstance(vader(), SentimentIntensityAnalyzer)
    assert vader() is vader()
    assert len(vader().lexicon) > 7000


def test_vader_leaves_nltk_data_path_unchanged():
    before = list(nltk.data.path)
    vader.cache_clear()
    try:
        vader()
    finally:
        assert nltk.data.path == before


@pytest.mark.parametrize("text, sign", [
    ("This is a wonderful, happy result.", 1),
    ("We condemn the brutal and horrible attack.", -1),
    ("The meeting is on Tuesday.", 0),
    ("", 0),
    ("   ", 0),
])
def test_sentiment_sign(text, sign):
    value = sentiment(text)
    assert -1.0 <= value <= 1.0
    if sign == 0:
        assert value == pytest.approx(0.0, abs=0.05)
    else:
        assert value * sign > 0


def test_sentiment_is_cached():
    sentiment.cache_clear()
    sentiment("A calm and peaceful day.")
    sentiment("A calm and peaceful day.")
    assert sentiment.cache_info().hits >= 1


def test_works_without_any_nltk_data(tmp_path):
    """A fresh process with an empty HOME and NLTK_DATA still scores: nothing is downloaded."""
    home, data = tmp_path / "home", tmp_path / "nltk_data"
    home.mkdir()
    data.mkdir()
    env = {**os.environ, "HOME": str(home), "NLTK_DATA": str(data), "USERPROFILE": str(home)}
    code = ("import json, nltk; from stance.score.sentiment import sentiment, vader; "
            "before = list(nltk.data.path); v = sentiment('A terrible, deadly attack.'); "
            "print(json.dumps({'v': v, 'same_path': before == nltk.data.path}))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=120, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["v"] < 0
    assert result["same_path"]
    assert list(data.iterdir()) == [] and list(home.iterdir()) == []


# Fictional sentences with the punctuation nltk's word split handles: marks before and after
# words, runs of marks it lists ("?!?") and does not ("..."), contractions, emoticons, capitals.
_PUNCTUATED = [
    "The minister said: 'Great, great news!!' -- but critics were not impressed...",
    "-Nobody- wanted this?!? \"Terrible,\" she wrote; (really) awful!!!",
    "WOW!!!! :) it's GOOD, isn't it?? ...no.",
    "A, b. c, dd! ee? ff; gg: hh- 'ii' \"jj\" !!kk ??ll ?!?!mm mm!?!?",
    "Kind of good. Kind of bad, but mostly fine.",
    "",
    "x",
]


def test_quick_word_split_matches_nltk():
    from nltk.sentiment.vader import SentiText
    from stance.score.sentiment import _QuickSentiText

    c = vader().constants
    for text in _PUNCTUATED:
        quick = _QuickSentiText(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION)
        stock = SentiText(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION)
        assert quick.words_and_emoticons == stock.words_and_emoticons, text
        assert quick.is_cap_diff == stock.is_cap_diff, text


def test_quick_scores_match_nltk_analyser():
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    ours = vader()
    stock = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    stock.__dict__.update(ours.__dict__)  # the same lexicon, nltk's own polarity_scores
    assert type(ours).polarity_scores is not SentimentIntensityAnalyzer.polarity_scores
    for text in _PUNCTUATED:
        assert ours.polarity_scores(text) == stock.polarity_scores(text), text


def _flat_afinn_sum(text):
    """AFINN by one flat longest-first alternation: the plain form of the grouped pattern."""
    import re
    from stance.score.sentiment import afinn_lexicon
    lexicon = afinn_lexicon()
    flat = re.compile(r"(?<!\w)(?:" + "|".join(
        re.escape(w) for w in sorted(lexicon, key=len, reverse=True)) + r")(?!\w|['’]\w)")
    return sum(lexicon[m] for m in flat.findall(text.lower()))


@pytest.mark.parametrize("text", [
    "The plan does not work, and the talks were a cover-up.",   # a phrase beats its word
    "They won't win; they are fed up and short-sighted.",      # won't is no win
    "A good, good day; goodness, a well-being fund, self-confident staff.",
    "Nothing here at all.", "", "WONDERFUL News!! can't stand it, no fun"])
def test_afinn_score_matches_flat_alternation(text):
    from stance.score.sentiment import afinn_score
    assert afinn_score(text) == _flat_afinn_sum(text)


def test_afinn_score_finds_phrases_before_words():
    from stance.score.sentiment import afinn_lexicon, afinn_score
    lexicon = afinn_lexicon()
    assert afinn_score("it does not work") == lexicon["does not work"]
    assert afinn_score("they won") == lexicon["won"]
    assert afinn_score("they won't") == 0   # "won" does not match inside "won't"


def test_lower_case_keeps_white_space_and_ascii_punctuation():
    # compound's shortcut lower-cases the whole text before splitting and stripping it.
    import string

    marks = set(string.punctuation)
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        low = c.lower()
        assert all(x.isspace() for x in low) if c.isspace() else not any(
            x.isspace() for x in low), hex(code)
        assert low == c if c in marks else not marks & set(low), hex(code)


_TONELESS_OR_NOT = [
    "The delegation arrived on Tuesday.", "very very much so!!!", "kind of, but not quite",
    "NOT AT ALL... (see above)", "good!!", "!!good", "(good)", "Good.", "GOOD, they said",
    "the so-called 'peace' talks", "it was \"cheerful\"?!", ":) fine", "İstanbul, Σ and ß",
    "but", "x", "", "   "]


@pytest.mark.parametrize("tone", [False, True])
def test_compound_is_vader_compound_with_or_without_the_shortcut(tone):
    from stance.score.modifiers import _tone_analyser
    from stance.score.sentiment import _may_have_tone, compound

    analyser = _tone_analyser() if tone else vader()
    skipped = 0
    for text in _TONELESS_OR_NOT + _PUNCTUATED:
        expected = float(analyser.polarity_scores(text)["compound"]) if text.strip() else 0.0
        assert compound(analyser, text) == expected, text
        skipped += not _may_have_tone(text, analyser.lexicon)
    assert 3 <= skipped < len(_TONELESS_OR_NOT)
