"""Tests of stance.score.classifier_file: a saved StanceClassifier reads back exactly, and
files that are not stance models are refused with a message (fictional text)."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from stance.score.classifier import StanceClassifier
from stance.score.features import FEATURE_VERSION

# Sentences of test_classifier.py, about its fictional places.
_ROWS = [("Delegates praised Karvenia for the generous and wise agreement.", "Karvenia", "favor"),
         ("The minister thanked Lorisk for its strong support.", "Lorisk", "favor"),
         ("Delegates condemned Velmora for the brutal and illegal attack.", "Velmora", "against"),
         ("The minister accused Oskel of lying about the failed deal.", "Oskel", "against"),
         ("Delegates met Karvenia on Tuesday in the capital.", "Karvenia", "neutral"),
         ("The agenda lists Lorisk as the third item.", "Lorisk", "neutral")]


@pytest.fixture(scope="module")
def data():
    X = pd.DataFrame({"text": [t for t, _, _ in _ROWS],
                      "start": [t.index(p) for t, p, _ in _ROWS],
                      "end": [t.index(p) + len(p) for t, p, _ in _ROWS]})
    return X, np.array([label for _, _, label in _ROWS])


def _small(**kw):
    params = dict(C=10.0, n_features=2 ** 12, use_lexicon=False, random_state=0)
    params.update(kw)
    return StanceClassifier(**params)


def test_save_load_round_trip(tmp_path, data):
    X, y = data
    clf = _small(use_lexicon=True, char_ngram_range=(2, 4)).fit(X, y)
    path = clf.save(tmp_path / "model.json")
    assert path.is_file() and (tmp_path / "model.npz").is_file()
    meta = json.loads(path.read_text(encoding="utf-8"))
    assert meta["format"] == "stance-classifier"
    assert meta["classes"] == ["against", "favor", "neutral"]
    loaded = StanceClassifier.load(path)
    assert loaded.get_params() == clf.get_params()
    np.testing.assert_array_equal(loaded.predict(X), clf.predict(X))
    np.testing.assert_allclose(loaded.predict_proba(X), clf.predict_proba(X), rtol=0, atol=1e-12)


def test_load_refuses_non_model_json(tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"name": "not a model"}), encoding="utf-8")
    with pytest.raises(ValueError, match="not a stance model file") as err:
        StanceClassifier.load(path)
    assert str(path) in str(err.value)


def test_load_refuses_non_json(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text("this is plain text\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a stance model file"):
        StanceClassifier.load(path)


def test_load_refuses_pickled_weights(tmp_path, data):
    X, y = data
    path = _small().fit(X, y).save(tmp_path / "model.json")
    weights = tmp_path / "model.npz"
    np.savez(weights, rows=np.array([{"evil": 1}], dtype=object),
             cols=np.array([0]), values=np.array([1.0]))
    with pytest.raises(ValueError, match="pickled objects") as err:
        StanceClassifier.load(path)
    assert str(weights) in str(err.value)


def test_load_reports_missing_weights(tmp_path, data):
    X, y = data
    path = _small().fit(X, y).save(tmp_path / "model.json")
    (tmp_path / "model.npz").unlink()
    with pytest.raises(FileNotFoundError, match="weights file"):
        StanceClassifier.load(path)


def test_load_refuses_another_feature_version(tmp_path, data):
    X, y = data
    path = _small().fit(X, y).save(tmp_path / "model.json")
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta["feature_version"] = FEATURE_VERSION - 1
    path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ValueError, match="feature version"):
        StanceClassifier.load(path)
