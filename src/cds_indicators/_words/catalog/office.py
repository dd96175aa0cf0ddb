"""The words of office workbooks (sheets, .ods and .xls files, exported tables), in both
languages."""

from __future__ import annotations

from typing import Final

#: The one hint for a missing extra, while the package is not on PyPI: install from the source
#: folder or from a built wheel (``{wheel}``: :data:`cds_indicators._words.install.WHEEL`).
_VI: Final[dict[str, str]] = {
    "missing_extra": (
        '{module} chưa được cài đặt: cần gói bổ sung [{extra}] (trong thư mục mã nguồn: '
        'python -m pip install ".[{extra}]"; từ tệp wheel đã dựng: python -m pip install '
        '"{wheel}[{extra}]")'
    ),
    # workbooks: which sheets are read
    "sheet_skipped": (
        "trang {sheet_name!r} không có số liệu chỉ tiêu (không có cột Xã, Mã chỉ tiêu hay cột "
        "mã chỉ tiêu nào): đã bỏ qua"
    ),
    "unknown_sheet": "bảng tính không có trang {value!r} (có: {known})",
    # workbooks: cells the file writes in a way that would lose data
    "sheet_rows_out_of_order": (
        "dòng {number} được ghi sau dòng {previous}: tệp ghi các dòng sai thứ tự, không đọc để "
        "khỏi mất số liệu; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại"
    ),
    "sheet_cell_twice": (
        "ô {cell} được ghi hai lần trong tệp, không đọc để khỏi mất số liệu; hãy mở tệp "
        "bằng Excel hoặc LibreOffice rồi lưu lại"
    ),
    "sheet_too_large": (
        "vùng dữ liệu của trang quá lớn (tới {rows} dòng × {columns} cột; giới hạn {limit} ô)"
    ),
    "spreadsheet_unreadable": "không đọc được bảng tính {kind}: {detail}",
    # tables: the lines above the header, the signature area below the table
    "above_header_conflict": (
        "cột {label}: {value!r} khác với {given!r} ghi ở dòng {first} phía trên tiêu đề: dòng "
        "này không được đọc"
    ),
    "row_after_signature": (
        "dòng này có số liệu của {value!r} nhưng nằm dưới phần chữ ký (từ dòng {first}), phần "
        "không được đọc: hãy chuyển dòng lên trên phần chữ ký"
    ),
    "not_ods": "tệp không phải bảng tính .ods (không phải tệp zip)",
    # files the system cannot open, and empty files
    "file_missing": "không có tệp này (hãy kiểm tra tên tệp và thư mục)",
    "file_denied": "không có quyền đọc tệp này",
    "file_empty": "tệp rỗng: không có số liệu nào",
}

_EN: Final[dict[str, str]] = {
    "missing_extra": (
        '{module} is not installed: it needs the [{extra}] extra (in the source folder: '
        'python -m pip install ".[{extra}]"; from a built wheel: python -m pip install '
        '"{wheel}[{extra}]")'
    ),
    "sheet_skipped": (
        "sheet {sheet_name!r} holds no criterion data (no commune, criterion or criterion-id "
        "column): skipped"
    ),
    "unknown_sheet": "the workbook has no sheet {value!r} (it has: {known})",
    "sheet_rows_out_of_order": (
        "row {number} is written after row {previous}: the file writes its rows out of order and "
        "is not read, so that no data is lost; open the file in Excel or LibreOffice and save it "
        "again"
    ),
    "sheet_cell_twice": (
        "cell {cell} is written twice in the file and is not read, so that no data is "
        "lost; open the file in Excel or LibreOffice and save it again"
    ),
    "sheet_too_large": (
        "the sheet's used range is too large (up to {rows} rows × {columns} columns; the limit "
        "is {limit} cells)"
    ),
    "spreadsheet_unreadable": "cannot read the {kind} workbook: {detail}",
    "above_header_conflict": (
        "column {label}: {value!r} differs from {given!r}, given on row {first} above the "
        "header: the row is not read"
    ),
    "row_after_signature": (
        "this row holds values of {value!r} but is below the signature area (from row "
        "{first}), which is not read: move the row above the signature area"
    ),
    "not_ods": "the file is not an .ods workbook (not a zip file)",
    "file_missing": "there is no such file (check the file name and the folder)",
    "file_denied": "permission denied: the file cannot be read",
    "file_empty": "the file is empty: it holds no values",
}

MESSAGES: Final = {"vi": _VI, "en": _EN}

TEXT: Final = {
    "vi": {
        "sheet_help": (
            "Chỉ đọc trang TÊN của bảng tính (.xlsx, .ods, .xls); nhắc lại để đọc nhiều trang. "
            "Không có: đọc mọi trang, bỏ qua (có báo) trang không có số liệu chỉ tiêu."
        ),
        "notice": "Lưu ý",
        "sheet_metavar": "TÊN",
        "pillar_metavar": "NHÓM",
        "template_title": "PHIẾU NHẬP SỐ LIỆU CHUYỂN ĐỔI SỐ CẤP XÃ NĂM {year} — {framework}",
        "template_hint": (
            "Nhập vào ô trắng: Giá trị (tỷ lệ %, Có/Không hoặc số lượng), hoặc Tử số và Mẫu số "
            "của tỷ lệ; Minh chứng: số, ngày văn bản hay báo cáo. "
            "Dòng xám: năm {year} không có chỉ tiêu. Ô trống: chưa có số liệu."
        ),
        "template_sheet": "Phiếu nhập",
        "template_sign_hint": "(Ký, ghi rõ họ tên)",
        "template_yes_no": "Có,Không",
        "template_yes_no_na": "Có,Không,không áp dụng",
        "template_yes_no_title": "Có/Không",
        "template_yes_no_error": "Chọn Có hoặc Không.",
        "template_yes_no_na_error": "Chọn Có, Không hoặc không áp dụng.",
        "template_rate_title": "Tỷ lệ (%)",
        "template_rate_error": "Nhập một tỷ lệ từ 0 đến 100 (ví dụ 82 hoặc 57,5).",
        "template_whole_title": "Số nguyên",
        "template_whole_error": "Nhập một số nguyên không âm.",
        "template_counted_title": "Có/Không hoặc số lượng",
        "template_counted_error": "Có/Không, hoặc số lượng (số nguyên, 0 là Không).",
        "kind_rate": "tỷ lệ",
        "kind_count": "số lượng",
        "kind_yes_no": "Có/Không",
    },
    "en": {
        "sheet_help": (
            "Read only the sheet NAME of a workbook (.xlsx, .ods, .xls); repeat it for several. "
            "Without it: every sheet, skipping (with a notice) sheets with no criterion data."
        ),
        "notice": "Note",
        "sheet_metavar": "NAME",
        "pillar_metavar": "PILLAR",
        "template_title": "COMMUNE DIGITAL TRANSFORMATION DATA ENTRY FORM {year} — {framework}",
        "template_hint": (
            "Fill in the white cells: Value (a rate in %, Yes/No or a count), or the Numerator "
            "and Denominator of a rate; Evidence: the number and date of a decision or report. "
            "Grey rows: no target in {year}. Empty cell: no value yet."
        ),
        "template_sheet": "Entry form",
        "template_sign_hint": "(signature and full name)",
        "template_yes_no": "Yes,No",
        "template_yes_no_na": "Yes,No,không áp dụng",
        "template_yes_no_title": "Yes/No",
        "template_yes_no_error": "Choose Yes or No.",
        "template_yes_no_na_error": "Choose Yes, No or không áp dụng (not applicable).",
        "template_rate_title": "Rate (%)",
        "template_rate_error": "Type a rate from 0 to 100 (for example 82 or 57.5).",
        "template_whole_title": "Whole number",
        "template_whole_error": "Type a whole number, 0 or more.",
        "template_counted_title": "Yes/No or a count",
        "template_counted_error": "Yes/No, or a count (a whole number; 0 means no).",
        "kind_rate": "rate",
        "kind_count": "count",
        "kind_yes_no": "yes/no",
    },
}
