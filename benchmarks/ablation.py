"""What each rule earns on real text: the dev split with one stance rule switched off at a time.

Usage (from the repository root)::

    python benchmarks/ablation.py            # writes benchmarks/results/ablation.csv
    python benchmarks/ablation.py --windows  # writes benchmarks/results/windows.csv

Runs the real-text **dev** split (never the test split) with the lexicon method, once with every
rule of :data:`stance.score.rules.RULES` and once without each rule, and reports the stance
macro-F1 over addressed pairs and over clear pairs, and how many gold pairs change their predicted label. A rule
whose removal leaves every figure where it was is not shown to earn its place on this split
(it may still do so on other text: the row says how many dev rows it decides).

With ``--windows`` it sweeps each window of :mod:`stance.score.weights` instead (half, three
quarters, one and a half and twice its value, the others unchanged), so that a window's comment
can say over which range the dev figures stay where they are, rather than cite one sentence.
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


def _window_names() -> list[str]:
    from stance.score import weights
    return [n for n in vars(weights) if n.isupper() and (n.endswith("_WINDOW") or n.endswith("_GAP"))
            and isinstance(getattr(weights, n), int)]


def _set_window(name: str, value: int) -> None:
    """Set a window in :mod:`stance.score.weights` and in every scorer module that imported it."""
    import importlib
    import pkgutil
    import stance.score
    for info in pkgutil.iter_modules(stance.score.__path__):
        module = importlib.import_module(f"stance.score.{info.name}")
        if hasattr(module, name):
            setattr(module, name, value)


def windows() -> int:
    from scale import git_commit
    from stance.score import weights
    from stance.score.rules import RULES

    base, base_pred = _dev(RULES)
    rows = []
    for name in _window_names():
        value = getattr(weights, name)
        for factor in (0.5, 0.75, 1.5, 2.0):
            trial = max(1, round(value * factor))
            if trial == value or any(r["window"] == name and r["value"] == trial for r in rows):
                continue
            _set_window(name, trial)
            try:
                figures, pred = _dev(RULES)
            finally:
                _set_window(name, value)
            changed = int((base_pred["predicted"].values != pred["predicted"].values).sum())
            rows.append({"window": name, "shipped": value, "value": trial, **figures,
                         "pairs_changed": changed})
            print(f"{name:24s} {value:3d} -> {trial:3d}  {figures['macro_f1']:.3f} "
                  f"{figures['macro_f1_clear']:.3f} {changed}", flush=True)
    table = pd.DataFrame(rows)
    table["delta_macro_f1"] = (table["macro_f1"] - base["macro_f1"]).round(4)
    table["commit"] = git_commit()
    out = RESULTS.with_name("windows.csv")
    table.round(4).to_csv(out, index=False)
    print(f"\nbaseline macro-F1 {base['macro_f1']:.3f}; written: {out}")
    return 0


def main() -> int:
    if "--windows" in sys.argv[1:]:
        return windows()
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
