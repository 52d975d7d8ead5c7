"""Tests of stance.score.features: target awareness, the masked target name, the column count,
the lexicon block."""
from __future__ import annotations

import pandas as pd
import pytest

from stance.score.features import (LEXICON_FEATURE_NAMES, feature_matrix, lexicon_features,
                                   n_feature_columns)

#: StanceClassifier's defaults, with fewer hash buckets (as in test_classifier.py).
_PARAMS = dict(window=5, word_ngram_range=(1, 2), char_ngram_range=(2, 5), n_features=2 ** 12,
               use_positions=True, use_relation=False, use_lexicon=False)


def _features(X, **kw):
    return feature_matrix(X, **{**_PARAMS, **kw})


def test_same_sentence_two_targets_get_different_features():
    text = "Karvenia condemned Lorisk for the brutal attack."
    X = pd.DataFrame({"text": [text, text], "start": [0, 19], "end": [8, 25]})
    for use_lexicon in (False, True):
        F = _features(X, use_lexicon=use_lexicon)
        assert (F[0] != F[1]).nnz > 0


def test_target_name_is_masked():
    a = pd.DataFrame({"text": ["Observers praised Karvenia warmly."], "start": [18], "end": [26]})
    b = pd.DataFrame({"text": ["Observers praised Lorisk warmly."], "start": [18], "end": [24]})
    assert (_features(a) != _features(b)).nnz == 0


@pytest.mark.parametrize("kw", [{}, {"use_lexicon": True}, {"use_relation": True},
                                {"char_ngram_range": None, "use_positions": False}])
def test_columns_are_n_feature_columns(kw):
    X = pd.DataFrame({"text": ["Observers praised Karvenia warmly."], "start": [18], "end": [26]})
    params = {**_PARAMS, **kw}
    expected = n_feature_columns(**{k: v for k, v in params.items()
                                    if k not in ("window", "word_ngram_range")})
    assert _features(X, **kw).shape == (1, expected)


def test_offsets_outside_the_text_are_refused():
    X = pd.DataFrame({"text": ["Observers praised Lorisk warmly."], "start": [18], "end": [99]})
    with pytest.raises(ValueError, match="row 0: the mention offsets"):
        _features(X)


def test_lexicon_features_one_row_per_mention():
    text = "Karvenia condemned Lorisk for the brutal attack."
    rows = lexicon_features([text, text, text], [0, 19, 19], [8, 25, 19])
    assert rows.shape == (3, len(LEXICON_FEATURE_NAMES))
    assert (rows[0] != rows[1]).any()
    assert (rows[2, :4] == 0).all()  # an empty mention has no lexicon score


#: Fictional statements for the valence reader: negators near the mention's edges, a possessive
#: and a hyphen the mention cuts, a mention inside one word, a capital sigma, a dotted capital I.
_VALENCE_TEXTS = [
    "Karvenia's leaders did not praise Lorisk's brutal attack, nor the good-will talks.",
    "We never wanted war with Lorisk but never trusted it; its threats aren't welcome.",
    "The anti-Karvenian campaign was not a success, and no one was happy.",
    "ΣΑΣ praised the kind help of Lorisk without any doubt.",
    "İstanbul talks with Lorisk were a great failure, not a success.",
    "",
]


@pytest.mark.parametrize("text", _VALENCE_TEXTS)
@pytest.mark.parametrize("window", [0, 1, 5])
def test_valences_read_once_match_the_full_walk(text, window):
    from stance.score.features import _TextValences, _tokens, _valence_features
    reader = _TextValences(text)
    for start in range(len(text) + 1):
        for end in range(start, min(len(text), start + 12) + 1):
            expected = _valence_features(_tokens(text[:start]), _tokens(text[end:]), window)
            assert reader.features(start, end, window) == expected, (start, end)
