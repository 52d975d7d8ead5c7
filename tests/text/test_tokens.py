"""The one tokenisation (stance.text.tokens): offsets, the shapes it keeps whole, the views."""
import doctest

import pytest

from stance.text import tokens
from stance.text.tokens import QUOTE_MARKS, iter_tokens, words

TEXT = "“Velmar’s envoy won't sign,” said O'Dell -- the de-escalation talks cost 1,250.5 crowns."


def test_doctests():
    assert doctest.testmod(tokens).failed == 0


def test_offsets_point_into_the_text_and_do_not_overlap():
    toks = list(iter_tokens(TEXT))
    assert all(TEXT[t.start:t.end] == t.text for t in toks)
    assert all(a.end <= b.start for a, b in zip(toks, toks[1:]))


@pytest.mark.parametrize("whole", ["won't", "O'Dell", "--", "de-escalation", "1,250.5"])
def test_shapes_kept_as_one_token(whole):
    assert whole in [t.text for t in iter_tokens(TEXT)]


def test_possessive_is_its_own_token():
    texts = [t.text for t in iter_tokens(TEXT)]
    assert texts[texts.index("Velmar") + 1] == "’s"


def test_a_window_keeps_document_offsets():
    start = TEXT.index("said")
    toks = list(iter_tokens(TEXT, start, start + len("said O'Dell")))
    assert [t.text for t in toks] == ["said", "O'Dell"] and toks[0].start == start


def test_the_scorer_view_drops_quotation_marks_only():
    all_texts = [t.text for t in iter_tokens(TEXT)]
    view = [t.text for t in words(TEXT)]
    assert view == [w for w in all_texts if w not in QUOTE_MARKS]
    assert "“" in all_texts and "“" not in view and "," in view
