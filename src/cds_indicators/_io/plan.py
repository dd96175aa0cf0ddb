"""Plan spreadsheets as files: reading a framework's ``.xlsx``/``.csv`` sheets with the package's
one CSV and workbook readers, and writing the plan workbook (empty, with drop-downs, or filled
with a framework) and its CSV form.

:func:`~cds_indicators.load_framework` reaches :func:`read_plan` through the named hook of
:mod:`cds_indicators._frameworks.registry` (the frameworks layer holds no import of this one);
what the cells mean is read by :mod:`cds_indicators._frameworks.sheet`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, Final

from cds_indicators._frameworks.sheet import Grid, framework_from_sheets
from cds_indicators._frameworks.sheet_rows import EMPTY_CRITERION_ROWS, PlanRows, plan_rows
from cds_indicators._io.cells import read_csv_text
from cds_indicators._io.template import _text_cell
from cds_indicators._io.xlsx import read_workbook
from cds_indicators._model.errors import CdsError, FrameworkError, Problem, require
from cds_indicators._model.framework import Framework
from cds_indicators._words.catalog import plans as _w
from cds_indicators._words.format import column_letter

__all__ = ["PLAN_SUFFIXES", "plan_csv", "read_plan", "write_plan"]

#: The suffixes of the files a framework is read from as a spreadsheet.
PLAN_SUFFIXES: Final = (".xlsx", ".csv")
_WIDTHS: Final = {"id": 11, "pillar": 16, "name": 48, "name_en": 32, "unit": 12, "kind": 12,
                  "comparison": 11, "target": 16, "threshold": 12, "responsible": 24}
_HEADING_FILL: Final = "DDEBF7"


def _grids(path: Path, source: str) -> list[Grid]:
    if path.suffix.lower() == ".csv":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            detail = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror
            raise FrameworkError([Problem.of("file_unreadable", detail=detail, source=source)],
                                 source=source) from None
        table = read_csv_text(text, source)
        if isinstance(table, Problem):
            raise FrameworkError([table], source=source)
        return [(None, table.rows)]
    try:
        tables = read_workbook(path, source)
    except CdsError as exc:
        raise FrameworkError(list(getattr(exc, "problems", ())), source=source) from None
    return [(table.sheet, table.rows) for table in tables]


def read_plan(path: Path, source: str) -> Framework:
    """The framework written in the spreadsheet at ``path`` (``.xlsx`` or ``.csv``)."""
    if not path.is_file():
        problem = Problem.of("file_unreadable", detail="No such file or directory", source=source)
        raise FrameworkError([problem], source=source)
    return framework_from_sheets(_grids(path, source), source=source)


def plan_csv(framework: Framework) -> str:
    """The CSV form of ``framework``'s plan: the identity block, an empty line, the table."""
    rows = plan_rows(framework)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([[_plain(c) for c in row] for row in rows.block])
    writer.writerow([])
    writer.writerow(rows.header)
    writer.writerows([[_plain(c) for c in row] for row in rows.rows])
    return out.getvalue()


def _plain(cell: Any) -> Any:
    return "" if cell is None else cell


def write_plan(path: Path, framework: Framework | None = None, years: tuple[int, ...] = ()) -> None:
    """Write the plan workbook: ``framework`` filled in, or an empty plan for ``years``, with
    drop-downs for the pillar, kind, comparison, flags and scoring."""
    openpyxl = require("openpyxl", "excel")
    rows = plan_rows(framework, years)
    book = openpyxl.Workbook()
    identity = book.active
    identity.title = _w.SHEETS["identity"]
    criteria = book.create_sheet(_w.SHEETS["criteria"])
    bold = openpyxl.styles.Font(bold=True)
    fill = openpyxl.styles.PatternFill("solid", start_color=_HEADING_FILL, end_color=_HEADING_FILL)
    for r, row in enumerate(rows.block, start=1):
        for c, value in enumerate(row, start=1):
            _cell(identity, r, c, value)
    for cell in identity[1]:
        cell.font, cell.fill = bold, fill
    identity.column_dimensions["A"].width = 24
    for letter in "BCD":
        identity.column_dimensions[letter].width = 40
    for c, name in enumerate(rows.header, start=1):
        cell = _cell(criteria, 1, c, name)
        cell.font, cell.fill = bold, fill
    for r, row in enumerate(rows.rows, start=2):
        for c, value in enumerate(row, start=1):
            _cell(criteria, r, c, value)
    last = max(len(rows.rows), EMPTY_CRITERION_ROWS) + 1
    _format(criteria, rows, last)
    _drop_downs(criteria, rows, last)
    criteria.freeze_panes = "B2"
    book.save(path)


def _cell(sheet: Any, row: int, column: int, value: Any) -> Any:
    if isinstance(value, str):
        return _text_cell(sheet, row, column, value)
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    return cell


def _format(sheet: Any, rows: PlanRows, last: int) -> None:
    """Text format for the columns whose cells are words (an id ``2.10`` stays ``2.10``, a
    target ``80%`` stays the text ``80%``), and widths for people."""
    for key, indexes in rows.columns.items():
        for index in indexes:
            letter = column_letter(index)
            sheet.column_dimensions[letter].width = _WIDTHS.get(key, 12)
            if key in ("id", "target", "threshold"):
                for r in range(2, last + 1):
                    sheet[f"{letter}{r}"].number_format = "@"


def _drop_downs(sheet: Any, rows: PlanRows, last: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    identity = _w.SHEETS["identity"]
    pillar_rows = rows.pillar_rows
    lists = {
        "kind": '"' + ",".join(names[0] for names in _w.KINDS.values()) + '"',
        "comparison": '"' + ",".join(names[0] for names in _w.COMPARISONS.values()) + '"',
        "scoring": '"' + ",".join(names[0] for names in _w.SCORINGS.values()) + '"',
        "conditional": f'"{_w.FLAGS[True][0]},{_w.FLAGS[False][0]}"',
        "mandatory": f'"{_w.FLAGS[True][0]},{_w.FLAGS[False][0]}"',
        "counted": f'"{_w.FLAGS[True][0]},{_w.FLAGS[False][0]}"',
    }
    if pillar_rows:
        lists["pillar"] = f"'{identity}'!$B${pillar_rows[0]}:$B${pillar_rows[-1]}"
    for key, formula in lists.items():
        validation = DataValidation(type="list", formula1=formula, allow_blank=True,
                                    showErrorMessage=True)
        sheet.add_data_validation(validation)
        for index in rows.columns[key]:
            letter = column_letter(index)
            validation.add(f"{letter}2:{letter}{last}")
