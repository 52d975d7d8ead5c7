"""Agreement between the two independent stance passes of the real-text gold.

Usage (from the repository root)::

    python benchmarks/agreement.py      # prints the tables, writes results/agreement.csv

The passes are in ``data/annotations/realtext/passes/``: ``*_pass1.csv`` (statements,
speakers, kinds and stance, by the first annotator) and ``*_pass2.csv`` (stance only, for the
same statements, by a second annotator who did not see the first pass). Statements are
matched by ``doc_id``, ``start`` and ``end``, so this needs no document text. Cohen's kappa is
over four categories per statement × target: favor, neutral, against, not addressed.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, str(ROOT))
PASSES = ROOT / "data" / "annotations" / "realtext" / "passes"
RESULTS = ROOT / "benchmarks" / "results" / "agreement.csv"
TARGETS = ("NATO", "Ukraine", "Russia")
SETS = ("presidential", "wikinews")


def read_pass(name: str, n: int) -> pd.DataFrame:
    """One pass of one gold set, all columns as strings."""
    return pd.read_csv(PASSES / f"{name}_pass{n}.csv", dtype=str, keep_default_na=False)


def agreement_table() -> pd.DataFrame:
    """Agreement per gold set (and both pooled), per target and over all targets."""
    from stance.report.evaluate import annotator_agreement
    firsts = {s: read_pass(s, 1) for s in SETS}
    seconds = {s: read_pass(s, 2) for s in SETS}
    tables = [annotator_agreement(firsts[s], seconds[s], TARGETS).assign(gold_set=s)
              for s in SETS]
    both = annotator_agreement(pd.concat(firsts.values()), pd.concat(seconds.values()), TARGETS)
    tables.append(both.assign(gold_set="all"))
    table = pd.concat(tables, ignore_index=True)
    return table[["gold_set", *[c for c in table.columns if c != "gold_set"]]]


def main() -> int:
    table = agreement_table()
    print("Agreement of two independent stance passes (kappa over favor/neutral/against/"
          "not addressed):")
    print(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    table.round(4).to_csv(RESULTS, index=False)
    print(f"\nwritten: {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
