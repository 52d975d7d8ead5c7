"""Choose, once, the candidate statements of the stance training set (run 2026-12-01).

Kept so the choice can be audited, not rerun (the labels were made for exactly these spans).
Candidates are the statements that ``stance score`` (commit ``4b323de``) extracted from
documents **outside** the real-text gold (``data/annotations/realtext/passes/documents.csv``):

- every statement of the 17 Wikinews articles outside the gold (read from ``../shared``);
- every press-corpus statement the scorer found addressing NATO (NATO is rare in the corpus,
  and the model needs examples of each NATO label);
- then, at random with a fixed seed, 450 more Kremlin statements that address a target (the
  Kremlin quotes fewer speakers, and carries most stances toward Ukraine and NATO) and
  Ukrainian ones up to 1,100 candidates in all.

Statements of fewer than three words were left out. The candidates were split by document into
seven batches, each labelled by one annotator following ``data/annotations/GUIDELINES.md``
(``is_statement``, then favor / against / neutral / not addressed per target, and ``clear``).

Batches 8 and 9 (:func:`select_extra`, run 2026-12-02 on the statements of commit ``c6a91dc``)
add 240 press statements to pass the 1,500 addressed pairs the stance-model issue asks for:
statements that address a target, from press documents in neither the gold nor batches 1-7,
3 to 120 words long, at most two per document, at random with a second fixed seed.

Batches 10 to 12 (:func:`select_more`, run 2026-12-04 on the statements of commit ``07149c3``,
``stance score --method lexicon`` of the bundled corpus) add statements from any press
document outside the gold whose span overlaps no earlier candidate: first every one found
addressing NATO and every Kremlin one addressing Ukraine (the two rarest kinds of pair in
batches 1-9: NATO 258 addressed pairs, Ukraine against 80), then Kremlin statements and
Ukrainian ones at random with a third seed, at most two per document in all, 3 to 120 words.
The 330 were cut into three batches of about 110 by document, in document-id order.

Batches 13 to 15 (the same function with ``seed=MORE_SEED_2``, run 2026-12-04 on the same
statements, batches 1-12 as the earlier candidates) add 330 more the same way; by then only 8
Kremlin statements addressing Ukraine and none addressing NATO were left, so they are mostly
Kremlin statements on Russia and Ukrainian ones.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SEED = 20261202
KREMLIN_EXTRA, TOTAL, BATCHES = 450, 1100, 7
EXTRA_SEED, EXTRA_TOTAL, EXTRA_PER_DOC, EXTRA_MAX_WORDS = 20261203, 240, 2, 120
MORE_SEED, MORE_KREMLIN, MORE_TOTAL = 20261204, 110, 330
MORE_SEED_2 = 20261205


def select(statements: pd.DataFrame, stances: pd.DataFrame) -> pd.DataFrame:
    """The candidate rows of ``statements`` (press corpus and Wikinews, gold documents out)."""
    gold = set(pd.read_csv(ROOT / "data" / "annotations" / "realtext" / "passes" /
                           "documents.csv")["doc_id"])
    st = statements[~statements["doc_id"].isin(gold)]
    st = st[st["text"].str.split().str.len() >= 3]
    nato = set(stances[stances["target"] == "NATO"]["statement_id"])
    addressed = set(stances["statement_id"])
    rng = random.Random(SEED)
    press = st["doc_id"].str.startswith(("kremlin", "president-of-ukraine"))
    pick = set(st[~press]["statement_id"]) | set(st[press & st["statement_id"].isin(nato)]
                                                 ["statement_id"])
    rest_k = [s for s in st[st["doc_id"].str.startswith("kremlin")]["statement_id"]
              if s not in pick and s in addressed]
    rest_u = [s for s in st[st["doc_id"].str.startswith("president")]["statement_id"]
              if s not in pick and s in addressed]
    pick |= set(rng.sample(sorted(rest_k), min(len(rest_k), KREMLIN_EXTRA)))
    pick |= set(rng.sample(sorted(rest_u), min(len(rest_u), TOTAL - len(pick))))
    return st[st["statement_id"].isin(pick)].sort_values(["doc_id", "start"])


def select_extra(statements: pd.DataFrame, stances: pd.DataFrame,
                 used_docs: set[str]) -> pd.DataFrame:
    """Batches 8 and 9: press statements addressing a target, from documents not yet used."""
    gold = set(pd.read_csv(ROOT / "data" / "annotations" / "realtext" / "passes" /
                           "documents.csv")["doc_id"])
    st = statements[~statements["doc_id"].isin(gold | used_docs)]
    st = st[st["doc_id"].str.startswith(("kremlin", "president-of-ukraine"))]
    words = st["text"].str.split().str.len()
    st = st[(words >= 3) & (words <= EXTRA_MAX_WORDS)]
    st = st[st["statement_id"].isin(set(stances["statement_id"]))]
    rng = random.Random(EXTRA_SEED)
    order = rng.sample(sorted(st["statement_id"]), len(st))
    doc_of = dict(zip(st["statement_id"], st["doc_id"]))
    per_doc: dict[str, int] = {}
    pick = []
    for sid in order:
        if per_doc.get(doc_of[sid], 0) < EXTRA_PER_DOC:
            per_doc[doc_of[sid]] = per_doc.get(doc_of[sid], 0) + 1
            pick.append(sid)
        if len(pick) == EXTRA_TOTAL:
            break
    return st[st["statement_id"].isin(pick)].sort_values(["doc_id", "start"])


def select_more(statements: pd.DataFrame, stances: pd.DataFrame,
                train: pd.DataFrame, seed: int = MORE_SEED) -> pd.DataFrame:
    """Batches 10-12 (and, with ``MORE_SEED_2``, 13-15): rare kinds of pair first, then press
    statements at random, none overlapping a span of ``train`` (see above)."""
    gold = set(pd.read_csv(ROOT / "data" / "annotations" / "realtext" / "passes" /
                           "documents.csv")["doc_id"])
    st = statements[~statements["doc_id"].isin(gold)]
    st = st[st["doc_id"].str.startswith(("kremlin", "president-of-ukraine"))]
    words = st["text"].str.split().str.len()
    st = st[(words >= 3) & (words <= EXTRA_MAX_WORDS)]
    spans: dict[str, list[tuple[int, int]]] = {}
    for r in train.itertuples():
        spans.setdefault(r.doc_id, []).append((r.start, r.end))
    fresh = [not any(a < r.end and r.start < b for a, b in spans.get(r.doc_id, []))
             for r in st.itertuples()]
    st = st[fresh]
    st = st[st["statement_id"].isin(set(stances["statement_id"]))]
    kremlin = st["doc_id"].str.startswith("kremlin")
    by_target = stances.groupby("target")["statement_id"].apply(set)
    rare = (st["statement_id"].isin(by_target.get("NATO", set()))
            | (kremlin & st["statement_id"].isin(by_target.get("Ukraine", set()))))
    rng = random.Random(seed)
    doc_of = dict(zip(st["statement_id"], st["doc_id"]))
    per_doc: dict[str, int] = {}
    pick: list[str] = []

    def take(ids, limit):
        for sid in ids:
            if len(pick) >= limit:
                return
            if per_doc.get(doc_of[sid], 0) < EXTRA_PER_DOC:
                per_doc[doc_of[sid]] = per_doc.get(doc_of[sid], 0) + 1
                pick.append(sid)

    take(sorted(st[rare]["statement_id"]), MORE_TOTAL)
    rest = st[~rare & ~st["statement_id"].isin(pick)]
    k = sorted(rest[rest["doc_id"].str.startswith("kremlin")]["statement_id"])
    take(rng.sample(k, len(k)), len(pick) + MORE_KREMLIN)
    u = sorted(rest[rest["doc_id"].str.startswith("president")]["statement_id"])
    take(rng.sample(u, len(u)), MORE_TOTAL)
    return st[st["statement_id"].isin(pick)].sort_values(["doc_id", "start"])


if __name__ == "__main__":
    sys.exit("kept as a record of how the candidates were chosen; see the module docstring")
