"""Closed word classes of the lexicon scorer: the project's own, from the reporting and conflict
vocabulary of wire copy.

Verbs are lemmas; inflected forms are matched with :func:`stance.text.lemmas.inflections`.
Which parties count as one side (NATO and its members) is knowledge, not grammar: it lives in
the target registry (``side_members`` in ``resources/targets.yaml``).
"""
from __future__ import annotations

# --------------------------------------------------------------------------------------------
# Word lists: the project's own, from the reporting and conflict vocabulary of wire copy.
# Verbs are lemmas; inflected forms are matched with stance.text.lemmas.inflections.
#: Verbs whose object the speaker is against.
AGAINST_VERBS = frozenset("""
    condemn accuse blame criticise criticize denounce warn punish sanction deter isolate rebuke
    slam castigate censure chastise reproach lambast lambaste decry deplore oppose confront
    defeat resist repel contain counter fault scold expel ban boycott shun vilify demonize
    demonise indict prosecute""".split())

#: Verbs of withdrawing support: against their object, but negated they are a pledge of support
#: ("we will never abandon Ukraine"), so negation flips them instead of cancelling.
ABANDON_VERBS = frozenset("abandon betray desert forsake".split())

#: Verbs whose object the speaker is in favour of.
FAVOR_VERBS = frozenset("""
    support back praise help aid defend arm thank assist reassure protect commend applaud hail
    salute congratulate laud admire honor honour embrace endorse champion strengthen bolster
    reinforce fund finance equip rescue trust recognise recognize welcome respect""".split())

#: Multi-word verbs (lemma sequences) aimed at the following target.
AGAINST_PHRASES = (("stand", "up", "to"), ("push", "back", "against"), ("crack", "down", "on"),
                   ("call", "out"), ("speak", "out", "against"), ("turn", "against"),
                   ("rally", "against"), ("hit", "back", "at"), ("lash", "out", "at"),
                   ("hold",))

FAVOR_PHRASES = (("stand", "up", "for"), ("speak", "up", "for"), ("rally", "behind"),
                 ("rally", "around"), ("vouch", "for"), ("pray", "for"))

#: "hold X accountable/responsible" - the verb needs one of these after the object.
HOLD_COMPLEMENTS = frozenset({"accountable", "responsible"})

#: Demand verbs of the demand rule ("call" counts only with on/upon/for; "appeal" with to).
DEMAND_VERBS = frozenset("urge demand press ask tell insist pressure push implore exhort "
                         "order require call appeal".split())

DEMAND_PARTICLES = {"call": {"on", "upon", "for"}, "appeal": {"to"}}

#: The demanded act that implies the target is doing wrong (the demand rule).
DEESCALATE_VERBS = frozenset("""withdraw withdrawal de-escalate de-escalation deescalate
    deescalation stop end cease halt retreat leave abandon reverse refrain respect comply abide
    honour honor release""".split())

#: Two-word demanded acts: first lemma -> second word.
DEESCALATE_PARTICLES = {"pull": {"back", "out"}, "back": {"down", "off"}, "stand": {"down"},
                        "step": {"back"}}

#: Negators (tokens ending in n't also count).
NEGATORS = frozenset("not no never without nor neither cannot none nothing nobody".split())

#: Denial verbs, whose scope reaches a following clause.
DENIAL_VERBS = frozenset("deny denial refuse reject dismiss".split())

#: Word pairs that look negative but are not ("not only", "no doubt").
NEGATION_EXCEPTIONS = {"not": {"only", "just", "least"}, "no": {"doubt", "longer", "matter"},
                       "without": {"doubt"}}

#: Determiners and light words allowed between a verb or preposition and its object.
OBJECT_GAP = frozenset("""the a an this these those its their his her our your my all both
    also again even further once still now then some any every each""".split())

#: Prepositions after which a hostile act's target is its patient.
PATIENT_PREPS = frozenset("""of against on upon to toward towards into in at near along around
    inside within over across""".split())

#: Prepositions that link each frame to its target (the patient rule).
FRAME_PREPS = {
    "hostile_act": PATIENT_PREPS,
    "measure": frozenset("on against for of to upon targeting".split()),
    "support_act": frozenset("to for with toward towards of behind".split()),
    "attribute": frozenset("of in".split()),
    "peace": frozenset("with between among including involving".split()),
}

#: All prepositions the left walk of the patient rule notes (the nearest one to the target counts).
ALL_PREPS = frozenset().union(*FRAME_PREPS.values(), {"by", "from", "like", "than", "about"})

#: Tokens that end a phrase: a cue further left does not govern the target.
WALK_STOPS = frozenset("""that which who whom whose because if when whether while where is are
    was were be been being has have had will would could should can may might must said says
    say told tells""".split())

#: Forms of "be" and linking verbs for passives and copulas.
BE_FORMS = frozenset("""is are was were be been being remains remain remained becomes become
    became seems seem seemed appears appear appeared""".split())

#: Irregular past participles of hostile verbs (the rest end in -ed).
IRREGULAR_PARTICIPLES = frozenset("struck hit shot overrun beaten taken".split())

#: Nouns that stand for a state's agency ("Russian troops", "Moscow's forces").
AGENTIVE_NOUNS = frozenset("""troops troop forces military army soldiers authorities government
    leadership officials regime navy jets tanks artillery drones missiles units mercenaries
    proxies president leader leaders state""".split())

#: Verbs that make their subject the agent of a hostile noun ("Russia launched an invasion").
PERPETRATE_VERBS = frozenset("""launch carry conduct commit wage stage begin start mount unleash
    pose make issue intensify continue resume whip spread use step ramp""".split())

#: Words that may sit between a subject and its verb (auxiliaries, adverbs, intent phrases).
SUBJECT_GAP = frozenset("""has have had is are was were be been being will would could can may
    might must shall should does do did also again already still now then repeatedly reportedly
    allegedly just even further once ever yet plans plan intends intend intention wants want
    ready prepared going about to able trying tried attempts attempt seeks sought keeps kept
    out up any""".split())

#: Prepositions that block the loose agent window (the target is then an object, not an agent).
LOOSE_BLOCKS = frozenset("""with by of against on for from near into at over about like in than
    toward towards upon under between after before""".split())

#: Subject pronouns that let the loose window reach a later verb ("hand Putin a gun that he ...").
SUBJECT_PRONOUNS = frozenset("he she it they".split())

#: First-person words that stand for the speaker's own side (own-side rule).
FIRST_PERSON = frozenset("we us our ours i me my".split())

#: Possessive pronouns that may refer back to a target ("Ukraine would defend its independence").
POSSESSIVE_PRONOUNS = frozenset("its their".split())

#: Adjective endings of target names ("Russian", "Ukrainian", "American", "Polish", "Western").
ADJECTIVE_SUFFIXES = ("ian", "ean", "ican", "ese", "ish", "ern")

#: Names used attributively as agents even though they are nouns ("Kremlin demands").
AGENTIVE_NAMES = frozenset("kremlin pentagon alliance".split())


#: Abbreviations whose period does not end a clause.
ABBREVIATIONS = frozenset("mr mrs ms dr gen lt col sen rep gov st jan feb mar apr jun jul aug "
                          "sep sept oct nov dec no vs etc".split())

#: Clause-ending tokens (commas included: frames in news rarely cross them).
CLAUSE_BREAKS = frozenset({".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "—", "–", "--"})

#: Words that start a new clause.
CLAUSE_WORDS = frozenset("but however whereas although though yet".split())

#: VADER words that are function words in news ("a neighbor like Russia", "as well as"), and
#: negators, which the fallback handles as negation instead of as negative words.
FALLBACK_IGNORE = frozenset("like kind well please yes no not".split()) | NEGATORS

#: Verbs whose subject experiences something ("Ukraine fears an invasion"): their tone says
#: nothing about the subject, so the fallback skips them.
EXPERIENCER_VERBS = frozenset("fear worry suffer mourn grieve regret lament endure face hope "
                              "wish".split())

#: Willingness predicates before a peace cue: adjectives that need "to"/"for" ("open to talks",
#: "ready for dialogue") and verbs ("seeks a settlement", "proposed negotiations").
WILLING_ADJECTIVES = frozenset("open ready willing prepared eager keen committed".split())

WILLING_VERBS = frozenset("""seek want offer propose favor favour pursue prefer welcome call
    push hope choose opt pledge support back""".split())

#: Refusal words ("refused to", "the refusal of X to", "X's failure to").
REFUSAL_WORDS = frozenset("""refuse refusal fail failure unwilling unwillingness reluctant
    reluctance decline""".split())

#: Acts whose refusal is blamed on the refuser: heeding, complying, de-escalating.
COMPLY_VERBS = frozenset("""heed consider listen respect honor honour comply abide address
    accommodate acknowledge engage negotiate talk withdraw de-escalate deescalate cease halt
    release implement fulfil fulfill""".split())

#: Particles that may follow a comply verb before its object ("listen to", "comply with").
COMPLY_PARTICLES = frozenset("to with by from into account of".split())

#: "as a pretext": nouns of bad-faith justification and the verbs that use them.
PRETEXT_NOUNS = frozenset("pretext pretexts excuse excuses smokescreen alibi".split())

PRETEXT_VERBS = frozenset("use exploit cite invoke seize employ manufacture fabricate invent"
                          .split())

#: Causal verbs: their subject is blamed for a hostile act they bring about.
CAUSE_VERBS = frozenset("""encourage embolden provoke trigger spark fuel cause prompt incite
    invite precipitate unleash drive push lead result""".split())

#: Causal verbs that need a particle ("lead to", "result in").
CAUSE_PARTICLES = {"lead": {"to"}, "result": {"in"}}

#: Topic words that are near neutral in the lexicon but are the blamed effect of a causal verb
#: ("could lead to war").
CAUSE_EFFECTS = frozenset("""war wars conflict conflicts bloodshed violence confrontation
    catastrophe disaster instability chaos""".split())

#: Preventive verbs: their subject is credited when the object is a hostile act.
PREVENT_VERBS = frozenset("prevent avert forestall deter avoid".split())

#: Predicates an experiencer holds a position through ("unacceptable to Moscow").
POSITION_PREDICATES = frozenset("""unacceptable acceptable intolerable unthinkable inadmissible
    impermissible vital crucial essential critical important paramount non-negotiable""".split())

#: Verbs that, negated, state a firm position of their subject ("we will not tolerate").
TOLERATE_VERBS = frozenset("accept tolerate allow permit countenance".split())

#: Acts of leaving a place ("withdraw from", "pull out of", "leave").
RELIEVE_ACTS = frozenset("withdraw withdrawal retreat pull leave exit".split())

#: Modal demands that, like a demand verb, make a withdrawal a demand ("must withdraw").
DEMAND_MODALS = frozenset("must should".split())

#: Verbs of fighting: against their object when the speaker's own side is the subject
#: ("should we fight NATO?"); a third party's fighting is reported, not the speaker's stance.
COMBAT_VERBS = frozenset("fight battle combat".split())

#: Lexicon terms of disregard: their agent is blamed only when a party or a claim is slighted.
DISREGARD_TERMS = frozenset({"ignore", "disregard", "flout", "snub", "brush aside", "brush off",
                             "shrug off", "trample"})

#: What may be disregarded: claims, rights and rules of a party.
CLAIM_OBJECTS = frozenset("""demand demands concern concerns interest interests right rights
    security sovereignty warning warnings call calls appeal appeals proposal proposals plea pleas
    request requests law laws rule rules norms commitments obligations agreement agreements
    treaty treaties resolution resolutions sanctions will wishes""".split())

#: Nouns of what a denial rejects ("dismissed claims that ...").
CLAIM_NOUNS = frozenset("""claim claims report reports allegation allegations suggestion
    suggestions accusation accusations assertion assertions speculation rumours rumors""".split())

#: Sentence-ending tokens (pronoun resolution stays within a sentence).
SENTENCE_BREAKS = frozenset({".", "!", "?", ";"})
