"""Helpers of the lexicon scorer's tests: find a mention in a text, score it, check a label."""
from stance.score import score_mention


def span(text, mention, nth=0):
    """Offsets of the nth occurrence of ``mention`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return start, start + len(mention)


def score(text, mention, nth=0, **kwargs):
    """score_mention of the nth occurrence of ``mention`` in ``text``."""
    start, end = span(text, mention, nth)
    return score_mention(text, start, end, **kwargs)


def check(result, expected):
    """Assert the label; ``"not against"`` accepts favor or neutral."""
    if expected == "not against":
        assert result.label != "against", result
    else:
        assert result.label == expected, result
