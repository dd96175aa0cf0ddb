"""Reading a framework file: raw TOML, then validated definitions, then the runtime model.

Every problem in a file is collected and reported together, each with its key path and, where it
can be found in the text, its line. ``docs/framework-schema.md`` describes the grammar.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError

from cds_indicators._frameworks.build import build
from cds_indicators._frameworks.checks import check
from cds_indicators._frameworks.locate import Locator
from cds_indicators._frameworks.schema import (
    CriterionDef,
    FileDef,
    LevelDef,
    MetaDef,
    PillarDef,
    converter,
    describe,
)
from cds_indicators._model.errors import FrameworkError, Problem
from cds_indicators._model.framework import Framework

__all__ = ["Place", "framework_from_raw", "parse_framework"]

T = TypeVar("T")

#: Where a key path is in the file, as the place fields of a problem (``line``, or ``sheet``,
#: ``row`` and ``column``): a TOML file and a spreadsheet place the same path differently.
Place = Callable[[str], dict[str, Any]]

_TOP_KEYS = frozenset(attrs.fields_dict(FileDef))


class _Collector:
    """The problems of one file, each with its source and its place (key path and line, or
    sheet, row and column)."""

    def __init__(self, source: str | None, place: Place,
                 reported: Collection[str] = ()) -> None:
        self.source = source
        self.place = place
        self.reported = reported
        self.problems: list[Problem] = []

    def add(self, code: str, path: str, **params: Any) -> None:
        if path in self.reported:
            return
        self.problems.append(Problem.of(code, source=self.source, **self.place(path), **params))

    def structure(self, value: Any, kind: type[T], path: str) -> T | None:
        if isinstance(value, dict) and attrs.has(kind):
            # Unknown keys are reported one by one and set aside, so that the rest of the
            # table is still checked.
            known = {field.name for field in attrs.fields(kind)}
            for key in sorted(set(value) - known):
                self.add("schema", f"{path}.{key}", detail=f"unknown keys: {key}")
            value = {k: v for k, v in value.items() if k in known}
        try:
            found: T = converter().structure(value, kind)
            return found
        except (ClassValidationError, IterableValidationError) as exc:
            for line in cattrs.transform_error(exc, path=path, format_exception=describe):
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


def _structure(raw: Mapping[str, Any], collect: _Collector) -> FileDef | None:
    """The definitions of a parsed file, one part at a time so that every part's problems are
    found; None if a part is missing or malformed."""
    for key in sorted(set(raw) - _TOP_KEYS):
        collect.add("schema", f"$.{key}", detail=f"unknown keys: {key}")
    version = raw.get("schema_version")
    if type(version) is not int:
        detail = "required key missing" if version is None else f"expected int, got {version!r}"
        collect.add("schema", "$.schema_version", detail=detail)
    meta = None
    if "framework" in raw:
        meta = collect.structure(raw["framework"], MetaDef, "$.framework")
    else:
        collect.add("schema", "$", detail="required key missing: framework")
    pillars = collect.structure_list(raw, "pillars", PillarDef)
    criteria = collect.structure_list(raw, "criteria", CriterionDef)
    levels = collect.structure_list(raw, "levels", LevelDef)
    if type(version) is not int or meta is None or pillars is None or criteria is None:
        return None
    return FileDef(
        schema_version=version, framework=meta, pillars=pillars, criteria=criteria,
        levels=levels or [],
    )


def parse_framework(text: str, *, source: str | None = None) -> Framework:
    """Build a framework from the text of a framework file; :class:`FrameworkError` lists every
    problem in it."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FrameworkError([Problem.of("toml_syntax", detail=str(exc), source=source)],
                             source=source) from None
    locator = Locator(text)
    return framework_from_raw(
        raw, source=source, place=lambda path: {"path": path, "line": locator.line(path)}
    )


def framework_from_raw(
    raw: Mapping[str, Any], *, source: str | None, place: Place,
    problems: Iterable[Problem] = (), reported: Collection[str] = (),
) -> Framework:
    """Build a framework from the raw mapping a framework file parses into, whatever wrote it
    (TOML, a spreadsheet): the same structuring, the same checks, the same builder.
    :class:`FrameworkError` lists ``problems`` (found before, by the reader) and every problem
    found here, each placed by ``place``, except at the key paths ``reported`` (whose problem
    is among ``problems`` already)."""
    collect = _Collector(source, place, reported)
    collect.problems.extend(problems)
    spec = _structure(raw, collect)
    if spec is not None:
        check(spec, collect.add)
    if collect.problems or spec is None:
        raise FrameworkError(collect.problems, source=source)
    return build(spec)
