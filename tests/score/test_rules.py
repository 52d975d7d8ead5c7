"""The rule registry (stance.score.rules): RULES, rule_names and without."""
import doctest
import pickle

import pytest

from stance.score import rules as rules_module
from stance.score.rules import RULES, rule_names, without


def test_doctests():
    assert doctest.testmod(rules_module).failed == 0


def test_rules_switch_off_by_name_and_refuse_unknown_names():
    assert "demand" not in rule_names(without("demand"))
    assert len(without("demand")) == len(RULES) - 1
    with pytest.raises(ValueError, match="no rule named 'demnad'"):
        without("demnad")


def test_every_rule_is_named_once_and_documented():
    names = rule_names()
    assert len(set(names)) == len(names) == len(RULES)
    for rule in RULES:
        assert rule.evidence and all(rule.evidence), rule.name
        assert rule.provenance.strip(), rule.name


def test_rules_pickle_for_worker_processes():
    # Rules travel to worker processes; their functions must be module-level.
    assert rule_names(pickle.loads(pickle.dumps(RULES))) == rule_names()


def test_without_keeps_the_order_and_reads_a_given_rule_list():
    assert without() == RULES
    kept = without("demand", "copula")
    assert rule_names(kept) == tuple(n for n in rule_names() if n not in {"demand", "copula"})
    assert rule_names(without(kept[0].name, rules=kept[:3])) == rule_names(kept[1:3])
    with pytest.raises(ValueError, match="no rule named 'copula'"):
        without("copula", rules=kept)


def test_switching_a_rule_off_silences_its_evidence():
    from stance.score import score_mention
    text = "Officials urged Borduria to withdraw its troops."
    start = text.index("Borduria")
    on = score_mention(text, start, start + len("Borduria"))
    off = score_mention(text, start, start + len("Borduria"), rules=without("demand"))
    assert on.label == "against" and "demand" in on.evidence
    assert "demand" not in off.evidence
