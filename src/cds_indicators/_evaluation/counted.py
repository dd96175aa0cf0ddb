"""Counted existence: a yes/no criterion whose target ``Có`` counts things.

Criteria such as 4.5 (``Điểm phát``: public wifi hotspots) print their unit as the thing counted
and their target as ``Có``; commune reports say "17 điểm phát". A framework marks such a
criterion ``counted = true`` (the data, not a list of ids in code), and its reader then takes a
whole number besides every yes/no form: ``0`` is Không, ``1`` or more is Có, and the count is
kept in the reading (and so in the verdict: "17 điểm phát — đạt").

A negative or fractional count is refused; ``True``/``False`` stay the yes/no they are and are
never taken for a count of 1 or 0. Other yes/no criteria (``Sử dụng hiệu quả``, ``Đáp ứng``)
refuse a bare number, saying why.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from numbers import Integral, Real
from typing import Any, Final

from cds_indicators._evaluation.evidence import carries_evidence, read_evidenced
from cds_indicators._evaluation.reading import (
    NOT_APPLICABLE,
    Reading,
    is_bool,
    read_count,
    read_yes_no,
)
from cds_indicators._model.errors import Problem
from cds_indicators._model.numbers import is_missing
from cds_indicators._words.format import fold

__all__ = ["read_counted"]

#: Text that is a number (a count, or a mistake such as "-1" or "2,5" to refuse as a count).
_NUMBER_TEXT: Final = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def _is_number(value: Any) -> bool:
    if is_bool(value) or value is NOT_APPLICABLE:
        return False
    if isinstance(value, str):
        return _NUMBER_TEXT.fullmatch(fold(value)) is not None
    return isinstance(value, Integral | Real | Decimal | Fraction) and not is_missing(value)


def read_counted(criterion: str, value: Any, labels: frozenset[str]) -> Reading | Problem:
    """Read ``value`` for the counted yes/no criterion ``criterion``: a whole number of things
    (its count kept), or any yes/no form :func:`read_yes_no` reads."""
    if value.__class__ is int and value >= 0:
        # The commonest count, read without the detour through read_count.
        return Reading(value > 0, count=value)
    if _is_number(value):
        found = read_count(criterion, value)
        if isinstance(found, Problem):
            return Problem.of("bad_counted", criterion=criterion, value=value)
        if not isinstance(found.value, Fraction):
            return found
        count = int(found.value)
        return Reading(count > 0, count=count)
    if carries_evidence(value):
        return read_evidenced(criterion, value, lambda v: read_counted(criterion, v, labels))
    return read_yes_no(criterion, value, labels)
