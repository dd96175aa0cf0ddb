"""Evaluating one commune-year: read every value once, then compare exact numbers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

from ._errors import MeasurementError, Problem
from ._framework import Criterion, Framework, Kind
from ._load import load_framework
from ._report import Report, Status, Verdict
from ._scoring import Outcome, completion_all, completion_points, completion_share
from ._values import (
    _EXEMPT,
    _NOT_APPLICABLE_TEXT,
    MISSING_VALUE,
    NOT_APPLICABLE,
    Reading,
    _fold,
    _is_bool,
    _is_missing,
    _whole,
    read_rate,
    read_yes_no,
)

__all__ = ["COMPLETION_POLICIES", "evaluate", "read_value"]


#: How a framework's ``completion`` policy turns the verdicts into the completion verdict (and,
#: for ``points``, the score and level); see ``docs/framework-schema.md``.
COMPLETION_POLICIES: dict[str, Callable[[Framework, tuple[Verdict, ...]], Outcome]] = {
    "all": completion_all,
    "share": completion_share,
    "points": completion_points,
}


def read_count(criterion: str, value: Any) -> Reading | Problem:
    """Read ``value`` as a count: a non-negative whole number (``2``, ``2.0``, ``"2"``), never a
    percentage, a bool or a fraction of a thing."""
    if _is_bool(value):
        return Problem.of("bool_for_count", criterion=criterion, value=value)
    if isinstance(value, str):
        folded = _fold(value)
        if not folded:
            return MISSING_VALUE
        if folded == _NOT_APPLICABLE_TEXT:
            return _EXEMPT
    elif _is_missing(value):
        return MISSING_VALUE
    elif value is NOT_APPLICABLE:
        return _EXEMPT
    whole = _whole(value)
    if whole is None:
        return Problem.of("bad_count", criterion=criterion, value=value)
    return Reading(Fraction(whole))


def read_value(criterion: Criterion, value: Any) -> Reading | Problem:
    """``value`` read exactly for ``criterion``, or the problem with it."""
    if criterion.kind is Kind.RATE:
        found = read_rate(criterion.id, value, criterion.counts)
    elif criterion.kind is Kind.YES_NO:
        found = read_yes_no(criterion.id, value, criterion.labels)
    else:
        found = read_count(criterion.id, value)
    if isinstance(found, Reading) and found.exempt and not criterion.conditional:
        return Problem.of("not_conditional", criterion=criterion.id, value=value)
    return found


def _verdict(criterion: Criterion, year: int, reading: Reading) -> Verdict:
    target = criterion.targets[year]
    if target is None:
        status = Status.NO_TARGET
    elif reading.exempt:
        status = Status.EXEMPT
    elif reading.value is None:
        status = Status.MISSING
    elif target.is_met(reading.value):
        status = Status.PASS
    else:
        status = Status.FAIL
    return Verdict(
        criterion=criterion.id,
        name=criterion.name,
        pillar=criterion.pillar,
        year=year,
        kind=criterion.kind,
        status=status,
        value=reading.value,
        target=target,
        counts=reading.counts,
        name_en=criterion.name_en,
    )


def _unknown_keys(values: Mapping[Any, Any], framework: Framework) -> list[Problem]:
    problems = []
    for key in values:
        if key in framework:
            continue
        if isinstance(key, str):
            problems.append(
                Problem.of("unknown_criterion", criterion=key, value=values[key],
                           framework=framework.id)
            )
        else:
            problems.append(Problem.of("criterion_id_not_text", value=key))
    return problems


def evaluate(
    values: Mapping[str, Any],
    year: int,
    *,
    framework: Framework | None = None,
    commune: str | None = None,
    district: str | None = None,
) -> Report:
    """The verdict of every criterion for one commune in ``year``, and whether it completed.

    ``values`` maps criterion ids (``"2.5"``) to measured values: numbers or text in percent,
    :func:`ratio` counts, yes/no values, :data:`NOT_APPLICABLE`; an absent id or ``None`` is
    missing. Every value that cannot be read is reported at once in one
    :class:`MeasurementError`; a year the framework has no targets for raises
    :class:`UnknownYearError`.
    """
    framework = load_framework() if framework is None else framework
    year = framework.check_year(year)
    if not isinstance(values, Mapping):
        raise MeasurementError([Problem.of("values_not_mapping", value=values)])
    known = framework._index.keys()
    problems = [] if values.keys() <= known else _unknown_keys(values, framework)
    verdicts = []
    for criterion in framework:
        given = values.get(criterion.id)
        found = MISSING_VALUE if given is None else read_value(criterion, given)
        if isinstance(found, Problem):
            problems.append(found)
            continue
        verdicts.append(_verdict(criterion, year, found))
    if problems:
        raise MeasurementError(problems)
    outcome = COMPLETION_POLICIES[framework.completion](framework, tuple(verdicts))
    return Report(
        framework=framework.id,
        year=year,
        completion=outcome.completion,
        verdicts=outcome.verdicts,
        commune=commune,
        district=district,
        score=outcome.score,
        max_score=outcome.max_score,
        level=outcome.level,
    )
