"""Target cells and numbers as a framework file writes them, read into exact values.

One reading serves the checks, the builder and the writer: a cell the checks accept is the
cell the builder reads, and the writer writes a cell only in a form these functions read back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from fractions import Fraction

from cds_indicators._frameworks.schema import Cell, Number
from cds_indicators._model.framework import Comparison, Kind

__all__ = [
    "DEFAULT_COMPARISON",
    "NO_TARGET_CELL",
    "THRESHOLD",
    "cell_parts",
    "comparison_of",
    "count_cell",
    "nfc",
    "number",
    "numeric_comparisons",
    "percent_cell",
]

#: The cell of a year without a target.
NO_TARGET_CELL = "*"
#: The comparison of a rate or count criterion that names none.
DEFAULT_COMPARISON = Comparison.AT_LEAST

_PERCENT_CELL = re.compile(r"(\d+)(?:[.,](\d+))?\s*%")
_COUNT_CELL = re.compile(r"\d+")


def nfc(text: str) -> str:
    """``text`` in the composed Unicode form that labels are compared in."""
    return unicodedata.normalize("NFC", text)


def percent_cell(cell: str) -> Fraction | None:
    """The exact percentage of ``"57,5%"`` (57.5), or None if ``cell`` is not one."""
    match = _PERCENT_CELL.fullmatch(cell.strip())
    if match is None:
        return None
    return Fraction(f"{match[1]}.{match[2] or 0}")


def count_cell(cell: str) -> Fraction | None:
    """The whole number of ``"2"``, or None if ``cell`` is not one."""
    return Fraction(int(cell.strip())) if _COUNT_CELL.fullmatch(cell.strip()) else None


#: How the threshold of a cell is read, by the kind of criterion that has thresholds.
THRESHOLD: dict[Kind, Callable[[str], Fraction | None]] = {
    Kind.RATE: percent_cell,
    Kind.COUNT: count_cell,
}


def number(value: Number) -> Fraction | None:
    """An exact number from a TOML int, float (as typed) or decimal text."""
    try:
        return Fraction(str(value).strip().replace(",", "."))
    except (ValueError, ZeroDivisionError):
        return None


def cell_parts(cell: Cell) -> tuple[str, str]:
    """(threshold text, label) of a cell."""
    if isinstance(cell, str):
        return cell, cell
    return cell.threshold, cell.label


def numeric_comparisons() -> tuple[Comparison, ...]:
    """The comparisons a rate or count criterion may name: every one the model has, but yes."""
    return tuple(c for c in Comparison if c is not Comparison.YES)


def comparison_of(kind: Kind, name: str | None) -> Comparison | None:
    """The comparison a criterion of ``kind`` names (None: the default), or None if unknown."""
    if kind is Kind.YES_NO:
        return Comparison.YES
    if name is None:
        return DEFAULT_COMPARISON
    try:
        found = Comparison(name)
    except ValueError:
        return None
    return found if found in numeric_comparisons() else None
