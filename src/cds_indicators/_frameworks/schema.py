"""The framework file's shape: definition classes that a parsed TOML table is structured into.

These hold what the file says, checked only for types and known keys; ``checks`` judges what
it means and ``build`` turns it into the runtime model. ``docs/framework-schema.md`` is the
grammar for people.
"""

from __future__ import annotations

import datetime
import functools
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError

__all__ = [
    "SCHEMA_VERSION",
    "SCHEMA_VERSIONS",
    "BandDef",
    "Cell",
    "CellDef",
    "CountsDef",
    "CriterionDef",
    "FileDef",
    "LevelDef",
    "MetaDef",
    "Number",
    "PillarDef",
    "converter",
    "describe",
]

#: The newest version of the framework file grammar; files say which one they use.
SCHEMA_VERSION = 2
#: Every version this library reads. Version 2 adds counts, comparisons, share and points
#: completion, mandatory criteria, levels and target tables.
SCHEMA_VERSIONS = (1, 2)

#: An exact number as a file may write it: a TOML integer, a decimal (read as typed) or text.
Number = int | float | str


@attrs.define(kw_only=True)
class MetaDef:
    """``[framework]``: what the framework is and how completion is decided."""

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
class PillarDef:
    """One ``[[pillars]]`` table."""

    code: str
    name: str
    name_en: str | None = None


@attrs.define(kw_only=True)
class LevelDef:
    """One ``[[levels]]`` table of a points framework."""

    name: str
    min_score: Number


@attrs.define(kw_only=True)
class CountsDef:
    """``counts = { numerator, denominator }``: what a rate counts."""

    numerator: str
    denominator: str


@attrs.define(kw_only=True)
class BandDef:
    """One ``[[criteria.bands]]`` table of a ``bands`` criterion: from which value (``from``,
    a percent cell for a rate, a whole number for a count) it earns how many ``points``."""

    from_: Number
    points: Number


@attrs.define(kw_only=True)
class CellDef:
    """A target cell written as ``{ threshold, label }``: the number apart from the words."""

    threshold: str
    label: str


#: A target cell: text (``"80%"``, ``"Có"``, ``"*"``) or a ``{ threshold, label }`` table.
Cell = str | CellDef


@attrs.define(kw_only=True)
class CriterionDef:
    """One ``[[criteria]]`` table."""

    id: str
    pillar: str
    name: str
    unit: str
    kind: str
    targets: dict[str, Cell]
    responsible: str = ""
    name_en: str | None = None
    conditional: bool = False
    counts: CountsDef | None = None
    comparison: str | None = None
    mandatory: bool = False
    points: Number | None = None
    scoring: str | None = None
    counted: bool = False
    bands: list[BandDef] | None = None
    partial: Number | None = None
    partial_share: Number | None = None


@attrs.define(kw_only=True)
class FileDef:
    """A whole framework file."""

    schema_version: int
    framework: MetaDef
    pillars: list[PillarDef]
    criteria: list[CriterionDef]
    levels: list[LevelDef] = attrs.field(factory=list)


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


def _structure_number(value: Any, _: object) -> int | float | str:
    if type(value) in (int, float, str):
        return value  # type: ignore[no-any-return]
    raise TypeError(f"expected a number, got {type(value).__name__} {value!r}")


def _structure_band(value: Any, _: type) -> BandDef:
    # ``from`` is a Python keyword, so the definition's field is ``from_``; the messages name the
    # key the file writes.
    if not isinstance(value, dict):
        raise TypeError(f"expected a table {{ from, points }}, got {value!r}")
    unknown = sorted(set(value) - {"from", "points"})
    if unknown:
        raise TypeError(f"unknown keys: {', '.join(unknown)}")
    missing = [key for key in ("from", "points") if key not in value]
    if missing:
        raise TypeError(f"required key missing: {', '.join(missing)}")
    return BandDef(from_=_structure_number(value["from"], object),
                   points=_structure_number(value["points"], object))


@functools.cache
def converter() -> cattrs.Converter:
    """The converter from parsed TOML to definitions: no coercion, no unknown keys."""
    found = cattrs.Converter(forbid_extra_keys=True)
    for kind in (str, int, bool):
        found.register_structure_hook(kind, _strict(kind))
    found.register_structure_hook(datetime.date, _structure_date)
    found.register_structure_hook(Number, _structure_number)
    found.register_structure_hook(
        Number | None, lambda v, t: None if v is None else _structure_number(v, t)
    )

    def cell(value: Any, _: type) -> str | CellDef:
        if type(value) is str:
            return value
        if isinstance(value, dict):
            table: CellDef = found.structure(value, CellDef)
            return table
        raise TypeError(f"expected a cell (text or {{ threshold, label }}), got {value!r}")

    found.register_structure_hook(Cell, cell)
    found.register_structure_hook(BandDef, _structure_band)
    return found


def describe(exc: BaseException, kind: type | None) -> str:
    """The detail of one structuring error, as the ``schema`` problem prints it."""
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown keys: {', '.join(sorted(exc.extra_fields))}"
    if isinstance(exc, KeyError):
        return "required key missing"
    return str(exc) if isinstance(exc, TypeError) else cattrs.v.format_exception(exc, kind)
