"""Reading a measured value once, at the boundary, into an exact number or a bool.

A rate becomes a :class:`~fractions.Fraction` of percent, a yes/no value a ``bool``; what cannot
be read becomes a :class:`Problem`. Evaluation afterwards compares exact numbers only.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from numbers import Integral, Real
from typing import Any, Final

import attrs

from cds_indicators._evaluation.evidence import Measured, carries_evidence, read_evidenced
from cds_indicators._model.errors import Problem
from cds_indicators._model.numbers import (
    MAX_DIGITS,
    MAX_EXPONENT,
    MAX_TEXT,
    comma_grouped,
    exact_decimal,
    exact_float,
    is_missing,
    too_long,
    whole_number,
)
from cds_indicators._model.record import Reading
from cds_indicators._model.warnings import printed
from cds_indicators._words.format import fold

__all__ = [
    "MISSING_VALUE",
    "NOT_APPLICABLE",
    "NotApplicable",
    "Ratio",
    "Reading",
    "ratio",
    "read_count",
    "read_rate",
    "read_yes_no",
    "whole_count",
]

_HUNDRED: Final = Fraction(100)


class NotApplicable:
    """The type of :data:`NOT_APPLICABLE`: a conditional criterion does not apply here."""

    _instance: NotApplicable | None = None

    def __new__(cls) -> NotApplicable:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_APPLICABLE"

    def __reduce__(self) -> str:
        return "NOT_APPLICABLE"


NOT_APPLICABLE: Final = NotApplicable()
"""Declares that a conditional criterion ("(nếu có)") does not apply to this commune."""


@attrs.frozen(repr=False)
class Ratio:
    """A share given as counts: ``numerator`` of ``denominator`` units meet the criterion.

    Made by :func:`ratio`; checked when it is evaluated against a criterion, so that a bad count is
    reported with the criterion it was given for.
    """

    numerator: Any
    denominator: Any

    def __repr__(self) -> str:
        return f"ratio({self.numerator!r}, {self.denominator!r})"

    def __str__(self) -> str:
        return f"{self.numerator}/{self.denominator}"


def ratio(numerator: Any, denominator: Any) -> Ratio:
    """A rate given as counts, e.g. ``ratio(19, 33)``: 19 of 33 enterprises.

    Counts are whole numbers (or pint quantities of the counted units, see
    :mod:`cds_indicators.units`); the rate is their exact quotient, and a failed rate given this
    way also says how many more units reach the target.
    """
    return Ratio(numerator, denominator)


MISSING_VALUE: Final = Reading(None)
_EXEMPT: Final = Reading(None, exempt=True)


_NOT_APPLICABLE_TEXT: Final = fold("không áp dụng")
_YES: Final = frozenset(map(fold, ("có", "đạt", "yes", "true")))
_NO: Final = frozenset(map(fold, ("không", "không đạt", "chưa đạt", "chưa", "no", "false")))
_RATE_TEXT: Final = re.compile(r"([+-]?)(\d+)(?:[.,](\d+))?\s*(%?)")
_COUNTS_TEXT: Final = re.compile(r"(\d+)\s*/\s*(\d+)")

Reader = Callable[[str, Any], "Reading | Problem"]


_NUMPY_BOOLS: Final = frozenset({"bool_", "bool"})


def is_bool(value: Any) -> bool:
    # numpy's bool_ is no subclass of bool, and no number either.
    kind = type(value)
    return isinstance(value, bool) or (kind.__module__ == "numpy" and kind.__name__ in _NUMPY_BOOLS)


def _is_quantity(value: Any) -> bool:
    return "pint" in sys.modules and type(value).__module__.startswith("pint")


def _percent(criterion: str, value: Fraction, given: Any) -> Reading | Problem:
    # Integer arithmetic on the exact parts: the same test as 0 <= value <= 100, without
    # Fraction's slower rich comparison in evaluate()'s inner loop.
    if 0 <= value.numerator <= 100 * value.denominator:
        return Reading(value)
    return Problem.of("rate_out_of_range", criterion=criterion, value=given)


def whole_count(count: Any) -> int | None:
    """``count`` as a non-negative whole number, or None when it is not one.

    A float must hold a whole number exactly (``2.0``); it is not read at 12 digits, which
    would change a count above a trillion."""
    if is_bool(count):
        return None
    whole: int | None
    if isinstance(count, Integral):
        try:
            whole = int(count)
        except TypeError:  # NumPy's timedelta64 is registered as Integral
            return None
    elif isinstance(count, Decimal):
        exact = exact_decimal(count) if count.is_finite() else None
        whole = None if exact is None or exact.denominator != 1 else int(exact)
    elif isinstance(count, Fraction):
        whole = None if count.denominator != 1 else int(count)
    else:
        whole = whole_number(count)
    if whole is None:
        return None
    return whole if whole >= 0 else None


def _count(criterion: str, count: Any, which: str, given: Any) -> int | Problem:
    whole = whole_count(count)
    if (too_long(whole) if whole is not None else isinstance(count, Decimal)
            and count.is_finite() and exact_decimal(count) is None):
        return _too_long(criterion, count)
    return _count_problem(criterion, count, which, given) if whole is None else whole


def _count_problem(criterion: str, count: Any, which: str, given: Any) -> Problem:
    which_en = {"tử số": "numerator", "mẫu số": "denominator"}[which]
    code = "count_comma_grouped" if comma_grouped(count) else "count_not_whole"
    return Problem.of(
        code, criterion=criterion, value=given, which=which, which_en=which_en, count=count,
        grouped=str(count).strip().replace(",", "."),
    )


def read_counts(
    criterion: str, numerator: Any, denominator: Any, given: Any = None,
    expected: tuple[str, str] | None = None,
) -> Reading | Problem:
    """The rate ``numerator / denominator`` in percent, with its counts kept; pint quantities
    must count ``expected`` (the criterion's counted units) when it is given."""
    given = Ratio(numerator, denominator) if given is None else given
    if _is_quantity(numerator) or _is_quantity(denominator):
        from cds_indicators._evaluation.quantities import counts_magnitudes

        found = counts_magnitudes(criterion, numerator, denominator, given, expected)
        if isinstance(found, Problem):
            return found
        numerator, denominator = found
    num = _count(criterion, numerator, "tử số", given)
    den = _count(criterion, denominator, "mẫu số", given)
    if isinstance(num, Problem) and isinstance(den, Problem):
        # Both terms of one value wrong: said together, each with its own reason.
        return Problem.of("both_counts_wrong", criterion=criterion, value=given,
                          first=num.message, second=den.message,
                          first_en=num.message_en, second_en=den.message_en)
    if isinstance(num, Problem):
        return num
    if isinstance(den, Problem):
        return den
    if den <= 0:
        return Problem.of("denominator_not_positive", criterion=criterion, value=given, count=den)
    if num > den:
        return Problem.of(
            "numerator_above_denominator", criterion=criterion, value=given, numerator=num,
            denominator=den,
        )
    return Reading(Fraction(100 * num, den), (num, den))


def _rate_from_text(criterion: str, text: str) -> Reading | Problem:
    if len(text) > MAX_TEXT:
        return _text_too_long(criterion, text)
    folded = fold(text)
    if not folded:
        return MISSING_VALUE
    if folded == _NOT_APPLICABLE_TEXT:
        return _EXEMPT
    match = _RATE_TEXT.fullmatch(folded)
    if match:
        sign, whole, decimals, _ = match.groups()
        number = exact_decimal(Decimal(f"{sign}{whole}.{decimals or 0}"))
        if number is None:
            return _too_long(criterion, text)
        return _percent(criterion, number, text)
    match = _COUNTS_TEXT.fullmatch(folded)
    if match and len(match[1]) <= MAX_DIGITS and len(match[2]) <= MAX_DIGITS:
        return read_counts(criterion, int(match[1]), int(match[2]), text)
    return Problem.of("bad_rate_text", criterion=criterion, value=text)


def _rate_from_mapping(
    criterion: str, value: Mapping[Any, Any], counts: tuple[str, str] | None = None
) -> Reading | Problem:
    keys = set(value)
    if keys != {"numerator", "denominator"}:
        if keys == {"numerator", "denominator", "percent"}:
            return _with_stated(criterion, value, counts)
        return Problem.of("bad_ratio_mapping", criterion=criterion, value=value)
    return read_counts(criterion, value["numerator"], value["denominator"], value, counts)


def _with_stated(
    criterion: str, value: Mapping[Any, Any], counts: tuple[str, str] | None
) -> Reading | Problem:
    # A percentage written beside the counts: read like any rate, kept as printed; the counts
    # decide, and a warning says when the two disagree (cds_indicators._model.warnings).
    stated = read_rate(criterion, value["percent"])
    if not isinstance(stated, Reading) or not isinstance(stated.value, Fraction):
        return stated if isinstance(stated, Problem) else Problem.of(
            "bad_ratio_mapping", criterion=criterion, value=value)
    found = read_counts(criterion, value["numerator"], value["denominator"], value, counts)
    if isinstance(found, Problem):
        return found
    return attrs.evolve(found, stated=printed(value["percent"], stated.value))


def read_rate(
    criterion: str, value: Any, counts: tuple[str, str] | None = None
) -> Reading | Problem:
    """Read ``value`` as a percentage (0–100) for the rate criterion ``criterion``."""
    kind = type(value)
    if kind is int:
        # The commonest input, checked on the int itself before it becomes a Fraction.
        if 0 <= value <= 100:
            return Reading(Fraction(value))
        return _percent(criterion, Fraction(value), value)
    if kind is Fraction:
        return _too_long(criterion, value) if too_long(value) else _percent(criterion, value, value)
    if kind is Ratio:
        return read_counts(criterion, value.numerator, value.denominator, value, counts)
    if kind is str:
        return _rate_from_text(criterion, value)
    if kind is Measured:
        return read_evidenced(criterion, value, lambda v: read_rate(criterion, v, counts))
    if is_missing(value):
        return MISSING_VALUE
    if value is NOT_APPLICABLE:
        return _EXEMPT
    if is_bool(value):
        return Problem.of("bool_for_rate", criterion=criterion, value=value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return Problem.of("not_finite", criterion=criterion, value=value)
        return _percent(criterion, exact_float(value), value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            return Problem.of("not_finite", criterion=criterion, value=value)
        exact = exact_decimal(value)
        if exact is None:
            return _too_long(criterion, value)
        return _percent(criterion, exact, value)
    if isinstance(value, Integral):
        return _percent(criterion, Fraction(int(value)), value)
    if isinstance(value, Fraction):
        return _percent(criterion, value, value)
    if isinstance(value, str):
        return _rate_from_text(criterion, str(value))
    if isinstance(value, Real):
        # Other real numbers (numpy's float32, …) are read as the float they hold.
        as_float = float(value)
        if not math.isfinite(as_float):
            return Problem.of("not_finite", criterion=criterion, value=value)
        return _percent(criterion, exact_float(as_float), value)
    if isinstance(value, Mapping):
        if carries_evidence(value):
            return read_evidenced(criterion, value, lambda v: read_rate(criterion, v, counts))
        return _rate_from_mapping(criterion, value, counts)
    if _is_quantity(value):
        from cds_indicators._evaluation.quantities import percent_of

        found = percent_of(criterion, value)
        return found if isinstance(found, Problem) else _percent(criterion, found, value)
    return Problem.of(
        "unsupported_type", criterion=criterion, value=value, type=type(value).__name__
    )


def _too_long(criterion: str, value: Any) -> Problem:
    return Problem.of("number_too_long", criterion=criterion, value=value, digits=MAX_DIGITS,
                      exponent=MAX_EXPONENT)


def _text_too_long(criterion: str, text: str) -> Problem:
    # Refused before it is folded or matched: no reading is near this length.
    return Problem.of("text_too_long", criterion=criterion, value=text, length=len(text),
                      limit=MAX_TEXT)


def read_count(criterion: str, value: Any) -> Reading | Problem:
    """Read ``value`` as a count: a non-negative whole number (``2``, ``2.0``, ``"2"``), never a
    percentage, a bool or a fraction of a thing."""
    if is_bool(value):
        return Problem.of("bool_for_count", criterion=criterion, value=value)
    if carries_evidence(value):
        return read_evidenced(criterion, value, lambda v: read_count(criterion, v))
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            return _text_too_long(criterion, value)
        folded = fold(value)
        if not folded:
            return MISSING_VALUE
        if folded == _NOT_APPLICABLE_TEXT:
            return _EXEMPT
    elif is_missing(value):
        return MISSING_VALUE
    elif value is NOT_APPLICABLE:
        return _EXEMPT
    whole = whole_count(value)
    if whole is not None and too_long(whole):
        return _too_long(criterion, value)
    if whole is None:
        if isinstance(value, Decimal) and value.is_finite() and exact_decimal(value) is None:
            return _too_long(criterion, value)
        return Problem.of("bad_count", criterion=criterion, value=value)
    return Reading(Fraction(whole))


def read_yes_no(criterion: str, value: Any, labels: frozenset[str]) -> Reading | Problem:
    """Read ``value`` as yes/no for ``criterion``; ``labels`` are its targets' folded labels,
    which also mean yes (``Sử dụng hiệu quả``)."""
    if value is True or value is False:
        return Reading(value)
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            return _text_too_long(criterion, value)
        folded = fold(value)
        if not folded:
            return MISSING_VALUE
        if folded in _YES or folded in labels:
            return Reading(True)
        if folded in _NO:
            return Reading(False)
        if folded == _NOT_APPLICABLE_TEXT:
            return _EXEMPT
        return Problem.of(
            "bad_yes_no_text", criterion=criterion, value=value, labels=_label_hint(labels)
        )
    if is_missing(value):
        return MISSING_VALUE
    if value is NOT_APPLICABLE:
        return _EXEMPT
    if is_bool(value):
        return Reading(bool(value))
    if isinstance(value, Integral | float | Decimal | Fraction | Ratio) or _is_quantity(value):
        return Problem.of("number_not_counted", criterion=criterion, value=value,
                          labels=_label_hint(labels))
    if carries_evidence(value):
        return read_evidenced(criterion, value, lambda v: read_yes_no(criterion, v, labels))
    return Problem.of(
        "unsupported_type", criterion=criterion, value=value, type=type(value).__name__
    )


def _label_hint(labels: frozenset[str]) -> str:
    others = sorted(label for label in labels if label not in _YES)
    return "".join(f" / {label!r}" for label in others)
