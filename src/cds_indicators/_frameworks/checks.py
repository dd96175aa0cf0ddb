"""What a framework file's definitions mean: every check, every problem reported.

The checks run on definitions that have the right shape (``schema``) and report each problem
through ``problem(code, path, **params)``; the known names in messages come from the model's own
tables (``Kind``, ``Comparison``, ``Scoring``, ``POLICIES``), so a new entry there is accepted
here with no edit.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import TypeVar

from cds_indicators._frameworks.cells import (
    NO_TARGET_CELL,
    THRESHOLD,
    cell_parts,
    comparison_of,
    number,
    numeric_comparisons,
    percent_cell,
)
from cds_indicators._frameworks.schema import (
    SCHEMA_VERSIONS,
    Cell,
    CellDef,
    CriterionDef,
    FileDef,
    Number,
)
from cds_indicators._frameworks.scored import check_scoring
from cds_indicators._model.framework import Comparison, Kind, Scoring
from cds_indicators._model.policies import POLICIES
from cds_indicators._model.scoring import SCORING_KEYS
from cds_indicators._words.format import fold

__all__ = ["check"]

#: Reports one problem: ``problem(code, path, **params)``.
AddProblem = Callable[..., None]
E = TypeVar("E", bound=enum.Enum)

_CODE = re.compile(r"[a-z][a-z0-9_]*")
_HUNDRED = Fraction(100)


def _known(names: Iterable[str]) -> str:
    return ", ".join(names)


def _version_two_keys(spec: FileDef) -> list[tuple[str, str]]:
    """(path, key) of every use of a key that schema_version 1 does not have."""
    used: list[tuple[str, str]] = []
    meta = spec.framework
    if meta.completion != "all":
        used.append(("$.framework.completion", f"completion = {meta.completion!r}"))
    for key in ("share", "pass_score"):
        if getattr(meta, key) is not None:
            used.append((f"$.framework.{key}", key))
    if spec.levels:
        used.append(("$.levels", "levels"))
    for i, crit in enumerate(spec.criteria):
        at = f"$.criteria[{i}]"
        for key in ("comparison", "points", "scoring", *SCORING_KEYS):
            if getattr(crit, key) is not None:
                used.append((f"{at}.{key}", key))
        if crit.mandatory:
            used.append((f"{at}.mandatory", "mandatory"))
        if crit.kind == Kind.COUNT.value:
            used.append((f"{at}.kind", 'kind = "count"'))
        if any(not isinstance(cell, str) for cell in crit.targets.values()):
            used.append((f"{at}.targets", "{ threshold, label }"))
    return used


def check(spec: FileDef, problem: AddProblem) -> None:
    """Report every problem of a file's definitions through ``problem``."""
    if spec.schema_version not in SCHEMA_VERSIONS:
        problem("schema_version", "$.schema_version", found=spec.schema_version,
                supported=", ".join(map(str, SCHEMA_VERSIONS)))
    elif spec.schema_version == 1:
        for path, key in _version_two_keys(spec):
            problem("needs_version", path, key=key, version=2)
    _check_meta(spec, problem)
    _check_levels(spec, problem)
    codes = Counter(p.code for p in spec.pillars)
    for i, pillar in enumerate(spec.pillars):
        if not _CODE.fullmatch(pillar.code):
            problem("bad_code", f"$.pillars[{i}].code", found=pillar.code)
        if codes[pillar.code] > 1:
            problem("duplicate", f"$.pillars[{i}].code", what="pillar", found=pillar.code)
        if not pillar.name.strip():
            problem("empty_text", f"$.pillars[{i}].name", key="name")
    ids = Counter(c.id for c in spec.criteria)
    for i, crit in enumerate(spec.criteria):
        _check_criterion(spec, i, crit, ids, codes, problem)


def _check_meta(spec: FileDef, problem: AddProblem) -> None:
    meta = spec.framework
    if not meta.id.strip():
        problem("empty_text", "$.framework.id", key="id")
    if not meta.title.strip():
        problem("empty_text", "$.framework.title", key="title")
    if not meta.years or meta.years != sorted(set(meta.years)):
        problem("bad_years", "$.framework.years", years=meta.years)
    if meta.completion not in POLICIES:
        problem("unknown_completion", "$.framework.completion", found=meta.completion,
                known=_known(sorted(POLICIES)))
    share = meta.share
    if meta.completion == "share" and share is None:
        problem("policy_key_missing", "$.framework.share", key="share", policy="share")
    if share is not None:
        threshold = percent_cell(share)
        if meta.completion != "share":
            problem("policy_key_unused", "$.framework.share", key="share", policy="share")
        elif threshold is None:
            problem("bad_share", "$.framework.share", found=share)
        elif threshold > _HUNDRED:
            problem("share_range", "$.framework.share", found=share)
    if meta.completion == "points" and meta.pass_score is None:
        problem("policy_key_missing", "$.framework.pass_score", key="pass_score", policy="points")
    if meta.pass_score is not None:
        if meta.completion != "points":
            problem("policy_key_unused", "$.framework.pass_score", key="pass_score",
                    policy="points")
        else:
            _check_score(problem, "$.framework.pass_score", meta.pass_score)


def _check_levels(spec: FileDef, problem: AddProblem) -> None:
    if spec.levels and spec.framework.completion != "points":
        problem("policy_key_unused", "$.levels", key="levels", policy="points")
    names = Counter(level.name for level in spec.levels)
    previous: Fraction | None = None
    for i, level in enumerate(spec.levels):
        at = f"$.levels[{i}]"
        if not level.name.strip():
            problem("empty_text", f"{at}.name", key="name")
        elif names[level.name] > 1:
            problem("duplicate", f"{at}.name", what="level", found=level.name)
        score = _check_score(problem, f"{at}.min_score", level.min_score)
        if score is not None and previous is not None and score >= previous:
            problem("levels_order", f"{at}.min_score", name=level.name)
        previous = score if score is not None else previous


def _check_score(problem: AddProblem, path: str, value: Number) -> Fraction | None:
    found = number(value)
    if found is None or found < 0:
        problem("bad_points", path, found=value)
        return None
    return found


def _check_criterion(
    spec: FileDef,
    i: int,
    crit: CriterionDef,
    ids: Counter[str],
    codes: Counter[str],
    problem: AddProblem,
) -> None:
    at = f"$.criteria[{i}]"
    if not crit.id.strip():
        problem("empty_text", f"{at}.id", key="id")
    if ids[crit.id] > 1:
        problem("duplicate", f"{at}.id", what="criterion", found=crit.id)
    if crit.pillar not in codes:
        problem("unknown_pillar", f"{at}.pillar", criterion=crit.id, found=crit.pillar)
    for key in ("name", "unit"):
        if not getattr(crit, key).strip():
            problem("empty_text", f"{at}.{key}", key=key)
    kind = _member(Kind, crit.kind, "unknown_kind", f"{at}.kind", crit.id, problem)
    if kind is None:
        return
    if crit.counts is not None and kind is not Kind.RATE:
        problem("counts_not_rate", f"{at}.counts", criterion=crit.id)
    if crit.counted:
        _check_counted(crit, kind, at, problem)
    comparison = comparison_of(kind, crit.comparison)
    if crit.comparison is not None:
        if kind is Kind.YES_NO:
            problem("comparison_yes_no", f"{at}.comparison", criterion=crit.id)
        elif comparison is None:
            problem("unknown_comparison", f"{at}.comparison", criterion=crit.id,
                    found=crit.comparison, known=_known(c.value for c in numeric_comparisons()))
    _check_points(spec, at, crit, kind, comparison, problem)
    years = {str(y) for y in spec.framework.years}
    for year in sorted(set(crit.targets) - years):
        problem("target_year", f"{at}.targets.{year}", criterion=crit.id, year=year,
                years=", ".join(sorted(years)))
    for year in sorted(years - set(crit.targets)):
        problem("missing_target", f"{at}.targets", criterion=crit.id, year=year)
    for year, cell in crit.targets.items():
        if year in years:
            _check_cell(problem, f"{at}.targets.{year}", crit.id, kind, cell)


def _check_counted(crit: CriterionDef, kind: Kind, at: str, problem: AddProblem) -> None:
    # Counting is existence ("Có") measured by a number of things; any other target is refused.
    found = crit.kind if kind is not Kind.YES_NO else next(
        (cell for cell in crit.targets.values()
         if not isinstance(cell, str) or fold(cell) not in ("có", "*")), None)
    if found is not None:
        problem("counted_not_yes_no", f"{at}.counted", criterion=crit.id, found=found)


def _member(table: type[E], found: str, code: str, path: str, criterion: str,
            problem: AddProblem) -> E | None:
    """The member of the enum ``table`` named ``found``; else the problem ``code``, listing the
    names the table knows."""
    try:
        return table(found)
    except ValueError:
        problem(code, path, criterion=criterion, found=found,
                known=_known(member.value for member in table))
        return None


def _check_points(
    spec: FileDef,
    at: str,
    crit: CriterionDef,
    kind: Kind,
    comparison: Comparison | None,
    problem: AddProblem,
) -> None:
    scored = spec.framework.completion == "points"
    if crit.points is None:
        if scored:
            problem("points_missing", f"{at}.points", criterion=crit.id)
    elif not scored:
        problem("policy_key_unused", f"{at}.points", key="points", policy="points")
    else:
        found = number(crit.points)
        if found is None or found <= 0:
            problem("bad_points", f"{at}.points", found=crit.points)
    if not scored:
        for key in ("scoring", *SCORING_KEYS):
            if getattr(crit, key) is not None:
                problem("policy_key_unused", f"{at}.{key}", key=key, policy="points")
        return
    scoring = Scoring.ALL_OR_NOTHING if crit.scoring is None else _member(
        Scoring, crit.scoring, "unknown_scoring", f"{at}.scoring", crit.id, problem)
    if scoring is not None:
        check_scoring(at, crit, kind, comparison, scoring, problem)


def _check_cell(problem: AddProblem, path: str, criterion: str, kind: Kind, cell: Cell) -> None:
    threshold_text, label = cell_parts(cell)
    if isinstance(cell, CellDef) and not label.strip():
        problem("empty_label", f"{path}.label", criterion=criterion)
        return
    if threshold_text.strip() == NO_TARGET_CELL:
        if isinstance(cell, CellDef):
            problem("bad_cell_table", path, criterion=criterion)
        return
    if kind is Kind.YES_NO:
        if isinstance(cell, CellDef):
            problem("bad_cell_table", path, criterion=criterion)
        elif not cell.strip():
            problem("empty_label", path, criterion=criterion)
        return
    threshold = THRESHOLD[kind](threshold_text)
    if threshold is None:
        code = "bad_percent_cell" if kind is Kind.RATE else "bad_count_cell"
        problem(code, path, criterion=criterion, found=threshold_text)
    elif kind is Kind.RATE and threshold > _HUNDRED:
        problem("percent_cell_range", path, criterion=criterion, found=threshold_text)
