"""What ``validate`` checks in a commune-year without evaluating it.

Kept apart so that it can become the very check the values files make when they are read."""

from __future__ import annotations

from cds_indicators._cli.reading import located, year_of
from cds_indicators._evaluation.scalar import read_value
from cds_indicators._io.values import Record
from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Framework

__all__ = ["record_problems"]


def record_problems(record: Record, year: int | None, framework: Framework) -> list[Problem]:
    """Everything wrong with one commune-year's values, without evaluating it."""
    source = record.source
    problems: list[Problem] = []
    when = year_of(record, year, framework)
    if isinstance(when, Problem):
        problems.append(when)
    for key, value in record.values.items():
        if key not in framework:
            problems.append(Problem.of("unknown_criterion", criterion=str(key), value=value,
                                       framework=framework.id, source=source))
            continue
        if value is None:
            continue
        found = read_value(framework[key], value)
        if isinstance(found, Problem):
            problems.append(found)
    return located(problems, source, record)
