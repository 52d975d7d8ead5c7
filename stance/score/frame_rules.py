"""Frame rules: who does what to whom, read from word order around the target mention.

Each ``rule_*`` function takes a :class:`~stance.score.tokens.Context` and an
:class:`~stance.score.tokens.Anchor` and adds contributions; the order they run in, their
evidence names and their provenance are listed in :data:`stance.score.rules.RULES`.
"""
from __future__ import annotations

from .lexicon import LexiconEntry
from .tokens import (agent_np, agentive_name, Anchor, Context, cue_after, is_negator, lemma_in,
                     object_of_preposition, Text)
from .weights import (AGENT_GAP, AGENT_WEIGHT, COORDINATION_WINDOW, COPULA_PREDICATE_GAP,
                      COPULA_SUBJECT_WINDOW, COPULA_WEIGHT, DEMAND_WEIGHT, DEMAND_WINDOW,
                      GENERAL_HOLDER_WEIGHT, HOLDER_GAP, HOLDER_WEIGHT, LOOSE_AGENT_WEIGHT,
                      LOOSE_WINDOW, MEASURE_WEIGHT, PARTICIPANT_WEIGHT, PATIENT_WEIGHT,
                      PATIENT_WINDOW, RECIPIENT_WEIGHT, VERB_OBJECT_GAP, VERB_OBJECT_WEIGHT)
from .words import (ABANDON_VERBS, AGAINST_PHRASES, AGAINST_VERBS, AGENTIVE_NOUNS, ALL_PREPS,
                    BE_FORMS, CLAIM_OBJECTS, COMBAT_VERBS, DEESCALATE_PARTICLES, DEESCALATE_VERBS,
                    DEMAND_PARTICLES, DEMAND_VERBS, DISREGARD_TERMS, FAVOR_PHRASES, FAVOR_VERBS,
                    FIRST_PERSON, FRAME_PREPS, HOLD_COMPLEMENTS, IRREGULAR_PARTICIPLES,
                    LOOSE_BLOCKS, OBJECT_GAP, PERPETRATE_VERBS, SUBJECT_GAP, SUBJECT_PRONOUNS,
                    WALK_STOPS)


# --------------------------------------------------------------------------------------------
# Rule verb_object
def rule_verb_object(ctx: Context, a: Anchor) -> None:
    """condemn X / support X: a stance verb whose object is the target."""
    t = ctx.t
    k = a.i - 1
    gap = 0
    while k >= 0 and gap <= VERB_OBJECT_GAP and t.clause[k] == t.clause[a.i]:
        if k in ctx.other_tokens:
            return
        sign = 0
        cue_i, cue_j = k, k + 1
        kind = ""
        if lemma_in(t, k, ABANDON_VERBS):
            sign, kind = -1, "abandon_verb"
        elif lemma_in(t, k, AGAINST_VERBS):
            sign = -1
        elif lemma_in(t, k, FAVOR_VERBS):
            sign = 1
        elif lemma_in(t, k, COMBAT_VERBS) and speaker_is_agent(ctx, k):
            sign, kind = -1, "speaker_act"
        else:
            for phrases, s in ((AGAINST_PHRASES, -1), (FAVOR_PHRASES, 1)):
                for p in phrases:
                    n = len(p)
                    if k - n + 1 >= 0 and all(p[q] in t.forms[k - n + 1 + q] for q in range(n)):
                        if p == ("hold",) and not any(
                                t.low[x] in HOLD_COMPLEMENTS
                                for x in range(a.j, min(len(t.low), a.j + 3))):
                            continue
                        sign, cue_i = s, k - n + 1
                        break
                if sign:
                    break
        if sign:
            weight = VERB_OBJECT_WEIGHT * a.weight
            c = t.cue_end[k]
            ctx.add("verb:object", t.words(cue_i, cue_j), sign * weight, cue_i,
                    kind or ("favor_verb" if sign > 0 else "against_verb"),
                    cue_index=c if c >= 0 else None)
            return
        if t.low[k] not in OBJECT_GAP and not t.low[k].endswith("ly") and t.low[k] != "'s":
            return
        k -= 1
        gap += 1

# Rule demand
def _demanded_act(t: Text, k: int) -> int:
    """Length in tokens of a demanded de-escalating act starting at ``k`` (0 if none)."""
    if lemma_in(t, k, DEESCALATE_VERBS):
        return 1
    for f in t.forms[k]:
        if f in DEESCALATE_PARTICLES and k + 1 < len(t.low) and \
                t.low[k + 1] in DEESCALATE_PARTICLES[f]:
            return 2
    return 0


def demand_verb(t: Text, k: int) -> bool:
    if not lemma_in(t, k, DEMAND_VERBS):
        return False
    for f in t.forms[k]:
        if f in DEMAND_PARTICLES:
            return k + 1 < len(t.low) and t.low[k + 1] in DEMAND_PARTICLES[f]
    return True


def rule_demand(ctx: Context, a: Anchor) -> None:
    """urge/call on/demand X to withdraw/de-escalate/stop -> against X."""
    t = ctx.t
    cl = t.clause[a.i]
    # Find the demand verb to the left.
    d = None
    for k in range(a.i - 1, max(-1, a.i - 1 - 2 * DEMAND_WINDOW), -1):
        if t.clause[k] != cl:
            break
        if demand_verb(t, k):
            d = k
            break
    if d is None:
        return
    between = range(d + 1, a.i)
    # Case A: demand X ... act ("urged Moscow to withdraw", "urged immediate Russian
    # de-escalation").
    if a.i - d - 1 <= DEMAND_WINDOW and not any(k in ctx.other_tokens for k in between):
        for k in range(a.j, min(len(t.low), a.j + DEMAND_WINDOW + 1)):
            if t.clause[k] != cl or k in ctx.other_tokens:
                break
            n = _demanded_act(t, k)
            if n:
                _add_demand(ctx, a, d, k, n)
                return
    # Case B: demand ... act of X  ("demanded the withdrawal of Russian troops")
    for k in range(a.i - 1, d, -1):
        n = _demanded_act(t, k)
        if n:
            gap = [t.low[x] for x in range(k + n, a.i)]
            if len(gap) <= 3 and all(w in OBJECT_GAP or w in {"of", "by"} for w in gap) and \
                    (not gap or "of" in gap or "by" in gap):
                _add_demand(ctx, a, d, k, n)
            return


def _add_demand(ctx: Context, a: Anchor, d: int, k: int, n: int) -> None:
    t = ctx.t
    c = t.cue_start[k]
    if c >= 0:
        ctx.used.add(c)        # "urged Russian de-escalation" is no peace credit for Russia
    ctx.add("demand", f"{t.words(d, d + 1)} ... {t.words(k, k + n)}",
            -DEMAND_WEIGHT * a.weight, d, "demand")

# The holder, patient and copula rules share how a cue's frame turns into a value for a role.
def _value(entry: LexiconEntry, role: str) -> tuple[float, str]:
    """Signed value and kind for a cue whose relation to the target is ``role``."""
    v, f = entry.valence, entry.frame
    # An agent and a holder are read alike: a hostile act is against whoever does or owns it.
    if role in ("agent", "holder"):
        if f == "hostile_act":
            return v * AGENT_WEIGHT, "hostile_agent"
        if f == "attribute":
            return v * HOLDER_WEIGHT, "attribute"
        if f == "peace":
            return v * PARTICIPANT_WEIGHT, "peace"
        if f == "general":
            return v * GENERAL_HOLDER_WEIGHT, "general"
        return 0.0, ""
    if role == "patient":
        if f == "hostile_act":
            return -v * PATIENT_WEIGHT, "hostile_patient"
        if f == "measure":
            return v * MEASURE_WEIGHT, "measure"
        if f == "support_act":
            return v * RECIPIENT_WEIGHT, "recipient"
        if f == "attribute":
            return v * HOLDER_WEIGHT, "attribute"
        if f == "peace":
            return v * PARTICIPANT_WEIGHT, "peace"
        return 0.0, ""
    if role == "copula":
        if f in ("hostile_act", "attribute", "general"):
            return v * COPULA_WEIGHT, "copula"
        if f == "peace":
            return v * PARTICIPANT_WEIGHT, "peace"
        return 0.0, ""
    raise ValueError(role)

_RULE_NAMES = {"hostile_agent": "frame:agent", "attribute": "frame:holder",
               "peace": "frame:participant", "general": "frame:holder",
               "hostile_patient": "frame:patient", "measure": "frame:measure",
               "recipient": "frame:recipient", "copula": "frame:copula"}


def _claim(ctx: Context, a: Anchor, c: int, role: str, cue_text: str | None = None,
           weight: float = 1.0, note: str = "", neg_lo: int = 0) -> bool:
    """Turn cue ``c`` into a contribution for ``role``; True if it carried a value.

    ``neg_lo`` bounds the negation search: when the target is the agent or holder, a negator
    before the target belongs to a higher verb ("will never accept Russia's aggression").
    """
    t = ctx.t
    i, j, entry = t.cues[c]
    value, kind = _value(entry, role)
    ctx.used.add(c)
    if not kind or value == 0.0:
        return False
    if kind == "hostile_agent" and entry.term in DISREGARD_TERMS and not _claim_follows(ctx, j):
        return False            # "brushed aside the question": no one's claim is slighted
    ctx.add(_RULE_NAMES[kind], cue_text or t.words(i, j), value * a.weight * weight, i, kind,
            note=note, neg_lo=neg_lo)
    return True


def _claim_follows(ctx: Context, k: int) -> bool:
    """True when what is disregarded (from token ``k``) is a party or a claim ("ignored Kyiv",
    "brushed aside Russia's demands", "flouted international law")."""
    t = ctx.t
    for x in range(k, min(len(t.low), k + 5)):
        if t.clause[x] != t.clause[k - 1]:
            return False
        if x in ctx.other_tokens or ctx.mi <= x < ctx.mj or t.low[x] in CLAIM_OBJECTS \
                or t.low[x] in FIRST_PERSON:
            return True
    return False

# Rule holder
def rule_holder(ctx: Context, a: Anchor) -> None:
    """X's <cue>, its <cue>, <X-adjective> <cue>, the <X> <cue>: X holds or does the cue."""
    t = ctx.t
    k = a.j
    possessive = a.kind == "possessive"
    if k < len(t.low) and t.low[k] == "'s":
        possessive = True
        k += 1
    name = a.name
    if not possessive and a.kind == "mention":
        premod = agentive_name(name)
        # "the Ukraine invasion", "over Ukraine troop buildup": a noun modifier, not a subject.
        noun_compound = not premod and a.i > 0 and (t.low[a.i - 1] in OBJECT_GAP
                                                     or t.low[a.i - 1] in ALL_PREPS)
    else:
        premod = noun_compound = False
    if not (possessive or premod or noun_compound or a.kind == "mention"):
        return
    # "the attack on Russian troops killed ten": the verb belongs to the clause's subject.
    skip_agents = (possessive or premod) and not (a.kind == "mention"
                                                  and object_of_preposition(t, a))
    gap = 0
    while k < len(t.low) and gap <= HOLDER_GAP and t.clause[k] == t.clause[a.i]:
        if k in ctx.other_tokens:
            return
        c = cue_after(t, k, a)
        if c >= 0 and c not in ctx.used:
            entry = t.cues[c][2]
            if entry.frame == "general" and entry.valence == 0.0:
                if not skip_agents and t.low[k] in AGENTIVE_NOUNS:
                    return
                k = t.cues[c][1]       # neutral topic words ("military", "armed forces") pass
                gap += 1
                continue
            lo = max(a.i - 1, 0)     # only "no Russian aggression" negates inside the phrase
            if possessive or premod:
                _claim(ctx, a, c, "holder", neg_lo=lo)
            elif entry.frame == "attribute":
                _claim(ctx, a, c, "holder", neg_lo=lo)  # "the Kyiv regime"
            elif noun_compound and entry.frame == "hostile_act":
                _claim(ctx, a, c, "patient")           # "the Ukraine invasion"
            elif noun_compound and entry.frame == "measure":
                _claim(ctx, a, c, "patient")           # "the Russia sanctions"
            return
        if t.low[k] in AGENTIVE_NOUNS and skip_agents:
            k += 1
            gap += 1
            continue
        if not skip_agents or t.low[k] in ALL_PREPS or t.low[k] in WALK_STOPS \
                or t.low[k] in BE_FORMS:
            return
        k += 1
        gap += 1

# Rule subject
def rule_subject(ctx: Context, a: Anchor) -> None:
    """X (+ auxiliaries) <hostile verb>, X launched <hostile noun>; passives make X the patient."""
    t = ctx.t
    if a.kind != "mention" or (a.j < len(t.low) and t.low[a.j] == "'s"):
        return
    if object_of_preposition(t, a):
        return
    cl = t.clause[a.i]
    saw_be = False
    k = a.j
    gap = 0
    while k < len(t.low) and gap <= AGENT_GAP and t.clause[k] == cl:
        if k in ctx.other_tokens:
            _coordinated_agent(ctx, a, k)
            return
        c = cue_after(t, k, a)
        if c >= 0 and c not in ctx.used:
            i, j, entry = t.cues[c]
            if entry.frame == "general" and entry.valence == 0.0:
                k, gap = j, gap + 1
                continue
            last = t.low[j - 1]
            participle = last.endswith("ed") or last in IRREGULAR_PARTICIPLES
            if saw_be and participle:
                _claim(ctx, a, c, "patient", note="passive")
                return
            if saw_be and not last.endswith("ing"):
                return                  # a copula: rule copula reads it
            if entry.frame in ("hostile_act", "peace") or \
                    (entry.frame == "attribute" and entry.valence < 0 and gap > 0):
                _claim(ctx, a, c, "agent", neg_lo=max(a.i - 1, 0))
            else:
                ctx.used.add(c)         # X supports / X sanctions: no stance toward X
            return
        w = t.low[k]
        if w in BE_FORMS:
            saw_be = True
        elif saw_be and (w.endswith("ing") or lemma_in(t, k, PERPETRATE_VERBS)):
            saw_be = False              # progressive: "was whipping up hysteria"
        elif not (w in SUBJECT_GAP or is_negator(t, k) or w.endswith("ly")
                  or w in AGENTIVE_NOUNS or lemma_in(t, k, PERPETRATE_VERBS)
                  or w in OBJECT_GAP):
            _coordinated_agent(ctx, a, k)
            return
        k += 1
        gap += 1


def _coordinated_agent(ctx: Context, a: Anchor, k: int) -> None:
    """X <first verb phrase> and <hostile verb>: X is the agent of the second verb too
    ("Ukraine becomes a member and launches military operations")."""
    t = ctx.t
    cl = t.clause[a.i]
    # Only a clause-initial subject: "a NATO member and launches" is a noun modifier.
    before = t.low[a.i - 1] if a.i > 0 else ""
    if before and t.clause[a.i - 1] == cl and before not in WALK_STOPS | {"and", "or"}:
        return
    for x in range(k, min(len(t.low), k + COORDINATION_WINDOW)):
        if t.clause[x] != cl or (t.low[x] in WALK_STOPS and t.low[x] not in BE_FORMS):
            return
        if t.low[x] not in {"and", "then"}:
            continue
        y = x + 1
        while y < len(t.low) and (t.low[y] in SUBJECT_GAP or t.low[y].endswith("ly")
                                  or t.low[y] == "then"):
            y += 1
        if y < len(t.low) and lemma_in(t, y, PERPETRATE_VERBS) and t.cue_start[y] < 0:
            y += 1
            while y < len(t.low) and t.low[y] in OBJECT_GAP:
                y += 1
        if y >= len(t.low) or t.clause[y] != cl:
            return
        c = t.cue_start[y]
        if c >= 0 and c not in ctx.used and t.cues[c][2].frame == "hostile_act":
            last = t.low[t.cues[c][1] - 1]
            passive = any(t.low[z] in BE_FORMS for z in range(a.j, x))
            if passive and (last.endswith("ed") or last in IRREGULAR_PARTICIPLES):
                return          # "was shot and killed": a passive, not an agent
            _claim(ctx, a, c, "agent", note="coordinated", neg_lo=x)
        return


def rule_by_agent(ctx: Context, a: Anchor) -> None:
    """<hostile act> by X: X is the agent ("shelling by Russian forces")."""
    t = ctx.t
    if a.kind != "mention":
        return
    k = a.i - 1
    while k >= 0 and t.low[k] in OBJECT_GAP:
        k -= 1
    if k < 1 or t.low[k] != "by" or t.clause[k] != t.clause[a.i]:
        return
    for x in range(k - 1, max(-1, k - 4), -1):
        c = t.cue_end[x]
        if c >= 0 and c not in ctx.used and t.cues[c][2].frame == "hostile_act":
            _claim(ctx, a, c, "agent", cue_text=f"{t.words(*t.cues[c][:2])} by",
                   neg_lo=t.cues[c][0])
            return
        if t.clause[x] != t.clause[a.i] or t.low[x] in WALK_STOPS:
            return

# Rule patient
def rule_patient(ctx: Context, a: Anchor) -> None:
    """<cue> <prep> X and <verb> X: X receives the act (patient, recipient, measure object)."""
    t = ctx.t
    if a.kind == "possessive":
        return
    cl = t.clause[a.i]
    prep = None
    k = a.i - 1
    steps = 0
    while k >= 0 and steps < PATIENT_WINDOW and t.clause[k] == cl:
        other = ctx.other_at(k)
        if other is not None:
            # Only an adjectival owner ("of Russian troops near Ukraine") may be walked over.
            other_name = t.text[t.starts[other[0]]:t.ends[other[1] - 1]]
            if not (agentive_name(other_name) and agent_np(t, other[1], other_name)):
                return
            k = other[0] - 1
            steps += 1
            continue
        c = t.cue_end[k]
        if c >= 0 and c not in ctx.used:
            i, j, entry = t.cues[c]
            if entry.frame == "general":
                k, steps = i - 1, steps + 1    # topic words ("weapons") are transparent
                continue
            _patient_claim(ctx, a, c, prep)
            return
        if c >= 0:
            return                             # claimed by an earlier rule
        w = t.low[k]
        if w in ALL_PREPS:
            if prep is None:
                prep = k
        elif w in WALK_STOPS:
            return
        elif prep is None and w not in OBJECT_GAP and w != "'s" and not w.endswith("ly") \
                and not w[0].isdigit():
            # Between a verb and its direct object only light words may stand.
            if steps >= 2:
                return
        k -= 1
        steps += 1


def _patient_claim(ctx: Context, a: Anchor, c: int, prep: int | None) -> None:
    t = ctx.t
    i, j, entry = t.cues[c]
    cue_text = t.words(i, j)
    if prep is None:
        if a.i - j > 2:
            return
        if entry.frame == "peace":
            return
        role = "holder" if entry.frame == "attribute" else "patient"   # "aggressor Russia"
        if entry.frame == "hostile_act" and speaker_is_agent(ctx, i):
            _speaker_act(ctx, a, c, cue_text)
            return
        _claim(ctx, a, c, role)
        return
    if entry.term in DISREGARD_TERMS:
        ctx.used.add(c)         # "ignored the evidence of X's meddling": X is not slighted
        return
    p = t.low[prep]
    cue_text = f"{cue_text} ... {p}" if prep > j else f"{cue_text} {p}"
    if p == "by":
        if entry.frame == "hostile_act":
            _claim(ctx, a, c, "agent", cue_text=cue_text)
        else:
            ctx.used.add(c)
        return
    if p not in FRAME_PREPS.get(entry.frame, ()):
        return
    if entry.frame == "hostile_act" and p == "of" and prep == a.i - 1 - _gap_len(t, prep, a.i) \
            and agentive_name(a.name) and agent_np(t, a.j, a.name):
        _claim(ctx, a, c, "agent", cue_text=cue_text)   # "buildup of Russian troops"
        return
    if entry.frame == "hostile_act" and speaker_is_agent(ctx, i):
        _speaker_act(ctx, a, c, cue_text)
        return
    _claim(ctx, a, c, "holder" if entry.frame == "attribute" else "patient", cue_text=cue_text)


def _gap_len(t: Text, prep: int, i: int) -> int:
    return sum(1 for k in range(prep + 1, i) if t.low[k] in OBJECT_GAP or t.low[k][0].isdigit()
               or t.low[k] in {"estimated", "some", "about"})


def speaker_is_agent(ctx: Context, cue_i: int) -> bool:
    """True when the speaker's side performs the hostile act ("we will strike NATO")."""
    t = ctx.t
    for k in range(cue_i - 1, max(-1, cue_i - 1 - AGENT_GAP), -1):
        if t.clause[k] != t.clause[cue_i]:
            return False
        if t.low[k] in {"we", "i"}:
            return True
        other = ctx.other_at(k)
        if other is not None:
            return other[2].lower() in ctx.side_names
        w = t.low[k]
        # Only a subject's own verb group may stand between it and the act ("we will strike",
        # "we launched an attack"), not another verb ("we condemn the aggression").
        if not (w in SUBJECT_GAP or w in OBJECT_GAP or w.endswith("ly") or is_negator(t, k)
                or lemma_in(t, k, PERPETRATE_VERBS) or t.cue_end[k] >= 0):
            return False
    return False


def _speaker_act(ctx: Context, a: Anchor, c: int, cue_text: str) -> None:
    i, j, entry = ctx.t.cues[c]
    ctx.used.add(c)
    ctx.add("frame:patient", cue_text, entry.valence * PATIENT_WEIGHT * a.weight, i,
            "speaker_act", note="act by the speaker's side")

# Rule copula
def rule_copula(ctx: Context, a: Anchor) -> None:
    """X ... is/would be <evaluative cue>: the predicate's valence goes to the subject."""
    t = ctx.t
    if a.kind != "mention":
        return
    if object_of_preposition(t, a):
        return
    cl = t.clause[a.i]
    b = None
    for k in range(a.j, min(len(t.low), a.j + COPULA_SUBJECT_WINDOW + 1)):
        if t.clause[k] != cl or t.low[k] in WALK_STOPS - BE_FORMS - {"will", "would", "could",
                                                                     "can", "may", "might",
                                                                     "must", "should", "has",
                                                                     "have", "had"}:
            return
        other = ctx.other_at(k)
        if other is not None and not (other[0] > 0 and t.low[other[0] - 1] in ALL_PREPS):
            return          # "Russia fears NATO is a threat": NATO is that copula's subject
        if t.low[k] in BE_FORMS:
            b = k
            break
    if b is None:
        return
    gap = 0
    k = b + 1
    while k < len(t.low) and gap <= COPULA_PREDICATE_GAP and t.clause[k] == cl:
        c = t.cue_start[k]
        if c >= 0:
            i, j, entry = t.cues[c]
            if c in ctx.used:
                return
            if entry.frame == "general" and entry.valence == 0.0:
                k, gap = j, gap + 1
                continue
            _claim(ctx, a, c, "copula", cue_text=f"{t.words(b, b + 1)} ... {t.words(i, j)}",
                   neg_lo=b)
            return
        if t.low[k] in ALL_PREPS or k in ctx.other_tokens:
            return
        k += 1
        gap += 1

# Rule loose_agent
def rule_loose_agent(ctx: Context, a: Anchor) -> None:
    """X, then shortly "to <hostile verb>" or "he ... <hostile verb>": X is the likely agent."""
    t = ctx.t
    if a.kind != "mention":
        return
    cl = t.clause[a.i]
    pronoun = False
    for k in range(a.j, min(len(t.low), a.j + LOOSE_WINDOW + 1)):
        if t.clause[k] != cl or k in ctx.other_tokens:
            return
        w = t.low[k]
        c = t.cue_start[k]
        if c >= 0 and c not in ctx.used and t.cues[c][2].frame == "hostile_act":
            before = t.low[k - 1] if k > 0 else ""
            if before == "to" or pronoun:
                _claim(ctx, a, c, "agent", weight=LOOSE_AGENT_WEIGHT / AGENT_WEIGHT,
                       note="loose", neg_lo=max(a.i - 1, 0))
            return
        if w in LOOSE_BLOCKS or lemma_in(t, k, AGAINST_VERBS) or lemma_in(t, k, FAVOR_VERBS):
            return
        if w in SUBJECT_PRONOUNS:
            pronoun = True

# Frames of position-taking and blame beyond one cue word are in act_rules.
def subject_verb(ctx: Context, a: Anchor, words: frozenset) -> int | None:
    """Index of a verb from ``words`` whose subject is the mention (after auxiliaries), or None."""
    t = ctx.t
    if a.kind != "mention" or (a.j < len(t.low) and t.low[a.j] == "'s") \
            or object_of_preposition(t, a):
        return None
    cl = t.clause[a.i]
    k, gap = a.j, 0
    while k < len(t.low) and gap <= AGENT_GAP and t.clause[k] == cl:
        if k in ctx.other_tokens:
            return None
        if lemma_in(t, k, words):
            return k
        w = t.low[k]
        if not (w in SUBJECT_GAP or w in BE_FORMS or is_negator(t, k) or w.endswith("ly")
                or w in AGENTIVE_NOUNS):
            return None
        k += 1
        gap += 1
    return None
