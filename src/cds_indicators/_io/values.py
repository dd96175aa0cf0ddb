"""Commune values from files: TOML, JSON, CSV and XLSX, one commune-year or many.

The single-commune TOML/JSON shape holds one commune-year::

    commune = "Xã Vĩnh Long"
    district = "Vĩnh Lộc"      # optional
    year = 2024                # optional when the caller gives the year
    [values]
    "1.6" = 82
    "2.5" = { numerator = 19, denominator = 33 }

A list of them is ``[[communes]]`` in TOML (``{"communes": [...]}`` or a plain array in JSON).
CSV and XLSX tables are read by :mod:`._tables`. :func:`load_values` reads any of these and
reports every problem of a file at once, each with its place.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from cds_indicators._model.errors import InputError, Problem, raise_problems
from cds_indicators._model.framework import Framework
from cds_indicators._words import Lang
from cds_indicators._words.format import commune_label, fold

__all__ = ["MAX_FILE_BYTES", "Record", "load_values", "read_commune_file"]

#: Larger files are refused before they are parsed (bytes).
MAX_FILE_BYTES = 50 * 1024 * 1024


@attrs.frozen(kw_only=True)
class Record:
    """One commune-year's values as read from a file, ready for :func:`evaluate`.

    ``evaluate(record.values, record.year, commune=record.commune, district=record.district)``.
    ``source``, ``sheet``, ``row`` and ``path`` say where in the file it was read.
    """

    commune: str
    year: int | None
    values: Mapping[str, Any] = attrs.field(hash=False)
    district: str | None = None
    source: str | None = None
    sheet: str | None = None
    row: int | None = None
    path: str | None = None

    def place(self, lang: Lang = "vi") -> str:
        """Where the record starts in its file: ``data.xlsx, trang Vĩnh Long, dòng 5``."""
        return _where(lang, source=self.source, sheet=self.sheet, row=self.row, path=self.path)


def _problem(code: str, source: str, **fields: Any) -> Problem:
    return Problem.of(code, source=source, **fields)


def _where(lang: Lang, **place: Any) -> str:
    return Problem(code="place", message="", message_en="", **place).place(lang)


def _check_size(path: Path, source: str) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        detail = exc.strerror or exc
        raise InputError([_problem("file_unreadable", source, detail=detail)]) from None
    if size > MAX_FILE_BYTES:
        raise InputError([_problem("file_too_large", source, size=size, limit=MAX_FILE_BYTES)])


def _read_text(path: Path, source: str) -> str:
    _check_size(path, source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        detail = exc.strerror or exc
        raise InputError([_problem("file_unreadable", source, detail=detail)]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError([_problem("not_utf8", source, line=line)]) from None


def _parse_document(text: str, suffix: str, source: str) -> Any:
    try:
        if suffix == ".toml":
            return tomllib.loads(text)
        return json.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError([_problem("toml_syntax", source, detail=str(exc))]) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            [_problem("json_syntax", source, detail=exc.msg, line=exc.lineno)]
        ) from None
    except RecursionError:
        raise InputError([_problem("json_syntax", source, detail="nested too deeply")]) from None


def _parse(path: Path) -> Any:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".json"):
        raise InputError([_problem("unknown_format", source, suffix=suffix or "(none)")])
    return _parse_document(_read_text(path, source), suffix, source)


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
        raise_problems(found, promised=InputError)
    return found


_SUFFIXES = (".toml", ".json", ".csv", ".xlsx")


def load_values(
    path: str | os.PathLike[str],
    *,
    year: int | None = None,
    framework: Framework | None = None,
) -> list[Record]:
    """Every commune-year in the file at ``path``, checked, ready for :func:`evaluate`.

    The file may be TOML or JSON (one commune, or a list ``[[communes]]``), or a CSV or XLSX
    table, wide (one row per commune-year, one column per criterion) or long (one row per
    criterion, with ``value`` or ``numerator`` and ``denominator``); see docs/entering-data.md.
    ``year`` is the year of the records whose file gives none. Every problem in the file (an
    unknown criterion, a bad value, a year outside the framework, a missing commune name, a
    commune-year given twice, …) is reported in one :class:`InputError`, each with its place.
    """
    from cds_indicators._frameworks.registry import framework_or_default

    framework = framework_or_default(framework)
    file = Path(path)
    source = str(file)
    suffix = file.suffix.lower()
    if suffix not in _SUFFIXES:
        raise InputError([_problem("unknown_format", source, suffix=suffix or "(none)")])
    if suffix in (".toml", ".json"):
        data = _parse_document(_read_text(file, source), suffix, source)
        records, problems, every = _records_from_document(data, source, framework, year)
    else:
        records, problems = _records_from_tables(file, source, suffix, framework, year)
        every = records
    problems.extend(_duplicates(every))
    if problems:
        raise_problems(problems, promised=InputError)
    if not records:
        raise InputError([_problem("no_records", source)])
    return records


def _records_from_tables(
    file: Path, source: str, suffix: str, framework: Framework, year: int | None
) -> tuple[list[Record], list[Problem]]:
    from cds_indicators._io.tables import read_csv_text, records_from_table

    if suffix == ".csv":
        table = read_csv_text(_read_text(file, source), source)
        if isinstance(table, Problem):
            raise InputError([table])
        tables = [table]
    else:
        from cds_indicators._io.xlsx import read_workbook

        _check_size(file, source)
        tables = read_workbook(file, source)
    records: list[Record] = []
    problems: list[Problem] = []
    for table in tables:
        rows, found = records_from_table(table, framework, year)
        problems.extend(found)
        records.extend(
            Record(commune=r.commune, district=r.district, year=r.year, values=r.values,
                   source=source, sheet=r.sheet, row=r.row)
            for r in rows
        )
    return records, problems


def _records_from_document(
    data: Any, source: str, framework: Framework, year: int | None
) -> tuple[list[Record], list[Problem], list[Record]]:
    """The good records, the problems, and every commune-year read (good or with bad values),
    in the file's order, among which duplicates are sought."""
    if isinstance(data, list):
        items = [(f"$[{i}]", item) for i, item in enumerate(data)]
    elif isinstance(data, Mapping) and "communes" in data:
        communes = data["communes"]
        if set(data) != {"communes"}:
            keys = ", ".join(sorted(set(data) - {"communes"}))
            return [], [_problem("unknown_keys", source, path="$", keys=keys)], []
        if not isinstance(communes, list):
            return [], [_problem("not_a_list", source, path="$.communes")], []
        items = [(f"$.communes[{i}]", item) for i, item in enumerate(communes)]
    else:
        items = [("$", data)]
    records: list[Record] = []
    problems: list[Problem] = []
    every: list[Record] = []
    for path, item in items:
        found = record_from_mapping(item, source, path)
        if isinstance(found, list):
            problems.extend(found)
            continue
        checked = _check_record(found, path, framework, year)
        if isinstance(checked, list):
            problems.extend(checked)
            every.append(attrs.evolve(found, path=path))
        else:
            records.append(checked)
            every.append(checked)
    return records, problems, every


def _check_record(
    record: Record, path: str, framework: Framework, year: int | None
) -> Record | list[Problem]:
    from cds_indicators._evaluation.scalar import read_value

    source = record.source or ""
    problems = []
    when = record.year if record.year is not None else year
    if when is None:
        problems.append(_problem("missing_year", source, path=f"{path}.year"))
    elif when not in framework.years:
        problems.append(
            _problem("year_not_in_framework", source, path=f"{path}.year", value=when,
                     framework=framework.id, years=", ".join(map(str, framework.years)))
        )
    for key, value in record.values.items():
        at = f"{path}.values.{key}"
        if key not in framework:
            problems.append(
                _problem("unknown_criterion", source, path=at, criterion=str(key), value=value,
                         framework=framework.id)
            )
            continue
        if value is None:
            continue
        read = read_value(framework[key], value)
        if isinstance(read, Problem):
            problems.append(attrs.evolve(read, source=source, path=at))
    if problems:
        return problems
    return attrs.evolve(record, year=when, path=path)


def _duplicates(records: list[Record]) -> list[Problem]:
    """A commune-year given twice (same commune, district and year) is an error at the second."""
    seen: dict[tuple[str, str, int | None], Record] = {}
    problems = []
    for record in records:
        key = (fold(record.commune), fold(record.district or ""), record.year)
        first = seen.setdefault(key, record)
        if first is record:
            continue
        problems.append(
            Problem.of("duplicate_commune_year", source=record.source, sheet=record.sheet,
                       row=record.row, path=record.path, year=record.year,
                       who=commune_label(record.commune, record.district),
                       first=_first_place(first, record, "vi"),
                       first_en=_first_place(first, record, "en"))
        )
    return problems


def _first_place(first: Record, record: Record, lang: Lang) -> str:
    """Where ``first`` is, said from ``record``: the file and sheet only when they differ."""
    if first.source != record.source:
        return first.place(lang)
    sheet = None if first.sheet == record.sheet else first.sheet
    return _where(lang, sheet=sheet, row=first.row, path=first.path)
