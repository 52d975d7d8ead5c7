"""Choose, once, the presidential-press documents of the real-text gold and their split.

Run once (2026-12-01) to write ``data/annotations/realtext/passes/documents.csv``; kept so the choice
can be audited, not rerun: the split is fixed by that file, never redrawn.

Per office 28 documents: up to three per month (October 2021 to June 2022), the rest drawn
from the remaining pool, all with a fixed seed among items of 700 to 4,500 characters that mention NATO, Ukraine or Russia at
least twice, one of them a target other than the office's own state (so that the item can
carry a stance toward another party), one item each of the kinds the titles name (phone call,
meeting or talks, speech/address/statement), other items only where a month lacks a kind. The length bounds keep an
annotator's load per document near one page; 4,500 is about the Ukrainian office's 75th
percentile. Then, per office, 13 documents go to ``test`` and the rest to ``dev`` by a second
seeded shuffle; the six Wikinews articles keep their earlier splits (``held-out-2``, run once
and never tuned on, becomes test; ``dev`` and ``held-out``, both tuned on, become dev).
"""
from __future__ import annotations

import csv
import gzip
import json
import random
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpora" / "presidential-press"
OUT = ROOT / "data" / "annotations" / "realtext" / "passes" / "documents.csv"
WIKINEWS_GOLD = ROOT / "benchmarks" / "data" / "wikinews_gold.csv"

TARGET_WORDS = re.compile(r"\b(NATO|Alliance|Ukrain\w*|Kyiv|Kiev|Russia\w*|Moscow|Kremlin)\b")
OTHER_SIDE = {"kremlin": re.compile(r"\b(NATO|Alliance|Ukrain\w*|Kyiv|Kiev|Donbas\w*)\b"),
              "president-of-ukraine": re.compile(r"\b(NATO|Alliance|Russia\w*|Moscow|Kremlin)\b")}
MIN_CHARS, MAX_CHARS = 700, 4500
PER_MONTH, PER_OFFICE, TEST_PER_OFFICE = 3, 28, 13
SEED = 20261201


def kind_of(title: str) -> str:
    t = title.lower()
    if "telephone" in t or "phone" in t or "conversation" in t:
        return "call"
    if "meeting" in t or "talks" in t or " met " in t or "met with" in t:
        return "meeting"
    if any(w in t for w in ("address", "speech", "statement", "interview", "conference",
                            "remarks", ":", " - ")):
        return "speech"
    return "other"


def main() -> None:
    rng = random.Random(SEED)
    rows = []
    for name in ("kremlin", "president-of-ukraine"):
        with gzip.open(CORPUS / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
            items = [json.loads(line) for line in fh]
        pool = defaultdict(lambda: defaultdict(list))
        for it in items:
            if MIN_CHARS <= len(it["text"]) <= MAX_CHARS and \
                    len(TARGET_WORDS.findall(it["text"])) >= 2 and OTHER_SIDE[name].search(it["text"]):
                pool[it["date"][:7]][kind_of(it["title"])].append(it)
        chosen = []
        kinds = ["call", "meeting", "speech"]
        for month in sorted(pool):
            taken = 0
            for k in kinds + ["other"] * PER_MONTH + kinds:
                if taken == PER_MONTH:
                    break
                cands = [c for c in pool[month][k] if c not in chosen]
                if cands:
                    chosen.append(rng.choice(cands))
                    taken += 1
        rest = [it for m in pool.values() for lst in m.values() for it in lst if it not in chosen]
        chosen += rng.sample(sorted(rest, key=lambda r: r["doc_id"]), PER_OFFICE - len(chosen))
        order = sorted(chosen, key=lambda r: r["doc_id"])
        test = set(r["doc_id"] for r in rng.sample(order, TEST_PER_OFFICE))
        for it in order:
            rows.append({"doc_id": it["doc_id"], "source": name, "date": it["date"],
                         "kind_of_item": kind_of(it["title"]), "chars": len(it["text"]),
                         "split": "test" if it["doc_id"] in test else "dev",
                         "title": it["title"]})
    with open(WIKINEWS_GOLD, encoding="utf-8") as fh:
        wiki = {}
        for g in csv.DictReader(fh):
            wiki.setdefault(g["doc_id"], g["split"])
    for doc_id, split in wiki.items():
        rows.append({"doc_id": doc_id, "source": "wikinews", "date": doc_id[:10],
                     "kind_of_item": "news", "chars": "", "title": "",
                     "split": "test" if split == "held-out-2" else "dev"})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} documents")


if __name__ == "__main__":
    main()
