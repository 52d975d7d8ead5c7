"""Speech cues: the words that say someone is speaking, and where they occur in a sentence.

A cue is a speech verb ("said", "warned", "told reporters") or an attitude verb ("condemned",
"denied") from ``resources/cues.tsv`` (each row with its source), "according to", the readout
formula "drew X's attention to", or a participle after a comma (", saying …") or opening the
sentence ("Noting …, the minister said"). Whether a cue makes a statement depends on finding
its speaker, which :mod:`stance.extract.sentence_cues` does; the score stage reads the same
table to tell a speaker from a target (:mod:`stance.score.modifiers`).

Examples
--------
>>> from stance.extract.cues import cue_table, cues_in
>>> cue_table()[0]["said"]
('say', 'speech')
>>> text = "Karel Vos left early, saying the plan was an insult."
>>> [(c.text, c.cls) for c in cues_in(text, 0, len(text))]
[('saying', 'participle-speech')]
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache

from ..paths import resource_text
from ..text.normalize import trie_regex

__all__ = ["Cue", "cue_table", "cues_in", "PARTICIPLES"]

#: Participles that introduce a statement of the clause's speaker (", saying …").
PARTICIPLES = frozenset("""saying adding warning insisting arguing stressing noting urging
    claiming promising vowing calling hailing describing accusing blaming criticizing
    criticising condemning denying praising thanking emphasizing emphasising reiterating
    pledging declaring explaining suggesting asserting recalling underscoring underlining
    highlighting""".split())
#: Participles whose content keeps the participle (attitude: ", calling it a threat").
_ATTITUDE_PARTICIPLES = frozenset("""calling hailing describing accusing blaming criticizing
    criticising condemning denying praising thanking""".split())


@dataclass(frozen=True)
class Cue:
    """A cue occurrence: ``lemma`` from cues.tsv, ``cls`` ``speech`` or ``attitude``.

    A cue that is not a word of cues.tsv says how it was found instead: ``cls`` is ``source``
    for "according to" and ``participle-…`` for a participle; a cue that an attribution pass
    makes for a formula of its own (a quoted message, a transcript turn) has that pass's name
    (:data:`stance.extract.passes.PASSES`) as its ``lemma``.
    """

    start: int
    end: int
    text: str
    lemma: str
    cls: str


@lru_cache(maxsize=1)
def cue_table() -> tuple[dict[str, tuple[str, str]], re.Pattern]:
    """The cues of ``resources/cues.tsv``.

    Returns
    -------
    forms : dict
        Each written form ("said", "told reporters") -> ``(lemma, class)``, the class being
        ``speech`` or ``attitude``.
    pattern : re.Pattern
        Matches any form as whole words.
    """
    rows = [line for line in resource_text("cues.tsv").splitlines()
            if line.strip() and not line.startswith("#")]
    forms: dict[str, tuple[str, str]] = {}
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter="\t"):
        for form in row["forms"].split(","):
            forms[form.strip()] = (row["lemma"], row["class"])
    # A trie-shaped alternation (longest form first at each branch): the regex engine then
    # tries one branch per position instead of every form in turn.
    pattern = re.compile(r"(?<![\w’'-])(?:" + trie_regex(forms) + r")(?![\w’'-])")
    return forms, pattern


_ACCORDING = re.compile(r"(?<!\w)[Aa]ccording\s+to(?!\w)")
#: The readout formula of cues.tsv's "drew attention to" with its addressee inside ("drew
#: President Macron's attention to"), which a list of fixed forms cannot hold.
_ATTENTION_OF = re.compile(r"(?<!\w)(?:drew|draws|directed)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}"
                           r"[\w’'.-]+[’']s\s+(?:(?:special|particular)\s+)?attention\s+to(?!\w)")
_PARTICIPLE = re.compile(r",\s+(?:(?:and|while)\s+)?(" + "|".join(sorted(PARTICIPLES)) + r")(?!\w)")
#: A participle opening the sentence: "Noting the role of partners, the Head of State said …"
#: (21 documents of the bundled corpus): the participial phrase up to its comma is a statement
#: of the main clause's subject.
_OPENING_PARTICIPLE = re.compile(r"(" + "|".join(sorted(w.capitalize() for w in PARTICIPLES
                                                         - _ATTITUDE_PARTICIPLES)) + r")\s")
_SPACES = re.compile(r"\s+")


def cues_in(text: str, start: int, end: int) -> list[Cue]:
    """The cues in ``text[start:end]``, in text order, none overlapping another.

    Where a participle is also a plain form of cues.tsv ("warning"), the participle is kept.
    """
    forms, pattern = cue_table()
    cues = []
    for m in pattern.finditer(text, start, end):
        lemma, cls = forms[_SPACES.sub(" ", m.group())]
        cues.append(Cue(m.start(), m.end(), m.group(), lemma, cls))
    for m in _ACCORDING.finditer(text, start, end):
        cues.append(Cue(m.start(), m.end(), m.group(), "according to", "source"))
    for m in _ATTENTION_OF.finditer(text, start, end):
        cues.append(Cue(m.start(), m.end(), m.group(), "draw attention", "speech"))
    for m in _PARTICIPLE.finditer(text, start, end):
        word = m.group(1)
        cls = "attitude" if word in _ATTITUDE_PARTICIPLES else "speech"
        cues.append(Cue(m.start(1), m.end(1), word, word, "participle-" + cls))
    m = _OPENING_PARTICIPLE.match(text, start, end)
    if m is not None:
        word = m.group(1)
        cues.append(Cue(m.start(1), m.end(1), word, word.lower(), "participle-opening"))
    # A participle also matched as a plain form ("warning") is the participle.
    cues.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Cue] = []
    for c in cues:
        if out and c.start < out[-1].end:
            if c.cls.startswith("participle") and not out[-1].cls.startswith("participle"):
                out[-1] = c
            continue
        out.append(c)
    return out
