"""Stage 4, find mentions: who is referred to, and how, inside one document.

A :class:`MentionResolver` reads a document sentence by sentence and keeps a small memory:
every person, institution or group named so far (registry names, "Title Firstname Lastname"
for people not in the registry, surnames after a first mention), and the *salient* entities
(speakers and sentence subjects) that pronouns refer back to. Noun phrases handed to
:meth:`MentionResolver.resolve` become :class:`Entity` records: the same actor whichever way
the text names it (full name, surname, title, role description, pronoun). The word lists it
reads are in :mod:`stance.extract.words`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Sequence

from ..text.normalize import fold, trie_regex
from .actors import Actor, ActorRegistry
from .words import (CAPITALS, DETERMINERS, DOCUMENT_NOUNS, FUNCTION_CAPS, GENERIC_ROLES,
                    GROUP_NOUNS, INSTITUTION_HEADS, JOINT_NOUNS, LOWER_INSTITUTION_HEADS,
                    NATIONALITIES, OBJECT_PRONOUNS, PERSON_HEADS, PLACE_HEADS, PRONOUNS,
                    STATE_ADJECTIVES, TITLE_ABBREVIATIONS, TITLE_WORDS, is_name_word,
                    nationality_of, title_gender)

# How many earlier mentions a pronoun or role description may reach back over: far more than
# any article needs, and a bound that keeps a pathological 10 MB text linear.
_LOOKBACK = 400

#: A channel named after the speaker ("Trump on Twitter") is not part of the speaker.
_CHANNEL = re.compile(r"\s+(?:on|via|in)\s+(?:Twitter|X|Facebook|Telegram|Instagram|YouTube|"
                      r"TikTok|television|TV|radio|social media)$")
#: An unnamed spokesperson or press service speaks for the body named before it ("a Russian
#: government spokesperson", "the Defence Ministry's spokesman"): the guideline's institutions
#: as speakers; the Wikinews dev errors gave the spokesperson phrase itself as the speaker.
_SPOKES = r"(?:spokes(?:man|woman|person|people)|press\s+(?:service|office|secretary))"
_SPOKESPERSON = re.compile(r"^(?:(?:the|a|an)\s+)?(?:(.+?)(?:[’']s)?\s+" + _SPOKES
                           + r"|" + _SPOKES + r"\s+(?:of|for)\s+(.+))$", re.I)
#: A body's document speaks for the body ("the CIA report said", "a Polish probe concluded"):
#: the guideline's institutions as speakers; on the Wikinews dev split such reports and
#: inquiries were speakers the extractor never found.
_DOCUMENT = re.compile(r"^(?:(?:the|a|an)\s+)?(.+?)(?:[’']s)?\s+(?:"
                       + "|".join(sorted(DOCUMENT_NOUNS)) + r")$", re.I)
_ACRONYM = re.compile(r"[A-Z]{2,6}")
#: "A of B" phrases: the part before "of" decides who speaks.
_OF_SPLIT = re.compile(r"^(.*?\S)\s+of\s+(?:the\s+)?\S.*$")
#: "his office", "her spokesman": someone speaking for the person the pronoun refers to.
_POSSESSED = re.compile(r"(his|her|its|their)\s+(office|government|ministry|team|campaign|aides|"
                        r"spokesman|spokeswoman|spokesperson|lawyer|lawyers|press office)")
# A capitalised word right before a surname: the surname belongs to another full name.
_FIRST_NAME_BEFORE = re.compile(r"(?<![.!?:;]\s)(?<!^)\b(?!(?:The|A|An|In|On|At|As|But|And|Or|For|From|By|With|President|Minister|Secretary|Prime|Foreign|Defence|Defense|Chancellor|General|Gen\.|Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Rep\.|Gov\.|Ambassador|Spokesman|Spokeswoman|Leader|Chief|Deputy|Vice|Russian|Ukrainian|U\.S\.|US|American|British|French|German|Polish|Hungarian|NATO|Kremlin|State)\s)[A-Z][a-z]+\s$")
_LEADING_THE = re.compile(r"^(the|The)\s+")
_POSSESSIVE_END = re.compile(r"[’']s$")
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
#: The capitalised bare office that stands for the text's principal (see _resolve_role).
_PRINCIPAL = re.compile(r"(?:[Tt]he\s+)?(?:President|Head\s+of\s+State)")
_DETERMINER = re.compile(r"^(the|a|an|some|several|two|three|many)\s+", re.I)
_FULL_NAME = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}")


@dataclass(frozen=True)
class Entity:
    """A speaker or someone who could become one.

    ``titles`` holds the lower-case title words the text or registry gave this entity
    ("defence", "minister"), used to match generic roles such as "the minister".
    """

    name: str
    type: str
    affiliation: str = ""
    gender: str | None = None
    titles: frozenset = field(default_factory=frozenset)
    in_registry: bool = False


@dataclass(frozen=True)
class Mention:
    """A noun phrase ``text[start:end]`` resolved to ``entity`` by the rule ``how``."""

    start: int
    end: int
    text: str
    entity: Entity
    how: str


@lru_cache(maxsize=4096)
def _actor_entity(actor: Actor) -> Entity:
    words = set()
    for t in tuple(actor.titles) + tuple(actor.roles):
        words.update(fold(t).replace(".", " ").split())
    return Entity(actor.name, actor.type, actor.affiliation or "", actor.gender,
                  frozenset(words), True)


class MentionResolver:
    """Resolve noun phrases of one document to entities, remembering what came before.

    Parameters
    ----------
    text : str
        The document text.
    actors : ActorRegistry
        Known actors.
    year : int, optional
        Publication year, to prefer the office holder of that year for role descriptions.
    """

    def __init__(self, text: str, actors: ActorRegistry, *, year: int | None = None):
        self.text = text
        self.actors = actors
        self.year = year
        # Mentions sorted by position (ties in the order remembered), so lookups walk back
        # from a position instead of scanning the whole document: linear time on long texts.
        self.seen: list[tuple[int, Entity]] = []
        self._seen_pos: list[int] = []
        self.salient: list[tuple[int, Entity]] = []
        self._by_surname: dict[str, Entity] = {}
        self._by_name: dict[str, Entity] = {}
        self._actor_entities: dict[str, Entity] = {}
        self._bare = False
        self._extra_titles: dict[str, set] = {}

    # -- memory -----------------------------------------------------------------------------
    def _entity_for(self, actor: Actor) -> Entity:
        ent = self._actor_entities.get(actor.name)
        if ent is None:
            ent = self._actor_entities[actor.name] = _actor_entity(actor)
        return ent

    def remember(self, pos: int, entity: Entity) -> None:
        """Record that ``entity`` is mentioned at ``pos`` (for roles and surnames later)."""
        at = bisect_right(self._seen_pos, pos)
        self._seen_pos.insert(at, pos)
        self.seen.insert(at, (pos, entity))
        if entity.type == "person":
            parts = entity.name.split()
            if len(parts) >= 2:
                self._by_surname.setdefault(fold(parts[-1]), entity)
        self._by_name.setdefault(fold(entity.name), entity)

    def make_salient(self, pos: int, entity: Entity) -> None:
        """Record ``entity`` as a speaker or subject at ``pos``: pronouns may refer to it."""
        self.salient.append((pos, entity))

    # -- scanning ---------------------------------------------------------------------------
    def scan(self, start: int, end: int) -> list[Mention]:
        """Find and remember every named person or institution in ``text[start:end]``."""
        found: list[Mention] = []
        pattern = self.actors.name_pattern
        if pattern is not None:
            for m in pattern.finditer(self.text, start, end):
                if " " not in m.group() and _FIRST_NAME_BEFORE.search(self.text, max(0, m.start() - 30), m.start()):
                    continue  # "Mike Johnson" is not the registry's Boris Johnson
                cands = self.actors.lookup(m.group())
                if len(cands) == 1 or (cands and self._pick(cands, m.start())):
                    actor = cands[0] if len(cands) == 1 else self._pick(cands, m.start())
                    found.append(Mention(m.start(), m.end(), m.group(),
                                         self._entity_for(actor), "name"))
        taken = [(f.start, f.end) for f in found]
        kinds = [f.entity.type for f in found]
        for np in self._title_name_phrases(start, end):
            # A state or body named inside the title ("Ambassador of the United Kingdom to
            # Ukraine Melinda Simmons") does not hide the person the phrase introduces.
            if any(a < np[1] and np[0] < b and not (np[0] <= a and b <= np[1] and k != "person")
                   for (a, b), k in zip(taken, kinds)):
                continue
            mention = self.resolve(np[0], np[1], remember=False)
            if mention is not None and mention.entity.type == "person":
                found.append(mention)
        taken = [(f.start, f.end) for f in found]
        heads = _INSTITUTION_HEAD.search(self.text, start, end) is not None
        for m in _INSTITUTION_PHRASE.finditer(self.text, start, end) if heads else ():
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            name = _LEADING_THE.sub("", m.group())
            cands = self.actors.lookup(name)
            ent = (self._entity_for(cands[0]) if len(cands) == 1 else
                   self._by_name.get(fold(name)) or Entity(name, "institution", nationality_of(name.split())))
            found.append(Mention(m.start(), m.end(), m.group(), ent, "institution"))
        found.sort(key=lambda f: f.start)
        for f in found:
            self.remember(f.start, f.entity)
        self._appositives(start, end, found)
        return found

    def _appositives(self, start: int, end: int, found: list[Mention]) -> None:
        """"Yara Mendel, Belmark's ambassador, …" / "The finance minister, Lidia Novar, …":
        the description's title words describe the named person (for "the ambassador")."""
        chunks = []
        pos = start
        comma = self.text.find(",", start, end)
        while comma >= 0:
            chunks.append((pos, comma))
            pos = comma + 1
            comma = self.text.find(",", pos, end)
        chunks.append((pos, end))
        people = {(f.start, f.end): f.entity for f in found if f.entity.type == "person"}
        for (a0, a1), (b0, b1) in zip(chunks, chunks[1:]):
            for (n0, n1), (d0, d1) in (((a0, a1), (b0, b1)), ((b0, b1), (a0, a1))):
                ent = next((e for (p0, p1), e in people.items()
                            if p0 >= n0 and p1 <= n1 and self.text[n0:n1].strip() == self.text[p0:p1]), None)
                if ent is None:
                    name = self.text[n0:n1].strip()
                    if not _FULL_NAME.fullmatch(name) or \
                            not all(is_name_word(w) and fold(w) not in NATIONALITIES
                                    for w in name.split()):
                        continue
                    ent = self._by_name.get(fold(name)) or Entity(name, "person")
                    self.remember(n0 + self.text[n0:n1].index(name), ent)
                words = fold(self.text[d0:d1]).replace("’", "'").split()
                heads = {w[:-2] if w.endswith("'s") else w for w in words}
                if heads & PERSON_HEADS and len(words) <= 10:
                    self._extra_titles.setdefault(ent.name, set()).update(heads & TITLE_WORDS)

    def titles_of(self, entity: Entity) -> frozenset:
        """Title words known for ``entity``: from the registry, its mention, or an appositive."""
        extra = self._extra_titles.get(entity.name)
        return entity.titles | frozenset(extra) if extra else entity.titles

    def _title_name_phrases(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of "Title Firstname Lastname" (title words, then two or more capitalised
        words; one is enough after an abbreviated title such as "Gen.")."""
        spans = []
        for m in _TITLE_NAME.finditer(self.text, start, end):
            titles, names = m.group(1), m.group(2)
            if len(names.split()) < 2 and not _ABBREV_END.search(titles):
                continue
            end_at = m.end()
            if _POSSESSIVE_END.search(names):
                end_at -= 2  # "Prime Minister Oleksiy Honcharuk's offer"
            spans.append((m.start(), end_at))
        for m in _TITLE_CHAIN.finditer(self.text, start, end):
            run = m.group(2).split()
            # The run must end in a name: "of the Slovak Republic" alone names no one.
            if run[-1] in INSTITUTION_HEADS or run[-1] in PLACE_HEADS or \
                    any(a <= m.start() < b for a, b in spans):
                continue
            end_at = m.end() - (2 if _POSSESSIVE_END.search(run[-1]) else 0)
            spans.append((m.start(), end_at))
        return sorted(spans)

    # -- resolution -------------------------------------------------------------------------
    def _pick(self, actors: Sequence[Actor], pos: int) -> Actor | None:
        """Among several registry actors, the one most recently mentioned, else the office
        holder of the document's year, else None (ambiguous)."""
        names = {a.name for a in actors}
        for p, ent in self._before(bisect_right(self._seen_pos, pos)):
            if ent.name in names:
                return next(a for a in actors if a.name == ent.name)
        if self.year is not None:
            dated = [a for a in actors
                     if (a.since is None or a.since <= self.year)
                     and (a.until is None or self.year <= a.until)]
            if len(dated) == 1:
                return dated[0]
        return None

    def _principal(self, pos: int, ok) -> Entity | None:
        """The compatible entity mentioned most often before ``pos`` (the earliest on a tie)."""
        counts: dict[str, int] = {}
        first: dict[str, tuple[int, Entity]] = {}
        for p, ent in self.seen[:bisect_left(self._seen_pos, pos)]:
            if ok(ent):
                counts[ent.name] = counts.get(ent.name, 0) + 1
                first.setdefault(ent.name, (p, ent))
        if not counts:
            return None
        name = min(counts, key=lambda n: (-counts[n], first[n][0]))
        return first[name][1]

    def _recent(self, pos: int, ok) -> Entity | None:
        """The compatible entity mentioned last before ``pos`` (by position in the text)."""
        for p, ent in self._before(bisect_left(self._seen_pos, pos)):
            if ok(ent):
                return ent
        return None

    def _before(self, stop: int):
        """The remembered mentions before index ``stop``, latest first, at most _LOOKBACK."""
        seen = self.seen
        for i in range(stop - 1, max(-1, stop - 1 - _LOOKBACK), -1):
            yield seen[i]

    def resolve_pronoun(self, pos: int, word: str) -> Entity | None:
        """The entity a pronoun at ``pos`` refers to: the latest compatible speaker or subject."""
        w = word.lower()
        if w in ("he", "she"):
            want = PRONOUNS[w]

            def ok(e: Entity) -> bool:
                return e.type == "person" and e.gender in (want, None)
        elif w == "it":
            def ok(e: Entity) -> bool:
                return e.type in ("institution", "state")
        elif w == "they":
            def ok(e: Entity) -> bool:
                return e.type == "group"
        else:
            return None
        for p, ent in reversed(self.salient):
            if p < pos and ok(ent):
                return ent
        return self._recent(pos, ok) if w in ("he", "she") else None

    def resolve(self, start: int, end: int, *, remember: bool = True,
                bare: bool = False) -> Mention | None:
        """Resolve the noun phrase ``text[start:end]`` to an entity, or None.

        Tried in order: pronoun, registry name, institution, "Title Name" or surname,
        registry role description, generic role, group noun. ``bare=True`` also accepts a
        lone unknown capitalised word as a surname: only right next to a cue ("Varga said"),
        where a sentence-initial "Shortly" or "Reports" cannot be mistaken for one.
        """
        phrase = self.text[start:end].strip()
        if not phrase or _POSSESSIVE_END.search(phrase):
            return None  # a possessor ("Trump's") is not the speaker
        self._bare = bare
        m = self._resolve(start, end, phrase)
        if m is not None and remember:
            self.remember(m.start, m.entity)
        return m

    def _resolve(self, start: int, end: int, phrase: str) -> Mention | None:
        channel = _CHANNEL.search(phrase)
        if channel:
            # "Trump on Twitter": the channel is not the speaker.
            phrase = phrase[:channel.start()]
            end = start + len(phrase)
        spokes = _SPOKESPERSON.match(phrase)
        if spokes:
            g = 1 if spokes.group(1) else 2
            body = self._resolve(start + spokes.start(g), start + spokes.end(g), spokes.group(g))
            if body is not None and body.entity.type in ("institution", "state"):
                return Mention(start, end, phrase, body.entity, "spokesperson")
        doc = _DOCUMENT.match(phrase)
        if doc:
            words = fold(doc.group(1)).split()
            if all(w in NATIONALITIES for w in words):
                name = _ARTICLE.sub("", phrase)
                return Mention(start, end, phrase, Entity(name, "institution", nationality_of(words)),
                               "document")
            body = self._resolve(start + doc.start(1), start + doc.end(1), doc.group(1))
            if body is not None and body.entity.type in ("institution", "state"):
                return Mention(start, end, phrase, body.entity, "document")
            if _ACRONYM.fullmatch(doc.group(1)):
                # "the OSCE report": an acronym before a body's document names the body.
                ent = self._by_name.get(fold(doc.group(1))) or Entity(doc.group(1), "institution")
                return Mention(start, end, phrase, ent, "document")
        of = _OF_SPLIT.match(phrase)
        if of:
            left = of.group(1)
            head = left.split()[-1]
            if fold(head) in JOINT_NOUNS:
                # "The presidents of Russia and France noted": a joint statement of the two.
                return Mention(start, end, phrase, Entity(_ARTICLE.sub("", left), "group"), "group")
            if head in INSTITUTION_HEADS or head in PLACE_HEADS:
                # "the Turkish Ministry of Foreign Affairs", "House of Representatives".
                name = _ARTICLE.sub("", phrase)
                cands = self.actors.lookup(name)
                if cands and len(cands) == 1:
                    return Mention(start, end, phrase, self._entity_for(cands[0]), "name")
                return Mention(start, end, phrase, Entity(name, "institution", nationality_of(
                    fold(phrase).split())), "institution")
            if fold(head) in GROUP_NOUNS:
                # "associates of Navalny": a group, named by the whole phrase.
                name = _ARTICLE.sub("", phrase)
                return Mention(start, end, phrase, Entity(name, "group"), "group")
            office = self._office_of_state(start, left, phrase[len(left):])
            if office is not None:
                return Mention(start, end, phrase, office, "role")
            left_names = [t for t in left.split() if t[:1].isupper() and is_name_word(t)
                          and fold(t) not in NATIONALITIES and fold(t) not in TITLE_WORDS
                          and t.rstrip(".") not in TITLE_ABBREVIATIONS]
            if len(left_names) >= 2:
                # "President Hassan Rouhani of Iran": the left part names the speaker.
                inner = self._resolve(start, start + len(left), left)
                if inner is not None:
                    return Mention(start, end, phrase, inner.entity, inner.how)
        low = fold(phrase)
        words = low.replace(",", " ").split()
        poss = _POSSESSED.fullmatch(low)
        if poss:
            # "his office said": the office of the person "his" refers to.
            owner = self.resolve_pronoun(start, {"his": "he", "her": "she", "its": "it",
                                                 "their": "they"}[poss.group(1)])
            if owner is not None:
                kind = "person" if poss.group(2) in PERSON_HEADS else "institution"
                return Mention(start, end, phrase, Entity(f"{owner.name}'s {poss.group(2)}", kind,
                                                          owner.affiliation), "possessive")
            return None
        if low in PRONOUNS or low in OBJECT_PRONOUNS:
            # "According to him, …": an object pronoun refers as its subject form would.
            ent = self.resolve_pronoun(start, OBJECT_PRONOUNS.get(low, low))
            return Mention(start, end, phrase, ent, "pronoun") if ent else None
        # A registry role written out in full ("the Head of the President's Office") names its
        # holder before any capitalised word in it is read as a name.
        cands = self.actors.by_role(low, year=self.year)
        if cands:
            actor = cands[0] if len(cands) == 1 else self._pick(cands, start)
            if actor is not None:
                return Mention(start, end, phrase, self._entity_for(actor), "role")
        bare = _ARTICLE.sub("", phrase)
        cands = self.actors.lookup(bare)
        if cands:
            actor = cands[0] if len(cands) == 1 else self._pick(cands, start)
            if actor is not None:
                return Mention(start, end, phrase, self._entity_for(actor), "name")
        # A registry name inside a longer phrase ("State Department spokesman Ned Price").
        pattern = self.actors.name_pattern
        if pattern is not None:
            best = None
            for mm in pattern.finditer(phrase):
                if best is None or len(mm.group()) > len(best.group()):
                    best = mm
            if best is not None and (best.end() == len(phrase) or len(best.group().split()) > 1):
                cands = self.actors.lookup(best.group())
                actor = cands[0] if len(cands) == 1 else (self._pick(cands, start) if cands else None)
                if actor is not None and (actor.type == "person" or best.end() == len(phrase)):
                    return Mention(start, end, phrase, self._entity_for(actor), "name")
        toks = bare.split()
        if (len(toks) >= 2 and fold(toks[-1]) in LOWER_INSTITUTION_HEADS
                and fold(toks[-2]) in NATIONALITIES):
            # "the German government said": a state's institution, lower-case in running text.
            ent = self._by_name.get(fold(bare)) or Entity(bare, "institution", nationality_of(words))
            return Mention(start, end, phrase, ent, "institution")
        if toks and toks[-1] in INSTITUTION_HEADS and not any(w in GROUP_NOUNS for w in words):
            name = bare
            ent = self._by_name.get(fold(name)) or Entity(name, "institution", nationality_of(words))
            return Mention(start, end, phrase, ent, "institution")
        names = [t for t in toks if t[:1].isupper() and is_name_word(t)
                 and fold(t) not in NATIONALITIES and fold(t) not in TITLE_WORDS
                 and t.rstrip(".") not in TITLE_ABBREVIATIONS and t not in FUNCTION_CAPS]
        if names:
            # The name is the run of capitalised words at the end of the phrase.
            i = len(toks)
            while i > 0 and toks[i - 1] in names:
                i -= 1
            run = toks[i:]
            while len(run) > 2 and (fold(run[0]) in STATE_ADJECTIVES
                                    or (i > 0 and toks[i - 1] in ("of", "and", "the"))):
                # "Deputy Head of the Office of the President of Ukraine Ihor Zhovkva",
                # "Member of the Presidency of Bosnia and Herzegovina Milorad Dodik": a state,
                # or a word right after "of"/"and", ends the title; the name follows it.
                run = run[1:]
                i += 1
            if len(run) > 2 and any(t in INSTITUTION_HEADS or t in PLACE_HEADS for t in run[:-2]):
                # "the United Nations Nikki Haley": the organisation ends before the name.
                run = run[-2:]
                i = len(toks) - 2
            if run:
                title_words = [fold(t).rstrip(".") for t in toks[:i]]
                full = " ".join(run)
                if len(run) == 1:
                    ent = self._by_surname.get(fold(full)) or self._by_name.get(fold(full))
                    if ent is not None:
                        return Mention(start, end, phrase, ent, "surname")
                known = self._by_name.get(fold(full))
                if known is not None:
                    return Mention(start, end, phrase, known, "name")
                variant = self.actors.variant_of(full) if len(run) >= 2 else None
                if variant is not None:
                    return Mention(start, end, phrase, self._entity_for(variant), "variant")
                if len(run) == 1 and not title_words:
                    state = CAPITALS.get(fold(full))
                    if state:
                        # "Moscow said": the capital stands for the state.
                        cands = self.actors.lookup(state)
                        ent = self._entity_for(cands[0]) if len(cands) == 1 else Entity(state, "state", state)
                        return Mention(start, end, phrase, ent, "metonym")
                if len(run) >= 2 or title_words or (len(toks) == 1 and self._bare
                                                    and self._name_like(full)):
                    ent = Entity(full, "person", nationality_of(title_words), title_gender(title_words),
                                 frozenset(title_words))
                    return Mention(start, end, phrase, ent, "title+name")
        role = self._resolve_role(start, low, words, principal=bool(_PRINCIPAL.fullmatch(phrase)))
        if role is not None:
            return Mention(start, end, phrase, role, "role")
        head = words[-1] if words else ""
        if head in PERSON_HEADS and len(words) >= 2:
            # A described speaker with no antecedent ("a Defence Ministry spokesman"):
            # the description is the best name the text gives.
            name = _ARTICLE.sub("", phrase)
            return Mention(start, end, phrase, Entity(name, "person", nationality_of(words),
                                                      title_gender(words), frozenset(words)),
                           "description")
        if words and words[-1] in GROUP_NOUNS:
            name = _DETERMINER.sub("", phrase)
            return Mention(start, end, phrase, Entity(name, "group", nationality_of(words)), "group")
        return None

    def _office_of_state(self, pos: int, left: str, right: str) -> Entity | None:
        """ "the President of Russia", "the Prime Minister of Slovakia": an office named by
        its title and its state, resolved as the role "the Russian president" would be."""
        title = [w for w in fold(_ARTICLE.sub("", left)).split()]
        if not title or any(w not in TITLE_WORDS for w in title):
            return None
        state = fold(re.sub(r"^\s+of\s+", "", right)).strip()
        adjective = STATE_ADJECTIVES.get(state)
        if adjective is None:
            return None
        words = ["the", adjective, *title]
        found = self._resolve_role(pos, " ".join(words), words)
        if found is not None:
            return found
        # No antecedent: the office is the best name the text gives, and it is a person.
        name = _ARTICLE.sub("", left).strip() + " of " + re.sub(r"^\s+of\s+", "", right).strip()
        return Entity(name, "person", NATIONALITIES.get(adjective, ""), title_gender(title),
                      frozenset(title))

    def _name_like(self, word: str) -> bool:
        """A lone capitalised word right before a cue ("Varga said") is taken as a surname."""
        return word[:1].isupper() and fold(word) not in NATIONALITIES and word not in FUNCTION_CAPS \
            and word not in INSTITUTION_HEADS and len(word) > 1

    def _resolve_role(self, pos: int, low: str, words: list[str], *,
                      principal: bool = False) -> Entity | None:
        cands = self.actors.by_role(low, year=self.year)
        if cands:
            actor = cands[0] if len(cands) == 1 else self._pick(cands, pos)
            if actor is not None:
                return self._entity_for(actor)
        body = [w for w in words if w not in DETERMINERS]
        nationality = nationality_of(body)
        if body and body[-1].capitalize() in INSTITUTION_HEADS and words[0] == "the":
            # "the ministry said": the latest institution of that kind.
            head = body[-1]
            inst = self._recent(pos + 1, lambda e: e.type == "institution"
                                and head in fold(e.name).split())
            if inst is not None:
                return inst
        core = [w for w in body if w not in NATIONALITIES and w not in ("top", "senior", "former")]
        key = " ".join(core)
        needed = GENERIC_ROLES.get(key) or (GENERIC_ROLES.get(core[-1]) if core else None)
        if key == "diplomat" and "top" in body:
            needed = GENERIC_ROLES["top diplomat"]
        if not needed:
            return None

        def ok(e: Entity) -> bool:
            if e.type != "person" or not (self.titles_of(e) & needed):
                return False
            return not nationality or not e.affiliation or e.affiliation == nationality
        # "The President" / "the Head of State", capitalised and bare, is the text's principal
        # (the president it names most, as an office's readout does its own), not whoever was
        # named last: a readout names the counterpart last.
        return self._principal(pos + 1, ok) if principal else self._recent(pos + 1, ok)


#: Institution names written out in the text ("The Norvessan Defence Ministry").
_INSTITUTION_PHRASE = re.compile(
    r"(?:\b[Tt]he\s+)?(?:[A-Z][\w’'.-]*\s+){0,4}(?:" + "|".join(sorted(INSTITUTION_HEADS - {"NATO", "House"}))
    + r")\b(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})?")
# The heads alone: a fast test (the regex engine skips ahead on their first letters) that
# spares the full phrase pattern, slow at every position, in most sentences.
_INSTITUTION_HEAD = re.compile(r"(?:" + "|".join(sorted(INSTITUTION_HEADS - {"NATO", "House"})) + r")\b")


# Title words as a trie (longest first at each branch), which the engine walks far faster
# than a flat list of alternatives.
_TITLE_ALT = r"(?:(?i:" + trie_regex(TITLE_WORDS) + r")|(?:" + trie_regex(TITLE_ABBREVIATIONS) + r")\.?)"
# "President of France Emmanuel Macron": the state may follow the title words.
_OF_STATE = (r"(?:\s+of\s+(?:the\s+)?(?:" + "|".join(sorted(
    {re.escape(s) for s in NATIONALITIES.values() if s[:1].isupper()} | {"Russian Federation"},
    key=len, reverse=True)) + r"))?")
#: A capitalised word that is not a function word ("The", "In", "Monday").
_CAP_WORD = r"(?!(?:" + "|".join(sorted(FUNCTION_CAPS)) + r")\b)[A-Z][\w’'-]*"
_TITLE_NAME = re.compile(
    r"(?<![\w’'-])(" + _TITLE_ALT + r"(?:\s+" + _TITLE_ALT + r")*" + _OF_STATE + r")\s+"
    r"(" + _CAP_WORD + r"(?:\s+" + _CAP_WORD + r")*)")
#: A title followed by a chain of bodies it belongs to, the name last: "President of the Republic
#: of Serbia Aleksandar Vucic", "Director of the Diplomatic Cabinet of the Prime Minister of the
#: Hellenic Republic Eleni Sourani". Official readouts introduce foreign officials this way
#: (the press corpus's dev errors: counterparts so introduced were never found as people, so
#: "the two leaders" had no second participant). Group 2 is the capitalised run after the last
#: "of [the]", which ends in the name; :meth:`MentionResolver.resolve` splits it.
_TITLE_CHAIN = re.compile(
    r"(?<![\w’'-])(" + _TITLE_ALT + r"(?:\s+(?:and\s+)?" + _TITLE_ALT + r")*"
    r"(?:\s+(?:of|to)\s+(?:the\s+)?" + _CAP_WORD + r"(?:\s+" + _CAP_WORD + r")*)*?)"
    r"\s+(?:of|to)\s+(?:the\s+)?(" + _CAP_WORD + r"(?:\s+" + _CAP_WORD + r")+)(?![\w’'-])(?!\s+(?:of|to)\s+(?:the\s+)?[A-Z])")
_ABBREV_END = re.compile(r"(?:" + "|".join(sorted(TITLE_ABBREVIATIONS)) + r")\.?$")
