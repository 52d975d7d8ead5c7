"""Stage 1, load: read articles from .txt files, folders, .csv and .jsonl into documents.

Every input becomes a stream of :class:`Document` records; an input or row that cannot be
used is reported as a :class:`LoadError` (input, doc_id, reason) and skipped, never raised.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping

#: Metadata columns copied from CSV/JSONL rows (CONTRACT.md).
META_COLUMNS = ("date", "source", "title", "url")


@dataclass(frozen=True)
class Document:
    """One article as loaded; every later offset points into ``text``."""

    doc_id: str
    text: str
    meta: Mapping[str, str] = field(default_factory=dict)
    input: str = ""


@dataclass(frozen=True)
class LoadError:
    """An input, or one document of it, that was skipped (or loaded with a warning)."""

    input: str
    doc_id: str
    reason: str
