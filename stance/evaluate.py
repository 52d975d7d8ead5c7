"""Evaluation against gold annotations (CONTRACT.md's gold format).

Matching rule: a gold statement is found when its ``anchor`` (a verbatim piece of the gold
content) lies inside a predicted statement's text in the same document. Then

- statement **recall** = found gold statements / gold statements;
- statement **precision** = predicted statements that contain at least one gold anchor /
  predicted statements;
- **speaker accuracy** = found gold statements whose predicted speaker is the gold speaker
  (compared case- and diacritic-insensitively) / found gold statements;
- **stance**: for every found gold statement and every target, the gold label (favor, against,
  neutral, or empty = not addressed) against the predicted label (no stance row = not
  addressed). Macro-F1 is over favor/against/neutral on the pairs the gold addresses, a
  predicted "not addressed" counting as neutral; the *spurious polar rate* is the share of
  pairs the gold leaves unaddressed that got a favor or against label.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd
from sklearn.metrics import confusion_matrix, f1_score

from .mentions import fold

GOLD_FIXED = ("doc_id", "anchor", "speaker", "kind", "note")
LABELS = ("against", "neutral", "favor")
NONE = "none"


def read_gold(path: str | os.PathLike) -> pd.DataFrame:
    """Read a gold CSV, or every CSV in a folder, with all columns as strings."""
    p = Path(path)
    files = sorted(p.glob("*.csv")) if p.is_dir() else [p]
    frames = [pd.read_csv(f, dtype=str, keep_default_na=False) for f in files]
    if not frames:
        raise ValueError(f"{path}: no gold CSV files found")
    gold = pd.concat(frames, ignore_index=True)
    missing = [c for c in ("doc_id", "anchor", "speaker", "kind") if c not in gold.columns]
    if missing:
        raise ValueError(f"{path}: gold annotations lack the column(s) {', '.join(missing)}")
    return gold


def gold_targets(gold: pd.DataFrame) -> list[str]:
    """The target columns of a gold table (all columns but the fixed ones)."""
    return [c for c in gold.columns if c not in GOLD_FIXED]


def match_statements(gold: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """For each gold row, the predicted statement whose text contains its anchor (or none)."""
    rows = []
    by_doc = {d: g for d, g in statements.groupby("doc_id")} if len(statements) else {}
    for _, g in gold.iterrows():
        pred = by_doc.get(g["doc_id"])
        hit = None
        if pred is not None:
            for _, s in pred.iterrows():
                if g["anchor"] and g["anchor"] in str(s["text"]):
                    hit = s
                    break
        rows.append({
            "doc_id": g["doc_id"], "anchor": g["anchor"], "gold_speaker": g["speaker"],
            "gold_kind": g["kind"],
            "statement_id": hit["statement_id"] if hit is not None else "",
            "speaker": hit["speaker"] if hit is not None else "",
            "kind": hit["kind"] if hit is not None else "",
            "found": hit is not None,
            "speaker_ok": hit is not None and fold(str(hit["speaker"])) == fold(g["speaker"]),
        })
    return pd.DataFrame(rows)


@dataclass
class Report:
    """Evaluation tables: overall and per-kind attribution, stance per target, confusions."""

    attribution: pd.DataFrame
    stance: pd.DataFrame
    matches: pd.DataFrame
    pairs: pd.DataFrame
    confusion: dict = field(default_factory=dict)

    def save(self, out_dir: str | os.PathLike) -> None:
        """Write the report's tables as CSV files into ``out_dir``."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        self.attribution.to_csv(out / "eval_attribution.csv", index=False)
        self.stance.to_csv(out / "eval_stance.csv", index=False)
        self.matches.to_csv(out / "eval_matches.csv", index=False)
        self.pairs.to_csv(out / "eval_pairs.csv", index=False)

    def metric(self, name: str, *, kind: str = "all", target: str = "all") -> float:
        """One number, e.g. ``report.metric("recall")`` or ``metric("macro_f1", target="NATO")``."""
        if name in self.attribution.columns:
            row = self.attribution[self.attribution["kind"] == kind]
            return float(row[name].iloc[0])
        row = self.stance[self.stance["target"] == target]
        return float(row[name].iloc[0])


def attribution_scores(gold: pd.DataFrame, statements: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Precision, recall, F1 and speaker accuracy overall and per kind."""
    matches = match_statements(gold, statements)
    rows = []
    for kind in ["all"] + sorted(set(gold["kind"])):
        m = matches if kind == "all" else matches[matches["gold_kind"] == kind]
        pred = statements if kind == "all" else statements[statements["kind"] == kind]
        docs = set(gold["doc_id"])
        pred = pred[pred["doc_id"].isin(docs)]
        anchors = {}
        for _, g in gold.iterrows():
            anchors.setdefault(g["doc_id"], []).append(g["anchor"])
        correct = sum(any(a and a in str(s["text"]) for a in anchors.get(s["doc_id"], []))
                      for _, s in pred.iterrows())
        precision = correct / len(pred) if len(pred) else float("nan")
        recall = m["found"].mean() if len(m) else float("nan")
        f1 = (2 * precision * recall / (precision + recall)
              if precision == precision and recall == recall and precision + recall else float("nan"))
        found = m[m["found"]]
        rows.append({"kind": kind, "gold": len(m), "predicted": len(pred),
                     "precision": precision, "recall": recall, "f1": f1,
                     "speaker_accuracy": found["speaker_ok"].mean() if len(found) else float("nan")})
    return pd.DataFrame(rows), matches


def stance_scores(gold: pd.DataFrame, matches: pd.DataFrame, stances: pd.DataFrame,
                  targets: Sequence[str]) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Macro-F1 per target and overall, the spurious polar rate, and confusion matrices."""
    pred_label = {}
    for _, r in stances.iterrows():
        pred_label[(r["statement_id"], r["target"])] = r["label"]
    pairs = []
    for (_, g), (_, m) in zip(gold.iterrows(), matches.iterrows()):
        if not m["found"]:
            continue
        for t in targets:
            gl = (g.get(t) or "").strip() or NONE
            pl = pred_label.get((m["statement_id"], t), NONE)
            pairs.append({"doc_id": g["doc_id"], "anchor": g["anchor"], "target": t,
                          "gold": gl, "predicted": pl})
    pairs = pd.DataFrame(pairs, columns=["doc_id", "anchor", "target", "gold", "predicted"])
    rows, confusion = [], {}
    for t in ["all"] + list(targets):
        p = pairs if t == "all" else pairs[pairs["target"] == t]
        addressed = p[p["gold"] != NONE]
        y_true = addressed["gold"].tolist()
        y_pred = [x if x != NONE else "neutral" for x in addressed["predicted"]]
        present = [lab for lab in LABELS if lab in y_true or lab in y_pred]
        macro = f1_score(y_true, y_pred, labels=present, average="macro", zero_division=0) \
            if y_true else float("nan")
        unaddressed = p[p["gold"] == NONE]
        spurious = (unaddressed["predicted"].isin(["favor", "against"]).mean()
                    if len(unaddressed) else float("nan"))
        rows.append({"target": t, "pairs": len(p), "addressed": len(addressed),
                     "macro_f1": macro, "accuracy": float(np.mean(np.array(y_true) == np.array(y_pred)))
                     if y_true else float("nan"), "spurious_polar_rate": spurious})
        labels = list(LABELS) + [NONE]
        confusion[t] = pd.DataFrame(confusion_matrix(p["gold"], p["predicted"], labels=labels),
                                    index=[f"gold {x}" for x in labels],
                                    columns=[f"pred {x}" for x in labels]) if len(p) else None
    return pd.DataFrame(rows), pairs, confusion


def evaluate(gold_path, inputs, *, actors=None, targets=None, method="lexicon", model=None) -> Report:
    """Score ``inputs`` and compare with the gold annotations at ``gold_path``."""
    from .pipeline import score_documents

    gold = read_gold(gold_path)
    result = score_documents(inputs, actors=actors, targets=targets, method=method, model=model)
    gold = gold[gold["doc_id"].isin(set(result.statements["doc_id"]) | set(gold["doc_id"]))]
    attribution, matches = attribution_scores(gold, result.statements)
    stance, pairs, confusion = stance_scores(gold, matches, result.stances, gold_targets(gold))
    return Report(attribution, stance, matches, pairs, confusion)


def format_report(report: Report) -> str:
    """The report as plain text tables."""
    parts = ["Statements and speakers (gold anchor inside a predicted statement):",
             report.attribution.to_string(index=False, float_format=lambda x: f"{x:.3f}"),
             "", "Stance (macro-F1 over favor/against/neutral on gold-addressed pairs):",
             report.stance.to_string(index=False, float_format=lambda x: f"{x:.3f}")]
    conf = report.confusion.get("all")
    if conf is not None:
        parts += ["", "Confusion (all targets; 'none' = not addressed):", conf.to_string()]
    return "\n".join(parts)
