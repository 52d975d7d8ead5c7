"""Build the adjudicated real-text gold from the two passes and the adjudication.

Usage (from the repository root)::

    python benchmarks/realtext_gold.py   # writes data/annotations/realtext/{presidential,wikinews}.csv

Inputs, all in ``data/annotations/``: ``realtext/passes/*_pass1.csv`` (statements, speakers,
kinds, forms and stance), ``realtext/passes/*_pass2.csv`` (stance of the same statements by a
second, independent annotator), ``realtext/passes/adjudication.csv`` (the final label of every
statement × target the passes disagree on, with the reason) and ``realtext/passes/documents.csv``
(the split of each document, fixed once). A row is ``clear`` unless either pass marked it
unclear or the adjudicator found a disputed label of it open to either reading.

The presidential gold carries its anchors (the corpus is bundled, CC BY 4.0); the Wikinews
gold keeps offsets and a hash only, as its articles are not copied into this repository.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
ANNOTATIONS = ROOT / "data" / "annotations"
PASSES = ANNOTATIONS / "realtext" / "passes"
TARGETS = ("NATO", "Ukraine", "Russia")
KEYS = ["doc_id", "start", "end"]


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def build(name: str) -> pd.DataFrame:
    """The adjudicated gold of one set (``presidential`` or ``wikinews``)."""
    first, second = _read(PASSES / f"{name}_pass1.csv"), _read(PASSES / f"{name}_pass2.csv")
    adjudicated = _read(PASSES / "adjudication.csv")
    splits = _read(PASSES / "documents.csv").set_index("doc_id")["split"]
    gold = first.copy()
    decisions = {(r.doc_id, r.start, r.end, r.target): r for r in adjudicated.itertuples()}
    merged = gold.merge(second[KEYS + list(TARGETS) + ["clear"]], on=KEYS, how="left",
                        suffixes=("", "_2"), validate="one_to_one")
    clear = []
    for i, row in merged.iterrows():
        unclear = row["clear"] == "no" or row["clear_2"] == "no"
        for t in TARGETS:
            a, b = row[t] or "none", row[f"{t}_2"] or "none"
            if a == b:
                continue
            key = (row["doc_id"], row["start"], row["end"], t)
            if key not in decisions:
                raise ValueError(f"{name}: no adjudication for {key} ({a} / {b})")
            d = decisions[key]
            gold.loc[i, t] = "" if d.final == "none" else d.final
            unclear = unclear or d.clear == "no"
        clear.append("no" if unclear else "yes")
    gold["clear"] = clear
    if "form" not in gold:
        gold["form"] = ""
    gold["split"] = gold["doc_id"].map(splits)
    if gold["split"].isna().any():
        raise ValueError(f"{name}: documents without a split: "
                         f"{sorted(set(gold.loc[gold['split'].isna(), 'doc_id']))}")
    # Documents annotated as holding no statement get one marker row (no anchor, no offsets),
    # so that what the system extracts there still counts against its precision.
    docs = _read(PASSES / "documents.csv")
    source = "wikinews" if name == "wikinews" else None
    listed = docs[(docs["source"] == "wikinews") == (source == "wikinews")]["doc_id"]
    empty = [d for d in listed if d not in set(gold["doc_id"])]
    if empty:
        markers = pd.DataFrame({"doc_id": empty, "split": [splits[d] for d in empty],
                                "note": "annotated: no statement in this document"})
        gold = pd.concat([gold, markers], ignore_index=True).fillna("")
    lead = ["doc_id", "anchor"] if "anchor" in gold else ["doc_id"]
    offsets = ["start", "end"] + (["sha1"] if "sha1" in gold else [])
    cols = lead + offsets + ["speaker", "kind", "form", *TARGETS, "clear", "split", "note"]
    return gold[cols]


def main() -> int:
    for name in ("presidential", "wikinews"):
        gold = build(name)
        path = ANNOTATIONS / "realtext" / f"{name}.csv"
        gold.to_csv(path, index=False, lineterminator="\n")
        print(f"{path.relative_to(ROOT)}: {len(gold)} statements in "
              f"{gold['doc_id'].nunique()} documents "
              f"({', '.join(f'{k} {v}' for k, v in gold['split'].value_counts().items())})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
