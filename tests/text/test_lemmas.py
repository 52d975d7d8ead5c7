import doctest

import pytest

from stance.score.lexicon import Lexicon, LexiconEntry
from stance.text import lemmas
from stance.text.lemmas import inflections


def test_doctests():
    assert doctest.testmod(lemmas).failed == 0


@pytest.mark.parametrize("word, lemma", [
    ("stopped", "stop"), ("invading", "invade"), ("supplies", "supply"), ("crises", "crisis"),
    # irregular forms, which suffix stripping cannot reach
    ("fought", "fight"), ("struck", "strike"), ("overran", "overrun"), ("sent", "send"),
    ("withdrew", "withdraw"), ("said", "say"), ("Began", "begin"),
])
def test_inflections_reach_the_lemma(word, lemma):
    forms = inflections(word)
    assert forms[0] == word.lower()
    assert lemma in forms


@pytest.mark.parametrize("word", ["'s", "u.s.", "100,000", "won't"])
def test_tokens_that_are_not_words_are_left_alone(word):
    assert inflections(word) == (word,)


def test_unknown_words_get_rule_based_lemmas():
    # A made-up verb: not in the dictionary, so the lemmatiser's own rules answer.
    assert "blorf" in inflections("blorfed")


def test_irregular_form_matches_a_lexicon_lemma():
    lex = Lexicon([LexiconEntry("overrun", -0.7, "hostile_act")])
    assert lex.lookup("overran").term == "overrun"
    assert lex.lookup("Overran").term == "overrun"
