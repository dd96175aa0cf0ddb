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

import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, overload

import attrs

from cds_indicators._io.columns import collector_paused
from cds_indicators._io.document import parse_document
from cds_indicators._io.limits import MAX_FILE_BYTES, check_kind
from cds_indicators._io.partial import Errors, LoadedValues, check_errors, without_repeats
from cds_indicators._io.repeats import commune_year, duplicates
from cds_indicators._io.textfile import read_text
from cds_indicators._model.errors import InputError, Problem, raise_problems
from cds_indicators._model.framework import Framework
from cds_indicators._model.official import is_code, official_record
from cds_indicators._model.record import Record
from cds_indicators._model.report import Report

if TYPE_CHECKING:
    from cds_indicators._io.rows import Row

__all__ = ["MAX_FILE_BYTES", "LoadedValues", "Record", "check_record", "commune_year",
           "duplicates", "evaluate_record", "load_values", "read_commune_file", "read_record"]

def _problem(code: str, source: str, **fields: Any) -> Problem:
    return Problem.of(code, source=source, **fields)


def _parse(path: Path) -> Any:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".json"):
        raise InputError([_problem("unknown_format", source, suffix=suffix or "(none)")])
    return parse_document(read_text(path, source), suffix, source)


#: Keys of a commune-year for people, not read: where its figures come from, and a note (say
#: there that figures are illustrative). Text only; a CSV file has the columns ``Nguồn`` and
#: ``Ghi chú``.
NOTE_KEYS: Final = ("source", "note")


def record_from_mapping(data: Any, source: str, path: str = "$") -> Record | list[Problem]:
    """A record from the single-commune shape, or every problem with it."""
    if not isinstance(data, Mapping):
        return [_problem("not_a_table", source, path=path)]
    problems = []
    unknown = sorted(set(data) - {"commune", "code", "district", "province", "year", "values",
                                  *NOTE_KEYS})
    if unknown:
        problems.append(_problem("unknown_keys", source, path=path, keys=", ".join(unknown)))
    # A commune's official code (mã đơn vị hành chính) may name it: read with its year.
    code = data.get("code")
    if code is not None and not is_code(code):
        problems.append(_problem("bad_field", source, path=f"{path}.code", value=code))
    commune = data.get("commune", None if code is None else str(code))
    if is_code(commune):
        commune = str(commune)
    if not isinstance(commune, str) or not commune.strip():
        problems.append(_problem("missing_commune", source, path=f"{path}.commune"))
    district = data.get("district")
    if district is not None and not isinstance(district, str):
        problems.append(_problem("bad_field", source, path=f"{path}.district", value=district))
    province = data.get("province")
    if province is not None and not isinstance(province, str):
        problems.append(_problem("bad_field", source, path=f"{path}.province", value=province))
    for key in NOTE_KEYS:
        if key in data and not isinstance(data[key], str):
            problems.append(_problem("bad_field", source, path=f"{path}.{key}", value=data[key]))
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
        province=province,
        code=None if code is None else str(code),
        year=year,
        values=dict(values),
        source=source,
    )


def read_commune_file(path: str | os.PathLike[str]) -> Record:
    """The one commune-year in a TOML or JSON file; :class:`InputError` lists every problem."""
    file = Path(path)
    found = record_from_mapping(_parse(file), str(file))
    if isinstance(found, list):
        raise_problems(found)
    return found


_SUFFIXES = (".toml", ".json", ".csv", ".xlsx", ".ods", ".xls")


@overload
def load_values(path: str | os.PathLike[str], *, year: int | None = None,
                framework: Framework | None = None, errors: Literal["raise"] = "raise",
                sheet: str | Sequence[str] | None = None) -> list[Record]: ...
@overload
def load_values(path: str | os.PathLike[str], *, year: int | None = None,
                framework: Framework | None = None, errors: Literal["collect"],
                sheet: str | Sequence[str] | None = None) -> LoadedValues: ...
def load_values(
    path: str | os.PathLike[str],
    *,
    year: int | None = None,
    framework: Framework | None = None,
    errors: Errors = "raise",
    sheet: str | Sequence[str] | None = None,
) -> list[Record] | LoadedValues:
    """Every commune-year in the file at ``path``, checked, ready for :func:`evaluate`.

    The file may be TOML or JSON (one commune, or a list ``[[communes]]``), or a CSV or XLSX
    table, wide (one row per commune-year, one column per criterion) or long (one row per
    criterion, with ``value`` or ``numerator`` and ``denominator``); see docs/entering-data.md.
    ``year`` is the year of the records whose file gives none; a record whose file gives
    another year is refused (``year_conflict``), never re-dated. A ``year`` the framework has
    no targets for, or that is no ``int`` (``"2024"``, ``True``, ``2024.0``), raises
    :class:`UnknownYearError` before the file is read, as :func:`evaluate` and
    :func:`evaluate_frame` raise it, with ``errors="collect"`` too. Every problem in the file (an
    unknown criterion, a bad value, a year outside the framework, a missing commune name, a
    commune-year given twice, …) is reported in one :class:`InputError`, each with its place.

    With ``errors="collect"`` nothing in the file raises: the result is a
    :class:`LoadedValues` holding the commune-years that could be read whole and every problem
    (see docs/reliability.md).

    A commune may be given by its official code, ``15361`` or a ``Mã xã`` column (``[admin]``,
    docs/rebasing.md): the record has its official name, district, province and ``code``.

    A workbook may also be ``.ods`` or ``.xls``; ``sheet`` names the sheet(s) to read, and
    without it a sheet with no criterion data is skipped with a notice in each record's
    ``warnings`` (docs/entering-data.md).
    """
    from cds_indicators._frameworks.registry import framework_or_default

    check_errors(errors)
    framework = framework_or_default(framework)
    if year is not None:  # the caller's argument, not the file's: raised as evaluate() raises it
        year = framework.check_year(year)
    file = Path(path)
    source = str(file)
    try:
        with collector_paused():
            records, problems = _read_file(file, source, framework, year, sheet)
    except InputError as exc:
        if errors == "raise":
            raise
        return LoadedValues(problems=exc.problems)
    if errors == "collect":
        if not records and not problems:
            problems = [_problem("no_records", source)]
        return LoadedValues(records=tuple(without_repeats(records, commune_year)),
                            problems=tuple(problems))
    if problems:
        raise_problems(problems)
    if not records:
        raise InputError([_problem("no_records", source)])
    return records


def _read_file(file: Path, source: str, framework: Framework, year: int | None,
               sheet: str | Sequence[str] | None) -> tuple[list[Record], list[Problem]]:
    """The records of ``file`` read whole, and every problem of the file."""
    suffix = file.suffix.lower()
    if suffix not in _SUFFIXES:
        raise InputError([_problem("unknown_format", source, suffix=suffix or "(none)")])
    if suffix in (".toml", ".json"):
        data = parse_document(read_text(file, source), suffix, source)
        records, problems, every = _records_from_document(data, source, framework, year)
    else:
        records, problems = _records_from_tables(file, source, suffix, framework, year, sheet)
        every = records
    problems.extend(duplicates(every))
    return records, problems


def _records_from_tables(
    file: Path, source: str, suffix: str, framework: Framework, year: int | None,
    sheet: str | Sequence[str] | None = None,
) -> tuple[list[Record], list[Problem]]:
    from cds_indicators._io.tables import records_from_table
    from cds_indicators._io.textfile import csv_table

    if suffix == ".csv":
        tables = [csv_table(file, source)]
        notices: list[Problem] = []
    else:
        from cds_indicators._io.workbooks import read_workbook_tables

        check_kind(file, source, MAX_FILE_BYTES)
        tables, notices = read_workbook_tables(file, source, framework, sheet)
    records: list[Record] = []
    problems: list[Problem] = []
    told = tuple(notices)
    for table in tables:
        rows, found = records_from_table(table, framework, year)
        problems.extend(found)
        for r in _let_go(rows):
            if isinstance(r, list):  # a run of a CSV file's rows, read as records together
                records.extend(r)
                continue
            read = official_record(Record(
                commune=r.commune, district=r.district, province=r.province, code=r.code,
                year=r.year, values=r.values, source=source, sheet=r.sheet, row=r.row,
                readings=r.readings, read_for=framework, notices=told))
            if isinstance(read, Problem):
                problems.append(read)
            else:
                records.append(read)
    if notices and not records:  # every sheet skipped or refused: say which sheets were skipped
        problems.extend([*notices, *([] if problems else [_problem("no_records", source)])])
    return records, problems


def _let_go(items: list[Row | list[Record]]) -> Iterator[Row | list[Record]]:
    """The items of ``items`` in order, each dropped from the list once given: a table's rows
    are not held beside all of their records."""
    items.reverse()
    while items:
        yield items.pop()


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
        found = attrs.evolve(found, path=path)
        checked = read_record(found, framework, year)
        if isinstance(checked, list):
            problems.extend(checked)
            every.append(found)
        else:
            records.append(checked)
            every.append(checked)
    return records, problems, every


def read_record(
    record: Record, framework: Framework, year: int | None = None
) -> Record | list[Problem]:
    """``record`` with its year settled (``year`` when it has none) and every value read for
    ``framework`` into its ``readings``, or every problem with it, each placed in the record's
    file (at ``<path>.values.<id>`` when it came from a TOML or JSON document).

    A record already read for this framework (as :func:`load_values` returns them) is not read
    again; its year is still checked.
    """
    problems = []
    when = record.year if record.year is not None else year
    if year is not None and when != year:
        problems.append(_placed(record, Problem.of("year_conflict", value=when, year=year),
                                "year"))
    elif when is None:
        problems.append(_placed(record, Problem.of("missing_year"), "year"))
    elif when not in framework.years:
        problems.append(_placed(record, Problem.of(
            "year_not_in_framework", value=when, framework=framework.id,
            years=", ".join(map(str, framework.years))), "year"))
    if record._read_for is framework:
        readings = record._readings
    else:
        from cds_indicators._evaluation.scalar import read_values

        readings, found = read_values(record.values, framework)
        # Said in the order the file gives the values.
        order = {key: index for index, key in enumerate(record.values)}
        found.sort(key=lambda pair: order[pair[0]])
        problems.extend(_placed(record, problem, f"values.{key}") for key, problem in found)
    named = official_record(record, when)  # a commune given by its code ([admin])
    if isinstance(named, Problem):
        problems.insert(0, named)
    if problems:
        return problems
    assert isinstance(named, Record)
    return attrs.evolve(named, year=when, readings=readings, read_for=framework)


def check_record(record: Record, framework: Framework, year: int | None = None) -> list[Problem]:
    """Everything wrong with one commune-year for ``framework``, without evaluating it: the check
    :func:`load_values` makes of every record (:func:`read_record`), each problem placed."""
    found = read_record(record, framework, year)
    return found if isinstance(found, list) else []


def evaluate_record(
    record: Record, *, framework: Framework | None = None, year: int | None = None
) -> Report:
    """The report of one record: its readings judged when it was read for ``framework`` (as
    :func:`load_values` returns it), its values read and judged otherwise, with the errors
    :func:`evaluate` raises. ``year`` is the year of a record that has none."""
    from cds_indicators._evaluation.scalar import evaluate, evaluate_readings
    from cds_indicators._frameworks.registry import framework_or_default

    framework = framework_or_default(framework)
    when = record.year if record.year is not None else year
    if when is None:
        raise InputError([_placed(record, Problem.of("missing_year"), "year")])
    if record._read_for is framework:
        return evaluate_readings(record._readings, when, framework=framework,
                                 commune=record.commune, district=record.district,
                                 province=record.province, code=record.code)
    return evaluate(record.values, when, framework=framework, commune=record.commune,
                    district=record.district, province=record.province, code=record.code)


def _placed(record: Record, problem: Problem, key: str) -> Problem:
    """``problem`` placed in ``record``'s file, at ``key`` below the record's path if it has one;
    a place the problem already names is kept."""
    place: dict[str, Any] = {"source": record.source, "sheet": record.sheet, "row": record.row,
             "path": None if record.path is None else f"{record.path}.{key}"}
    return attrs.evolve(problem, **{k: v for k, v in place.items()
                                    if v is not None and getattr(problem, k) is None})
