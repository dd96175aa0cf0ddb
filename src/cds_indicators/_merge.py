"""Combining the values of communes merged into one (the 1 July 2025 merger).

The rules, criterion by criterion:

* a rate is the sum of the parts' numerators over the sum of their denominators, never an
  average of rates;
* a part whose rate is only a percentage cannot be summed exactly: :class:`MeasurementError`,
  unless ``weights`` give that part's denominator, from which its numerator is recovered (and it
  must come out whole);
* a yes/no criterion is met only if every part meets it (``yes_no="all"``), or if any part does
  (``yes_no="any"``);
* a part that declared the criterion not applicable is left out; if every part did, so does the
  merged commune;
* if a part has no value for a criterion, the merged commune has none either.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

from ._errors import MeasurementError, Problem
from ._evaluate import read_value
from ._files import Record
from ._framework import Criterion, Framework, Kind
from ._load import load_framework
from ._values import NOT_APPLICABLE, Ratio, Reading

__all__ = ["merge"]

_POLICIES = {"all": all, "any": any}


def _parts(records: Iterable[Record | Mapping[str, Any]]) -> list[tuple[str, Record | None,
                                                                        Mapping[str, Any]]]:
    parts: list[tuple[str, Record | None, Mapping[str, Any]]] = []
    for i, record in enumerate(records):
        if isinstance(record, Record):
            parts.append((record.commune, record, record.values))
        else:
            parts.append((f"#{i + 1}", None, record))
    return parts


def _weight(weights: Mapping[str, Any] | None, commune: str, criterion: str) -> Any:
    if weights is None or commune not in weights:
        return None
    weight = weights[commune]
    return weight.get(criterion) if isinstance(weight, Mapping) else weight


def _merge_rate(criterion: Criterion, parts: list[tuple[str, Reading, Any]],
                weights: Mapping[str, Any] | None, problems: list[Problem]) -> Ratio | None:
    numerator = denominator = 0
    for commune, reading, given in parts:
        if reading.counts is not None:
            num, den = reading.counts
        else:
            weight = _weight(weights, commune, criterion.id)
            if weight is None:
                problems.append(Problem.of("merge_percent_only", criterion=criterion.id,
                                           value=given))
                continue
            if type(weight) is not int or weight <= 0:
                problems.append(Problem.of("merge_bad_weight", criterion=criterion.id,
                                           value=weight, commune=commune))
                continue
            assert isinstance(reading.value, Fraction)
            exact = reading.value * weight / 100
            if exact.denominator != 1:
                problems.append(Problem.of("merge_weight_inexact", criterion=criterion.id,
                                           value=given, rate=given, weight=weight,
                                           commune=commune))
                continue
            num, den = int(exact), weight
        numerator += num
        denominator += den
    return Ratio(numerator, denominator)


def merge(
    records: Iterable[Record | Mapping[str, Any]],
    *,
    into: str,
    weights: Mapping[str, Any] | None = None,
    yes_no: str = "all",
    district: str | None = None,
    framework: Framework | None = None,
) -> Record:
    """The values of the commune ``into``, made by merging ``records`` (see the module rules).

    ``records`` are :class:`Record` objects (from a file) or plain value mappings. ``weights``
    maps a part's commune name to its denominator for rates given only as percentages: one whole
    number for every criterion, or a mapping of criterion id to number. Returns a :class:`Record`
    whose values hold rates as :func:`ratio` counts.
    """
    framework = load_framework() if framework is None else framework
    parts = _parts(records)
    problems: list[Problem] = []
    if not parts:
        raise MeasurementError([Problem.of("merge_no_parts")])
    if yes_no not in _POLICIES:
        raise MeasurementError([Problem.of("merge_bad_policy", value=yes_no)])
    years = sorted({r.year for _, r, _ in parts if r is not None and r.year is not None})
    if len(years) > 1:
        raise MeasurementError([Problem.of("merge_years_differ",
                                           years=", ".join(map(str, years)))])
    districts = {r.district for _, r, _ in parts if r is not None and r.district}
    merged: dict[str, Any] = {}
    for criterion in framework:
        readings = []
        missing = False
        for commune, _, values in parts:
            given = values.get(criterion.id)
            found = None if given is None else read_value(criterion, given)
            if isinstance(found, Problem):
                problems.append(found)
            elif found is None or (found.value is None and not found.exempt):
                missing = True
            elif not found.exempt:
                readings.append((commune, found, given))
        if missing or any(isinstance(p, Problem) and p.criterion == criterion.id
                          for p in problems):
            continue
        if not readings:
            if any(values.get(criterion.id) is not None for _, _, values in parts):
                merged[criterion.id] = NOT_APPLICABLE
            continue
        if criterion.kind is Kind.RATE:
            found_ratio = _merge_rate(criterion, readings, weights, problems)
            if found_ratio is not None:
                merged[criterion.id] = found_ratio
        else:
            merged[criterion.id] = _POLICIES[yes_no](r.value is True for _, r, _ in readings)
    unknown = [key for _, _, values in parts for key in values if key not in framework]
    problems += [Problem.of("unknown_criterion", criterion=str(k), value=None,
                            framework=framework.id) for k in dict.fromkeys(unknown)]
    if problems:
        raise MeasurementError(problems)
    return Record(
        commune=into,
        year=years[0] if years else None,
        values=merged,
        district=district if district is not None else (
            districts.pop() if len(districts) == 1 else None),
    )
