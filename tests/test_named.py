"""Ordered named units (stance.named): the shared shape of the rule and pass registries."""
import doctest
from collections import namedtuple

import pytest

from stance import named

Unit = namedtuple("Unit", "name")
UNITS = (Unit("first"), Unit("second"), Unit("third"))


def test_doctests():
    assert doctest.testmod(named).failed == 0


def test_switched_off_keeps_the_order_of_the_rest():
    assert named.names(named.switched_off(UNITS, ("second",), "pass")) == ("first", "third")
    assert named.switched_off(UNITS, (), "pass") == UNITS


def test_an_unknown_name_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match=r"no pass named 'fourth'; the passes are first, second"):
        named.switched_off(UNITS, ("fourth",), "pass")
