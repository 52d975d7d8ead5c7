"""Where a statement's parts begin and end: the speaker's noun phrase and the content's edges.

The attribution passes (:mod:`stance.extract.passes`) share these: :func:`np_before` and
:func:`np_after` find the noun phrase that names a speaker next to a cue ("Putin said", "said
Defence Minister Tomas Varga"), :func:`trim` drops punctuation and stray quote marks at the
edges of a content span, and :class:`Found` is a statement as a pass records it, before
:func:`stance.extract.attribute.extract_statements` numbers it.

Examples
--------
>>> from stance.extract.tokens import tokenize
>>> text = "Putin also said"
>>> toks = tokenize(text, 0, len(text))
>>> np_before(text, toks, 2)
(0, 5)
>>> text = "“We stay,”"
>>> text[slice(*trim(text, 0, len(text)))]
'We stay'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import Cue
from ..text.normalize import fold
from .mentions import Mention
from .tokens import Token
from .words import (DETERMINERS, DOCUMENT_NOUNS, GROUP_NOUNS, NATIONALITIES, PRONOUNS,
                    TITLE_ABBREVIATIONS, TITLE_WORDS)

__all__ = ["BETWEEN", "MIN_CONTENT_WORDS", "Found", "np_word", "np_before", "np_after",
           "token_index", "trim"]

#: Words that may stand between a subject and its cue ("Putin also said", "has repeatedly denied").
BETWEEN = frozenset("""also has have had will would could might may again later
    previously repeatedly further then once already separately earlier reportedly publicly
    recently frequently quickly firmly strongly sharply openly bluntly angrily flatly initially
    subsequently simply even still yet now on monday tuesday wednesday thursday friday saturday
    sunday today yesterday not this last week month year morning afternoon evening night
    specifically particularly especially personally categorically once""".split())
#: Lower-case nouns for the people or body that speak for someone ("his office said").
_OFFICE_NOUNS = frozenset("office government ministry team campaign aides lawyer lawyers".split())
#: Minimum number of words of reported content; shorter spans are fragments, not statements.
MIN_CONTENT_WORDS = 2


@dataclass
class Found:
    """A statement as an attribution pass finds it: content ``start:end`` of the document.

    Attributes
    ----------
    start, end : int
        The content's offsets.
    kind : str
        ``direct``, ``reported`` or ``mixed``.
    cue : Cue or None
        The cue that introduced it; None for a quotation that continues an earlier statement.
    mention : Mention
        The speaker as written, with the entity it resolves to.
    quotes : tuple of Quote
        The quotations the content holds.
    relayed_by : str
        The speaker who relays it ("…, Price said"), or "".
    cue_pos : int
        Where the attribution sits, to tell an outer statement from one nested in it.
    """

    start: int
    end: int
    kind: str
    cue: Cue | None
    mention: Mention
    quotes: tuple = ()
    relayed_by: str = ""
    cue_pos: int = -1


def np_word(tok: Token) -> bool:
    """Whether ``tok`` may be part of a speaker's noun phrase (a capitalised word, a title, a
    determiner, a group, office or document noun, "of")."""
    w = tok.text
    lw = fold(w)
    if tok.is_cap or w.rstrip(".") in TITLE_ABBREVIATIONS:
        return True
    return (lw in TITLE_WORDS or lw in DETERMINERS or lw in GROUP_NOUNS or lw in NATIONALITIES
            or lw in _OFFICE_NOUNS or lw in DOCUMENT_NOUNS
            or lw in ("of", "'s", "-", "&"))


def np_before(text: str, toks: list[Token], i: int) -> tuple[int, int] | None:
    """The speaker noun phrase ending before token ``i`` (skipping "also", "has", "Tuesday")."""
    j = i - 1
    while j >= 0 and fold(toks[j].text) in BETWEEN:
        j -= 1
    if j < 0:
        return None
    if fold(toks[j].text) in PRONOUNS and fold(toks[j].text) not in ("i", "we"):
        return toks[j].start, toks[j].end
    k = j
    while k >= 0 and np_word(toks[k]):
        k -= 1
    k += 1
    # Determiners/"of" cannot end or begin a phrase; lower-case words cannot begin it unless titles.
    while k <= j and fold(toks[k].text) in ("of", "'s", "-", "&"):
        k += 1
    if k > j:
        return None
    if fold(toks[j].text) in DETERMINERS or fold(toks[j].text) == "of":
        return None
    return toks[k].start, toks[j].end


def np_after(text: str, toks: list[Token], i: int) -> tuple[int, int] | None:
    """The speaker noun phrase starting at token ``i`` ("said Defence Minister Tomas Varga",
    "tweeted former thinktank executive Ken Gude")."""
    j = i
    while j < len(toks) and fold(toks[j].text) in BETWEEN:
        j += 1
    if j >= len(toks):
        return None
    if fold(toks[j].text) in ("he", "she", "it", "they", "him", "her", "them") and \
            (j + 1 == len(toks) or not toks[j + 1].text[:1].isalnum()):
        # A lone pronoun ("said he", "according to him,"); "her office" is a phrase.
        return toks[j].start, toks[j].end
    k = j
    while k < len(toks) and np_word(toks[k]) and toks[k].text not in (",", "."):
        k += 1
    if k - j < 4:
        # A lower-case description may precede the name: look a few words ahead for one.
        # Six words at most; a possessive "'s" is its own token but not a word.
        m, words = j, 0
        while m < len(toks) and words < 6 and re.match(r"(?:\w[\w’'.-]*|['’]s)$", toks[m].text):
            words += toks[m].text[:1] not in "'’"
            m += 1
        n = m
        while n > j and toks[n - 1].is_cap:
            n -= 1
        if n < m and m > k and (m == len(toks) or not re.match(r"[\w’'-]", toks[m].text)):
            k = m
    while k > j and fold(toks[k - 1].text) in DETERMINERS | {"of", "'s"}:
        if fold(toks[k - 1].text) == "'s":
            return None  # a possessor, not a speaker: "condemn Russia's actions"
        k -= 1
    if k == j:
        return None
    return toks[j].start, toks[k - 1].end


def token_index(toks: list[Token], pos: int) -> int:
    """The index of the first token at or after offset ``pos`` (``len(toks)`` if none)."""
    for i, t in enumerate(toks):
        if t.start >= pos:
            return i
    return len(toks)


def _has_opener(span: str, closer: str) -> bool:
    if closer == '"':
        return span.count('"') % 2 == 1
    openers = {"”": "“„", "“": "„", "»": "«"}.get(closer, "")
    return any(o in span for o in openers)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop white space, a trailing comma or full stop, and stray quote marks at the ends."""
    while start < end and (text[start].isspace() or text[start] in "“”„«»\",:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    if end > start and text[end - 1] == "." and not text[start:end].endswith(("U.S.", "U.K.", "U.N.")):
        end -= 1
    while end > start and text[end - 1] in "”»\"“" and not _has_opener(text[start:end - 1], text[end - 1]):
        end -= 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ","):
        end -= 1
    return start, end
