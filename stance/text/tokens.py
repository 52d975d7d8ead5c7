"""Tokens: one tokenisation, with offsets into the text, for every stage.

Words, hyphenated compounds ("de-escalation"), names with an inner apostrophe ("O'Dell"), dotted abbreviations ("U.S."), numbers with
separators ("100,000"), "won't"-style negations as one token, the possessive "'s" as its own
token, and every punctuation mark, quotation marks included. Each reader takes the view it
needs: the scorer drops quotation marks (:func:`words`); attribution joins a title
abbreviation with its period ("Gen.", :mod:`stance.extract.tokens`).

>>> [t.text for t in iter_tokens("Russia's troops won't leave the U.S.-led “zone” -- 100,000.")]
['Russia', "'s", 'troops', "won't", 'leave', 'the', 'U.S.', '-', 'led', '“', 'zone', '”', '--', '100,000', '.']
>>> [t.text for t in iter_tokens("O'Dell's boat, we're told")]
["O'Dell", "'s", 'boat', ',', 'we', "'", 're', 'told']
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

__all__ = ["QUOTE_MARKS", "Token", "iter_tokens", "words"]

_TOKEN = re.compile(r"""
      [A-Za-z]+n['’]t\b                 # won't, can't, isn't as one negator token
    | (?:[A-Za-z]\.){2,}                # U.S., U.N.
    | \d+(?:[.,]\d+)+                   # 100,000  3.5
    | \w+(?:(?:['’](?=[A-Z])|[-‐])\w+)*  # words, compounds (de-escalation), names (O'Dell)
    | ['’]s\b                           # possessive 's as its own token
    | --
    | [^\w\s]                           # any other mark, one character each
""", re.VERBOSE)

#: Quotation marks and apostrophes that stand alone as tokens.
QUOTE_MARKS = frozenset("\"“”'‘’«»")


class Token(NamedTuple):
    """A word or punctuation mark with its offsets (a named tuple: cheap to make in bulk)."""

    start: int
    end: int
    text: str

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """The tokens of ``text[start:end]``, one at a time, with offsets into ``text``."""
    end = len(text) if end is None else end
    for m in _TOKEN.finditer(text, start, end):
        yield Token(m.start(), m.end(), m.group())


def words(text: str) -> Iterator[Token]:
    """The tokens of ``text`` without quotation marks: the view the stance scorer counts in."""
    return (t for t in iter_tokens(text) if t.text not in QUOTE_MARKS)
