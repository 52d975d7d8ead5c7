"""Attribution passes that read across sentences: messages, back references, continuations,
transcript turns and joint speakers.

They run after the sentence-cue pass (:mod:`stance.extract.sentence_cues`), in the order of
:data:`stance.extract.passes.PASSES`, and each reads what the passes before it found
(``doc.found``) and which quotations they used (``doc.used_quotes``):

* :func:`messages`: a written message the text quotes ("The message reads, in part: “…”") is
  its author's, the person the text last made its subject.
* :func:`back_references`: "X. This was stated by NAME …" makes the sentence before NAME's.
* :func:`continuations`: a quotation with no cue of its own, standing alone as a sentence,
  continues the previous direct statement in the same or the previous paragraph; one after
  ``Name:`` is Name's. Other quotations with no cue (scare quotes, titles) are not statements.
* :func:`transcript_turns`: "Name: words" opening a sentence is a turn of a transcript.
* :func:`joint_speakers`: "The leaders agreed …" after a readout's two named people is theirs.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from .cues import Cue, cue_table
from ..text.normalize import fold
from .mentions import Entity, Mention
from .tokens import tokenize
from .words import JOINT_NOUNS
from .spans import MIN_CONTENT_WORDS, Found, np_after, trim

if TYPE_CHECKING:  # the document is only read and written here; attribute imports the passes
    from .attribute import Document

__all__ = ["messages", "back_references", "continuations", "transcript_turns", "joint_speakers",
           "CONTINUATION_PARAGRAPHS"]

#: How many paragraphs back a cue-less quotation may look for the speaker it continues.
CONTINUATION_PARAGRAPHS = 1

# A speaker and a colon right before a quotation: `Novak: “…”`.
_COLON_SPEAKER = re.compile(r"(?<!\bon )(?<!\bvia )(?<!\bin )(?<!\bat )(?<!\bto )([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s*:\s*$")
#: A transcript turn: a speaker's name (with title words, "of", "the", "and" between) and a
#: colon opening a sentence or paragraph, as official transcripts and interview write-ups set
#: them ("President of Russia Vladimir Putin: Colleagues, …", "Artem Zhoga(retranslated): …").
_TURN = re.compile(r"(?:\*{3}\s*)?((?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|of|the|and|for))*?"
                   r"\s*[A-Z][\w’'.-]*)\s*(?:\((?:retranslated|via interpreter|translated|"
                   r"through an interpreter)\))?:\s+(?=\S)")
#: Words in a turn's name: past this it is a heading or a list, not a speaker.
_TURN_WORDS = 14
#: A written message quoted by the text ("The message reads, in part: “…”"): its author is the
#: person the text last made its subject ("Vladimir Putin sent a message of greetings …").
_MESSAGE = re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?:[a-z]+\s+){0,2})?"
                      r"(?:message|letter|telegram|address|greeting|greetings|condolences)"
                      r"\s+(?:reads|read|says|said|states|stated)(?:,?\s+in\s+part)?\s*[:,]?\s*")
#: A sentence that attributes the one before it: "This was stated by President Volodymyr
#: Zelenskyy during a speech …". The lead of a press release states the position, the next
#: sentence says whose it is (in 130 of the bundled corpus's Ukrainian releases).
_BACK_REFERENCE = re.compile(
    r"(?:This|That|It|These words|This position)\s+(?:was|were|has been|had been|is)\s+"
    r"(?:(?:also|once\s+again|repeatedly)\s+)?(stated|said|announced|emphasi[sz]ed|noted|stressed|"
    r"declared|reported|underlined|underscored)\s+by\s+")


def messages(doc: Document) -> None:
    """ "The message reads, in part: “…”": the quotation is its author's statement."""
    for m in _MESSAGE.finditer(doc.text):
        if doc.masked(m.start()) or doc.in_quote(m.start()) is not None:
            continue
        q = doc.quote_opening_at(m.end())
        if q is None or id(q) in doc.used_quotes:
            continue
        author = _last_person(doc, m.start())
        if author is None:
            continue
        start, end = trim(doc.text, q.start, q.end)
        if len(doc.text[start:end].split()) < MIN_CONTENT_WORDS:
            continue
        doc.used_quotes.add(id(q))
        cue = Cue(m.start(), m.end(), m.group().strip(" :,"), "messages", "speech")
        doc.found.append(Found(start, end, "direct", cue, author, (q,), "", m.start()))


def back_references(doc: Document) -> None:
    """ "X. This was stated by NAME …": the sentence before is NAME's statement (reported,
    or direct when it is one quotation), unless a statement already covers it."""
    for k in range(1, len(doc.sentences)):
        s, prev = doc.sentences[k], doc.sentences[k - 1]
        m = _BACK_REFERENCE.match(doc.text, s.start)
        if m is None or doc.para_of(prev.start) < doc.para_of(s.start) - 1:
            continue
        toks = tokenize(doc.text, m.end(), s.end)
        np = np_after(doc.text, toks, 0)
        mention = doc.resolver.resolve(*np) if np is not None else None
        if mention is None:
            continue
        start, end = trim(doc.text, prev.start, prev.end)
        if len(doc.text[start:end].split()) < MIN_CONTENT_WORDS or any(
                f.start < end and start < f.end for f in doc.found):
            continue
        inner = tuple(q for q in doc.quotes_in(start, end + 1) if q.close <= end + 1)
        for q in inner:
            doc.used_quotes.add(id(q))
        whole = len(inner) == 1 and inner[0].open <= start and inner[0].close >= end - 1
        lemma = cue_table()[0].get(m.group(1), (fold(m.group(1)), ""))[0]
        cue = Cue(m.start(1), m.end(1), m.group(1), lemma, "speech")
        doc.found.append(Found(start, end, "direct" if whole else "reported", cue,
                               mention, inner, "", m.start(1)))
        doc.resolver.make_salient(s.start, mention.entity)


def continuations(doc: Document) -> None:
    """Quotations with no cue of their own continue the previous direct statement."""
    sentences = doc.sentences
    sent_starts = [x.start for x in sentences]
    found = sorted(doc.found, key=lambda f: f.start)
    starts = [f.start for f in found]
    for q in doc.quotes:
        if id(q) in doc.used_quotes:
            continue
        k = bisect_right(sent_starts, q.open) - 1
        if k < 0 or not (sentences[k].start <= q.open < sentences[k].end):
            continue
        s = sentences[k]
        pre = doc.text[s.start:q.open].strip()
        para = doc.para_of(q.open)
        para_start = doc.paragraphs[para].start if para >= 0 else s.start
        s_end = max(s.end, q.close + 1)
        post = doc.text[q.close + 1:s_end].strip()
        if pre or len(post) > 2:
            # Speaker first with a colon: `Novak: “…”`.
            m = _COLON_SPEAKER.search(doc.text, max(para_start, q.open - 80), q.open)
            if m:
                mention = doc.resolver.resolve(m.start(1), m.end(1), bare=True)
                if mention is not None:
                    start, end = trim(doc.text, q.start, q.end)
                    doc.used_quotes.add(id(q))
                    f = Found(start, end, "direct", None, mention, (q,), "", q.open)
                    doc.found.append(f)
                    i = bisect_left(starts, f.start)
                    starts.insert(i, f.start)
                    found.insert(i, f)
                    doc.resolver.make_salient(q.open, mention.entity)
            continue
        i = bisect_left(starts, q.open) - 1
        if i < 0:
            continue
        last = found[i]
        if last.kind not in ("direct", "mixed") or \
                para - doc.para_of(last.start) > CONTINUATION_PARAGRAPHS:
            continue
        start, end = trim(doc.text, q.start, q.end)
        doc.used_quotes.add(id(q))
        f = Found(start, end, "direct", None, last.mention, (q,), last.relayed_by, q.open)
        doc.found.append(f)
        j = bisect_left(starts, f.start)
        starts.insert(j, f.start)
        found.insert(j, f)


def transcript_turns(doc: Document) -> None:
    """ "Name: words" opening a sentence: one direct statement per turn, running to the
    next turn or the end of the paragraph. Statements found inside a turn with the same
    speaker are parts of it and dropped."""
    starts = sorted({s.start for s in doc.sentences} | {p.start for p in doc.paragraphs})
    turns = []
    for pos in starts:
        if doc.masked(pos) or doc.in_quote(pos) is not None:
            continue
        m = _TURN.match(doc.text, pos)
        if m is None or len(m.group(1).split()) > _TURN_WORDS:
            continue
        mention = doc.resolver.resolve(m.start(1), m.end(1), bare=True)
        caps = [w for w in m.group(1).split() if w[:1].isupper()]
        if mention is None or mention.entity.type != "person" or \
                not (mention.entity.in_registry or len(caps) >= 2):
            continue
        turns.append((m.start(), m.end(), mention))
    for k, (t0, t1, mention) in enumerate(turns):
        para = doc.paragraphs[doc.para_of(t1)] if doc.para_of(t1) >= 0 else None
        stop = para.end if para is not None else len(doc.text)
        if k + 1 < len(turns):
            stop = min(stop, turns[k + 1][0])
        start, end = trim(doc.text, t1, stop)
        if len(doc.text[start:end].split()) < MIN_CONTENT_WORDS:
            continue
        name = mention.entity.name
        doc.found = [f for f in doc.found if not (
            start <= f.start < end and (f.mention.entity.name == name
                                        or fold(f.mention.text) in ("i", "we")))]
        for q in doc.quotes_in(start, end):
            doc.used_quotes.add(id(q))
        cue = Cue(t0, t1, "(transcript)", "transcript_turns", "speech")
        doc.found.append(Found(start, end, "direct", cue, mention, (), "", t0))
        doc.resolver.make_salient(t0, mention.entity)


def joint_speakers(doc: Document) -> None:
    """ "The leaders agreed …", "The parties noted …": the statement of the meeting's
    participants, taken as the first two people the document names before it (a readout
    opens with them: "A had a telephone conversation with B")."""
    for k, f in enumerate(doc.found):
        ent = f.mention.entity
        words = [w for w in fold(ent.name).split() if w not in ("two", "both", "the")]
        if ent.type != "group" or not words or words[0] not in JOINT_NOUNS:
            continue
        people: list[str] = []
        for p, e in doc.resolver.seen:
            if p >= f.start or len(people) == 2:
                break
            if e.type == "person" and e.name not in people:
                people.append(e.name)
        if len(people) == 2:
            joint = Entity(" + ".join(people), "group", "")
            doc.found[k] = replace(f, mention=replace(f.mention, entity=joint))


def _last_person(doc: Document, pos: int) -> Mention | None:
    """The person most recently made a speaker or subject before ``pos``."""
    for p, ent in reversed(doc.resolver.salient):
        if p < pos and ent.type == "person":
            return Mention(p, p, ent.name, ent, "salient")
    return None

