"""Reading a framework file: raw TOML, then validated definitions, then the runtime model.

Every problem in a file is collected and reported together, each with its key path and, where it
can be found in the text, its line. ``docs/framework-schema.md`` describes the grammar.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from fractions import Fraction
from importlib import resources
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from cds_indicators._model.comparisons import RULES
from cds_indicators._model.errors import FrameworkError, Problem
from cds_indicators._model.framework import (
    Comparison,
    Criterion,
    Framework,
    Kind,
    Level,
    Pillar,
    Scoring,
    Target,
)
from cds_indicators._model.policies import POLICIES
from cds_indicators._words import format as _text

__all__ = [
    "SCHEMA_VERSION",
    "SCHEMA_VERSIONS",
    "available_frameworks",
    "dump_framework",
    "framework_or_default",
    "load_framework",
    "parse_framework",
]

#: The newest version of the framework file grammar; files say which one they use.
SCHEMA_VERSION = 2
#: Every version this library reads. Version 2 adds counts, comparisons, share and points
#: completion, mandatory criteria, levels and target tables.
SCHEMA_VERSIONS = (1, 2)

#: Frameworks shipped in the package, by name: the file under ``cds_indicators/data``.
_SHIPPED: dict[str, str] = {
    "thanh-hoa-1829": "criteria_1829.toml",
    "tinh-long-2024": "tinh_long_2024.toml",
    "dti-example": "dti_example.toml",
}
_ALIASES: dict[str, str] = {"1829": "thanh-hoa-1829"}

NO_TARGET_CELL = "*"
_PERCENT_CELL = re.compile(r"(\d+)(?:[.,](\d+))?\s*%")
_COUNT_CELL = re.compile(r"\d+")
_CODE = re.compile(r"[a-z][a-z0-9_]*")
_HUNDRED = Fraction(100)


# --- definitions: the file's shape, checked by cattrs ------------------------------------------

Number = int | float | str


@attrs.define(kw_only=True)
class _MetaDef:
    id: str
    title: str
    years: list[int]
    decision: str | None = None
    issuer: str | None = None
    issued: datetime.date | None = None
    province: str | None = None
    source: str | None = None
    completion: str = "all"
    share: str | None = None
    pass_score: Number | None = None


@attrs.define(kw_only=True)
class _PillarDef:
    code: str
    name: str
    name_en: str | None = None


@attrs.define(kw_only=True)
class _LevelDef:
    name: str
    min_score: Number


@attrs.define(kw_only=True)
class _CountsDef:
    numerator: str
    denominator: str


@attrs.define(kw_only=True)
class _CellDef:
    threshold: str
    label: str


Cell = str | _CellDef


@attrs.define(kw_only=True)
class _CriterionDef:
    id: str
    pillar: str
    name: str
    unit: str
    kind: str
    targets: dict[str, Cell]
    responsible: str = ""
    name_en: str | None = None
    conditional: bool = False
    counts: _CountsDef | None = None
    comparison: str | None = None
    mandatory: bool = False
    points: Number | None = None
    scoring: str | None = None


@attrs.define(kw_only=True)
class _FileDef:
    schema_version: int
    framework: _MetaDef
    pillars: list[_PillarDef]
    criteria: list[_CriterionDef]
    levels: list[_LevelDef] = attrs.field(factory=list)


T = TypeVar("T")


def _strict(kind: type[T]) -> Any:
    def structure(value: Any, _: type) -> T:
        # cattrs would turn 5 into "5" and "yes" into True; a data file must say what it means.
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
        return value

    return structure


def _structure_date(value: Any, _: type) -> datetime.date:
    if type(value) is not datetime.date:
        raise TypeError(f"expected a TOML date (2023-05-30), got {value!r}")
    return value


def _structure_number(value: Any, _: type) -> int | float | str:
    if type(value) in (int, float, str):
        return value  # type: ignore[no-any-return]
    raise TypeError(f"expected a number, got {type(value).__name__} {value!r}")


@functools.cache
def _converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    for kind in (str, int, bool):
        converter.register_structure_hook(kind, _strict(kind))
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_structure_hook(Number, _structure_number)
    converter.register_structure_hook(
        Number | None, lambda v, t: None if v is None else _structure_number(v, t)
    )

    def cell(value: Any, _: type) -> str | _CellDef:
        if type(value) is str:
            return value
        if isinstance(value, dict):
            found: _CellDef = converter.structure(value, _CellDef)
            return found
        raise TypeError(f"expected a cell (text or {{ threshold, label }}), got {value!r}")

    converter.register_structure_hook(Cell, cell)
    return converter


def _describe(exc: BaseException, kind: type | None) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown keys: {', '.join(sorted(exc.extra_fields))}"
    if isinstance(exc, KeyError):
        return "required key missing"
    return str(exc) if isinstance(exc, TypeError) else cattrs.v.format_exception(exc, kind)


# --- locating a key path in the text -------------------------------------------------------------

_HEADER = re.compile(r"\s*\[\[?\s*([A-Za-z0-9_.\"-]+)\s*\]\]?")
_PATH = re.compile(r"\$(?:\.(\w+)(?:\[(\d+)\])?)?(?:\.(\w+)|\['?(\w+)'?\])?")


class _Locator:
    """Line numbers of tables and keys, found by scanning the text (tomllib gives none)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.tables: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines, start=1):
            match = _HEADER.match(line)
            if match and not line.lstrip().startswith("#"):
                self.tables.setdefault(match[1], []).append(number)

    def line(self, path: str) -> int | None:
        """The line of ``path`` (``$.criteria[3].targets.2024``), as near as it can be found."""
        match = _PATH.match(path)
        if match is None or match[1] is None:
            return None
        table, index, key = match[1], match[2], match[3] or match[4]
        starts = self.tables.get(table)
        if starts is None:
            return self._key_line(0, table)
        position = int(index) if index is not None else 0
        if position >= len(starts):
            return None
        start = starts[position]
        return self._key_line(start, key) or start if key else start

    def _key_line(self, start: int, key: str | None) -> int | None:
        if key is None:
            return None
        pattern = re.compile(rf"\s*\"?{re.escape(key)}\"?\s*=")
        for number in range(start + 1 if start else 1, len(self.lines) + 1):
            line = self.lines[number - 1]
            if start and _HEADER.match(line) and not line.lstrip().startswith("#"):
                return None
            if pattern.match(line):
                return number
        return None


# --- structuring, one part at a time so that every part's problems are found ---------------------


_TOP_KEYS = frozenset({"schema_version", "framework", "pillars", "criteria", "levels"})


class _Collector:
    def __init__(self, source: str | None, locator: _Locator) -> None:
        self.source = source
        self.locator = locator
        self.problems: list[Problem] = []

    def add(self, code: str, path: str, **params: Any) -> None:
        self.problems.append(
            Problem.of(code, source=self.source, path=path, line=self.locator.line(path), **params)
        )

    def structure(self, value: Any, kind: type[T], path: str) -> T | None:
        if isinstance(value, dict) and attrs.has(kind):
            # Unknown keys are reported one by one and set aside, so that the rest of the
            # table is still checked.
            known = {field.name for field in attrs.fields(kind)}
            for key in sorted(set(value) - known):
                self.add("schema", f"{path}.{key}", detail=f"unknown keys: {key}")
            value = {k: v for k, v in value.items() if k in known}
        try:
            found: T = _converter().structure(value, kind)
            return found
        except (ClassValidationError, IterableValidationError) as exc:
            for line in cattrs.transform_error(exc, path=path, format_exception=_describe):
                detail, _, where = line.rpartition(" @ ")
                self.add("schema", where, detail=detail)
        except TypeError as exc:
            self.add("schema", path, detail=str(exc))
        return None

    def structure_list(self, raw: Mapping[str, Any], key: str, kind: type[T]) -> list[T] | None:
        if key not in raw:
            if key == "levels":
                return []
            self.add("schema", "$", detail=f"required key missing: {key}")
            return None
        items = raw[key]
        if not isinstance(items, list):
            self.add("schema", f"$.{key}", detail=f"expected an array of tables [[{key}]]")
            return None
        found = [self.structure(item, kind, f"$.{key}[{i}]") for i, item in enumerate(items)]
        return [item for item in found if item is not None]


def _structure(raw: Mapping[str, Any], collect: _Collector) -> _FileDef | None:
    for key in sorted(set(raw) - _TOP_KEYS):
        collect.add("schema", f"$.{key}", detail=f"unknown keys: {key}")
    version = raw.get("schema_version")
    if type(version) is not int:
        detail = "required key missing" if version is None else f"expected int, got {version!r}"
        collect.add("schema", "$.schema_version", detail=detail)
    meta = None
    if "framework" in raw:
        meta = collect.structure(raw["framework"], _MetaDef, "$.framework")
    else:
        collect.add("schema", "$", detail="required key missing: framework")
    pillars = collect.structure_list(raw, "pillars", _PillarDef)
    criteria = collect.structure_list(raw, "criteria", _CriterionDef)
    levels = collect.structure_list(raw, "levels", _LevelDef)
    if type(version) is not int or meta is None or pillars is None or criteria is None:
        return None
    return _FileDef(
        schema_version=version, framework=meta, pillars=pillars, criteria=criteria,
        levels=levels or [],
    )


# --- semantic checks -----------------------------------------------------------------------------


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _percent_cell(cell: str) -> Fraction | None:
    match = _PERCENT_CELL.fullmatch(cell.strip())
    if match is None:
        return None
    return Fraction(f"{match[1]}.{match[2] or 0}")


def _count_cell(cell: str) -> Fraction | None:
    return Fraction(int(cell.strip())) if _COUNT_CELL.fullmatch(cell.strip()) else None


_THRESHOLD: dict[Kind, Callable[[str], Fraction | None]] = {
    Kind.RATE: _percent_cell,
    Kind.COUNT: _count_cell,
}


def _number(value: Number) -> Fraction | None:
    """An exact number from a TOML int, float (as typed) or decimal text."""
    try:
        return Fraction(str(value).strip().replace(",", "."))
    except (ValueError, ZeroDivisionError):
        return None


def _cell_parts(cell: Cell) -> tuple[str, str]:
    """(threshold text, label) of a cell."""
    if isinstance(cell, str):
        return cell, cell
    return cell.threshold, cell.label


def _comparison(kind: Kind, spec: _CriterionDef) -> Comparison | None:
    if kind is Kind.YES_NO:
        return Comparison.YES
    try:
        comparison = Comparison(spec.comparison or "at_least")
    except ValueError:
        return None
    return comparison if RULES[comparison].numeric else None


def _version_two_keys(spec: _FileDef) -> list[tuple[str, str]]:
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
        for key in ("comparison", "points", "scoring"):
            if getattr(crit, key) is not None:
                used.append((f"{at}.{key}", key))
        if crit.mandatory:
            used.append((f"{at}.mandatory", "mandatory"))
        if crit.kind == Kind.COUNT.value:
            used.append((f"{at}.kind", 'kind = "count"'))
        if any(not isinstance(cell, str) for cell in crit.targets.values()):
            used.append((f"{at}.targets", "{ threshold, label }"))
    return used


def _check(spec: _FileDef, collect: _Collector) -> None:
    problem = collect.add
    if spec.schema_version not in SCHEMA_VERSIONS:
        problem("schema_version", "$.schema_version", found=spec.schema_version,
                supported=", ".join(map(str, SCHEMA_VERSIONS)))
    elif spec.schema_version == 1:
        for path, key in _version_two_keys(spec):
            problem("needs_version", path, key=key, version=2)
    _check_meta(spec, problem)
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


def _check_meta(spec: _FileDef, problem: Callable[..., None]) -> None:
    meta = spec.framework
    if not meta.id.strip():
        problem("empty_text", "$.framework.id", key="id")
    if not meta.title.strip():
        problem("empty_text", "$.framework.title", key="title")
    if not meta.years or meta.years != sorted(set(meta.years)):
        problem("bad_years", "$.framework.years", years=meta.years)
    if meta.completion not in POLICIES:
        problem("unknown_completion", "$.framework.completion", found=meta.completion,
                known=", ".join(sorted(POLICIES)))
    share = meta.share
    if meta.completion == "share" and share is None:
        problem("policy_key_missing", "$.framework.share", key="share", policy="share")
    if share is not None:
        threshold = _percent_cell(share)
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
    if spec.levels and meta.completion != "points":
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


def _check_score(problem: Callable[..., None], path: str, value: Number) -> Fraction | None:
    number = _number(value)
    if number is None or number < 0:
        problem("bad_points", path, found=value)
        return None
    return number


def _check_criterion(
    spec: _FileDef,
    i: int,
    crit: _CriterionDef,
    ids: Counter[str],
    codes: Counter[str],
    problem: Callable[..., None],
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
    try:
        kind = Kind(crit.kind)
    except ValueError:
        problem("unknown_kind", f"{at}.kind", criterion=crit.id, found=crit.kind,
                known=", ".join(k.value for k in Kind))
        return
    if crit.counts is not None and kind is not Kind.RATE:
        problem("counts_not_rate", f"{at}.counts", criterion=crit.id)
    comparison = _comparison(kind, crit)
    if crit.comparison is not None:
        if kind is Kind.YES_NO:
            problem("comparison_yes_no", f"{at}.comparison", criterion=crit.id)
        elif comparison is None:
            problem("unknown_comparison", f"{at}.comparison", criterion=crit.id,
                    found=crit.comparison,
                    known=", ".join(c.value for c, rule in RULES.items() if rule.numeric))
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


def _check_points(
    spec: _FileDef,
    at: str,
    crit: _CriterionDef,
    kind: Kind,
    comparison: Comparison | None,
    problem: Callable[..., None],
) -> None:
    scored = spec.framework.completion == "points"
    if crit.points is None:
        if scored:
            problem("points_missing", f"{at}.points", criterion=crit.id)
    elif not scored:
        problem("policy_key_unused", f"{at}.points", key="points", policy="points")
    else:
        number = _number(crit.points)
        if number is None or number <= 0:
            problem("bad_points", f"{at}.points", found=crit.points)
    if crit.scoring is None:
        return
    if not scored:
        problem("policy_key_unused", f"{at}.scoring", key="scoring", policy="points")
        return
    try:
        scoring = Scoring(crit.scoring)
    except ValueError:
        problem("unknown_scoring", f"{at}.scoring", criterion=crit.id, found=crit.scoring,
                known=", ".join(s.value for s in Scoring))
        return
    if scoring is Scoring.PROPORTIONAL and (
        kind is Kind.YES_NO or comparison is None or not RULES[comparison].upward
    ):
        problem("proportional_needs_at_least", f"{at}.scoring", criterion=crit.id)


def _check_cell(problem: Any, path: str, criterion: str, kind: Kind, cell: Cell) -> None:
    threshold_text, label = _cell_parts(cell)
    if isinstance(cell, _CellDef) and not label.strip():
        problem("empty_label", f"{path}.label", criterion=criterion)
        return
    if threshold_text.strip() == NO_TARGET_CELL:
        if isinstance(cell, _CellDef):
            problem("bad_cell_table", path, criterion=criterion)
        return
    if kind is Kind.YES_NO:
        if isinstance(cell, _CellDef):
            problem("bad_cell_table", path, criterion=criterion)
        elif not cell.strip():
            problem("empty_label", path, criterion=criterion)
        return
    threshold = _THRESHOLD[kind](threshold_text)
    if threshold is None:
        code = "bad_percent_cell" if kind is Kind.RATE else "bad_count_cell"
        problem(code, path, criterion=criterion, found=threshold_text)
    elif kind is Kind.RATE and threshold > _HUNDRED:
        problem("percent_cell_range", path, criterion=criterion, found=threshold_text)


# --- building the runtime model ------------------------------------------------------------------


def _target(kind: Kind, comparison: Comparison, cell: Cell) -> Target | None:
    threshold_text, label = _cell_parts(cell)
    if threshold_text.strip() == NO_TARGET_CELL:
        return None
    convert = _THRESHOLD.get(kind)
    threshold = None if convert is None else convert(threshold_text)
    return Target(
        label=_nfc(label.strip()), kind=kind, comparison=comparison, threshold=threshold
    )


def _criterion(spec: _CriterionDef) -> Criterion:
    kind = Kind(spec.kind)
    comparison = _comparison(kind, spec)
    assert comparison is not None
    return Criterion(
        id=spec.id,
        pillar=spec.pillar,
        name=_nfc(spec.name),
        unit=_nfc(spec.unit),
        kind=kind,
        responsible=_nfc(spec.responsible),
        conditional=spec.conditional,
        name_en=spec.name_en,
        counts=None if spec.counts is None else (spec.counts.numerator, spec.counts.denominator),
        targets={
            int(year): _target(kind, comparison, cell) for year, cell in spec.targets.items()
        },
        mandatory=spec.mandatory,
        points=None if spec.points is None else _number(spec.points),
        scoring=Scoring(spec.scoring) if spec.scoring else Scoring.ALL_OR_NOTHING,
    )


def _build(spec: _FileDef) -> Framework:
    criteria = [_criterion(c) for c in spec.criteria]
    pillars = tuple(
        Pillar(
            code=p.code,
            name=_nfc(p.name),
            name_en=p.name_en,
            criteria=tuple(c for c in criteria if c.pillar == p.code),
        )
        for p in spec.pillars
    )
    meta = spec.framework
    return Framework(
        id=meta.id,
        title=_nfc(meta.title),
        years=tuple(meta.years),
        pillars=pillars,
        completion=meta.completion,
        decision=meta.decision,
        issuer=meta.issuer,
        issued=meta.issued,
        province=meta.province,
        source=meta.source,
        schema_version=spec.schema_version,
        share=None if meta.share is None else _percent_cell(meta.share),
        pass_score=None if meta.pass_score is None else _number(meta.pass_score),
        levels=tuple(
            Level(name=_nfc(level.name), min_score=_number(level.min_score) or Fraction(0))
            for level in spec.levels
        ),
    )


# --- writing a framework back as a file ---------------------------------------------------------


def _toml_string(text: str) -> str:
    # JSON's escapes (\", \\, \n, \uXXXX) are all valid in a TOML basic string.
    return json.dumps(text, ensure_ascii=False)


def _score_toml(value: Fraction) -> str:
    return str(int(value)) if value.denominator == 1 else _toml_string(str(value))


def _cell_toml(target: Target | None) -> str:
    if target is None:
        return _toml_string(NO_TARGET_CELL)
    if target.threshold is None:
        return _toml_string(target.label)
    threshold = _text.decimal(target.threshold) + ("%" if target.kind is Kind.RATE else "")
    if _THRESHOLD[target.kind](target.label) == target.threshold:
        return _toml_string(target.label)
    return f"{{ threshold = {_toml_string(threshold)}, label = {_toml_string(target.label)} }}"


def _line(key: str, value: str) -> str:
    return f"{key} = {value}"


def dump_framework(framework: Framework) -> str:
    """The text of a framework file that :func:`parse_framework` reads back as ``framework``.

    Written without a TOML library: the schema is small and fixed, and the library has no
    runtime dependency for writing.
    """
    out = [_line("schema_version", str(framework.schema_version)), "", "[framework]"]
    out.append(_line("id", _toml_string(framework.id)))
    out.append(_line("title", _toml_string(framework.title)))
    for key in ("decision", "issuer", "province", "source"):
        if getattr(framework, key) is not None:
            out.append(_line(key, _toml_string(getattr(framework, key))))
    if framework.issued is not None:
        out.append(_line("issued", framework.issued.isoformat()))
    out.append(_line("years", f"[{', '.join(map(str, framework.years))}]"))
    out.append(_line("completion", _toml_string(framework.completion)))
    if framework.share is not None:
        out.append(_line("share", _toml_string(_text.decimal(framework.share) + "%")))
    if framework.pass_score is not None:
        out.append(_line("pass_score", _score_toml(framework.pass_score)))
    for level in framework.levels:
        out += ["", "[[levels]]", _line("name", _toml_string(level.name)),
                _line("min_score", _score_toml(level.min_score))]
    for pillar in framework.pillars:
        out += ["", "[[pillars]]", _line("code", _toml_string(pillar.code)),
                _line("name", _toml_string(pillar.name))]
        if pillar.name_en is not None:
            out.append(_line("name_en", _toml_string(pillar.name_en)))
    for criterion in framework:
        out += ["", *_criterion_toml(criterion)]
    return "\n".join(out) + "\n"


def _criterion_toml(criterion: Criterion) -> list[str]:
    out = ["[[criteria]]"]
    for key in ("id", "pillar", "name", "name_en", "unit", "responsible"):
        value = getattr(criterion, key)
        if value is not None and (key != "responsible" or value):
            out.append(_line(key, _toml_string(value)))
    out.append(_line("kind", _toml_string(criterion.kind.value)))
    if criterion.kind is not Kind.YES_NO and criterion.comparison is not Comparison.AT_LEAST:
        out.append(_line("comparison", _toml_string(criterion.comparison.value)))
    if criterion.conditional:
        out.append(_line("conditional", "true"))
    if criterion.mandatory:
        out.append(_line("mandatory", "true"))
    if criterion.points is not None:
        out.append(_line("points", _score_toml(criterion.points)))
        if criterion.scoring is not Scoring.ALL_OR_NOTHING:
            out.append(_line("scoring", _toml_string(criterion.scoring.value)))
    if criterion.counts is not None:
        numerator, denominator = criterion.counts
        out.append(_line("counts", f"{{ numerator = {_toml_string(numerator)}, "
                                   f"denominator = {_toml_string(denominator)} }}"))
    cells = ", ".join(f"{year} = {_cell_toml(t)}" for year, t in criterion.targets.items())
    out.append(_line("targets", f"{{ {cells} }}"))
    return out


# --- entry points -----------------------------------------------------------------------------


def parse_framework(text: str, *, source: str | None = None) -> Framework:
    """Build a framework from the text of a framework file; :class:`FrameworkError` lists every
    problem in it."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FrameworkError([Problem.of("toml_syntax", detail=str(exc), source=source)],
                             source=source) from None
    collect = _Collector(source, _Locator(text))
    spec = _structure(raw, collect)
    if spec is not None:
        _check(spec, collect)
    if collect.problems or spec is None:
        raise FrameworkError(collect.problems, source=source)
    return _build(spec)


@functools.cache
def _shipped(name: str) -> Framework:
    text = resources.files("cds_indicators").joinpath("data", _SHIPPED[name]).read_text("utf-8")
    return parse_framework(text, source=_SHIPPED[name])


def available_frameworks() -> tuple[str, ...]:
    """The names of the frameworks shipped with the library, for :func:`load_framework`."""
    return tuple(_SHIPPED)


def load_framework(source: str | os.PathLike[str] | None = None) -> Framework:
    """The framework named ``source``, or read from the file at ``source``.

    No argument gives the shipped Decision 1829/QĐ-UBND (read once, then cached); a name from
    :func:`available_frameworks` gives that shipped framework; a path loads a framework file of
    the same schema (see ``docs/framework-schema.md``).
    """
    if source is None:
        return _shipped("thanh-hoa-1829")
    if isinstance(source, str) and _ALIASES.get(source, source) in _SHIPPED:
        return _shipped(_ALIASES.get(source, source))
    path = os.fspath(source)
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError) as exc:
        problem = Problem.of("file_unreadable", detail=_os_reason(exc), source=str(path))
        raise FrameworkError([problem], source=str(path)) from None
    return parse_framework(text, source=str(path))


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__


def framework_or_default(framework: Any) -> Framework:
    """``framework``, or the shipped Decision 1829 when it is None; anything else (a name, a
    path) is refused, since the caller meant ``load_framework(...)``."""
    if framework is None:
        return load_framework()
    if not isinstance(framework, Framework):
        raise FrameworkError([Problem.of("framework_not_loaded", value=framework)])
    return framework
