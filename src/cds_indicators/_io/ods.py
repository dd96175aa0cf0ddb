"""Reading .ods workbooks (LibreOffice's own format) into tables, with no extra dependency.

An .ods file is a zip archive whose ``content.xml`` holds every sheet; it is read in one
streaming pass (the standard library's ``iterparse``, each row dropped once read), checked first
as an .xlsx is: a zip archive unpacking to no more than
:data:`~cds_indicators._io.xlsx.MAX_UNPACKED_BYTES`, each sheet's used range within
:data:`~cds_indicators._io.sheets.MAX_CELLS`.

An ODS cell says what it holds: ``office:value-type="percentage"`` with ``office:value="0.575"``
is 57.5 % — the percent rule of .xlsx without having to interpret a number format — and a number
whose shown text ends in ``%`` without being a percentage (a literal percent sign in its format)
is read as shown, as in .xlsx (:func:`~cds_indicators._io.xlsx.shown_number`). A formula with no
saved value is refused with its place, as in .xlsx; one whose saved result is the empty text is
an empty cell.
"""

from __future__ import annotations

import functools
import re
import zipfile
from pathlib import Path
from typing import Any, Final
from xml.etree.ElementTree import Element, ParseError, iterparse

from cds_indicators._io.cells import Table
from cds_indicators._io.sheets import SheetGrid, pick
from cds_indicators._io.xlsx import MAX_UNPACKED_BYTES, shown_number
from cds_indicators._model.errors import InputError, Problem
from cds_indicators._words.format import column_letter

__all__ = ["read_ods"]

_TABLE: Final = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE: Final = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT: Final = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ROW: Final = f"{{{_TABLE}}}table-row"
_SHEET: Final = f"{{{_TABLE}}}table"
_CELLS: Final = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
_NUMBER: Final = re.compile(r"[+-]?\d+")


@functools.cache
def _key(space: str, name: str) -> str:
    return f"{{{space}}}{name}"


def _attr(element: Element, space: str, name: str) -> str | None:
    return element.get(_key(space, name))


def _inline(node: Element) -> str:
    """The text of a paragraph's node: its own text, its children's, ``text:s`` as spaces."""
    if node.tag == f"{{{_TEXT}}}s":
        own = " " * int(_attr(node, _TEXT, "c") or 1)
    elif node.tag == f"{{{_TEXT}}}tab":
        own = "\t"
    else:
        own = node.text or ""
    return own + "".join(_inline(child) + (child.tail or "") for child in node)


def _text(cell: Element) -> str:
    return "\n".join(_inline(p) for p in cell.iter(f"{{{_TEXT}}}p"))


def _number(text: str) -> int | float:
    return int(text) if _NUMBER.fullmatch(text) else float(text)


def _value(cell: Element) -> Any:
    """What the cell holds, as an .xlsx cell of the same content reads."""
    kind = _attr(cell, _OFFICE, "value-type")
    if kind in ("float", "currency", "percentage"):
        number = _number(_attr(cell, _OFFICE, "value") or "0")
        if kind == "percentage":
            return shown_number(number, "0%")
        if _text(cell).rstrip().endswith("%"):
            return shown_number(number, '0"%"')
        return number
    if kind == "boolean":
        return _attr(cell, _OFFICE, "boolean-value") == "true"
    if kind in ("date", "time"):
        return _text(cell) or _attr(cell, _OFFICE, f"{kind}-value")
    text = _text(cell)
    return text or (_attr(cell, _OFFICE, "string-value") or None)


def _empty_result(cell: Element) -> bool:
    """Whether a formula cell holds a saved result that is the empty text (``=IF(A1="";"";…)``):
    LibreOffice saves it as an empty paragraph (``<text:p/>``) with no value type, and a type
    ``string`` with no text says the same. A formula never computed has neither."""
    return (_attr(cell, _OFFICE, "value-type") == "string"
            or cell.find(f"{{{_TEXT}}}p") is not None)


class _Sheet:
    def __init__(self, name: str, source: str) -> None:
        self.name, self.source = name, source
        self.grid = SheetGrid()
        self.number = 0
        self.problems: list[Problem] = []
        self.done = False

    def problem(self, code: str, **fields: Any) -> None:
        self.problems.append(Problem.of(code, source=self.source, sheet=self.name, **fields))
        self.done = True

    def row(self, element: Element) -> None:
        repeat = int(_attr(element, _TABLE, "number-rows-repeated") or 1)
        cells: dict[int, Any] = {}
        column = 0
        for cell in element:
            if cell.tag not in _CELLS:
                continue
            times = int(_attr(cell, _TABLE, "number-columns-repeated") or 1)
            value = _value(cell) if cell.tag == _CELLS[0] else None
            formula = _attr(cell, _TABLE, "formula")
            if value is None and formula is not None and not _empty_result(cell):
                self.problem("xlsx_formula_without_value", value=formula.partition(":")[2]
                             or formula, row=self.number + 1,
                             column=column_letter(column))
                return
            if value is not None:
                for _ in range(times):
                    column += 1
                    cells[column] = value
            else:
                column += times
        if not cells:
            self.number += repeat  # empty rows, however many are repeated
            return
        for _ in range(repeat):
            self.number += 1
            refusal = self.grid.add(self.number, dict(cells), len(cells))
            if refusal is not None:
                self.problem(**refusal)
                return


def read_ods(path: Path, source: str, names: tuple[str, ...] = ()) -> list[Table]:
    """Every sheet of the .ods workbook at ``path`` (or those named ``names``) as a table."""
    if not zipfile.is_zipfile(path):
        raise InputError([Problem.of("not_ods", source=source)])
    sheets: list[_Sheet] = []
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_UNPACKED_BYTES:
                raise InputError([Problem.of("xlsx_too_large", source=source, size=unpacked,
                                             limit=MAX_UNPACKED_BYTES)])
            with archive.open("content.xml") as content:
                sheet: _Sheet | None = None
                for event, element in iterparse(content, events=("start", "end")):
                    if element.tag == _SHEET and event == "start":
                        sheet = _Sheet(_attr(element, _TABLE, "name") or "", source)
                        sheets.append(sheet)
                    elif element.tag == _ROW and event == "end" and sheet is not None:
                        if not sheet.done:
                            sheet.row(element)
                        element.clear()
    except InputError:
        raise
    except (zipfile.BadZipFile, KeyError, ParseError, OSError, ValueError) as exc:
        detail = str(exc) or type(exc).__name__
        raise InputError([Problem.of("spreadsheet_unreadable", source=source, kind=".ods",
                                     detail=detail)]) from None
    chosen = pick(sheets, names, source, lambda s: s.name)
    problems = [p for s in chosen for p in s.problems]
    if problems:
        raise InputError(problems)
    return [Table(rows=s.grid.grid(), source=source, sheet=s.name) for s in chosen]
