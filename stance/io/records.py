"""Stage 1, load: the records loading yields, a document or the reason one was skipped.

Every reader of :mod:`stance.io.readers` and :func:`stance.io.load.iter_documents` yield
:class:`Document` records and report a :class:`LoadError` for each input or row they skip
(or load with a warning); :class:`InputError` is raised only for an input that is unusable as
a whole.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

__all__ = ["Document", "LoadError", "InputError", "Report"]


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


class InputError(Exception):
    """An input that is unusable as a whole: missing, unreadable, or a table without text."""


#: What a reader calls with each :class:`LoadError`: ``errors.append``, or a logger.
Report = Callable[[LoadError], None]
