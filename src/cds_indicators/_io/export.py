"""Reports out to CSV and XLSX: one row per criterion, and a summary row per commune.

Every text cell that a spreadsheet could take for a formula (it starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) is written with a leading apostrophe, so that opening an export
never runs a formula (CSV/formula injection). In XLSX a text cell is stored as text, as written
(no apostrophe), and values and shortfalls are numbers with a percent or count format
(:mod:`cds_indicators._io.sheetstyle`).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

from cds_indicators._io.sheetstyle import (
    COUNT_FORMAT,
    PERCENT_FORMAT,
    Shown,
    TableSheet,
    write_tables,
)
from cds_indicators._model.errors import InputError, Problem, require
from cds_indicators._model.framework import Kind
from cds_indicators._model.report import Report, Status, Verdict, completion_word, status_word
from cds_indicators._model.verdict import counted_value
from cds_indicators._words import Lang, words
from cds_indicators._words import format as _text
from cds_indicators._words.headers import OUTPUT_SHEETS
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


def _number(verdict: Verdict, lang: Lang) -> Any:
    """The value as a spreadsheet number (a rate as its fraction, shown as a percentage)."""
    value = verdict.value
    if value is None or isinstance(value, bool):
        return _value(verdict, lang)
    if verdict.kind is Kind.RATE:
        return Shown(Fraction(value) / 100, PERCENT_FORMAT)
    return Shown(Fraction(value), COUNT_FORMAT)


def _verdict_row(report: Report, verdict: Verdict, lang: Lang,
                 numbers: bool = False) -> list[Any]:
    name = verdict.name if lang == "vi" or not verdict.name_en else verdict.name_en
    shortfall = verdict.shortfall
    if numbers:
        value: Any = _number(verdict, lang)
        short: Any = None if shortfall is None else Shown(shortfall, COUNT_FORMAT)
    else:
        value = _value(verdict, lang)
        short = None if shortfall is None else _text.number(shortfall, 2, lang)
    return [
        report.commune, report.district, report.year, verdict.criterion, name,
        status_word(verdict.status, lang), verdict.status.value, value,
        None if verdict.counts is None else f"{verdict.counts[0]}/{verdict.counts[1]}",
        None if verdict.target is None else verdict.target.label,
        short, verdict.needed, verdict.evidence,
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
    header, rows = _rows(reports, lang)
    return [[neutralise(c) if isinstance(c, str) else c for c in row]
            for row in [list(header), *rows]]


def _rows(reports: list[Report], lang: Lang,
          numbers: bool = False) -> tuple[tuple[str, ...], list[list[Any]]]:
    """The export's header and rows: each report's verdicts in the decision's order, then its
    summary row; a column of the commune's code after the commune when some report has one."""
    coded = any(report.code is not None for report in reports)
    rows: list[list[Any]] = []
    for report in reports:
        found = [_verdict_row(report, verdict, lang, numbers) for verdict in report]
        found.append(_summary_row(report, lang))
        if coded:
            for row in found:
                row.insert(1, report.code)
        rows.extend(found)
    header = _headers(lang)
    return ((*header[:1], t("code_header", lang), *header[1:]) if coded else header), rows


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
    if suffix == ".csv":
        with target.open("w", encoding="utf-8-sig", newline="") as file:
            csv.writer(file).writerows(report_rows(reports, lang))
    else:
        _write_xlsx(reports, lang, target)
    return target


def _write_xlsx(reports: Report | Iterable[Report], lang: Lang, target: Path) -> None:
    """The export as a workbook: values and shortfalls as numbers, text stored as text."""
    require("openpyxl", "excel")
    reports = [reports] if isinstance(reports, Report) else list(reports)
    header, rows = _rows(reports, lang, numbers=True)
    write_tables(target, [TableSheet(OUTPUT_SHEETS[lang]["reports"], header, rows)])


def _headers(lang: Lang) -> tuple[str, ...]:
    """The export's columns in ``lang``, the same in CSV and XLSX."""
    return (*words(lang).EXPORT_HEADERS, t("evidence_header", lang))
