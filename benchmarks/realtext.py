"""Attribution and stance on real text: the real-text gold, dev and test splits.

Usage (from the repository root)::

    python benchmarks/realtext.py                 # both splits, lexicon and the default method
                                                  # (writes results/realtext.csv)
    python benchmarks/realtext.py --split dev --errors dev_errors.csv
    python benchmarks/realtext.py --split dev --model HEAD.json --compare-model OLD.json

The gold is ``data/annotations/realtext/`` (guideline: ``data/annotations/GUIDELINES.md``):
``presidential.csv``, 56 documents of the bundled presidential press corpus, and
``wikinews.csv``, six Wikinews articles read from ``../shared/corpora/wikinews-ukraine``
(or ``$STANCE_SHARED/corpora/...``; without them those rows are skipped, and said so). The
split was fixed once, by document (``data/annotations/realtext/passes/documents.csv``): ``dev`` is
for tuning, ``test`` is never used to choose anything. Each row of the output is also
reachable as ``stance evaluate --gold data/annotations/realtext --split SPLIT
data/corpora/presidential-press [wikinews articles]``.

Every stance macro-F1 has a 95 % interval that resamples whole documents (``*_low``,
``*_high``); the paired differences (the default method minus the lexicon, or one head minus
another with ``--compare-model``) resample the same documents for both runs and go to
``results/realtext_paired.csv``. A run with ``--model`` or ``--compare-model`` writes no CSV.
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
PAIRED = ROOT / "benchmarks" / "results" / "realtext_paired.csv"
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
            "stance_macro_f1_low": st["macro_f1_low"], "stance_macro_f1_high": st["macro_f1_high"],
            "stance_macro_f1_clear_low": st["macro_f1_clear_low"],
            "stance_macro_f1_clear_high": st["macro_f1_clear_high"],
            "spurious_polar_rate": st["spurious_polar_rate"],
            "sign_agreement": report.metric("sign_agreement")}


def paired(first, second, name: str, split: str) -> dict:
    """The paired difference of two reports' stance macro-F1 (all and clear pairs), with
    document-resampling intervals (:func:`stance.report.evaluate.stance_interval`)."""
    from stance.report.evaluate import stance_interval
    d, low, high = stance_interval(first.pairs, second.pairs)
    dc, clow, chigh = stance_interval(first.pairs, second.pairs, clear=True)
    return {"comparison": name, "split": split, "difference": d, "low": low, "high": high,
            "difference_clear": dc, "clear_low": clow, "clear_high": chigh}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=SPLITS, action="append",
                        help="split(s) to run (default: both)")
    parser.add_argument("--errors", type=Path, help="CSV listing every miss of the run")
    parser.add_argument("--out", type=Path, default=RESULTS, help="CSV to write")
    parser.add_argument("--method", action="append", choices=("lexicon", "model", "ensemble"),
                        help="stance method(s) (default: lexicon and the default method)")
    parser.add_argument("--model", type=Path, help="stance head for model/ensemble (JSON)")
    parser.add_argument("--compare-model", type=Path, metavar="HEAD",
                        help="also run each model-based method with this head and give the "
                             "paired difference (--model or the shipped head minus HEAD)")
    args = parser.parse_args(argv)
    from stance.report.evaluate import format_report, read_gold
    from stance.paths import DEFAULT_METHOD
    methods = args.method or list(dict.fromkeys(["lexicon", DEFAULT_METHOD]))

    if wikinews_dir() is None:
        print("note: ../shared/corpora/wikinews-ukraine not found (set STANCE_SHARED); the "
              "Wikinews rows are skipped", file=sys.stderr)
    rows, errors, comparisons, whole = [], [], [], {}
    for method in methods:
        for split in args.split or SPLITS:
            for gold_set, gold in (("all", GOLD), ("presidential", GOLD / "presidential.csv"),
                                   ("wikinews", GOLD / "wikinews.csv")):
                if gold_set == "wikinews" and wikinews_dir() is None:
                    continue
                model = str(args.model) if args.model and method != "lexicon" else None
                report = run(split, gold, method=method, model=model)
                if gold_set == "all":
                    print(f"== {split}, {method} ==\n{format_report(report)}\n")
                    errors.append(report.errors.assign(split=split, method=method))
                    whole[method, split] = report
                    if method != "lexicon" and ("lexicon", split) in whole:
                        comparisons.append(paired(report, whole["lexicon", split],
                                                  f"{method} - lexicon", split))
                    if method != "lexicon" and args.compare_model:
                        other = run(split, gold, method=method, model=str(args.compare_model))
                        comparisons.append(paired(report, other,
                                                  f"{method} - {method} with "
                                                  f"{args.compare_model.name}", split))
                docs = read_gold(gold, split=split)["doc_id"]
                wanted = set(docs) - set(report.skipped_docs)
                rows.append({"method": method,
                             **summary(report, gold_set, split, len(wanted))})
    table = pd.DataFrame(rows)
    print(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    diffs = pd.DataFrame(comparisons)
    if len(diffs):
        print("\nPaired differences of stance macro-F1 (95 % intervals resampling documents):")
        print(diffs.to_string(index=False, float_format=lambda x: f"{x:+.3f}"))
    if args.split is None and args.model is None and args.compare_model is None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        table.round(4).to_csv(args.out, index=False)
        print(f"\nwritten: {args.out}")
        if len(diffs):
            diffs.round(4).to_csv(PAIRED, index=False)
            print(f"written: {PAIRED}")
    if args.errors:
        pd.concat(errors, ignore_index=True).to_csv(args.errors, index=False)
        print(f"errors written: {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
