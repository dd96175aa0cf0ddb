"""The words of a framework written as a spreadsheet (a plan an office fills in): the names of
its sheets, identity fields and columns, the words its drop-downs offer, its messages and the
``framework`` command's words, in both languages.

A header or field is matched folded (``fold_header``: NFC, case-folded, single spaces); the first
name of each entry is the one the template prints, Vietnamese first, and the others are accepted
too (English, the schema's own key).
"""

from __future__ import annotations

from typing import Final

#: The sheets of a plan workbook: the identity (``Khung``) and the criteria (``Chỉ tiêu``).
SHEETS: Final = {"identity": "Khung", "criteria": "Chỉ tiêu"}

#: The identity block: a row per field, the field's name in the first cell, its value after it.
#: ``pillar`` and ``level`` rows repeat (code, name, English name; name, minimum score).
FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "id": ("Mã khung", "id"),
    "title": ("Tên khung", "title"),
    "years": ("Các năm", "years"),
    "decision": ("Văn bản", "decision"),
    "issuer": ("Cơ quan ban hành", "issuer"),
    "issued": ("Ngày ban hành", "issued"),
    "province": ("Tỉnh", "province"),
    "source": ("Nguồn", "source"),
    "completion": ("Cách xét hoàn thành", "completion"),
    "share": ("Tỷ lệ chỉ tiêu cần đạt", "share"),
    "pass_score": ("Điểm đạt", "pass_score"),
    "schema_version": ("Phiên bản lược đồ", "schema_version"),
    "pillar": ("Trụ cột", "pillar"),
    "level": ("Mức", "level"),
}
#: Fields a framework cannot do without.
REQUIRED_FIELDS: Final = ("id", "title", "years")
#: The heading row of the identity block, which is not a field.
FIELD_HEADING: Final = ("Trường", "Giá trị", "Tên", "Tên tiếng Anh")
FIELD_HEADING_NAMES: Final = ("trường", "field")

#: The criteria table's columns, in the template's order. ``target`` and ``threshold`` are one
#: column per year (``Chỉ tiêu năm 2024``, ``Ngưỡng năm 2024``); a threshold, when given, is the
#: number the target's words demand (``70%`` for ``tối thiểu 70%``).
COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "id": ("Mã chỉ tiêu", "Mã", "id"),
    "pillar": ("Trụ cột", "pillar"),
    "name": ("Tên chỉ tiêu", "name"),
    "name_en": ("Tên tiếng Anh", "name_en"),
    "unit": ("Đơn vị tính", "unit"),
    "kind": ("Loại", "kind"),
    "comparison": ("So sánh", "comparison"),
    "target": ("Chỉ tiêu năm {year}", "target {year}", "{year}"),
    "threshold": ("Ngưỡng năm {year}", "threshold {year}"),
    "conditional": ("Có điều kiện", "conditional"),
    "mandatory": ("Bắt buộc", "mandatory"),
    "counted": ("Đếm số lượng", "counted"),
    "points": ("Điểm", "points"),
    "scoring": ("Cách chấm", "scoring"),
    "bands": ("Bậc điểm", "bands"),
    "partial": ("Ngưỡng đạt một phần", "partial"),
    "partial_share": ("Tỷ lệ điểm một phần", "partial_share"),
    "numerator": ("Tử số", "numerator"),
    "denominator": ("Mẫu số", "denominator"),
    "responsible": ("Đơn vị chủ trì", "responsible"),
    "note": ("STT", "Ghi chú", "note"),
}
#: Columns a criteria table cannot do without.
REQUIRED_COLUMNS: Final = ("id", "pillar", "name", "unit", "kind")

#: The words the drop-downs offer, by the schema's value they stand for.
KINDS: Final = {"rate": ("Tỷ lệ",), "count": ("Số lượng",), "yes_no": ("Có/Không",)}
COMPARISONS: Final = {
    "at_least": ("Tối thiểu",), "above": ("Trên",), "at_most": ("Tối đa",), "below": ("Dưới",),
}
SCORINGS: Final = {
    "all_or_nothing": ("Đạt thì đủ điểm",), "proportional": ("Theo tỷ lệ",),
    "bands": ("Theo bậc",), "partial": ("Đạt một phần",),
}
#: How a ``Bậc điểm`` cell writes the bands of a ``bands`` criterion: ``4: 20; 3: 15`` (from a
#: value of 4, 20 points; from 3, 15 points), or ``80%: 20; 50%: 10`` for a rate.
BAND_SEPARATOR: Final = ";"
BAND_POINTS: Final = ":"
#: Yes and no in a flag column (``Có điều kiện``, ``Bắt buộc``, ``Đếm số lượng``); an empty
#: cell is no.
FLAGS: Final = {True: ("Có", "x", "yes", "true"), False: ("Không", "no", "false")}

_VI: Final[dict[str, str]] = {
    "plan_no_table": "không có bảng chỉ tiêu: cần một dòng tiêu đề có cột {name}",
    "plan_two_tables": "có hơn một bảng chỉ tiêu (đã có ở trang {first})",
    "plan_missing_column": "bảng chỉ tiêu thiếu cột {name}",
    "plan_unknown_column": "cột {found!r} không có trong mẫu khung (có: {known})",
    "plan_duplicate_column": "cột {found!r} bị lặp",
    "plan_unknown_field": "{found!r} không phải một trường của khung (có: {known})",
    "plan_duplicate_field": "trường {found!r} bị lặp",
    "plan_missing_field": "thiếu trường {name}: một dòng '{name} | giá trị' trong phần khung",
    "plan_bad_flag": 'ô {found!r} phải là "Có" hoặc "Không" (để trống là Không)',
    "plan_bad_bands": (
        "ô {found!r} phải ghi các bậc điểm dạng 'từ: điểm', cách nhau bằng dấu chấm phẩy "
        "(ví dụ '4: 20; 3: 15; 2: 10; 1: 5')"
    ),
    "plan_bad_date": "ngày {found!r} không phải một ngày (ví dụ 2024-01-15)",
    "plan_bad_whole": "{found!r} không phải một số nguyên",
    "plan_threshold_without_target": "có ngưỡng {found!r} nhưng ô chỉ tiêu năm {year} để trống",
}
_EN: Final[dict[str, str]] = {
    "plan_no_table": "no criteria table: a header row with a {name} column is needed",
    "plan_two_tables": "more than one criteria table (the first is on sheet {first})",
    "plan_missing_column": "the criteria table has no {name} column",
    "plan_unknown_column": "column {found!r} is not in the framework template (known: {known})",
    "plan_duplicate_column": "column {found!r} is repeated",
    "plan_unknown_field": "{found!r} is not a field of the framework (known: {known})",
    "plan_duplicate_field": "field {found!r} is repeated",
    "plan_missing_field": "field {name} is missing: a row '{name} | value' in the identity block",
    "plan_bad_flag": 'cell {found!r} must be "Có" (yes) or "Không" (no; empty is no)',
    "plan_bad_bands": (
        "cell {found!r} must give the bands as 'from: points', separated by semicolons "
        "(e.g. '4: 20; 3: 15; 2: 10; 1: 5')"
    ),
    "plan_bad_date": "{found!r} is not a date (e.g. 2024-01-15)",
    "plan_bad_whole": "{found!r} is not a whole number",
    "plan_threshold_without_target": (
        "threshold {found!r} is given but the {year} target cell is empty"
    ),
}
MESSAGES: Final = {"vi": _VI, "en": _EN}

_TEXT_VI: Final[dict[str, str]] = {
    "framework_group_help": (
        "Khung chỉ tiêu viết trong bảng tính: ghi mẫu trống, chuyển bảng tính sang TOML và "
        "ngược lại."
    ),
    "framework_template_help": (
        "Ghi bảng tính khung trống (trang Khung và Chỉ tiêu, có danh sách chọn) để cơ quan điền "
        "kế hoạch của mình (cần gói [excel])."
    ),
    "framework_years_help": "Các năm của kế hoạch, ví dụ 2024 hoặc 2024,2025.",
    "framework_convert_help": (
        "Đọc khung SOURCE (bảng tính .xlsx/.csv, tệp .toml hoặc tên khung có sẵn) và ghi ra "
        "-o: .toml, .xlsx hoặc .csv. Mọi lỗi được báo cùng lúc, kèm trang, dòng và cột."
    ),
    "framework_output_help": "Tệp sẽ ghi (.toml, .xlsx hoặc .csv).",
    "framework_bad_output": "không ghi được khung ra {name}: cần đuôi {suffixes}",
    "framework_bad_years": "--years {value!r} không phải danh sách năm (ví dụ 2024,2025)",
}
_TEXT_EN: Final[dict[str, str]] = {
    "framework_group_help": (
        "Frameworks written in a spreadsheet: write the empty template, convert a spreadsheet to "
        "TOML and back."
    ),
    "framework_template_help": (
        "Write the empty framework workbook (sheets Khung and Chỉ tiêu, with drop-downs) for an "
        "office to fill in its plan (needs the [excel] extra)."
    ),
    "framework_years_help": "The plan's years, e.g. 2024 or 2024,2025.",
    "framework_convert_help": (
        "Read the framework SOURCE (an .xlsx/.csv spreadsheet, a .toml file or a shipped name) and "
        "write it to -o: .toml, .xlsx or .csv. Every mistake is reported at once, with its sheet, "
        "row and column."
    ),
    "framework_output_help": "The file to write (.toml, .xlsx or .csv).",
    "framework_bad_output": "cannot write a framework to {name}: the suffix must be {suffixes}",
    "framework_bad_years": "--years {value!r} is not a list of years (e.g. 2024,2025)",
}
TEXT: Final = {"vi": _TEXT_VI, "en": _TEXT_EN}
