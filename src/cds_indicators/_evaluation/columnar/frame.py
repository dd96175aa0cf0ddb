"""Evaluating a whole table of commune-years at once, column by column.

Every verdict is the one :func:`~cds_indicators.evaluate` gives for the same row, and the table
is refused for what :func:`~cds_indicators.evaluate` and :func:`~cds_indicators.load_values`
refuse; only the work is arranged differently. Each criterion's column is read once
(:mod:`.columns`), held against each year's target through the comparison's rule
(:data:`~cds_indicators._model.comparisons.RULES`), and the statuses of a row are decided by the
completion policy's columnar form (:data:`~cds_indicators._model.policies.POLICIES`).
"""

from __future__ import annotations

from typing import Any

from cds_indicators._evaluation.codes import named_by_code
from cds_indicators._evaluation.columnar.columns import (
    Column,
    absent,
    read_column,
    read_counts,
)
from cds_indicators._evaluation.columnar.failed import FailedSets
from cds_indicators._evaluation.columnar.output import build
from cds_indicators._evaluation.columnar.table import (
    columns_of,
    duplicate_columns,
    name_problems,
    repeated_rows,
    told_apart,
    year_positions,
)
from cds_indicators._frameworks.registry import framework_or_default
from cds_indicators._model.errors import (
    InputError,
    Problem,
    error_for,
    raise_problems,
    require,
)
from cds_indicators._model.framework import Criterion, Framework
from cds_indicators._model.policies import POLICIES
from cds_indicators._model.report import Status

__all__ = ["evaluate_frame"]

_CODE = {status: i for i, status in enumerate(Status)}
FAIL, NO_TARGET = _CODE[Status.FAIL], _CODE[Status.NO_TARGET]


def evaluate_frame(frame: Any, *, year: int | None = None,
                   framework: Framework | None = None) -> Any:
    """Evaluate every commune-year of a wide table at once; the verdicts :func:`evaluate` gives.

    ``frame`` is a pandas, polars or pyarrow table (anything `narwhals` reads eagerly) with a
    ``commune`` column, an optional ``district`` column, a ``year`` column unless ``year`` is
    given, and one column per criterion id (``"2.5"``); a rate criterion may instead come as two
    count columns ``"2.5_num"`` and ``"2.5_den"``. A criterion without a column is missing. The
    commune, district and year columns may be headed as :func:`load_values` reads a header
    (``Tên xã``, ``Huyện``, ``Năm``, …); columns describing criteria (``STT``, ``Ghi chú``, …)
    are not read. A commune may be given by its official code (``[admin]``: a commune cell of
    digits, a whole-number commune column, or a ``code`` / ``Mã xã`` column beside or instead
    of the names): the result then names it officially and has a ``code`` column.

    Returns a table of the same library with ``commune``, ``district`` (when given), ``year``,
    one status column per criterion of the framework (``"PASS"``, ``"FAIL"``, ``"MISSING"``,
    ``"EXEMPT"``, ``"NO_TARGET"``), ``completion`` and ``failed`` (the ids not met, joined by
    ``", "``). Every bad cell is reported at once, each :class:`Problem` with its ``row``
    (position from 0) and ``column``: a :class:`MeasurementError` for bad values, an
    :class:`InputError` when columns or years are wrong (two columns for the commune, say), a
    commune or district cell is not text, or a row repeats the commune, district and year of an
    earlier row.
    """
    nw = require("narwhals", "frame")
    np = require("numpy", "frame")
    framework = framework_or_default(framework)
    if year is not None:
        framework.check_year(year)
    try:
        table = nw.from_native(frame, eager_only=True)
    except TypeError:
        raise error_for([Problem.of("frame_not_a_table", type=type(frame).__name__)]) from None
    except nw.exceptions.DuplicateError:
        raise InputError(duplicate_columns(frame)) from None
    not_text = [c for c in table.columns if not isinstance(c, str)]
    if not_text:
        # A column named 2.5 (a number) is not the criterion "2.5": never matched by its text.
        raise InputError([Problem.of("frame_column_not_text", column=str(c), value=c)
                          for c in not_text])
    names = list(table.columns)
    used, ids, problems = columns_of(framework, names, year is not None)
    if "commune" not in ids:
        raise InputError(problems)
    year_column = ids.get("year")  # with year=, still checked: filled where empty, never overridden
    year_position, _, year_problems = year_positions(np, nw, table, framework, year,
                                                     year_column)
    problems += year_problems
    # The commune names told apart once, for the check for codes and for repeated rows.
    communes = told_apart(np, nw, table[ids["commune"]])
    # Names are checked whatever the years: every problem is reported at once.
    named_problems = name_problems(np, nw, table, ids, communes)
    problems += named_problems
    if not year_problems and not named_problems:
        # Communes given by their codes, named in the list of their year.
        named, code_problems = named_by_code(np, nw, table, ids, framework, year_position,
                                             communes)
        problems += code_problems
        if named is not table:  # named anew: told apart again
            table, communes = named, None
        if not code_problems and (year is not None or year_column is not None):
            problems += repeated_rows(np, nw, table, framework, year_position, ids, communes)
    n = len(table)
    codes = np.empty((len(framework), n), dtype=np.int8)
    failed = FailedSets(np, tuple(c.id for c in framework), n)
    single = year is not None or (n > 0 and bool((year_position == year_position[0]).all()))
    read: list[Column] = []
    for k, criterion in enumerate(framework):
        columns = used.get(criterion.id)
        if columns is None:
            column = absent(np, n)
        elif len(columns) == 2:
            column = read_counts(np, nw, criterion, table, *columns)
        else:
            column = read_column(np, nw, criterion, table, columns[0])
        problems += column.problems
        read.append(column)
        if problems:
            continue
        _statuses(np, criterion, framework, column, year_position, single, codes[k])
        failed.add(k, codes[k] == FAIL)
    if problems:
        raise_problems(problems)
    completion, scores = POLICIES[framework.completion].columns(
        np, framework, codes, lambda k: read[k].exact(), year_position)
    return build(np, nw, table, ids, framework, year, codes, completion, failed, scores)


def _statuses(np: Any, criterion: Criterion, framework: Framework, column: Column,
              year_position: Any, single: bool, out: Any) -> None:
    """Each row's status code for ``criterion``, written into ``out``."""
    state = column.state
    years = [framework.years[int(year_position[0])]] if single and len(year_position) else list(
        framework.years)
    if not single:
        # A state plus one is the status of a value that fails, or of a missing or exempt cell.
        np.add(state, np.int8(1), out=out)
    for y in years:
        target = criterion.targets.get(y)
        verdict = out if single else np.empty_like(out)
        if target is None:
            verdict[...] = NO_TARGET
        else:
            # A value is FAIL (1) unless it meets the target: then PASS (0). ``meets`` is
            # false where there is no value.
            np.add(state, np.int8(1), out=verdict)
            verdict -= column.meets(target.comparison, target.threshold).view(np.int8)
        if not single:
            np.copyto(out, verdict, where=year_position == framework.years.index(y))
