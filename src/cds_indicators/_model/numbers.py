"""The number policy: how a number given in any form becomes the exact number a verdict compares.

Every door (:func:`evaluate`, :func:`load_values` for TOML, JSON, CSV and XLSX, the columnar
evaluator, :func:`merge`, the command line) reads numbers through the two functions here, so one
number gets one reading whichever way it came in:

* **A binary float** — a Python ``float``, any NumPy floating scalar (``float16``, ``float32``,
  ``float64``, ``longdouble``, widened to a Python float first), a JSON or TOML number with a
  decimal point, an XLSX number cell, a float column of a data frame — is read by
  :func:`exact_float` at :data:`FLOAT_DIGITS` (12) significant digits: the precision people type
  and spreadsheets show, so that the noise of binary arithmetic (``0.57 * 100 ==
  56.99999999999999``) never decides a verdict. An XLSX cell formatted as a percentage is read
  the same way first, then multiplied by 100 exactly (``0.575`` shown as ``57,5%`` is 57.5 %).
* **Text and** :class:`~decimal.Decimal` are exact: ``"57,5"`` and ``Decimal("57.5")`` are
  57.5, digit for digit, read by :func:`exact_decimal`. Such a number may have at most
  :data:`MAX_DIGITS` (40) significant digits (leading and trailing zeros do not count), and its
  leading digit may stand at most :data:`MAX_EXPONENT` (400) places from the decimal mark either
  way; beyond that (``Decimal("1E-100000000")``, ``Decimal("1e999999999")``, 5000 digits of
  text) it is refused with a located problem instead of being expanded digit by digit. An
  ``int`` is held to the same magnitude, below 10^(:data:`MAX_EXPONENT` + 1), and the terms of
  a ``Fraction`` to those of any such number (:func:`too_long`); text to :data:`MAX_TEXT`
  characters, checked before it is read.
* **A whole number** (a count, a year in a cell) is read by :func:`whole_number`: an ``int``, a
  float (of any width) holding a whole number exactly (never read at 12 digits, which would
  change a count above a trillion), or at most :data:`MAX_DIGITS` ASCII digits of text.
* **Missing** (:func:`is_missing`): ``None``, NaN in any float type (Python, NumPy of any width,
  ``Decimal("NaN")``), pandas' ``NA`` and ``NaT``, and NumPy's ``NaT``. Infinity is not missing:
  it is refused as not finite.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from numbers import Integral, Real
from typing import Final, SupportsFloat

__all__ = ["FLOAT_DIGITS", "MAX_DIGITS", "MAX_EXPONENT", "MAX_TEXT", "WHOLE_LIMIT",
           "comma_grouped", "decimal_text", "exact_decimal", "exact_float", "is_binary_float",
           "is_missing", "too_long", "whole_number"]

#: Significant digits a binary float is read at.
FLOAT_DIGITS: Final = 12

#: Significant digits a number given as text or Decimal may have.
MAX_DIGITS: Final = 40
#: The largest power of ten (either way) of a number given as text or Decimal: room for every
#: float's reading (the smallest is about 5 × 10^-324), far from what expanding would hang on.
MAX_EXPONENT: Final = 400

#: Characters a value given as text may have: a cell longer than this is refused before it is
#: read (no rate, count, yes/no or label is near it).
MAX_TEXT: Final = 1000
#: A whole number is refused from 10^(MAX_EXPONENT + 1) up (either sign): past the largest
#: magnitude the policy reads. The terms of a Fraction may be larger, as those of a number with
#: MAX_DIGITS digits at 10^-MAX_EXPONENT are, but not past 10^(MAX_EXPONENT + MAX_DIGITS + 1).
_TOO_BIG: Final = 10 ** (MAX_EXPONENT + 1)
_TOO_BIG_TERM: Final = 10 ** (MAX_EXPONENT + MAX_DIGITS + 1)
#: The first whole number refused (either sign), for readers that check a whole number by hand.
WHOLE_LIMIT: Final = _TOO_BIG

_MISSING_TYPES: Final = frozenset({"NAType", "NaTType"})
_NUMPY_TIMES: Final = frozenset({"datetime64", "timedelta64"})


def exact_float(value: SupportsFloat) -> Fraction:
    """A binary float read at :data:`FLOAT_DIGITS` significant digits: the precision people type
    and spreadsheets show, so that the noise of binary arithmetic (``0.57 * 100 ==
    56.99999999999999``) never decides a verdict. NumPy floats of any width are read as the
    Python float they widen to, as a data frame's float column is.

    >>> exact_float(0.57 * 100), exact_float(0.1 + 0.2)
    (Fraction(57, 1), Fraction(3, 10))
    """
    text = format(float(value), f".{FLOAT_DIGITS}g")
    try:
        # The decimal's exact ratio: twice as fast as Fraction parsing the text.
        return Fraction(*Decimal(text).as_integer_ratio())
    except (OverflowError, ValueError):  # inf, nan: refused as Fraction refuses them
        return Fraction(text)


def exact_decimal(value: Decimal) -> Fraction | None:
    """A finite :class:`~decimal.Decimal` exactly, or ``None`` when it has more than
    :data:`MAX_DIGITS` significant digits or lies beyond ``10^±``:data:`MAX_EXPONENT` (the number
    is then refused).

    >>> exact_decimal(Decimal("57.50")), exact_decimal(Decimal("1E-100000000"))
    (Fraction(115, 2), None)
    """
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int), "not finite"
    # Counted on the digits, never by expanding the number: 1E-100000000 is refused at once.
    text = "".join(map(str, digits)).lstrip("0")
    kept = text.rstrip("0")
    if not kept:
        return Fraction(0)
    exponent += len(text) - len(kept)
    # The power of ten of the leading digit: 57.5 is 5.75 × 10^1.
    if len(kept) > MAX_DIGITS or abs(exponent + len(kept) - 1) > MAX_EXPONENT:
        return None
    whole = int(kept)
    number = Fraction(whole * 10**exponent) if exponent >= 0 else Fraction(whole, 10**-exponent)
    return -number if sign else number


def too_long(number: int | Fraction) -> bool:
    """Whether a whole number lies past the magnitude the policy reads (10^:data:`MAX_EXPONENT`,
    401 digits or more), or a term of a fraction past that of any number text or ``Decimal`` may
    give (:data:`MAX_DIGITS` digits at 10^-:data:`MAX_EXPONENT`): checked by a comparison, never
    by writing the digits out.

    >>> too_long(10**401 - 1), too_long(-(10**401)), too_long(Fraction(1, 10**5000))
    (False, True, True)
    """
    if isinstance(number, Fraction):
        return not (-_TOO_BIG_TERM < number.numerator < _TOO_BIG_TERM
                    and number.denominator < _TOO_BIG_TERM)
    return not -_TOO_BIG < number < _TOO_BIG


#: A whole number typed the Vietnamese way, a dot between groups of three digits: ``8.100``.
_GROUPED: Final = re.compile(r"\d{1,3}(?:\.\d{3})+")
#: A whole number grouped by commas (``8,100``): in Vietnamese the comma is the decimal mark, so
#: it is refused as ambiguous rather than read either way.
_COMMA_GROUPED: Final = re.compile(r"\d{1,3}(?:,\d{3})+")


def whole_number(value: object) -> int | None:
    """``value`` as a whole number when it is one: an ``int`` (not a bool), a float holding one
    exactly (a spreadsheet stores ``2024`` as ``2024.0``), or text of at most
    :data:`MAX_DIGITS` ASCII digits, grouped by dots the Vietnamese way or not (``8.100`` is
    8100); ``None`` otherwise. Years and counts in cells are read so.

    >>> whole_number(2024.0), whole_number(" 19 "), whole_number("8.100"), whole_number(True)
    (2024, 19, 8100, None)
    >>> whole_number("2024.0"), whole_number("8.10"), whole_number("8,100")
    (None, None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, Integral):
        return None if too_long(int(value)) else int(value)
    if isinstance(value, float) or is_binary_float(value):
        as_float = float(value)  # type: ignore[arg-type]
        return int(as_float) if as_float.is_integer() else None
    if isinstance(value, str):
        text = value.strip()
        if len(text) <= MAX_DIGITS + MAX_DIGITS // 3 and _GROUPED.fullmatch(text):
            text = text.replace(".", "")
        if text.isascii() and text.isdecimal() and len(text) <= MAX_DIGITS:
            return int(text)
    return None


def comma_grouped(value: object) -> bool:
    """Whether ``value`` is text of a whole number grouped by commas (``8,100``): eight
    thousand one hundred to an English reader, 8,1 to a Vietnamese one."""
    return isinstance(value, str) and _COMMA_GROUPED.fullmatch(value.strip()) is not None


def is_binary_float(value: object) -> bool:
    """Whether ``value`` is a binary float of another library: a NumPy floating scalar of any
    width (``float16``, ``float32``, ``longdouble``), read as the Python float it widens to."""
    kind = type(value)
    return (kind.__module__ == "numpy" and isinstance(value, Real)
            and not isinstance(value, Integral))


def is_missing(value: object) -> bool:
    """Whether ``value`` says "no value": ``None``, a NaN of any float type, ``NA`` or ``NaT``."""
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    if isinstance(value, Decimal):
        return value.is_nan()
    kind = type(value)
    if kind.__name__ in _MISSING_TYPES:
        return True
    # NumPy scalars of every width: a NaN float and a NaT time are not equal to themselves.
    if kind.__module__ == "numpy" and (isinstance(value, Real) or kind.__name__ in _NUMPY_TIMES):
        return bool(value != value)
    return False


def decimal_text(value: Fraction) -> str:
    """A Fraction whose decimal expansion ends, as plain decimal text (``57.5``, ``-0.125``)."""
    if value.denominator == 1:
        return str(value.numerator)
    places = 0
    while (value * 10**places).denominator != 1:
        places += 1
    digits = f"{abs(value.numerator) * 10**places // value.denominator:0{places + 1}d}"
    sign = "-" if value < 0 else ""
    return f"{sign}{digits[:-places]}.{digits[-places:]}"
