"""The number policy: how a number given in any form becomes the exact number a verdict compares."""

from __future__ import annotations

from fractions import Fraction
from typing import Final

__all__ = ["FLOAT_DIGITS", "exact_float"]

#: Significant digits a binary float is read at.
FLOAT_DIGITS: Final = 12


def exact_float(value: float) -> Fraction:
    """A binary float read at :data:`FLOAT_DIGITS` significant digits: the precision people type
    and spreadsheets show, so that the noise of binary arithmetic (``0.57 * 100 ==
    56.99999999999999``) never decides a verdict."""
    return Fraction(format(value, f".{FLOAT_DIGITS}g"))
