"""Completion policies: Decision 1829's "every criterion", a share of criteria, and points.

A :class:`Policy` is one object with two forms. Its scalar form sees the framework and every
verdict of a commune-year, and gives an :class:`Outcome`: the completion verdict and, for a points
framework, the verdicts with their points, the score, the maximum and the level. Its columnar form
decides every row of a table at once from the status codes of each criterion (positions in
``tuple(Status)``, one row per criterion, one column per commune-year), with NumPy passed in.
Exact Fractions throughout. :data:`POLICIES` holds every policy by the name a framework file
gives it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Any

import attrs

from cds_indicators._model.framework import Framework
from cds_indicators._model.scoring import SCORINGS, index_of, objects, points_for, reachable
from cds_indicators._model.verdict import Completion, Status, Verdict
from cds_indicators._words import format as _text

__all__ = ["POLICIES", "Outcome", "Policy", "completion_all", "completion_points",
           "completion_share", "objects", "points_for"]

_HUNDRED = Fraction(100)
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
            still_open += reachable(criterion)
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


# --- the same policies on every row of a table at once -------------------------------------------

_STATUS_CODE = {status: i for i, status in enumerate(Status)}
_PASS, _FAIL, _MISSING = (_STATUS_CODE[s] for s in (Status.PASS, Status.FAIL, Status.MISSING))
_DONE, _NOT_DONE, _OPEN = (tuple(Completion).index(c) for c in (
    Completion.COMPLETED, Completion.NOT_COMPLETED, Completion.UNDETERMINED))
_ZERO = Fraction(0)

#: The columnar form: ``(np, framework, codes, exact, year_position)`` → each row's completion
#: code (a position in ``tuple(Completion)``) and any further columns by name. ``exact(k)`` gives
#: the exact values of the framework's ``k``-th criterion (an object array of Fractions, ``None``
#: where there is none), asked for only by a policy that weighs values; ``year_position`` each
#: row's position in ``framework.years``.
Columns = Callable[[Any, Framework, Any, Callable[[int], Any], Any], tuple[Any, dict[str, Any]]]


def _all_columns(np: Any, framework: Framework, codes: Any, exact: Callable[[int], Any],
                 year_position: Any) -> tuple[Any, dict[str, Any]]:
    # Each row's statuses as one byte (a bit per status present), then the completion that
    # _all gives for that set of statuses, looked up.
    present = np.bitwise_or.reduce(np.left_shift(np.int8(1), codes), axis=0,
                                   initial=np.int8(0))
    return _by_present(np)[present], {}


@functools.cache
def _by_present(np: Any) -> Any:
    """For each set of statuses (a bit per position in ``tuple(Status)``), the code of the
    completion :func:`_all` gives it."""
    statuses = tuple(Status)
    completions = tuple(Completion)
    return np.array([completions.index(_all(s for i, s in enumerate(statuses) if bits >> i & 1))
                     for bits in range(1 << len(statuses))], dtype=np.int8)


def _decide_columns(np: Any, framework: Framework, codes: Any, reached_now: Any,
                    reachable: Any) -> Any:
    """:func:`_decide` on every row."""
    mandatory = np.array([c.mandatory for c in framework], dtype=bool)
    picked = codes[mandatory]
    failed = (picked == _FAIL).any(axis=0) | ~reachable
    still_open = (picked == _MISSING).any(axis=0) | ~reached_now
    return np.where(failed, _NOT_DONE, np.where(still_open, _OPEN, _DONE)).astype(np.int8)


def _share_columns(np: Any, framework: Framework, codes: Any, exact: Callable[[int], Any],
                   year_position: Any) -> tuple[Any, dict[str, Any]]:
    # passed * 100 >= share * counted, in integers: share is an exact Fraction.
    assert framework.share is not None
    share = Fraction(framework.share)
    passed = (codes == _PASS).sum(axis=0, dtype=np.int64)
    missing = (codes == _MISSING).sum(axis=0, dtype=np.int64)
    counted = passed + missing + (codes == _FAIL).sum(axis=0, dtype=np.int64)
    need = counted * share.numerator
    reached_now = passed * (100 * share.denominator) >= need
    reachable = (passed + missing) * (100 * share.denominator) >= need
    return _decide_columns(np, framework, codes, reached_now, reachable), {}


def _points_columns(np: Any, framework: Framework, codes: Any, exact: Callable[[int], Any],
                    year_position: Any) -> tuple[Any, dict[str, Any]]:
    assert framework.pass_score is not None
    n = codes.shape[1]
    score = np.full(n, _ZERO, dtype=object)
    maximum = np.full(n, _ZERO, dtype=object)
    still_open = np.full(n, _ZERO, dtype=object)
    for k, criterion in enumerate(framework):
        status = codes[k]
        counted = (status == _PASS) | (status == _FAIL) | (status == _MISSING)
        if criterion.points is None or not counted.any():
            continue
        rule = SCORINGS[criterion.scoring]
        values = exact(k) if rule.weighs_values else None
        earned = rule.columns(np, framework, criterion, status, values, year_position)
        score = score + np.where(counted, earned, _ZERO)
        maximum = maximum + np.where(counted, criterion.points, _ZERO)
        still_open = still_open + np.where(status == _MISSING, reachable(criterion), _ZERO)
    level = np.full(n, None, dtype=object)
    for cut in reversed(framework.levels):
        level[(score >= cut.min_score).astype(bool)] = cut.name
    completion = _decide_columns(np, framework, codes,
                                 (score >= framework.pass_score).astype(bool),
                                 (score + still_open >= framework.pass_score).astype(bool))
    return completion, {
        "score": score.astype(np.float64),
        "max_score": maximum.astype(np.float64),
        "index": objects(np, [index_of(s, m) for s, m in zip(score.tolist(), maximum.tolist(),
                                                              strict=True)]).astype(np.float64),
        "level": level,
        "score_exact": objects(np, [_text.exact(x) for x in score.tolist()]),
    }


@attrs.frozen(kw_only=True)
class Policy:
    """One completion policy: ``decide`` for one commune-year's verdicts, ``columns`` for every
    row of a table at once (see :data:`Columns`); both give the same completion."""

    name: str
    decide: Callable[[Framework, tuple[Verdict, ...]], Outcome]
    columns: Columns
    #: For a policy that weighs nothing but the statuses: the completion from the statuses
    #: alone, so that :func:`evaluate` may decide it before any verdict is built.
    by_status: Callable[[Iterable[Status]], Completion] | None = None


#: Every completion policy by the name a framework file gives it (``completion = "share"``); the
#: framework loader accepts exactly these names.
POLICIES: dict[str, Policy] = {policy.name: policy for policy in (
    Policy(name="all", decide=completion_all, columns=_all_columns, by_status=_all),
    Policy(name="share", decide=completion_share, columns=_share_columns),
    Policy(name="points", decide=completion_points, columns=_points_columns),
)}
