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

__all__ = ["MAX_CELLS", "MAX_ROWS", "Block", "Rows", "Table", "csv_reader", "csv_rows",
           "read_csv_text", "separator_of"]


class Block:
    """Rows of a CSV file that all have ``width`` cells, kept as the cells of the run of lines
    they were split from, row after row, each row followed by a ``"\n"`` (``flat``): a column
    is a slice of it, taken without a step of Python per row."""

    __slots__ = ("count", "flat", "width")

    def __init__(self, flat: list[str], width: int, count: int) -> None:
        self.flat, self.width, self.count = flat, width, count

    def rows(self) -> list[list[str]]:
        """The rows, each a list of its cells."""
        flat, width, step = self.flat, self.width, self.width + 1
        return [flat[at:at + width] for at in range(0, self.count * step, step)]

    def column(self, col: int) -> list[str]:
        """The cells of column ``col``, one a row."""
        step = self.width + 1
        return self.flat[col:self.count * step:step]

    def after(self, rows: int) -> Block:
        """The rows after the first ``rows``."""
        return Block(self.flat[rows * (self.width + 1):], self.width, self.count - rows)


class Rows(Iterator[Sequence[Any]]):
    """The rows of a table, one at a time (a block's rows as they are reached), then, with
    :meth:`runs`, what is left: single rows, and blocks not yet broken into rows."""

    __slots__ = ("_block", "_items", "_left", "_taken")

    def __init__(self, items: Iterable[Sequence[Any] | Block]) -> None:
        self._items = iter(items)
        self._block: Block | None = None
        self._left: Iterator[Sequence[Any]] = iter(())
        self._taken = 0

    def __next__(self) -> Sequence[Any]:
        while True:
            row = next(self._left, None)
            if row is not None:
                self._taken += 1
                return row
            item = next(self._items)
            if item.__class__ is not Block:
                self._block = None
                return item  # type: ignore[return-value]
            assert isinstance(item, Block)
            self._block, self._taken = item, 0
            self._left = iter(item.rows())

    def runs(self) -> Iterator[Sequence[Any] | Block]:
        """The rows not given yet, a block's rows together as the block."""
        if self._block is not None and self._taken < self._block.count:
            yield self._block.after(self._taken)
        self._block, self._left = None, iter(())
        yield from self._items


@attrs.frozen
class Table:
    """The cells of one CSV file or one sheet, row by row, as read (``None`` for empty). A CSV
    file read by :func:`load_values` gives its rows as they are read, once (``stream``: single
    rows and :class:`Block` s), and no ``rows``."""

    rows: Sequence[Sequence[Any]]
    source: str
    sheet: str | None = None
    stream: Iterator[Sequence[Any] | Block] | None = attrs.field(default=None, eq=False,
                                                                 repr=False)

    def cells(self) -> Rows:
        """The rows, one at a time."""
        return Rows(self.rows if self.stream is None else self.stream)



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


def csv_reader(lines: Iterable[str], separator: str) -> Any:
    """The csv module's reader of ``lines`` as every CSV file is read: strict, so that a quote
    in the middle of a cell, or one still open at the end of the text (which the lenient reader
    closes silently, swallowing every line after it), is an error."""
    return csv.reader(lines, delimiter=separator, strict=True)


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
            reader = csv_reader(itertools.chain((line,), lines), separator)
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
