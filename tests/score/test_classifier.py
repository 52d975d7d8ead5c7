"""Tests of stance.score.classifier: the estimator contract, stateless features, the ensemble,
benchmark (features: test_features.py; the model file: test_classifier_file.py)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

from stance.score.classifier import LABELS, StanceClassifier, ensemble_scores

# Fictional places, people and bodies, so no test encodes a view of a real actor.
_PLACES = ["Karvenia", "Lorisk", "the Brindle Council", "Tamsin Orr", "Velmora", "Oskel"]
_FAVOR = ["Delegates praised {t} for the generous and wise agreement.",
          "The minister thanked {t} for its strong support.",
          "Observers welcomed {t} and its excellent peace plan.",
          "Voters strongly back {t} after the successful reform.",
          "Everyone applauded {t} for the brave decision."]
_AGAINST = ["Delegates condemned {t} for the brutal and illegal attack.",
            "The minister accused {t} of lying about the failed deal.",
            "Observers denounced {t} and its disastrous aggression.",
            "Protesters blamed {t} for the terrible corruption scandal.",
            "Everyone criticized {t} for the cruel and reckless decision."]
_NEUTRAL = ["Delegates met {t} on Tuesday in the capital.",
            "The minister travelled to {t} for the scheduled meeting.",
            "Observers said {t} will publish the report next week.",
            "The agenda lists {t} as the third item.",
            "Reporters asked {t} about the timetable."]


def _frame(templates_by_label, places):
    rows = []
    for label, templates in templates_by_label.items():
        for i, template in enumerate(templates):
            for j in range(2):
                target = places[(i + 2 * j + len(label)) % len(places)]
                text = template.format(t=target)
                start = text.index(target)
                rows.append({"text": text, "start": start, "end": start + len(target),
                             "label": label})
    return pd.DataFrame(rows).sample(frac=1.0, random_state=0).reset_index(drop=True)


@pytest.fixture(scope="module")
def data():
    df = _frame({"favor": _FAVOR, "against": _AGAINST, "neutral": _NEUTRAL}, _PLACES)
    assert len(df) == 30
    return df[["text", "start", "end"]], df["label"].to_numpy()


def _small(**kw):
    params = dict(C=10.0, n_features=2 ** 12, use_lexicon=False, random_state=0)
    params.update(kw)
    return StanceClassifier(**params)


# -------------------------------------------------------------------------------- estimator

def test_fit_predict_shapes_and_labels(data):
    X, y = data
    clf = _small()
    assert clf.fit(X, y) is clf
    assert clf.classes_.tolist() == sorted(LABELS) == ["against", "favor", "neutral"]
    pred = clf.predict(X)
    assert pred.shape == (len(X),)
    assert set(pred) <= set(LABELS)
    assert (pred == y).mean() >= 0.9  # the training sentences are easy to fit


def test_predict_proba_rows_sum_to_one(data):
    X, y = data
    proba = _small().fit(X, y).predict_proba(X)
    assert proba.shape == (len(X), 3)
    assert np.all(proba >= 0)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)


def test_predict_is_argmax_of_proba(data):
    X, y = data
    clf = _small().fit(X, y)
    np.testing.assert_array_equal(clf.predict(X),
                                  clf.classes_[clf.predict_proba(X).argmax(axis=1)])
    score = clf.stance_score(X)
    assert np.all((score >= -1) & (score <= 1))


def test_with_lexicon_features(data):
    X, y = data
    clf = _small(use_lexicon=True).fit(X, y)
    assert clf.coef_.shape[1] == clf.transform(X.head(1)).shape[1]
    assert set(clf.predict(X)) <= set(LABELS)


@pytest.mark.parametrize("method", ["predict", "predict_proba", "decision_function"])
def test_not_fitted_error(data, method):
    X, _ = data
    with pytest.raises(NotFittedError):
        getattr(_small(), method)(X)


def test_save_before_fit_raises(tmp_path):
    with pytest.raises(NotFittedError):
        _small().save(tmp_path / "m.json")


def test_init_stores_params_as_given():
    clf = StanceClassifier(C=0.5, window=7, word_ngram_range=(1, 3), char_ngram_range=None)
    params = clf.get_params()
    assert params["C"] == 0.5 and params["window"] == 7
    assert params["word_ngram_range"] == (1, 3) and params["char_ngram_range"] is None
    assert not [k for k in vars(clf) if k.endswith("_")]


def test_clone_get_set_params_round_trip(data):
    X, y = data
    clf = _small(window=3).fit(X, y)
    twin = clone(clf)
    assert twin.get_params() == clf.get_params()
    assert not hasattr(twin, "classes_")
    assert twin.set_params(C=2.0, window=4) is twin
    assert twin.get_params()["C"] == 2.0 and twin.get_params()["window"] == 4
    assert clf.get_params()["C"] == 10.0
    round_trip = StanceClassifier(**clf.get_params())
    assert round_trip.get_params() == clf.get_params()


def test_pipeline_and_cross_val_score(data):
    X, y = data
    pipe = Pipeline([("pass", FunctionTransformer(validate=False)), ("clf", _small())])
    scores = cross_val_score(pipe, X, y, cv=StratifiedKFold(3, shuffle=True, random_state=0),
                             scoring="f1_macro")
    assert scores.shape == (3,)
    assert np.all((scores >= 0) & (scores <= 1))
    pipe.set_params(clf__C=1.0)
    assert pipe.fit(X, y).predict(X).shape == (len(X),)


@pytest.mark.parametrize("bad, message", [
    (lambda X: X.drop(columns="end"), "lacks the column"),
    (lambda X: X.assign(end=X["start"] + 1000), "do not fit"),
    (lambda X: X["text"].tolist(), "DataFrame"),
])
def test_bad_input_explains_itself(data, bad, message):
    X, y = data
    with pytest.raises((ValueError, TypeError), match=message):
        _small().fit(bad(X), y)


@pytest.mark.parametrize("param, value", [("C", 0), ("window", -1), ("word_ngram_range", (2, 1)),
                                          ("n_features", 1)])
def test_bad_params_rejected_at_fit(data, param, value):
    X, y = data
    clf = _small().set_params(**{param: value})  # stored as is
    with pytest.raises(ValueError, match=param):
        clf.fit(X, y)


# -------------------------------------------------------------------------------- features

def test_transform_is_stateless_and_deterministic(data):
    X, _ = data
    F1 = _small().transform(X)
    F2 = _small().transform(X)
    assert (F1 != F2).nnz == 0


# -------------------------------------------------------------------------------- ensemble

def test_ensemble_scores_single_and_batch():
    classes = ["against", "favor", "neutral"]
    score, label = ensemble_scores(-0.8, [0.8, 0.1, 0.1], classes)
    assert label == "against" and -1 <= score < 0
    score, label = ensemble_scores(0.9, [0.05, 0.9, 0.05], classes)
    assert label == "favor" and 0 < score <= 1
    assert ensemble_scores(0.0, [0.1, 0.1, 0.8], classes)[1] == "neutral"
    scores, labels = ensemble_scores(np.array([-0.8, 0.9]),
                                     np.array([[0.8, 0.1, 0.1], [0.05, 0.9, 0.05]]), classes)
    assert scores.shape == (2,) and labels.tolist() == ["against", "favor"]
    with pytest.raises(ValueError, match="columns"):
        ensemble_scores(0.0, [0.5, 0.5], classes)


# -------------------------------------------------------------------------------- benchmark

#: Regression floor for NewsMTSC test-rw macro-F1. The project's target is 0.66 (issue 4); the
#: classifier measures 0.657 (benchmarks/results/external.csv), so the target is not met and the
#: floor sits just below the measurement.
NEWSMTSC_RW_FLOOR = 0.65


def test_newsmtsc_test_rw_macro_f1(newsmtsc):
    """Train on NewsMTSC train.jsonl, score paper_splits/rw/test.jsonl (about 25 s)."""
    from sklearn.metrics import f1_score

    external, folder = newsmtsc
    train = external.load_newsmtsc(folder / "train.jsonl")
    test = external.load_newsmtsc(folder / "paper_splits" / "rw" / "test.jsonl")
    clf = StanceClassifier(random_state=0).fit(train, train["label"])
    f1 = f1_score(test["label"], clf.predict(test), average="macro")
    assert f1 >= NEWSMTSC_RW_FLOOR, f"NewsMTSC test-rw macro-F1 {f1:.3f} < {NEWSMTSC_RW_FLOOR}"
