"""Stage 3, segment: paragraphs and sentences with character offsets into the loaded text.

Sentences come from nltk's Punkt algorithm with parameters shipped in
``stance/resources/punkt_abbreviations.txt``, so no ``punkt_tab`` download is needed.
"""
from __future__ import annotations

import re
import string
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from ..paths import resource_text

if TYPE_CHECKING:  # masks are only read here; clean imports this module for paragraphs
    from .clean import Mask

# A blank line (possibly holding spaces) separates paragraphs; texts without any blank line
# are treated as one paragraph per line, the usual layout of scraped or exported articles.
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_NON_SPACE = re.compile(r"\S")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: ``text[start:end]``, stripped of surrounding white space."""

    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``text[start:end]``; ``masked`` when cleaning marked all of it as boilerplate."""

    index: int
    paragraph: int
    start: int
    end: int
    masked: bool = False


#: Candidate sentence ends remembered per process by :class:`_Punkt`. A statement is split
#: again after its document (the model's sentence windows), so most of its candidates are
#: asked twice; on the bundled press corpus 45,465 of 88,382 questions were repeats, and
#: 65,536 short strings are a few MB.
SENTBREAK_CACHE_SIZE = 65_536


class _Punkt(PunktSentenceTokenizer):
    """Punkt with :meth:`text_contains_sentbreak` remembered: with fixed parameters it is a
    pure function of the candidate's context (a few words around a full stop)."""

    def __init__(self, params: PunktParameters):
        super().__init__(params)
        self._sentbreaks: dict[str, bool] = {}  # a plain dict, so the splitter still pickles

    def text_contains_sentbreak(self, text: str) -> bool:
        known = self._sentbreaks.get(text)
        if known is None:
            if len(self._sentbreaks) >= SENTBREAK_CACHE_SIZE:
                self._sentbreaks.clear()
            known = self._sentbreaks[text] = super().text_contains_sentbreak(text)
        return known


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """Return the Punkt splitter with the shipped abbreviations (no download)."""
    params = PunktParameters()
    abbrevs = set()
    for line in resource_text("punkt_abbreviations.txt").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            abbrevs.add(line)
    # Single letters are initials ("Edith M. Lederer", "George W. Bush"): a sentence
    # ending in a one-letter word is far rarer in news than a middle initial.
    abbrevs.update(string.ascii_lowercase)
    params.abbrev_types = abbrevs
    return _Punkt(params)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split ``text`` into paragraphs with offsets (blank lines, else single newlines)."""
    if _BLANK_LINE.search(text):
        cuts = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)]
    else:
        cuts = [(m.start(), m.end()) for m in re.finditer(r"\n", text)]
    bounds, pos = [], 0
    for a, b in cuts:
        bounds.append((pos, a))
        pos = b
    bounds.append((pos, len(text)))
    paragraphs = []
    for start, end in bounds:
        chunk = text[start:end]
        m = _NON_SPACE.search(chunk)
        if not m:
            continue
        lead = m.start()
        trail = len(chunk) - len(chunk.rstrip())
        paragraphs.append(Paragraph(len(paragraphs), start + lead, end - trail))
    return paragraphs


def _covering(masks: Sequence[Mask], starts: list[int], pos: int) -> Mask | None:
    i = bisect_right(starts, pos) - 1
    return masks[i] if i >= 0 and masks[i].start <= pos < masks[i].end else None


def _inside(masks: Sequence[Mask], starts: list[int], start: int, end: int) -> bool:
    m = _covering(masks, starts, start)
    return m is not None and end <= m.end


def _trim_masked_prefix(masks: Sequence[Mask], starts: list[int], start: int, end: int) -> int:
    # A dateline ("MOSCOW (AP) — ") masks the start of a sentence that itself is kept.
    m = _covering(masks, starts, start)
    return m.end if m is not None and m.end < end else start


def split_sentences(text: str, *, masks: Sequence[Mask] = ()) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; each sentence stays within its paragraph.

    Parameters
    ----------
    text : str
        The document text as loaded.
    masks : sequence of Mask
        Boilerplate spans from :func:`stance.text.clean.find_boilerplate`. Sentences wholly inside a
        mask are returned with ``masked=True``; a mask covering only a sentence's beginning
        (a dateline) moves its start past the mask.

    Examples
    --------
    >>> [text[s.start:s.end] for text in ["Gen. Lee left. He said so."]
    ...  for s in split_sentences(text)]
    ['Gen. Lee left.', 'He said so.']
    """
    tokenizer = sentence_tokenizer()
    masks = sorted(masks, key=lambda m: m.start)
    starts = [m.start for m in masks]
    sentences: list[Sentence] = []
    for para in split_paragraphs(text):
        chunk = text[para.start:para.end]
        for a, b in tokenizer.span_tokenize(chunk):
            start, end = para.start + a, para.start + b
            masked = _inside(masks, starts, start, end)
            if not masked:
                start = _trim_masked_prefix(masks, starts, start, end)
            sentences.append(Sentence(len(sentences), para.index, start, end, masked))
    return sentences
