"""Agreement of the two independent passes over training batches 10-15, and how they were merged.

Usage (from the repository root)::

    python benchmarks/train_agreement.py    # prints the tables, writes results/train_agreement.csv

Batches 10-15 of ``data/annotations/training/stance_train.csv`` (candidates chosen by
``train_select.select_more``) were each labelled by two annotators who did not see each other's
work, following ``data/annotations/GUIDELINES.md``. Their passes are kept in
``data/annotations/training/passes/`` (``batchK_pass1.csv``, ``batchK_pass2.csv``, matched by
``doc_id``, ``start`` and ``end``). Cohen's kappa is over favor / neutral / against / not
addressed per statement × target, as for the real-text gold (``benchmarks/agreement.py``).

The merge (:func:`merged`, run 2026-12-04 for batches 10-12, then again with 13-15 added,
the first 330 rows unchanged) keeps the first pass's labels, as batches 1-9
had one pass each; where the second pass differs on ``is_statement`` or on a target, the row
is marked ``clear = no`` and the note names the second pass's label. No adjudication.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, str(ROOT))
PASSES = ROOT / "data" / "annotations" / "training" / "passes"
RESULTS = ROOT / "benchmarks" / "results" / "train_agreement.csv"
TARGETS = ("NATO", "Ukraine", "Russia")
BATCHES = (10, 11, 12, 13, 14, 15)


def read_pass(batch: int, n: int) -> pd.DataFrame:
    """One pass of one batch, all columns as strings."""
    return pd.read_csv(PASSES / f"batch{batch}_pass{n}.csv", dtype=str, keep_default_na=False)


def agreement_table() -> pd.DataFrame:
    """Agreement per batch and pooled, per target and over all targets, plus is_statement."""
    from stance.report.evaluate import annotator_agreement
    passes = {b: (read_pass(b, 1), read_pass(b, 2)) for b in BATCHES}
    tables = [annotator_agreement(one, two, TARGETS).assign(batch=str(b))
              for b, (one, two) in passes.items()]
    first = pd.concat([one for one, _ in passes.values()], ignore_index=True)
    second = pd.concat([two for _, two in passes.values()], ignore_index=True)
    tables.append(annotator_agreement(first, second, TARGETS).assign(batch="all"))
    out = pd.concat(tables, ignore_index=True)
    both = first.merge(second, on=["doc_id", "start", "end"], suffixes=("_1", "_2"))
    out.attrs["is_statement_agreement"] = float(
        (both["is_statement_1"] == both["is_statement_2"]).mean())
    return out


def merged() -> pd.DataFrame:
    """Rows for ``stance_train.csv``: the first pass, flagged unclear where the second differs."""
    rows = []
    for b in BATCHES:
        first, second = read_pass(b, 1), read_pass(b, 2)
        both = first.merge(second, on=["doc_id", "start", "end"], suffixes=("", "_2"),
                           validate="one_to_one")
        for r in both.to_dict("records"):
            differ = [c for c in ("is_statement",) + TARGETS if r[c] != r[c + "_2"]]
            note = r["note"]
            if differ:
                r["clear"] = "no"
                second_says = "; ".join(f"{c} {r[c + '_2'] or 'empty'}" for c in differ)
                note = f"{note} [pass 2: {second_says}]".strip()
            rows.append({"doc_id": r["doc_id"], "start": int(r["start"]), "end": int(r["end"]),
                         "sha1": r["sha1"], "speaker": r["speaker"],
                         "is_statement": r["is_statement"],
                         **{t: r[t] for t in TARGETS}, "clear": r["clear"], "note": note,
                         "source": "presidential", "batch": b})
    return pd.DataFrame(rows)


def main(argv=None) -> int:
    table = agreement_table()
    print(table.to_string(index=False))
    print(f"is_statement agreement: {table.attrs['is_statement_agreement']:.3f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(RESULTS, index=False, float_format="%.4f")
    print(f"written: {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
