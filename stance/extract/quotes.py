"""Direct quotations: pair quote marks into spans, within and across paragraphs.

Handles curly “…”, straight "…", low-9 „…“ / „…”, and guillemets «…» / »…«. Single quotes
are left alone: in news they are mostly apostrophes (’) or quotes inside quotes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..text.segment import Paragraph

#: Opening mark -> the closing marks that may end it (typographic conventions of English,
#: German/Polish low-9 and French/Russian guillemets; »…« is the German guillemet order).
_CLOSERS = {
    "“": ("”", "“"),
    "„": ("“", "”"),
    "«": ("»",),
    "»": ("«",),
    '"': ('"',),
}
_OPENERS = frozenset(_CLOSERS)
_MARKS = re.compile("[" + re.escape("".join(sorted(
    set(_CLOSERS) | {c for closers in _CLOSERS.values() for c in closers}))) + "]")
# Characters after which a straight quote opens rather than closes.
# A colon too: scraped text often loses the space of `reads:"…"`, and a closing mark right
# after a colon is rare (a quoted phrase ending in a colon).
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/\u00a0:")


@dataclass(frozen=True)
class Quote:
    """A quoted span: ``open``/``close`` are the mark positions, ``start``/``end`` the content.

    ``closed`` is False when no closing mark was found and the span was closed at the
    paragraph's end; ``paragraphs`` counts the paragraphs the quotation runs through.
    """

    open: int
    close: int
    start: int
    end: int
    closed: bool = True
    paragraphs: int = 1


def _is_opening_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPEN_CONTEXT) and not after.isspace()


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs of (open, close) mark positions in one paragraph, and a dangling open if any."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    # Only quotation marks change the state, so jump from mark to mark.
    for m in _MARKS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if open_at is None:
            if ch in _OPENERS:
                if ch in ('"', "»") and not _is_opening_straight(text, i):
                    continue  # a stray closing straight quote: ignore it
                open_at = i
            continue
        opener = text[open_at]
        if ch in _CLOSERS[opener]:
            if ch == "“" and opener == "“":
                # A second “ inside an open “: a closing mark typed wrongly if it follows a
                # word, otherwise a new quotation (the first one was never closed).
                if i > 0 and not text[i - 1].isspace():
                    pairs.append((open_at, i))
                    open_at = None
                else:
                    open_at = i
                continue
            if ch == '"' and _is_opening_straight(text, i) and i - open_at > 1:
                # `"a" "b"` is two quotes; an opening-looking mark right after text closes.
                pass
            pairs.append((open_at, i))
            open_at = None
    return pairs, open_at


def _starts_with_opener(text: str, para: Paragraph) -> bool:
    return para.end > para.start and text[para.start] in ("“", "„", "«", '"')


def find_quotes(text: str, paragraphs: Sequence[Paragraph]) -> list[Quote]:
    """Find quoted spans in ``text``, paragraph by paragraph.

    A paragraph that opens a quotation without closing it continues into the next paragraph
    when that one opens with a quote mark (the newspaper convention for multi-paragraph
    quotes); otherwise the quotation is closed at the paragraph's end.
    """
    quotes: list[Quote] = []
    carry: tuple[int, int] | None = None  # (open mark position, paragraphs so far)
    for k, para in enumerate(paragraphs):
        pairs, dangling = _paragraph_quotes(text, para.start, para.end)
        if carry is not None:
            c_open, c_n = carry
            carry = None
            if pairs and pairs[0][0] == para.start:
                # The continuation's own opening mark closes where the quote really closes.
                first_close = pairs[0][1]
                quotes.append(Quote(c_open, first_close, c_open + 1, first_close, True, c_n + 1))
                pairs = pairs[1:]
            elif dangling == para.start and not pairs:
                carry = (c_open, c_n + 1)
                dangling = None
        for o, c in pairs:
            quotes.append(Quote(o, c, o + 1, c, True, 1))
        if dangling is not None:
            nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
            if nxt is not None and _starts_with_opener(text, nxt):
                carry = (dangling, 1)
            else:
                quotes.append(Quote(dangling, para.end, dangling + 1, para.end, False, 1))
    if carry is not None:
        c_open, c_n = carry
        last = paragraphs[-1]
        quotes.append(Quote(c_open, last.end, c_open + 1, last.end, False, c_n))
    quotes.sort(key=lambda q: q.open)
    return quotes
