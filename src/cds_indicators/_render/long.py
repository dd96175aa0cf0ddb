"""Reports as a long table: one row per commune, year and criterion."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cds_indicators._model.errors import require
from cds_indicators._model.report import Report
from cds_indicators._words import format as _text

__all__ = ["reports_to_frame"]

COLUMNS = ("commune", "district", "year", "criterion", "pillar", "status", "value", "target",
           "shortfall", "needed", "value_exact", "shortfall_exact", "count", "evidence")


def reports_to_frame(reports: Iterable[Report], *, backend: str = "pandas") -> Any:
    """A long table of ``reports``: ``commune``, ``district``, ``year``, ``criterion``,
    ``pillar``, ``status``, ``value`` (percent for a rate, the count for a count, 1/0 for
    yes/no), ``target`` (the label as printed), ``shortfall`` (percentage points for a rate,
    units for a count), ``needed`` (more units, for a rate given as counts; a float column so
    that pandas can hold its gaps), and ``value_exact`` / ``shortfall_exact``: the same numbers
    exactly, as text (``"78.4"``, ``"2200/27"``; ``Fraction(text)`` gives them back; ``"True"``
    / ``"False"`` for yes/no); ``count``, the number of things a counted yes/no criterion was
    given as (a float column, for its gaps), and ``evidence``, what the value was given with;
    ``code`` after ``commune`` when some report has a commune's official code.

    The float columns are for sorting, plotting and aggregating; the verdicts were decided
    exactly, and the ``_exact`` columns keep what decided them. ``backend`` is ``"pandas"``,
    ``"polars"`` or ``"pyarrow"``.
    """
    nw = require("narwhals", "frame")
    data: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    reports = list(reports)
    codes = [report.code for report in reports for _ in report]
    for report in reports:
        for verdict in report:
            value = verdict.value
            shortfall = verdict.shortfall
            row = (report.commune, report.district, report.year, verdict.criterion,
                   verdict.pillar, verdict.status.value,
                   None if value is None else float(value),
                   None if verdict.target is None else verdict.target.label,
                   None if shortfall is None else float(shortfall), verdict.needed,
                   str(value) if isinstance(value, bool) else _text.exact(value),
                   _text.exact(shortfall), verdict.count, verdict.evidence)
            for name, cell in zip(COLUMNS, row, strict=True):
                data[name].append(cell)
    schema = {"commune": nw.String(), "district": nw.String(), "year": nw.Int64(),
              "criterion": nw.String(), "pillar": nw.String(), "status": nw.String(),
              "value": nw.Float64(), "target": nw.String(), "shortfall": nw.Float64(),
              "needed": nw.Float64(), "value_exact": nw.String(),
              "shortfall_exact": nw.String(), "count": nw.Float64(), "evidence": nw.String()}
    if any(code is not None for code in codes):  # after the commune, as the exports have it
        data = {"commune": data.pop("commune"), "code": codes, **data}
        schema["code"] = nw.String()
    return nw.from_dict(data, schema={k: schema[k] for k in data},
                        backend=backend).to_native()
