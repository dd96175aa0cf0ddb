"""Reading legacy .xls workbooks into tables (needs the ``[xls]`` extra, xlrd).

xlrd reads the Excel 97–2003 format with each cell's number format (``formatting_info=True``),
which the percent rule needs: a number is read as its format shows it
(:func:`~cds_indicators._io.xlsx.shown_number`), as in .xlsx. An .xls sheet has at most 65,536
rows and 256 columns, and the file's size is checked before it is opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cds_indicators._io.cells import Table
from cds_indicators._io.sheets import SheetGrid, pick
from cds_indicators._io.xlsx import shown_number
from cds_indicators._model.errors import InputError, Problem, require

__all__ = ["read_xls"]


def _value(book: Any, cell: Any, xlrd: Any) -> Any:
    kind = cell.ctype
    if kind == xlrd.XL_CELL_NUMBER:
        number = cell.value
        if isinstance(number, float) and number.is_integer() and abs(number) < 2**53:
            number = int(number)
        try:
            fmt = book.format_map[book.xf_list[cell.xf_index].format_key].format_str
        except (IndexError, KeyError, AttributeError):
            fmt = None
        return shown_number(number, fmt)
    if kind == xlrd.XL_CELL_TEXT:
        return cell.value or None
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if kind == xlrd.XL_CELL_DATE:
        return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERR")
    return None


def read_xls(path: Path, source: str, names: tuple[str, ...] = ()) -> list[Table]:
    """Every sheet of the .xls workbook at ``path`` (or those named ``names``) as a table."""
    xlrd = require("xlrd", "xls")
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except Exception as exc:
        detail = str(exc) or type(exc).__name__
        raise InputError([Problem.of("spreadsheet_unreadable", source=source, kind=".xls",
                                     detail=detail)]) from None
    try:
        tables, problems = [], []
        for name in pick(book.sheet_names(), names, source, str):
            sheet = book.sheet_by_name(name)
            grid = SheetGrid()
            for r in range(sheet.nrows):
                row = {c + 1: _value(book, cell, xlrd) for c, cell in enumerate(sheet.row(r))}
                row = {c: v for c, v in row.items() if v is not None}
                refusal = grid.add(r + 1, row, len(row))
                if refusal is not None:
                    problems.append(Problem.of(source=source, sheet=name, **refusal))
                    break
            tables.append(Table(rows=grid.grid(), source=source, sheet=name))
    finally:
        book.release_resources()
    if problems:
        raise InputError(problems)
    return tables
