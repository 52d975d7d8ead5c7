"""Stage 2, clean: mark boilerplate as spans to skip, never rewrite the text."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mask:
    """A span of the document text that later stages skip; ``rule`` names why."""

    start: int
    end: int
    rule: str
