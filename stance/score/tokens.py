"""The lexicon scorer's view of a statement: tokens, clauses, cues, and the state rules share.

:func:`analyse` tokenises a text once (cached) and finds its clauses, sentences and lexicon
cues; :class:`Context` is the per-mention state every rule reads and adds
:class:`Contribution` records to; :class:`Anchor` is where the target sits (the mention, or a
pronoun that refers to it). The small predicates here (:func:`lemma_in`, :func:`find_negator`,
:func:`agent_np` ...) are shared by the rules of :mod:`stance.score.frame_rules` and
:mod:`stance.score.act_rules`.
"""
from __future__ import annotations

from dataclasses import dataclass
import functools

from ..text.lemmas import inflections
from ..text.tokens import words
from .lexicon import Lexicon, LexiconEntry
from .weights import DENIAL_WINDOW, NEGATION_WINDOW
from .words import (ABBREVIATIONS, ADJECTIVE_SUFFIXES, AGENTIVE_NAMES, AGENTIVE_NOUNS, ALL_PREPS,
                    CLAUSE_BREAKS, CLAUSE_WORDS, DENIAL_VERBS, NEGATION_EXCEPTIONS, NEGATORS,
                    SENTENCE_BREAKS)

@dataclass(frozen=True)
class Contribution:
    rule: str
    cue: str          # words as written in the text
    value: float
    cue_at: int       # token index of the cue (for negation scope)
    note: str = ""
    kind: str = ""    # hostile_agent, hostile_patient, ... (for negation and own-side handling)
    neg_lo: int = 0   # negators are looked for from here up to the cue
    modifier: str = ""  # "negation 'no' cancels", "own side cancels"


@dataclass(frozen=True)
class Text:
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    low: tuple[str, ...]
    forms: tuple[tuple[str, ...], ...]
    clause: tuple[int, ...]
    sentence: tuple[int, ...]
    cues: tuple[tuple[int, int, LexiconEntry], ...]
    cue_end: tuple[int, ...]     # token -> index of the cue ending at this token, else -1
    cue_start: tuple[int, ...]   # token -> index of the cue starting at this token, else -1
    cue_cover: tuple[int, ...]   # token -> index of the cue covering this token, else -1

    def words(self, i: int, j: int) -> str:
        return self.text[self.starts[i]:self.ends[j - 1]] if j > i else ""


@functools.lru_cache(maxsize=2048)
def analyse(text: str, lexicon: Lexicon) -> Text:
    """Tokenise ``text`` once and find its clauses and lexicon cues."""
    starts, ends, low = [], [], []
    for tok in words(text):
        starts.append(tok.start)
        ends.append(tok.end)
        low.append(tok.text.lower().replace("’", "'"))
    clause, sentence = [], []
    c = s = 0
    for k, w in enumerate(low):
        is_abbrev_dot = w == "." and k > 0 and low[k - 1] in ABBREVIATIONS
        if (w in CLAUSE_BREAKS and not is_abbrev_dot) or w in CLAUSE_WORDS:
            c += 1
        clause.append(c)
        sentence.append(s)
        if w in SENTENCE_BREAKS and not is_abbrev_dot:
            s += 1
    cues = tuple(lexicon.match(low))
    cue_end = [-1] * len(low)
    cue_start = [-1] * len(low)
    cue_cover = [-1] * len(low)
    for n, (i, j, _) in enumerate(cues):
        cue_end[j - 1] = n
        cue_start[i] = n
        cue_cover[i:j] = [n] * (j - i)
    return Text(text, tuple(starts), tuple(ends), tuple(low),
                 tuple(inflections(w) for w in low), tuple(clause), tuple(sentence), cues,
                 tuple(cue_end), tuple(cue_start), tuple(cue_cover))


def cue_after(t: Text, k: int, a: "Anchor") -> int:
    """Index of the cue starting at token ``k``, or of a cue that began inside the mention and
    runs past it ("the Russian military | buildup" matched as "military buildup"); else -1."""
    if t.cue_start[k] >= 0:
        return t.cue_start[k]
    c = t.cue_cover[k]
    if k == a.j and c >= 0 and t.cues[c][0] >= a.i:
        return c
    return -1


def lemma_in(t: Text, k: int, words: frozenset | set) -> bool:
    return any(f in words for f in t.forms[k])


def is_negator(t: Text, k: int) -> bool:
    w = t.low[k]
    if w.endswith("n't") or w in NEGATORS:
        nxt = t.low[k + 1] if k + 1 < len(t.low) else ""
        return nxt not in NEGATION_EXCEPTIONS.get(w, ())
    return False


def find_negator(t: Text, k: int, lo: int = 0, *, denials: bool = True) -> int | None:
    """Index of a negator governing the cue at token ``k`` (searching back to ``lo``), or None."""
    for j in range(k - 1, max(lo, k - DENIAL_WINDOW) - 1, -1):
        if t.sentence[j] != t.sentence[k]:
            break
        if k - j <= NEGATION_WINDOW and t.clause[j] == t.clause[k] and is_negator(t, j):
            return j
        if denials and lemma_in(t, j, DENIAL_VERBS):
            return j
    return None


# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Anchor:
    """Where the target sits: the mention itself, or a pronoun that refers to it."""

    i: int
    j: int
    name: str          # as written, for evidence
    weight: float
    kind: str          # "mention", "possessive" (its/our), "object" (us)


class Context:
    """Per-mention state shared by the rules."""

    def __init__(self, t: Text, mention: tuple[int, int], others: list[tuple[int, int, str]],
                 own_side: bool, side_names: frozenset, name: str):
        self.t = t
        self.mi, self.mj = mention
        self.others = others
        self.other_tokens = {k for i, j, _ in others for k in range(i, j)}
        self.own_side = own_side
        self.side_names = side_names
        self.name = name
        self.used: set[int] = set()          # cue indices already claimed
        self.out: list[Contribution] = []

    def other_at(self, k: int) -> tuple[int, int, str] | None:
        for o in self.others:
            if o[0] <= k < o[1]:
                return o
        return None

    def add(self, rule: str, cue: str, value: float, cue_at: int, kind: str,
            cue_index: int | None = None, note: str = "", neg_lo: int = 0) -> None:
        if cue_index is not None:
            self.used.add(cue_index)
        self.out.append(Contribution(rule, cue, value, cue_at, note, kind, neg_lo))


def _adjectival(name: str) -> bool:
    """True for "Russian", "the Russian military", "Western allies": an adjective form."""
    return any(w.lower().endswith(ADJECTIVE_SUFFIXES) for w in name.split())


def ends_agentive(name: str) -> bool:
    """True when the mention itself names an agent ("NATO forces", "the Russian military")."""
    words = name.lower().split()
    return bool(words) and words[-1] in AGENTIVE_NOUNS


def agentive_name(name: str) -> bool:
    """True when the mention can modify a following noun as its agent (Russian, NATO, Kremlin)."""
    acronym = any(len(w.replace(".", "")) > 1 and w.replace(".", "").isupper()
                  for w in name.split())
    return _adjectival(name) or acronym or ends_agentive(name) or \
        any(w in AGENTIVE_NAMES for w in name.lower().split())


def agent_np(t: Text, j: int, name: str) -> bool:
    """True for "Russian troops", "NATO forces": the mention (ending at token ``j``) owns an agent.

    A following noun that starts a directional cue does not count ("Ukraine troop buildup" is a
    compound about Ukraine, not Ukraine's troops).
    """
    if ends_agentive(name):
        return True
    if not (j < len(t.low) and t.low[j] in AGENTIVE_NOUNS):
        return False
    c = t.cue_start[j]
    return agentive_name(name) and (c < 0 or t.cues[c][2].frame == "general")


def object_of_preposition(t: Text, a: "Anchor") -> bool:
    """True when the mention sits in a prepositional phrase and so cannot be a subject.

    "the deployment of NATO forces ... is a threat": an agent noun phrase after "of" (or "by")
    is the subject of the nominalised act, so it still counts as a subject.
    """
    if a.i == 0 or t.low[a.i - 1] not in ALL_PREPS:
        return False
    return not (t.low[a.i - 1] in {"of", "by"} and agent_np(t, a.j, a.name))
