"""Rules for acts of will around the target: willingness, refusal, pretexts, causes, positions.

Same interface as :mod:`stance.score.frame_rules`; listed, in order, in
:data:`stance.score.rules.RULES`.
"""
from __future__ import annotations

from .frame_rules import demand_verb, speaker_is_agent, subject_verb
from .tokens import (agentive_name, Anchor, Context, ends_agentive, is_negator, lemma_in,
                     object_of_preposition, Text)
from .weights import (AGENT_GAP, CAUSE_OBJECT_WINDOW, CAUSE_SUBJECT_WINDOW, CAUSE_WEIGHT,
                      DEMAND_WINDOW, OWN_POSITION_WEIGHT, PRETEXT_WEIGHT, PRETEXT_WINDOW,
                      PREVENT_WEIGHT, REFUSAL_WEIGHT, REFUSED_WEIGHT, RELIEVE_DEMAND_WINDOW,
                      RELIEVE_WINDOW, RELIEVED_WEIGHT, WILLING_GAP, WILLING_WEIGHT)
from .words import (AGAINST_VERBS, AGENTIVE_NOUNS, ALL_PREPS, BE_FORMS, CAUSE_EFFECTS,
                    CAUSE_PARTICLES, CAUSE_VERBS, COMPLY_PARTICLES, COMPLY_VERBS, DEMAND_MODALS,
                    DEMAND_VERBS, DENIAL_VERBS, EXPERIENCER_VERBS, FAVOR_VERBS, FIRST_PERSON,
                    OBJECT_GAP, POSITION_PREDICATES, PRETEXT_NOUNS, PRETEXT_VERBS, PREVENT_VERBS,
                    REFUSAL_WORDS, RELIEVE_ACTS, SUBJECT_GAP, TOLERATE_VERBS, WALK_STOPS,
                    WILLING_ADJECTIVES, WILLING_VERBS)


def _peace_after(ctx: Context, k: int) -> int | None:
    """Index of an unclaimed peace cue within :data:`WILLING_GAP` tokens from ``k``, or None."""
    t = ctx.t
    cl = t.clause[k - 1]
    for x in range(k, min(len(t.low), k + WILLING_GAP + 1)):
        if t.clause[x] != cl or x in ctx.other_tokens or t.low[x] in WALK_STOPS:
            return None
        c = t.cue_start[x]
        if c >= 0:
            entry = t.cues[c][2]
            if entry.frame == "peace" and entry.valence > 0 and c not in ctx.used:
                return c
            if entry.frame != "general" or entry.valence != 0.0:
                return None
    return None


def rule_willing(ctx: Context, a: Anchor) -> None:
    """X is open to talks / ready for dialogue / seeks a settlement: X is presented favourably."""
    t = ctx.t
    if a.kind != "mention" or (a.j < len(t.low) and t.low[a.j] == "'s") \
            or object_of_preposition(t, a):
        return
    cl = t.clause[a.i]
    k, gap = a.j, 0
    while k < len(t.low) and gap <= AGENT_GAP and t.clause[k] == cl:
        if k in ctx.other_tokens:
            return
        w = t.low[k]
        nxt = t.low[k + 1] if k + 1 < len(t.low) else ""
        c = None
        if w in WILLING_ADJECTIVES and nxt in {"to", "for"}:
            c = _peace_after(ctx, k + 1)
        elif lemma_in(t, k, WILLING_VERBS) and (
                not any(f in {"call", "push", "hope"} for f in t.forms[k]) or nxt == "for"):
            c = _peace_after(ctx, k + 1)
        if c is not None:
            i, j, _ = t.cues[c]
            ctx.used.add(c)
            ctx.add("frame:willing", f"{t.words(k, k + 1)} ... {t.words(i, j)}",
                    WILLING_WEIGHT * a.weight, k, "willing", neg_lo=max(a.i - 1, 0))
            return
        if not (w in SUBJECT_GAP or w in BE_FORMS or is_negator(t, k) or w.endswith("ly")
                or w in WILLING_ADJECTIVES or lemma_in(t, k, WILLING_VERBS)):
            return
        k += 1
        gap += 1


def _refused_act(t: Text, k: int, cl: int) -> int | None:
    """Index of a comply verb after "to" at ``k`` ("to heed", "to seriously consider")."""
    if k >= len(t.low) or t.low[k] != "to" or t.clause[k] != cl:
        return None
    for x in range(k + 1, min(len(t.low), k + 3)):
        if t.clause[x] != cl:
            return None
        if lemma_in(t, x, COMPLY_VERBS):
            return x
        if not (t.low[x].endswith("ly") or t.low[x] in {"even", "so", "much", "ever"}):
            return None
    return None


def _refusal_of_agent(ctx: Context, a: Anchor) -> tuple[int, int] | None:
    """(refusal word, comply verb) when the anchor is the one who refuses, else None."""
    t = ctx.t
    cl = t.clause[a.i]
    k = a.j
    if a.kind == "possessive" or (k < len(t.low) and t.low[k] == "'s") or (
            a.kind == "mention" and agentive_name(a.name)):
        # "Russia's refusal to", "its refusal to", "the Western refusal to" (one word may
        # stand between: "Russia's continued refusal").
        if k < len(t.low) and t.low[k] == "'s":
            k += 1
        for r in (k, k + 1):
            if r < len(t.low) and t.clause[r] == cl and lemma_in(t, r, REFUSAL_WORDS):
                act = _refused_act(t, r + 1, cl)
                if act is not None:
                    return r, act
            if r < len(t.low) and (r in ctx.other_tokens or t.cue_start[r] >= 0
                                   and t.cues[t.cue_start[r]][2].frame != "general"):
                break
    if a.kind != "mention":
        return None
    # "the refusal of the Western allies to heed"
    x = a.i - 1
    while x >= 0 and t.low[x] in OBJECT_GAP:
        x -= 1
    if x >= 1 and t.low[x] == "of" and t.clause[x - 1] == cl and \
            lemma_in(t, x - 1, REFUSAL_WORDS):
        act = _refused_act(t, a.j, cl)
        if act is not None:
            return x - 1, act
    # "Moscow has repeatedly refused to withdraw"
    r = subject_verb(ctx, a, REFUSAL_WORDS)
    if r is not None:
        act = _refused_act(t, r + 1, cl)
        if act is not None:
            return r, act
    return None


def _refusal_of_object(ctx: Context, a: Anchor) -> tuple[int, int] | None:
    """(refusal word, comply verb) when the anchor is what is refused ("refused to heed
    Moscow's demands", "refusal to withdraw from Ukraine"), else None."""
    t = ctx.t
    cl = t.clause[a.i]
    x = a.i - 1
    steps = 0
    while x >= 0 and steps <= 3 and t.clause[x] == cl and (
            t.low[x] in OBJECT_GAP or t.low[x] in COMPLY_PARTICLES):
        x -= 1
        steps += 1
    if x < 1 or t.clause[x] != cl or not lemma_in(t, x, COMPLY_VERBS):
        return None
    # "refused to withdraw its troops" / "... Russian troops": the troops are withdrawn, their
    # owner's claim is not what is refused.
    nxt = a.j + 1 if a.j < len(t.low) and t.low[a.j] == "'s" else a.j
    if (nxt < len(t.low) and t.low[nxt] in AGENTIVE_NOUNS) or \
            (a.kind == "mention" and ends_agentive(a.name)):
        return None
    act = x
    x -= 1
    while x >= 0 and (t.low[x].endswith("ly") or t.low[x] in {"even", "so", "ever"}):
        x -= 1
    if x < 1 or t.low[x] != "to":
        return None
    # The refusal stands right before "to", or before "of <refuser> to".
    for r in range(x - 1, max(-1, x - 1 - DEMAND_WINDOW), -1):
        if t.clause[r] != cl or t.low[r] in WALK_STOPS:
            return None
        if lemma_in(t, r, REFUSAL_WORDS):
            if r == x - 1 or t.low[r + 1] == "of":
                return r, act
            return None
    return None


def rule_refusal(ctx: Context, a: Anchor) -> None:
    """The refusal of X to heed/comply is against X and, unless the speaker's side refuses,
    in favour of whose demands or place were refused."""
    t = ctx.t
    hit = _refusal_of_agent(ctx, a)
    if hit is not None:
        r, act = hit
        for c in (t.cue_start[r], t.cue_start[act]):
            if c >= 0:
                ctx.used.add(c)     # "unwilling to negotiate" is no peace credit
        ctx.add("frame:refusal", f"{t.words(r, r + 1)} ... {t.words(act, act + 1)}",
                -REFUSAL_WEIGHT * a.weight, r, "refusal_agent", neg_lo=max(a.i - 1, 0))
        return
    if a.kind == "possessive" and ctx.t.low[a.i] not in FIRST_PERSON:
        return                  # its/their are resolved too loosely to carry this frame
    hit = _refusal_of_object(ctx, a)
    if hit is not None:
        r, act = hit
        c = t.cue_start[r]
        if c >= 0:
            ctx.used.add(c)
        own = speaker_is_agent(ctx, r) or (r > 0 and t.low[r - 1] in {"our", "my"})
        value = -REFUSED_WEIGHT if own else REFUSED_WEIGHT
        ctx.add("frame:refused", f"{t.words(r, r + 1)} ... {t.words(act, act + 1)}",
                value * a.weight, r, "refused_object",
                note="refused by the speaker's side" if own else "", neg_lo=r)


def rule_pretext(ctx: Context, a: Anchor) -> None:
    """X uses/cites ... as a pretext: an accusation of bad faith against X."""
    t = ctx.t
    v = subject_verb(ctx, a, PRETEXT_VERBS)
    if v is None:
        return
    cl = t.clause[a.i]
    for k in range(v + 1, min(len(t.low), a.j + PRETEXT_WINDOW + 1)):
        if t.clause[k] != cl or t.low[k] in WALK_STOPS:
            return
        if t.low[k] == "as":
            n = k + 1
            while n < len(t.low) and t.low[n] in OBJECT_GAP:
                n += 1
            if n < len(t.low) and t.low[n] in PRETEXT_NOUNS:
                c = t.cue_start[n]
                if c >= 0:
                    ctx.used.add(c)
                ctx.add("frame:pretext", f"{t.words(v, v + 1)} ... as {t.words(n, n + 1)}",
                        -PRETEXT_WEIGHT * a.weight, v, "pretext", neg_lo=max(a.i - 1, 0))
            return


def _cause_verb(t: Text, k: int) -> str:
    """"cause" or "prevent" when token ``k`` is such a verb (with its particle), else ""."""
    if lemma_in(t, k, PREVENT_VERBS):
        return "prevent"
    if not lemma_in(t, k, CAUSE_VERBS):
        return ""
    for f in t.forms[k]:
        if f in CAUSE_PARTICLES:
            return "cause" if k + 1 < len(t.low) and t.low[k + 1] in CAUSE_PARTICLES[f] else ""
    return "cause"


def rule_cause(ctx: Context, a: Anchor) -> None:
    """X (or a noun phrase about X) could provoke/lead to/encourage a hostile act: against X;
    X helped prevent/avert one: favor X."""
    t = ctx.t
    if a.kind != "mention":
        return
    # Inside the subject noun phrase the target may be the object of "of"/"to" ("Ukraine's
    # accession to NATO could ..."), not of a place preposition ("the war in X could ...").
    if a.i > 0 and t.low[a.i - 1] in ALL_PREPS and \
            t.low[a.i - 1] not in {"of", "to", "into", "by"}:
        return
    # "Arming Ukraine could provoke ...", "sanctions on Russia could trigger ...": the target is
    # the object inside the cause, whose own frame already speaks.
    if any(c.kind in ("hostile_patient", "measure", "recipient", "speaker_act", "favor_verb",
                      "against_verb", "abandon_verb", "demand") for c in ctx.out):
        return
    cl = t.clause[a.i]
    verb = kind = None
    modals = {"will", "would", "could", "can", "may", "might", "must", "should"}
    for k in range(a.j, min(len(t.low), a.j + CAUSE_SUBJECT_WINDOW + 1)):
        if t.clause[k] != cl or (t.low[k] in WALK_STOPS and t.low[k] not in modals
                                 and t.low[k] not in BE_FORMS):
            return
        other = ctx.other_at(k)
        if other is not None and not (other[0] > 0 and t.low[other[0] - 1] in ALL_PREPS):
            return              # another actor is the subject: "NATO warned Russia could ..."
        kind = _cause_verb(t, k)
        if kind:
            verb = k
            break
        if any(lemma_in(t, k, words) for words in (AGAINST_VERBS, FAVOR_VERBS, DEMAND_VERBS,
                                                     DENIAL_VERBS, EXPERIENCER_VERBS)):
            return
    if verb is None or t.cue_start[verb] in ctx.used:
        return                  # "Russia could provoke": already the agent of the verb itself
    for k in range(verb + 1, min(len(t.low), verb + 1 + CAUSE_OBJECT_WINDOW)):
        if t.clause[k] != cl or t.low[k] in WALK_STOPS - {"to"}:
            return
        c = t.cue_start[k]
        if c >= 0:
            i, j, entry = t.cues[c]
        elif t.low[k] in CAUSE_EFFECTS:
            i, j, entry = k, k + 1, None
        else:
            continue
        if entry is None or (entry.frame == "hostile_act" and entry.valence < 0) or \
                (entry.frame == "general" and entry.valence <= -0.5) or \
                t.low[k] in CAUSE_EFFECTS:
            value = -CAUSE_WEIGHT if kind == "cause" else PREVENT_WEIGHT
            ctx.add("frame:cause" if kind == "cause" else "frame:prevent",
                    f"{t.words(verb, verb + 1)} ... {t.words(i, j)}", value * a.weight, verb,
                    kind, neg_lo=a.j)
            return


def rule_own_position(ctx: Context, a: Anchor) -> None:
    """The speaker's own side holding a position: "unacceptable to Moscow" (said by a Russian
    official), "we will not tolerate ...": the speaker asserts their side's stand."""
    t = ctx.t
    if not ctx.own_side or a.kind not in ("mention", "object"):
        return
    if a.i >= 2 and t.low[a.i - 1] in {"to", "for"} and t.clause[a.i - 2] == t.clause[a.i]:
        p = a.i - 2
        if t.low[p] in POSITION_PREDICATES or (p >= 1 and t.low[p - 1:p + 1] == ("red", "line")):
            lo = p - 1 if t.low[p] == "line" else p
            c = t.cue_start[lo]
            if c >= 0:
                ctx.used.add(c)
            ctx.add("frame:own position", f"{t.words(lo, p + 1)} {t.low[a.i - 1]}",
                    OWN_POSITION_WEIGHT * a.weight, p, "own_position", neg_lo=p)
            return
    v = subject_verb(ctx, a, TOLERATE_VERBS)
    if v is not None and any(is_negator(t, x) for x in range(a.j, v)):
        ctx.add("frame:own position", f"{t.words(a.j, v + 1)}", OWN_POSITION_WEIGHT * a.weight,
                v, "own_position", neg_lo=v)


def rule_relieved(ctx: Context, a: Anchor) -> None:
    """A demanded withdrawal from X ("urged the withdrawal of troops from Ukraine's borders",
    "must pull out of Georgia", "called on the troops to leave Syria"): in favour of X."""
    t = ctx.t
    if a.kind not in ("mention", "possessive"):
        return
    cl = t.clause[a.i]
    x = a.i - 1
    while x >= 0 and t.low[x] in OBJECT_GAP:
        x -= 1
    if x < 0 or t.clause[x] != cl:
        return
    if t.low[x] == "from" or (t.low[x] == "of" and x > 0 and t.low[x - 1] == "out"):
        lo = x - 1 if t.low[x] == "of" else x
        act = None
        for k in range(lo - 1, max(-1, lo - 1 - RELIEVE_WINDOW), -1):
            if t.clause[k] != cl or t.low[k] in WALK_STOPS:
                return
            if lemma_in(t, k, RELIEVE_ACTS):
                act = k
                break
    elif lemma_in(t, x, {"leave", "exit"}):
        act = x
    else:
        return
    if act is None:
        return
    demanded = any(t.low[k] in DEMAND_MODALS for k in range(max(0, act - 4), act)
                   if t.clause[k] == cl)
    if not demanded:
        for k in range(act - 1, max(-1, act - 1 - RELIEVE_DEMAND_WINDOW), -1):
            if t.clause[k] != cl:
                break
            if demand_verb(t, k):
                demanded = True
                break
    if not demanded:
        return
    c = t.cue_start[act]
    if c >= 0:
        ctx.used.add(c)
    how = t.words(act, act + 1)
    if act != x:
        how += f" ... {t.words(x, x + 1)}"
    ctx.add("frame:relieved", how,
            RELIEVED_WEIGHT * a.weight, act, "relieved", neg_lo=act)
