"""Reading a framework file: raw TOML, then validated definitions, then the runtime model.

Every problem in a file is collected and reported together, each with its key path.
"""

from __future__ import annotations

import datetime
import functools
import os
import re
import tomllib
import unicodedata
from collections import Counter
from fractions import Fraction
from importlib import resources
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from ._errors import FrameworkError, Problem
from ._framework import Comparison, Criterion, Framework, Kind, Pillar, Target

__all__ = ["SCHEMA_VERSION", "available_frameworks", "load_framework", "parse_framework"]

SCHEMA_VERSION = 1

#: Frameworks shipped in the package, by name: the file under ``cds_indicators/data``.
_SHIPPED: dict[str, str] = {"thanh-hoa-1829": "criteria_1829.toml"}
_ALIASES: dict[str, str] = {"1829": "thanh-hoa-1829"}

NO_TARGET_CELL = "*"
_PERCENT_CELL = re.compile(r"(\d+)(?:[.,](\d+))?\s*%")
_CODE = re.compile(r"[a-z][a-z0-9_]*")
_COMPLETION_POLICIES = frozenset({"all"})
_KIND_COMPARISON = {Kind.RATE: Comparison.AT_LEAST, Kind.YES_NO: Comparison.YES}


# --- definitions: the file's shape, checked by cattrs ------------------------------------------


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


@attrs.define(kw_only=True)
class _PillarDef:
    code: str
    name: str
    name_en: str | None = None


@attrs.define(kw_only=True)
class _CountsDef:
    numerator: str
    denominator: str


@attrs.define(kw_only=True)
class _CriterionDef:
    id: str
    pillar: str
    name: str
    unit: str
    kind: str
    targets: dict[str, str]
    responsible: str = ""
    name_en: str | None = None
    conditional: bool = False
    counts: _CountsDef | None = None


@attrs.define(kw_only=True)
class _FileDef:
    schema_version: int
    framework: _MetaDef
    pillars: list[_PillarDef]
    criteria: list[_CriterionDef]


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


@functools.cache
def _converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    for kind in (str, int, bool):
        converter.register_structure_hook(kind, _strict(kind))
    converter.register_structure_hook(datetime.date, _structure_date)
    return converter


def _schema_problems(error: BaseException, source: str | None) -> list[Problem]:
    problems = []
    for line in cattrs.transform_error(error, path="$", format_exception=_describe):
        detail, _, path = line.rpartition(" @ ")
        problems.append(Problem.of("schema", detail=detail, source=source, path=path))
    return problems


def _describe(exc: BaseException, kind: type | None) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown keys: {', '.join(sorted(exc.extra_fields))}"
    if isinstance(exc, KeyError):
        return "required key missing"
    return str(exc) if isinstance(exc, TypeError) else cattrs.v.format_exception(exc, kind)


# --- semantic checks -----------------------------------------------------------------------------


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _percent_cell(cell: str) -> Fraction | None:
    match = _PERCENT_CELL.fullmatch(cell.strip())
    if match is None:
        return None
    return Fraction(f"{match[1]}.{match[2] or 0}")


def _check(spec: _FileDef, source: str | None) -> list[Problem]:
    problems: list[Problem] = []

    def problem(code: str, path: str, **params: Any) -> None:
        problems.append(Problem.of(code, source=source, path=path, **params))

    if spec.schema_version != SCHEMA_VERSION:
        problem("schema_version", "$.schema_version", found=spec.schema_version,
                supported=SCHEMA_VERSION)
    meta = spec.framework
    if not meta.id.strip():
        problem("empty_text", "$.framework.id", key="id")
    if not meta.title.strip():
        problem("empty_text", "$.framework.title", key="title")
    if not meta.years or meta.years != sorted(set(meta.years)):
        problem("bad_years", "$.framework.years", years=meta.years)
    if meta.completion not in _COMPLETION_POLICIES:
        problem("unknown_completion", "$.framework.completion", found=meta.completion,
                known=", ".join(sorted(_COMPLETION_POLICIES)))
    codes = Counter(p.code for p in spec.pillars)
    for i, pillar in enumerate(spec.pillars):
        if not _CODE.fullmatch(pillar.code):
            problem("bad_code", f"$.pillars[{i}].code", found=pillar.code)
        if codes[pillar.code] > 1:
            problem("duplicate", f"$.pillars[{i}].code", what="pillar", found=pillar.code)
        if not pillar.name.strip():
            problem("empty_text", f"$.pillars[{i}].name", key="name")
    ids = Counter(c.id for c in spec.criteria)
    years = {str(y) for y in meta.years}
    for i, crit in enumerate(spec.criteria):
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
            continue
        if crit.counts is not None and kind is not Kind.RATE:
            problem("counts_not_rate", f"{at}.counts", criterion=crit.id)
        for year in sorted(set(crit.targets) - years):
            problem("target_year", f"{at}.targets.{year}", criterion=crit.id, year=year,
                    years=", ".join(sorted(years)))
        for year in sorted(years - set(crit.targets)):
            problem("missing_target", f"{at}.targets", criterion=crit.id, year=year)
        for year, cell in crit.targets.items():
            if year in years:
                _check_cell(problem, f"{at}.targets.{year}", crit.id, kind, cell)
    return problems


def _check_cell(problem: Any, path: str, criterion: str, kind: Kind, cell: str) -> None:
    if cell.strip() == NO_TARGET_CELL:
        return
    if kind is Kind.YES_NO:
        if not cell.strip():
            problem("empty_label", path, criterion=criterion)
        return
    threshold = _percent_cell(cell)
    if threshold is None:
        problem("bad_percent_cell", path, criterion=criterion, found=cell)
    elif threshold > 100:
        problem("percent_cell_range", path, criterion=criterion, found=cell)


# --- building the runtime model ------------------------------------------------------------------


def _target(kind: Kind, cell: str) -> Target | None:
    cell = _nfc(cell.strip())
    if cell == NO_TARGET_CELL:
        return None
    threshold = _percent_cell(cell) if kind is Kind.RATE else None
    return Target(label=cell, kind=kind, comparison=_KIND_COMPARISON[kind], threshold=threshold)


def _criterion(spec: _CriterionDef) -> Criterion:
    kind = Kind(spec.kind)
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
        targets={int(year): _target(kind, cell) for year, cell in spec.targets.items()},
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
    )


# --- entry points -----------------------------------------------------------------------------


def parse_framework(text: str, *, source: str | None = None) -> Framework:
    """Build a framework from the text of a framework file; :class:`FrameworkError` lists every
    problem in it."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FrameworkError([Problem.of("toml_syntax", detail=str(exc), source=source)],
                             source=source) from None
    try:
        spec = _converter().structure(raw, _FileDef)
    except (ClassValidationError, IterableValidationError) as exc:
        raise FrameworkError(_schema_problems(exc, source), source=source) from None
    problems = _check(spec, source)
    if problems:
        raise FrameworkError(problems, source=source)
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
