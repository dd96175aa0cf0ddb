"""Reports out to CSV and XLSX: one row per criterion, and a summary row per commune.

Every text cell that a spreadsheet could take for a formula (it starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) is written with a leading apostrophe, so that opening an export
never runs a formula (CSV/formula injection); in XLSX such cells are also stored as text.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

from cds_indicators._model.errors import InputError, Problem, require
from cds_indicators._model.framework import Kind
from cds_indicators._model.report import Report, Status, Verdict, completion_word, status_word
from cds_indicators._model.verdict import counted_value
from cds_indicators._words import Lang, words
from cds_indicators._words import format as _text
from cds_indicators._words.interface import t

__all__ = ["neutralise", "report_rows", "write_reports"]

_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | None


def neutralise(text: str) -> str:
    """``text`` made safe to open in a spreadsheet: a leading apostrophe when it could start a
    formula (``=``, ``+``, ``-``, ``@``, tab, carriage return)."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _value(verdict: Verdict, lang: Lang) -> str:
    value = verdict.value
    if value is None:
        return ""
    if verdict.count is not None:
        return counted_value(verdict.count, verdict.unit, lang)
    if isinstance(value, bool):
        return _text.yes_no(value, lang)
    threshold = verdict.target.threshold if verdict.target is not None else None
    if verdict.kind is Kind.RATE:
        return _text.percent(value, lang, apart_from=threshold)
    return _text.number(Fraction(value), 2, lang)


def _verdict_row(report: Report, verdict: Verdict, lang: Lang) -> list[Cell]:
    name = verdict.name if lang == "vi" or not verdict.name_en else verdict.name_en
    shortfall = verdict.shortfall
    return [
        report.commune, report.district, report.year, verdict.criterion, name,
        status_word(verdict.status, lang), verdict.status.value, _value(verdict, lang),
        None if verdict.counts is None else f"{verdict.counts[0]}/{verdict.counts[1]}",
        None if verdict.target is None else verdict.target.label,
        None if shortfall is None else _text.number(shortfall, 2, lang),
        verdict.needed, verdict.evidence,
    ]


def _summary_row(report: Report, lang: Lang) -> list[Cell]:
    tally = dict.fromkeys(Status, 0)
    for verdict in report:
        tally[verdict.status] += 1
    counted = ", ".join(f"{n} {status_word(s, lang)}" for s, n in tally.items() if n)
    return [
        report.commune, report.district, report.year, None, words(lang).EXPORT_SUMMARY,
        completion_word(report.completion, lang), report.completion.value, counted,
        None, None, None, None, None,
    ]


def report_rows(reports: Report | Iterable[Report], lang: Lang = "vi") -> list[list[Cell]]:
    """The header and the rows of an export, text neutralised: for each report its verdicts in
    the decision's order, then its summary row."""
    reports = [reports] if isinstance(reports, Report) else list(reports)
    rows: list[list[Cell]] = [[*words(lang).EXPORT_HEADERS, t("evidence_header", lang)]]
    for report in reports:
        rows.extend(_verdict_row(report, verdict, lang) for verdict in report)
        rows.append(_summary_row(report, lang))
    return [[neutralise(c) if isinstance(c, str) else c for c in row] for row in rows]


def write_reports(
    reports: Report | Iterable[Report], path: str | os.PathLike[str], *, lang: Lang = "vi"
) -> Path:
    """Write ``reports`` to ``path``, CSV or XLSX by its suffix, and return the path.

    CSV is UTF-8 with a byte-order mark (so that Excel shows Vietnamese correctly); XLSX needs
    the ``[excel]`` extra. Headers and words are in ``lang`` (``"vi"`` or ``"en"``).
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError(
            [Problem.of("unknown_export_format", source=str(target), suffix=suffix or "(none)")]
        )
    rows = report_rows(reports, lang)
    if suffix == ".csv":
        with target.open("w", encoding="utf-8-sig", newline="") as file:
            csv.writer(file).writerows(rows)
    else:
        _write_xlsx(rows, target)
    return target


def _write_xlsx(rows: list[list[Cell]], target: Path) -> None:
    openpyxl = require("openpyxl", "excel")
    workbook = openpyxl.Workbook()
    sheet: Any = workbook.active
    sheet.title = "Kết quả"
    bold = openpyxl.styles.Font(bold=True)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, never a formula
            if r == 1 or row[3] is None:
                cell.font = bold
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJKLM", (18, 14, 6, 11, 50, 16, 14, 12, 12, 16, 14, 10, 30),
                             strict=True):
        sheet.column_dimensions[letter].width = width
    workbook.save(target)
