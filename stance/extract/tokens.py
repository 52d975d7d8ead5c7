"""Tokens as attribution reads them: the text layer's tokens, titles kept with their period.

The tokens are :func:`stance.text.tokens.iter_tokens`; a title abbreviation or an initial keeps
its period ("Gen.", "J."), so that the period is not read as the end of the speaker's phrase,
while the last word of a sentence keeps its own. :class:`LazyTokens` makes tokens only as far
as they are read. :mod:`stance.extract.sentence_cues` and :mod:`stance.extract.cross_sentence`
read sentences through them.

>>> [t.text for t in tokenize("Gen. J. Varga said.")]
['Gen.', 'J.', 'Varga', 'said', '.']
"""
from __future__ import annotations

from typing import Iterator

from ..text.tokens import Token, iter_tokens as _text_tokens
from .words import TITLE_ABBREVIATIONS

__all__ = ["LazyTokens", "Token", "iter_tokens", "tokenize"]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text[start:end]`` into tokens whose offsets point into ``text``."""
    return list(iter_tokens(text, start, end))


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """The tokens of :func:`tokenize`, one at a time (for callers that may stop early)."""
    prev = None
    for tok in _text_tokens(text, start, end):
        if tok.text == "." and prev is not None and prev.end == tok.start and (
                prev.text in TITLE_ABBREVIATIONS or (len(prev.text) == 1 and prev.text.isalpha())):
            prev = Token(prev.start, tok.end, prev.text + ".")
            continue
        if prev is not None:
            yield prev
        prev = tok
    if prev is not None:
        yield prev


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
