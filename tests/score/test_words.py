"""The lexicon scorer's closed word classes (stance.score.words): matched against lower-cased
tokens and lemmas, so they must be written that way and agree with each other."""
import pytest

from stance.score import words
from stance.score.lexicon import FRAMES

WORD_SETS = {name: value for name, value in vars(words).items()
             if name.isupper() and isinstance(value, frozenset)}


def test_there_are_word_sets():
    assert len(WORD_SETS) > 30 and all(WORD_SETS.values())


@pytest.mark.parametrize("name", sorted(WORD_SETS))
def test_word_sets_are_lower_case(name):
    # analyse lower-cases every token before the rules compare it.
    assert all(w == w.lower() and w == w.strip() for w in WORD_SETS[name]), name


def test_phrases_and_particles_are_lower_case():
    for phrase in words.AGAINST_PHRASES + words.FAVOR_PHRASES:
        assert isinstance(phrase, tuple) and all(p == p.lower() for p in phrase)
    for table in (words.DEMAND_PARTICLES, words.DEESCALATE_PARTICLES, words.CAUSE_PARTICLES,
                  words.NEGATION_EXCEPTIONS):
        for key, values in table.items():
            assert key == key.lower() and all(v == v.lower() for v in values)


def test_stance_verbs_point_one_way():
    assert not words.AGAINST_VERBS & words.FAVOR_VERBS
    assert not words.ABANDON_VERBS & words.FAVOR_VERBS


def test_breaks():
    assert words.SENTENCE_BREAKS <= words.CLAUSE_BREAKS   # a sentence break ends a clause
    assert not words.CLAUSE_WORDS & words.CLAUSE_BREAKS


def test_negators_are_not_fallback_words():
    assert words.NEGATORS <= words.FALLBACK_IGNORE
    assert set(words.NEGATION_EXCEPTIONS) <= words.NEGATORS


def test_frame_prepositions():
    assert set(words.FRAME_PREPS) <= set(FRAMES)
    assert words.FRAME_PREPS["hostile_act"] is words.PATIENT_PREPS
    for preps in words.FRAME_PREPS.values():
        assert preps <= words.ALL_PREPS


def test_abbreviations_are_written_without_their_period():
    # analyse reads "Gen." as "gen" then "."; the list is matched against "gen".
    assert all("." not in a for a in words.ABBREVIATIONS)


def test_pronoun_classes_do_not_overlap():
    assert not words.FIRST_PERSON & words.SUBJECT_PRONOUNS
    assert not words.FIRST_PERSON & words.POSSESSIVE_PRONOUNS
