"""Which sheets of a workbook are read (.xlsx, .ods, .xls alike).

A workbook an office sends often holds more than the criterion table: a lookup list, a copy of
last year, instructions. ``sheet=`` (``--sheet NAME``) names the sheets to read; without it every
sheet is read, and a sheet with no criterion data is skipped with a notice (``sheet_skipped``)
that names it, never silently. A sheet holds criterion data when the header the table reader
finds in it (below any title lines, however far down) names a commune column (``Xã`` or
``Mã xã``), a criterion column beside a value column (``Mã chỉ tiêu``, ``Giá trị``) or at least
two criterion ids of the framework — or when one of its first rows does. A workbook with a
single sheet is always read, so that its problems are reported rather than skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final, TypeVar

from cds_indicators._io.cells import Table
from cds_indicators._model.errors import InputError, Problem
from cds_indicators._model.framework import Framework
from cds_indicators._words.format import fold
from cds_indicators._words.headers import fold_header, header_role

__all__ = ["MAX_CELLS", "SCANNED_ROWS", "SheetGrid", "pick", "sheet_names",
           "with_criterion_data"]

T = TypeVar("T")

#: A sheet whose used range (rows × columns) is larger than this is refused (cells), whatever
#: the kind of workbook: checked as the rows are read, before any row is widened to the range.
MAX_CELLS: Final = 2_000_000

#: How many rows from the top of a sheet are looked at for a header beside the one the table
#: reader finds (which may be further down).
SCANNED_ROWS: Final = 50
_VALUE_ROLES: Final = frozenset({"value", "numerator", "denominator"})
_COMMUNE_ROLES: Final = frozenset({"commune", "code"})


def sheet_names(sheet: str | Sequence[str] | None) -> tuple[str, ...]:
    """``sheet=`` as a tuple of names: one name, several, or none (every sheet)."""
    if sheet is None:
        return ()
    if isinstance(sheet, str):
        return (sheet,)
    if not all(isinstance(name, str) for name in sheet):
        raise TypeError(f"sheet must be a sheet name or a list of names, not {sheet!r}")
    return tuple(sheet)


def pick(sheets: Sequence[T], names: tuple[str, ...], source: str,
         title: Callable[[T], str]) -> list[T]:
    """The sheets named ``names`` in the order given (all of them when none is named), each
    name matched as written or folded (case, spaces, Unicode form); unknown names refused."""
    if not names:
        return list(sheets)
    by_name = {fold(title(s)): s for s in sheets}
    found, problems = [], []
    for name in names:
        sheet = by_name.get(fold(name))
        if sheet is None:
            known = ", ".join(title(s) for s in sheets)
            problems.append(Problem.of("unknown_sheet", value=name, source=source, known=known))
        else:
            found.append(sheet)
    if problems:
        raise InputError(problems)
    return found


def _is_id(cell: object, framework: Framework) -> bool:
    if isinstance(cell, str):
        return fold_header(cell) in framework or cell.strip() in framework
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return format(cell, ".12g") in framework
    return False


def _names_columns(roles: set[str | None], ids: int) -> bool:
    """Whether a row whose headers have ``roles`` and name ``ids`` criteria heads a table of
    criterion data: a commune column (its name or its code), a criterion column beside a value
    column, or two criterion columns."""
    return (bool(roles & _COMMUNE_ROLES) or ("criterion" in roles and bool(roles & _VALUE_ROLES))
            or ids >= 2)


def _read_as_table(table: Table, framework: Framework) -> bool:
    """Whether the table reader finds a header of criterion data in ``table``: the header it
    would read (however far down the sheet), with the fields given above it."""
    from cds_indicators._io.tables import _Reader

    reader = _Reader(table, framework, None)
    start, fields, head = reader.preamble(iter(table.rows))
    if start is None:
        return bool(fields.keys() & _COMMUNE_ROLES)  # fields without a header: said when read
    roles, criteria = reader.header(head, start + 1)
    return _names_columns({*roles, *fields}, len(criteria))


def _has_criterion_data(table: Table, framework: Framework) -> bool:
    """Whether ``table`` is read rather than skipped: the reader finds a header of criterion
    data in it, or a row near the top heads one (a sheet whose first lines the reader takes for
    its header is read, so that what is wrong with them is said, never skipped as empty)."""
    if _read_as_table(table, framework):
        return True
    for cells in table.rows[:SCANNED_ROWS]:
        roles = {header_role(c) for c in cells if isinstance(c, str)}
        if _names_columns(roles, sum(_is_id(c, framework) for c in cells)):
            return True
    return False


def with_criterion_data(tables: Sequence[Table], framework: Framework,
                        named: bool) -> tuple[list[Table], list[Problem]]:
    """The tables to read, and a notice for each sheet skipped because it holds no criterion
    data. Sheets the user named (``named``), and the only sheet of a workbook, are all read."""
    if named or len(tables) <= 1:
        return list(tables), []
    kept, notices = [], []
    for table in tables:
        if _has_criterion_data(table, framework):
            kept.append(table)
        else:
            notices.append(Problem.of("sheet_skipped", source=table.source, sheet=table.sheet,
                                      sheet_name=table.sheet))
    return kept, notices


class SheetGrid:
    """A sheet's cells gathered row by row (rows numbered from 1, columns from 1), with the
    checks every reader makes: rows in order, each cell once, the used range within
    :data:`MAX_CELLS`. ``add`` returns the problem code that stops the reading, if any."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, dict[int, Any]]] = []
        self.previous = 0
        self.width = 0
        self.count = 0

    def add(self, number: int, row: dict[int, Any], cells: int) -> dict[str, Any] | None:
        """Add row ``number`` (its non-empty cells); the fields of the refusal, if any."""
        if number <= self.previous:
            return {"code": "sheet_rows_out_of_order", "row": number, "number": number,
                    "previous": self.previous}
        self.previous = number
        self.count += cells
        if row:
            self.width = max(self.width, max(row))
        if number * self.width > MAX_CELLS or self.count > MAX_CELLS:
            return {"code": "sheet_too_large", "rows": number, "columns": self.width,
                    "limit": MAX_CELLS}
        if any(value is not None for value in row.values()):
            self.rows.append((number, row))
        return None

    def grid(self) -> list[list[Any]]:
        """The sheet as a grid of values, row 1 first (``None`` for an empty cell)."""
        width = max((max(row) for _, row in self.rows), default=0)
        grid: list[list[Any]] = []
        for number, row in self.rows:
            grid.extend([] for _ in range(number - 1 - len(grid)))
            grid.append([row.get(c) for c in range(1, width + 1)])
        return grid
