"""Completion policies beyond Decision 1829's "every criterion": a share of criteria, and points.

A policy sees the framework and every verdict of a commune-year, and gives an :class:`Outcome`:
the completion verdict and, for a points framework, the verdicts with their points, the score, the
maximum and the level. Exact Fractions throughout.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from fractions import Fraction

import attrs

from cds_indicators._model.framework import Comparison, Criterion, Framework, Kind, Scoring
from cds_indicators._model.report import Completion, Status, Verdict

__all__ = ["POLICIES", "Outcome", "completion_all", "completion_points", "completion_share",
           "points_for"]

_HUNDRED = Fraction(100)
_ONE = Fraction(1)
#: Statuses of criteria that count: they have a target and are not declared not applicable.
_COUNTED = frozenset({Status.PASS, Status.FAIL, Status.MISSING})


@attrs.frozen(kw_only=True)
class Outcome:
    """What a completion policy decided for one commune-year."""

    completion: Completion
    verdicts: tuple[Verdict, ...]
    score: Fraction | None = None
    max_score: Fraction | None = None
    level: str | None = None


def _all(statuses: Iterable[Status]) -> Completion:
    seen = set(statuses)
    if Status.FAIL in seen:
        return Completion.NOT_COMPLETED
    if Status.MISSING in seen:
        return Completion.UNDETERMINED
    return Completion.COMPLETED


def completion_all(framework: Framework, verdicts: tuple[Verdict, ...]) -> Outcome:
    """Decision 1829: complete when every criterion with a target is met or exempt."""
    return Outcome(completion=_all(v.status for v in verdicts), verdicts=verdicts)


def _mandatory(framework: Framework, verdicts: tuple[Verdict, ...]) -> set[Status]:
    return {v.status for v in verdicts if framework[v.criterion].mandatory}


def _decide(
    mandatory: set[Status], reached_now: bool, reachable: bool
) -> Completion:
    """Completion from what is certain: a mandatory failure or an unreachable goal fails; a
    missing mandatory value or a goal that missing values could still change is undetermined."""
    if Status.FAIL in mandatory or not reachable:
        return Completion.NOT_COMPLETED
    if Status.MISSING in mandatory or not reached_now:
        return Completion.UNDETERMINED
    return Completion.COMPLETED


def completion_share(framework: Framework, verdicts: tuple[Verdict, ...]) -> Outcome:
    """Complete when at least ``framework.share`` percent of the criteria with a target (not
    declared not applicable) are met, and every mandatory criterion is met."""
    assert framework.share is not None
    counted = [v.status for v in verdicts if v.status in _COUNTED]
    total = len(counted)
    passed = counted.count(Status.PASS)
    missing = counted.count(Status.MISSING)
    need = framework.share * total
    completion = _decide(
        _mandatory(framework, verdicts),
        reached_now=passed * _HUNDRED >= need,
        reachable=(passed + missing) * _HUNDRED >= need,
    )
    return Outcome(completion=completion, verdicts=verdicts)


def points_for(criterion: Criterion, verdict: Verdict) -> Fraction:
    """The points ``verdict`` earns for ``criterion`` (0 when missing or failed all-or-nothing).

    Proportional scoring follows ``Điểm = Tỷ lệ × Điểm tối đa``: a rate earns ``value / 100``
    of the maximum, a count ``value / threshold``; both capped at the maximum.
    """
    maximum = criterion.points or Fraction(0)
    if verdict.status is Status.PASS and criterion.scoring is Scoring.ALL_OR_NOTHING:
        return maximum
    if criterion.scoring is not Scoring.PROPORTIONAL or not isinstance(verdict.value, Fraction):
        return Fraction(0)
    target = verdict.target
    assert target is not None and target.comparison is Comparison.AT_LEAST
    if criterion.kind is Kind.RATE:
        share = verdict.value / _HUNDRED
    elif target.threshold:
        share = verdict.value / target.threshold
    else:
        share = _ONE
    return min(share, _ONE) * maximum


def completion_points(framework: Framework, verdicts: tuple[Verdict, ...]) -> Outcome:
    """Each counted criterion scores up to its points; complete when the score reaches
    ``framework.pass_score`` and every mandatory criterion is met. The level is the highest
    whose cut-off the score reaches (a missing value scores 0 until it is given)."""
    assert framework.pass_score is not None
    scored = []
    score = maximum = still_open = Fraction(0)
    for verdict in verdicts:
        criterion = framework[verdict.criterion]
        if verdict.status not in _COUNTED or criterion.points is None:
            scored.append(verdict)
            continue
        earned = points_for(criterion, verdict)
        score += earned
        maximum += criterion.points
        if verdict.status is Status.MISSING:
            still_open += criterion.points
        scored.append(attrs.evolve(verdict, points=earned, max_points=criterion.points))
    level = framework.level(score)
    completion = _decide(
        _mandatory(framework, verdicts),
        reached_now=score >= framework.pass_score,
        reachable=score + still_open >= framework.pass_score,
    )
    return Outcome(
        completion=completion,
        verdicts=tuple(scored),
        score=score,
        max_score=maximum,
        level=None if level is None else level.name,
    )


#: Every completion policy by the name a framework file gives it (``completion = "share"``); the
#: framework loader accepts exactly these names.
POLICIES: dict[str, Callable[[Framework, tuple[Verdict, ...]], Outcome]] = {
    "all": completion_all,
    "share": completion_share,
    "points": completion_points,
}
