"""Reading .xlsx workbooks into tables (needs the ``[excel]`` extra, openpyxl).

A workbook is checked before openpyxl sees it: it must be a zip archive whose contents unpack to
no more than :data:`MAX_UNPACKED_BYTES`. A number cell formatted as a percentage is read as the
percentage the user sees (0.575 shown as ``57,5%`` is 57.5 %), as exact text; its number is read
by the number policy of :mod:`cds_indicators._model.numbers` first, as every number cell is.
"""

from __future__ import annotations

import zipfile
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

from cds_indicators._io.cells import Table
from cds_indicators._model.errors import InputError, Problem, require
from cds_indicators._model.numbers import decimal_text, exact_float

__all__ = ["MAX_UNPACKED_BYTES", "read_workbook"]

#: A workbook whose parts unpack to more than this is refused (bytes).
MAX_UNPACKED_BYTES: Final = 200 * 1024 * 1024


def _percent_text(number: int | float) -> str:
    """The percentage a percent-formatted cell shows, as exact text: the cell's number read by
    the number policy (a float at 12 significant digits, as any number cell), times 100."""
    exact = Fraction(number) if isinstance(number, int) else exact_float(number)
    return f"{decimal_text(exact * 100)}%"


def _cell(cell: Any) -> Any:
    value = cell.value
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and "%" in (getattr(cell, "number_format", None) or "")
    ):
        return _percent_text(value)
    return value


def read_workbook(path: Path, source: str) -> list[Table]:
    """Every worksheet of the workbook at ``path`` as a table of cell values."""
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
    uncomputed: list[Problem] = []
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        # The same cells as written: a formula whose result was never saved reads as empty above,
        # and must not pass for a missing value.
        formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
        try:
            tables = []
            for sheet, written in zip(workbook.worksheets, formulas.worksheets, strict=True):
                sheet.reset_dimensions()
                written.reset_dimensions()
                rows = [[_cell(cell) for cell in row] for row in sheet.iter_rows()]
                uncomputed += _uncomputed(rows, written, source)
                tables.append(Table(rows=rows, source=source, sheet=sheet.title))
        finally:
            workbook.close()
            formulas.close()
    except Exception as exc:
        # Whatever a damaged workbook makes the parser raise, the user sees one located line.
        said = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        detail = str(said) or type(exc).__name__
        raise InputError([Problem.of("xlsx_unreadable", source=source, detail=detail)]) from None
    if uncomputed:
        raise InputError(uncomputed)
    return tables


def _uncomputed(rows: list[list[Any]], written: Any, source: str) -> list[Problem]:
    """Formula cells of ``written`` whose computed value (in ``rows``) was never saved."""
    from openpyxl.utils import get_column_letter

    problems = []
    for r, row in enumerate(written.iter_rows(values_only=True)):
        for c, formula in enumerate(row):
            if (
                isinstance(formula, str)
                and formula.startswith("=")
                and (r >= len(rows) or c >= len(rows[r]) or rows[r][c] is None)
            ):
                problems.append(
                    Problem.of(
                        "xlsx_formula_without_value", value=formula, source=source,
                        sheet=written.title, row=r + 1, column=get_column_letter(c + 1),
                    )
                )
    return problems
