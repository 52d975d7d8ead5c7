"""Stage 5, attribute statements: who said what, with the content's offsets.

:func:`extract_statements` reads one document and runs the attribution passes over it, in the
order of :data:`stance.extract.passes.PASSES` (``passes=`` runs another list;
:func:`stance.extract.passes.without` switches some off); the module's tests and those of each
pass show every rule:

1. **Sentence cues** (:mod:`stance.extract.sentence_cues`): speech verbs ("said", "warned",
   "told reporters") and attitude verbs ("condemned", "denied") from ``resources/cues.tsv``
   (:mod:`stance.extract.cues`), "according to" and participles (", saying …"), each with
   the speaker found next to it and a direct, reported or mixed content. A verb counts as a
   cue only when a speaker can be found; nested attribution keeps the innermost speaker and
   relayed speech keeps the relayer in ``relayed_by``.
2. **Across sentences** (:mod:`stance.extract.cross_sentence`): a quoted message is its
   author's, "This was stated by NAME" makes the sentence before NAME's, a cue-less quotation
   standing alone continues the previous direct statement, "Name: words" is a transcript turn,
   and "The leaders agreed …" is the statement of the readout's two participants.

Nothing comes from text that cleaning masked (bylines, related links, comment forms).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterator, Sequence

from ..text.clean import Mask
from .mentions import Entity, MentionResolver
from .passes import PASSES, Pass
from .quotes import Quote, find_quotes
from .actors import ActorRegistry
from ..text.segment import Sentence, split_paragraphs, split_sentences
from .spans import Found

__all__ = ["SPEAKER_TYPES", "Statement", "Document", "extract_statements"]

#: Values of ``speaker_type``: CONTRACT.md's four, and (additive) ``state`` for a country or
#: its capital speaking ("Moscow said") and ``media`` for news organisations.
SPEAKER_TYPES = ("person", "institution", "group", "state", "media")
#: Last words of an institution's name that make it a news organisation.
_MEDIA_HEADS = frozenset("Times Post Journal Gazette Radio Television TV Channel Broadcasting "
                         "News Herald Tribune Telegraph Guardian".split())


@dataclass(frozen=True)
class Statement:
    """One statement: who (``speaker``) said what (``text`` = ``doc_text[start:end]``)."""

    doc_id: str
    n: int
    speaker: str
    speaker_type: str
    speaker_mention: str
    kind: str
    cue: str
    start: int
    end: int
    text: str
    relayed_by: str = ""
    affiliation: str = ""

    @property
    def statement_id(self) -> str:
        """``{doc_id}:{n}``, stable across runs (CONTRACT.md)."""
        return f"{self.doc_id}:{self.n}"

    def row(self) -> dict:
        """The statement as a ``statements.csv`` row."""
        return {"doc_id": self.doc_id, "statement_id": self.statement_id,
                "speaker": self.speaker, "speaker_type": self.speaker_type,
                "speaker_mention": self.speaker_mention, "kind": self.kind, "cue": self.cue,
                "text": self.text, "start": self.start, "end": self.end,
                "relayed_by": self.relayed_by}



class Document:
    """One document under attribution: what every pass reads, and what the passes found.

    Parameters
    ----------
    doc_id, text : str
        The document's id and text.
    actors : ActorRegistry
        Known actors, for the speakers' mentions.
    masks : sequence of Mask
        Boilerplate spans; no statement comes from them.
    year : int or None
        Publication year, for role descriptions that changed holders.

    Attributes
    ----------
    resolver : MentionResolver
        Resolves a speaker's mention to an entity and keeps who was named and who made
        salient where (for pronouns and joint speakers).
    paragraphs : list of Paragraph
        The document's paragraphs.
    sentences : list of Sentence
        The sentences outside masked text, in order.
    quotes : list of Quote
        The quotations outside masked text, in order.
    found : list of Found
        The statements the passes have found so far (a pass may add, change or drop some).
    used_quotes : set of int
        ``id()`` of each quotation a found statement holds, so no later pass reads it again.
    """

    def __init__(self, doc_id: str, text: str, actors: ActorRegistry, masks: Sequence[Mask],
                 year: int | None):
        self.doc_id = doc_id
        self.text = text
        self.masks = sorted(masks, key=lambda m: m.start)
        self.resolver = MentionResolver(text, actors, year=year)
        self.paragraphs = split_paragraphs(text)
        self.sentences: list[Sentence] = [s for s in split_sentences(text, masks=self.masks)
                                          if not s.masked]
        self._mask_starts = [m.start for m in self.masks]
        self.quotes = [q for q in find_quotes(text, self.paragraphs) if not self.masked(q.open)]
        # Sorted offsets for bisection: every lookup stays logarithmic, so a 10 MB article
        # with thousands of quotes costs linear time overall.
        self._q_opens = [q.open for q in self.quotes]
        self._q_closes = [q.close for q in self.quotes]
        self._q_by_open = {q.open: q for q in self.quotes}
        self._para_starts = [p.start for p in self.paragraphs]
        self.used_quotes: set[int] = set()
        self.found: list[Found] = []

    def masked(self, pos: int) -> bool:
        """Whether offset ``pos`` lies in masked text."""
        i = bisect_right(self._mask_starts, pos) - 1
        return i >= 0 and self.masks[i].start <= pos < self.masks[i].end

    def para_of(self, pos: int) -> int:
        """The index of the paragraph that holds offset ``pos`` (-1 before the first)."""
        i = bisect_right(self._para_starts, pos) - 1
        return self.paragraphs[i].index if i >= 0 else -1

    def in_quote(self, pos: int) -> Quote | None:
        """The closed quotation that holds offset ``pos``, if any."""
        # An unclosed mark ("The "Vanguard frigate …") does not make the rest a quotation.
        i = bisect_right(self._q_opens, pos) - 1
        if i >= 0:
            q = self.quotes[i]
            if q.closed and q.open <= pos <= q.close:
                return q
        return None

    def quotes_in(self, start: int, end: int) -> list[Quote]:
        """Quotations whose opening mark lies in ``[start, end)``."""
        return self.quotes[bisect_left(self._q_opens, start):bisect_left(self._q_opens, end)]

    def quote_opening_at(self, pos: int) -> Quote | None:
        """The quotation whose opening mark is at offset ``pos``, if any."""
        return self._q_by_open.get(pos)

    def quote_opening_after(self, pos: int) -> Quote | None:
        """The first quotation whose opening mark lies after offset ``pos``, if any."""
        j = bisect_right(self._q_opens, pos)
        return self.quotes[j] if j < len(self.quotes) else None

    def quotes_closing_before(self, pos: int, since: int) -> Iterator[Quote]:
        """Quotations whose closing mark lies in ``[since, pos)``, the last one first."""
        i = bisect_left(self._q_closes, pos) - 1
        while i >= 0 and self._q_closes[i] >= since:
            yield self.quotes[i]
            i -= 1


def extract_statements(doc_id: str, text: str, *, actors: ActorRegistry,
                       masks: Sequence[Mask] | None = None, year: int | None = None,
                       passes: Sequence[Pass] = PASSES) -> list[Statement]:
    """Find every statement in one document and attribute it to a speaker.

    Parameters
    ----------
    doc_id : str
        The document id, used in ``statement_id``.
    text : str
        The document text as loaded.
    actors : ActorRegistry
        Known actors; speakers outside it are recognised by name and title.
    masks : sequence of Mask, optional
        Boilerplate spans; computed with :func:`stance.text.clean.find_boilerplate` when omitted.
    year : int, optional
        Publication year, for role descriptions that changed holders.
    passes : sequence of Pass, optional
        The attribution passes to run, in order; :data:`stance.extract.passes.PASSES` by
        default (``passes=without("joint_speakers")`` switches one off).

    Returns
    -------
    list of Statement
        In text order, numbered from 1.
    """
    if masks is None:
        from ..text.clean import find_boilerplate
        masks = find_boilerplate(text)
    doc = Document(doc_id, text, actors, masks, year)
    for p in passes:
        p.apply(doc)
    found = sorted(doc.found, key=lambda f: f.start)
    out: list[Statement] = []
    seen_spans = set()
    for f in found:
        if f.end <= f.start or (f.start, f.end) in seen_spans:
            continue
        seen_spans.add((f.start, f.end))
        ent: Entity = f.mention.entity
        stype = ent.type if ent.type in SPEAKER_TYPES else "unknown"
        if stype == "institution" and ent.name.split()[-1:] and \
                ent.name.split()[-1] in _MEDIA_HEADS:
            stype = "media"  # "The Norland Gazette reported": a newspaper, not an office
        cue = f.cue.text if f.cue is not None else ""
        cue = re.sub(r"\s+", " ", cue)
        out.append(Statement(doc_id, len(out) + 1, ent.name, stype, f.mention.text, f.kind, cue,
                             f.start, f.end, text[f.start:f.end], f.relayed_by, ent.affiliation))
    return out
