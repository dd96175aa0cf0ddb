"""What surrounds a table: the lines above its header and the signature area below it.

A line ``Xã | <name>``, ``Huyện | <name>`` or ``Năm | <year>`` above the header holds for every
row below. When the table also has that column, a row's empty cell takes the line's value, and
a cell that says otherwise (:func:`conflict`) refuses its row: the row is never silently given
one of the two.

Under the table, a row holding a signature's heading (``Người lập biểu``, …:
:func:`~cds_indicators._words.headers.signs`) starts the signature area, which is not read —
unless the row holds a commune and a criterion cell: such a row is a commune-year's, whatever
its notes say (:meth:`SignatureArea.starts`). A row below the area that still holds a
commune-year's data — a commune, a year and a value that reads — is refused, never dropped
without a word (:meth:`SignatureArea.data`); names and dates of the signers are not data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from cds_indicators._evaluation.scalar import read_value
from cds_indicators._io.columns import ABSENT, Column, Refused
from cds_indicators._io.rows import cell_text
from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Framework
from cds_indicators._model.numbers import whole_number
from cds_indicators._words.format import fold, is_empty
from cds_indicators._words.headers import signs

__all__ = ["SignatureArea", "conflict"]


def conflict(role: str, cell: Any, given: Any) -> tuple[Any, Any] | None:
    """The cell's and the line's readings when a filled cell of column ``role`` says otherwise
    than the line above the header (``given``); ``None`` when they agree, or when the cell is
    no year (its own problem is said where it is read). Names are compared folded, as a
    commune-year given twice is found."""
    if role == "year":
        year, said = whole_number(cell), whole_number(given)
        return None if year is None or said is None or year == said else (year, said)
    name, named = cell_text(cell), cell_text(given)
    return None if fold(name) == fold(named) else (name, named)


def _filled(cell: Any) -> bool:
    """Whether a cell holds something that is no signature's heading."""
    return not is_empty(cell) and not (isinstance(cell, str) and signs(cell))


class SignatureArea:
    """Where the signature area under one table starts, and which rows below it still hold a
    commune-year's data."""

    __slots__ = ("columns", "fields", "framework", "has_year", "roles")

    def __init__(self, framework: Framework, roles: Mapping[str, int],
                 fields: Mapping[str, Any], columns: Sequence[Column],
                 year: int | None) -> None:
        self.framework, self.roles, self.fields, self.columns = framework, roles, fields, columns
        #: Whether a row with an empty year cell (or no year column) still has its year.
        self.has_year = year is not None or not is_empty(fields.get("year", (None,))[0])

    @staticmethod
    def _cell(cells: Sequence[Any], col: int | None) -> Any:
        return cells[col] if col is not None and col < len(cells) else None

    def commune(self, cells: Sequence[Any]) -> tuple[str, int | None] | None:
        """The row's commune (its name or code, and the column it is in; ``None`` for a line
        above the header), or ``None``."""
        for role in ("commune", "code"):
            col = self.roles.get(role)
            if _filled(self._cell(cells, col)):
                return cell_text(cells[col]), col  # type: ignore[index]
        for role in ("commune", "code"):
            given = self.fields.get(role, (None,))[0]
            if _filled(given):
                return cell_text(given), None
        return None

    def criteria(self, cells: Sequence[Any]) -> bool:
        """Whether the row has a criterion cell: a criterion column's (a wide table), or a
        criterion id (a long table)."""
        if "criterion" in self.roles:
            return _filled(self._cell(cells, self.roles["criterion"]))
        return any(_filled(self._cell(cells, column.col)) for column in self.columns)

    def starts(self, cells: Sequence[Any]) -> bool:
        """Whether a row holding a signature's heading starts the signature area: it holds no
        commune with a criterion cell."""
        return self.commune(cells) is None or not self.criteria(cells)

    def data(self, cells: Sequence[Any]) -> tuple[str, int] | None:
        """The commune of a row below the signature area that holds a commune-year's data —
        a commune, a year and a value that reads — and the column to place it at; ``None``
        for any other row (the signers' names, titles and dates)."""
        commune = self.commune(cells)
        if commune is None:
            return None
        col = self.roles.get("year")
        year = self._cell(cells, col)
        if not (whole_number(year) is not None if col is not None and not is_empty(year)
                else self.has_year):
            return None
        found = self._value(cells)
        if found is None:
            return None
        name, at = commune
        return name, found if at is None else at

    def _value(self, cells: Sequence[Any]) -> int | None:
        """The column of the row's first value that reads, or ``None``."""
        if "criterion" not in self.roles:
            for column in self.columns:
                cell = self._cell(cells, column.col)
                if not is_empty(cell):
                    found = column.read(cell)
                    if found.__class__ is not Refused and found[1] is not ABSENT:  # type: ignore[index]
                        return column.col
            return None
        criterion = cell_text(self._cell(cells, self.roles["criterion"]))
        if criterion not in self.framework:
            return None
        value = self._cell(cells, self.roles.get("value"))
        if not is_empty(value):
            value = value.strip() if isinstance(value, str) else value
            read = read_value(self.framework[criterion], value)
            return None if isinstance(read, Problem) else self.roles["value"]
        counts = [self._cell(cells, self.roles.get(r)) for r in ("numerator", "denominator")]
        if all(whole_number(count) is not None for count in counts):
            return self.roles["numerator"]
        return None
