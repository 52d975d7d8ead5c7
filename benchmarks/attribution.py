"""Statement extraction and speaker attribution against the project's gold annotations.

Usage (from the repository root)::

    python benchmarks/attribution.py     # prints the table, writes results/attribution.csv

Two gold sets, both in this repository:

- the seed article (``data/annotations/seed.csv``, 38 statements, annotated independently
  of the extraction code);
- the hand-written passages of ``tests/data/passages.yaml`` (fictional speakers, one
  attribution pattern each, with their own small actor registry).

A gold statement is found when a predicted statement of the same document contains its
anchor; precision counts predicted statements that contain some gold anchor. The same
numbers are asserted (as floors) in ``tests/extract/test_attribute.py`` and
``tests/report/test_evaluate.py``.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "attribution.csv"


def seed_scores() -> pd.DataFrame:
    """Attribution and stance scores of the seed article (every row of ``stance evaluate``)."""
    from stance.report.evaluate import evaluate
    # The lexicon: the in-sample figures of the rules written on this article.
    report = evaluate(ROOT / "data" / "annotations" / "seed.csv", [ROOT / "data" / "articles"],
                      method="lexicon")
    table = report.attribution.assign(gold_set="seed article")
    stance = report.stance.set_index("target").loc["all"]
    table["stance_macro_f1"] = [stance["macro_f1"] if k == "all" else float("nan")
                                for k in table["kind"]]
    table["spurious_polar_rate"] = [stance["spurious_polar_rate"] if k == "all" else float("nan")
                                    for k in table["kind"]]
    return table


def passage_scores() -> pd.DataFrame:
    """Attribution scores on the hand-written passages."""
    from stance.extract.attribute import extract_statements
    from stance.report.evaluate import attribution_scores
    from stance.extract.registry import Actor, load_actors

    data = yaml.safe_load((ROOT / "tests" / "data" / "passages.yaml").read_text(encoding="utf-8"))
    registry = load_actors().with_actors([
        Actor(name=a["name"], type=a.get("type", "person"), affiliation=a.get("affiliation", ""),
              gender=a.get("gender"), aliases=tuple(a.get("aliases", ())),
              titles=tuple(a.get("titles", ())), roles=tuple(a.get("roles", ())))
        for a in data.get("actors") or []])
    gold, pred = [], []
    for p in data["passages"]:
        for g in p.get("statements") or []:
            gold.append({"doc_id": p["id"], "anchor": g["anchor"], "speaker": g["speaker"],
                         "kind": g["kind"]})
        pred.extend(s.row() for s in extract_statements(p["id"], p["text"], actors=registry))
    table, _ = attribution_scores(pd.DataFrame(gold), pd.DataFrame(pred))
    return table.assign(gold_set=f"{len(data['passages'])} hand-written passages")


def main() -> int:
    table = pd.concat([seed_scores(), passage_scores()], ignore_index=True)
    cols = ["gold_set", "kind", "gold", "predicted", "precision", "recall", "f1",
            "speaker_accuracy", "stance_macro_f1", "spurious_polar_rate"]
    table = table[cols].round(3)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(RESULTS, index=False, lineterminator="\n")
    print(table.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
