"""Reading .xlsx workbooks into tables (needs the ``[excel]`` extra, openpyxl).

A workbook is checked before openpyxl sees it: it must be a zip archive whose contents unpack to
no more than :data:`MAX_UNPACKED_BYTES`. Each sheet is then read in one pass over its XML, by
openpyxl's own cell parser: the value saved for each cell, whether it holds a formula, and its
number format. A sheet whose rows come out of order or that writes a cell twice is refused (a
table built from it would lose a value), and so is a sheet whose used range (rows × columns)
passes :data:`MAX_CELLS` — checked as the rows arrive, before any row is widened to that range.

A number is read as the cell **shows** it (:func:`shown_number`): formatted as a percentage
(``0%``, ``0.0%``), 0.575 shows ``57,5%`` and is read as 57.5 %; with a literal percent sign
(``0.0"%"``, ``0.0\\%``), 80 shows ``80%`` and 0.8 shows ``0.8%`` — read as 80 % and 0.8 %.
The number itself is read by the number policy of :mod:`cds_indicators._model.numbers`, as every
number cell is.
"""

from __future__ import annotations

import functools
import re
import zipfile
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

from cds_indicators._io.cells import Table
from cds_indicators._io.sheets import MAX_CELLS, SheetGrid, pick
from cds_indicators._model.errors import InputError, Problem, require
from cds_indicators._model.numbers import decimal_text, exact_float

__all__ = ["MAX_CELLS", "MAX_UNPACKED_BYTES", "read_workbook", "shown_number"]

#: A workbook whose parts unpack to more than this is refused (bytes).
MAX_UNPACKED_BYTES: Final = 200 * 1024 * 1024

_QUOTED: Final = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _format_section(number_format: str, number: int | float) -> str:
    """The section of ``number_format`` (``positive;negative;zero``) that shows ``number``."""
    sections = number_format.split(";")
    if len(sections) >= 3 and number == 0:
        return sections[2]
    if len(sections) >= 2 and number < 0:
        return sections[1]
    return sections[0]


@functools.lru_cache(maxsize=8192, typed=True)  # 1 and 1.0 are shown apart
def shown_number(number: int | float, number_format: str | None) -> Any:
    """A number cell as its format shows it: exact percent text (``"57.5%"``) for a percent
    format, scaled by 100 for a real percent sign and not for a literal one (``0.0"%"``,
    ``0.0\\%``), or the number itself.

    >>> shown_number(0.575, "0.0%"), shown_number(0.8, '0.0"%"'), shown_number(80, "0\\\\%")
    ('57.5%', '0.8%', '80%')
    """
    if not number_format or "%" not in number_format:
        return number
    section = _format_section(number_format, number)
    exact = Fraction(number) if isinstance(number, int) else exact_float(number)
    bare = _QUOTED.sub("", section)
    if "%" in bare:
        return f"{decimal_text(exact * 100)}%"
    if "%" in section:
        return f"{decimal_text(exact)}%"
    return number


def _number_format(workbook: Any, style_id: int) -> str | None:
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    try:
        format_id = workbook._cell_styles[style_id].numFmtId
        if format_id < BUILTIN_FORMATS_MAX_SIZE:
            return str(BUILTIN_FORMATS.get(format_id, "General"))
        return str(workbook._number_formats[format_id - BUILTIN_FORMATS_MAX_SIZE])
    except (IndexError, KeyError, AttributeError):
        return None


def _parser(sheet: Any, source: Any) -> Any:
    """openpyxl's sheet parser, reading saved values, that also notes each cell's formula, and
    whether a formula's saved result is the empty text (``t="str"`` with a ``<v>``, as Excel and
    LibreOffice save ``=IF(A1="";"";…)``): openpyxl reads that ``<v></v>`` as no value at all,
    as it reads a formula never computed (which openpyxl itself saves with no ``t``)."""
    from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

    class _Parser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> Any:
            cell = super().parse_cell(element)
            formula = element.find(FORMULA_TAG)
            cell["formula"] = None if formula is None else f"={formula.text or ''}"
            cell["empty_text"] = (formula is not None and element.get("t") == "str"
                                  and element.find(VALUE_TAG) is not None)
            return cell

    workbook = sheet.parent
    return _Parser(
        source, sheet._shared_strings, data_only=True, epoch=workbook.epoch,
        date_formats=workbook._date_formats, timedelta_formats=workbook._timedelta_formats,
    )


class _SheetReader:
    """The rows of one sheet, with the problems that make them unsafe to read."""

    def __init__(self, workbook: Any, sheet: Any, source: str) -> None:
        self.workbook, self.sheet, self.source = workbook, sheet, source
        self.problems: list[Problem] = []
        self.formats: dict[int, str | None] = {}

    def problem(self, code: str, **fields: Any) -> None:
        self.problems.append(Problem.of(code, source=self.source, sheet=self.sheet.title,
                                        **fields))

    def shown(self, cell: dict[str, Any]) -> Any:
        value = cell["value"]
        if isinstance(value, int | float) and not isinstance(value, bool):
            style = cell["style_id"] or 0
            if style not in self.formats:
                self.formats[style] = _number_format(self.workbook, style)
            return shown_number(value, self.formats[style])
        return value

    def rows(self) -> list[list[Any]]:
        """The sheet as a grid of values, in one pass, refusing what would lose data."""
        from openpyxl.utils import get_column_letter

        grid = SheetGrid()
        with self.sheet._get_source() as xml:
            for number, cells in _parser(self.sheet, xml).parse():
                row: dict[int, Any] = {}
                for cell in cells:
                    column = cell["column"]
                    if column in row:
                        letter = get_column_letter(column)
                        self.problem("sheet_cell_twice", row=number, column=letter,
                                     cell=f"{letter}{number}")
                        return []
                    value = cell["value"]
                    if isinstance(value, int | float):  # its number format may change it
                        value = self.shown(cell)
                    elif (value is None and cell["formula"] is not None
                          and not cell["empty_text"]):  # an empty result is an empty cell
                        self.problem("xlsx_formula_without_value", value=cell["formula"],
                                     row=number, column=get_column_letter(column))
                    row[column] = value
                refusal = grid.add(number, row, len(cells))
                if refusal is not None:
                    self.problem(**refusal)
                    return []
        return [] if self.problems else grid.grid()


def read_workbook(path: Path, source: str, sheets: tuple[str, ...] = ()) -> list[Table]:
    """Every worksheet of the workbook at ``path`` (or those named ``sheets``) as a table of
    cell values, each sheet read once."""
    openpyxl = require("openpyxl", "excel")
    if not zipfile.is_zipfile(path):
        raise InputError([Problem.of("not_xlsx", source=source)])
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError([Problem.of("xlsx_unreadable", source=source, detail=exc)]) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(
            [Problem.of("xlsx_too_large", source=source, size=unpacked, limit=MAX_UNPACKED_BYTES)]
        )
    problems: list[Problem] = []
    tables = []
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            for sheet in _chosen(workbook.worksheets, sheets, source):
                reader = _SheetReader(workbook, sheet, source)
                rows = reader.rows()
                problems += reader.problems
                tables.append(Table(rows=rows, source=source, sheet=sheet.title))
        finally:
            workbook.close()
    except InputError:
        raise
    except Exception as exc:
        # Whatever a damaged workbook makes the parser raise, the user sees one located line.
        said = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        detail = str(said) or type(exc).__name__
        raise InputError([Problem.of("xlsx_unreadable", source=source, detail=detail)]) from None
    if problems:
        raise InputError(problems)
    return tables


def _chosen(worksheets: list[Any], names: tuple[str, ...], source: str) -> list[Any]:
    """The worksheets named ``names`` (every sheet when none is named); an unknown name is
    refused with the names the workbook has."""
    return pick(worksheets, names, source, lambda sheet: str(sheet.title))
