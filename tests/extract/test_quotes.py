"""Quote pairing: mark styles, multi-paragraph quotes, unclosed and odd marks."""
import pytest

from stance.extract.quotes import find_quotes
from stance.text.segment import split_paragraphs


def _q(text):
    return [(text[q.start:q.end], q.closed, q.paragraphs) for q in find_quotes(text, split_paragraphs(text))]


@pytest.mark.parametrize("text, content", [
    ("“Curly,” she said.", "Curly,"),
    ('"Straight," she said.', "Straight,"),
    ("„Low-nine“, she said.", "Low-nine"),
    ("„Low-nine”, she said.", "Low-nine"),
    ("«Guillemets», she said.", "Guillemets"),
    ("»Reversed«, she said.", "Reversed"),
])
def test_mark_styles(text, content):
    assert _q(text)[0][:2] == (content, True)


def test_multi_paragraph_quote_continues():
    text = "“First part of the quote.\n\n“Second part,” he said."
    assert _q(text) == [("First part of the quote.\n\n“Second part,", True, 2)]


def test_unclosed_quote_closes_at_paragraph_end():
    text = "He said “this never ends.\n\nNext paragraph is narrative."
    (content, closed, n), = _q(text)
    assert content == "this never ends." and not closed and n == 1


def test_apostrophes_are_not_quotes():
    assert _q("Russia’s and Ukraine's leaders didn’t meet.") == []


def test_straight_quote_stray_closing_is_ignored():
    assert _q('A 5" gun and "a quote" here.') == [("a quote", True, 1)]


def test_offsets_point_inside_marks():
    text = "Intro “abc” end"
    q, = find_quotes(text, split_paragraphs(text))
    assert text[q.open] == "“" and text[q.close] == "”" and text[q.start:q.end] == "abc"
