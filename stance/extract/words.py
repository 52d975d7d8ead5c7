"""Words that name speakers in news prose, and what they tell about a noun phrase.

The word lists are the project's own, written from AP/Reuters wire conventions for naming
speakers ("Title Name", "the <nationality> <office>"); nationalities, capitals and state names
are data, in ``stance/resources/places.tsv``. Extend them there and here, not in the rules of
:mod:`stance.extract.mentions` and :mod:`stance.extract.attribute`, which read them.
:func:`nationality_of`, :func:`title_gender` and :func:`is_name_word` read a phrase's words
against them.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..paths import resource_text
from ..text.normalize import fold

__all__ = [
    "CAPITALS", "DETERMINERS", "DOCUMENT_NOUNS", "FEMALE_TITLES", "FUNCTION_CAPS", "GENERIC_ROLES",
    "GROUP_NOUNS", "INSTITUTION_HEADS", "JOINT_NOUNS", "LOWER_INSTITUTION_HEADS", "MALE_TITLES",
    "NATIONALITIES", "OBJECT_PRONOUNS", "PERSON_HEADS", "PLACE_HEADS", "PRONOUNS",
    "STATE_ADJECTIVES", "TITLE_ABBREVIATIONS", "TITLE_WORDS", "is_name_word", "nationality_of",
    "title_gender",
]

#: Lower-case words that may stand inside a speaker's noun phrase before or after a name.
TITLE_WORDS = frozenset(
    """president prime minister foreign defence defense interior finance deputy secretary
    general state spokesman spokeswoman spokesperson press leader chief head top senior
    former ambassador envoy diplomat chancellor commander chairman chairwoman chair governor
    mayor senator lawmaker representative congressman congresswoman king queen pope
    official adviser advisor aide director commissioner negotiator premier counterpart
    extraordinary plenipotentiary
    vice acting security national foreign-policy military army navy staff joint chiefs
    permanent representative special high parliament speaker member politician opposition
    candidate activist analyst expert coordinator minister's secretary-general vice-president
    judge justice prosecutor attorney student professor researcher economist lawyer
    journalist editor correspondent reporter executive ceo founder owner chairperson
    dissident blogger colonel major captain lieutenant sergeant admiral marshal brigadier
    corporal private commodore""".split()
)
#: Head nouns of a description that names one person ("a Defence Ministry spokesman").
PERSON_HEADS = frozenset("""spokesman spokeswoman spokesperson minister official adviser advisor
    aide ambassador diplomat envoy president leader chief commander general secretary
    negotiator director chancellor premier governor mayor senator lawmaker representative
    analyst expert activist politician candidate officer""".split())
#: Abbreviated titles that stand before a name.
TITLE_ABBREVIATIONS = frozenset(
    "Gen Lt Col Maj Capt Sgt Adm Sen Rep Gov Dr Mr Mrs Ms Prof Amb Pres Cmdr Brig".split()
)
#: Head nouns of institutions: a noun phrase ending in one of them names an institution.
INSTITUTION_HEADS = frozenset(
    """Ministry Department Office Kremlin Pentagon House Government Council Commission Agency
    Parliament Assembly Embassy Service Army Navy Forces Party Union Court Committee Cabinet
    Secretariat Command Headquarters Presidency Administration Duma Rada Senate Congress
    Bundestag Sejm Bank Fund Organization Organisation Alliance NATO Staff Bureau Directorate
    Guard Police Mission Delegation Authority Institute Centre Center Corporation Company
    Network Times Post Journal Gazette Radio Television Channel Broadcasting Movement
    Front Coalition Federation Courts Tribunal Prosecutor Inspectorate Board Chamber""".split()
)
#: Plural nouns that name a group of unnamed speakers.
GROUP_NOUNS = frozenset(
    """officials analysts diplomats experts critics sources observers lawmakers residents
    witnesses protesters authorities spokespeople leaders ministers allies governments
    officers commanders activists politicians legislators senators members envoys people
    representatives investigators prosecutors associates supporters opponents voters
    citizens demonstrators journalists scientists doctors parties sides interlocutors
    presidents""".split()
)
#: Group nouns that name the parties of a meeting or call ("The leaders agreed that …",
#: "The interlocutors noted …"): in a readout they are its named participants.
JOINT_NOUNS = frozenset("leaders presidents parties sides interlocutors counterparts".split())
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
    # Official readouts name their principal by office ("The Head of State noted"); the
    # title words an antecedent must carry are those of the offices the phrase names.
    "head of state": {"president", "king", "queen", "monarch"},
    "head of government": {"prime", "premier", "chancellor"},
}
def _places() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Nationalities, capitals and state names from ``stance/resources/places.tsv``."""
    tables: dict[str, dict[str, str]] = {"nationality": {}, "capital": {}, "state_name": {}}
    rows = [line for line in resource_text("places.tsv").splitlines()
            if line and not line.startswith("#")]
    for n, line in enumerate(rows[1:], start=2):
        word, kind, value = line.split("\t")
        if kind not in tables:
            raise ValueError(f"stance/resources/places.tsv, row {n}: kind {kind!r} is not one of "
                             f"{', '.join(tables)}")
        tables[kind][word] = value
    return tables["nationality"], tables["capital"], tables["state_name"]


#: Nationality adjectives in roles ("the Polish prime minister") and the affiliation they imply;
#: capitals that stand for their state as speakers ("Moscow said", "Kyiv insisted"); and state
#: names as written after "of" ("the President of Russia"), each with the adjective of
#: NATIONALITIES, so that "the <title> of <state>" resolves as "the <adjective> <title>".
NATIONALITIES, CAPITALS, _STATE_NAMES = _places()
STATE_ADJECTIVES: dict[str, str] = {}
for _adj, _state in NATIONALITIES.items():
    STATE_ADJECTIVES.setdefault(_state.lower(), _adj)
STATE_ADJECTIVES.update(_STATE_NAMES)
#: Titles that reveal a person's gender, for he/she when the registry does not know it.
FEMALE_TITLES = frozenset("spokeswoman chairwoman congresswoman queen mrs ms madam businesswoman".split())
MALE_TITLES = frozenset("spokesman chairman congressman king mr businessman".split())
#: Determiners and possessives allowed at the start of a speaker noun phrase.
DETERMINERS = frozenset("the a an his her its their our".split())
#: Subject pronouns, with the gender that "he" and "she" refer to.
PRONOUNS = {"he": "m", "she": "f", "it": None, "they": None, "we": None, "i": None}
#: Object pronouns as a whole phrase ("according to him"), with their subject form.
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
#: Capitalised words that are not names: function words, months and days.
FUNCTION_CAPS = frozenset(
    """The A An In On At As But And Or For From By With After Before During Speaking Meanwhile
    However Also Earlier Later While When Since Then Now Still Yet Instead Today Yesterday Last
    This That These Those Some Many Several Other Others One Two Three Both Each Every Such
    Although Though Because If Despite Amid Under Over Asked It He She They We I His Her Their
    Its Our There Here What Why How Who Whom Which Where Nor So Not No Only Just Even
    Having Being
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())
#: Nouns of a body's document, which speaks for the body ("the CIA report said").
DOCUMENT_NOUNS = frozenset("report statement probe inquiry investigation study communique "
                           "communiqué review".split())
#: Words that end an organisation's or place's name inside a longer phrase.
PLACE_HEADS = frozenset("Nations States Kingdom Union Republic Federation House Council".split())
#: Institution heads that news prose writes in lower case after a nationality ("the German
#: government", "the Russian military"); capitalised heads are in INSTITUTION_HEADS.
LOWER_INSTITUTION_HEADS = frozenset("government ministry military army navy parliament "
                                     "cabinet administration embassy presidency".split())
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’\-]*\.?$")


def title_gender(words: Iterable[str]) -> str | None:
    """The gender a title among ``words`` reveals ("spokeswoman": "f"), else None."""
    ws = {w.lower().rstrip(".") for w in words}
    if ws & FEMALE_TITLES:
        return "f"
    if ws & MALE_TITLES:
        return "m"
    return None


def is_name_word(word: str) -> bool:
    """Whether ``word`` can be part of a name: letters first, and not a function word."""
    return bool(_NAME_WORD.match(word)) and word not in FUNCTION_CAPS


def nationality_of(words: Iterable[str]) -> str:
    """The affiliation the first nationality or state among ``words`` implies, else ""."""
    for w in words:
        w = fold(w)
        w = w[:-2] if w.endswith("'s") else w
        aff = NATIONALITIES.get(w) or NATIONALITIES.get(STATE_ADJECTIVES.get(w, ""))
        if aff:
            return aff
    return ""
