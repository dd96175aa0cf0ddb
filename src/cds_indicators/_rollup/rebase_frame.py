""":func:`rebase` on a data frame: its rows read into records, rebased, and written back as a
frame of the same library, one row per commune of today's map and year.

The frame's commune, district, province and year columns are found by the header vocabulary
(``Xã``, ``Huyện``, ``Tỉnh``, ``Năm``, …), as :func:`evaluate_frame` finds them; a criterion's
values are in a column named by its id, or in ``<id>_num`` and ``<id>_den`` counts. The
rebased frame has ``commune``, ``province`` (when the frame has one), ``year`` and ``parts``
(the former communes, ``; ``-separated) columns, then one column per criterion holding the
merged values (:func:`ratio` counts, exact percentages, yes/no, :data:`NOT_APPLICABLE`), which
:func:`evaluate_frame` reads value by value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cds_indicators._evaluation.columnar.table import id_columns
from cds_indicators._evaluation.reading import ratio
from cds_indicators._frameworks.registry import framework_or_default
from cds_indicators._io.values import Record
from cds_indicators._model.errors import InputError, Problem, require
from cds_indicators._model.framework import Framework
from cds_indicators._model.numbers import is_missing
from cds_indicators._words.format import commune_label

__all__ = ["rebase_frame"]


def _text(row: dict[str, Any], ids: dict[str, str], role: str) -> str | None:
    value = row.get(ids[role]) if role in ids else None
    return None if value is None or is_missing(value) else str(value)


def _records(rows: list[dict[str, Any]], ids: dict[str, str],
             framework: Framework) -> list[Record]:
    records = []
    for index, row in enumerate(rows):
        values: dict[str, Any] = {}
        for criterion in framework:
            cid = criterion.id
            num, den = row.get(f"{cid}_num"), row.get(f"{cid}_den")
            if num is not None and den is not None and not (is_missing(num) or is_missing(den)):
                values[cid] = ratio(num, den)
            elif cid in row and not is_missing(row[cid]):
                values[cid] = row[cid]

        year = row.get(ids["year"])
        code = _text(row, ids, "code")  # an official code, read by rebase ([admin])
        records.append(Record(commune=_text(row, ids, "commune") or code or "", code=code,
                              district=_text(row, ids, "district"),
                              province=_text(row, ids, "province"), values=values,
                              year=None if year is None or is_missing(year) else int(year),
                              row=index + 1))
    return records


def rebase_frame(frame: Any, successors: Any, rebase: Callable[..., list[Record]], *,
                 framework: Framework | None, yes_no: str, missing: str) -> Any:
    """The frame ``frame`` rebased by ``rebase`` (:func:`rebase` on records; see the module's
    docstring)."""
    nw = require("narwhals", "frame")
    framework = framework_or_default(framework)
    try:
        table = nw.from_native(frame, eager_only=True)
    except TypeError:
        raise TypeError(f"rebase takes records or a data frame, not {frame!r}") from None
    ids, problems = id_columns(list(table.columns))
    for role in ("commune", "year"):
        if role not in ids:
            problems.append(Problem.of("frame_missing_column", column=role, name=role,
                                       accepted=role))
    if problems:
        raise InputError(problems)
    records = _records(list(table.iter_rows(named=True)), ids, framework)
    rebased = rebase(records, successors, framework=framework, yes_no=yes_no, missing=missing)
    columns: dict[str, list[Any]] = {"commune": [r.commune for r in rebased]}
    if "province" in ids:
        columns["province"] = [r.province for r in rebased]
    columns["year"] = [r.year for r in rebased]
    columns["parts"] = ["; ".join(commune_label(c, d) for d, c in r.parts) for r in rebased]
    for criterion in framework:
        columns[criterion.id] = [r.values.get(criterion.id) for r in rebased]
    native = nw.get_native_namespace(table)
    return nw.from_dict(columns, backend=native).to_native()
