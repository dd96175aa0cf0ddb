"""A framework written as a spreadsheet: the cells of its sheets, read into the raw mapping a
framework file parses into, then the one pipeline of :mod:`.parse` (structure, check, build).

The layout (``docs/plans.md``): an identity block of rows ``field | value …`` (``Mã khung``,
``Tên khung``, ``Các năm``, …, one ``Trụ cột`` row per pillar, one ``Mức`` row per level), and a
criteria table whose header row starts with ``Mã chỉ tiêu``, one row per criterion, one target
column per year. In a workbook they are the sheets ``Khung`` and ``Chỉ tiêu`` (any sheet whose
rows hold them); in a CSV file the block comes first, then the table. Every problem is placed
at its sheet, row and column; the cells are given here already read (by the package's one CSV
and workbook readers), as ``(sheet name or None, rows)``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from cds_indicators._frameworks.parse import framework_from_raw
from cds_indicators._frameworks.schema import SCHEMA_VERSION
from cds_indicators._model.errors import FrameworkError, Problem
from cds_indicators._model.framework import Framework
from cds_indicators._words.catalog import plans as _w
from cds_indicators._words.format import column_letter, is_empty
from cds_indicators._words.headers import fold_header

__all__ = ["Grid", "framework_from_sheets"]

#: The cells of one sheet (or CSV file): its name (None for CSV) and its rows as read.
Grid = tuple[str | None, Sequence[Sequence[Any]]]

_YEAR: Final = re.compile(r"\d{4}")
_YEARS_SPLIT: Final = re.compile(r"[\s,;]+")


def _folded(names: Mapping[Any, tuple[str, ...]]) -> dict[str, Any]:
    return {fold_header(name): key for key, all_names in names.items() for name in all_names}


_FIELD_OF: Final = _folded(_w.FIELDS)
_COLUMN_OF: Final = _folded(
    {k: v for k, v in _w.COLUMNS.items() if k not in ("target", "threshold")}
)
_YEAR_COLUMNS: Final = tuple(
    (key, re.compile(re.escape(fold_header(name)).replace(r"\{year\}", r"(\d{4})")))
    for key in ("target", "threshold") for name in _w.COLUMNS[key]
)
_WORDS: Final = {
    key: _folded(table)
    for key, table in (("kind", _w.KINDS), ("comparison", _w.COMPARISONS),
                       ("scoring", _w.SCORINGS))
}
_FLAG_OF: Final = _folded(_w.FLAGS)




def _text(cell: Any) -> str:
    """A cell as the text it shows: a whole float as a whole number (``2.0`` → ``2``)."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _known(names: Mapping[Any, tuple[str, ...]]) -> str:
    return ", ".join(names[0] for names in names.values())


class _Reader:
    """The raw mapping of one spreadsheet, each key path's place, and the reader's problems."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.places: dict[str, tuple[str | None, int, int | None]] = {}
        self.problems: list[Problem] = []
        #: Key paths whose problem the reader has reported (the pipeline would say it again).
        self.reported: set[str] = set()
        self.meta: dict[str, Any] = {}
        self.raw: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "framework": self.meta,
                                    "pillars": [], "criteria": []}

    def place(self, path: str) -> dict[str, Any]:
        """The sheet, row and column of ``path``, or of the nearest path above it that has one."""
        while path not in self.places and ("." in path or "[" in path):
            path = path[: max(path.rfind("."), path.rfind("["))]
        found = self.places.get(path)
        if found is None:
            return {}
        sheet, row, column = found
        return {"sheet": sheet, "row": row,
                "column": None if column is None else column_letter(column)}

    def problem(self, code: str, at: tuple[str | None, int, int | None], **params: Any) -> None:
        sheet, row, column = at
        self.problems.append(Problem.of(
            code, source=self.source, sheet=sheet, row=row,
            column=None if column is None else column_letter(column), **params))

    # -- the identity block ------------------------------------------------------------------

    def block(self, sheet: str | None, rows: Sequence[tuple[int, Sequence[Any]]]) -> None:
        if rows:
            self.places.setdefault("$.framework", (sheet, rows[0][0], None))
        seen: set[str] = set()
        for number, row in rows:
            cells = [(c, cell) for c, cell in enumerate(row) if not is_empty(cell)]
            if not cells:
                continue
            first, label = cells[0]
            folded = fold_header(_text(label))
            if folded in _w.FIELD_HEADING_NAMES:
                continue
            values = [(c, cell) for c, cell in cells[1:]]
            field = _FIELD_OF.get(folded)
            if field is None:
                self.problem("plan_unknown_field", (sheet, number, first), found=_text(label),
                             known=_known(_w.FIELDS))
            elif field == "pillar":
                self.listed("pillars", ("code", "name", "name_en"), sheet, number, row, first)
            elif field == "level":
                self.listed("levels", ("name", "min_score"), sheet, number, row, first)
            elif field in seen:
                self.problem("plan_duplicate_field", (sheet, number, first), found=_text(label))
            else:
                seen.add(field)
                self.field(field, values, (sheet, number, first + 1))

    def listed(self, key: str, names: tuple[str, ...], sheet: str | None, number: int,
               row: Sequence[Any], first: int) -> None:
        if all(is_empty(cell) for cell in row[first + 1:]):
            return  # a row the template left for one more pillar
        items = self.raw.setdefault(key, [])
        at = f"$.{key}[{len(items)}]"
        self.places[at] = (sheet, number, first)
        item: dict[str, Any] = {}
        for offset, name in enumerate(names, start=1):
            cell = row[first + offset] if first + offset < len(row) else None
            self.places[f"{at}.{name}"] = (sheet, number, first + offset)
            if not is_empty(cell):
                item[name] = cell if name == "min_score" and not isinstance(cell, str) \
                    else _text(cell)
        items.append(item)

    def field(self, field: str, values: list[tuple[int, Any]],
              at: tuple[str | None, int, int]) -> None:
        self.places[f"$.framework.{field}"] = at
        if field == "schema_version":
            self.places["$.schema_version"] = at
        if not values:
            return
        cell = values[0][1]
        if field == "years":
            self.years(values, at)
        elif field == "issued":
            self.date(cell, at)
        elif field == "schema_version":
            whole = _whole(cell)
            if whole is None:
                self.problem("plan_bad_whole", at, found=cell)
            else:
                self.raw["schema_version"] = whole
        elif field == "pass_score" and not isinstance(cell, str):
            self.meta[field] = cell
        else:
            self.meta[field] = _text(cell)

    def years(self, values: list[tuple[int, Any]], at: tuple[str | None, int, int]) -> None:
        found: list[int] = []
        for _, cell in values:
            parts = [cell] if not isinstance(cell, str) else _YEARS_SPLIT.split(cell.strip())
            for part in parts:
                whole = _whole(part)
                if whole is None or not _YEAR.fullmatch(str(whole)):
                    self.problem("bad_years", at, years=_text(cell))
                    self.reported.add("$.framework.years")
                    return
                found.append(whole)
        self.meta["years"] = found

    def date(self, cell: Any, at: tuple[str | None, int, int]) -> None:
        if isinstance(cell, datetime.datetime):
            self.meta["issued"] = cell.date()
        elif isinstance(cell, datetime.date):
            self.meta["issued"] = cell
        else:
            try:
                self.meta["issued"] = datetime.date.fromisoformat(_text(cell))
            except ValueError:
                self.problem("plan_bad_date", at, found=_text(cell))

    # -- the criteria table ------------------------------------------------------------------

    def columns(self, sheet: str | None, number: int,
                header: Sequence[Any]) -> dict[int, tuple[str, str | None]] | None:
        """Column index → (key, year) of the header row; None when a required column lacks."""
        found: dict[int, tuple[str, str | None]] = {}
        for c, cell in enumerate(header):
            if is_empty(cell):
                continue
            folded = fold_header(_text(cell))
            key: tuple[str, str | None] | None = None
            if folded in _COLUMN_OF:
                key = (_COLUMN_OF[folded], None)
            for name, pattern in _YEAR_COLUMNS:
                match = pattern.fullmatch(folded)
                if match and key is None:
                    key = (name, match[1])
            if key is None:
                self.problem("plan_unknown_column", (sheet, number, c), found=_text(cell),
                             known=_known(_w.COLUMNS))
            elif key in found.values():
                self.problem("plan_duplicate_column", (sheet, number, c), found=_text(cell))
            else:
                found[c] = key
        keys = {name for name, _ in found.values()}
        missing = [k for k in _w.REQUIRED_COLUMNS if k not in keys]
        for name in missing:
            self.problem("plan_missing_column", (sheet, number, None), name=_w.COLUMNS[name][0])
        return None if missing else found

    def criterion(self, sheet: str | None, number: int, row: Sequence[Any],
                  columns: Mapping[int, tuple[str, str | None]]) -> None:
        at = f"$.criteria[{len(self.raw['criteria'])}]"
        self.places[at] = (sheet, number, None)
        item: dict[str, Any] = {"targets": {}}
        thresholds: dict[str, tuple[int, Any]] = {}
        for c, (key, year) in columns.items():
            cell = row[c] if c < len(row) else None
            place = (sheet, number, c)
            if key == "target":
                self.places[f"{at}.targets.{year}"] = place
                self.places.setdefault(f"{at}.targets", place)
            elif key in ("numerator", "denominator"):
                self.places.setdefault(f"{at}.counts", place)
            elif key != "threshold":
                self.places[f"{at}.{key}"] = place
            if is_empty(cell) or key == "note":
                continue
            if key == "target":
                item["targets"][year] = _text(cell)
            elif key == "threshold":
                thresholds[str(year)] = (c, cell)
            elif key in ("conditional", "mandatory", "counted"):
                flag = _FLAG_OF.get(fold_header(_text(cell))) if not isinstance(cell, bool) \
                    else cell
                if flag is None:
                    self.problem("plan_bad_flag", place, found=_text(cell))
                else:
                    item[key] = flag
            elif key in ("numerator", "denominator"):
                item.setdefault("counts", {})[key] = _text(cell)
            elif key == "points":
                item[key] = cell if not isinstance(cell, str) else _text(cell)
            elif key == "bands":
                bands = _bands(_text(cell))
                if bands is None:
                    self.problem("plan_bad_bands", place, found=_text(cell))
                else:
                    item[key] = bands
            else:
                text = _text(cell)
                item[key] = _WORDS.get(key, {}).get(fold_header(text), text)
        for year, (c, cell) in thresholds.items():
            label = item["targets"].get(year)
            if label is None:
                self.problem("plan_threshold_without_target", (sheet, number, c),
                             found=_text(cell), year=year)
            else:
                item["targets"][year] = {"threshold": _text(cell), "label": label}
        self.raw["criteria"].append(item)


def _bands(text: str) -> list[dict[str, str]] | None:
    """The ``[[criteria.bands]]`` tables a ``Bậc điểm`` cell writes (``4: 20; 3: 15``), or
    ``None`` when it is not written that way (the values are checked as the schema's)."""
    bands = []
    for part in text.split(_w.BAND_SEPARATOR):
        start, colon, points = part.rpartition(_w.BAND_POINTS)
        if not colon or not start.strip() or not points.strip():
            return None
        bands.append({"from": start.strip(), "points": points.strip()})
    return bands


def _whole(cell: Any) -> int | None:
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    text = str(cell).strip()
    return int(text) if text.isascii() and text.isdigit() else None


def _header_row(rows: Sequence[Sequence[Any]]) -> int | None:
    """The index of the criteria table's header row: the first whose first filled cell is the
    id column's header (``Mã chỉ tiêu``, ``id``) and that has more cells than a field's row
    (``id | value``, which the identity block may write in English)."""
    for index, row in enumerate(rows):
        filled = [cell for cell in row if not is_empty(cell)]
        if len(filled) > 2 and _COLUMN_OF.get(fold_header(_text(filled[0]))) == "id":
            return index
    return None


def framework_from_sheets(grids: Sequence[Grid], *, source: str) -> Framework:
    """The framework the sheets ``grids`` describe; :class:`FrameworkError` lists every mistake
    of the sheets and of the framework, each at its sheet, row and column."""
    reader = _Reader(source)
    table: tuple[str | None, int, Sequence[Sequence[Any]]] | None = None
    for sheet, rows in grids:
        header = _header_row(rows)
        block_end = len(rows) if header is None else header
        reader.block(sheet, [(i + 1, row) for i, row in enumerate(rows[:block_end])])
        if header is None:
            continue
        if table is not None:
            reader.problem("plan_two_tables", (sheet, header + 1, None), first=table[0])
            continue
        table = (sheet, header, rows)
        reader.places["$"] = (sheet, header + 1, None)
    if table is None:
        missing = Problem.of("plan_no_table", source=source, name=_w.COLUMNS["id"][0])
        raise FrameworkError([*reader.problems, missing], source=source)
    for field in _w.REQUIRED_FIELDS:
        if field not in reader.meta and f"$.framework.{field}" not in reader.reported:
            at = reader.places.get("$.framework", reader.places["$"])
            reader.problem("plan_missing_field", at, name=_w.FIELDS[field][0])
            reader.reported.add(f"$.framework.{field}")
    sheet, header, rows = table
    columns = reader.columns(sheet, header + 1, rows[header])
    if columns is None:
        raise FrameworkError(reader.problems, source=source)
    # A field already reported stands in as empty (the years: those of the target columns), so
    # that the rest of the plan is still checked and every mistake is reported at once.
    years = sorted({int(year) for key, year in columns.values() if key == "target" and year})
    for field, stand_in in (("id", ""), ("title", ""), ("years", years)):
        if f"$.framework.{field}" in reader.reported:
            reader.meta[field] = stand_in
    for index in range(header + 1, len(rows)):
        row = rows[index]
        if all(is_empty(row[c]) for c in columns if c < len(row) and columns[c][0] != "note"):
            continue
        reader.criterion(sheet, index + 1, row, columns)
    if "levels" in reader.raw and not reader.raw["levels"]:
        del reader.raw["levels"]
    return framework_from_raw(reader.raw, source=source, place=reader.place,
                              problems=reader.problems, reported=reader.reported)

