"""How a criterion of a points framework turns its verdict into points, each rule written once.

A :class:`Scoring` names the rule a framework file gives (``scoring = "bands"``); its
:class:`ScoringRule` in :data:`SCORINGS` carries both forms of it: ``earned`` for one verdict
(what :func:`~cds_indicators.evaluate` uses) and ``columns`` for every row of a table at once
(what :func:`~cds_indicators.evaluate_frame` uses, NumPy passed in), and what the framework
loader checks about it (which kinds and comparisons it accepts). A new scoring is one enum member
and one row here; nothing else branches on it.

Points are exact Fractions. Every rule gives 0 to a missing value, and every rule is monotone:
a value that meets a target better (higher for ``at_least``/``above``) never earns fewer points.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

import attrs

from cds_indicators._model.comparisons import RULES
from cds_indicators._model.framework import Criterion, Framework, Kind, Scoring
from cds_indicators._model.verdict import Status, Verdict

__all__ = ["DEFAULT_PARTIAL_SHARE", "SCORINGS", "SCORING_KEYS", "ScoringRule", "band_points",
           "index_of", "objects", "points_for", "reachable"]

_ZERO = Fraction(0)
_ONE = Fraction(1)
_HUNDRED = Fraction(100)
_PASS = tuple(Status).index(Status.PASS)

#: The columnar form: ``(np, framework, criterion, status, values, year_position)`` → the points
#: of every row as an object array of Fractions. ``status`` holds each row's status code (a
#: position in ``tuple(Status)``), ``values`` each row's exact value (``None`` where there is
#: none; only given to a rule that weighs values), ``year_position`` each row's position in
#: ``framework.years``.
Columns = Callable[[Any, Framework, Criterion, Any, Any, Any], Any]


def objects(np: Any, items: Any) -> Any:
    """A one-dimensional object array of ``items`` (NumPy would nest tuples or Fractions)."""
    items = list(items)
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def _maximum(criterion: Criterion) -> Fraction:
    return criterion.points or _ZERO


def reachable(criterion: Criterion) -> Fraction:
    """The most a criterion of a points framework can still earn when its value is missing: its
    points, or the top band's points when its bands stop below them."""
    if criterion.scoring is Scoring.BANDS and criterion.bands:
        return max(band.points for band in criterion.bands)
    return _maximum(criterion)


# --- all or nothing -----------------------------------------------------------------------------

def _all_or_nothing(criterion: Criterion, verdict: Verdict) -> Fraction:
    return _maximum(criterion) if verdict.status is Status.PASS else _ZERO


def _all_or_nothing_columns(np: Any, framework: Framework, criterion: Criterion, status: Any,
                            values: Any, year_position: Any) -> Any:
    return np.where(status == _PASS, _maximum(criterion), _ZERO)


# --- proportional: Điểm = Tỷ lệ × Điểm tối đa --------------------------------------------------

def _share(criterion: Criterion, value: Fraction, threshold: Fraction | None) -> Fraction:
    if criterion.kind is Kind.RATE:
        share = value / _HUNDRED
    elif threshold:
        share = value / threshold
    else:
        share = _ONE
    return min(share, _ONE) * _maximum(criterion)


def _proportional(criterion: Criterion, verdict: Verdict) -> Fraction:
    if not isinstance(verdict.value, Fraction):
        return _ZERO
    target = verdict.target
    assert target is not None and RULES[target.comparison].upward
    return _share(criterion, verdict.value, target.threshold)


def _proportional_columns(np: Any, framework: Framework, criterion: Criterion, status: Any,
                          values: Any, year_position: Any) -> Any:
    thresholds = [None if t is None else t.threshold
                  for t in (criterion.targets[y] for y in framework.years)]
    per_row = objects(np, thresholds)[year_position].tolist()
    return objects(np, (_ZERO if value is None else _share(criterion, value, threshold)
                        for value, threshold in zip(values.tolist(), per_row, strict=True)))


# --- bands: 4 meetings → 20 points, 3 → 15, … ---------------------------------------------------

def band_points(criterion: Criterion, value: Fraction | None) -> Fraction:
    """The points of the highest band of ``criterion`` that ``value`` reaches; 0 below every
    band or without a value."""
    if value is None:
        return _ZERO
    for band in criterion.bands:
        if value >= band.start:
            return band.points
    return _ZERO


def _bands(criterion: Criterion, verdict: Verdict) -> Fraction:
    return band_points(criterion, verdict.value if isinstance(verdict.value, Fraction) else None)


def _bands_columns(np: Any, framework: Framework, criterion: Criterion, status: Any,
                   values: Any, year_position: Any) -> Any:
    known: dict[Fraction | None, Fraction] = {}
    return objects(np, (known[v] if v in known else known.setdefault(
        v, band_points(criterion, v)) for v in values.tolist()))


# --- partial: full, a share when partly met, none ------------------------------------------------

def _partly(criterion: Criterion, value: Fraction | None) -> Fraction:
    """The points of a value that does not meet the target: the partial share of the maximum
    when it meets the second threshold, else 0."""
    if value is None or criterion.partial is None or criterion.partial_share is None:
        return _ZERO
    if RULES[criterion.comparison].meets(value, criterion.partial):
        return criterion.partial_share * _maximum(criterion)
    return _ZERO


def _partial(criterion: Criterion, verdict: Verdict) -> Fraction:
    if verdict.status is Status.PASS:
        return _maximum(criterion)
    return _partly(criterion, verdict.value if isinstance(verdict.value, Fraction) else None)


def _partial_columns(np: Any, framework: Framework, criterion: Criterion, status: Any,
                     values: Any, year_position: Any) -> Any:
    partly = objects(np, (_partly(criterion, v) for v in values.tolist()))
    return np.where(status == _PASS, _maximum(criterion), partly)


@attrs.frozen(kw_only=True)
class ScoringRule:
    """One scoring: its scalar form ``earned`` (the points of one counted verdict), its columnar
    form ``columns`` (see :data:`Columns`), and what a framework file may use it with.

    ``weighs_values`` says that the points depend on the value itself, not only on the status;
    ``numeric`` that it is only for rates and counts; ``upward`` that it is only for criteria
    whose comparison prefers larger values (``at_least``, ``above``); ``refusal`` the problem code
    the framework loader reports when a criterion uses it where it does not fit.
    """

    scoring: Scoring
    earned: Callable[[Criterion, Verdict], Fraction]
    columns: Columns
    weighs_values: bool = False
    numeric: bool = False
    upward: bool = False
    refusal: str = ""
    keys: tuple[str, ...] = ()
    """The criterion keys a framework file must give with this scoring."""
    optional: tuple[str, ...] = ()
    """The criterion keys it may give."""


#: The criterion keys that belong to one scoring or another.
SCORING_KEYS = ("bands", "partial", "partial_share")
#: The share of the maximum a partly met criterion earns when the file does not say.
DEFAULT_PARTIAL_SHARE = Fraction(1, 2)

#: Every scoring by its :class:`Scoring`; the framework loader accepts exactly these.
SCORINGS: dict[Scoring, ScoringRule] = {rule.scoring: rule for rule in (
    ScoringRule(scoring=Scoring.ALL_OR_NOTHING, earned=_all_or_nothing,
                columns=_all_or_nothing_columns),
    ScoringRule(scoring=Scoring.PROPORTIONAL, earned=_proportional,
                columns=_proportional_columns, weighs_values=True, numeric=True, upward=True,
                refusal="proportional_needs_at_least"),
    ScoringRule(scoring=Scoring.BANDS, earned=_bands, columns=_bands_columns,
                weighs_values=True, numeric=True, upward=True, refusal="bands_needs_at_least",
                keys=("bands",)),
    ScoringRule(scoring=Scoring.PARTIAL, earned=_partial, columns=_partial_columns,
                weighs_values=True, numeric=True, refusal="partial_needs_number",
                keys=("partial",), optional=("partial_share",)),
)}


def points_for(criterion: Criterion, verdict: Verdict) -> Fraction:
    """The points ``verdict`` earns for ``criterion`` by its scoring (0 when missing).

    Proportional scoring follows ``Điểm = Tỷ lệ × Điểm tối đa``: a rate earns ``value / 100``
    of the maximum, a count ``value / threshold``; both capped at the maximum.
    """
    return SCORINGS[criterion.scoring].earned(criterion, verdict)


def index_of(score: Fraction | None, max_score: Fraction | None) -> Fraction | None:
    """The normalised index ``score / max_score`` (0 to 1, exact, as DTI publishes it);
    ``None`` without a score or when no criterion counts (a maximum of 0)."""
    if score is None or not max_score:
        return None
    return score / max_score
