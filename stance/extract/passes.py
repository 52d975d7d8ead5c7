"""The attribution passes, as one ordered registry a researcher can read, extend or trim.

Each :class:`Pass` is one way of finding statements or their speakers. It reads the document
under attribution (:class:`stance.extract.attribute.Document`: its sentences, quotations and
the statements found so far) and adds to or changes ``doc.found``. Passes run in the order of
:data:`PASSES`: the sentence-cue pass first (:mod:`stance.extract.sentence_cues`), which finds
most statements, then the passes that read across sentences
(:mod:`stance.extract.cross_sentence`), each seeing what the ones before it found. Where a
pass makes a cue of its own (a quoted message, a transcript turn), the cue's ``lemma`` is the
pass's name.

To see what a pass is worth on real text, compare the real-text dev split's attribution
scores with and without it (``passes=`` of
:func:`stance.extract.attribute.extract_statements`; ``benchmarks/realtext.py`` runs the
default passes and has no switch for them yet).

Examples
--------
>>> from stance.extract.attribute import extract_statements
>>> from stance.extract.passes import without
>>> from stance.extract.registry import load_actors
>>> text = ("President Karel Vos had a telephone conversation with Prime Minister Ana Roth. "
...         "The leaders agreed that the talks should continue.")
>>> [s.speaker for s in extract_statements("t", text, actors=load_actors())]
['Karel Vos + Ana Roth']
>>> [s.speaker for s in extract_statements("t", text, actors=load_actors(),
...                                        passes=without("joint_speakers"))]
['leaders']
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

from .. import named
from .cross_sentence import (back_references, continuations, joint_speakers, messages,
                             transcript_turns)
from .sentence_cues import sentence_cues

if TYPE_CHECKING:  # a pass only receives the document; attribute imports this module
    from .attribute import Document

__all__ = ["Pass", "PASSES", "without", "pass_names"]


@dataclass(frozen=True)
class Pass:
    """One attribution pass.

    Attributes
    ----------
    name : str
        Short name, used to switch the pass off (:func:`without`).
    apply : callable
        ``apply(doc)``: reads the :class:`~stance.extract.attribute.Document` and adds to or
        changes ``doc.found`` (and ``doc.used_quotes``, the quotations it used).
    provenance : str
        What the pass reads and where that reading comes from.
    """

    name: str
    apply: Callable[[Document], None]
    provenance: str = ""


#: The passes, in the order they run. Cues come first because the later passes build on what
#: they found: a continuation needs the statement it continues, a transcript turn drops the
#: statements inside it, and the joint speakers rename the speaker of statements already found.
PASSES: tuple[Pass, ...] = (
    Pass("sentence_cues", sentence_cues,
         provenance="speech and attitude verbs of resources/cues.tsv (each with its source), "
                    "'according to' and participles, with the speaker next to the cue and "
                    "quoted or reported content: wire-copy attribution formulas."),
    Pass("messages", messages,
         provenance="'The message reads, in part: “…”' after 'X sent a message of greetings': "
                    "the quotation is X's; the Kremlin's formula (240 documents of the bundled "
                    "corpus)."),
    Pass("back_references", back_references,
         provenance="'X. This was stated by NAME during …': the sentence before is NAME's; the "
                    "lead of 130 of the bundled corpus's Ukrainian press releases."),
    Pass("continuations", continuations,
         provenance="a quotation standing alone as a sentence continues the previous direct "
                    "statement (CONTINUATION_PARAGRAPHS back); 'Name: “…”' is Name's: how wire "
                    "copy runs a quotation over several sentences and paragraphs."),
    Pass("transcript_turns", transcript_turns,
         provenance="'Name: words' opening a sentence or paragraph is one turn, up to the next "
                    "turn or the paragraph's end: official transcripts (the Kremlin's, 'Vladimir "
                    "Putin: …' in 257 documents of the bundled corpus) and interview write-ups."),
    Pass("joint_speakers", joint_speakers,
         provenance="'The leaders agreed …' after a readout's 'A had a telephone conversation "
                    "with B' (140 documents of the bundled corpus): the statement of A + B, the "
                    "first two people named."),
)


def pass_names(passes: Iterable[Pass] = PASSES) -> tuple[str, ...]:
    """The names of ``passes``, in order."""
    return named.names(passes)


def without(*names: str, passes: Iterable[Pass] = PASSES) -> tuple[Pass, ...]:
    """``passes`` (default :data:`PASSES`) with the named passes switched off.

    Raises
    ------
    ValueError
        For a name that is not one of the passes, so that a typo does not pass silently.
    """
    return named.switched_off(passes, names, "pass")
