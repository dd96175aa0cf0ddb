"""A table's communes given by their official codes (*mã đơn vị hành chính*, ``[admin]``).

The commune column may hold codes (``15361``, ``"015361"``, a whole-number column) and a
``code`` column (``Mã xã``, ``Mã ĐVHC``) may stand beside or instead of the names. Each coded
row is read by the one rule every door uses
(:func:`~cds_indicators._model.official.official_place`) in the list of its own year; a table
without codes costs one look at the distinct names of its commune column.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import attrs

from cds_indicators._evaluation.columnar.cells import python_cells, text_or_none
from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Framework
from cds_indicators._model.numbers import whole_number
from cds_indicators._model.official import is_code, official_place

if TYPE_CHECKING:
    from cds_indicators._evaluation.columnar.table import Names

__all__ = ["named_by_code"]

#: The column a problem with a code is about, when it is not the code's.
_ROLE_OF = {"admin_code_province": "province", "admin_code_district": "district"}


def _coded_rows(np: Any, nw: Any, table: Any, ids: dict[str, str],
                communes: Names | None, codes: list[Any] | None) -> Any:
    """The rows whose commune is given by a code: a boolean array, or ``None`` for none.
    ``codes``: the cells of the code column (``None`` for an empty one), if there is one."""
    found = _digits(np, nw, table[ids["commune"]], communes)
    if codes is not None:
        given = np.array([c is not None for c in codes], dtype=bool)
        return given if found is None else given | found
    return found


def _digits(np: Any, nw: Any, series: Any, communes: Names | None) -> Any:
    """The cells of ``series`` that are codes, or ``None`` when none is: the distinct names
    are tested (a commune's name repeats over its years), not every cell. ``communes``: the
    column's names told apart once (for the repeated-row check too), or ``None`` for a column
    read cell by cell."""
    if series.dtype.is_integer():
        return ~series.is_null().to_numpy()
    if communes is not None:
        names = communes.names
        maybe = (range(len(names)) if communes.arrow is None
                 else np.flatnonzero(_maybe_codes(np, communes.arrow)).tolist())
        coded = [i for i in maybe if is_code(names[i])]
        if not coded:
            return None
        flags = np.zeros(len(names) + 1, dtype=bool)  # the last: an empty cell
        flags[coded] = True
        return flags[communes.rows]
    if series.dtype == nw.String:  # each distinct cell tested once, by the library
        coded = [v for v in series.unique().to_list() if isinstance(v, str) and is_code(v)]
        return series.is_in(coded).to_numpy().astype(bool) if coded else None
    # Any other column (a categorical): its text cells, each distinct one tested once; its
    # names were checked to be text.
    tested: dict[str, bool] = {}
    flags = [isinstance(v, str) and tested.setdefault(v, is_code(v))
             for v in python_cells(np, series)]
    return np.array(flags, dtype=bool) if any(tested.values()) else None


@functools.cache
def _not_in_codes(np: Any) -> Any:
    """For each byte of UTF-8 text, whether it is an ASCII character that no code holds (a
    code is ASCII digits within spaces): a letter, punctuation or a symbol."""
    return np.array([0x21 <= b <= 0x7E and not 0x30 <= b <= 0x39 for b in range(256)])


def _maybe_codes(np: Any, array: Any) -> Any:
    """For each text of an Arrow string array, whether it may be a code: whether none of its
    bytes is an ASCII letter, punctuation or symbol (a name as ``Xã 123`` is not, whatever
    its digits); decided on the array's bytes at once. Only those are read one by one."""
    import pyarrow as pa

    wide = pa.types.is_large_string(array.type)
    if not (wide or pa.types.is_string(array.type)) or array.null_count or not len(array):
        return np.ones(len(array), dtype=bool)
    _, offsets, data = array.buffers()
    at = np.frombuffer(offsets, dtype=np.int64 if wide else np.int32)
    at = at[array.offset:array.offset + len(array) + 1].astype(np.int64)
    if data is None:
        return np.ones(len(array), dtype=bool)
    text = np.frombuffer(data, dtype=np.uint8)[at[0]:at[-1]]
    seen = np.zeros(len(text) + 1, dtype=np.int64)
    np.cumsum(_not_in_codes(np)[text], out=seen[1:])
    at -= at[0]
    return seen[at[1:]] == seen[at[:-1]]


def named_by_code(np: Any, nw: Any, table: Any, ids: dict[str, str], framework: Framework,
                  year_position: Any, communes: Names | None = None
                  ) -> tuple[Any, list[Problem]]:
    """``table`` with each coded row's commune (and, where the table has their columns, its
    district and province) as the official list of the row's year names them, and its code in
    a ``code`` column (added to ``ids``); and a problem, with its row and column, for each
    code that is unknown or contradicts the row's name, district or province. ``communes``:
    the commune column's names already told apart, or ``None``."""
    codes = (None if "code" not in ids
             else [_code_text(c) for c in python_cells(np, table[ids["code"]])])
    rows = _coded_rows(np, nw, table, ids, communes, codes)
    if rows is None:
        return table, []
    columns = {role: python_cells(np, table[name]) for role, name in ids.items()
               if role in ("commune", "district", "province")}
    columns["code"] = [None] * len(table) if codes is None else codes
    problems: list[Problem] = []
    for row in np.flatnonzero(rows).tolist():
        given = {role: values[row] for role, values in columns.items()}
        code = given["code"]
        found = official_place(
            given["commune"], framework.years[int(year_position[row])], code=code,
            district=text_or_none(given.get("district")),
            province=text_or_none(given.get("province")))
        if isinstance(found, Problem):
            role = _ROLE_OF.get(found.code) or ("code" if code is not None else "commune")
            column = ids.get(role, ids["commune"])
            problems.append(attrs.evolve(found, row=row, column=column))
        elif found is not None:
            for role in columns:
                columns[role][row] = getattr(found, role)
    if problems:
        return table, problems
    name = ids.setdefault("code", "code")
    native = nw.get_native_namespace(table)
    replaced = [nw.new_series(ids[role], values, nw.String(), backend=native)
                for role, values in columns.items() if role != "code"]
    replaced.append(nw.new_series(name, [None if c is None else str(c) for c in columns["code"]],
                                  nw.String(), backend=native))
    return table.with_columns(*replaced), problems


def _code_text(cell: Any) -> str | None:
    """A code cell as the text of its code: a whole number as its digits (``15361.0``, as a
    column with a blank cell holds ``15361``, is ``"15361"``), as a year cell is read; ``None``
    for a blank cell."""
    cell = text_or_none(cell)
    if cell is None or isinstance(cell, str):
        return cell
    whole = whole_number(cell)
    return str(cell) if whole is None else str(whole)
