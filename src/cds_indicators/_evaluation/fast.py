"""Deciding a verdict's status straight from the value given, for the forms people give most.

:func:`evaluate` reads every value through the readers of :mod:`reading` into an exact
:class:`Reading`, then compares. For the common forms that is more work than the decision
needs: a :func:`decider` made once per criterion and year decides the status from the value
itself, by the same rule on the same exact number, without building the reading:

* an ``int`` or a ``float`` is compared with the float that decides the threshold
  (:func:`~cds_indicators._model.comparisons.float_bound`, the bound ``evaluate_frame``
  uses), and its range with the float bound of 100: exactly what comparing its 12-digit
  reading decides (an ``int`` of 0–100 is a float exactly, read as itself);
* a percentage given as plain text with at most one decimal (``"57"``, ``"57,5%"``,
  ``"57.5"``) or two (``"57,25%"``, added the first time one is seen) is looked up in a table
  of its spellings, made once, whose number of hundredths is held against the first number of
  hundredths of the other status (the statuses of 0 to 10,000 hundredths are two runs); other
  plain text is decided by its whole part, looked up in a table made once: a number ``W.F`` lies
  in ``[W, W + 1)``, where the threshold lies for one ``W`` at most; only there (and at 100)
  are its digits compared in integers, ``n / 10^k`` against the threshold ``p / q`` as
  ``n × q ? p × 10^k``;
* a :class:`~decimal.Decimal` written without an exponent in at most 20 characters is compared
  with the threshold as a Decimal (exactly, when the threshold's decimal expansion ends, as
  Decision 1829's do; against any other threshold, as its text);
* :func:`ratio` counts of ``int`` are compared as ``100 × n × q ? p × d``;
* ``True``/``False`` and the yes/no words (``Có``, ``không``) of a yes/no criterion by the
  folded word, the usual spellings of each looked up first.

Anything else — a value out of range, a sign, a count of pint units, ``NOT_APPLICABLE``, any
text it does not recognise at once — makes the decider answer ``None``, and the value goes
through the readers as before (which also word every problem). A decider never decides what
the readers would refuse, and decides exactly what the readers' reading would: the property
tests hold the two side by side.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from decimal import Context, Decimal
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
_ZERO: Final = Decimal(0)
_HUNDRED: Final = Decimal(100)
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
    threshold = target.threshold
    p, q = threshold.numerator, threshold.denominator
    if criterion.kind is Kind.COUNT:
        return _count(test, p, q)
    bound = float_bound(target.comparison, threshold)
    upward = rule.upward
    hundred_q = 100 * q
    text = _text(test, upward, threshold)
    exact = _decimal(threshold)
    spelled = _spellings().get
    #: A number of hundredths of a percent meets the rule from ``cut`` on (upwards), or up to
    #: it (downwards): the statuses of 0 to 10,000 are a run of one then a run of the other.
    cut = bisect.bisect_left(range(10_001), True,
                             key=lambda n: bool(test(n * q, 100 * p)) is upward)

    def decide(value: Any) -> Status | None:
        kind = type(value)
        if kind is int:
            # An int of 0-100 is a float exactly, and its 12-digit reading is itself.
            if 0 <= value <= 100:
                return _PASS if (value >= bound if upward else value <= bound) else _FAIL
            return None
        if kind is float:
            if value != value:
                return _MISSING
            if 0.0 <= value <= _TOP:
                return _PASS if (value >= bound if upward else value <= bound) else _FAIL
            return None
        if kind is str:
            n = spelled(value)
            if n is None:
                n = _two_decimals(value)
                if n is None:
                    return text(value)
            return _PASS if (n >= cut) is upward else _FAIL
        if kind is Decimal and exact is not None:
            # Compared as a Decimal: exactly, comparisons never round. Met upwards (or failed
            # downwards), it lies above 0 and may lie above 100; else below 100, maybe below 0.
            try:
                met = test(value, exact)
            except ArithmeticError:  # NaN: missing, said by the readers
                return None
            if value <= _HUNDRED if met is upward else value >= _ZERO:
                # Written in at most 20 characters without an exponent, it has at most 20
                # digits, the first at most 6 places after the point: read as itself.
                written = str(value)
                if len(written) <= _MOST and "E" not in written:
                    return _PASS if met else _FAIL
            return None
        if kind is Ratio:
            n, d = value.numerator, value.denominator
            if n.__class__ is int is d.__class__ and 0 <= n <= d < WHOLE_LIMIT and d:
                return _PASS if test(n * hundred_q, p * d) else _FAIL
            return None  # the readers refuse it, or read a count of pint units
        if value is None:
            return _MISSING
        if kind is Decimal:  # against a threshold that is no Decimal
            return text(str(value))
        return None

    return decide


@functools.cache
def _spellings() -> dict[str, int]:
    """Percentages of 0-100 as people write a rate (``57``, ``57,5``, ``57.5%``), and their
    number of hundredths: looked up, not parsed. At first every spelling with at most one
    decimal (4,206); those with two (``57,25%``, about 40,000 more, 4 MiB) are added the first
    time one is asked for (:func:`_two_decimals`)."""
    spellings = {}
    for n in range(0, 10_001, 10):
        whole, tenth = divmod(n // 10, 10)
        for text in (f"{whole},{tenth}", f"{whole}.{tenth}", *([str(whole)] if not tenth else [])):
            spellings[text] = spellings[text + "%"] = n
    return spellings


def _two_decimals(value: str) -> int | None:
    """The number of hundredths of ``value``, a percentage not among :func:`_spellings`: found
    there once the spellings with two decimals are in, added now if ``value`` has two."""
    spellings = _spellings()
    # "100.00%" is the last spelling added.
    if "100.00%" not in spellings and value.rstrip("%")[-3:-2] in (",", "."):
        for n in range(10_001):
            whole, rest = divmod(n, 100)
            for text in (f"{whole},{rest:02d}", f"{whole}.{rest:02d}"):
                spellings[text] = spellings[text + "%"] = n
    return spellings.get(value)


def _decimal(threshold: Fraction) -> Decimal | None:
    """``threshold`` as a Decimal when it is one exactly (its decimal expansion ends)."""
    exact = Context(prec=2 * _MOST).divide(Decimal(threshold.numerator),
                                           Decimal(threshold.denominator))
    return exact if Fraction(exact) == threshold else None


def _text(test: Callable[[Any, Any], Any], upward: bool, threshold: Fraction) -> Decide:
    """The status of plain percentage text (``"57,5%"``, ``"100"``), or ``None``.

    The whole part decides alone unless the threshold lies within it: every value ``W.F`` lies
    in ``[W, W + 1)``, so the whole part is looked up in a table made once (no number is
    parsed), and only text whose whole part holds the threshold (or is 100, the top of the
    range) is compared in integers: ``n / 10^k`` against ``p / q`` as ``n × q ? p × 10^k``.
    Other text (spaces, leading zeros, a sign) is matched by :data:`_PLAIN` and compared in
    integers; anything else goes to the readers.
    """
    p, q = threshold.numerator, threshold.denominator
    # The threshold p/q and the top of the range (100) over 10^k, for k decimals.
    scaled = tuple(p * 10**k for k in range(_MOST + 1))
    tops = tuple(100 * 10**k for k in range(_MOST + 1))
    fullmatch = _PLAIN.fullmatch

    def meets(whole: int) -> bool:
        return bool(test(whole * q, p))

    #: The status of a whole number of percent, written without leading zeros.
    wholes = {str(whole): _PASS if meets(whole) else _FAIL for whole in range(101)}
    #: The status of every number in [W, W + 1), when it is one status: all meet an upward
    #: rule when W does, none when the threshold is W + 1 or more; a downward rule the reverse.
    spans: dict[str, Status | None] = {}
    for whole in range(100):
        above = threshold >= whole + 1
        if upward:
            span = _PASS if meets(whole) else _FAIL if above else None
        else:
            span = _PASS if above else _FAIL if not meets(whole) else None
        spans[str(whole)] = span
    spans["100"] = None  # 100 only with zero decimals: compared

    def exact(whole: str, decimals: str) -> Status | None:
        k = len(decimals)
        n = int(whole + decimals)
        return None if n > tops[k] else _PASS if test(n * q, scaled[k]) else _FAIL

    def slow(value: str) -> Status | None:
        match = fullmatch(value)
        if match is None:
            return None
        whole, decimals = match.groups()
        if decimals is None:
            n = int(whole)
            return None if n > 100 else _PASS if meets(n) else _FAIL
        return exact(whole, decimals)

    def text(value: str) -> Status | None:
        plain = value[:-1] if value[-1:] == "%" else value
        whole, mark, decimals = plain.partition(",")
        if not mark:
            whole, mark, decimals = plain.partition(".")
            if not mark:
                return wholes.get(whole) or slow(value)
        if whole not in spans or not (decimals.isdigit() and decimals.isascii()
                                      and len(decimals) <= _MOST):
            return slow(value)
        return spans[whole] or exact(whole, decimals)

    return text


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
    # The words as people write them (Có, có, CÓ), looked up before anything is folded; each
    # is decided by folding it, as any other text is.
    known = {spelling: status for word in (*_YES, *_NO, *labels)
             for spelling in (word, word.capitalize(), word.upper(), word.title())
             if (status := _by_word(spelling, labels, yes, no)) is not None}

    def decide(value: Any) -> Status | None:
        if value is True:
            return yes
        if value is False:
            return no
        if value is None:
            return missing
        if type(value) is str:
            return known.get(value) or _by_word(value, labels, yes, no)
        return None

    return decide


def _by_word(value: str, labels: frozenset[str], yes: Status, no: Status) -> Status | None:
    folded = fold(value)
    if folded in _YES or folded in labels:
        return yes
    if folded in _NO:
        return no
    return None
