"""External benchmarks: NewsMTSC and RuSentNE-2023 (English dev), in one run.

Usage (from the repository root)::

    python benchmarks/external.py          # print the table, write benchmarks/results/external.csv
    python benchmarks/external.py --tune   # also show how C and the ensemble constants were chosen

The data sit outside the repository, in ``../shared/benchmarks`` (see its ``README.md`` and
each ``SOURCE.md``); set ``STANCE_SHARED`` to use another copy (the folder that holds
``benchmarks/``, or that ``benchmarks`` folder itself). Without the data the script says so
and exits with status 0.

Importable: :func:`load_newsmtsc`, :func:`load_rusentne_en`, :func:`run`.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, str(REPO))

#: Where the table is written (committed; the notebooks read it so they run without the data).
RESULTS_CSV = REPO / "benchmarks" / "results" / "external.csv"
#: NewsMTSC polarity codes (SOURCE.md: 2.0 negative, 4.0 neutral, 6.0 positive).
NEWSMTSC_LABELS = {2.0: "against", 4.0: "neutral", 6.0: "favor"}
#: RuSentNE labels (SOURCE.md: -1 negative, 0 neutral, 1 positive).
RUSENTNE_LABELS = {-1: "against", 0: "neutral", 1: "favor"}
LABELS = ["against", "neutral", "favor"]
#: VADER's own recommended thresholds on the compound score (Hutto & Gilbert 2014, README).
VADER_THRESHOLD = 0.05
#: Table columns, in order.
COLUMNS = ["method", "newsmtsc_rw_f1m", "newsmtsc_mt_f1m", "rusentne_en_f1pn",
           "rusentne_en_f1m", "seconds", "seconds_per_1000", "description"]
#: Rows of test-rw whose scoring is timed for ``seconds_per_1000`` (prediction only, no
#: training, no feature cache).
TIMED_ROWS = 1000


def shared_dir() -> Path | None:
    """The ``benchmarks`` folder of the shared data, or ``None`` when it is absent."""
    env = os.environ.get("STANCE_SHARED")
    base = Path(env) if env else REPO / ".." / "shared"
    for cand in (base / "benchmarks", base):
        if (cand / "newsmtsc" / "train.jsonl").is_file():
            return cand.resolve()
    return None


def load_newsmtsc(path) -> pd.DataFrame:
    """One row per target of a NewsMTSC JSONL file: text, start, end, mention, label, gid."""
    rows = []
    for rec in _records(path):
        text = rec["sentence_normalized"]
        for t in rec["targets"]:
            rows.append({"text": text, "start": int(t["from"]), "end": int(t["to"]),
                         "mention": t["mention"],
                         "label": NEWSMTSC_LABELS[float(t["polarity"])],
                         "gid": t["Input.gid"]})
    return pd.DataFrame(rows)


def _records(path):
    """The JSON objects of a JSONL file, blank lines skipped."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def load_rusentne_en(path) -> pd.DataFrame:
    """The English RuSentNE-2023 dev file: text, start, end, mention, entity_tag, label."""
    rows = []
    for rec in _records(path):
        text = rec["sentence"]
        start, end = int(rec["entity_pos_start_rel"]), int(rec["entity_pos_end_rel"])
        if not 0 <= start < end <= len(text):
            # 17 rows whose entity the translation lost (entity ""): an empty span, kept so
            # the rows are those of the published evaluation; every scorer says neutral
            start = end = min(max(start, 0), len(text))
        rows.append({"text": text, "start": start, "end": end, "mention": rec["entity"],
                     "entity_tag": rec["entity_tag"],
                     "label": RUSENTNE_LABELS[int(rec["label"])]})
    return pd.DataFrame(rows)


def load_all(shared: Path) -> dict[str, pd.DataFrame]:
    """Every split the benchmark uses, by name."""
    n = shared / "newsmtsc"
    return {"train": load_newsmtsc(n / "train.jsonl"),
            "dev_rw": load_newsmtsc(n / "paper_splits" / "rw" / "dev.jsonl"),
            "dev_mt": load_newsmtsc(n / "paper_splits" / "mt" / "dev.jsonl"),
            "test_rw": load_newsmtsc(n / "paper_splits" / "rw" / "test.jsonl"),
            "test_mt": load_newsmtsc(n / "paper_splits" / "mt" / "test.jsonl"),
            "rusentne_en": load_rusentne_en(shared / "rusentne-2023"
                                            / "validation_data_labeled_en.jsonl")}


# --------------------------------------------------------------------------------------------
# Scorers: each maps a frame (text, start, end) to labels
# --------------------------------------------------------------------------------------------

def _sentence_sentiment(texts) -> np.ndarray:
    from stance.score.sentiment import sentiment
    return np.array([sentiment(t) for t in texts], dtype=np.float64)


def vader_labels(frame: pd.DataFrame) -> np.ndarray:
    """VADER compound of the whole sentence; ±0.05 thresholds (target-independent)."""
    c = _sentence_sentiment(frame["text"])
    return np.where(c >= VADER_THRESHOLD, "favor",
                    np.where(c <= -VADER_THRESHOLD, "against", "neutral"))


def afinn_labels(frame: pd.DataFrame) -> np.ndarray:
    """Sign of the AFINN-en sum of the whole sentence (target-independent)."""
    from afinn import Afinn
    afinn = Afinn(language="en")
    s = np.array([afinn.score(t) for t in frame["text"]], dtype=np.float64)
    return np.where(s > 0, "favor", np.where(s < 0, "against", "neutral"))


def lexicon_spans(frame: pd.DataFrame) -> list:
    """:func:`stance.score.score_span` of every row (neutral for an empty mention)."""
    from stance.score import SpanScore, score_span
    empty = SpanScore(0.0, "neutral", "no mention", 0.0, ())
    return [score_span(t, int(s), int(e)) if e > s else empty for t, s, e in
            zip(frame["text"], frame["start"], frame["end"])]


def _f1(y_true, y_pred, labels=None) -> float:
    return float(f1_score(y_true, y_pred, labels=labels or LABELS, average="macro",
                          zero_division=0))


def _scores(pred: dict[str, np.ndarray], data: dict[str, pd.DataFrame]) -> dict[str, float]:
    ru = data["rusentne_en"]["label"]
    return {"newsmtsc_rw_f1m": _f1(data["test_rw"]["label"], pred["test_rw"]),
            "newsmtsc_mt_f1m": _f1(data["test_mt"]["label"], pred["test_mt"]),
            "rusentne_en_f1pn": _f1(ru, pred["rusentne_en"], ["favor", "against"]),
            "rusentne_en_f1m": _f1(ru, pred["rusentne_en"])}


EVAL_SPLITS = ("test_rw", "test_mt", "rusentne_en")
#: Regularisation grid of the encoder model's CV on NewsMTSC train. A first run over 0.03-1
#: scored 0.689 / 0.664 / 0.646 at 0.03 / 0.1 / 0.3, a second 0.715 / 0.703 at 0.003 / 0.01:
#: the best sat at the lower edge twice, so the grid reaches down to 0.0003.
MODEL_CS = (0.0003, 0.001, 0.003, 0.01, 0.03)


def run(shared: Path, *, log=print) -> pd.DataFrame:
    """Train on NewsMTSC train, score every method on every test set; return the table."""
    from stance.score.classifier import StanceClassifier, ensemble_scores

    data = load_all(shared)
    rows = []

    timed = data["test_rw"].iloc[:TIMED_ROWS]

    def per_1000(score_rows) -> float:
        t0 = time.perf_counter()
        score_rows(timed)
        return round((time.perf_counter() - t0) * 1000 / len(timed), 2)

    def add(method, description, predict, score_rows=None):
        t0 = time.perf_counter()
        try:
            pred = predict()
        except ImportError as exc:  # e.g. afinn (a dev extra) not installed
            log(f"{method}: skipped ({exc})")
            return
        seconds = time.perf_counter() - t0
        rows.append({"method": method, **_scores(pred, data), "seconds": round(seconds, 1),
                     "seconds_per_1000": per_1000(score_rows) if score_rows else None,
                     "description": description})
        log(f"{method}: done in {seconds:.1f} s")

    majority = data["train"]["label"].value_counts().idxmax()
    add("majority", f"always '{majority}', the most frequent NewsMTSC train label",
        lambda: {k: np.full(len(data[k]), majority, dtype=object) for k in EVAL_SPLITS})
    add("vader", "VADER compound of the whole sentence, ±0.05 thresholds",
        lambda: {k: vader_labels(data[k]) for k in EVAL_SPLITS})
    add("afinn", "AFINN-en sum of the whole sentence, sign",
        lambda: {k: afinn_labels(data[k]) for k in EVAL_SPLITS})
    spans = {}

    def lexicon():
        for k in EVAL_SPLITS:
            spans[k] = lexicon_spans(data[k])
        return {k: np.array([s.label for s in spans[k]], dtype=object) for k in EVAL_SPLITS}

    add("lexicon", "stance.score_span: rule-based, target-directed (no training)", lexicon,
        lexicon_spans)
    model = {}

    def classifier():
        clf = StanceClassifier(random_state=0)
        clf.fit(data["train"], data["train"]["label"])
        model["clf"] = clf
        model["proba"] = {k: clf.predict_proba(data[k]) for k in EVAL_SPLITS}
        return {k: clf.classes_[model["proba"][k].argmax(axis=1)] for k in EVAL_SPLITS}

    add("classifier", "StanceClassifier trained on NewsMTSC train.jsonl", classifier,
        lambda f: model["clf"].predict_proba(f))
    if spans and model:
        def ensemble():
            classes = list(model["clf"].classes_)
            return {k: ensemble_scores(np.array([s.score for s in spans[k]]),
                                       model["proba"][k], classes)[1] for k in EVAL_SPLITS}

        add("ensemble", "stance.score.classifier.ensemble_scores of lexicon and classifier", ensemble)

    def encoder_model():
        import train_model  # the feature cache of the model's training script
        from sklearn.model_selection import StratifiedKFold
        from stance.score.model import StanceModel
        base = StanceModel()
        frames = {k: data[k].assign(relation="unknown") for k in ("train", *EVAL_SPLITS)}
        F = {k: train_model.features(base, f, "newsmtsc" if k == "train" else f"external-{k}")
             for k, f in frames.items()}
        y = data["train"]["label"].to_numpy()
        best_c, best_f1 = None, -1.0
        for C in MODEL_CS:  # 3-fold CV on NewsMTSC train only
            pred = np.empty(len(y), dtype=object)
            for tr, te in StratifiedKFold(3, shuffle=True, random_state=0).split(F["train"], y):
                m = StanceModel(C=C).fit_features(F["train"][tr], y[tr])
                pred[te] = m.classes_[m.proba_from_features(F["train"][te]).argmax(axis=1)]
            f1 = _f1(y, pred)
            log(f"model: CV on train C={C}: F1m {f1:.3f}")
            if f1 > best_f1:
                best_c, best_f1 = C, f1
        m = StanceModel(C=best_c).fit_features(F["train"], y)
        model["encoder"] = m
        return {k: m.classes_[m.proba_from_features(F[k]).argmax(axis=1)] for k in EVAL_SPLITS}

    try:
        import transformers  # noqa: F401
        add("model", "StanceModel (frozen all-MiniLM-L6-v2 + lexicon features, logistic "
            "regression) trained on NewsMTSC train.jsonl, C by 3-fold CV on train",
            encoder_model, lambda f: model["encoder"].predict_proba(f.assign(relation="unknown")))
    except ImportError:
        log("model: skipped (the `model` extra is not installed)")
    return pd.DataFrame(rows, columns=COLUMNS)


def to_markdown(table: pd.DataFrame) -> str:
    """The table as GitHub markdown, scores with three decimals."""
    head = ["method", "NewsMTSC test-rw F1m", "NewsMTSC test-mt F1m", "RuSentNE-en dev F1(P,N)",
            "RuSentNE-en dev F1m", "seconds", "s per 1,000 mentions"]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for r in table.itertuples(index=False):
        lines.append(f"| {r.method} | {r.newsmtsc_rw_f1m:.3f} | {r.newsmtsc_mt_f1m:.3f} | "
                     f"{r.rusentne_en_f1pn:.3f} | {r.rusentne_en_f1m:.3f} | {r.seconds:.1f} | "
                     f"{'' if pd.isna(r.seconds_per_1000) else f'{r.seconds_per_1000:.2f}'} |")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Calibration (dev and train only) and error analysis
# --------------------------------------------------------------------------------------------

def tune(shared: Path, *, Cs=(0.5, 1.0, 2.0, 4.0, 8.0, 16.0), log=print) -> None:
    """Show how the classifier's C and the ensemble constants were chosen.

    C: 5-fold stratified cross-validation on NewsMTSC train (features computed once; they are
    stateless, so this equals cross-validating the estimator). Ensemble weight and threshold:
    a grid on the NewsMTSC dev splits (``paper_splits/{rw,mt}/dev.jsonl``). Test files are not
    read.
    """
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from stance.score.classifier import StanceClassifier, ensemble_scores

    n = shared / "newsmtsc"
    train = load_newsmtsc(n / "train.jsonl")
    dev = pd.concat([load_newsmtsc(n / "paper_splits" / "rw" / "dev.jsonl"),
                     load_newsmtsc(n / "paper_splits" / "mt" / "dev.jsonl")], ignore_index=True)
    base = StanceClassifier(random_state=0)
    features = base.transform(train)
    y = train["label"].to_numpy()
    log("C      train 5-fold CV macro-F1")
    for C in Cs:
        model = base._linear_model(C=C)
        pred = cross_val_predict(model, features, y,
                                 cv=StratifiedKFold(5, shuffle=True, random_state=0))
        log(f"{C:<6g} {_f1(y, pred):.3f}")
    clf = base.fit(train, y)
    proba = clf.predict_proba(dev)
    lex = np.array([s.score for s in lexicon_spans(dev)])
    classes = list(clf.classes_)
    log(f"dev (rw+mt, {len(dev)} targets): classifier {_f1(dev['label'], clf.predict(dev)):.3f}")
    log("weight threshold  dev macro-F1 of the ensemble")
    for w in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6):
        cells = []
        for t in (0.1, 0.15, 0.2, 0.25, 0.3):
            labels = ensemble_scores(lex, proba, classes, weight=w, threshold=t)[1]
            cells.append(f"t={t}: {_f1(dev['label'], labels):.3f}")
        log(f"w={w}  " + "  ".join(cells))


def diagnose(shared: Path, *, n_examples=12, log=print) -> None:
    """Confusion matrix and typical errors of the lexicon scorer on NewsMTSC dev (rw + mt)."""
    from sklearn.metrics import confusion_matrix

    n = shared / "newsmtsc"
    dev = pd.concat([load_newsmtsc(n / "paper_splits" / "rw" / "dev.jsonl"),
                     load_newsmtsc(n / "paper_splits" / "mt" / "dev.jsonl")], ignore_index=True)
    spans = lexicon_spans(dev)
    dev["pred"] = [s.label for s in spans]
    dev["evidence"] = [s.evidence for s in spans]
    log(f"lexicon on NewsMTSC dev: macro-F1 {_f1(dev['label'], dev['pred']):.3f}")
    cm = confusion_matrix(dev["label"], dev["pred"], labels=LABELS)
    log(pd.DataFrame(cm, index=[f"gold {l}" for l in LABELS],
                     columns=[f"pred {l}" for l in LABELS]).to_string())
    fired = ~dev["evidence"].str.startswith(("no ", "fallback"))
    log(f"a rule fired for {fired.mean():.0%} of targets; accuracy where it fired "
        f"{(dev['pred'] == dev['label'])[fired].mean():.2f}, elsewhere "
        f"{(dev['pred'] == dev['label'])[~fired].mean():.2f}")
    rng = np.random.default_rng(0)
    for gold, pred in (("against", "neutral"), ("favor", "neutral"), ("neutral", "against"),
                       ("neutral", "favor"), ("against", "favor"), ("favor", "against")):
        sub = dev[(dev["label"] == gold) & (dev["pred"] == pred)]
        log(f"\n-- gold {gold}, predicted {pred}: {len(sub)}")
        for r in sub.iloc[rng.permutation(len(sub))[:n_examples // 3]].itertuples():
            log(f"   [{r.mention}] {r.text[:160]}\n      evidence: {r.evidence[:160]}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tune", action="store_true",
                        help="also show the C and ensemble calibration (train CV, dev)")
    parser.add_argument("--diagnose", action="store_true",
                        help="only show the lexicon scorer's errors on NewsMTSC dev")
    parser.add_argument("--out", type=Path, default=RESULTS_CSV, help="CSV to write")
    args = parser.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("external benchmarks skipped: ../shared/benchmarks (NewsMTSC, RuSentNE-2023) not "
              "found next to the repository; set STANCE_SHARED to a copy", file=sys.stderr)
        return 0
    if args.diagnose:
        diagnose(shared)
        return 0
    if args.tune:
        tune(shared)
    t0 = time.perf_counter()
    table = run(shared, log=lambda m: print(m, file=sys.stderr))
    print(to_markdown(table))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    table.round(4).to_csv(args.out, index=False, lineterminator="\n")
    print(f"\nwrote {args.out} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
