"""The cells of a table as read: one CSV file or one spreadsheet sheet, row by row.

The one CSV reader of the package: :func:`load_values` and :meth:`Schedule.load` both read CSV
files here, with one separator rule. What the cells mean is read by :mod:`._tables`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from typing import Any, Final

import attrs

from cds_indicators._model.errors import Problem

__all__ = ["MAX_CELLS", "MAX_ROWS", "Table", "read_csv_text", "separator_of"]


@attrs.frozen
class Table:
    """The cells of one CSV file or one sheet, row by row, as read (``None`` for empty)."""

    rows: Sequence[Sequence[Any]]
    source: str
    sheet: str | None = None



#: A table may have at most this many rows, and this many cells in all: counted row by row as
#: the file is read, so that a file of separators or of empty lines stops there (the file size
#: limit bounds the one row being read).
MAX_ROWS: Final = 1_000_000
MAX_CELLS: Final = 10_000_000

#: Separators, in the order they are looked for in the first line.
_SEPARATORS: Final = ("\t", ";", ",")
_QUOTED: Final = re.compile(r'"[^"]*"')


def separator_of(line: str) -> str:
    """The separator of a CSV file whose first line is ``line``: a tab if it has one outside
    quotes, else ``;`` if it has one (what Excel writes in a Vietnamese locale, where a header
    such as ``Xã, phường, thị trấn`` keeps its commas unquoted), else ``,``."""
    bare = _QUOTED.sub("", line)
    return next((s for s in _SEPARATORS if s in bare), ",")


def read_csv_text(text: str, source: str) -> Table | Problem:
    """The cells of a CSV text, split by the separator of its first line (:func:`separator_of`)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    separator = separator_of(first)
    # Strict: a quote in the middle of a cell, or one still open at the end of the file (which
    # the lenient reader closes silently, swallowing every line after it), is an error.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    rows: list[list[str]] = []
    start = cells = 1
    try:
        for row in reader:
            rows.append(row)
            start = reader.line_num + 1
            cells += len(row)
            if len(rows) > MAX_ROWS or cells > MAX_CELLS:
                code, limit = (("too_many_rows", MAX_ROWS) if len(rows) > MAX_ROWS
                               else ("too_many_cells", MAX_CELLS))
                return Problem.of(code, source=source, limit=limit)
    except csv.Error as exc:
        if str(exc) == "unexpected end of data":
            return Problem.of("csv_open_quote", source=source, line=start)
        return Problem.of("csv_syntax", source=source, line=reader.line_num, detail=str(exc))
    return Table(rows=rows, source=source)
