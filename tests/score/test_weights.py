"""The lexicon scorer's weights, windows and thresholds (stance.score.weights): each has a doc
comment, and each keeps the sign, range and order its comment promises."""
import ast
import inspect
import re

import pytest

from stance.score import weights

SOURCE = inspect.getsource(weights)
CONSTANTS = {name: value for name, value in vars(weights).items() if name.isupper()}
WINDOWS = sorted(n for n in CONSTANTS if n.endswith(("_WINDOW", "_GAP")))
WEIGHTS = sorted(n for n in CONSTANTS if n.endswith("_WEIGHT"))


def doc_comments():
    """Name -> the ``#:`` comment above it; a constant right after another (blank lines
    between) shares the comment of the group it closes."""
    lines = SOURCE.splitlines()
    out = {}
    for node in ast.parse(SOURCE).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            k = node.lineno - 2
            while k >= 0 and (not lines[k].strip() or re.match(r"[A-Z_]+ = ", lines[k])):
                k -= 1
            block = []
            while k >= 0 and lines[k].startswith("#:"):
                block.insert(0, lines[k][2:].strip())
                k -= 1
            out[node.targets[0].id] = " ".join(block)
    return out


COMMENTS = doc_comments()


def test_every_constant_is_a_number_with_a_doc_comment():
    assert set(COMMENTS) == set(CONSTANTS)
    for name, value in CONSTANTS.items():
        assert isinstance(value, (int, float)) and not isinstance(value, bool), name
        assert COMMENTS[name], f"{name} has no #: comment"


@pytest.mark.parametrize("name", WINDOWS)
def test_windows_are_positive_token_counts(name):
    value = CONSTANTS[name]
    assert isinstance(value, int) and value > 0


@pytest.mark.parametrize("name", WINDOWS)
def test_a_window_holds_the_example_its_comment_counts(name):
    # "("Moscow has no plans to invade" = 4)": the example must fit, or the rule misses it.
    examples = [int(n) for n in re.findall(r"(?:=|:) (\d+)\)", COMMENTS[name])]
    assert all(n <= CONSTANTS[name] for n in examples), (name, examples)


@pytest.mark.parametrize("name", WEIGHTS)
def test_weights_are_shares_of_a_cue(name):
    assert 0 < CONSTANTS[name] <= 1


def test_thresholds_scales_and_shares():
    assert 0 < weights.FAVOR_THRESHOLD < 1 and 0 < weights.AGAINST_THRESHOLD < 1
    for name in ("NEGATED_FLIP", "DENIAL_FAVOR", "FALLBACK_SCALE", "CLAUSE_FALLBACK_CAP"):
        assert 0 < CONSTANTS[name] < 1, name
    for name in ("VADER_SCALE", "FALLBACK_DECAY", "CLAUSE_FALLBACK_SCALE"):
        assert CONSTANTS[name] > 0, name
    assert -1 < weights.FALLBACK_NEGATION < 0        # a negated word flips, and weakens


def test_the_orders_the_comments_state():
    assert weights.LOOSE_AGENT_WEIGHT < weights.AGENT_WEIGHT          # "weaker"
    assert weights.DEMAND_WEIGHT < weights.VERB_OBJECT_WEIGHT         # "below a verdict"
    assert weights.WILLING_WEIGHT < weights.VERB_OBJECT_WEIGHT
    assert weights.REFUSED_WEIGHT < weights.REFUSAL_WEIGHT
    assert weights.CAUSE_WEIGHT < weights.AGENT_WEIGHT
    assert weights.PRONOUN_WEIGHT < 1                                 # "a little less"
    assert weights.NEGATION_WINDOW < weights.DENIAL_WINDOW            # "reach further"
    assert weights.CLAUSE_FALLBACK_CAP <= 0.3                         # "below |0.3|"
