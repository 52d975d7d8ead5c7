"""Tokens: the words and punctuation of a sentence, with offsets into the document.

:func:`tokenize` keeps a trailing period on abbreviations ("U.S.", "Gen.") and splits it off
the last word of a sentence; :class:`LazyTokens` makes tokens only as far as they are read.
:mod:`stance.extract.attribute` reads sentences through them.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from .words import TITLE_ABBREVIATIONS

__all__ = ["LazyTokens", "Token", "iter_tokens", "tokenize"]

_TOKEN = re.compile(r"\w+(?:[.’'\-]\w+)*\.?|[^\w\s]")


class Token(NamedTuple):
    """A word or punctuation mark with its offsets (a named tuple: cheap to make in bulk)."""

    start: int
    end: int
    text: str

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text[start:end]`` into tokens whose offsets point into ``text``.

    A trailing period stays on a token only for abbreviations ("U.S.", "Gen."), never on
    the last word of a sentence.
    """
    return list(iter_tokens(text, start, end))


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """The tokens of :func:`tokenize`, one at a time (for callers that may stop early)."""
    end = len(text) if end is None else end
    for m in _TOKEN.finditer(text, start, end):
        s, e, w = m.start(), m.end(), m.group()
        if w.endswith(".") and len(w) > 1:
            stem = w[:-1]
            if not ("." in stem or stem in TITLE_ABBREVIATIONS or len(stem) == 1):
                yield Token(s, e - 1, stem)
                yield Token(e - 1, e, ".")
                continue
        yield Token(s, e, w)


class LazyTokens:
    """The tokens of ``text[start:end]``, made only as far as they are read.

    Indexing and :meth:`has` tokenize up to the index asked for; ``len()`` tokenizes all.
    Most sentences without a cue need only their first few tokens (the clause subject).
    """

    def __init__(self, text: str, start: int, end: int):
        self._it = iter_tokens(text, start, end)
        self._toks: list[Token] = []
        self._done = False

    def has(self, i: int) -> bool:
        """Whether token ``i`` exists."""
        toks = self._toks
        while len(toks) <= i and not self._done:
            nxt = next(self._it, None)
            if nxt is None:
                self._done = True
            else:
                toks.append(nxt)
        return i < len(toks)

    def __getitem__(self, i: int) -> Token:
        if i < 0 or not self.has(i):
            raise IndexError(i)
        return self._toks[i]

    def __len__(self) -> int:
        self.has(1 << 62)
        return len(self._toks)
