"""Weights, windows and thresholds of the lexicon scorer, each with where its value came from.

Windows are in tokens of :func:`stance.score.tokens.analyse`; weights multiply a cue's
|valence|. A researcher who changes one should rerun ``python benchmarks/realtext.py --split
dev --method lexicon`` and the NewsMTSC dev figures of ``benchmarks/external.py``.
"""
from __future__ import annotations

# --------------------------------------------------------------------------------------------
# Labels
#: Score at or above which the label is ``favor``. Start value 0.1 (the usual small dead zone of
#: lexicon scorers, as VADER's +-0.05 on its compound); the benchmark helper may calibrate it on
#: the NewsMTSC *dev* split, never on test.
FAVOR_THRESHOLD = 0.1

#: Score at or below minus this value is ``against``; same origin and calibration rule as above.
AGAINST_THRESHOLD = 0.1


# --------------------------------------------------------------------------------------------
# Rule weights (multiplied by the cue's |valence| where the rule uses a lexicon cue). All are
# the project's own starting values, chosen so that one clear frame lands around |0.5| after
# tanh and two agreeing frames near |0.8|; the fallback stays below about |0.3|.
#: An explicit stance verb aimed at the target ("condemn Russia") is the clearest evidence.
VERB_OBJECT_WEIGHT = 0.8

#: Demanding that the target stop/withdraw implies it is doing wrong; a little below a verdict.
DEMAND_WEIGHT = 0.7

#: Agent of a hostile act ("Russia's aggression", "Moscow threatens").
AGENT_WEIGHT = 0.8

#: Agent found only through the loose window (the loose_agent rule): weaker, the link is less
#: certain.
LOOSE_AGENT_WEIGHT = 0.5

#: Patient of a hostile act ("invasion of Ukraine"): sympathy is implied, not stated.
PATIENT_WEIGHT = 0.7

#: Recipient of support ("aid to Ukraine"): the giver's position is stated by the act.
RECIPIENT_WEIGHT = 0.9

#: Object of a measure ("sanctions on Russia").
MEASURE_WEIGHT = 0.9

#: Holder of an attribute ("Ukraine's sovereignty", "the Kyiv regime").
HOLDER_WEIGHT = 0.8

#: Subject of a copula with an evaluative predicate ("NATO is a threat").
COPULA_WEIGHT = 0.7

#: Participant in talks/de-escalation ("talks with Russia"): peace words have no direction, and
#: reports of talks are mostly neutral, so one peace word alone stays near the threshold.
PARTICIPANT_WEIGHT = 0.2

#: Holder of a plain-valence word ("Russia's refusal").
GENERAL_HOLDER_WEIGHT = 0.4

#: Anchors reached through a pronoun ("its sovereignty") count a little less than names.
PRONOUN_WEIGHT = 0.8

#: Share of a frame kept when a negator flips it ("no support for Ukraine" is weaker than
#: "support for Ukraine" is strong); own judgement.
NEGATED_FLIP = 0.5

#: Share of |value| given as favor when the speaker's own side denies its hostile act
#: ("Moscow has no plans to invade", said by a Russian official).
DENIAL_FAVOR = 0.5

#: Subject of a willingness predicate ("Moscow remains open to talks", "Kyiv is ready for
#: dialogue"): the speaker presents the actor as the reasonable side; a clear frame, a little
#: below a stance verb.
WILLING_WEIGHT = 0.6

#: Agent of a refusal to heed or comply ("the refusal of the allies to heed our demands",
#: "Moscow refused to withdraw"): the wording presupposes that it should have; own judgement.
REFUSAL_WEIGHT = 0.6

#: Owner of what is refused or ignored ("refused to consider Kyiv's concerns"): sympathy is
#: implied, not stated, so a little weaker than the refuser's share.
REFUSED_WEIGHT = 0.5

#: Subject that uses something "as a pretext": an accusation of bad faith.
PRETEXT_WEIGHT = 0.6

#: Subject of a causal verb whose effect is a hostile act ("X could provoke a war"): the speaker
#: blames the cause, less directly than its agent.
CAUSE_WEIGHT = 0.5

#: Subject of a preventive verb whose object is a hostile act ("X helped avert a war").
PREVENT_WEIGHT = 0.4

#: The speaker's own side stating its position ("unacceptable to Moscow" said by a Russian
#: official, "we will not tolerate ..."): self-presentation, moderate.
OWN_POSITION_WEIGHT = 0.5

#: The place a demanded withdrawal frees ("withdraw troops from Ukraine's borders").
RELIEVED_WEIGHT = 0.6


# --------------------------------------------------------------------------------------------
# Windows (in tokens). Own starting choices from reading wire copy (English keeps these links
# short); the example beside each shows the kind of link it covers, not where its value came
# from. Measured on the real-text dev split by sweeping each window from half to twice its value
# (benchmarks/ablation.py --windows, benchmarks/results/windows.csv): stance macro-F1 stays at
# 0.484 over that whole range for every window except PATIENT_WINDOW (0.488-0.497 at 4, 12 and
# 16: 1 to 3 of 230 pairs move), NEGATION_WINDOW (0.491-0.493 at 2, 6 and 8: 1 or 2 pairs) and
# FALLBACK_WINDOW (0.478-0.489: 1 to 5 pairs). So the dev split does not pin these values down;
# none was changed on a difference of a few pairs.
#: Tokens allowed between a stance verb and its object ("condemned the actions of" is too far).
VERB_OBJECT_GAP = 3

#: Tokens between a demand verb and the target, and between the target and the demanded act.
DEMAND_WINDOW = 5

#: Tokens between a subject and its hostile verb ("Moscow has no plans to invade" = 4).
AGENT_GAP = 4

#: Tokens after a possessive or adjective before its head noun ("Russia's main security demands").
HOLDER_GAP = 2

#: Tokens walked left from the target to find the cue and preposition that govern it
#: ("buildup of an estimated 100,000 Russian troops near Ukraine's borders" = 8).
PATIENT_WINDOW = 8

#: Tokens between a subject and its copula ("the deployment of NATO forces near its borders is").
COPULA_SUBJECT_WINDOW = 8

#: Tokens between the copula and the evaluative word ("is not a real threat").
COPULA_PREDICATE_GAP = 3

#: Loose agent window for the loose_agent rule ("The Kremlin has repeatedly denied that it has
#: any plans to invade" = 10).
LOOSE_WINDOW = 10

#: Tokens between a willingness word and its peace cue ("open to more direct talks" = 3).
WILLING_GAP = 3

#: Tokens from a causal verb back to the start of its subject ("Ukraine's accession to NATO
#: could encourage" = 6) and forward to the hostile act it causes ("encourage the Ukrainian
#: authorities to launch a military operation" = 8).
CAUSE_SUBJECT_WINDOW = 8

CAUSE_OBJECT_WINDOW = 10

#: Tokens from a subject to "as a pretext" ("were using the freedom of nations to choose
#: alliances as a pretext" = 12).
PRETEXT_WINDOW = 14

#: Tokens from a subject's first verb to a coordinated second verb ("becomes a member and
#: launches" = 4).
COORDINATION_WINDOW = 8

#: Tokens from a demand to the demanded withdrawal, and from the withdrawal to "from"
#: ("withdrawal of troops and equipment from" = 5).
RELIEVE_DEMAND_WINDOW = 10

RELIEVE_WINDOW = 6

#: A negator must stand this close before its cue ("has no plans to invade": 3).
NEGATION_WINDOW = 4

#: Denial verbs reach further, across a "that" clause ("denied that it has any plans to invade").
DENIAL_WINDOW = 10

#: Fallback: words this far from the mention, within the clause, are considered.
FALLBACK_WINDOW = 8

#: A positive fallback word followed this closely by a hostile act is that act's verb, not
#: praise ("could encourage the authorities to launch a military operation" = 6).
FALLBACK_OBJECT_WINDOW = 7

#: Fallback distance decay: a word d tokens away weighs 1 / (1 + d / FALLBACK_DECAY).
FALLBACK_DECAY = 4.0

#: Fallback evidence is weak: its sum is scaled by this before joining the score.
FALLBACK_SCALE = 0.4

#: VADER lexicon values run from -4 to +4 (Hutto & Gilbert 2014); divide to get [-1, 1].
VADER_SCALE = 4.0

#: Negated fallback words are scaled like VADER's own negation (its N_SCALAR, -0.74).
FALLBACK_NEGATION = -0.74

#: Clause fallback (``fallback:vader-clause``, :func:`rule_clause_fallback`): the VADER
#: compound of the mention's clause is multiplied by this. At 2.5 a compound of about +-0.04
#: reaches the +-0.1 label threshold; a grid of compound thresholds 0.01-0.4 on the NewsMTSC
#: dev splits (rw + mt, ``benchmarks/external.py --diagnose``) was flat from 0.01 to 0.1 and
#: fell above, so any clearly non-zero tone of the clause labels.
CLAUSE_FALLBACK_SCALE = 2.5

#: The clause fallback never contributes more than this: tone is weak evidence of stance, so
#: its score stays below |0.3| as the near-word fallback's does (the ensemble reads the size).
CLAUSE_FALLBACK_CAP = 0.3

#: When the clause has no tone at all, the clause fallback reads the rest of the sentence at this
#: weight instead (the compound times the weight, no scaling): a sentence compound of +-0.5
#: reaches the +-0.1 label threshold. In news a target's own clause is often an appositive or a
#: list item ("Zhang, the Chinese citizen arrested at ..., was indicted"), and its predicate
#: stands in the next one. Chosen on NewsMTSC train (score_span macro-F1 0.5499 with AFINN words
#: only): weights 0.12 / 0.15 / 0.2 / 0.25 / 0.3 gave 0.560 / 0.570 / 0.572 / 0.569 / 0.567
#: (with the speaker rule); dev rw 0.543 / 0.546 / 0.552 / 0.562 / 0.561, dev mt 0.585 / 0.588 /
#: 0.604 / 0.600 / 0.602; 0.2 is the train optimum.
CLAUSE_FALLBACK_SENTENCE_WEIGHT = 0.2
