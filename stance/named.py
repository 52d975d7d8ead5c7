"""Ordered lists of named units (the stance rules, the attribution passes) and switching some off.

A unit is any object with a ``name``; the order of the list is the order the units run in.

>>> from collections import namedtuple
>>> Unit = namedtuple("Unit", "name")
>>> units = (Unit("a"), Unit("b"), Unit("c"))
>>> names(switched_off(units, ("b",), "rule"))
('a', 'c')
"""
from __future__ import annotations

from typing import Iterable, Sequence, TypeVar

__all__ = ["names", "switched_off"]

U = TypeVar("U")


def names(units: Iterable) -> tuple[str, ...]:
    """The names of ``units``, in order."""
    return tuple(u.name for u in units)


def switched_off(units: Iterable[U], off: Sequence[str], kind: str) -> tuple[U, ...]:
    """``units`` without those named in ``off``, order kept.

    Raises
    ------
    ValueError
        For a name that is not one of the units (``kind`` says what they are, for the message),
        so that a typo does not pass silently.
    """
    units = tuple(units)
    kinds = kind + ("es" if kind.endswith("s") else "s")
    unknown = sorted(set(off) - set(names(units)))
    if unknown:
        raise ValueError(f"no {kind} named {', '.join(map(repr, unknown))}; the {kinds} are "
                         f"{', '.join(names(units))}")
    return tuple(u for u in units if u.name not in off)
