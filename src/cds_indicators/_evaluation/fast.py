"""Deciding a verdict's status straight from the value given, for the forms people give most.

:func:`evaluate` reads every value through the readers of :mod:`reading` into an exact
:class:`Reading`, then compares. For the common forms that is more work than the decision
needs: a :func:`decider` made once per criterion and year decides the status from the value
itself, by the same rule on the same exact number, without building the reading:

* an ``int`` and a percentage given as plain text (``"57,5%"``, ``"57.5"``) or as a
  :class:`~decimal.Decimal` are compared in integers: ``n / 10^k`` against the threshold
  ``p / q`` as ``n × q ? p × 10^k``;
* :func:`ratio` counts of ``int`` are compared as ``100 × n × q ? p × d``;
* a ``float`` is compared with the float that decides the threshold
  (:func:`~cds_indicators._model.comparisons.float_bound`, the bound ``evaluate_frame``
  uses), and its range with the float bounds of 0 and 100: exactly what comparing its
  12-digit reading decides;
* ``True``/``False`` and the yes/no words (``Có``, ``không``) of a yes/no criterion by the
  folded word.

Anything else — a value out of range, a sign, a count of pint units, ``NOT_APPLICABLE``, any
text it does not recognise at once — makes the decider answer ``None``, and the value goes
through the readers as before (which also word every problem). A decider never decides what
the readers would refuse, and decides exactly what the readers' reading would: the property
tests hold the two side by side.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

from cds_indicators._evaluation.reading import _NO, _YES, Ratio
from cds_indicators._model.comparisons import RULES, Comparison, float_bound
from cds_indicators._model.framework import Criterion, Kind
from cds_indicators._model.numbers import WHOLE_LIMIT
from cds_indicators._model.verdict import Status
from cds_indicators._words.format import fold

__all__ = ["Decide", "decider"]

#: A value → its status, or ``None`` when the readers must read it.
Decide = Callable[[Any], "Status | None"]

_PASS, _FAIL, _MISSING, _NO_TARGET = Status.PASS, Status.FAIL, Status.MISSING, Status.NO_TARGET
#: Plain percentage text: ASCII digits, a decimal point or comma, a percent sign. Short enough
#: that the readers' limits on digits (40) and powers of ten (400) never apply.
_MOST: Final = 20
_PLAIN: Final = re.compile(r" *([0-9]{1,20})(?:[.,]([0-9]{1,20}))? *%? *")
#: The largest float whose 12-digit reading is at most 100.
_TOP: Final = float_bound(Comparison.AT_MOST, Fraction(100))


def decider(criterion: Criterion, year: int) -> Decide:
    """How the status of ``criterion`` in ``year`` is decided from a value given for it."""
    target = criterion.targets[year]
    if criterion.kind is Kind.YES_NO:
        if target is not None and target.comparison is not Comparison.YES:
            return _missing_only(_MISSING)
        return _yes_no(criterion.labels, target is None)
    if target is None or target.threshold is None or not RULES[target.comparison].numeric:
        # No target: the value is still read (and refused when bad) by the readers.
        return _missing_only(_NO_TARGET if target is None else _MISSING)
    rule = RULES[target.comparison]
    test = rule.test
    assert test is not None
    p, q = target.threshold.numerator, target.threshold.denominator
    if criterion.kind is Kind.COUNT:
        return _count(test, p, q)
    bound = float_bound(target.comparison, target.threshold)
    upward = rule.upward
    # The threshold p/q and the top of the range (100) over 10^k, for k decimals: n/10^k
    # meets p/q when n × q ? p × 10^k.
    scaled = tuple(p * 10**k for k in range(_MOST + 1))
    tops = tuple(100 * 10**k for k in range(_MOST + 1))
    fullmatch = _PLAIN.fullmatch

    def text(value: str) -> Status | None:
        match = fullmatch(value)
        if match is None:
            return None
        whole, decimals = match.groups()
        if decimals is None:
            n = int(whole)
            return None if n > 100 else _PASS if test(n * q, p) else _FAIL
        k = len(decimals)
        n = int(whole + decimals)
        return None if n > tops[k] else _PASS if test(n * q, scaled[k]) else _FAIL

    def decide(value: Any) -> Status | None:
        kind = type(value)
        if kind is int:
            if 0 <= value <= 100:
                return _PASS if test(value * q, p) else _FAIL
            return None
        if kind is float:
            if value != value:
                return _MISSING
            if 0.0 <= value <= _TOP:
                return _PASS if (value >= bound if upward else value <= bound) else _FAIL
            return None
        if kind is str:
            return text(value)
        if value is None:
            return _MISSING
        if kind is Ratio:
            n, d = value.numerator, value.denominator
            if (type(n) is not int or type(d) is not int or not 0 <= n <= d or d <= 0
                    or d >= WHOLE_LIMIT):
                return None  # the readers refuse it, or read a count of pint units
            return _PASS if test(100 * n * q, p * d) else _FAIL
        if kind is Decimal:
            # Its text is plain (57.5) for every Decimal of few digits near 1; any other
            # (a sign, an exponent, NaN) goes to the readers.
            return text(str(value))
        return None

    return decide


def _count(test: Callable[[Any, Any], Any], p: int, q: int) -> Decide:
    def decide(value: Any) -> Status | None:
        if type(value) is int and 0 <= value < WHOLE_LIMIT:
            return _PASS if test(value * q, p) else _FAIL
        return _MISSING if value is None else None

    return decide


def _missing_only(status: Status) -> Decide:
    def decide(value: Any) -> Status | None:
        return status if value is None else None

    return decide


def _yes_no(labels: frozenset[str], no_target: bool) -> Decide:
    yes, no = (_NO_TARGET, _NO_TARGET) if no_target else (_PASS, _FAIL)
    missing = _NO_TARGET if no_target else _MISSING

    def decide(value: Any) -> Status | None:
        if value is True:
            return yes
        if value is False:
            return no
        if value is None:
            return missing
        if type(value) is str:
            folded = fold(value)
            if folded in _YES or folded in labels:
                return yes
            if folded in _NO:
                return no
        return None

    return decide
