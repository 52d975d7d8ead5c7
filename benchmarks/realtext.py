"""Attribution and stance on real text: the real-text gold, dev and test splits.

Usage (from the repository root)::

    python benchmarks/realtext.py                 # both splits, lexicon and the default method
                                                  # (writes results/realtext.csv)
    python benchmarks/realtext.py --split dev --errors dev_errors.csv

The gold is ``data/annotations/realtext/`` (guideline: ``data/annotations/GUIDELINES.md``):
``presidential.csv``, 56 documents of the bundled presidential press corpus, and
``wikinews.csv``, six Wikinews articles read from ``../shared/corpora/wikinews-ukraine``
(or ``$STANCE_SHARED/corpora/...``; without them those rows are skipped, and said so). The
split was fixed once, by document (``data/annotations/realtext/passes/documents.csv``): ``dev`` is
for tuning, ``test`` is never used to choose anything. Each row of the output is also
reachable as ``stance evaluate --gold data/annotations/realtext --split SPLIT
data/corpora/presidential-press [wikinews articles]``.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, str(ROOT))
GOLD = ROOT / "data" / "annotations" / "realtext"
PRESS = ROOT / "data" / "corpora" / "presidential-press"
RESULTS = ROOT / "benchmarks" / "results" / "realtext.csv"
SPLITS = ("dev", "test")


def wikinews_dir() -> Path | None:
    """The shared Wikinews ``articles`` folder, or ``None`` when it is absent."""
    env = os.environ.get("STANCE_SHARED")
    base = Path(env) if env else ROOT / ".." / "shared"
    folder = base / "corpora" / "wikinews-ukraine" / "articles"
    return folder.resolve() if folder.is_dir() else None


def inputs() -> list[Path]:
    """Where the gold's documents are: the bundled corpus, and Wikinews when present."""
    folder = wikinews_dir()
    return [PRESS] + ([folder] if folder is not None else [])


def run(split: str, gold: Path = GOLD, **options):
    """The :class:`stance.report.evaluate.Report` of one split (``options`` go to ``evaluate``)."""
    from stance.report.evaluate import evaluate
    return evaluate(gold, inputs(), split=split, **options)


def summary(report, gold_set: str, split: str, documents: int) -> dict:
    """One row of the results table."""
    a = report.attribution.set_index("kind").loc["all"]
    st = report.stance.set_index("target").loc["all"]
    return {"gold_set": gold_set, "split": split,
            "documents": documents, "gold": int(a["gold"]),
            "predicted": int(a["predicted"]), "precision": a["precision"],
            "recall": a["recall"], "f1": a["f1"], "speaker_accuracy": a["speaker_accuracy"],
            "stance_pairs_addressed": int(st["addressed"]), "stance_macro_f1": st["macro_f1"],
            "stance_pairs_clear": int(st["addressed_clear"]),
            "stance_macro_f1_clear": st["macro_f1_clear"],
            "spurious_polar_rate": st["spurious_polar_rate"],
            "sign_agreement": report.metric("sign_agreement")}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=SPLITS, action="append",
                        help="split(s) to run (default: both)")
    parser.add_argument("--errors", type=Path, help="CSV listing every miss of the run")
    parser.add_argument("--out", type=Path, default=RESULTS, help="CSV to write")
    parser.add_argument("--method", action="append", choices=("lexicon", "model", "ensemble"),
                        help="stance method(s) (default: lexicon and the default method)")
    args = parser.parse_args(argv)
    from stance.report.evaluate import format_report, read_gold
    from stance.paths import DEFAULT_METHOD
    methods = args.method or list(dict.fromkeys(["lexicon", DEFAULT_METHOD]))

    if wikinews_dir() is None:
        print("note: ../shared/corpora/wikinews-ukraine not found (set STANCE_SHARED); the "
              "Wikinews rows are skipped", file=sys.stderr)
    rows, errors = [], []
    for method in methods:
        for split in args.split or SPLITS:
            for gold_set, gold in (("all", GOLD), ("presidential", GOLD / "presidential.csv"),
                                   ("wikinews", GOLD / "wikinews.csv")):
                if gold_set == "wikinews" and wikinews_dir() is None:
                    continue
                report = run(split, gold, method=method)
                if gold_set == "all":
                    print(f"== {split}, {method} ==\n{format_report(report)}\n")
                    errors.append(report.errors.assign(split=split, method=method))
                docs = read_gold(gold, split=split)["doc_id"]
                wanted = set(docs) - set(report.skipped_docs)
                rows.append({"method": method,
                             **summary(report, gold_set, split, len(wanted))})
    table = pd.DataFrame(rows)
    print(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    if args.split is None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        table.round(4).to_csv(args.out, index=False)
        print(f"\nwritten: {args.out}")
    if args.errors:
        pd.concat(errors, ignore_index=True).to_csv(args.errors, index=False)
        print(f"errors written: {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
