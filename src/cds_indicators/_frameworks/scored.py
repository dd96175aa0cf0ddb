"""The checks of a scored criterion's own keys: ``bands``, ``partial`` and ``partial_share``.

Which keys a scoring needs or allows, and which kinds and comparisons it fits, come from its row
in :data:`~cds_indicators._model.scoring.SCORINGS`; this module only says what each key must
hold.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from cds_indicators._frameworks.cells import THRESHOLD, cell_parts, number
from cds_indicators._frameworks.schema import CriterionDef, Number
from cds_indicators._model.comparisons import RULES
from cds_indicators._model.framework import Comparison, Kind, Scoring
from cds_indicators._model.scoring import SCORING_KEYS, SCORINGS

__all__ = ["check_scoring", "threshold_key"]

#: Reports one problem: ``problem(code, path, **params)``.
AddProblem = Callable[..., None]

_HUNDRED = Fraction(100)


def threshold_key(kind: Kind, value: Number) -> Fraction | None:
    """A ``from`` or ``partial`` value read like a target cell of ``kind`` (``"50%"`` for a
    rate, a whole number for a count); ``None`` if it is not one."""
    read = THRESHOLD.get(kind)
    if read is None or isinstance(value, float):
        return None
    found = read(str(value))
    if found is None or (kind is Kind.RATE and found > _HUNDRED):
        return None
    return found


def check_scoring(at: str, crit: CriterionDef, kind: Kind, comparison: Comparison | None,
                  scoring: Scoring, problem: AddProblem) -> None:
    """Report every problem of the scoring keys of the criterion at ``at``, whose scoring is
    ``scoring`` (``all_or_nothing`` when the file names none)."""
    rule = SCORINGS[scoring]
    for key in SCORING_KEYS:
        if getattr(crit, key) is not None and key not in rule.keys + rule.optional:
            problem("scoring_key_unused", f"{at}.{key}", criterion=crit.id, key=key,
                    scoring=_owner(key))
    for key in rule.keys:
        if getattr(crit, key) is None:
            problem("scoring_key_missing", f"{at}.{key}", criterion=crit.id, key=key,
                    scoring=scoring.value)
    fits = not (rule.numeric and kind is Kind.YES_NO) and not (
        rule.upward and (comparison is None or not RULES[comparison].upward))
    if not fits:
        problem(rule.refusal, f"{at}.scoring", criterion=crit.id)
        return
    if scoring is Scoring.BANDS and crit.bands is not None:
        _check_bands(at, crit, kind, problem)
    if scoring is Scoring.PARTIAL and comparison is not None:
        _check_partial(at, crit, kind, comparison, problem)


def _owner(key: str) -> str:
    return next(rule.scoring.value for rule in SCORINGS.values()
                if key in rule.keys + rule.optional)


def _check_bands(at: str, crit: CriterionDef, kind: Kind, problem: AddProblem) -> None:
    assert crit.bands is not None
    maximum = number(crit.points) if crit.points is not None else None
    if not crit.bands:
        problem("scoring_key_missing", f"{at}.bands", criterion=crit.id, key="bands",
                scoring=Scoring.BANDS.value)
    before: tuple[Fraction, Fraction] | None = None
    for j, band in enumerate(crit.bands):
        where = f"{at}.bands[{j}]"
        start = threshold_key(kind, band.from_)
        if start is None:
            problem("bad_threshold_key", f"{where}.from", criterion=crit.id, key="from",
                    found=band.from_)
        points = number(band.points)
        if points is None or points < 0:
            problem("bad_points", f"{where}.points", found=band.points)
            points = None
        elif maximum is not None and points > maximum:
            problem("band_points_range", f"{where}.points", criterion=crit.id,
                    found=band.points, maximum=crit.points)
        if start is None or points is None:
            continue
        if before is not None and not (start < before[0] and points < before[1]):
            problem("bands_order", f"{where}", criterion=crit.id)
        before = (start, points)


def _check_partial(at: str, crit: CriterionDef, kind: Kind, comparison: Comparison,
                   problem: AddProblem) -> None:
    if crit.partial_share is not None:
        share = number(crit.partial_share)
        if share is None or not 0 < share < 1:
            problem("bad_partial_share", f"{at}.partial_share", criterion=crit.id,
                    found=crit.partial_share)
    if crit.partial is None:
        return
    partial = threshold_key(kind, crit.partial)
    if partial is None:
        problem("bad_threshold_key", f"{at}.partial", criterion=crit.id, key="partial",
                found=crit.partial)
        return
    meets = RULES[comparison].meets
    for year, cell in sorted(crit.targets.items()):
        threshold_text, label = cell_parts(cell)
        threshold = THRESHOLD[kind](threshold_text)
        if threshold is not None and (threshold == partial or not meets(threshold, partial)):
            problem("partial_not_easier", f"{at}.partial", criterion=crit.id,
                    found=crit.partial, year=year, target=label)
