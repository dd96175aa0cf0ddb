"""Reports as a long table: one row per commune, year and criterion."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ._frames import require
from ._report import Report

__all__ = ["reports_to_frame"]

COLUMNS = ("commune", "district", "year", "criterion", "pillar", "status", "value", "target",
           "shortfall", "needed")


def reports_to_frame(reports: Iterable[Report], *, backend: str = "pandas") -> Any:
    """A long table of ``reports``: ``commune``, ``district``, ``year``, ``criterion``,
    ``pillar``, ``status``, ``value`` (percent for a rate, 1/0 for yes/no), ``target`` (the
    label as printed), ``shortfall`` (percentage points) and ``needed`` (more units, for
    counts; a float column so that pandas can hold its gaps).

    Numbers are floats for analysis; the verdicts were decided exactly. ``backend`` is
    ``"pandas"``, ``"polars"`` or ``"pyarrow"``.
    """
    nw = require("narwhals", "frame")
    data: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for report in reports:
        for verdict in report:
            value = verdict.value
            shortfall = verdict.shortfall
            row = (report.commune, report.district, report.year, verdict.criterion,
                   verdict.pillar, verdict.status.value,
                   None if value is None else float(value),
                   None if verdict.target is None else verdict.target.label,
                   None if shortfall is None else float(shortfall), verdict.needed)
            for name, cell in zip(COLUMNS, row, strict=True):
                data[name].append(cell)
    schema = {"commune": nw.String(), "district": nw.String(), "year": nw.Int64(),
              "criterion": nw.String(), "pillar": nw.String(), "status": nw.String(),
              "value": nw.Float64(), "target": nw.String(), "shortfall": nw.Float64(),
              "needed": nw.Float64()}
    return nw.from_dict(data, schema=schema, backend=backend).to_native()
