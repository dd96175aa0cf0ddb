"""The rows of a wide CSV table read a run at a time: column by column, each distinct text once.

A plain chunk of a CSV file whose lines all have the header's number of cells comes as a
:class:`~cds_indicators._io.cells.Block`. Its rows are read here together: each column is one
slice of the block's cells, each text of it looked up in what its column has met (a criterion
column's texts by their code, :meth:`~cds_indicators._io.columns.Column.coded`; a commune, a
district, a year by their reading), and the records are made at once
(:func:`~cds_indicators._model.record.records_at_once`), each holding its values as two
references into the run's codes (:class:`~cds_indicators._io.columns.RunValues`).

Every text is read by the reader of the row-by-row path, and a text met for the first time is
checked as that path checks it (a signature's heading, an empty commune, a commune given by its
code, a refused value or year, an empty cell or one that says otherwise in a column a line above
the header also gives). Whenever a run holds anything that path would say something
about, or skip, or stop at — a problem, a blank row, the signature area, a cell under an empty
header — nothing of the run is kept here and it is read row by row, so that what is said and
kept is exactly that path's, and in its order.
"""

from __future__ import annotations

import operator
import sys
from array import array
from collections.abc import Callable, Sequence
from typing import Any, Final, Protocol

from cds_indicators._io.cells import Block
from cds_indicators._io.columns import Column, Refused, Run, run_rows
from cds_indicators._io.margins import conflict
from cds_indicators._io.rows import cell_text
from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Framework
from cds_indicators._model.official import is_code
from cds_indicators._model.record import Record, records_at_once
from cds_indicators._words.format import is_empty
from cds_indicators._words.headers import signs

__all__ = ["RunReader"]

#: Distinct texts coded in a table (a code fits in 16 bits): past them, a block is read row
#: by row.
_CODES: Final = 1 << 16
_PLACES: Final = ("district", "province")


class _Reader(Protocol):
    """What the row-by-row reader of the table lends: its problems, how it reads a year, and
    the names it keeps once."""

    problems: list[Problem]
    names: dict[str, str]

    def year(self, cell: Any, row: int, col: int) -> int | None: ...


class RunReader:
    """Reads the blocks of one wide CSV table, whose header is read; ``usable`` is false when
    its rows are all read row by row (the table or a field above its header has a problem, a
    commune's code).

    Every distinct text of the table's blocks gets a code (``codes``, in one pass over a
    block's cells); each column then knows, by code, what it has met: what each text is read
    as in a criterion column, a commune's name, a year, a district, or only that the text is
    no signature's heading."""

    def __init__(self, reader: _Reader, framework: Framework, source: str,
                 columns: list[Column], roles: dict[str, int], fields: dict[str, Any],
                 width: int, unheaded: list[int], header_row: int) -> None:
        self.reader, self.framework, self.source = reader, framework, source
        self.columns, self.width, self.unheaded = columns, width, unheaded
        self.index = {column.id: at for at, column in enumerate(columns)}
        self.cols = tuple(column.col for column in columns)
        self.codes: dict[str, bytes] = {}
        self.texts: list[str] = []
        #: What each code's text is read as, in each criterion column (None: not read there),
        #: and the codes read: shared by the columns that keep their readings together.
        shared: dict[int, tuple[list[Any], set[bytes]]] = {}
        for column in columns:
            shared.setdefault(id(column.kept), ([], set()))
        self.cells = tuple(shared[id(column.kept)][0] for column in columns)
        self.read_in = [shared[id(column.kept)][1] for column in columns]
        self.roles = {role: roles[role] for role in ("commune", "year", *_PLACES)
                      if role in roles}
        used = {*self.roles.values(), *(column.col for column in columns), *unheaded}
        #: Columns only looked at for the signature area: the codes met in each.
        self.others: dict[int, set[bytes]] = {col: set() for col in range(width)
                                            if col not in used}
        self.met: dict[str, dict[bytes, Any]] = {role: {} for role in self.roles}
        self.same: dict[str, Any] = {}
        #: The lines above the header that a column also gives: a cell of it that is empty
        #: (it takes the line) or says otherwise (refused) is read row by row.
        self.above: dict[str, Any] = {role: fields[role][0] for role in self.roles
                                      if role in fields and not is_empty(fields[role][0])}
        self.usable = "code" not in roles and "code" not in fields
        for role in ("commune", "year", *_PLACES):
            if role not in self.roles and self.usable:
                value, at = fields.get(role, (None, header_row))
                self.usable = self.given(role, value, at)

    def given(self, role: str, value: Any, row: int) -> bool:
        """Whether the field ``role`` given above the header (or by the caller: a year) is
        read without a word; ``same`` then holds it."""
        if role == "commune":
            name = cell_text(value)
            self.same[role] = name
            return bool(name) and not is_code(name)
        if role == "year":
            year = self._year(value, row, 1)
            self.same[role] = year
            return year is not None
        text = cell_text(value) or None
        self.same[role] = text and self.reader.names.setdefault(text, text)
        return True

    def _year(self, cell: Any, row: int, col: int) -> int | None:
        problems = self.reader.problems
        before = len(problems)
        year = self.reader.year(cell, row, col)
        if len(problems) > before:
            del problems[before:]  # said again where the run is read row by row
            return None
        return year

    def _coded(self, block: Block) -> tuple[bytes, ...] | None:
        """The code of each cell of ``block``, row after row, as the two bytes of an
        ``array("H")`` (``None``: too many texts)."""
        codes, pick = self.codes, operator.itemgetter(*block.flat)  # a block has 3 cells or more
        try:
            return pick(codes)  # type: ignore[no-any-return]
        except KeyError:
            pass
        new = set(block.flat).difference(codes)
        if len(codes) + len(new) > _CODES:
            return None
        for text in sorted(new):
            codes[text] = len(self.texts).to_bytes(2, sys.byteorder)
            self.texts.append(text)
        return pick(codes)  # type: ignore[no-any-return]

    def read(self, block: Block, first: int) -> list[Record] | None:
        """The records of ``block``, whose first row is row ``first`` of the table; ``None``
        when the block is to be read row by row."""
        if not self.usable or block.width != self.width:
            return None
        if "commune" not in self.roles and all(  # a blank row, skipped: read row by row
                any(not text.strip() for text in set(block.column(col)))
                for col in range(self.width)):
            return None
        for col in self.unheaded:
            if any(text.strip() for text in set(block.column(col))):
                return None
        flat = self._coded(block)
        if flat is None:
            return None
        step, count = block.width + 1, block.count
        stop = count * step
        texts = self.texts
        for col, met in self.others.items():
            column = flat[col:stop:step]
            if not met.issuperset(column):
                new = set(column).difference(met)
                if any(signs(texts[int.from_bytes(code, sys.byteorder)]) for code in new):
                    return None
                met.update(new)
        each: dict[str, Sequence[Any]] = {}
        for role, col in self.roles.items():
            found = self._field(role, flat[col:stop:step], first, col)
            if found is None:
                return None
            each[role] = found
        for at, col in enumerate(self.cols):
            coded = flat[col:stop:step]
            if not self.read_in[at].issuperset(coded) and not self._learn(at, coded):
                return None
        codes = array("H")
        codes.frombytes(b"".join(flat))
        values, readings = run_rows(Run(self.index, self.cols, self.cells, codes, step))
        each.update(values=values, _readings=readings, row=range(first, first + count))
        same = {"code": None, "parts": (), "source": self.source, "sheet": None, "path": None,
                "_notices": (), "_read_for": self.framework}
        same.update((role, value) for role, value in self.same.items() if role not in each)
        return records_at_once(count, each, same)

    def _learn(self, at: int, coded: tuple[bytes, ...]) -> bool:
        """Whether every text of criterion column ``at`` not met there before is read (as the
        column reads it row by row), none being refused or a signature's heading."""
        column, cells, read_in = self.columns[at], self.cells[at], self.read_in[at]
        for key in sorted(set(coded).difference(read_in)):
            code = int.from_bytes(key, sys.byteorder)
            text = self.texts[code]
            if signs(text):
                return False
            found = column.read(text)
            if found.__class__ is Refused:
                return False
            if len(cells) <= code:
                cells.extend([None] * (len(self.texts) - len(cells)))
            cells[code] = found
            read_in.add(key)
        return True

    def _field(self, role: str, coded: tuple[bytes, ...], first: int, col: int) -> list[Any] | None:
        """The commune, year, district or province of each row (``None``: read row by row)."""
        met = self.met[role]
        try:
            return list(map(met.__getitem__, coded))
        except KeyError:
            pass
        read, above = _FIELDS[role], self.above.get(role, _NO)
        for code in sorted(set(coded).difference(met)):
            text = self.texts[int.from_bytes(code, sys.byteorder)]
            found = _NO if signs(text) or (above is not _NO and (
                not text.strip() or conflict(role, text, above) is not None)) else read(
                self, text, first, col)
            if found is _NO:
                return None
            met[code] = found
        return list(map(met.__getitem__, coded))

    def _commune(self, text: str, row: int, col: int) -> Any:
        name = cell_text(text)
        return name if name and not is_code(name) else _NO

    def _year_of(self, text: str, row: int, col: int) -> Any:
        year = self._year(text, row, col)
        return _NO if year is None else year

    def _place(self, text: str, row: int, col: int) -> Any:
        found = cell_text(text) or None
        return found and self.reader.names.setdefault(found, found)


_NO: Final = object()
_FIELDS: Final[dict[str, Callable[[RunReader, str, int, int], Any]]] = {
    "commune": RunReader._commune, "year": RunReader._year_of,
    "district": RunReader._place, "province": RunReader._place}
