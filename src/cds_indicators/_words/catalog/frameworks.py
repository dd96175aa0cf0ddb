"""The messages of framework files (``load_framework``), in both languages."""

from __future__ import annotations

from typing import Final

_VI: Final[dict[str, str]] = {
    # framework files
    "toml_syntax": "không đọc được TOML: {detail}",
    "file_unreadable": "không đọc được tệp: {detail}",
    "schema": "sai cấu trúc: {detail}",
    "schema_version": "schema_version {found!r} không được hỗ trợ (hỗ trợ: {supported})",
    "empty_text": "{key} không được để trống",
    "bad_years": "years phải là danh sách năm tăng dần, không trùng, không rỗng: {years!r}",
    "unknown_completion": "cách xét hoàn thành {found!r} không có (có: {known})",
    "bad_code": 'mã {found!r} chỉ gồm chữ thường, chữ số và "_", bắt đầu bằng chữ',
    "duplicate": "{what} {found!r} bị trùng",
    "unknown_pillar": "chỉ tiêu {criterion} thuộc nhóm {found!r} không có trong pillars",
    "unknown_kind": "chỉ tiêu {criterion}: loại {found!r} không có (có: {known})",
    "counts_not_rate": "chỉ tiêu {criterion}: counts chỉ dành cho chỉ tiêu tỷ lệ",
    "target_year": "chỉ tiêu {criterion}: có chỉ tiêu cho năm {year}, khung chỉ có các năm {years}",
    "missing_target": 'chỉ tiêu {criterion}: thiếu ô năm {year} (ghi "*" nếu không có chỉ tiêu)',
    "empty_label": 'chỉ tiêu {criterion}: chỉ tiêu định tính cần một nhãn (ví dụ "Có")',
    "bad_percent_cell": (
        'chỉ tiêu {criterion}: ô {found!r} không phải tỷ lệ phần trăm (ví dụ "80%") hay "*"'
    ),
    "percent_cell_range": "chỉ tiêu {criterion}: ngưỡng {found!r} nằm ngoài 0–100%",
    # framework files, schema_version 2
    "needs_version": "{key} cần schema_version = {version}",
    "policy_key_missing": "cách xét hoàn thành {policy!r} cần khóa {key}",
    "policy_key_unused": "{key} chỉ dùng với cách xét hoàn thành {policy!r}",
    "bad_share": 'share {found!r} không phải tỷ lệ phần trăm (ví dụ "80%")',
    "share_range": "share {found!r} nằm ngoài 0–100%",
    "bad_points": "điểm {found!r} không phải một số không âm (số điểm tối đa phải lớn hơn 0)",
    "levels_order": "mức {name!r}: các mức xếp từ cao xuống thấp, min_score phải giảm dần",
    "comparison_yes_no": "chỉ tiêu {criterion}: chỉ tiêu Có/Không không có comparison",
    "unknown_comparison": "chỉ tiêu {criterion}: so sánh {found!r} không có (có: {known})",
    "points_missing": "chỉ tiêu {criterion}: khung chấm điểm cần điểm tối đa (points)",
    "unknown_scoring": "chỉ tiêu {criterion}: cách chấm {found!r} không có (có: {known})",
    "proportional_needs_at_least": (
        'chỉ tiêu {criterion}: chấm theo tỷ lệ chỉ dùng cho tỷ lệ hoặc số lượng "at_least" '
        'hay "above"'
    ),
    "bad_cell_table": (
        "chỉ tiêu {criterion}: ô dạng {{ threshold, label }} chỉ dùng cho tỷ lệ và số lượng"
    ),
    "bad_count_cell": (
        'chỉ tiêu {criterion}: ô {found!r} không phải số nguyên không âm (ví dụ "2") hay "*"'
    ),
    "number_too_long": (
        "chỉ tiêu {criterion}: {value!r} có quá {digits} chữ số có nghĩa, hoặc lớn hơn "
        "10^{exponent} hay nhỏ hơn 10^-{exponent}"
    ),
}

_EN: Final[dict[str, str]] = {
    # framework files
    "toml_syntax": "not valid TOML: {detail}",
    "file_unreadable": "cannot read the file: {detail}",
    "schema": "invalid structure: {detail}",
    "schema_version": "schema_version {found!r} is not supported (supported: {supported})",
    "empty_text": "{key} must not be empty",
    "bad_years": "years must be a non-empty list of increasing years without repeats: {years!r}",
    "unknown_completion": "unknown completion policy {found!r} (known: {known})",
    "bad_code": (
        'code {found!r} must be lower-case letters, digits and "_", starting with a letter'
    ),
    "duplicate": "duplicate {what} {found!r}",
    "unknown_pillar": "criterion {criterion} is in pillar {found!r}, which is not in pillars",
    "unknown_kind": "criterion {criterion}: unknown kind {found!r} (known: {known})",
    "counts_not_rate": "criterion {criterion}: counts are only for rate criteria",
    "target_year": (
        "criterion {criterion}: a target for {year}, but the framework's years are {years}"
    ),
    "missing_target": 'criterion {criterion}: no cell for {year} (write "*" for no target)',
    "empty_label": 'criterion {criterion}: a qualitative target needs a label (e.g. "Có")',
    "bad_percent_cell": (
        'criterion {criterion}: cell {found!r} is not a percentage (e.g. "80%") or "*"'
    ),
    "percent_cell_range": "criterion {criterion}: threshold {found!r} is outside 0–100%",
    # framework files, schema_version 2
    "needs_version": "{key} needs schema_version = {version}",
    "policy_key_missing": "completion policy {policy!r} needs the key {key}",
    "policy_key_unused": "{key} is only used with completion policy {policy!r}",
    "bad_share": 'share {found!r} is not a percentage (e.g. "80%")',
    "share_range": "share {found!r} is outside 0–100%",
    "bad_points": "points {found!r} is not a non-negative number (a maximum must be above 0)",
    "levels_order": "level {name!r}: levels go from the highest down; min_score must decrease",
    "comparison_yes_no": "criterion {criterion}: a yes/no criterion takes no comparison",
    "unknown_comparison": "criterion {criterion}: unknown comparison {found!r} (known: {known})",
    "points_missing": "criterion {criterion}: a points framework needs its maximum (points)",
    "unknown_scoring": "criterion {criterion}: unknown scoring {found!r} (known: {known})",
    "proportional_needs_at_least": (
        "criterion {criterion}: proportional scoring is only for at_least or above rates and counts"
    ),
    "bad_cell_table": (
        "criterion {criterion}: a {{ threshold, label }} cell is only for rates and counts"
    ),
    "bad_count_cell": (
        'criterion {criterion}: cell {found!r} is not a whole number (e.g. "2") or "*"'
    ),
    "number_too_long": (
        "criterion {criterion}: {value!r} has more than {digits} significant digits, or is above "
        "10^{exponent} or below 10^-{exponent}"
    ),
}

MESSAGES: Final = {"vi": _VI, "en": _EN}
