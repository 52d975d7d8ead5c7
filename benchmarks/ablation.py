"""What each rule earns on real text: the dev split with one stance rule switched off at a time.

Usage (from the repository root)::

    python benchmarks/ablation.py            # writes benchmarks/results/ablation.csv

Runs the real-text **dev** split (never the test split) with the lexicon method, once with every
rule of :data:`stance.score.rules.RULES` and once without each rule, and reports the stance
macro-F1 over addressed pairs and over clear pairs, and how many gold pairs change their predicted label. A rule
whose removal leaves every figure where it was is not shown to earn its place on this split
(it may still do so on other text: the row says how many dev rows it decides).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
RESULTS = ROOT / "benchmarks" / "results" / "ablation.csv"


def _dev(rules) -> tuple[dict, pd.DataFrame]:
    import realtext
    from stance.score import frames

    saved = frames.RULES
    frames.RULES = rules  # the scorer's default list, for every statement of the run
    try:
        report = realtext.run("dev", method="lexicon")
    finally:
        frames.RULES = saved
    st = report.stance.set_index("target").loc["all"]
    figures = {"pairs": int(st["addressed"]), "macro_f1": float(st["macro_f1"]),
               "macro_f1_clear": float(st["macro_f1_clear"])}
    return figures, report.pairs


def main() -> int:
    from scale import git_commit
    from stance.score.rules import RULES, rule_names, without

    base, base_pred = _dev(RULES)
    rows = [{"switched_off": "(none)", **base, "pairs_changed": 0}]
    for name in rule_names():
        figures, pred = _dev(without(name))
        # Gold pairs whose predicted label moves (pairs are the same gold rows in every run).
        changed = int((base_pred["predicted"].values != pred["predicted"].values).sum())
        rows.append({"switched_off": name, **figures, "pairs_changed": changed})
        print(f"{name:14s} {figures['macro_f1']:.3f} {figures['macro_f1_clear']:.3f} {changed}",
              flush=True)
    table = pd.DataFrame(rows)
    table["delta_macro_f1"] = (table["macro_f1"] - base["macro_f1"]).round(4)
    table["commit"] = git_commit()
    print(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    table.round(4).to_csv(RESULTS, index=False)
    print(f"\nwritten: {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
