"""A column's cells as every backend should give them: an empty cell (a null, or NaN) as
``None``, and whole numbers wider than NumPy's as Python ints.

pandas gives its blank cells as float NaN, polars and Arrow keep NaN apart from null: read
through these functions, one table says the same in any of the three libraries.
"""

from __future__ import annotations

from typing import Any

from cds_indicators._model.numbers import is_missing

__all__ = ["as_array", "empty_cells", "python_cells", "text_or_none"]


def empty_cells(np: Any, series: Any) -> Any:
    """Whether each cell of ``series`` is empty, as a boolean array: a null, or NaN in a float
    column."""
    try:
        null = series.is_null().to_numpy()
    except ArithmeticError:
        # pandas tests an object cell by comparing it, and Decimal("sNaN") refuses to be
        # compared: each cell is tested as evaluate() tests a value.
        return np.array([is_missing(v) for v in series.to_list()], dtype=bool)
    null = np.asarray(null, dtype=bool)
    if series.dtype.is_float():
        null = null | np.isnan(np.asarray(series.to_numpy(), dtype=np.float64))
    return null


def python_cells(np: Any, series: Any) -> list[Any]:
    """The cells of ``series`` as Python values, an empty one (:func:`empty_cells`) as
    ``None``."""
    empty = empty_cells(np, series).tolist()
    return [None if e else v for v, e in zip(series.to_list(), empty, strict=True)]


def text_or_none(value: Any) -> Any:
    """``value``, or ``None`` for text of spaces only: a blank cell, as a file's is read."""
    return None if isinstance(value, str) and not value.strip() else value


def as_array(np: Any, nw: Any, series: Any) -> Any:
    """``series.to_numpy()``; for a 128-bit integer column, which NumPy cannot hold, an object
    array of Python ints."""
    if series.dtype in (nw.Int128, nw.UInt128):
        cells = series.to_list()
        out = np.empty(len(cells), dtype=object)
        out[:] = cells
        return out
    return series.to_numpy()
