"""Commune values from files: the single-commune TOML/JSON shape.

A file holds one commune-year::

    commune = "Xã Vĩnh Long"
    district = "Vĩnh Lộc"      # optional
    year = 2024                # optional when the caller gives the year
    [values]
    "1.6" = 82
    "2.5" = { numerator = 19, denominator = 33 }
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ._errors import InputError, Problem

__all__ = ["Record", "read_commune_file"]

#: Larger files are refused before they are parsed (bytes).
MAX_FILE_BYTES = 50 * 1024 * 1024


@attrs.frozen(kw_only=True)
class Record:
    """One commune-year's values as read from a file, ready for :func:`evaluate`."""

    commune: str
    year: int | None
    values: Mapping[str, Any] = attrs.field(hash=False)
    district: str | None = None
    source: str | None = None


def _problem(code: str, source: str, **fields: Any) -> Problem:
    return Problem.of(code, source=source, **fields)


def _parse(path: Path) -> Any:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError([_problem("file_too_large", source, size=size, limit=MAX_FILE_BYTES)])
        data = path.read_bytes()
    except OSError as exc:
        raise InputError([_problem("file_unreadable", source, detail=exc.strerror or exc)]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError([_problem("not_utf8", source)]) from None
    suffix = path.suffix.lower()
    try:
        if suffix == ".toml":
            return tomllib.loads(text)
        if suffix == ".json":
            return json.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError([_problem("toml_syntax", source, detail=str(exc))]) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            [_problem("json_syntax", source, detail=exc.msg, line=exc.lineno)]
        ) from None
    raise InputError([_problem("unknown_format", source, suffix=suffix or "(none)")])


def record_from_mapping(data: Any, source: str, path: str = "$") -> Record | list[Problem]:
    """A record from the single-commune shape, or every problem with it."""
    if not isinstance(data, Mapping):
        return [_problem("not_a_table", source, path=path)]
    problems = []
    unknown = sorted(set(data) - {"commune", "district", "year", "values"})
    if unknown:
        problems.append(_problem("unknown_keys", source, path=path, keys=", ".join(unknown)))
    commune = data.get("commune")
    if not isinstance(commune, str) or not commune.strip():
        problems.append(_problem("missing_commune", source, path=f"{path}.commune"))
    district = data.get("district")
    if district is not None and not isinstance(district, str):
        problems.append(_problem("bad_field", source, path=f"{path}.district", value=district))
    year = data.get("year")
    if year is not None and (type(year) is not int):
        problems.append(_problem("bad_field", source, path=f"{path}.year", value=year))
    values = data.get("values", {})
    if not isinstance(values, Mapping):
        problems.append(_problem("not_a_table", source, path=f"{path}.values"))
    if problems:
        return problems
    assert isinstance(commune, str)
    return Record(
        commune=commune.strip(),
        district=district,
        year=year,
        values=dict(values),
        source=source,
    )


def read_commune_file(path: str | os.PathLike[str]) -> Record:
    """The one commune-year in a TOML or JSON file; :class:`InputError` lists every problem."""
    file = Path(path)
    found = record_from_mapping(_parse(file), str(file))
    if isinstance(found, list):
        raise InputError(found)
    return found
