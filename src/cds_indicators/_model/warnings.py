"""Warnings: input that is legal but probably wrong, found in one place for every door.

A warning is a :class:`Problem` (code, criterion, value, both languages) that never changes a
verdict. Every door reaches these rules through a report (:attr:`Report.warnings`, computed on
first use from the verdicts, so ``evaluate()`` pays nothing until they are asked for) or through
a record read by ``load_values`` (:attr:`Record.warnings`, which ``validate`` lists). The rules,
each on what was *read* (the exact percentage a value became), whatever form it came in:

``no_values``
    A commune-year with no value at all: every criterion missing. "không áp dụng" is a value.
``rate_looks_like_fraction``
    A rate read as more than 0 and at most 1 %, not given as counts, for a criterion whose target
    that year is a rate of 10 % or more: ``0.8`` typed for 80 %. Zero is not warned about (it is
    0 % either way), nor a rate given as counts (the counts are exact).
``stated_percent_disagrees``
    A percentage written beside counts that does not agree with them to the precision printed:
    the counts' exact rate lies more than half a unit of the last printed digit away from it
    (``57.5`` agrees with any rate in [57.45, 57.55]; ``57`` with [56.5, 57.5]; an exact
    ``Fraction`` only with itself). The counts decide.
``value_without_target``
    A value (not an exemption) for a criterion the decision sets no target for that year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Kind, Target
from cds_indicators._model.verdict import Status
from cds_indicators._words import format as _text

__all__ = ["agrees", "find_warnings", "printed", "record_warnings", "report_warnings",
           "warning_dict"]

#: A target this high is never met by a rate of at most 1 %, and 1 % is 0.01 of 100 %.
_HIGH_TARGET = Fraction(10)
_ONE_PERCENT = 1

#: One criterion as a warning sees it: id, kind, value read, counts, exempt, stated, target.
Entry = tuple[str, Kind, "Fraction | bool | None", "tuple[int, int] | None", bool,
              "str | None", "Target | None"]


def _shown(value: Fraction | bool, kind: Kind, lang: str) -> str:
    if isinstance(value, bool):
        return _text.yes_no(value, lang)  # type: ignore[arg-type]
    if kind is Kind.COUNT:
        return _text.number(value, 0, lang)  # type: ignore[arg-type]
    return f"{_text.number(value, 6, lang)}%"  # type: ignore[arg-type]


def _stated(stated: str) -> tuple[Fraction, int | None]:
    """The stated percentage and how many decimals it printed (None: given exactly)."""
    if "/" in stated:
        return Fraction(stated), None
    _, _, decimals = stated.partition(".")
    return Fraction(Decimal(stated)), len(decimals)


_PRINTED = re.compile(r"\s*[+]?(\d+)(?:[.,](\d+))?\s*%?\s*")


def printed(given: Any, value: Fraction) -> str:
    """A percentage as it was printed, read already as ``value``: its digits with ``.`` as the
    decimal mark (``"57,50 %"`` → ``"57.50"``, the float ``57.5`` → ``"57.5"``, ``Decimal("57.50")``
    → ``"57.50"``), or ``"n/d"`` when it was given exactly (a ``Fraction``, a quantity)."""
    if isinstance(given, str):
        match = _PRINTED.fullmatch(given)
        if match:
            return match[1] if match[2] is None else f"{match[1]}.{match[2]}"
    elif isinstance(given, int) and not isinstance(given, bool):
        return str(given)
    elif isinstance(given, float):
        return f"{Decimal(repr(given)):f}"
    elif isinstance(given, Decimal):
        return f"{given:f}"
    return f"{value.numerator}/{value.denominator}"


def agrees(stated: str, rate: Fraction) -> bool:
    """Whether the percentage ``stated`` (as printed) agrees with the exact ``rate``: it lies
    within half a unit of its last printed digit (an exact fraction: equals it)."""
    value, places = _stated(stated)
    if places is None:
        return value == rate
    return abs(rate - value) <= Fraction(1, 2 * 10**places)


def _stated_problem(criterion: str, stated: str, counts: tuple[int, int], year: int) -> Problem:
    value, places = _stated(stated)
    rate = Fraction(100 * counts[0], counts[1])
    decimals = 1 if places is None else places + 1
    while decimals < 6 and _text.number(rate, decimals) == _text.number(value, decimals):
        decimals += 1
    shown = {f"stated_{lang}": (_text.percent(value, lang) if places is None else
                                f"{stated.replace('.', ',') if lang == 'vi' else stated}%")
             for lang in ("vi", "en")}
    return Problem.of("stated_percent_disagrees", criterion=criterion, value=stated, year=year,
                      numerator=counts[0], denominator=counts[1],
                      exact_vi=f"{_text.number(rate, decimals, 'vi')}%",
                      exact_en=f"{_text.number(rate, decimals, 'en')}%", **shown)


def find_warnings(entries: Iterable[Entry], year: int) -> tuple[Problem, ...]:
    """Every warning about one commune-year's criteria, in the framework's order."""
    found: list[Problem] = []
    given = False
    for criterion, kind, value, counts, exempt, stated, target in entries:
        if exempt:
            given = True
            continue
        if value is None:
            continue
        given = True
        if target is None:
            found.append(Problem.of("value_without_target", criterion=criterion, value=value,
                                    year=year, shown_vi=_shown(value, kind, "vi"),
                                    shown_en=_shown(value, kind, "en")))
        elif (target.kind is Kind.RATE and counts is None and isinstance(value, Fraction)
              # 0 < value <= 1 %, said in integers (the denominator is positive): most values
              # fail here, without comparing Fractions.
              and 0 < value.numerator <= value.denominator * _ONE_PERCENT
              and target.threshold is not None and target.threshold >= _HIGH_TARGET):
            found.append(Problem.of(
                "rate_looks_like_fraction", criterion=criterion, value=value, year=year,
                label=target.label, shown_vi=_shown(value, kind, "vi"),
                shown_en=_shown(value, kind, "en"), meant_vi=_shown(value * 100, kind, "vi"),
                meant_en=_shown(value * 100, kind, "en")))
        if stated is not None and counts is not None and not agrees(
                stated, Fraction(100 * counts[0], counts[1])):
            found.append(_stated_problem(criterion, stated, counts, year))
    if not given:
        return (Problem.of("no_values", year=year),)
    return tuple(found)


def report_warnings(report: Any) -> tuple[Problem, ...]:
    """The warnings of a :class:`Report`, from its verdicts (and the percentages stated beside
    counts in the readings it was judged from)."""
    readings: Mapping[str, Any] = report._readings or {}
    entries = []
    for verdict in report.verdicts:
        reading = readings.get(verdict.criterion)
        entries.append((verdict.criterion, verdict.kind, verdict.value, verdict.counts,
                        verdict.status is Status.EXEMPT or (reading is not None and reading.exempt),
                        None if reading is None else reading.stated, verdict.target))
    return find_warnings(entries, report.year)


def record_warnings(record: Any) -> tuple[Problem, ...]:
    """The warnings of a :class:`Record` read for a framework (none for one never read, or
    without a year the framework has), each placed in the record's file."""
    framework = record._read_for
    year = record.year
    if framework is None or year is None or year not in framework.years:
        return ()
    readings: Mapping[str, Any] = record._readings
    entries = []
    for criterion in framework:
        reading = readings.get(criterion.id)
        if reading is None:
            entries.append((criterion.id, criterion.kind, None, None, False, None,
                            criterion.targets[year]))
        else:
            entries.append((criterion.id, criterion.kind, reading.value, reading.counts,
                            reading.exempt, reading.stated, criterion.targets[year]))
    place = {"source": record.source, "sheet": record.sheet, "row": record.row,
             "path": record.path}
    return tuple(_placed(problem, place) for problem in find_warnings(entries, year))


def _placed(problem: Problem, place: dict[str, Any]) -> Problem:
    import attrs

    path = place["path"]
    if path is not None and problem.criterion is not None:
        path = f"{path}.values.{problem.criterion}"
    return attrs.evolve(problem, **{**place, "path": path})


def warning_dict(problem: Problem) -> dict[str, Any]:
    """A warning as a JSON-safe dict (what ``Report.to_dict`` writes under ``warnings``)."""
    value = problem.value
    if isinstance(value, Fraction):
        value = _text.exact(value)
    return {"code": problem.code, "criterion": problem.criterion, "value": value,
            "message": problem.message, "message_en": problem.message_en}
