"""Evaluating one commune-year: read every value once, then compare exact numbers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ._errors import MeasurementError, Problem
from ._framework import Criterion, Framework, Kind
from ._load import load_framework
from ._report import Completion, Report, Status, Verdict
from ._values import MISSING_VALUE, Reading, read_rate, read_yes_no

__all__ = ["COMPLETION_POLICIES", "evaluate", "read_value"]


def _completion_all(statuses: Iterable[Status]) -> Completion:
    """Decision 1829: complete when every criterion with a target is met or exempt."""
    seen = set(statuses)
    if Status.FAIL in seen:
        return Completion.NOT_COMPLETED
    if Status.MISSING in seen:
        return Completion.UNDETERMINED
    return Completion.COMPLETED


#: How a framework's ``completion`` policy turns statuses into the completion verdict.
COMPLETION_POLICIES: dict[str, Callable[[Iterable[Status]], Completion]] = {
    "all": _completion_all,
}


def read_value(criterion: Criterion, value: Any) -> Reading | Problem:
    """``value`` read exactly for ``criterion``, or the problem with it."""
    if criterion.kind is Kind.RATE:
        found = read_rate(criterion.id, value)
    else:
        found = read_yes_no(criterion.id, value, criterion.labels)
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
    problems = _unknown_keys(values, framework) if not values.keys() <= framework._index.keys() else []
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
    policy = COMPLETION_POLICIES[framework.completion]
    completion = policy(v.status for v in verdicts)
    return Report(
        framework=framework.id,
        year=year,
        completion=completion,
        verdicts=tuple(verdicts),
        commune=commune,
        district=district,
    )
