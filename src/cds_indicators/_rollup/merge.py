"""Combining the values of communes merged into one (the 1 July 2025 merger).

Every part's value is read once, by the same rules as :func:`evaluate`; then, criterion by
criterion (the rules are told in full in ``docs/merging.md``):

* a rate is the sum of the parts' numerators over the sum of their denominators, never an
  average of rates. A part whose rate is only a percentage has no numerator to add: without its
  denominator in ``weights`` it is refused (:class:`MeasurementError`); with it, its numerator is
  ``percent × weight / 100``, exactly. The merged rate is ``ratio(Σ numerators, Σ denominators)``
  when every numerator is whole, else the exact :class:`~fractions.Fraction` of percent
  ``100 × Σ numerators / Σ denominators`` (no counts are made up);
* a count is the sum of the parts' counts;
* a yes/no criterion is met only if every part meets it (``yes_no="all"``), or if any part does
  (``yes_no="any"``); a counted one given as counts by every part is the sum of the counts,
  each for its part's share, as a count is;
* the parts' evidence is kept, joined, each naming its part (``A: QĐ 52; B: BC 7``); a single
  part's evidence is kept as it is;
* a part that declared the criterion not applicable is left out; if every part did, so does the
  merged commune;
* a part without a value makes the merged value missing (``missing="propagate"``), or is left
  out (``missing="skip"``);
* when a single part gives a value, the merged commune has that value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import Any, Final

import attrs

from cds_indicators._evaluation.evidence import measured
from cds_indicators._evaluation.reading import (
    MISSING_VALUE,
    NOT_APPLICABLE,
    Ratio,
    Reading,
)
from cds_indicators._evaluation.scalar import read_value, unknown_keys
from cds_indicators._frameworks.registry import framework_or_default
from cds_indicators._io.values import Record
from cds_indicators._model.errors import MeasurementError, Problem, raise_problems
from cds_indicators._model.framework import Criterion, Framework, Kind
from cds_indicators._model.numbers import MAX_DIGITS, MAX_EXPONENT, too_long
from cds_indicators._model.official import is_code, official_record
from cds_indicators._rollup.merge_weights import (
    Weights,
    checked_shares,
    checked_weights,
    weight_of,
)
from cds_indicators._words.format import exact

__all__ = ["merge"]

_YES_NO: Final[dict[str, Callable[[Iterable[bool]], bool]]] = {"all": all, "any": any}
_MISSING: Final = ("propagate", "skip")


@attrs.frozen
class _Part:
    """One commune being merged: its name, its values and where they were read."""

    name: str
    values: Mapping[Any, Any]
    year: int | None = None
    district: str | None = None
    place: Mapping[str, Any] = attrs.field(factory=dict)
    readings: Mapping[str, Reading] = attrs.field(factory=dict)
    read_for: Framework | None = None
    #: The share of this commune that went into the merged one (a commune split by rebase).
    share: Fraction = Fraction(1)

    def read(self, criterion: Criterion, framework: Framework) -> Reading | Problem:
        """This part's value of ``criterion``: the reading a loaded record carries, made for
        ``framework``, or the value read now (each value is read once)."""
        if self.read_for is framework and criterion.id in self.readings:
            return self.readings[criterion.id]
        value = self.values.get(criterion.id)
        return MISSING_VALUE if value is None else read_value(criterion, value)

    def problem(self, problem: Problem) -> Problem:
        """``problem`` said of this part: its name before the message, its file as the place."""
        place = {k: v for k, v in self.place.items() if getattr(problem, k) is None}
        return attrs.evolve(
            problem,
            message=f"{self.name}: {problem.message}",
            message_en=f"{self.name}: {problem.message_en}",
            **place,
        )


def _part(name: str, given: Any, problems: list[Problem]) -> _Part | None:
    if isinstance(given, Record):
        place = {k: getattr(given, k) for k in ("source", "sheet", "row", "path")}
        return _Part(name, given.values, given.year, given.district,
                     {k: v for k, v in place.items() if v is not None},
                     given._readings, given._read_for)
    if isinstance(given, Mapping):
        return _Part(name, given)
    problems.append(Problem.of("merge_part_type", value=given, part=name))
    return None


def _parts(given: Any, problems: list[Problem]) -> list[_Part]:
    """The parts from a mapping ``{name: values or Record}`` or a list of Records/mappings."""
    if isinstance(given, Mapping):
        named: Iterable[tuple[Any, Any]] = given.items()
    elif isinstance(given, Iterable) and not isinstance(given, str | bytes):
        named = (
            (item.commune if isinstance(item, Record) else f"#{i}", item)
            for i, item in enumerate(given, start=1)
        )
    else:
        problems.append(Problem.of("merge_parts_type", value=given, type=type(given).__name__))
        return []
    parts: list[_Part] = []
    seen: set[str] = set()
    before = len(problems)
    for name, item in named:
        if not isinstance(name, str):
            problems.append(Problem.of("merge_part_name", value=name))
            continue
        if isinstance(item, Record) and (item.code is not None or is_code(item.commune)):
            # A part named by its official code ([admin]): named as the list names it.
            resolved = official_record(item)
            if isinstance(resolved, Problem):
                problems.append(resolved)
                continue
            name = resolved.commune if name == item.commune else name
            item = resolved
        if name in seen:
            problems.append(Problem.of("merge_duplicate_part", value=name))
            continue
        seen.add(name)
        part = _part(name, item, problems)
        if part is not None:
            parts.append(part)
    if not parts and len(problems) == before:
        problems.append(Problem.of("merge_no_parts"))
    return parts


# Criterion by criterion ------------------------------------------------------------------------

_Given = list[tuple[_Part, Reading, Any]]


def _merge_rate(criterion: Criterion, given: _Given, weights: Weights,
                problems: list[Problem], several: bool) -> Any:
    numerators: list[Fraction] = []
    denominator = Fraction(0)
    for part, reading, value in given:
        weight, own = weight_of(weights, part.name, criterion.id)
        if weight is not None and too_long(weight) and (own or reading.counts is None):
            # Refused by the number policy's limit, as the value it weighs would be.
            problems.append(part.problem(Problem.of(
                "number_too_long", criterion=criterion.id, value=weight, digits=MAX_DIGITS,
                exponent=MAX_EXPONENT)))
        elif reading.counts is not None:
            num, den = reading.counts
            if own and weight is not None and weight != den:
                problems.append(part.problem(Problem.of(
                    "merge_weight_conflict", criterion=criterion.id, value=weight,
                    denominator=den)))
            numerators.append(num * part.share)
            denominator += den * part.share
        elif weight is None:
            if several:
                problems.append(part.problem(Problem.of(
                    "merge_percent_only", criterion=criterion.id, value=value)))
        else:
            assert isinstance(reading.value, Fraction)
            numerators.append(reading.value * weight / 100 * part.share)
            denominator += weight * part.share
    if not several and given[0][0].share == 1:
        return _kept(given[0][1])
    if not several and given[0][1].counts is None:
        return given[0][1].value  # a share of a percentage is that percentage
    total = sum(numerators, Fraction(0))
    if all(n.denominator == 1 for n in numerators) and Fraction(denominator).denominator == 1:
        return Ratio(int(total), int(denominator))
    return 100 * total / denominator


def _shared_count(criterion: Criterion, counts: Iterable[tuple[_Part, Fraction | int]],
                  problems: list[Problem]) -> int:
    """The sum of the parts' counts, each for its share; refused when not whole (never rounded)."""
    total = sum((count * part.share for part, count in counts), Fraction(0))
    if total.denominator != 1:
        problems.append(Problem.of("merge_share_count", criterion=criterion.id,
                                   value=exact(total)))
    return int(total)


def _merge_count(criterion: Criterion, given: _Given, weights: Weights,
                 problems: list[Problem], several: bool) -> Any:
    return _shared_count(criterion, ((part, reading.value) for part, reading, _ in given
                                     if isinstance(reading.value, Fraction)), problems)


def _merge_yes_no(policy: Callable[[Iterable[bool]], bool]) -> Callable[..., Any]:
    def merge_yes_no(criterion: Criterion, given: _Given, weights: Weights,
                     problems: list[Problem], several: bool) -> Any:
        if all(reading.count is not None for _, reading, _ in given):
            # A counted criterion: the parts' things add up (10 + 7 hotspots are 17).
            return _shared_count(criterion, ((part, reading.count or 0)
                                             for part, reading, _ in given), problems)
        return policy(reading.value is True for _, reading, _ in given)

    return merge_yes_no


def _kept(reading: Reading) -> Any:
    """One part's reading as the merged value: the same reading when evaluated again."""
    if reading.count is not None:
        return reading.count
    if reading.counts is not None:
        return Ratio(*reading.counts)
    if isinstance(reading.value, Fraction) and reading.value.denominator == 1:
        return int(reading.value)
    return reading.value


def _merge_criterion(criterion: Criterion, framework: Framework, parts: list[_Part],
                     merge_kind: Callable[..., Any], weights: Weights, missing: str,
                     problems: list[Problem]) -> Any:
    """The merged value of ``criterion``, :data:`MISSING_VALUE` when there is none."""
    given: _Given = []
    bad = 0
    absent = exempt = False
    for part in parts:
        value = part.values.get(criterion.id)
        found = part.read(criterion, framework)
        if isinstance(found, Problem):
            problems.append(part.problem(found))
            bad += 1
        elif found.exempt:
            exempt = True
        elif found.value is None:
            absent = True
        else:
            given.append((part, found, value))
    if bad:
        if given:
            # Only for the problems of the parts that could be read (a percentage without
            # its weight): the value itself is not made.
            merge_kind(criterion, given, weights, problems, len(given) + bad > 1)
        return MISSING_VALUE
    if absent and missing == "propagate":
        return MISSING_VALUE
    if not given:
        return NOT_APPLICABLE if exempt else MISSING_VALUE
    value = merge_kind(criterion, given, weights, problems, len(given) > 1)
    # One part's evidence is kept as it is (merging one part is the identity); several name theirs.
    evidence = given[0][1].evidence if len(given) == 1 else "; ".join(
        f"{part.name}: {reading.evidence}" for part, reading, _ in given
        if reading.evidence is not None)
    return measured(value, evidence) if evidence else value


# The public function ---------------------------------------------------------------------------


def _one_year(parts: list[_Part], problems: list[Problem]) -> int | None:
    years = {part.year for part in parts if part.year is not None}
    if len(years) > 1:
        listed = ", ".join(f"{p.name} ({p.year})" for p in parts if p.year is not None)
        problems.append(Problem.of("merge_years_differ", parts=listed))
        return None
    return years.pop() if years else None


def merge(
    parts: Iterable[Record | Mapping[str, Any]] | Mapping[str, Record | Mapping[str, Any]],
    *,
    into: str,
    weights: Mapping[str, int | Mapping[str, int]] | None = None,
    yes_no: str = "all",
    missing: str = "propagate",
    district: str | None = None,
    framework: Framework | None = None,
    shares: Mapping[str, Fraction] | None = None,
) -> Record:
    """The values of the commune ``into``, made by merging ``parts`` (rules: ``docs/merging.md``).

    ``parts`` is a mapping of commune name to its values (a mapping of criterion id to value, or
    a :class:`Record`), or a list of :class:`Record` objects (named by their ``commune``) or of
    value mappings (named ``#1``, ``#2``, … by position). ``weights`` maps a part's name to its
    denominator for rates given only as percentages: one whole number for every such rate, or a
    mapping of criterion id to whole number. ``yes_no`` is ``"all"`` or ``"any"``; ``missing``
    is ``"propagate"`` (a part without a value leaves the merged commune without one) or
    ``"skip"`` (the parts with a value are merged). ``shares`` maps a part's name to the share of
    it that went into ``into`` (a commune split by the arrangement, as :func:`rebase` gives it):
    its counts count for that share.

    Returns a :class:`Record` for ``into`` with the parts' year and, unless ``district`` is
    given, their district when they share one. ``into`` may be the merged commune's official
    code (``"15361"``; ``[admin]``): the record then has its official name in the list of the
    parts' year, its code, district and province. Every problem (arguments, years, values, weights)
    is reported at once in one :class:`MeasurementError`, which is also a :class:`TypeError`
    when an argument has the wrong type.
    """
    framework = framework_or_default(framework)
    problems: list[Problem] = []
    if not isinstance(into, str) or not into.strip():
        problems.append(Problem.of("merge_bad_into", value=into))
    if yes_no not in _YES_NO:
        problems.append(Problem.of("merge_bad_policy", value=yes_no))
    if missing not in _MISSING:
        problems.append(Problem.of("merge_bad_missing", value=missing))
    found = _parts(parts, problems)
    names = [part.name for part in found]
    shared = checked_shares(shares, names, problems)
    found = [attrs.evolve(p, share=shared.get(p.name, Fraction(1))) for p in found]
    year = _one_year(found, problems)
    checked = checked_weights(weights, names, framework, problems)
    for part in found:
        problems += [part.problem(p) for p in unknown_keys(part.values, framework)]
    merge_kind = {
        Kind.RATE: _merge_rate,
        Kind.COUNT: _merge_count,
        Kind.YES_NO: _merge_yes_no(_YES_NO.get(yes_no, all)),
    }
    merged: dict[str, Any] = {}
    for criterion in framework:
        value = _merge_criterion(criterion, framework, found, merge_kind[criterion.kind],
                                 checked, missing, problems)
        if value is not MISSING_VALUE:
            merged[criterion.id] = value
    districts = {part.district for part in found if part.district}
    if district is None and len(districts) == 1:
        district = districts.pop()
    record = Record(commune=into, year=year, values=merged, district=district)
    if is_code(into):  # the merged commune by its official code ([admin])
        named = (official_record(record) if year is not None
                 else Problem.of("admin_code_no_year", value=into))
        if isinstance(named, Problem):
            problems.append(named)
        else:
            record = named
    if problems:
        raise_problems(problems, promised=MeasurementError)
    return record
