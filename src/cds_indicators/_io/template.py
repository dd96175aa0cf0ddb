"""The XLSX entry template a commune fills in (needs the ``[excel]`` extra, openpyxl).

One sheet per commune: a title, the commune, district and year above the table, then one row per
criterion with its id, pillar, name, unit, the year's target and the responsible office (locked),
and the cells to fill in: the value, or the numerator and denominator of a rate, and a note
(``Ghi chú``). Under the table, the signature area (``Người lập biểu``, ``Thủ trưởng đơn vị``).
The sheet is the shape :func:`load_values` reads — the notes column and the signature area are
not read, by design — so a filled template goes straight to :func:`evaluate`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from cds_indicators._model.errors import require
from cds_indicators._model.framework import Criterion, Framework, Kind
from cds_indicators._words import Lang
from cds_indicators._words.headers import TEMPLATE_COLUMNS, TEMPLATE_WORDS
from cds_indicators._words.interface import t

__all__ = ["HEADER_ROW", "write_template"]

#: The spreadsheet row of the table's header; the criteria follow it.
HEADER_ROW: Final = 8
#: The template's columns (the words of the header vocabulary) and their widths.
_HEADERS: Final = tuple(zip(TEMPLATE_COLUMNS, (11, 16, 60, 13, 16, 26, 14, 11, 11, 30, 30),
                            strict=True))
_VALUE_COL, _NUM_COL, _DEN_COL, _EVIDENCE_COL, _NOTES_COL = 7, 8, 9, 10, 11
#: The columns of the signature area under the table (titles: ``TEMPLATE_WORDS``).
_SIGNATURE_COLUMNS: Final = (2, 6)
_INPUT_FILL: Final = "FFFFFF"
_LOCKED_FILL: Final = "DDEBF7"
_UNUSED_FILL: Final = "808080"
_NO_TARGET_FILL: Final = "D9D9D9"
_BAD_SHEET_CHARS: Final = re.compile(r"[\[\]:*?/\\]")

Commune = str | tuple[str, str | None]


def _sheet_titles(names: list[str]) -> list[str]:
    """Valid, distinct sheet titles (31 characters, none of ``[]:*?/\\``) for the communes."""
    titles: list[str] = []
    for name in names:
        base = _BAD_SHEET_CHARS.sub(" ", name).strip().strip("'")[:31] or "Xã"
        title, number = base, 2
        while title.casefold() in (t.casefold() for t in titles):
            suffix = f" ({number})"
            title, number = base[: 31 - len(suffix)] + suffix, number + 1
        titles.append(title)
    return titles


def _text_cell(sheet: Any, row: int, col: int, text: str | None) -> Any:
    """A cell holding ``text`` as text, never as a formula (a name may start with ``=``)."""
    cell = sheet.cell(row=row, column=col)
    if text is not None:
        cell.value = text
        cell.data_type = "s"
    return cell


class _Sheet:
    """Writes one commune's sheet."""

    def __init__(self, openpyxl: Any, sheet: Any, framework: Framework, year: int,
                 lang: Lang = "vi") -> None:
        self.lang = lang
        self.words = TEMPLATE_WORDS[lang]
        self.xl = openpyxl
        self.sheet = sheet
        self.framework = framework
        self.year = year
        styles = openpyxl.styles
        self.unlocked = styles.Protection(locked=False)
        self.fills = {
            key: styles.PatternFill("solid", start_color=color, end_color=color)
            for key, color in (("input", _INPUT_FILL), ("locked", _LOCKED_FILL),
                               ("unused", _UNUSED_FILL), ("no_target", _NO_TARGET_FILL))
        }
        side = styles.Side(style="thin", color="A6A6A6")
        self.border = styles.Border(left=side, right=side, top=side, bottom=side)
        self.bold = styles.Font(bold=True)
        self.wrap = styles.Alignment(wrap_text=True, vertical="top")
        from openpyxl.worksheet.datavalidation import DataValidation as validation
        def said(key: str) -> str:
            return t(f"template_{key}", lang)

        self.yes_no = validation(type="list", formula1=f'"{said("yes_no")}"', allow_blank=True,
                                 showErrorMessage=True, errorTitle=said("yes_no_title"),
                                 error=said("yes_no_error"))
        self.yes_no_na = validation(type="list", formula1=f'"{said("yes_no_na")}"',
                                    allow_blank=True, showErrorMessage=True,
                                    errorTitle=said("yes_no_title"),
                                    error=said("yes_no_na_error"))
        self.rate = validation(type="decimal", operator="between", formula1="0", formula2="100",
                               allow_blank=True, showErrorMessage=True,
                               errorTitle=said("rate_title"), error=said("rate_error"))
        self.whole = validation(type="whole", operator="greaterThanOrEqual", formula1="0",
                                allow_blank=True, showErrorMessage=True,
                                errorTitle=said("whole_title"), error=said("whole_error"))
        # A counted criterion takes Có/Không or a count: the list is a suggestion, not a bar.
        self.counted = validation(type="list", formula1=f'"{said("yes_no")}"', allow_blank=True,
                                  showErrorMessage=True, errorStyle="information",
                                  errorTitle=said("counted_title"), error=said("counted_error"))
        for found in (self.yes_no, self.yes_no_na, self.rate, self.whole, self.counted):
            sheet.add_data_validation(found)

    def info(self, row: int, label: str, value: str | int | None, *, editable: bool) -> None:
        self.sheet.cell(row=row, column=1, value=label).font = self.bold
        cell = _text_cell(self.sheet, row, 2, value) if isinstance(value, str | None) else (
            self.sheet.cell(row=row, column=2, value=value))
        cell.border = self.border
        cell.fill = self.fills["input" if editable else "locked"]
        if editable:
            cell.protection = self.unlocked

    def write(self, commune: str | None, district: str | None) -> None:
        sheet = self.sheet
        title = t("template_title", self.lang, year=self.year, framework=self.framework)
        sheet.cell(row=1, column=1, value=title).font = self.xl.styles.Font(bold=True, size=13)
        sheet.cell(row=2, column=1, value=t("template_hint", self.lang, year=self.year))
        fields = self.words["fields"]
        self.info(4, fields["commune"], commune, editable=commune is None)
        self.info(5, fields["district"], district, editable=district is None)
        self.info(6, fields["year"], self.year, editable=False)
        for col, ((_, width), header) in enumerate(
                zip(_HEADERS, self.words["columns"], strict=True), start=1):
            cell = sheet.cell(row=HEADER_ROW, column=col, value=header.format(year=self.year))
            cell.font = self.bold
            cell.fill = self.fills["locked"]
            cell.border = self.border
            cell.alignment = self.wrap
            sheet.column_dimensions[self.xl.utils.get_column_letter(col)].width = width
        sheet.row_dimensions[HEADER_ROW].height = 30
        row = HEADER_ROW
        for row, criterion in enumerate(self.framework, start=HEADER_ROW + 1):
            self.criterion_row(row, criterion)
        self.signatures(row + 2)
        sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=2)
        # Printed on landscape pages, the whole width on each page.
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        sheet.protection.sheet = True
        sheet.protection.formatCells = False
        sheet.protection.formatColumns = False

    def signatures(self, row: int) -> None:
        """The signature area, which reading ignores by design (``is_signature``)."""
        for col, title in zip(_SIGNATURE_COLUMNS, self.words["signatures"], strict=True):
            self.sheet.cell(row=row, column=col, value=title).font = self.bold
            self.sheet.cell(row=row + 1, column=col, value=t("template_sign_hint", self.lang))

    def criterion_row(self, row: int, criterion: Criterion) -> None:
        target = criterion.targets.get(self.year)
        group = self.framework.pillar(criterion.pillar)
        english = self.lang == "en"
        pillar = group.name_en or group.name if english else group.name
        name = criterion.name_en or criterion.name if english else criterion.name
        shown = (criterion.id, pillar, name, criterion.unit,
                 "*" if target is None else target.label, criterion.responsible)
        # Wrapped text needs a row tall enough for it; spreadsheets do not all size rows.
        lines = max(
            -(-len(text) // max(int(width) - 2, 1))
            for text, (_, width) in zip(shown, _HEADERS, strict=False)
        )
        self.sheet.row_dimensions[row].height = 15 * max(lines, 1)
        for col, text in enumerate(shown, start=1):
            cell = _text_cell(self.sheet, row, col, text)
            cell.border = self.border
            cell.alignment = self.wrap
            cell.fill = self.fills["locked" if target is not None else "no_target"]
        rate = criterion.kind is Kind.RATE
        for col in (_VALUE_COL, _NUM_COL, _DEN_COL, _EVIDENCE_COL):
            cell = self.sheet.cell(row=row, column=col)
            cell.border = self.border
            used = col in (_VALUE_COL, _EVIDENCE_COL) or rate
            if col == _EVIDENCE_COL and used:
                cell.protection = self.unlocked
                cell.fill = self.fills["input" if target is not None else "no_target"]
                continue
            if not used:
                cell.fill = self.fills["unused"]
                continue
            cell.protection = self.unlocked
            cell.fill = self.fills["input" if target is not None else "no_target"]
            self.validation(criterion, col).add(cell.coordinate)
        notes = self.sheet.cell(row=row, column=_NOTES_COL)
        notes.border, notes.alignment = self.border, self.wrap
        notes.protection = self.unlocked
        notes.fill = self.fills["input"]

    def validation(self, criterion: Criterion, col: int) -> Any:
        if criterion.counted:
            return self.counted
        if criterion.kind is Kind.YES_NO:
            return self.yes_no_na if criterion.conditional else self.yes_no
        if criterion.kind is Kind.RATE and col == _VALUE_COL:
            return self.rate
        return self.whole  # counts: a numerator, a denominator, or a criterion that counts


def write_template(
    path: str | os.PathLike[str],
    year: int,
    *,
    framework: Framework | None = None,
    communes: Iterable[Commune] = (),
    lang: Lang = "vi",
) -> Path:
    """Write the XLSX entry template for ``year`` to ``path`` and return the path.

    ``communes`` are names, or (name, district) pairs: one sheet each, with the name (and
    district) filled in and locked. Without communes, one sheet with the name left to fill in.
    A filled template is read back by :func:`load_values`. ``lang="en"`` writes the words of
    the sheet (headers, labels, instructions, pillar and criterion names) in English; it reads
    back the same.
    """
    from cds_indicators._frameworks.registry import framework_or_default
    openpyxl = require("openpyxl", "excel")

    framework = framework_or_default(framework)
    year = framework.check_year(year)
    entries = [(c, None) if isinstance(c, str) else (c[0], c[1]) for c in communes]
    workbook = openpyxl.Workbook()
    if not entries:
        workbook.active.title = t("template_sheet", lang)
        _Sheet(openpyxl, workbook.active, framework, year, lang).write(None, None)
    else:
        workbook.remove(workbook.active)
        for (name, district), title in zip(
            entries, _sheet_titles([name for name, _ in entries]), strict=True
        ):
            sheet = workbook.create_sheet(title)
            _Sheet(openpyxl, sheet, framework, year, lang).write(name, district)
    target = Path(path)
    workbook.save(target)
    return target
