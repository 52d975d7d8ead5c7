"""The ensemble's lexicon weight and neutral band, measured by grouped cross-validation on the
real stance training set (not on NewsMTSC, not on the real-text dev or test split).

Usage (from the repository root)::

    python benchmarks/tune_ensemble.py        # writes results/tune_ensemble.csv
    python benchmarks/tune_ensemble.py --dev  # also: the best and the shipped pair on dev

For each statement × target of ``data/annotations/training/stance_train.csv`` the script takes
the lexicon scorer's score of the statement (``stance.score.score_statement``, as the pipeline
calls it) and the encoder head's out-of-fold probabilities (5 folds grouped by document, with
the head's shipped settings: C, NewsMTSC weight and class weights from ``train_model.csv``),
averaged over the target's mentions as the pipeline averages them. The ensemble
(:func:`stance.score.classifier.ensemble_scores`) is then scored over a grid of weights and
neutral bands: macro-F1 over the pairs, three labels. Encoder features come from the cache of
``train_model.py`` (computed there on a first run). With ``--dev`` the best pair of the grid
and the shipped one then score the real-text dev split through the whole pipeline (the test
split is not used). About 3 minutes from an empty feature cache.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))
import train_model  # noqa: E402
import train_realtext  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "tune_ensemble.csv"
WEIGHTS = tuple(round(w, 2) for w in np.arange(0.0, 0.75, 0.1))
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def lexicon_pairs(train: pd.DataFrame, docs: dict[str, str]) -> pd.DataFrame:
    """Per training statement × addressed target: the gold label and the lexicon's score."""
    from stance.extract.registry import load_actors, load_targets
    from stance.run.document import stance_lexicon
    from stance.score import score_statement
    sides = load_targets().sides
    affiliation = {a.name: a.affiliation for a in load_actors()}
    lexicon = stance_lexicon(None)
    rows = []
    for r, text, start, end, found in train_realtext.statements(train, docs):
        local = [type(m)(m.start - start, m.end - start, m.target, m.text, m.group)
                 for m in found]
        scores = score_statement(text[start:end], local,
                                 speaker_affiliation=affiliation.get(r.speaker) or None,
                                 lexicon=lexicon, sides=sides)
        for target, sc in scores.items():
            rows.append({"doc_id": r.doc_id, "statement_start": start, "target": target,
                         "gold": getattr(r, target) or "neutral", "lexicon": float(sc.score),
                         "lexicon_label": sc.label})
    return pd.DataFrame(rows)


def out_of_fold(real, Fr, news, Fn, C, newsmtsc_weight, class_weight):
    """The head's out-of-fold class probabilities of every real mention row."""
    from sklearn.model_selection import GroupKFold
    proba, classes = None, None
    for tr, te in GroupKFold(n_splits=5).split(Fr, groups=real["doc_id"]):
        m, _, _, _ = train_model.fit(real.iloc[tr], Fr[tr], news, Fn, C, newsmtsc_weight,
                                     class_weight)
        p = m.proba_from_features(train_model.with_sides(m, Fr[te], real.iloc[te]))
        if proba is None:
            classes = list(m.classes_)
            proba = np.zeros((len(real), len(classes)))
        proba[te] = p
    return proba, classes


def dev_f1(weight: float, threshold: float) -> dict:
    """Real-text dev stance of the default ensemble with this weight and neutral band."""
    from unittest import mock

    import realtext
    from stance.score.classifier import ensemble_scores
    # The pipeline calls ensemble_scores with its defaults; only this measurement moves them.
    with mock.patch.dict(ensemble_scores.__kwdefaults__, weight=weight, threshold=threshold):
        report = realtext.run("dev", method="ensemble")
    st = report.stance.set_index("target")
    return {"dev_macro_f1": round(float(st.loc["all", "macro_f1"]), 4),
            "dev_macro_f1_clear": round(float(st.loc["all", "macro_f1_clear"]), 4),
            "dev_spurious": round(float(st.loc["all", "spurious_polar_rate"]), 4)}


def main(argv=None) -> int:
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", action="store_true",
                        help="score the best and the shipped pair on the real-text dev split")
    args = parser.parse_args(argv)
    from sklearn.metrics import f1_score
    from stance.score.classifier import ENSEMBLE_THRESHOLD, ENSEMBLE_WEIGHT, ensemble_scores
    from stance.score.model import StanceModel

    train = pd.read_csv(train_realtext.TRAIN, dtype=str, keep_default_na=False)
    docs = train_realtext.texts()
    real = train_realtext.examples(train, docs)
    news = train_realtext.newsmtsc()
    base = StanceModel()
    Fr = train_model.features(base, real, "real")
    Fn = train_model.features(base, news, "newsmtsc") if news is not None else None
    grid = pd.read_csv(train_model.RESULTS)
    chosen = grid[grid["chosen"].astype(str) == "True"].iloc[0]
    cw = None if chosen["class_weight"] == "None" else chosen["class_weight"]
    print(f"head settings from {train_model.RESULTS.name}: C={chosen['C']}, "
          f"newsmtsc_weight={chosen['newsmtsc_weight']}, class_weight={cw}")
    proba, classes = out_of_fold(real, Fr, news, Fn, float(chosen["C"]),
                                 float(chosen["newsmtsc_weight"]), cw)
    pairs = lexicon_pairs(train, docs)
    rows_of = real.groupby(["doc_id", "statement_start", "target"]).indices
    keep = [k in rows_of for k in zip(pairs["doc_id"], pairs["statement_start"], pairs["target"])]
    pairs = pairs[keep].reset_index(drop=True)
    P = np.vstack([proba[rows_of[k]].mean(axis=0) for k in
                   zip(pairs["doc_id"], pairs["statement_start"], pairs["target"])])
    gold = pairs["gold"].to_numpy()
    print(f"{len(pairs)} statement × target pairs from {pairs['doc_id'].nunique()} documents; "
          f"gold {pairs['gold'].value_counts().to_dict()}")
    out = [{"weight": "lexicon alone", "threshold": "",
            "cv_macro_f1": f1_score(gold, pairs["lexicon_label"], average="macro")},
           {"weight": "model alone", "threshold": "",
            "cv_macro_f1": f1_score(gold, np.asarray(classes)[P.argmax(axis=1)],
                                    average="macro")}]
    for w in WEIGHTS:
        for t in THRESHOLDS:
            _, labels = ensemble_scores(pairs["lexicon"].to_numpy(), P, classes, weight=w,
                                        threshold=t)
            out.append({"weight": w, "threshold": t,
                        "cv_macro_f1": f1_score(gold, labels, average="macro")})
    table = pd.DataFrame(out)
    table["shipped"] = [(r["weight"] == ENSEMBLE_WEIGHT and r["threshold"] == ENSEMBLE_THRESHOLD)
                        for _, r in table.iterrows()]
    table["cv_macro_f1"] = table["cv_macro_f1"].round(4)
    print(table.to_string(index=False))
    grid_only = table[table["threshold"] != ""]
    best = grid_only.loc[grid_only["cv_macro_f1"].astype(float).idxmax()]
    print(f"best: weight {best['weight']}, threshold {best['threshold']}: {best['cv_macro_f1']}")
    if args.dev:
        for col in ("dev_macro_f1", "dev_macro_f1_clear", "dev_spurious"):
            table[col] = np.nan
        for idx in {int(best.name), int(table.index[table["shipped"]][0])}:
            row = table.loc[idx]
            got = dev_f1(float(row["weight"]), float(row["threshold"]))
            print(f"dev, weight {row['weight']}, threshold {row['threshold']}: {got}")
            for col, value in got.items():
                table.loc[idx, col] = value
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(RESULTS, index=False)
    print(f"written: {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
