"""Commune values from tables (CSV files, spreadsheet sheets): wide and long.

A **wide** table has one row per commune-year: columns ``commune``, ``district``, ``year``, then
one column per criterion id. A **long** table has one row per commune-year-criterion: a
``criterion`` column and either ``value`` or ``numerator`` and ``denominator``. Headers may be
English or Vietnamese (``Xã``, ``Huyện``, ``Năm``, ``Mã chỉ tiêu``, ``Giá trị``, ``Tử số``,
``Mẫu số``): the vocabulary of :mod:`cds_indicators._words.headers`. Every cell is read once, here,
and the row keeps both the cell as written and its reading.

Above the header, a table may have title lines (one cell) and lines ``Xã | <name>``,
``Huyện | <name>``, ``Năm | <year>`` that hold the commune, district or year of every row below:
the shape of the entry template; where the table also has that column, its empty cells take
the line, and a row that says otherwise is refused. Under the table, the signature area is not
read (:mod:`cds_indicators._io.margins`). Every problem is collected with its place (row and
column as a spreadsheet shows them), never dropped: an unknown column such as ``3.1O`` is an
error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

import attrs

from cds_indicators._evaluation.scalar import read_value
from cds_indicators._io.cells import Block, Rows, Table, read_csv_text
from cds_indicators._io.columns import Column, Columns, RowScan
from cds_indicators._io.longrows import LongRows
from cds_indicators._io.margins import SignatureArea, conflict
from cds_indicators._io.rows import Read, Row, cell_text, commune_year_of
from cds_indicators._io.runs import RunReader
from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Framework
from cds_indicators._model.numbers import whole_number
from cds_indicators._model.record import Reading, Record
from cds_indicators._words.format import column_letter, is_empty
from cds_indicators._words.headers import (
    ID_LABELS,
    ROLE_NAMES,
    header_role,
    is_descriptive,
)

__all__ = ["Row", "Table", "read_csv_text", "records_from_table"]


_FIELD_ROLES: Final = ("commune", "district", "year", "province", "code")
_HEADER: Final = "header"  # a problem of the header, which spoils every row
#: The two halves of a number with a decimal comma that a comma-separated file split: ``82`` and
#: ``5`` or ``5%``.
_SPLIT_WHOLE: Final = re.compile(r"\d{1,3}")
_SPLIT_DECIMALS: Final = re.compile(r"\d+ ?%?")


class _Reader(LongRows):
    """Reads one table; ``problems`` collects everything wrong with it."""

    def __init__(self, table: Table, framework: Framework, year: int | None) -> None:
        self.table = table
        self.framework = framework
        self.default_year = year
        self.problems: list[Problem] = []
        self.header_row = 0
        self.years: dict[tuple[type, Any], int] = {}
        self.names: dict[str, str] = {}
        self.runs: RunReader | None = None

    def problem(self, code: str, row: int | None = None, col: int | None = None,
                **fields: Any) -> None:
        column = None if col is None else column_letter(col)
        self.problems.append(
            Problem.of(code, source=self.table.source, sheet=self.table.sheet, row=row,
                       column=column, **fields)
        )

    def place(self, problem: Problem, row: int, col: int) -> None:
        self.problems.append(
            attrs.evolve(problem, source=self.table.source, sheet=self.table.sheet, row=row,
                         column=column_letter(col))
        )

    # -- the parts of a table ------------------------------------------------------------

    def criterion_id(self, cell: Any, row: int, col: int) -> str | None:
        """The criterion id a cell names, or None (with the problem recorded)."""
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            # A spreadsheet turns "2.5" into a number, and "1.10" into 1.1.
            found = str(cell) if isinstance(cell, int) else format(cell, ".12g")
            if found in self.framework and f"{found}0" in self.framework:
                self.problem("ambiguous_criterion_number", row, col, value=cell,
                             first=found, second=f"{found}0")
                return None
            return found if found in self.framework else None
        found = cell_text(cell)
        return found if found in self.framework else None

    def preamble(self, rows: Iterator[Sequence[Any]]
                 ) -> tuple[int | None, dict[str, Any], Sequence[Any]]:
        """The index of the header row, the fields given above it (role → (value, row)), and
        the header's cells; ``rows`` is left at the row after the header."""
        fields: dict[str, Any] = {}
        for index, cells in enumerate(rows):
            filled = [i for i, cell in enumerate(cells) if not is_empty(cell)]
            if not filled:
                continue
            role = header_role(cells[0]) if filled[0] == 0 else None
            if role in _FIELD_ROLES and max(filled) <= 1:
                value = cells[1] if len(cells) > 1 else None
                if header_role(value) is None and not self.looks_like_id(value):
                    fields[role] = (value, index + 1)
                    continue
            if len(filled) == 1:
                continue  # a title
            return index, fields, cells
        return None, fields, ()

    def looks_like_id(self, cell: Any) -> bool:
        return isinstance(cell, str) and cell_text(cell) in self.framework

    def header(self, cells: Sequence[Any], row: int) -> tuple[dict[str, int], dict[int, str]]:
        """Columns by role, and criterion columns (index → id)."""
        roles: dict[str, int] = {}
        criteria: dict[int, str] = {}
        seen: dict[str, int] = {}
        for col, cell in enumerate(cells):
            if is_empty(cell):
                continue
            role = header_role(cell)
            key = role or ""
            if role is None and not is_descriptive(cell):
                before = len(self.problems)
                found = self.criterion_id(cell, row, col)
                if found is None:
                    if len(self.problems) == before:
                        self.problem("unknown_column", row, col, criterion=cell_text(cell),
                                     header=cell_text(cell), framework=self.framework.id)
                    continue
                key = f"id:{found}"
                criteria[col] = found
            elif role is not None:
                roles[role] = col
            if key:
                if key in seen:
                    self.problem("duplicate_column", row, col, header=cell_text(cell),
                                 first=column_letter(seen[key]))
                else:
                    seen[key] = col
        return roles, criteria

    def field(self, role: str, cells: Sequence[Any], roles: dict[str, int],
              fields: dict[str, Any], row: int) -> tuple[Any, int, int]:
        """A commune/district/year cell: (value, its row, its column). A column's empty cell
        takes the line above the header; one that says otherwise is refused."""
        value, at = fields.get(role, (None, row))
        if role not in roles:
            return value, at, 1
        col = roles[role]
        cell = cells[col] if col < len(cells) else None
        if is_empty(value):
            return cell, row, col
        if is_empty(cell):
            return value, at, 1
        differs = conflict(role, cell, value)
        if differs is None:
            return cell, row, col
        self.problem("above_header_conflict", row, col, value=differs[0], given=differs[1],
                     label=ID_LABELS[role], first=at)
        return value, at, 1  # the row is refused by its problem

    def year(self, cell: Any, row: int, col: int) -> int | None:
        # Most rows give the same year: read once, and again only where it is refused.
        try:
            known = self.years.get((cell.__class__, cell))
        except TypeError:
            known = None
        if known is not None:
            return known
        year = self.read_year(cell, row, col)
        if year is not None and len(self.years) < 64:
            self.years[(cell.__class__, cell)] = year
        return year

    def read_year(self, cell: Any, row: int, col: int) -> int | None:
        if is_empty(cell):
            if self.default_year is None:
                self.problem("missing_year", row, col)
                return None
            return self.default_year
        year = whole_number(cell)
        if year is None:
            self.problem("bad_year", row, col, value=cell)
            return None
        if self.default_year is not None and year != self.default_year:
            self.problem("year_conflict", row, col, value=year, year=self.default_year)
            return None
        if year not in self.framework.years:
            self.problem("year_not_in_framework", row, col, value=year,
                         framework=self.framework.id,
                         years=", ".join(map(str, self.framework.years)))
            return None
        return year

    def value(self, criterion: str, cell: Any, row: int, col: int) -> tuple[Any, Reading | None]:
        """The cell as written, and as read for its criterion (None: the problem is recorded)."""
        value = cell.strip() if isinstance(cell, str) else cell
        found = read_value(self.framework[criterion], value)
        if isinstance(found, Problem):
            self.place(found, row, col)
            return value, None
        return value, found

    # -- the whole table -----------------------------------------------------------------

    def read(self, rows: Rows) -> list[Row | list[Record]]:
        start, fields, head = self.preamble(rows)
        if start is None:
            if fields:
                self.problem("no_header", max(at for _, at in fields.values()))
            return []
        header_row = self.header_row = start + 1
        roles, criteria = self.header(head, header_row)
        width = len(head)
        # A cell under an empty header is outside the table as much as one past its last column.
        unheaded = [col for col, cell in enumerate(head) if is_empty(cell)]
        long = "criterion" in roles
        if long:
            for col, criterion in criteria.items():
                self.problem("criterion_column_in_long_table", header_row, col,
                             criterion=criterion)
            if "value" not in roles and not {"numerator", "denominator"} <= roles.keys():
                self.missing_column("value", header_row)
        elif "evidence" in roles:
            self.problem("evidence_in_wide_table", header_row, roles["evidence"])
        if not ({"commune", "code"} & (roles.keys() | fields.keys())):
            self.missing_column("commune", header_row)
        if "year" not in roles and "year" not in fields and self.default_year is None:
            self.missing_column("year", header_row)
        if any(p.code == "missing_column" for p in self.problems):
            return []  # the rows cannot be read; the header's other problems are reported
        if "year" in roles and not is_empty(fields.get("year", (None,))[0]):
            self.year(fields["year"][0], fields["year"][1], 1)  # read even with a year column
        found: dict[tuple[str, str, int], Row] = {}
        firsts: dict[tuple[tuple[str, str, int], str], int] = {}
        # A problem of the header spoils every row; one of a row spoils its commune-year.
        spoiled: set[Any] = {_HEADER} if self.problems else set()
        mixed = self.table.sheet is not None  # a sheet's cells: text, numbers, bools, dates
        columns = Columns([Column(col, self.framework[c], mixed) for col, c in criteria.items()],
                          mixed)
        scan = RowScan()
        area = SignatureArea(self.framework, roles, fields, columns.columns, self.default_year)
        signed = None  # the row that starts the signature area
        self.runs = None if long or spoiled or self.table.sheet is not None else RunReader(
            self, self.framework, self.table.source, columns.columns, roles, fields, width,
            unheaded, header_row)
        for row, cells in self.numbered(rows, found):
            if scan.blank(cells):
                continue
            if signed is not None:
                self.below_signature(cells, row, signed, area, roles, fields, long, spoiled)
                continue
            if scan.signature(cells) and area.starts(cells):
                signed, self.runs = row, None  # the area and the rows below are not read
                continue
            before = len(self.problems)
            for col in (*unheaded, *range(width, len(cells))):
                if col < len(cells) and not is_empty(cells[col]):
                    self.extra_cell(cells, row, col, first_beyond=col == width)
            read = self.commune_year(cells, roles, fields, row)
            if long:
                self.long_row(cells, roles, row, read, found, firsts)
                key = read and commune_year_of(read)
            else:
                key = self.wide_row(cells, columns, row, read, found)
            if len(self.problems) > before and key is not None:
                spoiled.add(key)
        if long and not found and "commune" in fields and "commune" not in roles:
            # A template sheet with nothing filled in yet: the commune-year, every value missing.
            read = self.commune_year([], roles, fields, header_row)
            if read is not None:
                found[commune_year_of(read)] = self.new_row(
                    read, header_row)
        return [] if _HEADER in spoiled else [r for k, r in found.items() if k not in spoiled]

    def numbered(self, rows: Rows, found: dict[Any, Any]) -> Iterator[tuple[int, Sequence[Any]]]:
        """The rows after the header, each with its number, but those of the blocks that
        ``runs`` reads together, whose records are put in ``found`` under their first row."""
        row = self.header_row
        for part in rows.runs():
            if part.__class__ is not Block:
                row += 1
                yield row, part  # type: ignore[misc]
                continue
            assert isinstance(part, Block)
            made = None if self.runs is None else self.runs.read(part, row + 1)
            if made is None:
                yield from enumerate(part.rows(), row + 1)
            else:
                found[row + 1] = made
            row += part.count

    def below_signature(self, cells: Sequence[Any], row: int, signed: int, area: SignatureArea,
                        roles: dict[str, int], fields: dict[str, Any], long: bool,
                        spoiled: set[Any]) -> None:
        """A row below the signature area: refused when it holds a commune-year's data, and
        in a long table its commune-year with it (a value of it is not read)."""
        found = area.data(cells)
        if found is None:
            return
        self.problem("row_after_signature", row, found[1], value=found[0], first=signed)
        if long:
            before = len(self.problems)
            read = self.commune_year(cells, roles, fields, row)
            del self.problems[before:]  # said for the row already
            if read is not None:
                spoiled.add(commune_year_of(read))

    def extra_cell(self, cells: Sequence[Any], row: int, col: int, first_beyond: bool) -> None:
        """A cell outside the columns: when it is the first right of the last header, in a
        CSV file, and it and the cell before look like the two halves of ``82,5``, the message
        says that a decimal comma split the cell."""
        value, before = cells[col], cells[col - 1] if col else None
        if (first_beyond and self.table.sheet is None and isinstance(before, str)
                and isinstance(value, str)
                and _SPLIT_WHOLE.fullmatch(before.strip())
                and _SPLIT_DECIMALS.fullmatch(value.strip())):
            self.problem("extra_cell_split_number", row, col, value=value, before=before.strip())
        else:
            self.problem("extra_cell", row, col, value=value)

    def missing_column(self, role: str, row: int) -> None:
        vi, en = ROLE_NAMES[role]
        self.problem("missing_column", row, column_vi=vi, column_en=en)

    def commune_year(self, cells: Sequence[Any], roles: dict[str, int],
                     fields: dict[str, Any], row: int) -> Read | None:
        commune, at, col = self.field("commune", cells, roles, fields, row)
        code = cell_text(self.field("code", cells, roles, fields, row)[0]) or None
        name = cell_text(commune) or code  # a code alone names the commune ([admin])
        if not name:
            self.problem("missing_commune", at, col)
        district, _, _ = self.field("district", cells, roles, fields, row)
        year_cell, at, col = self.field("year", cells, roles, fields, row)
        year = self.year(year_cell, at, col)
        if not name or year is None:
            return None
        province, _, _ = self.field("province", cells, roles, fields, row)
        district, province = cell_text(district) or None, cell_text(province) or None  # kept once:
        return (name, district and self.names.setdefault(district, district), year,
                province and self.names.setdefault(province, province), code)

    def new_row(self, read: Read, row: int, values: Mapping[str, Any] | None = None,
                readings: Mapping[str, Reading] | None = None) -> Row:
        commune, district, year, province, code = read
        return Row(commune=commune, district=district, year=year,
                   values={} if values is None else values, row=row, sheet=self.table.sheet,
                   province=province, code=code, readings={} if readings is None else readings)

    def wide_row(self, cells: Sequence[Any], columns: Columns, row: int,
                 read: Read | None,
                 found: dict[tuple[str, str, int], Row]) -> Any:
        values, readings = columns.read(cells, self.place, row)
        if read is None:
            return None
        # Duplicated commune-years are found across the whole file, by the caller: a row is
        # kept by its number.
        found[row] = self.new_row(read, row, values, readings)  # type: ignore[index]
        return row


def records_from_table(
    table: Table, framework: Framework, year: int | None
) -> tuple[list[Row | list[Record]], list[Problem]]:
    """The commune-years of ``table`` (a run of a CSV file's rows read together as its
    records), and every problem found in it."""
    reader = _Reader(table, framework, year)
    cells = table.cells()
    rows = reader.read(cells)
    for _ in cells:  # the rest of a file still read: what is not CSV in it is refused
        pass
    # A field above the header is read for every row: say what is wrong with it once.
    return rows, list(dict.fromkeys(reader.problems))
