"""A commune-year as a table gives it (:class:`Row`), and a cell's text as the table readers
read it (a column's letter and an empty cell are words of :mod:`cds_indicators._words.format`)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

import attrs

from cds_indicators._model.record import Reading
from cds_indicators._words.format import fold

__all__ = ["Read", "Row", "cell_text", "commune_year_of"]

#: A row's commune, district, year, province and commune code.
Read = tuple[str, str | None, int, str | None, str | None]


def commune_year_of(read: Read) -> tuple[str, str, int]:
    """Who and when a row is, as a commune-year given twice is found (names folded: case,
    spaces, Unicode form); the rows of a long table with one key are one commune-year."""
    return fold(read[0]), fold(read[1] or ""), read[2]


@attrs.define(kw_only=True)
class Row:
    """One commune-year read from a table, before it becomes a record."""

    commune: str
    district: str | None
    year: int
    province: str | None = None
    code: str | None = None
    values: Mapping[str, Any]
    row: int
    sheet: str | None
    readings: Mapping[str, Reading] = attrs.field(factory=dict)

    def add(self, criterion: str, value: Any, reading: Reading | None) -> None:
        """The value of ``criterion`` as written, and its reading when it could be read (a
        long table's row, whose values are gathered one by one in dicts)."""
        assert isinstance(self.values, dict) and isinstance(self.readings, dict)
        self.values[criterion] = value
        if reading is not None:
            self.readings[criterion] = reading


def cell_text(cell: Any) -> str:
    """A cell as text: a whole float without its ``.0``, NFC, stripped."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return "" if cell is None else unicodedata.normalize("NFC", str(cell)).strip()
