"""One criterion's column read at once: each cell's state, and which cells meet a threshold.

* a column of floats for a rate criterion is compared with each threshold through the float
  that decides it (:func:`~cds_indicators._model.comparisons.float_bound`, whose docstring
  proves the trick exact): one float comparison per cell;
* paired ``<id>_num`` / ``<id>_den`` count columns are compared in integers
  (:meth:`~cds_indicators._model.comparisons.Rule.meets_counts`);
* any other column (text, whole numbers, booleans, decimals) is read through the very function
  :func:`~cds_indicators.evaluate` uses, once per distinct value, and the readings are spread
  back to the rows;
* a bad cell is read again on its own by that function, so that its :class:`Problem` is the one
  :func:`~cds_indicators.evaluate` reports, with the row (the position in the table, from 0)
  and the column added.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import attrs

from cds_indicators._evaluation.columnar.cells import as_array, empty_cells, python_cells
from cds_indicators._evaluation.reading import Ratio, Reading, whole_count
from cds_indicators._evaluation.scalar import read_value
from cds_indicators._model.comparisons import RULES, Comparison, last_float
from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Criterion, Kind
from cds_indicators._model.numbers import exact_float
from cds_indicators._model.policies import objects

__all__ = ["MISSING_STATE", "VALUE_STATE", "Column", "absent", "read_column", "read_counts"]

_HUNDRED = Fraction(100)


@functools.cache
def _highest_rate() -> float:
    """The largest float read as at most 100 %; found once, on first use (not at import)."""
    return last_float(lambda x: x <= _HUNDRED)


@attrs.define
class Column:
    """What one criterion's cells say, before any year is applied.

    ``state`` per row: 0 a value, 1 missing, 2 exempt, 3 a problem; ``meets(comparison,
    threshold)`` the rows whose value meets a threshold (never a row without a value);
    ``exact()`` the values themselves.
    """

    state: Any
    meets: Callable[[Comparison, Fraction | None], Any]
    problems: list[Problem]
    exact: Callable[[], Any] = attrs.field(default=None)
    """Each row's exact number (a Fraction) as an object array, ``None`` where there is none;
    only asked for by policies that weigh the values themselves (``points``)."""


#: A cell's state. The first three are one less than the status codes FAIL, MISSING, EXEMPT
#: (positions in ``tuple(Status)``), so that a state plus one is the status of a cell that does
#: not meet its target.
VALUE_STATE, MISSING_STATE, _EXEMPT_STATE, _BAD_STATE = 0, 1, 2, 3


def _located(problem: Problem, row: int, column: str) -> Problem:
    return attrs.evolve(problem, row=row, column=column)


def _reading_state(reading: Reading | Problem) -> int:
    if isinstance(reading, Problem):
        return _BAD_STATE
    if reading.exempt:
        return _EXEMPT_STATE
    return MISSING_STATE if reading.value is None else VALUE_STATE


def _meets_reading(reading: Reading | Problem, criterion: Criterion, comparison: Comparison,
                   threshold: Fraction | None) -> bool:
    if not isinstance(reading, Reading) or reading.value is None or reading.exempt:
        return False
    return RULES[comparison].meets(reading.value, threshold)


def _by_distinct(
    np: Any, criterion: Criterion, column: str, values: Any, null: Any, make: Callable[[Any], Any]
) -> Column:
    """Read each distinct value once through :func:`read_value`, then spread to the rows."""
    n = len(values)
    present = ~null
    every = bool(present.all())
    inverse = np.zeros(n, dtype=np.intp)
    distinct: list[Any] = []
    if present.any():
        picked = values if every else values[present]
        if picked.dtype == object:
            uniques, inv = _object_distinct(np, picked)
        elif picked.dtype == bool:
            uniques, inv = [False, True], picked.astype(np.intp)
        else:
            uniques, inv = np.unique(picked, return_inverse=True)
            uniques = [make(u) for u in uniques]
        distinct = list(uniques)
        if every:
            inverse = inv.reshape(-1) + 1
        else:
            inverse[present] = inv.reshape(-1) + 1
    readings = [_missing_reading(), *(read_value(criterion, v) for v in distinct)]
    states = np.array([_reading_state(r) for r in readings], dtype=np.int8)
    state = states[inverse]
    problems = []
    bad = np.flatnonzero(state == _BAD_STATE)
    for row in bad.tolist():
        found = readings[inverse[row]]
        assert isinstance(found, Problem)
        problems.append(_located(found, row, column))

    def meets(comparison: Comparison, threshold: Fraction | None) -> Any:
        table = np.array(
            [_meets_reading(r, criterion, comparison, threshold) for r in readings], dtype=bool
        )
        return table[inverse]

    def exact() -> Any:
        numbers = [r.value if isinstance(r, Reading) and isinstance(r.value, Fraction) else None
                   for r in readings]
        return objects(np, numbers)[inverse]

    return Column(state, meets, problems, exact)


def _missing_reading() -> Reading:
    return Reading(None)


def _object_distinct(np: Any, picked: Any) -> tuple[list[Any], Any]:
    """Distinct Python objects, told apart by type as well as value (``True`` is not ``1``)."""
    index: dict[tuple[type, Any], int] = {}
    inverse = np.empty(len(picked), dtype=np.intp)
    uniques: list[Any] = []
    # Cells of mixed Python objects have no array form; each is looked at once, by hash.
    for i, value in enumerate(picked.tolist()):
        try:
            key = (type(value), value)
            position = index.get(key)
        except TypeError:
            position, key = None, None
        if position is None:
            position = len(uniques)
            uniques.append(value)
            if key is not None:
                index[key] = position
        inverse[i] = position
    return uniques, inverse


def _float_rate(np: Any, criterion: Criterion, column: str, values: Any, null: Any) -> Column:
    values = values.astype(np.float64, copy=False)
    missing = np.isnan(values)
    if null is not None:
        missing |= null
    state = missing.view(np.int8) * np.int8(MISSING_STATE)
    problems = []
    # fmin/fmax skip NaN: the column is in range unless its least or greatest value is not.
    if len(values) and not (np.fmin.reduce(values) >= 0.0
                            and np.fmax.reduce(values) <= _highest_rate()):
        # NaN compares false, so missing cells are never out of range here.
        bad = (values < 0.0) | (values > _highest_rate())
        state[bad] = _BAD_STATE
        for row in np.flatnonzero(bad).tolist():
            found = read_value(criterion, float(values[row]))
            assert isinstance(found, Problem)
            problems.append(_located(found, row, column))

    def meets(comparison: Comparison, threshold: Fraction | None) -> Any:
        if threshold is None:
            return np.zeros(len(values), dtype=bool)
        # NaN meets nothing, and a column with a value out of range is refused.
        return RULES[comparison].meets_floats(values, threshold)

    def exact() -> Any:
        distinct, inverse = np.unique(values, return_inverse=True)
        numbers = [None if x != x else exact_float(x) for x in distinct.tolist()]
        return objects(np, numbers)[inverse.reshape(-1)]

    return Column(state, meets, problems, exact)


def _booleans(np: Any, criterion: Criterion, column: str, values: Any) -> Column:
    """A column of booleans without nulls: each of its two values read once, and the rows
    take theirs by a choice, not an index."""
    readings = [read_value(criterion, False), read_value(criterion, True)]
    if any(_reading_state(r) != VALUE_STATE for r in readings):
        return _by_distinct(np, criterion, column, values, np.zeros(len(values), dtype=bool),
                            lambda v: v.item())
    n = len(values)

    def meets(comparison: Comparison, threshold: Fraction | None) -> Any:
        no, yes = (_meets_reading(r, criterion, comparison, threshold) for r in readings)
        if no == yes:
            return np.full(n, yes, dtype=bool)
        return values if yes else ~values

    def exact() -> Any:
        numbers = [r.value if isinstance(r, Reading) and isinstance(r.value, Fraction) else None
                   for r in readings]
        return objects(np, numbers)[values.view(np.uint8)]

    return Column(np.zeros(n, dtype=np.int8), meets, [], exact)


def _pair_value(value: Any) -> Any:
    return None if value is None or value != value else value


def read_counts(
    np: Any, nw: Any, criterion: Criterion, frame: Any, name_num: str, name_den: str
) -> Column:
    num_s, den_s = frame[name_num], frame[name_den]
    null_num, null_den = empty_cells(np, num_s), empty_cells(np, den_s)
    missing = null_num & null_den
    num = _whole_numbers(np, nw, num_s)
    den = _whole_numbers(np, nw, den_s)
    n = len(missing)
    if num is None or den is None:
        # Counts that are not numbers are read cell by cell, as evaluate() reads them.
        raw_num, raw_den = python_cells(np, num_s), python_cells(np, den_s)
        cells = np.empty(n, dtype=object)
        for row in range(n):
            if not missing[row]:
                cells[row] = Ratio(raw_num[row], raw_den[row])
        read = _by_distinct(np, criterion, name_num, cells, missing, lambda v: v)
        # Each problem at the column of the count at fault, as below for numbers.
        read.problems = [_located(p, row, name_den)
                         if _denominator_side(raw_num[row], raw_den[row]) else p
                         for p, row in ((p, p.row or 0) for p in read.problems)]
        return read
    (num, num_ok), (den, den_ok) = num, den
    num_ok &= ~null_num
    den_ok &= ~null_den
    valid = num_ok & den_ok
    num = np.where(valid, num, 0)
    den = np.where(valid, den, 1)
    valid &= (den > 0) & (num <= den)
    state = np.where(missing, MISSING_STATE, np.where(valid, VALUE_STATE, _BAD_STATE))
    state = state.astype(np.int8)
    if valid.any() and int(den.max()) > 2**40:
        num, den = num.astype(object), den.astype(object)
    problems = []
    raw_num, raw_den = as_array(np, nw, num_s), as_array(np, nw, den_s)
    for row in np.flatnonzero(state == _BAD_STATE).tolist():
        given = Ratio(_pair_value(_python(raw_num[row])), _pair_value(_python(raw_den[row])))
        found = read_value(criterion, given)
        assert isinstance(found, Problem)
        denominator_side = bool(num_ok[row]) and (not den_ok[row] or den[row] <= 0)
        problems.append(_located(found, row, name_den if denominator_side else name_num))

    def meets(comparison: Comparison, threshold: Fraction | None) -> Any:
        if threshold is None:
            return np.zeros(len(num), dtype=bool)
        return RULES[comparison].meets_counts(num, den, threshold) & (state == VALUE_STATE)

    def exact() -> Any:
        numbers = np.full(len(num), None, dtype=object)
        for row in np.flatnonzero(state == VALUE_STATE).tolist():
            numbers[row] = Fraction(100 * int(num[row]), int(den[row]))
        return numbers

    return Column(state, meets, problems, exact)


def _python(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def _denominator_side(num: Any, den: Any) -> bool:
    """Whether a bad pair is the denominator's fault: the numerator is a count and the
    denominator is none, or not above 0."""
    whole_num, whole_den = whole_count(num), whole_count(den)
    return whole_num is not None and (whole_den is None or whole_den <= 0)


def _whole_numbers(np: Any, nw: Any, series: Any) -> tuple[Any, Any] | None:
    """Counts as int64 (or Python ints) with the mask of cells that are whole and
    non-negative; ``None`` when the column is not numeric."""
    dtype = series.dtype
    if dtype.is_boolean():
        return np.zeros(len(series), dtype=np.int64), np.zeros(len(series), dtype=bool)
    if dtype.is_integer():
        values = as_array(np, nw, series.fill_null(0))
        if values.dtype == object or (dtype.is_unsigned_integer()
                                      and values.dtype.itemsize >= 8):
            values = values.astype(object)
        else:
            values = values.astype(np.int64, copy=False)
        return values, values >= 0
    if dtype.is_float():
        values = series.to_numpy().astype(np.float64, copy=False)
        ok = np.isfinite(values) & (values >= 0)
        ok &= np.floor(np.where(ok, values, 0.0)) == np.where(ok, values, 0.0)
        safe = np.where(ok, values, 0.0)
        if safe.max(initial=0.0) >= 2.0**53:
            return np.array([int(v) for v in safe.tolist()], dtype=object), ok
        return safe.astype(np.int64), ok
    return None


def read_column(np: Any, nw: Any, criterion: Criterion, frame: Any, column: str) -> Column:
    plain = _plain_array(np, frame, column)
    if plain is not None and plain.dtype == np.float64 and criterion.kind is Kind.RATE:
        return _float_rate(np, criterion, column, plain, None)
    if plain is not None and plain.dtype == np.bool_:
        return _booleans(np, criterion, column, plain)
    series = frame[column]
    dtype = series.dtype
    if dtype.is_float() or dtype.is_boolean():
        values = series.to_numpy()
        if values.dtype in (np.float64, np.bool_):
            # Such an array has no room for a null but NaN, which is read as missing below.
            null = np.zeros(len(values), dtype=bool)
        else:
            null = series.is_null().to_numpy()
        if dtype.is_float() and criterion.kind is Kind.RATE:
            return _float_rate(np, criterion, column, values, null)
        if dtype.is_float():
            null = null | np.isnan(values.astype(np.float64, copy=False))
        elif values.dtype == object:
            values = np.where(null, False, values).astype(bool)
        return _by_distinct(np, criterion, column, values, null, lambda v: v.item())
    null = empty_cells(np, series)
    if dtype.is_integer():
        values = as_array(np, nw, series.fill_null(0))
        return _by_distinct(np, criterion, column, values, null, lambda v: v.item())
    values = series.to_numpy()
    if values.dtype != object and values.dtype.kind not in "US":
        # Dates, durations and the like: no criterion takes them, and evaluate() says so.
        return _by_distinct(np, criterion, column, values.astype(object), null, lambda v: v)
    values = values.astype(object, copy=False)
    return _by_distinct(np, criterion, column, values, null, lambda v: v)


def _plain_array(np: Any, frame: Any, column: str) -> Any:
    """The column as a NumPy array of float64 (a null as NaN) or of booleans without nulls,
    taken from the table's own library without copying where it allows; ``None`` for any
    other column."""
    native = frame.to_native()
    name = frame.implementation.name.lower()
    if name == "pandas":
        values = _pandas_values(np, native, column)
        if not isinstance(values, np.ndarray) or values.dtype not in (np.float64, np.bool_):
            return None
        return values
    if name == "polars":
        series = native.get_column(column)
        dtype = series.dtype
        import polars as pl

        if dtype == pl.Float64 or (dtype == pl.Boolean and not series.null_count()):
            return series.to_numpy()
        return None
    if name == "pyarrow":
        import pyarrow as pa

        chunks = native.column(column)
        if chunks.type == pa.float64() or (chunks.type == pa.bool_() and not chunks.null_count):
            return chunks.to_numpy()
    return None


def _pandas_values(np: Any, frame: Any, column: str) -> Any:
    """A pandas column's own array (a NumPy array or an extension array), taken without
    making a Series where pandas allows it (a Series costs more than comparing 10,000
    floats)."""
    own = getattr(frame, "_get_column_array", None)
    if own is not None:
        at = frame.columns.get_loc(column)
        if isinstance(at, int):
            return own(at)
    series = frame[column]
    return series.to_numpy(copy=False) if isinstance(series.dtype, np.dtype) else series.array


def absent(np: Any, n: int) -> Column:
    """The column of a criterion the table does not hold: every cell missing."""
    return Column(np.full(n, MISSING_STATE, dtype=np.int8), lambda *_: np.zeros(n, dtype=bool),
                  [], lambda: np.full(n, None, dtype=object))
