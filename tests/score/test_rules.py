"""The rule registry (stance.score.rules): RULES, rule_names and without."""
import pytest


def test_rules_switch_off_by_name_and_refuse_unknown_names():
    from stance.score.rules import RULES, rule_names, without
    assert "demand" not in rule_names(without("demand"))
    assert len(without("demand")) == len(RULES) - 1
    with pytest.raises(ValueError, match="no rule named 'demnad'"):
        without("demnad")
