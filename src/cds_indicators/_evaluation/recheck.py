"""A report read back, judged again: every verdict and the completion recomputed by the engine.

``Report.from_dict`` calls :func:`recheck` (through the model's named hook) once the document has
the right shape. Each verdict's value is read again by its criterion's reader (so a rate outside
0–100 %, a bool for a rate or counts ``[5, 0]`` are refused as ``evaluate`` refuses them), the
readings are judged by the same judges, and every field that differs is a problem at its key path.
Without the framework (one of one's own, not passed), each verdict is judged against the target
it carries, and the completion, which depends on the framework's policy, cannot be recomputed.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import attrs

from cds_indicators._evaluation.reading import MISSING_VALUE, Reading, ratio
from cds_indicators._evaluation.scalar import _Judge, evaluate_readings, read_value
from cds_indicators._frameworks.registry import available_frameworks, load_framework
from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Criterion, Framework
from cds_indicators._model.report import Report, Status, Verdict
from cds_indicators._model.serial import shown
from cds_indicators._words import format as _text

__all__ = ["recheck"]

#: The fields of a verdict that the framework and the value decide.
_VERDICT_FIELDS = ("status", "value", "target", "name", "name_en", "pillar", "kind", "points",
                   "max_points")
_REPORT_FIELDS = ("completion", "score", "max_score", "level")


def recheck(report: Report, framework: Framework | None = None) -> list[Problem]:
    """Every way ``report`` differs from what ``framework`` (default: the shipped framework of
    its id) gives for its values, each problem at its key path in the report's dict."""
    if framework is None and report.framework in available_frameworks():
        framework = load_framework(report.framework)
    problems = _repeated(report.verdicts)
    problems.extend(_year(verdict, index, report.year)
                    for index, verdict in enumerate(report.verdicts)
                    if verdict.year != report.year)
    if problems:
        return problems
    if framework is None:
        return _each_alone(report)
    if framework.id != report.framework:
        return [_differs("$.framework", report.framework, framework.id, framework)]
    if report.year not in framework.years:
        return [Problem.of("year_not_in_framework", value=report.year, framework=framework.id,
                           years=", ".join(map(str, framework.years)), path="$.year")]
    return _against(report, framework)


def _repeated(verdicts: Sequence[Verdict]) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for index, verdict in enumerate(verdicts):
        seen = first.setdefault(verdict.criterion, index)
        if seen != index:
            problems.append(Problem.of("report_duplicate_criterion", criterion=verdict.criterion,
                                       path=f"$.verdicts[{index}].criterion",
                                       first=f"$.verdicts[{seen}]"))
    return problems


def _year(verdict: Verdict, index: int, year: int) -> Problem:
    return Problem.of("report_self_disagrees", criterion=verdict.criterion, value=verdict.year,
                      path=f"$.verdicts[{index}].year", found=verdict.year, expected=year)


def _differs(path: str, found: Any, expected: Any, framework: Framework,
             criterion: str | None = None) -> Problem:
    return Problem.of("report_disagrees", criterion=criterion, value=found, path=path,
                      found=shown(found), expected=shown(expected), framework=framework.id)


def _reading(criterion: Criterion, verdict: Verdict, index: int) -> Reading | Problem:
    """The reading ``verdict`` was judged from, read again by ``criterion``'s reader."""
    if verdict.value is None:
        if verdict.counts is not None:
            return Problem.of("report_self_disagrees", criterion=criterion.id,
                              value=list(verdict.counts), found=shown(list(verdict.counts)),
                              expected="null", path=f"$.verdicts[{index}].counts")
        if verdict.status is Status.EXEMPT:
            found = read_value(criterion, "không áp dụng")
            return attrs.evolve(found, path=f"$.verdicts[{index}].status") if isinstance(
                found, Problem) else found
        return MISSING_VALUE
    given: Any = verdict.value if verdict.counts is None else ratio(*verdict.counts)
    if isinstance(given, Fraction) and "/" not in (written := _text.exact(given) or ""):
        # Read as the document writes it, so that a refusal quotes it so: '170', not a Fraction.
        given = written
    found = read_value(criterion, given)
    if isinstance(found, Problem):
        key = "value" if verdict.counts is None else "counts"
        return attrs.evolve(found, path=f"$.verdicts[{index}].{key}")
    if found.value != verdict.value:
        return Problem.of("report_self_disagrees", criterion=criterion.id,
                          value=verdict.value, found=shown(verdict.value),
                          expected=shown(found.value), path=f"$.verdicts[{index}].value")
    return found


def _against(report: Report, framework: Framework) -> list[Problem]:
    problems: list[Problem] = []
    given = {v.criterion: (index, v) for index, v in enumerate(report.verdicts)}
    for index, verdict in enumerate(report.verdicts):
        if verdict.criterion not in framework:
            problems.append(Problem.of("unknown_criterion", criterion=verdict.criterion,
                                       framework=framework.id,
                                       path=f"$.verdicts[{index}].criterion"))
    problems.extend(Problem.of("report_missing_criterion", criterion=c.id,
                               framework=framework.id, path="$.verdicts")
                    for c in framework if c.id not in given)
    readings: dict[str, Reading] = {}
    for criterion in framework:
        if criterion.id in given:
            index, verdict = given[criterion.id]
            found = _reading(criterion, verdict, index)
            if isinstance(found, Problem):
                problems.append(found)
            else:
                readings[criterion.id] = found
    if problems:
        return problems
    expected = evaluate_readings(readings, report.year, framework=framework,
                                 commune=report.commune, district=report.district)
    for position, (verdict, want) in enumerate(zip(report.verdicts, expected.verdicts,
                                                   strict=True)):
        if verdict.criterion != want.criterion:
            problems.append(_differs(f"$.verdicts[{position}].criterion", verdict.criterion,
                                     want.criterion, framework, verdict.criterion))
            continue
        problems.extend(
            _differs(f"$.verdicts[{position}].{name}", getattr(verdict, name),
                     getattr(want, name), framework, verdict.criterion)
            for name in _VERDICT_FIELDS if getattr(verdict, name) != getattr(want, name))
    problems.extend(_differs(f"$.{name}", getattr(report, name), getattr(expected, name),
                             framework)
                    for name in _REPORT_FIELDS
                    if getattr(report, name) != getattr(expected, name))
    return problems


def _each_alone(report: Report) -> list[Problem]:
    """Each verdict judged against the target it carries, by the same reader and judge."""
    problems = []
    for index, verdict in enumerate(report.verdicts):
        target = verdict.target
        if target is not None and target.kind is not verdict.kind:
            problems.append(Problem.of(
                "report_self_disagrees", criterion=verdict.criterion, value=target.kind,
                found=shown(target.kind), expected=shown(verdict.kind),
                path=f"$.verdicts[{index}].target.kind"))
            continue
        criterion = Criterion(id=verdict.criterion, pillar=verdict.pillar, name=verdict.name,
                              unit="", kind=verdict.kind, conditional=True,
                              targets={report.year: target})
        found = _reading(criterion, verdict, index)
        if isinstance(found, Problem):
            problems.append(found)
            continue
        status = _Judge(criterion, report.year).verdict(found).status
        if status is not verdict.status:
            problems.append(Problem.of(
                "report_self_disagrees", criterion=verdict.criterion, value=verdict.status,
                found=shown(verdict.status), expected=shown(status),
                path=f"$.verdicts[{index}].status"))
    return problems
