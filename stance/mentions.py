"""Stage 4, find mentions: who is referred to, and how, inside one document.

A :class:`MentionResolver` reads a document sentence by sentence and keeps a small memory:
every person, institution or group named so far (registry names, "Title Firstname Lastname"
for people not in the registry, surnames after a first mention), and the *salient* entities
(speakers and sentence subjects) that pronouns refer back to. Noun phrases handed to
:meth:`MentionResolver.resolve` become :class:`Entity` records: the same actor whichever way
the text names it (full name, surname, title, role description, pronoun).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from .registry import Actor, ActorRegistry

# ---------------------------------------------------------------------------------------------
# Word lists. All are the project's own, written from AP/Reuters wire conventions for naming
# speakers ("Title Name", "the <nationality> <office>"); extend them here, not in the rules.

#: Lower-case words that may stand inside a speaker's noun phrase before or after a name.
TITLE_WORDS = frozenset(
    """president prime minister foreign defence defense interior finance deputy secretary
    general state spokesman spokeswoman spokesperson press leader chief head top senior
    former ambassador envoy diplomat chancellor commander chairman chairwoman chair governor
    mayor senator lawmaker representative congressman congresswoman king queen pope
    official adviser advisor aide director commissioner negotiator premier counterpart
    vice acting security national foreign-policy military army navy staff joint chiefs
    permanent representative special high parliament speaker member politician opposition
    candidate activist analyst expert coordinator minister's""".split()
)
#: Abbreviated titles that stand before a name.
TITLE_ABBREVIATIONS = frozenset(
    "Gen Lt Col Maj Capt Sgt Adm Sen Rep Gov Dr Mr Mrs Ms Prof Amb Pres Cmdr Brig".split()
)
#: Head nouns of institutions: a noun phrase ending in one of them names an institution.
INSTITUTION_HEADS = frozenset(
    """Ministry Department Office Kremlin Pentagon House Government Council Commission Agency
    Parliament Assembly Embassy Service Army Navy Forces Party Union Court Committee Cabinet
    Secretariat Command Headquarters Presidency Administration Duma Rada Senate Congress
    Bundestag Sejm Bank Fund Organization Organisation Alliance NATO""".split()
)
#: Plural nouns that name a group of unnamed speakers.
GROUP_NOUNS = frozenset(
    """officials analysts diplomats experts critics sources observers lawmakers residents
    witnesses protesters authorities spokespeople leaders ministers allies governments
    officers commanders activists politicians legislators senators members envoys people
    representatives investigators prosecutors""".split()
)
#: Generic roles ("the minister") and the title words an antecedent must carry to match.
GENERIC_ROLES = {
    "president": {"president"},
    "prime minister": {"prime", "premier"},
    "premier": {"prime", "premier"},
    "minister": {"minister"},
    "foreign minister": {"foreign"},
    "defence minister": {"defence", "defense"},
    "defense minister": {"defence", "defense"},
    "leader": {"president", "prime", "premier", "chancellor", "leader", "king", "queen"},
    "chancellor": {"chancellor"},
    "diplomat": {"diplomat", "foreign", "ambassador", "envoy", "secretary", "minister"},
    "top diplomat": {"foreign", "secretary", "diplomat"},
    "ambassador": {"ambassador", "envoy"},
    "envoy": {"envoy", "ambassador"},
    "general": {"general", "gen", "commander", "chief"},
    "commander": {"commander", "general", "gen"},
    "spokesman": {"spokesman", "spokesperson"},
    "spokeswoman": {"spokeswoman", "spokesperson"},
    "spokesperson": {"spokesman", "spokeswoman", "spokesperson"},
    "secretary": {"secretary"},
    "secretary-general": {"secretary-general", "secretary"},
    "official": {"official", "adviser", "advisor", "aide", "spokesman", "spokeswoman"},
    "senator": {"senator", "sen"},
    "governor": {"governor", "gov"},
    "mayor": {"mayor"},
    "chief": {"chief", "head"},
}
#: Nationality adjectives in roles ("the Polish prime minister") and the affiliation they imply.
NATIONALITIES = {
    "russian": "Russia", "ukrainian": "Ukraine", "american": "United States",
    "u.s.": "United States", "us": "United States", "british": "United Kingdom",
    "french": "France", "german": "Germany", "polish": "Poland", "hungarian": "Hungary",
    "estonian": "Estonia", "latvian": "Latvia", "lithuanian": "Lithuania",
    "belarusian": "Belarus", "chinese": "China", "turkish": "Turkey", "italian": "Italy",
    "finnish": "Finland", "swedish": "Sweden", "nato": "NATO", "eu": "European Union",
    "european": "European Union", "kremlin": "Russia", "canadian": "Canada",
    "georgian": "Georgia", "moldovan": "Moldova", "romanian": "Romania", "czech": "Czech Republic",
    "slovak": "Slovakia", "dutch": "Netherlands", "spanish": "Spain", "danish": "Denmark",
    "norwegian": "Norway", "iranian": "Iran", "israeli": "Israel", "japanese": "Japan",
}
#: Titles that reveal a person's gender, for he/she when the registry does not know it.
_FEMALE_TITLES = frozenset("spokeswoman chairwoman congresswoman queen mrs ms madam businesswoman".split())
_MALE_TITLES = frozenset("spokesman chairman congressman king mr businessman".split())
#: Determiners and possessives allowed at the start of a speaker noun phrase.
DETERMINERS = frozenset("the a an his her its their our".split())
PRONOUNS = {"he": "m", "she": "f", "it": None, "they": None, "we": None, "i": None}
_FUNCTION_CAPS = frozenset("The A An In On At As But And Or For From By With After Before During "
                           "Speaking Meanwhile However Also Earlier Later While When".split())

_TOKEN = re.compile(r"\w+(?:[.’'\-]\w+)*\.?|[^\w\s]")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip diacritics, so "Orbán" and "ORBAN" compare equal."""
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c)).lower().replace("’", "'")


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark with its offsets."""

    start: int
    end: int
    text: str

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text[start:end]`` into tokens whose offsets point into ``text``.

    A trailing period stays on a token only for abbreviations ("U.S.", "Gen."), never on
    the last word of a sentence.
    """
    end = len(text) if end is None else end
    out = []
    for m in _TOKEN.finditer(text, start, end):
        s, e, w = m.start(), m.end(), m.group()
        if w.endswith(".") and len(w) > 1:
            stem = w[:-1]
            if not ("." in stem or stem in TITLE_ABBREVIATIONS or len(stem) == 1):
                out.append(Token(s, e - 1, stem))
                out.append(Token(e - 1, e, "."))
                continue
        out.append(Token(s, e, w))
    return out


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


def _actor_entity(actor: Actor) -> Entity:
    words = set()
    for t in tuple(actor.titles) + tuple(actor.roles):
        words.update(fold(t).replace(".", " ").split())
    return Entity(actor.name, actor.type, actor.affiliation or "", actor.gender,
                  frozenset(words), True)


def _title_gender(words: Iterable[str]) -> str | None:
    ws = {w.lower().rstrip(".") for w in words}
    if ws & _FEMALE_TITLES:
        return "f"
    if ws & _MALE_TITLES:
        return "m"
    return None


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
        self.seen: list[tuple[int, Entity]] = []
        self.salient: list[tuple[int, Entity]] = []
        self._by_surname: dict[str, Entity] = {}
        self._by_name: dict[str, Entity] = {}
        self._actor_entities: dict[str, Entity] = {}

    # -- memory -----------------------------------------------------------------------------
    def _entity_for(self, actor: Actor) -> Entity:
        ent = self._actor_entities.get(actor.name)
        if ent is None:
            ent = self._actor_entities[actor.name] = _actor_entity(actor)
        return ent

    def remember(self, pos: int, entity: Entity) -> None:
        """Record that ``entity`` is mentioned at ``pos`` (for roles and surnames later)."""
        self.seen.append((pos, entity))
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
                cands = self.actors.lookup(m.group())
                if len(cands) == 1 or (cands and self._pick(cands, m.start())):
                    actor = cands[0] if len(cands) == 1 else self._pick(cands, m.start())
                    found.append(Mention(m.start(), m.end(), m.group(),
                                         self._entity_for(actor), "name"))
        taken = [(f.start, f.end) for f in found]
        for np in self._title_name_phrases(start, end):
            if any(a < np[1] and np[0] < b for a, b in taken):
                continue
            mention = self.resolve(np[0], np[1], remember=False)
            if mention is not None and mention.entity.type == "person":
                found.append(mention)
        found.sort(key=lambda f: f.start)
        for f in found:
            self.remember(f.start, f.entity)
        return found

    def _title_name_phrases(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of "Title Firstname Lastname" (a title word, then two or more capitalised words)."""
        toks = tokenize(self.text, start, end)
        spans = []
        i = 0
        while i < len(toks):
            j = i
            while j < len(toks) and (fold(toks[j].text) in TITLE_WORDS
                                     or toks[j].text.rstrip(".") in TITLE_ABBREVIATIONS):
                j += 1
            if j > i:
                k = j
                while k < len(toks) and toks[k].is_cap and _is_name_word(toks[k].text):
                    k += 1
                if k - j >= 2 or (k - j == 1 and toks[i].text.rstrip(".") in TITLE_ABBREVIATIONS):
                    spans.append((toks[i].start, toks[k - 1].end))
                    i = k
                    continue
            i += 1
        return spans

    # -- resolution -------------------------------------------------------------------------
    def _pick(self, actors: Sequence[Actor], pos: int) -> Actor | None:
        """Among several registry actors, the one most recently mentioned, else the office
        holder of the document's year, else None (ambiguous)."""
        names = {a.name for a in actors}
        for p, ent in reversed(self.seen):
            if p <= pos and ent.name in names:
                return next(a for a in actors if a.name == ent.name)
        if self.year is not None:
            dated = [a for a in actors
                     if (a.since is None or a.since <= self.year)
                     and (a.until is None or self.year <= a.until)]
            if len(dated) == 1:
                return dated[0]
        return None

    def _recent(self, pos: int, ok) -> Entity | None:
        for p, ent in reversed(self.seen):
            if p < pos and ok(ent):
                return ent
        return None

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

    def resolve(self, start: int, end: int, *, remember: bool = True) -> Mention | None:
        """Resolve the noun phrase ``text[start:end]`` to an entity, or None.

        Tried in order: pronoun, registry name, institution, "Title Name" or surname,
        registry role description, generic role, group noun.
        """
        phrase = self.text[start:end].strip()
        if not phrase:
            return None
        m = self._resolve(start, end, phrase)
        if m is not None and remember:
            self.remember(m.start, m.entity)
        return m

    def _resolve(self, start: int, end: int, phrase: str) -> Mention | None:
        low = fold(phrase)
        words = low.replace(",", " ").split()
        if low in PRONOUNS:
            ent = self.resolve_pronoun(start, low)
            return Mention(start, end, phrase, ent, "pronoun") if ent else None
        bare = re.sub(r"^(the|a|an)\s+", "", phrase, flags=re.I)
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
        if toks and toks[-1] in INSTITUTION_HEADS and not any(w in GROUP_NOUNS for w in words):
            name = bare
            ent = self._by_name.get(fold(name)) or Entity(name, "institution", _nationality(words))
            return Mention(start, end, phrase, ent, "institution")
        names = [t for t in toks if t[:1].isupper() and _is_name_word(t)
                 and fold(t) not in NATIONALITIES and fold(t) not in TITLE_WORDS
                 and t.rstrip(".") not in TITLE_ABBREVIATIONS and t not in _FUNCTION_CAPS]
        if names:
            # The name is the run of capitalised words at the end of the phrase.
            i = len(toks)
            while i > 0 and toks[i - 1] in names:
                i -= 1
            run = toks[i:]
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
                if len(run) >= 2 or title_words:
                    ent = Entity(full, "person", _nationality(title_words), _title_gender(title_words),
                                 frozenset(title_words))
                    return Mention(start, end, phrase, ent, "title+name")
        role = self._resolve_role(start, low, words)
        if role is not None:
            return Mention(start, end, phrase, role, "role")
        if words and words[-1] in GROUP_NOUNS:
            name = re.sub(r"^(the|a|an|some|several|two|three|many)\s+", "", phrase, flags=re.I)
            return Mention(start, end, phrase, Entity(name, "group", _nationality(words)), "group")
        return None

    def _resolve_role(self, pos: int, low: str, words: list[str]) -> Entity | None:
        cands = self.actors.by_role(low)
        if cands:
            actor = cands[0] if len(cands) == 1 else self._pick(cands, pos)
            if actor is not None:
                return self._entity_for(actor)
        body = [w for w in words if w not in DETERMINERS]
        nationality = _nationality(body)
        core = [w for w in body if w not in NATIONALITIES and w not in ("top", "senior", "former")]
        key = " ".join(core)
        needed = GENERIC_ROLES.get(key) or (GENERIC_ROLES.get(core[-1]) if core else None)
        if key == "diplomat" and "top" in body:
            needed = GENERIC_ROLES["top diplomat"]
        if not needed:
            return None

        def ok(e: Entity) -> bool:
            if e.type != "person" or not (e.titles & needed):
                return False
            return not nationality or not e.affiliation or e.affiliation == nationality
        return self._recent(pos + 1, ok)


def _is_name_word(word: str) -> bool:
    return bool(re.match(r"^[^\W\d_][\w'’\-]*\.?$", word)) and word not in _FUNCTION_CAPS


def _nationality(words: Iterable[str]) -> str:
    for w in words:
        w = fold(w)
        aff = NATIONALITIES.get(w[:-2] if w.endswith("'s") else w)
        if aff:
            return aff
    return ""
