"""What the speaker word lists tell about a noun phrase (stance.extract.words): a title's
gender, whether a word can be part of a name, the affiliation a nationality implies."""
import pytest

from stance.extract import words
from stance.extract.words import is_name_word, nationality_of, title_gender


@pytest.mark.parametrize("phrase, expected", [
    (["the", "Spokeswoman"], "f"),
    (["Mrs.", "Ilse", "Marr"], "f"),
    (["Mr.", "Arlo", "Penn"], "m"),
    (["a", "ministry", "spokesman"], "m"),
    (["Foreign", "Minister", "Ines", "Marr"], None),
    ([], None),
])
def test_title_gender(phrase, expected):
    assert title_gender(phrase) == expected


@pytest.mark.parametrize("word, expected", [
    ("Penn", True), ("O'Dell", True), ("Marr-Lind", True), ("Gen.", True), ("Ærø", True),
    ("The", False), ("Monday", False), ("However", False), ("9th", False), ("_x", False),
    ("-Penn", False), ("", False),
])
def test_is_name_word(word, expected):
    assert is_name_word(word) is expected


@pytest.mark.parametrize("phrase, expected", [
    (["the", "Polish", "prime", "minister"], "Poland"),
    (["Estonia's", "envoy"], "Estonia"),        # a state, possessive
    (["the", "president", "of", "finland"], "Finland"),
    (["the", "Russian", "Federation"], "Russia"),
    (["the", "ESTONIAN", "envoy", "and", "a", "Polish", "aide"], "Estonia"),   # the first one
    (["the", "Borduran", "envoy"], ""),          # fictional: no affiliation
    ([], ""),
])
def test_nationality_of(phrase, expected):
    assert nationality_of(phrase) == expected


def test_every_state_adjective_leads_back_to_a_nationality():
    for state, adjective in words.STATE_ADJECTIVES.items():
        assert adjective in words.NATIONALITIES, state
    assert all(state in words.STATE_ADJECTIVES
               for state in map(str.lower, words.NATIONALITIES.values()))


def test_gendered_titles_do_not_overlap_and_are_lower_case():
    assert not words.FEMALE_TITLES & words.MALE_TITLES
    for word in words.FEMALE_TITLES | words.MALE_TITLES | words.TITLE_WORDS:
        assert word == word.lower(), word
