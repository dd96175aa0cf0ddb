"""A commune-year as a table gives it (:class:`Row`), and the cell words every table reader
shares: a column's letter, an empty cell, a cell's text."""

from __future__ import annotations

import unicodedata
from typing import Any

import attrs

from cds_indicators._model.record import Reading

__all__ = ["Read", "Row", "cell_text", "column_letter", "is_empty"]

#: A row's commune, district, year and province.
Read = tuple[str, str | None, int, str | None]


@attrs.frozen(kw_only=True)
class Row:
    """One commune-year read from a table, before it becomes a record."""

    commune: str
    district: str | None
    year: int
    province: str | None = None
    values: dict[str, Any]
    row: int
    sheet: str | None
    readings: dict[str, Reading] = attrs.field(factory=dict)

    def add(self, criterion: str, value: Any, reading: Reading | None) -> None:
        """The value of ``criterion`` as written, and its reading when it could be read."""
        self.values[criterion] = value
        if reading is not None:
            self.readings[criterion] = reading


def column_letter(index: int) -> str:
    """The spreadsheet letter of the 0-based column ``index``: 0 → ``A``, 27 → ``AB``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def is_empty(cell: Any) -> bool:
    """Whether a cell holds nothing (``None`` or only spaces)."""
    return cell is None or (isinstance(cell, str) and not cell.strip())


def cell_text(cell: Any) -> str:
    """A cell as text: a whole float without its ``.0``, NFC, stripped."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return "" if cell is None else unicodedata.normalize("NFC", str(cell)).strip()
