"""The cells of a table as read: one CSV file or one spreadsheet sheet, row by row.

The one CSV reader of the package: :func:`load_values` and :meth:`Schedule.load` both read CSV
files here, with one separator rule. What the cells mean is read by :mod:`._tables`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any, Final

import attrs

from cds_indicators._model.errors import Problem

__all__ = ["Table", "read_csv_text"]


@attrs.frozen
class Table:
    """The cells of one CSV file or one sheet, row by row, as read (``None`` for empty)."""

    rows: Sequence[Sequence[Any]]
    source: str
    sheet: str | None = None



_SEPARATORS: Final = (",", ";", "\t")


def read_csv_text(text: str, source: str) -> Table | Problem:
    """The cells of a CSV text; the separator (``,``, ``;`` or tab) is that of its first line."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    separator = max(_SEPARATORS, key=first.count)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error as exc:
        return Problem.of("csv_syntax", source=source, detail=str(exc))
    return Table(rows=rows, source=source)
