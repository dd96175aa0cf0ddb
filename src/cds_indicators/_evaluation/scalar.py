"""Evaluating one commune-year: read every value once, then compare exact numbers."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from cds_indicators._evaluation.counted import read_counted
from cds_indicators._evaluation.fast import decider
from cds_indicators._evaluation.reading import (
    MISSING_VALUE,
    Reading,
    read_count,
    read_rate,
    read_yes_no,
)
from cds_indicators._frameworks.registry import framework_or_default
from cds_indicators._model.comparisons import RULES
from cds_indicators._model.errors import Problem, raise_problems
from cds_indicators._model.framework import Criterion, Framework, Kind
from cds_indicators._model.official import is_code, placed
from cds_indicators._model.policies import POLICIES
from cds_indicators._model.report import Report, Status, Verdict, waiting_report

__all__ = ["evaluate", "evaluate_readings", "read_value", "read_values"]


#: How each kind of criterion reads a value, given the criterion: a table, not a branch per kind.
_READERS: dict[Kind, Callable[[Criterion], Callable[[Any], Reading | Problem]]] = {
    Kind.RATE: lambda c: functools.partial(read_rate, c.id, counts=c.counts),
    Kind.YES_NO: lambda c: functools.partial(
        read_counted if c.counted else read_yes_no, c.id, labels=c.labels),
    Kind.COUNT: lambda c: functools.partial(read_count, c.id),
}


def _checked(criterion: Criterion, value: Any, found: Reading | Problem) -> Reading | Problem:
    if isinstance(found, Reading) and found.exempt and not criterion.conditional:
        return Problem.of("not_conditional", criterion=criterion.id, value=value)
    return found


def read_value(criterion: Criterion, value: Any) -> Reading | Problem:
    """``value`` read exactly for ``criterion``, or the problem with it."""
    return _checked(criterion, value, _READERS[criterion.kind](criterion)(value))


def reads_text_alike(criterion: Criterion) -> tuple[Any, ...]:
    """Everything of ``criterion`` that :func:`read_value` reads a text by, but its id, which
    only a problem names: two criteria with the same read any text to the same reading. The
    readers of :data:`_READERS` take a rate's or a count's id alone (a rate's names of its
    counts are looked at only in counts given apart, never in text), a yes/no criterion's
    labels and whether it counts things too."""
    if criterion.kind is Kind.YES_NO:
        return (criterion.kind, criterion.conditional, criterion.counted, criterion.labels)
    return (criterion.kind, criterion.conditional)


class _Judge:
    """One criterion in one year, with everything about it that no value changes: how to read a
    value, the target and the comparison that decides it, and the verdict's fixed fields.

    Made once per framework and year (see :func:`_judges`), so that evaluating a commune-year
    only reads values and compares numbers. Verdicts that can take only a few forms (missing,
    exempt, yes/no) are made once and shared: verdicts are immutable.
    """

    __slots__ = ("_fixed", "_known", "_meets", "_threshold", "criterion", "decide", "id", "read")

    def __init__(self, criterion: Criterion, year: int) -> None:
        self.criterion = criterion
        self.id = criterion.id
        self.read = _READERS[criterion.kind](criterion)
        #: The status straight from a value in a common form, or None (see fast.py).
        self.decide = decider(criterion, year)
        target = criterion.targets[year]
        self._threshold = None if target is None else target.threshold
        self._meets = None if target is None else RULES[target.comparison].meets
        self._fixed: dict[str, Any] = {"criterion": criterion.id, "name": criterion.name,
                       "pillar": criterion.pillar, "year": year, "kind": criterion.kind,
                       "target": target, "name_en": criterion.name_en}
        if criterion.counted:
            self._fixed["unit"] = criterion.unit
        self._known: dict[tuple[bool | None, bool], Verdict] = {}

    def verdict(self, reading: Reading, status: Status | None = None) -> Verdict:
        """The verdict on ``reading``, with its ``status`` when already decided."""
        value = reading.value
        if (value is None or value.__class__ is bool) and (
                reading.count is None and reading.evidence is None):
            key = (value, reading.exempt)
            known = self._known.get(key)
            if known is None:
                known = self._known[key] = self._make(reading, status)
            return known
        return self._make(reading, status)

    def status(self, reading: Reading) -> Status:
        """The status of ``reading``: the one place a reading is held against the target."""
        value = reading.value
        meets = self._meets
        if meets is None:
            return Status.NO_TARGET
        if reading.exempt:
            return Status.EXEMPT
        if value is None:
            return Status.MISSING
        return Status.PASS if meets(value, self._threshold) else Status.FAIL

    def _make(self, reading: Reading, status: Status | None = None) -> Verdict:
        # The one place a verdict is built.
        return Verdict(status=self.status(reading) if status is None else status,
                       value=reading.value, counts=reading.counts, count=reading.count,
                       evidence=reading.evidence, **self._fixed)

    def reading(self, given: Any) -> Reading:
        """The reading of a value :meth:`decide` decided (valid by then), or of ``None``."""
        if given is None or given.__class__ is Reading:
            return MISSING_VALUE if given is None else given
        found = _checked(self.criterion, given, self.read(given))
        assert isinstance(found, Reading), found
        return found


_Read = Callable[[Any], "Reading | Problem"]
_MADE: dict[tuple[int, int | None], tuple[Framework, Any]] = {}
_MADE_KEPT = 64


def _made_once(framework: Framework, year: int | None, make: Callable[[], Any]) -> Any:
    """What ``make`` makes for ``framework`` (and ``year``), made once. Frameworks are immutable
    and unhashable (their criteria hold dicts), so they are told apart by identity; the entry
    keeps the framework alive, so that its ``id`` cannot be reused while the entry exists."""
    key = (id(framework), year)
    entry = _MADE.get(key)
    if entry is not None and entry[0] is framework:
        return entry[1]
    made = make()
    if len(_MADE) >= _MADE_KEPT:
        _MADE.clear()
    _MADE[key] = (framework, made)
    return made


def _judges(framework: Framework, year: int) -> tuple[_Judge, ...]:
    """The judges of ``framework``'s criteria in ``year``, made once."""
    judges: tuple[_Judge, ...] = _made_once(
        framework, year, lambda: tuple(_Judge(criterion, year) for criterion in framework))
    return judges


def _readers(framework: Framework) -> tuple[tuple[Criterion, _Read], ...]:
    """How each criterion of ``framework`` reads a value, made once."""
    readers: tuple[tuple[Criterion, _Read], ...] = _made_once(
        framework, None, lambda: tuple((c, _READERS[c.kind](c)) for c in framework))
    return readers


def _unknown(values: Mapping[Any, Any], framework: Framework) -> list[tuple[Any, Problem]]:
    problems = []
    for key in values:
        if key in framework:
            continue
        if isinstance(key, str):
            problems.append((key, Problem.of("unknown_criterion", criterion=key,
                                             value=values[key], framework=framework.id)))
        else:
            problems.append((key, Problem.of("criterion_id_not_text", value=key)))
    return problems


def unknown_keys(values: Mapping[Any, Any], framework: Framework) -> list[Problem]:
    """A problem for each key of ``values`` that is no criterion of ``framework``."""
    return [problem for _, problem in _unknown(values, framework)]


def read_values(
    values: Mapping[Any, Any], framework: Framework
) -> tuple[dict[str, Reading], list[tuple[Any, Problem]]]:
    """The reading of every criterion of ``framework`` given a value in ``values`` (one absent
    or ``None`` has none: it is missing), and every problem, each with the key of ``values`` it
    is about: unknown keys first, then the criteria in the framework's order. The one loop that
    reads a commune-year's values."""
    problems = [] if values.keys() <= framework._index.keys() else _unknown(values, framework)
    readings: dict[str, Reading] = {}
    get = values.get
    for criterion, read in _readers(framework):
        given = get(criterion.id)
        if given is None:
            continue
        found = read(given)
        if isinstance(found, Problem) or found.exempt:
            found = _checked(criterion, given, found)
            if isinstance(found, Problem):
                problems.append((criterion.id, found))
                continue
        readings[criterion.id] = found
    return readings, problems


def _check_names(commune: Any, district: Any, province: Any = None) -> None:
    for field, field_vi, given in (("commune", "tên xã", commune),
                                   ("district", "tên huyện", district),
                                   ("province", "tên tỉnh", province)):
        if given is not None and not isinstance(given, str) and not (
                field == "commune" and is_code(given)):  # a whole number is a commune's code
            # A name kept as a number would not survive Report.to_dict()/from_dict().
            raise_problems([Problem.of("name_not_text", value=given, field=field,
                                         field_vi=field_vi)])


def evaluate(
    values: Mapping[str, Any],
    year: int,
    *,
    framework: Framework | None = None,
    commune: str | None = None,
    district: str | None = None,
    province: str | None = None,
    code: str | None = None,
) -> Report:
    """The verdict of every criterion for one commune in ``year``, and whether it completed.

    ``values`` maps criterion ids (``"2.5"``) to measured values: numbers or text in percent,
    :func:`ratio` counts, yes/no values, :data:`NOT_APPLICABLE`; an absent id or ``None`` is
    missing. Every value that cannot be read is reported at once in one
    :class:`MeasurementError`; a year the framework has no targets for raises
    :class:`UnknownYearError`.

    ``commune`` may be the commune's official code (``"15361"``, ``"015361"``), or ``code``
    given beside or instead of the name: with the ``[admin]`` extra, the report then names the
    commune of that code in the official list of ``year`` (before the 2025 arrangement up to
    2024, after it from 2025), with its district and province, and keeps the ``code``; an
    unknown code, or a name, district or province that are another unit's, is an
    :class:`InputError`.
    """
    framework = framework_or_default(framework)
    plan = _plan(framework, year)
    year = plan.year
    if commune is not None or district is not None or province is not None:
        _check_names(commune, district, province)
    if code is not None or (commune is not None and is_code(commune)):
        commune, code, district, province = placed(commune, year, code=code,
                                                   district=district, province=province)
    if values.__class__ is not dict and not isinstance(values, Mapping):
        raise_problems([Problem.of("values_not_mapping", value=values)])
    if plan.by_status is not None:
        decided = _decided(values, plan)
        if decided is not None:
            completion, pending, readings = decided
            return waiting_report(pending, framework.id, year, completion, commune, district,
                                  province, code, framework, readings)
    readings, problems = read_values(values, framework)
    if problems:
        raise_problems([problem for _, problem in problems])
    return _judged(readings, year, framework, commune, district, province, code)


def evaluate_readings(
    readings: Mapping[str, Reading],
    year: int,
    *,
    framework: Framework | None = None,
    commune: str | None = None,
    district: str | None = None,
    province: str | None = None,
    code: str | None = None,
) -> Report:
    """The report of values already read (criterion id → :class:`Reading`, as
    :func:`read_values` or a record from :func:`load_values` holds them): judged without
    reading again. A criterion without a reading is missing. A code is read as
    :func:`evaluate` reads it."""
    framework = framework_or_default(framework)
    year = framework.check_year(year)
    _check_names(commune, district, province)
    if code is not None or (commune is not None and is_code(commune)):
        commune, code, district, province = placed(commune, year, code=code,
                                                   district=district, province=province)
    return _judged(readings, year, framework, commune, district, province, code)


class _Plan:
    """What evaluating a commune-year of one framework in one year needs, made once: the year
    (checked), the judges, their criteria's ids and deciders, the policy's completion by
    statuses, and the ids a mapping of values may hold."""

    __slots__ = ("by_status", "decides", "ids", "ids_given", "judges", "year")

    def __init__(self, framework: Framework, year: int) -> None:
        self.year = year
        self.judges = _judges(framework, year)
        self.ids = tuple(judge.id for judge in self.judges)
        self.decides = tuple(judge.decide for judge in self.judges)
        self.by_status = POLICIES[framework.completion].by_status
        self.ids_given = framework._index.keys()


def _plan(framework: Framework, year: Any) -> _Plan:
    """The plan of ``framework`` in ``year``, made once (:func:`_made_once`, under ``-year``);
    :class:`UnknownYearError` for a year it has no targets for. A plan is looked up by the
    year given when it is an ``int``: each is made only for a year the framework has."""
    if year.__class__ is int:
        entry = _MADE.get((id(framework), -year))
        if entry is not None and entry[0] is framework:
            plan: _Plan = entry[1]
            return plan
    checked = framework.check_year(year)
    plan = _made_once(framework, -checked, lambda: _Plan(framework, checked))
    return plan


def _decided(values: Mapping[str, Any], plan: _Plan,
             ) -> tuple[Any, Callable[[], Any], dict[str, Reading] | None] | None:
    """The completion of ``values`` decided from the statuses alone, how to build the verdicts
    later, and the readings made on the way (of the values no decider took: the only ones that
    can carry a stated percentage); ``None`` when some value has a problem (the readers then
    word it, and every unknown key)."""
    if not values.keys() <= plan.ids_given:
        return None  # the readers word the unknown keys
    # What was given, kept (not the caller's mapping, which may change): the values the
    # deciders take are immutable; any other is kept as its reading.
    given = list(map(values.get, plan.ids))
    statuses: list[Any] = [decide(value)
                           for decide, value in zip(plan.decides, given, strict=True)]
    # The statuses seen, for the policy: a set, in which None is found at once.
    seen = set(statuses)
    readings = None
    if None in seen:
        for k, judge in enumerate(plan.judges):
            if statuses[k] is None:
                found = _checked(judge.criterion, given[k], judge.read(given[k]))
                if isinstance(found, Problem):
                    return None
                statuses[k] = judge.status(found)
                given[k] = found
        readings = {plan.ids[k]: found for k, found in enumerate(given)
                    if found.__class__ is Reading}
        seen = set(statuses)
    assert plan.by_status is not None
    return (plan.by_status(seen), functools.partial(_built, plan.judges, given, statuses),
            readings)


def _built(judges: tuple[_Judge, ...], given: list[Any],
           statuses: list[Status]) -> tuple[Verdict, ...]:
    # The statuses decided are the verdicts' statuses: what the property tests hold against
    # every other door is what decided the completion.
    return tuple(judge.verdict(judge.reading(value), status)
                 for judge, value, status in zip(judges, given, statuses, strict=True))


def _judged(readings: Mapping[str, Reading], year: int, framework: Framework,
            commune: str | None, district: str | None,
            province: str | None = None, code: str | None = None) -> Report:
    get = readings.get
    verdicts = tuple(judge.verdict(get(judge.id, MISSING_VALUE))
                     for judge in _judges(framework, year))
    outcome = POLICIES[framework.completion].decide(framework, verdicts)
    return _report(framework, year, commune, district, outcome.completion,
                   verdicts=outcome.verdicts, score=outcome.score, max_score=outcome.max_score,
                   level=outcome.level, province=province, code=code, readings=readings)


def _report(framework: Framework, year: int, commune: str | None, district: str | None,
            completion: Any, *, verdicts: tuple[Verdict, ...], **fields: Any) -> Report:
    """The one place a report with its verdicts is made (:func:`waiting_report` makes those
    whose verdicts wait). ``fields``: its province, code, score, maximum, level and the readings it
    was judged from."""
    return Report(framework=framework.id, year=year, completion=completion, verdicts=verdicts,
                  commune=commune, district=district, definition=framework, **fields)
