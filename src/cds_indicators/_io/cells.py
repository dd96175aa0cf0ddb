"""The cells of a table as read: one CSV file or one spreadsheet sheet, row by row.

The one CSV reader of the package: :func:`load_values` and :meth:`Schedule.load` both read CSV
files here, with one separator rule. What the cells mean is read by :mod:`._tables`.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

import attrs

from cds_indicators._model.errors import InputError, Problem

__all__ = ["MAX_CELLS", "MAX_ROWS", "Table", "csv_rows", "read_csv_text", "separator_of"]


@attrs.frozen
class Table:
    """The cells of one CSV file or one sheet, row by row, as read (``None`` for empty). A CSV
    file read by :func:`load_values` gives its rows as they are read, once (``stream``), and
    no ``rows``."""

    rows: Sequence[Sequence[Any]]
    source: str
    sheet: str | None = None
    stream: Iterator[Sequence[Any]] | None = attrs.field(default=None, eq=False, repr=False)

    def cells(self) -> Iterator[Sequence[Any]]:
        """The rows, one at a time."""
        return iter(self.rows) if self.stream is None else self.stream



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
    try:
        rows = list(csv_rows(io.StringIO(text, newline=""), separator_of(first), source))
    except InputError as exc:
        return exc.problems[0]
    return Table(rows=rows, source=source)


def csv_rows(lines: Iterable[str], separator: str, source: str, *, number: int = 0,
             rows: int = 0, cells: int = 1) -> Iterator[list[str]]:
    """The rows of CSV ``lines`` (as a file opened with ``newline=""`` gives them), one at a
    time; an :class:`InputError` where the text is not CSV or holds too many rows or cells.

    A line without quotes (nor NUL, nor a cell past the csv module's field limit) is split at
    its separators, as the csv module splits it; any other line is read by the csv module,
    with the lines after it that its quotes span. ``number``, ``rows`` and ``cells`` are the
    lines, rows and cells (plus one) read before ``lines``."""
    lines = iter(lines)
    field_limit = csv.field_size_limit()
    for count, line in enumerate(lines, rows + 1):  # one row for each line a row starts on
        start = number = number + 1
        if '"' in line or "\0" in line or len(line) > field_limit:
            # Strict: a quote in the middle of a cell, or one still open at the end of the file
            # (which the lenient reader closes silently, swallowing every line after it), is an
            # error.
            reader = csv.reader(itertools.chain((line,), lines), delimiter=separator,
                                strict=True)
            try:
                row = next(reader)
            except csv.Error as exc:
                if str(exc) == "unexpected end of data":
                    raise InputError([Problem.of("csv_open_quote", source=source,
                                                 line=start)]) from None
                raise InputError([Problem.of("csv_syntax", source=source,
                                             line=start - 1 + reader.line_num,
                                             detail=str(exc))]) from None
            number = start - 1 + reader.line_num
        else:
            text = line.rstrip("\r\n")
            row = text.split(separator) if text else []
        cells += len(row)
        if count > MAX_ROWS or cells > MAX_CELLS:
            code, limit = (("too_many_rows", MAX_ROWS) if count > MAX_ROWS
                           else ("too_many_cells", MAX_CELLS))
            raise InputError([Problem.of(code, source=source, limit=limit)])
        yield row
