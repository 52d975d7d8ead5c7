"""The records every stage passes on: the columns of the output tables and the stance labels.

One definition each, imported by the stages that write or read them; CONTRACT.md fixes the
tables, and columns are only ever added at the end.
"""
from __future__ import annotations

#: The columns of ``statements.csv`` (CONTRACT.md), then the additive ``relayed_by``.
STATEMENT_COLUMNS = ("doc_id", "statement_id", "speaker", "speaker_type", "speaker_mention",
                     "kind", "cue", "text", "start", "end", "relayed_by")
#: Columns of ``stances.csv`` (CONTRACT.md).
STANCE_COLUMNS = ("doc_id", "statement_id", "speaker", "target", "target_mention", "score",
                  "label", "sentiment", "method", "evidence", "date", "source")
#: Columns of ``actor_target.csv`` (CONTRACT.md), in order.
ACTOR_TARGET_COLUMNS = ("speaker", "target", "n", "mean", "ci_low", "ci_high", "favor",
                        "neutral", "against")
#: Columns of ``errors.csv`` (CONTRACT.md).
ERROR_COLUMNS = ("input", "doc_id", "reason")
#: Metadata columns copied from CSV/JSONL rows (CONTRACT.md).
META_COLUMNS = ("date", "source", "title", "url")
#: Stance labels of CONTRACT.md, from favourable to unfavourable.
LABELS = ("favor", "neutral", "against")


def row_key(row: dict) -> tuple:
    """Contract order of a statement or stance row: ``doc_id``, position in the document, target.

    The position is the number after the last ``:`` of ``statement_id`` (``doc:12`` is the
    twelfth statement), compared as a number, so ``doc:10`` follows ``doc:9``.

    Examples
    --------
    >>> sorted([{"doc_id": "a", "statement_id": "a:10"}, {"doc_id": "a", "statement_id": "a:9"}],
    ...        key=row_key)[0]["statement_id"]
    'a:9'
    """
    sid = row.get("statement_id", "")
    n = int(sid.rsplit(":", 1)[1]) if sid and ":" in sid else 0
    return (row["doc_id"], n, row.get("target", ""))
