"""The sentence-cue pass: each sentence's cues, their speakers and their content.

This is the first attribution pass (:data:`stance.extract.passes.PASSES`) and finds most
statements. For every cue of a sentence (:func:`stance.extract.cues.cues_in`) outside a
quotation and outside masked text:

* **Speaker** of a finite cue: the noun phrase right before it ("Putin said", "the Polish prime
  minister warned"); past an aside ("Orban, who …, stressed") the subject that opened the
  clause; or the noun phrase after it ("… ,” said Putin"). Participles take the speaker of
  their clause. A cue with no speaker is no statement.
* **Content**: a quotation right after the cue (``Putin said: “…”``) or right before it
  (``“…,” Putin said``; a second quote after the attribution is the rest of a split quote) is
  *direct*. Otherwise the clause after the cue is *reported* (after "that" and an addressee);
  for attitude verbs the content keeps the verb, because the verb is the position
  ("denied that …"). Reported content holding a quotation is *mixed*.
* **Nested** attribution ("officials said that Lavrov restated that …") keeps the innermost
  speaker. **Relayed** speech (``Blinken also “urged …,” Price said``; "…, according to the
  State Department" after a clause with its own speaker) is the inner speaker's, with the
  relayer kept in ``relayed_by``.

A sentence without a statement still makes its subject salient when it is a person, so that a
later "he said" finds them. The attribution formulas are the project's reading of wire copy and
of the bundled corpus's press releases; the tests in ``tests/extract/test_sentence_cues.py``
show each.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .cues import PARTICIPLES, Cue, cues_in
from ..text.normalize import fold
from .mentions import Mention
from .tokens import LazyTokens, Token, tokenize
from .words import JOINT_NOUNS, PRONOUNS
from .quotes import Quote
from .spans import (BETWEEN, MIN_CONTENT_WORDS, Found, np_after, np_before, np_word, token_index,
                    trim)
from ..text.segment import Sentence

if TYPE_CHECKING:  # the document is only read and written here; attribute imports the passes
    from .attribute import Document

__all__ = ["sentence_cues"]

#: Phrases skipped after a cue before the content starts ("said Tuesday that",
#: "said in a statement that"); written from wire-copy attribution formulas.
_AFTER_CUE_RE = re.compile(
    r"(?:[\s,:]*(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|today|yesterday|earlier|later|also|again|separately|repeatedly|publicly|previously"
    r"|in\s+(?:a|an|his|her|their|its)\s+(?:[a-z]+\s+){0,2}?(?:statement|interview|speech"
    r"|address|post|video|message|letter|briefing|op-ed)"
    r"|(?:at|during)\s+(?:a|an|the)\s+(?:[a-z]+\s+){0,2}?(?:conference|briefing|meeting|summit)"
    r"|on\s+(?:Twitter|X|Telegram|Facebook|television|state\s+television)))+[\s,]*(?:that\s+)?"
    r"|[\s,:]*that\s+|[\s,:]+")
#: Participles that report speech when followed by an infinitive ("promising to …").
_TO_PARTICIPLES = frozenset("promising vowing pledging urging calling warning threatening".split())
#: Words that open a leading adverbial phrase ("In Kyiv, …", "Speaking after talks, …").
_LEADING_PHRASE = frozenset("""in at on by for from with without amid despite although though
    because if when while before after following during under over since as speaking asked
    meanwhile separately earlier later still however addressing writing responding""".split())
#: Auxiliaries that make the cue passive ("was accused"): then the subject is not the speaker.
_PASSIVE_AUX = frozenset("was were is are be been being get got gets".split())
#: Cues that need an object when active ("accused Russia of"), and the prepositions that follow
#: them at once only in the passive: "twelve envoys accused of spying", "a leader praised
#: for", "criticised by". Such a reduced relative clause has no speaker in its subject.
_OBJECT_CUES = frozenset("accuse blame condemn criticise denounce praise hail thank slam "
                         "charge describe".split())
_PASSIVE_PREPS = frozenset("of for by with as".split())
#: Most words of a description between a speaker's name and the cue ("Ana Roth, a
#: spokeswoman for the Foreign Ministry, said").
_ASIDE_WORDS = 12
#: Most words of a description before an appositive name ("The new defence nominee, Ana
#: Roth, ..."); longer openings are clauses, not descriptions.
_APPOSITIVE_LEAD = 8
#: Longest quotation read as a fragment of a longer content: a quoted term ("large
#: exercises", "a threat"), not a clause. The real-text dev split gives the same figures for
#: any value from 2 to 10; 4 keeps quoted clauses direct.
_FRAGMENT_WORDS = 4

# Between a quotation's close and the cue after it: a comma and a few attribution words.
_ATTRIBUTION_GAP = re.compile(r"[\s,]*(?:[\w.’'-]+\s+){0,8}")
# Between a cue and the quotation it introduces: punctuation, or a short addressee/channel
# phrase closed by a comma or colon ("told reporters,", "said in a statement:").
_BEFORE_QUOTE = re.compile(r"[\s,:]*(?:(?:[\w.’'-]+\s+){0,5}?[\w.’'-]+\s*[,:]\s*)?")
# What may follow the cue of an inverted attribution: a few words that are not a clause.
_INVERTED_TAIL = re.compile(r"(?!that\b)(?:[\w’'.-]+[\s,]*){0,4}[.!?]?")
# A pluperfect right before a cue ("had also said"): an earlier event the outer speaker reports.
_PLUPERFECT = re.compile(r"\bhad\s+(?:(?:also|already|repeatedly)\s+)?$")
#: The start of "the presidents of A and B" before the noun phrase B: a joint subject.
_JOINT_OF = re.compile(r"(?:\b[Tt]he\s+)?(?:(?:two|both)\s+)?(?:" + "|".join(sorted(JOINT_NOUNS))
                       + r")\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+and\s+$")
_QUOTE_CHARS = "“”„«»\""
_WARNED_OF = re.compile(r"\s*(?:[\w.’'-]+\s+){0,5}?of\s+")


def sentence_cues(doc: Document) -> None:
    """The sentence-cue pass: attribute the cues of every sentence, in text order."""
    reader = _CueReader(doc)
    for s in doc.sentences:
        reader.sentence(s)


class _CueReader:
    """Reads one document's sentences for cues; what it finds goes to ``doc.found``."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.resolver = doc.resolver

    def sentence(self, s: Sentence) -> None:
        """Attribute the cues of sentence ``s``; add what it finds to the document."""
        text = self.text
        self.resolver.scan(s.start, s.end)
        cues = [c for c in cues_in(text, s.start, s.end)
                if self.doc.in_quote(c.start) is None and not self.doc.masked(c.start)]
        # Without a cue only the clause subject is looked for: tokens are made as it reads.
        toks = tokenize(text, s.start, s.end) if cues else LazyTokens(text, s.start, s.end)
        results: list[Found] = []
        subject: Mention | None = None
        for c in cues:
            f = self._attribute_cue(s, toks, c, subject, results)
            if f is not None:
                results.append(f)
                subject = f.mention
        results = self._drop_outer_nested(results)
        for f in results:
            self.doc.found.append(f)
            self.resolver.make_salient(f.start, f.mention.entity)
        if not results:
            subj = self._clause_subject(s, toks)
            if subj is not None and subj.entity.type == "person":
                self.resolver.make_salient(subj.start, subj.entity)

    def _clause_subject(self, s: Sentence, toks: list[Token] | LazyTokens) -> Mention | None:
        """The noun phrase opening the main clause (after a leading "In Kyiv," phrase)."""
        has = toks.has if isinstance(toks, LazyTokens) else (lambda j: j < len(toks))
        i = 0
        if has(0) and (fold(toks[0].text) in _LEADING_PHRASE or fold(toks[0].text) in PARTICIPLES):
            while has(i) and toks[i].text != ",":
                i += 1
            i += 1
        if not has(i):
            return None
        appositive = self._appositive_name(toks, has, i)
        if appositive is not None:
            return appositive
        k = i
        while has(k) and np_word(toks[k]):
            k += 1
        if k == i:
            if fold(toks[i].text) in ("he", "she"):
                return self.resolver.resolve(toks[i].start, toks[i].end)
            return None
        return self.resolver.resolve(toks[i].start, toks[k - 1].end)

    def _appositive_name(self, toks, has, i: int) -> Mention | None:
        """A person's name set off by commas after an opening description: "The defence
        nominee, Ana Roth, backed ..." makes Ana Roth, not the description, the subject."""
        p = i
        while has(p) and p - i < _APPOSITIVE_LEAD and toks[p].text != ",":
            p += 1
        if not has(p) or toks[p].text != "," or p == i:
            return None
        q = k = p + 1
        while has(k) and toks[k].is_cap:
            k += 1
        if k - q < 2 or not has(k) or toks[k].text != ",":
            return None
        m = self.resolver.resolve(toks[q].start, toks[k - 1].end)
        return m if m is not None and m.entity.type == "person" else None

    def _attribute_cue(self, s: Sentence, toks: list[Token], c: Cue, subject: Mention | None,
                       earlier: list[Found]) -> Found | None:
        text = self.text
        i = token_index(toks, c.start)
        if c.lemma == "according to":
            return self._according_to(s, toks, c, i, earlier)
        if c.cls == "participle-opening":
            return self._opening_participle(s, toks, c)
        if c.cls.startswith("participle"):
            nxt = toks[i + 1].text if i + 1 < len(toks) else ""
            if nxt == "to" and c.lemma not in _TO_PARTICIPLES:
                return None  # "claiming to represent": not a report of speech
            speaker = subject or self._clause_subject(s, toks)
            if speaker is None:
                return None
            return self._reported(s, c, speaker, c.start if c.cls.endswith("attitude") else c.end)
        # Finite cue: speaker before, past an aside, or after.
        if i > 0 and fold(toks[i - 1].text) in _PASSIVE_AUX:
            return None  # "were accused of", "was described as": the subject is not the speaker
        if (c.lemma in _OBJECT_CUES and len(c.text.split()) == 1 and i + 1 < len(toks)
                and fold(toks[i + 1].text) in _PASSIVE_PREPS
                and not (i > 0 and fold(toks[i - 1].text) in PRONOUNS)):
            # ("He thanked for the help": a pronoun subject, so an active verb.)
            return None  # "envoys accused of spying": a passive participle, no speaker
        mention = None
        np = np_before(text, toks, i)
        if np is not None:
            joint = _JOINT_OF.search(text, s.start, np[0])
            if joint is not None:
                np = (joint.start(), np[1])  # "The presidents of Russia and France noted"

            mention = self.resolver.resolve(*np, bare=True)
            if mention is None and np[0] > s.start:
                mention = None
        if mention is None:
            j = i - 1
            while j >= 0 and fold(toks[j].text) in BETWEEN:
                j -= 1
            prev = toks[j].text if j >= 0 else ""
            if prev == "," and not self._quote_closes_before(toks, j):
                mention = self._subject_before_aside(s, toks, j)
            elif prev in ("and", "but", "or", "then") and earlier:
                mention = earlier[-1].mention  # "... and said ..." shares the subject
            elif prev in ("and", "then") and j > 0:
                # "A and B mutually supported X and reaffirmed Y": the clause's subject, also
                # when the first verb is not a cue.
                mention = self._clause_subject(s, toks)
                if mention is not None and mention.entity.type not in ("person", "group"):
                    mention = None
            if mention is None and (prev in (",",) or prev in _QUOTE_CHARS or j < 0
                                    or self._quote_closes_before(toks, j)):
                npa = np_after(text, toks, i + 1 + (len(c.text.split()) - 1))
                if npa is not None:
                    mention = self.resolver.resolve(*npa, bare=True)
        if mention is None:
            return None
        # Direct: a quotation right after the cue, or right before the attribution.
        # A quotation right before the attribution comes first, so that in a split quote
        # (`“A,” she said, “B.”`) both halves are found.
        q_before = self._quote_right_before(min(c.start, mention.start), s)
        if q_before is not None:
            return self._direct(q_before, c, mention, s, attribution_end=max(c.end, mention.end))
        q_after = self._quote_right_after(c.end, s)
        if q_after is not None and not self._clause_goes_on(q_after, s):
            return self._direct(q_after, c, mention, s)
        if q_after is not None:
            # `noted "large exercises" by Russia near the border as a reason`: the quotation is
            # a fragment of the content, which is mixed.
            return self._reported(s, c, mention, c.end)
        if c.cls == "speech" and mention.start > c.start:
            # "…, said Putin." after plain text: inverted reported speech.
            return self._inverted(s, c, mention)
        if c.cls == "speech" and mention.start < c.start and self._ends_sentence(c, mention, s):
            inv = self._inverted(s, c, mention)
            if inv is not None:
                return inv
        begin = c.start if c.cls == "attitude" else c.end
        return self._reported(s, c, mention, begin)

    def _opening_participle(self, s: Sentence, toks: list[Token], c: Cue) -> Found | None:
        """ "Noting X, the Head of State said …": X, up to the comma, is the subject's."""
        speaker = self._clause_subject(s, toks)
        if speaker is None or speaker.entity.type not in ("person", "institution", "state", "group"):
            return None
        comma = self.text.rfind(",", c.end, speaker.start)
        if comma < 0:
            return None
        start, end = trim(self.text, c.end, comma)
        if len(self.text[start:end].split()) < MIN_CONTENT_WORDS:
            return None
        return Found(start, end, "reported", c, speaker, (), "", c.start)

    def _clause_goes_on(self, q: Quote, s: Sentence) -> bool:
        """Whether the sentence goes on past a short quotation with words of its own clause
        (not a comma, a new sentence or an attribution)."""
        if len(self.text[q.start:q.end].split()) > _FRAGMENT_WORDS or q.close >= s.end:
            return False
        rest = self.text[q.close + 1:s.end]
        return bool(re.match(r"\s+[a-z]", rest)) and len(rest.split()) >= MIN_CONTENT_WORDS + 1

    def _quote_closes_before(self, toks: list[Token], j: int) -> bool:
        return j >= 1 and toks[j - 1].text in "”»\"“"

    def _subject_before_aside(self, s: Sentence, toks: list[Token], j: int) -> Mention | None:
        """The subject before an aside: "Orban, who …, stressed" (the clause's opening subject)
        or "a Republican, Mark Amodei, has said" (a name set off by commas)."""
        subj = self._clause_subject(s, toks)
        if subj is not None:
            k = token_index(toks, subj.end)
            if k < len(toks) and toks[k].text == ",":
                return subj
        k = j - 1
        while k >= 0 and toks[k].text != ",":
            k -= 1
        if k >= 0 and j - k - 1 <= 6 and all(np_word(t) for t in toks[k + 1:j]) and j - k > 1:
            m = self.resolver.resolve(toks[k + 1].start, toks[j - 1].end)
            if m is not None and m.entity.type in ("person", "institution", "state"):
                return m
        if k >= 0 and 0 < j - k - 1 <= _ASIDE_WORDS:
            # "“…,” Ana Roth, a spokeswoman for the ministry, said": a name right after the
            # quotation, then a description set off by commas.
            np = np_before(self.text, toks, k)
            if np is not None:
                n = token_index(toks, np[0])
                if n == 0 or toks[n - 1].text in _QUOTE_CHARS or self._quote_closes_before(toks, n):
                    m = self.resolver.resolve(*np)
                    if m is not None and m.entity.type == "person":
                        return m
        return None

    def _ends_sentence(self, c: Cue, mention: Mention, s: Sentence) -> bool:
        """`…, Peskov said.` / `…, Peskov said on Tuesday.`: little or nothing after the cue."""
        rest = self.text[c.end:s.end].strip()
        if len(rest) > 60:
            return False
        before = self.text[s.start:mention.start].rstrip()
        return before.endswith(",") and _INVERTED_TAIL.fullmatch(rest) is not None

    def _quote_right_after(self, pos: int, s: Sentence) -> Quote | None:
        """A quotation opening right after the cue, allowing an addressee or a channel
        between them ("told reporters, “…”", "said on Twitter: “…”")."""
        window = self.text[pos:pos + 80]
        m = _BEFORE_QUOTE.match(window)
        q = self.doc.quote_opening_at(pos + (m.end() if m else 0))
        return q if q is not None and id(q) not in self.doc.used_quotes else None

    def _quote_right_before(self, cue_start: int, s: Sentence) -> Quote | None:
        """A quotation that ends right before the attribution (`“…,” government spokesman
        Farid Selmani told the radio`): only a comma and the speaker's words between."""
        for q in self.doc.quotes_closing_before(cue_start, s.start):
            gap = self.text[q.close + 1:cue_start]
            if len(gap) > 120:
                return None
            if id(q) not in self.doc.used_quotes and _ATTRIBUTION_GAP.fullmatch(gap):
                return q
        return None

    def _direct(self, q: Quote, c: Cue, mention: Mention, s: Sentence, *,
                attribution_end: int | None = None) -> Found:
        quotes = [q]
        start, end = q.start, q.end
        self.doc.used_quotes.add(id(q))
        if attribution_end is not None:
            # Split quote: `“A,” she said, “B.”`
            q2 = self.doc.quote_opening_after(attribution_end)
            if q2 is not None:
                if re.fullmatch(r"[\s,:]*", self.text[attribution_end:q2.open]) \
                        and q2.open <= s.end and id(q2) not in self.doc.used_quotes:
                    quotes.append(q2)
                    self.doc.used_quotes.add(id(q2))
                    end = q2.end
        speaker, relay = mention, ""
        lead = self._relay_subject(q, s)
        if lead is not None and lead.entity.name != mention.entity.name:
            speaker, relay = lead, mention.entity.name
        start, end = trim(self.text, start, end)
        return Found(start, end, "direct", c, speaker, tuple(quotes), relay, c.start)

    def _relay_subject(self, q: Quote, s: Sentence) -> Mention | None:
        """`Blinken also “urged …,” Price said`: a subject right before the opening mark."""
        pre = self.text[s.start:q.open]
        if not pre.strip() or pre.rstrip().endswith((":", ",")):
            return None
        toks = tokenize(self.text, s.start, q.open)
        np = np_before(self.text, toks, len(toks))
        if np is None:
            # "Blinken also urged": a subject, then adverbs, then the quote starting mid-clause.
            return None
        if np[0] != s.start and not self.text[s.start:np[0]].rstrip().endswith(","):
            return None
        m = self.resolver.resolve(*np)
        return m if m is not None and m.entity.type in ("person", "institution", "state") else None

    def _reported(self, s: Sentence, c: Cue, mention: Mention, begin: int) -> Found | None:
        text = self.text
        pos = begin
        if not c.cls.endswith("attitude") and c.cls != "attitude":
            pos = self._skip_after_cue(c, pos, s.end)
        end = self._content_end(pos, s)
        # A quotation opened inside the content runs to its close, even past Punkt's sentence end.
        for q in self.doc.quotes_in(pos, end):
            if q.close > end:
                end = q.close + 1
        start, end = trim(text, pos, end)
        if len(text[start:end].split()) < MIN_CONTENT_WORDS:
            return None
        # From ``pos``: trimming may have stepped over the opening mark of a quoted term.
        inner = tuple(q for q in self.doc.quotes_in(min(pos, start), end + 1) if q.close <= end + 1)
        for q in inner:
            self.doc.used_quotes.add(id(q))
        kind = "mixed" if inner else "reported"
        return Found(start, end, kind, c, mention, inner, "", c.start)

    def _skip_after_cue(self, c: Cue, pos: int, limit: int) -> int:
        text = self.text
        window = text[pos:min(limit, pos + 160)]
        if c.lemma in ("tell", "warn", "remind", "assure", "inform"):
            m = re.match(r"\s*(?:[\w.’'-]+\s+){0,9}?that\s", window)
            if m:
                return pos + m.end()
            if c.lemma == "warn":
                # "warned Medvedev on Sunday of serious consequences": the warning is what
                # follows "of"; the addressee and time phrase before it are not content.
                m3 = _WARNED_OF.match(window)
                if m3:
                    return pos + m3.end()
            if c.lemma == "tell":
                # "told reporters …", "told the RIA Novosti news agency …": skip the addressee.
                m2 = re.match(r"\s*(?:the\s+)?(?:[A-Z][\w.’'-]*\s+)*(?:[a-z]+\s+){0,2}?"
                              r"(?:reporters|journalists|lawmakers|parliament|legislators|"
                              r"supporters|students|crowd|audience|agency|newspaper|broadcaster|"
                              r"television|radio|him|her|them|us|me)\b[\s,]*", window)
                if m2:
                    return pos + m2.end()
        m = _AFTER_CUE_RE.match(window)
        return pos + (m.end() if m else 0)

    def _content_end(self, pos: int, s: Sentence) -> int:
        """End of reported content: the next coordinated cue, a source phrase, or the sentence end."""
        text = self.text
        end = s.end
        stops = [m.start() for m in re.finditer(
            r",\s*(?:according\s+to|saying|adding|while|whereas)\b|;\s|\s\(", text[pos:s.end])]
        for c in cues_in(text, pos, s.end):
            if self.doc.in_quote(c.start) is not None:
                continue
            if c.cls.startswith("participle"):
                stops.append(c.start - pos - 2)
                continue
            seg = text[pos:c.start]
            m = re.search(r"(?:,\s*(?:and|but)\s+|\s+(?:and|but)\s+)((?:he|she|they|it|the\s+\w+(?:\s+\w+)?|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)\s+)?(?:(?:also|later|then|has|had)\s+)*$", seg)
            if m:
                stops.append(m.start())
        if stops:
            end = pos + min(x for x in stops if x >= 0) if any(x >= 0 for x in stops) else end
        return end

    def _inverted(self, s: Sentence, c: Cue, mention: Mention) -> Found | None:
        """`Russia is ready for talks, Peskov said.`: the content precedes the attribution."""
        text = self.text
        cut = text.rfind(",", s.start, min(c.start, mention.start))
        if cut <= s.start:
            return None
        start, end = trim(text, s.start, cut)
        if len(text[start:end].split()) < MIN_CONTENT_WORDS + 1:
            return None
        inner = tuple(q for q in self.doc.quotes_in(start, end + 1) if q.close <= end + 1)
        for q in inner:
            self.doc.used_quotes.add(id(q))
        return Found(start, end, "mixed" if inner else "reported", c, mention, inner, "", c.start)

    def _according_to(self, s: Sentence, toks: list[Token], c: Cue, i: int,
                      earlier: list[Found]) -> Found | None:
        text = self.text
        j = i + 2
        npa = np_after(text, toks, j)
        if npa is None:
            return None
        mention = self.resolver.resolve(*npa, bare=True)
        if mention is None:
            return None
        after = text.find(",", mention.end, s.end)
        tail = text[after + 1:s.end] if after >= 0 else ""
        if c.start - s.start < 3 or len(tail.split()) >= 4:
            # "According to X, content." / "At the same time, according to X, content."
            if after < 0:
                return None
            start, end = trim(text, after + 1, s.end)
        else:
            # "content, according to X." — if the clause has its own speaker, X only relays it.
            if earlier and earlier[-1].end <= c.start:
                prev = earlier[-1]
                earlier[-1] = replace(prev, relayed_by=mention.entity.name)
                return None
            start, end = trim(text, s.start, c.start)
        if len(text[start:end].split()) < MIN_CONTENT_WORDS:
            return None
        inner = tuple(q for q in self.doc.quotes_in(start, end + 1) if q.close <= end + 1)
        for q in inner:
            self.doc.used_quotes.add(id(q))
        return Found(start, end, "mixed" if inner else "reported", c, mention, inner, "", c.start)

    def _drop_outer_nested(self, results: list[Found]) -> list[Found]:
        """"officials said that Lavrov restated that …": keep the innermost statement."""
        keep = []
        # "According to him, Ukraine has proposed …": the source named by "according to" is the
        # speaker of the whole clause, so there the outer statement stays and the inner goes.
        sources = [f for f in results if f.cue is not None and f.cue.lemma == "according to"]
        results = [g for g in results if not any(
            f is not g and f.start <= g.cue_pos < f.end for f in sources)]
        # "The President underscored that the Armed Forces had declared a ceasefire": a cue in
        # the pluperfect is an earlier event the outer speaker reports, part of the content
        # (both such nestings on the real-text dev split are annotated so).
        results = [g for g in results if not (
            _PLUPERFECT.search(self.text, max(0, g.cue_pos - 12), g.cue_pos)
            and any(f is not g and f.start <= g.cue_pos < f.end for f in results))]
        for f in results:
            nested = any(g is not f and f.start <= g.cue_pos < f.end
                         and g.mention.start >= f.start and g.kind != "direct"
                         and len(self.text[f.start:g.mention.start].split()) <= 3
                         for g in results)
            if not nested:
                keep.append(f)
        return keep
