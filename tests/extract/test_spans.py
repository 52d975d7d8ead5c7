"""Where a statement's parts begin and end: speaker noun phrases and trimmed content."""
import doctest

import pytest

from stance.extract import spans
from stance.extract.attribute import extract_statements
from stance.extract.tokens import tokenize
from stance.extract.spans import np_after, np_before, token_index, trim


def _toks(text):
    return tokenize(text, 0, len(text))


def _phrase(text, span):
    return text[span[0]:span[1]] if span is not None else None


def test_doctests():
    assert doctest.testmod(spans).failed == 0


@pytest.mark.parametrize("text, before", [
    ("Defence Minister Tomas Varga said", "Defence Minister Tomas Varga"),
    ("Tomas Varga has repeatedly denied", "Tomas Varga"),
    ("the Estonian government said", "the Estonian government"),
    ("He also said", "He"),
    ("The talks went well, the said", None),               # a determiner cannot end a phrase
])
def test_the_speaker_phrase_before_a_cue(text, before):
    toks = _toks(text)
    assert _phrase(text, np_before(text, toks, len(toks) - 1)) == before


@pytest.mark.parametrize("text, after", [
    ("said Defence Minister Tomas Varga.", "Defence Minister Tomas Varga"),
    ("tweeted former harbour official Ivo Tamm.", "former harbour official Ivo Tamm"),
    ("said he.", "he"),
])
def test_the_speaker_phrase_after_a_cue(text, after):
    assert _phrase(text, np_after(text, _toks(text), 1)) == after


@pytest.mark.parametrize("text, trimmed", [
    ("“The port stays closed,”", "The port stays closed"),
    ("  that the talks failed. ", "that the talks failed"),
    ("troops of the U.S.", "troops of the U.S."),
    ("a “peacemaking mission”", "a “peacemaking mission”"),   # a closing mark with its opener
])
def test_trim(text, trimmed):
    assert text[slice(*trim(text, 0, len(text)))] == trimmed


def test_token_index():
    toks = _toks("Mara Velt said it")
    assert token_index(toks, 5) == 1 and token_index(toks, 100) == len(toks)


def test_time_phrase_between_subject_and_cue(actors):
    text = "Ivo Tamm, the foreign minister, earlier this week remarked that talks should resume."
    found = [(s.speaker, s.text) for s in extract_statements("x", text, actors=actors)]
    assert found == [("Ivo Tamm", "talks should resume")]


def test_nationality_and_lower_case_institution_speaks(actors):
    text = "On Monday, the Estonian government said the border would stay open."
    found = [(s.speaker, s.text) for s in extract_statements("x", text, actors=actors)]
    assert found == [("Estonian government", "the border would stay open")]
