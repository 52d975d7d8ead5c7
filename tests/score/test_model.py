"""StanceModel: the encoder-based stance estimator (needs the `onnx` extra)."""
import json

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("onnxruntime", reason="the model needs the `onnx` extra")
pytest.importorskip("tokenizers", reason="the model needs the `onnx` extra")

from sklearn.base import clone
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import Pipeline

from stance.score.model import FEATURE_VERSION, ModelError, StanceModel

_FAVOR = ["Voters praised {t} for the excellent reform.", "The mayor thanked {t} warmly.",
          "We strongly support {t} and its brave people.", "{t} deserves our admiration."]
_AGAINST = ["Critics condemned {t} for the brutal raid.", "The council denounced {t} again.",
            "{t} committed terrible crimes against civilians.", "We reject the lies of {t}."]


def _frame(targets=("Ostrava", "Brno", "Velmora")):
    rows = []
    for t in targets:
        for label, templates in (("favor", _FAVOR), ("against", _AGAINST)):
            for tpl in templates:
                text = tpl.format(t=t)
                s = text.index(t)
                rows.append({"text": text, "start": s, "end": s + len(t), "label": label,
                             "relation": "other"})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def fitted():
    X = _frame()
    return StanceModel(C=1.0).fit(X, X["label"]), X


def test_fit_predict_on_fictional_text(fitted):
    model, _ = fitted
    X = _frame(("Lindau",))
    assert (model.predict(X) == X["label"]).mean() >= 0.75  # an unseen name
    p = model.predict_proba(X)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    assert list(model.classes_) == ["against", "favor"]


def test_clone_pipeline_and_cross_val_score():
    X = _frame()
    est = clone(StanceModel(C=0.5, use_lexicon=False))
    assert est.get_params()["C"] == 0.5 and not hasattr(est, "coef_")
    scores = cross_val_score(Pipeline([("model", est)]), X, X["label"], cv=3)
    assert scores.mean() > 0.6


def test_save_load_round_trip_and_neighbours(fitted, tmp_path):
    model, X = fitted
    F = model.transform(X)
    model.set_neighbours(F, X["label"], [f"doc{i}@0" for i in range(len(X))])
    path = model.save(tmp_path / "head.json")
    again = StanceModel.load(path)
    np.testing.assert_array_equal(again.predict_proba(X), model.predict_proba(X))
    near = again.neighbours(F[:1])[0]
    assert near.startswith("doc0@0 (favor, cos 1.00")
    meta = json.loads(path.read_text())
    assert meta["feature_version"] == FEATURE_VERSION


def test_neighbours_match_a_float64_search_and_name_the_first_of_equal_rows(fitted):
    model, X = fitted
    F = model.transform(X)
    rows = np.concatenate([F, F[:3]])  # three training vectors twice, under other names
    refs = [f"doc{i}@0" for i in range(len(rows))]
    model.set_neighbours(rows, list(X["label"]) + ["against"] * 3, refs)
    dim = int(model.encoder_identity_["dim"])
    W = F[:, 3 * dim:4 * dim] / np.linalg.norm(F[:, 3 * dim:4 * dim], axis=1, keepdims=True)
    sims = W @ model.neighbour_vectors_.astype(np.float64).T
    got = model.neighbours(F)
    for i, text in enumerate(got):
        best = int(np.flatnonzero(np.isclose(sims[i], sims[i].max(), rtol=0, atol=1e-12))[0])
        assert text.startswith(f"doc{best}@0 ("), (i, text)
    assert got[0].startswith("doc0@0 (favor")  # not its copy doc24@0, labelled against


def test_a_head_for_another_encoder_is_refused(fitted, tmp_path):
    model, _ = fitted
    path = model.save(tmp_path / "head.json")
    meta = json.loads(path.read_text())
    meta["encoder"]["weights_sha256"] = "0" * 64
    path.write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="trained on the encoder"):
        StanceModel.load(path)


def test_a_head_of_another_feature_version_is_refused(fitted, tmp_path):
    model, _ = fitted
    path = model.save(tmp_path / "head.json")
    meta = json.loads(path.read_text())
    meta["feature_version"] = FEATURE_VERSION + 1
    path.write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="feature version"):
        StanceModel.load(path)


def test_bad_input_is_refused():
    with pytest.raises(TypeError):
        StanceModel().transform(["not a frame"])
    with pytest.raises(ValueError, match="do not fit"):
        StanceModel().transform(pd.DataFrame({"text": ["abc"], "start": [2], "end": [9]}))


def test_the_pipeline_keeps_method_and_evidence_with_the_shipped_head():
    import stance
    from stance.io.load import Document
    doc = Document("d1", "Ana Roth, the foreign minister of Norland, said that Velmora's "
                   "aggression against Ukraine must stop and that Ukraine deserves support.",
                   {}, "d1.txt")
    for method in ("model", "ensemble"):
        rows = stance.score_documents([doc], method=method).stances
        assert "Ukraine" in set(rows["target"])
        assert (rows["method"] == method).all()
        ev = rows.loc[rows["target"] == "Ukraine", "evidence"].iloc[0]
        assert "P(favor)=" in ev and "nearest training statement" in ev
        assert "lexicon" in ev


def test_sides_read_missing_and_non_string_values_as_pandas_does():
    X = pd.DataFrame({"text": ["a b", "c d", "e f"], "start": [0, 0, 0], "end": [1, 1, 1],
                      "affiliation": ["Velmora", None, np.nan], "target": ["Brno", "Brno", 7]})
    assert StanceModel.sides(X) == ["Velmora → Brno", "", ""]
    X["affiliation"] = ["Velmora", "Ostrava", 3]
    assert StanceModel.sides(X) == ["Velmora → Brno", "Ostrava → Brno", "3 → 7"]
