"""The work of a table done once per column and once per distinct cell, not once per cell.

A criterion column's reader is chosen once, from its header; a cell is read once per distinct
text in its column (a rate column of a year's report holds a few hundred distinct values among
thousands of rows): the reading, or the problem, is kept and shared, as readings are immutable.
What a row needs — whether it is blank, whether it starts the signature area — is decided on
the row's distinct cells, each folded once for the whole table. Every cell is still read, and
every problem still placed at its own row and column: only the work is shared, never a result
between two different cells (``1``, ``1.0`` and ``True`` are told apart by their type).
"""

from __future__ import annotations

import collections
import contextlib
import gc
import itertools
import operator
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Final

from cds_indicators._evaluation.scalar import read_value, reads_text_alike
from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Criterion
from cds_indicators._model.record import Reading
from cds_indicators._words.format import is_empty
from cds_indicators._words.headers import is_signature, signs

__all__ = ["ABSENT", "BLANK", "Cell", "Column", "Columns", "Refused", "RowScan", "RowValues",
           "Run", "RunReadings", "RunValues", "collector_paused", "run_rows"]

#: Distinct cells kept per column (and per table for the row checks): a column of values that
#: never repeat costs a bounded amount of memory, and is read cell by cell past it.
KEPT: Final = 4096


class _Absent:
    """No value: the mark of an empty cell, and of a refused cell's reading."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Final = _Absent()


class Refused:
    """A cell that cannot be read: the value as written, and the problem with it."""

    __slots__ = ("problem", "value")

    def __init__(self, value: Any, problem: Problem) -> None:
        self.value, self.problem = value, problem


#: An empty cell: neither a value nor a reading.
#: An empty cell, text or none: neither a value nor a reading.
BLANK: Final = (ABSENT, ABSENT, str)
_NONE: Final = (ABSENT, ABSENT, type(None))
#: What a cell is read as: (the value as written, its reading, the cell's type), an empty
#: cell (:data:`BLANK`), or the problem with it.
Cell = tuple[Any, Any, type] | Refused
#: The cells a column keeps by themselves, their type checked where they are met: numbers of
#: one value but another type (``1``, ``1.0``, ``True``) are equal keys.
_KEYED: Final = frozenset({str, int, float, bool})


def _read(criterion: Criterion, value: Any, kind: type) -> Cell:
    found = read_value(criterion, value)
    return (value, found, kind) if found.__class__ is Reading else Refused(value, found)  # type: ignore[arg-type]


class Column:
    """One criterion column of a wide table: its place, its criterion, and what each distinct
    cell in it was read as (only text, unless ``mixed``: a sheet's numbers and bools too)."""

    __slots__ = ("col", "criterion", "id", "kept", "mixed")

    def __init__(self, col: int, criterion: Criterion, mixed: bool = False) -> None:
        self.col = col
        self.criterion = criterion
        self.id = criterion.id
        self.mixed = mixed
        #: cell as given → what it is read as (the value as written is the text stripped).
        self.kept: dict[Any, Cell] = {None: _NONE} if mixed else {}

    def read(self, cell: Any) -> Cell:
        """What ``cell`` is read as: the value as written (text stripped) and its reading, the
        problem with it, or :data:`BLANK`."""
        kind = cell.__class__
        if kind is str:
            found = self.kept.get(cell)
            if found is None or found[2] is not str:  # type: ignore[index]
                value = cell.strip()
                found = _read(self.criterion, value, str) if value else BLANK
                # A refused cell is read again where it is met: its problem is placed there.
                if len(self.kept) < KEPT and found.__class__ is not Refused:
                    self.kept[cell] = found
            return found
        if cell is None:
            return _NONE
        if isinstance(cell, str):  # a str subclass is read on its own
            return BLANK if is_empty(cell) else _read(self.criterion, cell.strip(), kind)
        found = self.kept.get(cell) if kind in _KEYED else None
        if found is not None and found[2] is kind:  # type: ignore[index]
            return found
        found = _read(self.criterion, cell, kind)
        # -0.0 is kept apart from 0.0 (as 1.0 from 1), and a problem is placed where it is met.
        if (self.mixed and kind in _KEYED and found.__class__ is not Refused and cell
                and len(self.kept) < KEPT):
            self.kept[cell] = found
        return found


class Columns:
    """The criterion columns of a wide table, read together row by row: a row whose cells
    were all met before in their columns (each of the same type as then; a file of text's
    texts in any column whose criterion reads text alike) is read in a few steps for the
    whole row; any other row cell by cell."""

    __slots__ = ("columns", "gets", "index", "last", "mixed", "pick")

    def __init__(self, columns: list[Column], mixed: bool = False) -> None:
        self.columns = columns
        # A text's reading is kept for every column of a file of text whose criterion reads
        # text alike (a problem, which names its criterion, is never kept): thirty rate
        # columns read "57.5" once.
        alike: dict[tuple[Any, ...], dict[Any, Cell]] = {}
        for column in columns if not mixed else ():
            column.kept = alike.setdefault(reads_text_alike(column.criterion), column.kept)
        self.mixed = mixed
        self.index = {column.id: at for at, column in enumerate(columns)}
        self.gets = [column.kept.get for column in columns]
        cols = [column.col for column in columns]
        self.last = max(cols, default=-1)
        self.pick: Callable[[Sequence[Any]], Any] | None = (
            operator.itemgetter(*cols) if len(cols) > 1 else None)

    def read(self, cells: Sequence[Any], place: Callable[[Problem, int, int], None],
             row: int) -> tuple[Mapping[str, Any], Mapping[str, Reading]]:
        """The values of a row as written and as read (an empty cell has neither, a refused
        one no reading); each problem given to ``place`` with its row and column."""
        hits: Any
        if self.pick is not None and len(cells) > self.last:
            picked = self.pick(cells)
            hits = tuple(map(operator.call, self.gets, picked))
            if None not in hits:
                if not self.mixed or tuple(map(_KIND, hits)) == tuple(map(type, picked)):
                    return RowValues(self.index, hits, 0), RowValues(self.index, hits, 1)
                hits = [None] * len(self.columns)  # a number met as another type: all read
            else:
                # Some cells not met before in their column, refused, or not text: those read.
                hits = list(hits) if not self.mixed else [None] * len(self.columns)
        else:
            hits = [None] * len(self.columns)
        width = len(cells)
        for at, found in enumerate(hits):
            if found is not None:
                continue
            column = self.columns[at]
            found = column.read(cells[column.col]) if column.col < width else BLANK
            if found.__class__ is Refused:
                place(found.problem, row, column.col)
                found = (found.value, ABSENT, object)
            hits[at] = found
        hits = tuple(hits)
        return RowValues(self.index, hits, 0), RowValues(self.index, hits, 1)


_KIND: Final = operator.itemgetter(2)


class _Cells(Mapping[str, Any]):
    """A row's values by criterion id, as written (``_part`` 0) or as read (1), over what each
    of its cells was read as (:data:`Cell`): a read-only mapping that compares, prints and
    pickles as the ``dict`` it stands for."""

    __slots__ = ()
    _part: int

    def _index(self) -> dict[str, int]:
        raise NotImplementedError

    def _cell(self, at: int) -> Any:
        """What the cell of the row's ``at``-th criterion column was read as."""
        raise NotImplementedError

    def __getitem__(self, key: str) -> Any:
        found = self._cell(self._index()[key])[self._part]
        if found is ABSENT:
            raise KeyError(key)
        return found

    def get(self, key: str, default: Any = None) -> Any:
        at = self._index().get(key)
        if at is None:
            return default
        found = self._cell(at)[self._part]
        return default if found is ABSENT else found

    def __contains__(self, key: object) -> bool:
        at = self._index().get(key)  # type: ignore[call-overload]
        return at is not None and self._cell(at)[self._part] is not ABSENT

    def __iter__(self) -> Iterator[str]:
        part, cell = self._part, self._cell
        return (key for key, at in self._index().items() if cell(at)[part] is not ABSENT)

    def __len__(self) -> int:
        part, cell = self._part, self._cell
        return sum(cell(at)[part] is not ABSENT for at in self._index().values())

    def __repr__(self) -> str:
        return repr(dict(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (dict(self),)


class RowValues(_Cells):
    """A row's values, as written (``part`` 0) or as read (1), kept as the row's cells are
    (shared with every row that gives the same text)."""

    __slots__ = ("_at", "_hits", "_part")

    def __init__(self, index: dict[str, int], hits: Sequence[Any], part: int) -> None:
        self._at, self._hits, self._part = index, hits, part

    def _index(self) -> dict[str, int]:
        return self._at

    def _cell(self, at: int) -> Any:
        return self._hits[at]


class Run:
    """The cells of a run of CSV rows read together: each as the 16-bit code of its text, row
    after row (``codes``, ``step`` a row), and what each code's text is read as in each
    criterion column (``cells``, by the column's place among them; shared by every run of
    the table)."""

    __slots__ = ("cells", "codes", "cols", "count", "index", "step")

    def __init__(self, index: dict[str, int], cols: tuple[int, ...],
                 cells: tuple[list[Cell], ...], codes: array[int], step: int) -> None:
        self.index, self.cols, self.cells, self.codes, self.step = index, cols, cells, codes, step
        self.count = len(codes) // step


class RunValues(_Cells):
    """The values, as written, of one row of a :class:`Run`: two references a row."""

    __slots__ = ("_row", "_run")
    _part = 0
    _row: int
    _run: Run

    def _index(self) -> dict[str, int]:
        return self._run.index

    def _cell(self, at: int) -> Any:
        run = self._run
        return run.cells[at][run.codes[self._row * run.step + run.cols[at]]]


class RunReadings(RunValues):
    """The readings of one row of a :class:`Run`."""

    __slots__ = ()
    _part = 1


def run_rows(run: Run) -> tuple[list[RunValues], list[RunReadings]]:
    """The values and the readings of each row of ``run``, made without a step of Python per
    row (the classes have no ``__init__`` to run)."""
    made = []
    for kind in (RunValues, RunReadings):
        rows = list(map(object.__new__, itertools.repeat(kind, run.count)))
        collections.deque(map(_SET_RUN, rows, itertools.repeat(run)), 0)
        collections.deque(map(_SET_ROW, rows, range(run.count)), 0)
        made.append(rows)
    return made[0], made[1]  # type: ignore[return-value]


_SET_RUN: Final = RunValues._run.__set__  # type: ignore[attr-defined]
_SET_ROW: Final = RunValues._row.__set__  # type: ignore[attr-defined]


class RowScan:
    """Whether a row is blank, and whether it holds a signature's heading (it then starts the
    signature area unless it holds a commune-year's data: :mod:`cds_indicators._io.margins`),
    decided on the cells not met before in the table."""

    __slots__ = ("plain",)

    def __init__(self) -> None:
        #: Cells met before that start no signature area.
        self.plain: set[Any] = set()

    @staticmethod
    def blank(cells: Sequence[Any]) -> bool:
        """Whether every cell is empty (``None`` or only spaces)."""
        try:
            return not "".join(cells).strip()
        except TypeError:  # not only text
            return all(is_empty(cell) for cell in cells)

    def signature(self, cells: Sequence[Any]) -> bool:
        """Whether the row holds a signature's heading (``Người lập biểu``, …)."""
        if not isinstance(cells, list | tuple):
            return False
        try:
            fresh = set(cells).difference(self.plain)
        except TypeError:  # an unhashable cell
            return is_signature(cells)
        if not fresh:
            return False
        if any(signs(cell) for cell in fresh if isinstance(cell, str)):
            return True
        if len(self.plain) < KEPT:
            self.plain.update(fresh)
        return False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a file is read: its rows and records hold no
    reference cycles, and collecting again and again while hundreds of thousands of them pile
    up costs a third of the reading. Reference counting still frees what is dropped."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
