"""A table's communes given by their official codes (*mã đơn vị hành chính*, ``[admin]``).

The commune column may hold codes (``15361``, ``"015361"``, a whole-number column) and a
``code`` column (``Mã xã``, ``Mã ĐVHC``) may stand beside or instead of the names. Each coded
row is read by the one rule every door uses
(:func:`~cds_indicators._model.official.official_place`) in the list of its own year; a table
without codes costs one look at the distinct names of its commune column.
"""

from __future__ import annotations

from typing import Any

import attrs

from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Framework
from cds_indicators._model.official import is_code, official_place

__all__ = ["named_by_code"]

#: The column a problem with a code is about, when it is not the code's.
_ROLE_OF = {"admin_code_province": "province", "admin_code_district": "district"}


def _coded_rows(np: Any, nw: Any, table: Any, ids: dict[str, str]) -> Any:
    """The rows whose commune is given by a code: a boolean array, or ``None`` for none."""
    found = _digits(np, nw, table[ids["commune"]])
    if "code" in ids:
        given = ~table[ids["code"]].is_null().to_numpy()
        return given if found is None else given | found
    return found


def _digits(np: Any, nw: Any, series: Any) -> Any:
    """The cells of ``series`` that are codes, or ``None`` when none is: the distinct names
    are tested (a commune's name repeats over its years), not every cell."""
    if series.dtype.is_integer():
        return ~series.is_null().to_numpy()
    if series.dtype != nw.String:
        return None
    coded = [v for v in series.unique().to_list() if v is not None and is_code(v)]
    return series.is_in(coded).to_numpy().astype(bool) if coded else None


def named_by_code(np: Any, nw: Any, table: Any, ids: dict[str, str], framework: Framework,
                  year_position: Any) -> tuple[Any, list[Problem]]:
    """``table`` with each coded row's commune (and, where the table has their columns, its
    district and province) as the official list of the row's year names them, and its code in
    a ``code`` column (added to ``ids``); and a problem, with its row and column, for each
    code that is unknown or contradicts the row's name, district or province."""
    rows = _coded_rows(np, nw, table, ids)
    if rows is None:
        return table, []
    columns = {role: table[name].to_list() for role, name in ids.items()
               if role in ("commune", "code", "district", "province")}
    columns.setdefault("code", [None] * len(table))
    problems: list[Problem] = []
    for row in np.flatnonzero(rows).tolist():
        given = {role: values[row] for role, values in columns.items()}
        code = given["code"]
        found = official_place(
            given["commune"], framework.years[int(year_position[row])],
            code=None if code is None else str(code),
            district=given.get("district"), province=given.get("province"))
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
