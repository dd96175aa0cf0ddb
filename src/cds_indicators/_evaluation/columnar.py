"""Evaluating a whole table of commune-years at once, column by column.

Every verdict is the one :func:`evaluate` gives for the same row; only the work is arranged
differently. A column is read once as a NumPy array, and:

* a column of floats for a rate criterion is compared with, for each threshold, the smallest
  float whose exact reading (:func:`~cds_indicators._model.numbers.exact_float`:
  the float read at 12 significant digits) reaches it. Reading at 12 digits never
  decreases as the float grows, so
  ``reading(v) >= t`` holds exactly when ``v >= that float``: one exact float comparison per cell
  decides what the exact rational comparison decides;
* paired ``<id>_num`` / ``<id>_den`` count columns are compared in integers
  (``numerator * 100 * q >= p * denominator`` for a threshold ``p/q`` percent);
* any other column (text, whole numbers, booleans, decimals) is read through the very function
  :func:`evaluate` uses, once per distinct value, and the readings are spread back to the rows;
* a bad cell is read again on its own by that function, so that its :class:`Problem` is the one
  :func:`evaluate` reports, with the row (the position in the table, from 0) and the column added.
"""

from __future__ import annotations

import functools
import itertools
import struct
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from cds_indicators._evaluation.reading import Ratio, Reading
from cds_indicators._evaluation.scalar import read_value
from cds_indicators._frameworks.registry import framework_or_default
from cds_indicators._model.errors import InputError, MeasurementError, Problem, require
from cds_indicators._model.framework import Comparison, Criterion, Framework, Kind, Scoring, Target
from cds_indicators._model.numbers import exact_float
from cds_indicators._model.report import Completion, Status
from cds_indicators._words import format as _text

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = ["evaluate_frame"]

_STATUSES = tuple(Status)
_CODE = {status: i for i, status in enumerate(_STATUSES)}
PASS, FAIL, MISSING, EXEMPT, NO_TARGET = (
    _CODE[s] for s in (Status.PASS, Status.FAIL, Status.MISSING, Status.EXEMPT, Status.NO_TARGET)
)
_COMPLETIONS = tuple(Completion)
_STRUCTURE_CODES = frozenset(
    {"frame_missing_column", "frame_unknown_column", "frame_unpaired_counts",
     "frame_both_forms", "frame_bad_year", "frame_not_a_table"}
)
_ID_COLUMNS = ("commune", "district", "year")


# --- thresholds on floats ------------------------------------------------------------------------

_MAX_FINITE_BITS = 0x7FEFFFFFFFFFFFFF


def _float_of(bits: int) -> float:
    value: float = struct.unpack("<d", struct.pack("<q", bits))[0]
    return value


def _first_float(holds: Callable[[Fraction], bool]) -> float:
    """The smallest non-negative finite float whose reading satisfies ``holds`` (an upward-closed
    condition), or ``inf`` when none does. Non-negative floats are ordered as their bit patterns."""
    lo, hi = 0, _MAX_FINITE_BITS
    if not holds(exact_float(_float_of(hi))):
        return float("inf")
    while lo < hi:
        mid = (lo + hi) // 2
        if holds(exact_float(_float_of(mid))):
            hi = mid
        else:
            lo = mid + 1
    return _float_of(lo)


def _last_float(holds: Callable[[Fraction], bool]) -> float:
    """The largest non-negative finite float whose reading satisfies ``holds`` (a
    downward-closed condition), or ``-1.0`` when none does."""
    lo, hi = 0, _MAX_FINITE_BITS
    if not holds(exact_float(_float_of(lo))):
        return -1.0
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if holds(exact_float(_float_of(mid))):
            lo = mid
        else:
            hi = mid - 1
    return _float_of(lo)


_HUNDRED = Fraction(100)


@functools.cache
def _highest_rate() -> float:
    """The largest float read as at most 100 %; found once, on first use (not at import)."""
    return _last_float(lambda x: x <= _HUNDRED)


@functools.cache
def float_bound(comparison: Comparison, threshold: Fraction) -> float:
    """The float that decides ``comparison`` with ``threshold``: a non-negative float ``v``
    meets an AT_LEAST threshold exactly when ``v >= bound``, an AT_MOST one when ``v <= bound``."""
    if comparison is Comparison.AT_LEAST:
        return _first_float(lambda x: x >= threshold)
    if comparison is Comparison.AT_MOST:
        return _last_float(lambda x: x <= threshold)
    raise TypeError(f"no float comparison for {comparison}")


def _float_meets(values: npt.NDArray[Any], comparison: Comparison, threshold: Fraction) -> Any:
    bound = float_bound(comparison, threshold)
    return values >= bound if comparison is Comparison.AT_LEAST else values <= bound


def _count_meets(
    num: npt.NDArray[Any], den: npt.NDArray[Any], comparison: Comparison, threshold: Fraction
) -> Any:
    left = num * (100 * threshold.denominator)
    right = den * threshold.numerator
    if comparison is Comparison.AT_LEAST:
        return left >= right
    if comparison is Comparison.AT_MOST:
        return left <= right
    raise TypeError(f"no count comparison for {comparison}")


# --- a column read -------------------------------------------------------------------------------


@attrs.define
class _Column:
    """What one criterion's cells say, before any year is applied.

    ``state`` per row: 0 a value, 1 missing, 2 exempt, 3 a problem; ``meets(comparison,
    threshold)`` the rows whose value meets a threshold; ``exact()`` the values themselves.
    """

    state: Any
    meets: Callable[[Comparison, Fraction | None], Any]
    problems: list[Problem]
    exact: Callable[[], Any] = attrs.field(default=None)
    """Each row's exact number (a Fraction) as an object array, ``None`` where there is none;
    only asked for by policies that weigh the values themselves (``points``)."""


_VALUE, _MISSING, _EXEMPT, _BAD = 0, 1, 2, 3
assert (FAIL, MISSING, EXEMPT) == (_VALUE + 1, _MISSING + 1, _EXEMPT + 1)


def _located(problem: Problem, row: int, column: str) -> Problem:
    return attrs.evolve(problem, row=row, column=column)


def _reading_state(reading: Reading | Problem) -> int:
    if isinstance(reading, Problem):
        return _BAD
    if reading.exempt:
        return _EXEMPT
    return _MISSING if reading.value is None else _VALUE


def _meets_reading(reading: Reading | Problem, criterion: Criterion, comparison: Comparison,
                   threshold: Fraction | None) -> bool:
    if not isinstance(reading, Reading) or reading.value is None or reading.exempt:
        return False
    target = Target(label="", kind=criterion.kind, comparison=comparison, threshold=threshold)
    return target.is_met(reading.value)


def _by_distinct(
    np: Any, criterion: Criterion, column: str, values: Any, null: Any, make: Callable[[Any], Any]
) -> _Column:
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
    bad = np.flatnonzero(state == _BAD)
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
        return _objects(np, numbers)[inverse]

    return _Column(state, meets, problems, exact)


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


def _float_rate(np: Any, criterion: Criterion, column: str, values: Any, null: Any) -> _Column:
    values = values.astype(np.float64, copy=False)
    missing = null | np.isnan(values)
    # NaN compares false, so missing cells are never out of range here.
    bad = (values < 0.0) | (values > _highest_rate())
    state = missing.view(np.int8) * np.int8(_MISSING)
    if bad.any():
        state[bad] = _BAD
    problems = []
    for row in np.flatnonzero(bad).tolist():
        found = read_value(criterion, float(values[row]))
        assert isinstance(found, Problem)
        problems.append(_located(found, row, column))

    def meets(comparison: Comparison, threshold: Fraction | None) -> Any:
        if threshold is None:
            return np.zeros(len(values), dtype=bool)
        return _float_meets(values, comparison, threshold)

    def exact() -> Any:
        distinct, inverse = np.unique(values, return_inverse=True)
        numbers = [None if x != x else exact_float(x) for x in distinct.tolist()]
        return _objects(np, numbers)[inverse.reshape(-1)]

    return _Column(state, meets, problems, exact)


def _pair_value(value: Any) -> Any:
    return None if value is None or value != value else value


def _counts(
    np: Any, nw: Any, criterion: Criterion, frame: Any, name_num: str, name_den: str
) -> _Column:
    num_s, den_s = frame[name_num], frame[name_den]
    null_num = num_s.is_null().to_numpy() | _nan_mask(np, nw, num_s)
    null_den = den_s.is_null().to_numpy() | _nan_mask(np, nw, den_s)
    missing = null_num & null_den
    num = _whole_numbers(np, nw, num_s)
    den = _whole_numbers(np, nw, den_s)
    n = len(missing)
    if num is None or den is None:
        # Counts that are not numbers are read cell by cell, as evaluate() reads them.
        raw_num, raw_den = num_s.to_numpy(), den_s.to_numpy()
        cells = np.empty(n, dtype=object)
        for row in range(n):
            if not missing[row]:
                cells[row] = Ratio(_pair_value(raw_num[row]), _pair_value(raw_den[row]))
        return _by_distinct(np, criterion, name_num, cells, missing, lambda v: v)
    (num, num_ok), (den, den_ok) = num, den
    num_ok &= ~null_num
    den_ok &= ~null_den
    valid = num_ok & den_ok
    num = np.where(valid, num, 0)
    den = np.where(valid, den, 1)
    valid &= (den > 0) & (num <= den)
    state = np.where(missing, _MISSING, np.where(valid, _VALUE, _BAD)).astype(np.int8)
    if valid.any() and int(den.max()) > 2**40:
        num, den = num.astype(object), den.astype(object)
    problems = []
    raw_num, raw_den = num_s.to_numpy(), den_s.to_numpy()
    for row in np.flatnonzero(state == _BAD).tolist():
        given = Ratio(_pair_value(_python(raw_num[row])), _pair_value(_python(raw_den[row])))
        found = read_value(criterion, given)
        assert isinstance(found, Problem)
        denominator_side = bool(num_ok[row]) and (not den_ok[row] or den[row] <= 0)
        problems.append(_located(found, row, name_den if denominator_side else name_num))

    def meets(comparison: Comparison, threshold: Fraction | None) -> Any:
        if threshold is None:
            return np.zeros(len(num), dtype=bool)
        return _count_meets(num, den, comparison, threshold)

    def exact() -> Any:
        numbers = np.full(len(num), None, dtype=object)
        for row in np.flatnonzero(state == _VALUE).tolist():
            numbers[row] = Fraction(100 * int(num[row]), int(den[row]))
        return numbers

    return _Column(state, meets, problems, exact)


def _python(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def _nan_mask(np: Any, nw: Any, series: Any) -> Any:
    if series.dtype.is_float():
        return np.isnan(series.to_numpy().astype(np.float64, copy=False))
    return np.zeros(len(series), dtype=bool)


def _whole_numbers(np: Any, nw: Any, series: Any) -> tuple[Any, Any] | None:
    """Counts as int64 (or Python ints) with the mask of cells that are whole and
    non-negative; ``None`` when the column is not numeric."""
    dtype = series.dtype
    if dtype.is_boolean():
        return np.zeros(len(series), dtype=np.int64), np.zeros(len(series), dtype=bool)
    if dtype.is_integer():
        values = series.fill_null(0).to_numpy()
        if dtype.is_unsigned_integer() and values.dtype.itemsize >= 8:
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


def _read_column(np: Any, nw: Any, criterion: Criterion, frame: Any, column: str) -> _Column:
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
    null = series.is_null().to_numpy()
    if dtype.is_integer():
        values = series.fill_null(0).to_numpy()
        return _by_distinct(np, criterion, column, values, null, lambda v: v.item())
    values = series.to_numpy()
    if values.dtype != object and values.dtype.kind not in "US":
        # Dates, durations and the like: no criterion takes them, and evaluate() says so.
        return _by_distinct(np, criterion, column, values.astype(object), null, lambda v: v)
    values = values.astype(object, copy=False)
    return _by_distinct(np, criterion, column, values, null, lambda v: v)


# --- the table -----------------------------------------------------------------------------------


def _columns_of(
    framework: Framework, names: Sequence[str], has_year: bool
) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    """For each criterion, the column(s) holding its values; and the problems with the names."""
    problems = []
    used: dict[str, tuple[str, ...]] = {}
    present = set(names)
    if "commune" not in present:
        problems.append(Problem.of("frame_missing_column", column="commune", name="commune"))
    if not has_year and "year" not in present:
        problems.append(Problem.of("frame_missing_column", column="year", name="year"))
    for criterion in framework:
        cid = criterion.id
        pair = (f"{cid}_num", f"{cid}_den")
        have = [p in present for p in pair]
        if any(have):
            if not all(have):
                given, other = pair if have[0] else pair[::-1]
                problems.append(Problem.of("frame_unpaired_counts", criterion=cid,
                                           column=given, name=given, other=other))
            elif cid in present:
                problems.append(Problem.of("frame_both_forms", criterion=cid, column=cid))
            elif criterion.kind is not Kind.RATE:
                problems.append(Problem.of("frame_unpaired_counts", criterion=cid,
                                           column=pair[0], name=pair[0], other=cid))
            else:
                used[cid] = pair
        elif cid in present:
            used[cid] = (cid,)
    known = set(_ID_COLUMNS) | {c for cols in used.values() for c in cols}
    known |= {c for c in present if c in framework}
    known |= {c for c in present if c.endswith(("_num", "_den")) and c[:-4] in framework}
    for name in names:
        if name not in known and not (name == "year" and has_year):
            problems.append(Problem.of("frame_unknown_column", column=str(name),
                                       name=str(name), framework=framework.id))
    return used, problems


def _years(np: Any, frame: Any, framework: Framework, year: int | None) -> tuple[Any, list[int],
                                                                                  list[Problem]]:
    """Each row's position in ``framework.years``, and the problems with the year column."""
    n = len(frame)
    if year is not None:
        return np.full(n, framework.years.index(framework.check_year(year)), dtype=np.intp), [
            year], []
    if "year" not in frame.columns:
        return np.zeros(n, dtype=np.intp), [], []
    series = frame["year"]
    null = series.is_null().to_numpy()
    problems = []
    position = np.full(n, -1, dtype=np.intp)
    if series.dtype.is_integer():
        values = series.fill_null(0).to_numpy().astype(np.int64)
        for i, y in enumerate(framework.years):
            position[(values == y) & ~null] = i
    bad = np.flatnonzero(position < 0).tolist()
    raw = series.to_list() if bad else []
    for row in bad:
        value = raw[row]
        problems.append(Problem.of("frame_bad_year", row=row, column="year", value=value,
                                   framework=framework.id,
                                   years=", ".join(map(str, framework.years))))
    position[position < 0] = 0
    return position, list(framework.years), problems


def _duplicate_columns(frame: Any) -> list[Problem]:
    """One problem per column name that the table holds more than once."""
    given = getattr(frame, "column_names", None)  # pyarrow's .columns are the arrays
    names = [str(c) for c in (frame.columns if given is None else given)]
    repeated = sorted({n for n in names if names.count(n) > 1}, key=names.index)
    return [Problem.of("frame_duplicate_column", column=n, name=n, count=names.count(n))
            for n in repeated]


def evaluate_frame(frame: Any, *, year: int | None = None,
                   framework: Framework | None = None) -> Any:
    """Evaluate every commune-year of a wide table at once; the verdicts :func:`evaluate` gives.

    ``frame`` is a pandas, polars or pyarrow table (anything `narwhals` reads eagerly) with a
    ``commune`` column, an optional ``district`` column, a ``year`` column unless ``year`` is
    given, and one column per criterion id (``"2.5"``); a rate criterion may instead come as two
    count columns ``"2.5_num"`` and ``"2.5_den"``. A criterion without a column is missing.

    Returns a table of the same library with ``commune``, ``district`` (when given), ``year``,
    one status column per criterion of the framework (``"PASS"``, ``"FAIL"``, ``"MISSING"``,
    ``"EXEMPT"``, ``"NO_TARGET"``), ``completion`` and ``failed`` (the ids not met, joined by
    ``", "``). Every bad cell is reported at once, each :class:`Problem` with its ``row``
    (position from 0) and ``column``: a :class:`MeasurementError` for bad values, an
    :class:`InputError` when columns or years are wrong.
    """
    nw = require("narwhals", "frame")
    np = require("numpy", "frame")
    framework = framework_or_default(framework)
    if year is not None:
        framework.check_year(year)
    try:
        table = nw.from_native(frame, eager_only=True)
    except TypeError:
        raise InputError([Problem.of("frame_not_a_table", type=type(frame).__name__)]) from None
    except nw.exceptions.DuplicateError:
        raise InputError(_duplicate_columns(frame)) from None
    not_text = [c for c in table.columns if not isinstance(c, str)]
    if not_text:
        # A column named 2.5 (a number) is not the criterion "2.5": never matched by its text.
        raise InputError([Problem.of("frame_column_not_text", column=str(c), value=c)
                          for c in not_text])
    names = list(table.columns)
    used, problems = _columns_of(framework, names, year is not None)
    if any(p.code == "frame_missing_column" and p.column == "commune" for p in problems):
        raise InputError(problems)
    year_position, _, year_problems = _years(np, table, framework, year)
    problems += year_problems
    n = len(table)
    codes = np.empty((len(framework), n), dtype=np.int8)
    single = year is not None or (n > 0 and bool((year_position == year_position[0]).all()))
    read: list[_Column] = []
    for k, criterion in enumerate(framework):
        columns = used.get(criterion.id)
        if columns is None:
            column = _Column(np.full(n, _MISSING, dtype=np.int8), _never(np, n), [],
                             lambda: np.full(n, None, dtype=object))
        elif len(columns) == 2:
            column = _counts(np, nw, criterion, table, *columns)
        else:
            column = _read_column(np, nw, criterion, table, columns[0])
        problems += column.problems
        read.append(column)
        if problems:
            continue
        codes[k] = _statuses(np, criterion, framework, column, year_position, single)
    if problems:
        if any(p.code in _STRUCTURE_CODES for p in problems):
            raise InputError(problems)
        raise MeasurementError(problems)
    completion, scores = _POLICIES[framework.completion](np, framework, codes, read,
                                                         year_position)
    failed_text, failed_codes = _failed(np, framework, codes)
    return _build(np, nw, table, framework, year, codes, completion, failed_text, failed_codes,
                  scores)


def _statuses(np: Any, criterion: Criterion, framework: Framework, column: _Column,
              year_position: Any, single: bool) -> Any:
    state = column.state
    has_value = state == _VALUE
    # _VALUE, _MISSING, _EXEMPT are 0, 1, 2 and FAIL, MISSING, EXEMPT are 1, 2, 3.
    base = state + np.int8(1)
    years = [framework.years[int(year_position[0])]] if single and len(year_position) else list(
        framework.years)
    out = base
    for y in years:
        target = criterion.targets.get(y)
        if target is None:
            verdict = np.full(len(state), NO_TARGET, dtype=np.int8)
        else:
            met = column.meets(target.comparison, target.threshold) & has_value
            # A value is FAIL (1) unless it meets the target: then PASS (0).
            verdict = base - met.view(np.int8)
        if single:
            return verdict
        out = np.where(year_position == framework.years.index(y), verdict, out)
    return out


def _never(np: Any, n: int) -> Callable[[Comparison, Fraction | None], Any]:
    return lambda *_: np.zeros(n, dtype=bool)


_DONE, _NOT_DONE, _OPEN = (_COMPLETIONS.index(c) for c in (
    Completion.COMPLETED, Completion.NOT_COMPLETED, Completion.UNDETERMINED))
_Policy = Callable[[Any, Framework, Any, list[_Column], Any], tuple[Any, dict[str, Any]]]


def _completion_all(np: Any, framework: Framework, codes: Any, read: list[_Column],
                    year_position: Any) -> tuple[Any, dict[str, Any]]:
    any_fail = (codes == FAIL).any(axis=0)
    any_missing = (codes == MISSING).any(axis=0)
    completion = np.where(any_fail, _NOT_DONE, np.where(any_missing, _OPEN, _DONE))
    return completion.astype(np.int8), {}


def _decide(np: Any, framework: Framework, codes: Any, reached_now: Any,
            reachable: Any) -> Any:
    """:func:`~cds_indicators._model.policies._decide` on every row: a failed mandatory
    criterion or an unreachable goal fails; a missing mandatory value or a goal not yet reached
    is open."""
    mandatory = np.array([c.mandatory for c in framework], dtype=bool)
    picked = codes[mandatory]
    failed = (picked == FAIL).any(axis=0) | ~reachable
    still_open = (picked == MISSING).any(axis=0) | ~reached_now
    return np.where(failed, _NOT_DONE, np.where(still_open, _OPEN, _DONE)).astype(np.int8)


def _completion_share(np: Any, framework: Framework, codes: Any, read: list[_Column],
                      year_position: Any) -> tuple[Any, dict[str, Any]]:
    # passed * 100 >= share * counted, in integers: share is an exact Fraction.
    assert framework.share is not None
    share = Fraction(framework.share)
    passed = (codes == PASS).sum(axis=0, dtype=np.int64)
    missing = (codes == MISSING).sum(axis=0, dtype=np.int64)
    counted = passed + missing + (codes == FAIL).sum(axis=0, dtype=np.int64)
    need = counted * share.numerator
    reached_now = passed * (100 * share.denominator) >= need
    reachable = (passed + missing) * (100 * share.denominator) >= need
    return _decide(np, framework, codes, reached_now, reachable), {}


_ZERO = Fraction(0)
_ONE = Fraction(1)


def _earned(np: Any, framework: Framework, criterion: Criterion, status: Any, column: _Column,
            year_position: Any) -> Any:
    """The points each row earns for ``criterion``, exactly (object array of Fractions), as
    :func:`cds_indicators._model.policies.points_for` gives them."""
    maximum = criterion.points or _ZERO
    if criterion.scoring is not Scoring.PROPORTIONAL:
        return np.where(status == PASS, maximum, _ZERO)
    values = column.exact()
    if criterion.kind is Kind.RATE:
        divisors: Any = np.full(len(status), _HUNDRED, dtype=object)
    else:
        thresholds = [None if t is None else t.threshold or None
                      for t in (criterion.targets[y] for y in framework.years)]
        divisors = _objects(np, thresholds)[year_position]
    # Proportional points weigh each value: one exact product per row that has a value.
    return _objects(np, [_ZERO if value is None else min(_ONE if divisor is None
                                                         else value / divisor, _ONE) * maximum
                         for value, divisor in zip(values.tolist(), divisors.tolist(),
                                                   strict=True)])


def _completion_points(np: Any, framework: Framework, codes: Any, read: list[_Column],
                       year_position: Any) -> tuple[Any, dict[str, Any]]:
    assert framework.pass_score is not None
    n = codes.shape[1]
    score = np.full(n, _ZERO, dtype=object)
    maximum = np.full(n, _ZERO, dtype=object)
    still_open = np.full(n, _ZERO, dtype=object)
    for k, criterion in enumerate(framework):
        status = codes[k]
        counted = (status == PASS) | (status == FAIL) | (status == MISSING)
        if criterion.points is None or not counted.any():
            continue
        earned = _earned(np, framework, criterion, status, read[k], year_position)
        score = score + np.where(counted, earned, _ZERO)
        maximum = maximum + np.where(counted, criterion.points, _ZERO)
        still_open = still_open + np.where(status == MISSING, criterion.points, _ZERO)
    level = np.full(n, None, dtype=object)
    for cut in reversed(framework.levels):
        level[(score >= cut.min_score).astype(bool)] = cut.name
    completion = _decide(np, framework, codes, (score >= framework.pass_score).astype(bool),
                         (score + still_open >= framework.pass_score).astype(bool))
    return completion, {
        "score": score.astype(np.float64),
        "max_score": maximum.astype(np.float64),
        "level": level,
        "score_exact": _objects(np, [_text.exact(x) for x in score.tolist()]),
    }


#: The completion policies of :data:`~cds_indicators._evaluation.scalar.COMPLETION_POLICIES`,
#: on every row at once. ``points`` also gives the ``score``, ``max_score``, ``level`` and
#: ``score_exact`` columns.
_POLICIES: dict[str, _Policy] = {
    "all": _completion_all,
    "share": _completion_share,
    "points": _completion_points,
}


def _objects(np: Any, items: Sequence[Any]) -> Any:
    """A one-dimensional object array of ``items`` (NumPy would nest tuples or Fractions)."""
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def _failed(np: Any, framework: Framework, codes: Any) -> tuple[list[str], Any]:
    """The distinct ``failed`` texts and each row's index into them."""
    fails = codes == FAIL
    k, n = fails.shape
    if not fails.any():
        return [""], np.zeros(n, dtype=np.intp)
    ids = tuple(c.id for c in framework)
    if k > 64:
        patterns, inverse = np.unique(np.packbits(fails, axis=0).T, axis=0, return_inverse=True)
        bits = np.unpackbits(patterns, axis=1)[:, :k].astype(bool)
        texts = [", ".join(itertools.compress(ids, row)) for row in bits.tolist()]
        return texts, inverse.reshape(-1)
    # Each row's set of failed criteria as the bits of one integer, put together a byte at a time.
    keys = np.zeros(n, dtype=np.uint64)
    for start in range(0, k, 8):
        byte = np.zeros(n, dtype=np.uint8)
        for i in range(start, min(k, start + 8)):
            byte |= fails[i].view(np.uint8) << np.uint8(i - start)
        keys |= byte.astype(np.uint64) << np.uint64(start)
    # Rows that failed nothing share the text "" (index 0); only the others are told apart.
    some = keys != 0
    found, positions = np.unique(keys[some], return_inverse=True)
    uniques = np.concatenate([np.zeros(1, dtype=np.uint64), found])
    inverse = np.zeros(n, dtype=np.intp)
    inverse[some] = positions.reshape(-1) + 1
    # One text per distinct set of failed criteria, not per row; and each is put together from
    # the texts of its bytes (8 criteria each), made once per framework.
    texts = np.full(len(uniques), "", dtype=object)
    begun = np.zeros(len(uniques), dtype=bool)
    for start in range(0, k, 8):
        byte = ((uniques >> np.uint64(start)) & np.uint64(255)).astype(np.intp)
        first, later = _byte_texts(ids[start:start + 8])
        texts += np.where(begun, later[byte], first[byte])
        begun |= byte != 0
    return texts.tolist(), inverse


@functools.cache
def _byte_texts(ids: tuple[str, ...]) -> tuple[Any, Any]:
    """For each byte ``b``, the ids (of up to 8) whose bit is set in ``b`` joined by ``", "``;
    and the same text led by ``", "`` (when some earlier id is already written), both as
    object arrays to be indexed by bytes."""
    import numpy as np

    joined = [", ".join(itertools.compress(ids, ((b >> i) & 1 for i in range(len(ids)))))
              for b in range(256)]
    later = ["" if not text else f", {text}" for text in joined]
    return np.array(joined, dtype=object), np.array(later, dtype=object)


def _build(np: Any, nw: Any, table: Any, framework: Framework, year: int | None, codes: Any,
           completion: Any, failed_text: list[str], failed_codes: Any,
           scores: dict[str, Any]) -> Any:
    implementation = table.implementation
    n = codes.shape[1]
    columns: dict[str, Any] = {"commune": table["commune"].to_native()}
    if "district" in table.columns:
        columns["district"] = table["district"].to_native()
    columns["year"] = (np.full(n, year, dtype=np.int64) if year is not None
                       else table["year"].to_native())
    status_names = [s.value for s in _STATUSES]
    completion_names = [c.value for c in _COMPLETIONS]
    native = nw.get_native_namespace(table)
    categorical = _CATEGORICAL.get(implementation.name.lower(), _categorical_generic)
    for k, criterion in enumerate(framework):
        columns[criterion.id] = categorical(native, np, codes[k], status_names)
    columns["completion"] = categorical(native, np, completion, completion_names)
    columns["failed"] = _strings(native, implementation.name.lower(), np, failed_codes,
                                 failed_text)
    for name, values in scores.items():
        columns[name] = _plain(native, implementation.name.lower(), values)
    return _assemble(native, implementation.name.lower(), columns, table)


def _categorical_pandas(pd: Any, np: Any, codes: Any, names: list[str]) -> Any:
    return pd.Categorical.from_codes(codes, dtype=_pandas_dtype(pd, tuple(names)))


@functools.cache
def _pandas_dtype(pd: Any, names: tuple[str, ...]) -> Any:
    return pd.CategoricalDtype(list(names))


def _categorical_polars(pl: Any, np: Any, codes: Any, names: list[str]) -> Any:
    return pl.Series(codes.astype(np.uint32)).replace_strict(
        list(range(len(names))), names, return_dtype=pl.Enum(names)
    )


def _categorical_pyarrow(pa: Any, np: Any, codes: Any, names: list[str]) -> Any:
    return pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int32)), pa.array(names))


def _categorical_generic(native: Any, np: Any, codes: Any, names: list[str]) -> Any:
    return np.array(names, dtype=object)[codes]


_CATEGORICAL: dict[str, Callable[[Any, Any, Any, list[str]], Any]] = {
    "pandas": _categorical_pandas,
    "polars": _categorical_polars,
    "pyarrow": _categorical_pyarrow,
}


def _strings(native: Any, implementation: str, np: Any, codes: Any, texts: list[str]) -> Any:
    if implementation == "pandas":
        return native.Categorical.from_codes(codes, categories=texts)
    values = np.array(texts, dtype=object)[codes]
    if implementation == "polars":
        return native.Series(values, dtype=native.String)
    if implementation == "pyarrow":
        return native.array(values, type=native.string())
    return values


def _plain(native: Any, implementation: str, values: Any) -> Any:
    """A float column as it is; a column of texts (``None`` for none) in the library's form."""
    if values.dtype != object:
        return values
    if implementation == "polars":
        return native.Series(values.tolist(), dtype=native.String)
    if implementation == "pyarrow":
        return native.array(values.tolist(), type=native.string())
    return values


def _assemble(native: Any, implementation: str, columns: dict[str, Any], table: Any) -> Any:
    if implementation == "pandas":
        frame = native.DataFrame(columns, copy=False)
        frame.index = table.to_native().index
        return frame
    if implementation == "polars":
        return native.DataFrame(columns)
    if implementation == "pyarrow":
        return native.table(columns)
    import narwhals as nw

    return nw.from_dict(columns, backend=table.implementation).to_native()

