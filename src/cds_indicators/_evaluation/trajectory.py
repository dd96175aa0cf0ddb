"""Trajectories: how long a commune's values keep meeting the targets, and whether its pace
reaches the next target in time.

The pace follows Open SDG's progress measure: the observed change per year against the change per
year still required to reach the next target by its year. Changes are linear (points of percent,
or things counted, per year) and exact.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import Any

import attrs

from cds_indicators._evaluation.reading import Reading
from cds_indicators._frameworks.registry import framework_or_default
from cds_indicators._model.comparisons import RULES
from cds_indicators._model.errors import MeasurementError, Problem, UnknownYearError
from cds_indicators._model.framework import Criterion, Framework, Kind
from cds_indicators._words import Lang
from cds_indicators._words import format as _text

__all__ = ["CriterionTrajectory", "Trajectory", "trajectory"]


@attrs.frozen(kw_only=True)
class CriterionTrajectory:
    """One criterion's path through the framework's years.

    ``value`` is the latest value given (read exactly) and ``observed`` the year it was given
    for (``None`` for values of no particular year). ``meets_until`` is the latest year up to
    which that value meets every target, ``fails_from`` the first year whose target it does not
    meet (``None`` when it meets them all). With values for two years or more, ``pace`` is the
    observed change per year, ``next_year`` the first later year whose target the latest value
    does not meet yet, ``required_pace`` the change per year that reaches it in time, and
    ``on_track`` whether the pace does.
    """

    criterion: str
    name: str
    kind: Kind
    value: Fraction | bool
    observed: int | None = None
    meets_until: int | None = None
    fails_from: int | None = None
    pace: Fraction | None = None
    next_year: int | None = None
    required_pace: Fraction | None = None
    on_track: bool | None = None

    def _number(self, value: Fraction | bool, lang: Lang) -> str:
        if isinstance(value, bool):
            return ("Có" if value else "Không") if lang == "vi" else ("yes" if value else "no")
        shown = _text.number(value, 2, lang)
        return f"{shown}%" if self.kind is Kind.RATE else shown

    def text(self, lang: Lang = "vi") -> str:
        vi = lang == "vi"
        parts = [f"{self.criterion}: {self._number(self.value, lang)}"]
        if self.meets_until is not None:
            parts.append(f"{'đạt đến năm' if vi else 'meets targets through'} {self.meets_until}")
        if self.fails_from is not None:
            parts.append(f"{'chưa đạt từ năm' if vi else 'fails from'} {self.fails_from}")
        elif self.meets_until is not None:
            parts[-1] += " (mọi năm)" if vi else " (every year)"
        if self.pace is not None:
            unit = ("điểm %" if vi else "pp") if self.kind is Kind.RATE else ""
            unit = f" {unit}" if unit else ""
            pace = f"{'+' if self.pace >= 0 else ''}{_text.number(self.pace, 2, lang)}{unit}"
            line = f"{'tốc độ' if vi else 'pace'} {pace}/{'năm' if vi else 'year'}"
            if self.required_pace is not None and self.next_year is not None:
                need = _text.number(self.required_pace, 2, lang)
                verdict = ("kịp" if self.on_track else "không kịp") if vi else (
                    "on track" if self.on_track else "off track")
                line += f", {'cần' if vi else 'needs'} {need}{unit} → {self.next_year}: {verdict}"
            parts.append(line)
        return "; ".join(parts)

    def __str__(self) -> str:
        return self.text()


@attrs.frozen(kw_only=True)
class Trajectory:
    """Every criterion with a value, in the framework's order; ``trajectory["1.6"]`` is one."""

    framework: str
    criteria: tuple[CriterionTrajectory, ...]

    def __getitem__(self, criterion: str) -> CriterionTrajectory:
        for found in self.criteria:
            if found.criterion == criterion:
                return found
        raise KeyError(criterion)

    def __iter__(self) -> Iterator[CriterionTrajectory]:
        return iter(self.criteria)

    def __len__(self) -> int:
        return len(self.criteria)

    def text(self, lang: Lang = "vi") -> str:
        return "\n".join(c.text(lang) for c in self.criteria)

    def __str__(self) -> str:
        return self.text()


def _read(framework: Framework, values: Mapping[str, Any], year: int | None,
          problems: list[Problem]) -> dict[str, Fraction | bool]:
    from cds_indicators._evaluation.scalar import read_value

    found: dict[str, Fraction | bool] = {}
    for key, given in values.items():
        if key not in framework:
            problems.append(Problem.of("unknown_criterion", criterion=str(key), value=given,
                                       framework=framework.id))
            continue
        if given is None:
            continue
        reading = read_value(framework[key], given)
        if isinstance(reading, Problem):
            problems.append(attrs.evolve(reading, path=None if year is None else str(year)))
        elif isinstance(reading, Reading) and reading.value is not None:
            found[key] = reading.value
    return found


def _years_met(criterion: Criterion, value: Fraction | bool) -> tuple[int | None, int | None]:
    meets_until = None
    for year, target in criterion.targets.items():
        if target is not None and not target.is_met(value):
            return meets_until, year
        meets_until = year
    return meets_until, None


def _pace(
    criterion: Criterion, series: list[tuple[int, Fraction | bool]]
) -> dict[str, Any]:
    (first, start), (last, latest) = series[0], series[-1]
    if isinstance(latest, bool) or isinstance(start, bool) or last == first:
        return {}
    pace = (latest - start) / (last - first)
    for year, target in criterion.targets.items():
        if year <= last or target is None or target.is_met(latest):
            continue
        assert target.threshold is not None
        required = (target.threshold - latest) / (year - last)
        ahead = pace >= required if RULES[target.comparison].upward else pace <= required
        return {"pace": pace, "next_year": year, "required_pace": required, "on_track": ahead}
    later = any(year > last and t is not None for year, t in criterion.targets.items())
    return {"pace": pace, "on_track": True if later else None}


def trajectory(
    values: Mapping[Any, Any], framework: Framework | None = None
) -> Trajectory:
    """For each criterion with a value, the years its value meets and the first it fails.

    ``values`` is one commune's values (``{"1.6": 72}``), or several years of them
    (``{2022: {...}, 2023: {...}}``); with several years the latest value is held against the
    targets, and the change per year against the change needed for the next target.

    >>> import cds_indicators as cds
    >>> path = cds.trajectory({2023: {"1.6": 68}, 2024: {"1.6": 72}})["1.6"]
    >>> path.meets_until, path.fails_from, path.next_year, path.on_track
    (2023, 2024, 2025, False)
    >>> print(path.text("en"))
    1.6: 72%; meets targets through 2023; fails from 2024; pace +4 pp/year, needs 8 pp → 2025: ...
    """
    framework = framework_or_default(framework)
    problems: list[Problem] = []
    by_year = bool(values) and all(
        isinstance(k, int) and not isinstance(k, bool) for k in values
    )
    series: dict[str, list[tuple[int, Fraction | bool]]] = {}
    latest: dict[str, tuple[int | None, Fraction | bool]] = {}
    if by_year:
        for year in sorted(values):
            if year not in framework.years:
                raise UnknownYearError(year, framework.years, framework=framework.id)
            for key, value in _read(framework, values[year], year, problems).items():
                series.setdefault(key, []).append((year, value))
                latest[key] = (year, value)
    else:
        latest = {k: (None, v) for k, v in _read(framework, values, None, problems).items()}
    if problems:
        raise MeasurementError(problems)
    found = []
    for criterion in framework:
        if criterion.id not in latest:
            continue
        observed, value = latest[criterion.id]
        meets_until, fails_from = _years_met(criterion, value)
        pace = _pace(criterion, series[criterion.id]) if by_year else {}
        found.append(
            CriterionTrajectory(
                criterion=criterion.id, name=criterion.name, kind=criterion.kind, value=value,
                observed=observed, meets_until=meets_until, fails_from=fails_from, **pace,
            )
        )
    return Trajectory(framework=framework.id, criteria=tuple(found))
