"""Spreadsheet files to tables: the reader of each kind (.xlsx, .ods, .xls), the sheets picked
(``sheet=``) and the sheets skipped with a notice (:mod:`cds_indicators._io.sheets`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

from cds_indicators._io.cells import Table
from cds_indicators._io.sheets import sheet_names, with_criterion_data
from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Framework

__all__ = ["WORKBOOK_SUFFIXES", "read_workbook_tables"]

#: The spreadsheet files :func:`load_values` reads.
WORKBOOK_SUFFIXES: Final = (".xlsx", ".ods", ".xls")


def read_workbook_tables(
    file: Path, source: str, framework: Framework, sheet: str | Sequence[str] | None = None
) -> tuple[list[Table], list[Problem]]:
    """The tables of the workbook at ``file`` to read, and the notices of the sheets skipped."""
    names = sheet_names(sheet)
    suffix = file.suffix.lower()
    if suffix == ".ods":
        from cds_indicators._io.ods import read_ods

        tables = read_ods(file, source, names)
    elif suffix == ".xls":
        from cds_indicators._io.xls import read_xls

        tables = read_xls(file, source, names)
    else:
        from cds_indicators._io.xlsx import read_workbook

        tables = read_workbook(file, source, names)
    return with_criterion_data(tables, framework, named=bool(names))
