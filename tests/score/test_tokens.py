"""The lexicon scorer's view of a text (stance.score.tokens): tokens with offsets, clauses and
sentences, cues, negators and agent noun phrases. Text and names are fictional."""
import pytest

from stance.score.lexicon import Lexicon, LexiconEntry, load_lexicon
from stance.score.tokens import agent_np, agentive_name, analyse, ends_agentive, find_negator

TEXT = ("Gen. Arlo Penn won't condemn Borduria's troops, but Mr. Penn praised the U.S. envoy. "
        "Talks resume.")


@pytest.fixture(scope="module")
def t():
    return analyse(TEXT, load_lexicon())


def test_offsets_point_into_the_text(t):
    assert len(t.starts) == len(t.ends) == len(t.low) == len(t.clause) == len(t.sentence)
    for start, end, low in zip(t.starts, t.ends, t.low):
        assert TEXT[start:end].lower() == low
    assert t.words(0, 4) == "Gen. Arlo Penn"
    assert t.words(3, 3) == ""


def test_tokens_keep_negators_possessives_and_abbreviations_whole(t):
    assert "won't" in t.low and "u.s." in t.low
    k = t.low.index("borduria")
    assert t.low[k + 1] == "'s"
    assert t.low[:2] == ("gen", ".")


def test_an_abbreviation_period_ends_neither_clause_nor_sentence(t):
    assert t.sentence[t.low.index("penn")] == t.sentence[0] == 0
    assert t.clause[t.low.index("arlo")] == t.clause[0]
    mr = t.low.index("mr")
    assert t.clause[mr + 2] == t.clause[mr]              # "Mr. Penn" one clause
    assert t.sentence[t.low.index("talks")] == 1


def test_commas_and_but_open_clauses(t):
    troops, praised = t.low.index("troops"), t.low.index("praised")
    assert t.clause[praised] > t.clause[troops]
    assert t.sentence[praised] == t.sentence[troops]


def test_inflected_forms_reach_the_lemma(t):
    assert "praise" in t.forms[t.low.index("praised")]


def test_cues_are_found_and_indexed(t):
    lex = Lexicon([LexiconEntry("envoy", 0.0, "general"), LexiconEntry("talks", 0.3, "peace")])
    own = analyse(TEXT, lex)
    terms = [entry.term for _, _, entry in own.cues]
    assert terms == ["envoy", "talks"]
    for n, (i, j, _) in enumerate(own.cues):
        assert own.cue_start[i] == n and own.cue_end[j - 1] == n
        assert all(own.cue_cover[k] == n for k in range(i, j))
    assert own.cue_cover[0] == -1


def test_analyse_is_cached_per_text_and_lexicon(t):
    lexicon = load_lexicon()
    assert analyse(TEXT, lexicon) is analyse(TEXT, lexicon)


def test_find_negator_reaches_back_to_the_negator(t):
    condemn = t.low.index("condemn")
    assert find_negator(t, condemn) == t.low.index("won't")
    assert find_negator(t, t.low.index("praised")) is None


def test_agent_noun_phrases():
    assert ends_agentive("the Ruritanian forces") and not ends_agentive("Borduria")
    assert agentive_name("Ruritanian") and agentive_name("the Kremlin")
    assert not agentive_name("Borduria")
    t = analyse("Ruritanian troops crossed the river.", load_lexicon())
    assert agent_np(t, 1, "Ruritanian")          # the mention is token 0; "troops" follows
    assert not agent_np(t, 2, "Ruritanian")
