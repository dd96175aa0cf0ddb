"""Tables written as real spreadsheets (needs the ``[excel]`` extra, openpyxl): one place for
how every XLSX the package writes looks — named sheets, a bold frozen header, columns sized to
their contents, numbers stored as numbers with a percent or count format — so that the exports,
the command line's tables and the framework template look alike.

Text is stored as a string cell, never as a formula, and is not altered: the apostrophe that
keeps a CSV cell such as ``=1+1`` from running as a formula is for CSV only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any, Final, NamedTuple

from cds_indicators._model.errors import require

__all__ = ["COUNT_FORMAT", "PERCENT_FORMAT", "Shown", "TableSheet", "sheet_title",
           "write_tables"]

#: A rate stored as its fraction (0.575) and shown as a percentage: ``57,5%`` in a Vietnamese
#: spreadsheet, ``57.5%`` in an English one (the decimal mark is the reader's locale's).
PERCENT_FORMAT: Final = "0.0#%"
#: A count or a number of points: whole numbers without decimals, up to two decimals otherwise.
COUNT_FORMAT: Final = "#,##0.##"
_BAD_TITLE: Final = re.compile(r"[\[\]:*?/\\]")
_MAX_WIDTH: Final = 60
_HEADER_FILL: Final = "DDEBF7"


class Shown(NamedTuple):
    """A number cell and the number format it is shown with."""

    value: int | float | Fraction
    number_format: str


class TableSheet(NamedTuple):
    """One sheet: its title, its header and its rows (cells: text, numbers, :class:`Shown`)."""

    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[Any]]


def sheet_title(name: str, taken: Sequence[str] = ()) -> str:
    """``name`` as a valid sheet title (31 characters, none of ``[]:*?/\\``), distinct from
    ``taken`` (case aside)."""
    base = _BAD_TITLE.sub(" ", name).strip().strip("'")[:31] or "Sheet"
    title, number = base, 2
    while title.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    return title


def _put(cell: Any, value: Any) -> int:
    """Write ``value`` into ``cell``; the width it needs (characters)."""
    if isinstance(value, Shown):
        number = value.value
        cell.value = float(number) if isinstance(number, Fraction) else number
        cell.number_format = value.number_format
        return len(f"{float(cell.value):.4g}") + 2
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # text, never a formula, and kept as written
        return max((len(line) for line in value.splitlines()), default=0)
    cell.value = value
    return len(str(value)) if value is not None else 0


def write_tables(path: Path, sheets: Sequence[TableSheet]) -> Path:
    """Write ``sheets`` as one workbook at ``path``."""
    openpyxl = require("openpyxl", "excel")
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    book.remove(book.active)
    bold = openpyxl.styles.Font(bold=True)
    fill = openpyxl.styles.PatternFill("solid", start_color=_HEADER_FILL, end_color=_HEADER_FILL)
    titles: list[str] = []
    for table in sheets:
        title = sheet_title(table.title, titles)
        titles.append(title)
        sheet = book.create_sheet(title)
        widths: dict[int, int] = {}
        for c, header in enumerate(table.header, start=1):
            cell = sheet.cell(row=1, column=c)
            widths[c] = _put(cell, header)
            cell.font, cell.fill = bold, fill
        for r, row in enumerate(table.rows, start=2):
            for c, value in enumerate(row, start=1):
                widths[c] = max(widths.get(c, 0), _put(sheet.cell(row=r, column=c), value))
        for c, width in widths.items():
            sheet.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 6), _MAX_WIDTH)
        sheet.freeze_panes = "A2"
        if table.header:
            sheet.auto_filter.ref = sheet.dimensions
    book.save(path)
    return path
