"""A workbook whose first sheet holds exactly the cells a test writes as raw XML, as a
spreadsheet program (or a hostile one) saves them: made by openpyxl, then its sheet replaced."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path


def xlsx_with_sheet(tmp_path: Path, sheet_data: str, name: str = "hostile.xlsx") -> Path:
    """An .xlsx whose first sheet, named ``Số liệu``, has ``sheet_data`` (``<row>`` elements)
    for its cells and no stated used range."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.title = "Số liệu"
    made = tmp_path / "made.xlsx"
    workbook.save(made)
    path = tmp_path / name
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"<sheetData\s*/>|<sheetData>.*</sheetData>",
                              f"<sheetData>{sheet_data}</sheetData>".encode(), data, flags=re.S)
                data = re.sub(rb"<dimension[^>]*/>", b"", data)
            target.writestr(info, data)
    return path
