"""The lexicon scorer's rules, as one ordered registry a researcher can read, extend or trim.

Each :class:`Rule` is a small named unit: a function that reads the word order around one
target mention and adds contributions (:mod:`stance.score.frame_rules`,
:mod:`stance.score.act_rules`), the evidence names it writes, whether it also reads a
possessive pronoun that refers to the target ("its aggression"), and where the rule comes from.
Rules run in the order of :data:`RULES`; a rule that uses a cue claims it, so a later rule does
not read the same cue again. After the rules, negation, the own-side rule and the fallbacks of
:mod:`stance.score.modifiers` run (they are steps, not rules, and are always on).

Every rule is the project's own reading of wire-copy frames; its words are in
:mod:`stance.score.words` and its weights and windows, each with its source, in
:mod:`stance.score.weights`. To see what a rule is worth on real text, score the real-text dev
split with and without it (``benchmarks/realtext.py --split dev --method lexicon``).

Examples
--------
>>> from stance.score import score_mention
>>> from stance.score.rules import without
>>> text = "We condemn Ruritania."
>>> score_mention(text, 11, 20).evidence
"verb:object 'condemn' Ruritania (-0.80)"
>>> score_mention(text, 11, 20, rules=without("verb_object")).label
'neutral'
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from .. import named
from .act_rules import (rule_cause, rule_own_position, rule_pretext, rule_refusal, rule_relieved,
                        rule_willing)
from .frame_rules import (rule_by_agent, rule_copula, rule_demand, rule_holder, rule_loose_agent,
                          rule_patient, rule_subject, rule_verb_object)
from .tokens import Anchor, Context

__all__ = ["Rule", "RULES", "without", "rule_names"]


@dataclass(frozen=True)
class Rule:
    """One stance rule of the lexicon scorer.

    Attributes
    ----------
    name : str
        Short name, used to switch the rule off (:func:`without`).
    apply : callable
        ``apply(ctx, anchor)``: reads :class:`~stance.score.tokens.Context` around the anchor
        and adds contributions with ``ctx.add``. Picklable (a module-level function) when the
        rules travel to worker processes.
    evidence : tuple of str
        The rule names it writes into the evidence column.
    reads_possessive : bool
        Also applied to a possessive pronoun that refers to the target ("its refusal").
    provenance : str
        What the rule reads and where that reading comes from.
    """

    name: str
    apply: Callable[[Context, Anchor], None]
    evidence: tuple[str, ...]
    reads_possessive: bool = False
    provenance: str = ""


#: The rules, in the order they claim cue words. A demand or a refusal is read before the
#: frames, so that "urged Russia to withdraw" is a demand on Russia and not an act of
#: withdrawing by it; the agent and patient frames come before the looser readings.
RULES: tuple[Rule, ...] = (
    Rule("verb_object", rule_verb_object, ("verb:object",),
         provenance="condemn/accuse/sanction X against, support/back/thank X favor: a stance "
                    "verb whose object is the target (word lists AGAINST_VERBS, FAVOR_VERBS)."),
    Rule("demand", rule_demand, ("demand",),
         provenance="urge/call on/demand X to withdraw/de-escalate/stop: against X, the party "
                    "asked to stop doing wrong (DEMAND_VERBS, DEESCALATE_VERBS)."),
    Rule("relieved", rule_relieved, ("frame:relieved",), reads_possessive=True,
         provenance="a demanded withdrawal from X ('the withdrawal of troops from Ukraine's "
                    "borders', 'must leave X'): favor X, the place to be relieved."),
    Rule("refusal", rule_refusal, ("frame:refusal", "frame:refused"), reads_possessive=True,
         provenance="X's refusal to heed/withdraw, X refused to ...: against X; the party whose "
                    "demands are refused is favoured (REFUSAL_WORDS, COMPLY_VERBS)."),
    Rule("willing", rule_willing, ("frame:willing",),
         provenance="X is open to / ready for / seeks talks or peace: favor X "
                    "(WILLING_ADJECTIVES, WILLING_VERBS, peace cues of the lexicon)."),
    Rule("holder", rule_holder, ("frame:holder", "frame:agent", "frame:participant"),
         reads_possessive=True,
         provenance="X's <cue>, <X-adjective> <cue>, its <cue>: a hostile act is against its "
                    "agent, an attribute gives its valence to its holder."),
    Rule("subject", rule_subject, ("frame:agent", "frame:patient"),
         provenance="X (+ auxiliaries) <hostile verb>: 'Russia invaded'; a passive ('was "
                    "invaded by') makes the subject the patient; a coordinated second verb "
                    "counts ('joins the bloc and attacks')."),
    Rule("by_agent", rule_by_agent, ("frame:agent",),
         provenance="<hostile act> by X: the agent of a passive or nominalised act."),
    Rule("patient", rule_patient,
         ("frame:patient", "frame:recipient", "frame:measure", "frame:participant"),
         provenance="<cue> <preposition> X or <verb> X: 'invasion of Ukraine' favor, 'aid to "
                    "Ukraine' favor, 'sanctions on Russia' against (FRAME_PREPS)."),
    Rule("copula", rule_copula, ("frame:copula",),
         provenance="X ... is/would be <cue>: 'NATO's expansion is unacceptable'."),
    Rule("loose_agent", rule_loose_agent, ("frame:agent",),
         provenance="X followed shortly by 'to <hostile verb>' or 'he ... <hostile verb>': the "
                    "target as the later agent of a hostile act (LOOSE_WINDOW)."),
    Rule("pretext", rule_pretext, ("frame:pretext",),
         provenance="X uses/cites ... as a pretext/excuse: against X (PRETEXT_NOUNS, "
                    "PRETEXT_VERBS)."),
    Rule("own_position", rule_own_position, ("frame:own position",),
         provenance="the speaker's own side finds something 'unacceptable to X' or 'will not "
                    "tolerate' it: favor X, own side only (POSITION_PREDICATES)."),
    Rule("cause", rule_cause, ("frame:cause", "frame:prevent"),
         provenance="X could provoke/lead to/encourage a hostile act: against X; X helped "
                    "avert one: favor X (CAUSE_VERBS, PREVENT_VERBS)."),
)


def rule_names(rules: Iterable[Rule] = RULES) -> tuple[str, ...]:
    """The names of ``rules``, in order."""
    return named.names(rules)


def without(*names: str, rules: Iterable[Rule] = RULES) -> tuple[Rule, ...]:
    """``rules`` (default :data:`RULES`) with the named rules switched off.

    Raises
    ------
    ValueError
        For a name that is not one of the rules, so that a typo does not pass silently.
    """
    return named.switched_off(rules, names, "rule")
