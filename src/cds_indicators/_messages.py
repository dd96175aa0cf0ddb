"""Every message a refusal can carry, in Vietnamese and English.

A problem is recorded with a code and its parameters; both languages are rendered from this table,
so the command line can speak either and tests can name the exact text.
"""

from __future__ import annotations

from typing import Any

__all__ = ["LANGUAGES", "render"]

LANGUAGES = ("vi", "en")

_MESSAGES: dict[str, tuple[str, str]] = {
    # values
    "bool_for_rate": (
        "chỉ tiêu {criterion}: {value!r} là giá trị đúng/sai, không phải một tỷ lệ",
        "criterion {criterion}: {value!r} is a yes/no value, not a rate",
    ),
    "number_for_yes_no": (
        "chỉ tiêu {criterion}: {value!r} là một số, chỉ tiêu này cần Có/Không",
        "criterion {criterion}: {value!r} is a number; this criterion takes yes/no (Có/Không)",
    ),
    "rate_out_of_range": (
        "chỉ tiêu {criterion}: {value!r} nằm ngoài khoảng 0–100%",
        "criterion {criterion}: {value!r} is outside 0–100%",
    ),
    "bool_for_count": (
        "chỉ tiêu {criterion}: {value!r} là giá trị đúng/sai, không phải một số lượng",
        "criterion {criterion}: {value!r} is a yes/no value, not a count",
    ),
    "bad_count": (
        "chỉ tiêu {criterion}: {value!r} không phải một số lượng (số nguyên không âm, ví dụ 2)",
        "criterion {criterion}: {value!r} is not a count (a non-negative whole number, e.g. 2)",
    ),
    "not_finite": (
        "chỉ tiêu {criterion}: {value!r} không phải một số hữu hạn",
        "criterion {criterion}: {value!r} is not a finite number",
    ),
    "bad_rate_text": (
        "chỉ tiêu {criterion}: không đọc được {value!r} là một tỷ lệ "
        "(ví dụ: 80, 80%, 57,5%, 19/33)",
        "criterion {criterion}: cannot read {value!r} as a rate (e.g. 80, 80%, 57,5%, 19/33)",
    ),
    "bad_yes_no_text": (
        "chỉ tiêu {criterion}: không đọc được {value!r} là Có/Không{labels}",
        "criterion {criterion}: cannot read {value!r} as yes/no (Có/Không){labels}",
    ),
    "unsupported_type": (
        "chỉ tiêu {criterion}: không dùng được giá trị kiểu {type} ({value!r})",
        "criterion {criterion}: values of type {type} are not accepted ({value!r})",
    ),
    "count_not_whole": (
        "chỉ tiêu {criterion}: {which} {count!r} không phải số nguyên không âm",
        "criterion {criterion}: the {which_en} {count!r} is not a non-negative whole number",
    ),
    "denominator_not_positive": (
        "chỉ tiêu {criterion}: mẫu số {count!r} phải lớn hơn 0",
        "criterion {criterion}: the denominator {count!r} must be greater than 0",
    ),
    "numerator_above_denominator": (
        "chỉ tiêu {criterion}: tử số {numerator} lớn hơn mẫu số {denominator}",
        "criterion {criterion}: the numerator {numerator} is greater than the denominator "
        "{denominator}",
    ),
    "bad_ratio_mapping": (
        "chỉ tiêu {criterion}: {value!r} cần đúng hai khóa numerator và denominator",
        "criterion {criterion}: {value!r} needs exactly the keys numerator and denominator",
    ),
    "not_conditional": (
        "chỉ tiêu {criterion} không có \u201c(nếu có)\u201d nên không thể khai báo không áp dụng",
        "criterion {criterion} is not conditional (\u201cnếu có\u201d) and cannot be declared "
        "not applicable",
    ),
    "wrong_dimension": (
        "chỉ tiêu {criterion}: {value!r} có đơn vị {units}, một tỷ lệ không có thứ nguyên",
        "criterion {criterion}: {value!r} is in {units}; a rate is dimensionless",
    ),
    "wrong_count_units": (
        "chỉ tiêu {criterion}: {numerator_units} chia cho {denominator_units} không phải một tỷ lệ"
        " cùng loại",
        "criterion {criterion}: {numerator_units} over {denominator_units} is not a rate of "
        "like counts",
    ),
    "unexpected_count_units": (
        "chỉ tiêu {criterion}: tỷ lệ này đếm {expected}, không phải {units}",
        "criterion {criterion}: this rate counts {expected}, not {units}",
    ),
    "unknown_criterion": (
        "không có chỉ tiêu {criterion!r} trong khung {framework}",
        "there is no criterion {criterion!r} in framework {framework}",
    ),
    "values_not_mapping": (
        "giá trị phải là một bảng mã chỉ tiêu → giá trị, không phải {value!r}",
        "values must map criterion ids to values, not {value!r}",
    ),
    "criterion_id_not_text": (
        "mã chỉ tiêu phải là chuỗi ký tự, không phải {value!r}",
        "criterion ids are strings, not {value!r}",
    ),
    # input files
    "file_too_large": (
        "tệp quá lớn ({size} byte; giới hạn {limit} byte)",
        "the file is too large ({size} bytes; the limit is {limit} bytes)",
    ),
    "not_utf8": (
        "tệp không phải văn bản UTF-8 (hãy lưu lại với mã hóa UTF-8)",
        "the file is not UTF-8 text (save it again as UTF-8)",
    ),
    "json_syntax": ("không đọc được JSON: {detail}", "not valid JSON: {detail}"),
    "unknown_format": (
        "không biết đọc tệp đuôi {suffix} (dùng .toml, .json, .csv hoặc .xlsx)",
        "cannot read files ending in {suffix} (use .toml, .json, .csv or .xlsx)",
    ),
    "not_a_table": ("cần một bảng khóa = giá trị", "expected a table of keys and values"),
    "unknown_keys": ("khóa không được dùng: {keys}", "unknown keys: {keys}"),
    "missing_commune": ("thiếu tên xã (commune)", "the commune's name is missing (commune)"),
    "bad_field": ("giá trị không hợp lệ: {value!r}", "invalid value: {value!r}"),
    "missing_year": (
        "thiếu năm đánh giá (year trong tệp hoặc --year)",
        "the year is missing (year in the file, or --year)",
    ),
    "year_not_in_framework": (
        "năm {value!r} không thuộc khung {framework} (các năm có chỉ tiêu: {years})",
        "the year {value!r} is not in framework {framework} (years with targets: {years})",
    ),
    # framework files
    "toml_syntax": ("không đọc được TOML: {detail}", "not valid TOML: {detail}"),
    "file_unreadable": ("không đọc được tệp: {detail}", "cannot read the file: {detail}"),
    "schema": ("sai cấu trúc: {detail}", "invalid structure: {detail}"),
    "schema_version": (
        "schema_version {found!r} không được hỗ trợ (hỗ trợ: {supported})",
        "schema_version {found!r} is not supported (supported: {supported})",
    ),
    "empty_text": ("{key} không được để trống", "{key} must not be empty"),
    "bad_years": (
        "years phải là danh sách năm tăng dần, không trùng, không rỗng: {years!r}",
        "years must be a non-empty list of increasing years without repeats: {years!r}",
    ),
    "unknown_completion": (
        "cách xét hoàn thành {found!r} không có (có: {known})",
        "unknown completion policy {found!r} (known: {known})",
    ),
    "bad_code": (
        "mã {found!r} chỉ gồm chữ thường, chữ số và \"_\", bắt đầu bằng chữ",
        "code {found!r} must be lower-case letters, digits and \"_\", starting with a letter",
    ),
    "duplicate": ("{what} {found!r} bị trùng", "duplicate {what} {found!r}"),
    "unknown_pillar": (
        "chỉ tiêu {criterion} thuộc nhóm {found!r} không có trong pillars",
        "criterion {criterion} is in pillar {found!r}, which is not in pillars",
    ),
    "unknown_kind": (
        "chỉ tiêu {criterion}: loại {found!r} không có (có: {known})",
        "criterion {criterion}: unknown kind {found!r} (known: {known})",
    ),
    "counts_not_rate": (
        "chỉ tiêu {criterion}: counts chỉ dành cho chỉ tiêu tỷ lệ",
        "criterion {criterion}: counts are only for rate criteria",
    ),
    "target_year": (
        "chỉ tiêu {criterion}: có chỉ tiêu cho năm {year}, khung chỉ có các năm {years}",
        "criterion {criterion}: a target for {year}, but the framework's years are {years}",
    ),
    "missing_target": (
        "chỉ tiêu {criterion}: thiếu ô năm {year} (ghi \"*\" nếu không có chỉ tiêu)",
        "criterion {criterion}: no cell for {year} (write \"*\" for no target)",
    ),
    "empty_label": (
        "chỉ tiêu {criterion}: chỉ tiêu định tính cần một nhãn (ví dụ \"Có\")",
        "criterion {criterion}: a qualitative target needs a label (e.g. \"Có\")",
    ),
    "bad_percent_cell": (
        "chỉ tiêu {criterion}: ô {found!r} không phải tỷ lệ phần trăm (ví dụ \"80%\") hay \"*\"",
        "criterion {criterion}: cell {found!r} is not a percentage (e.g. \"80%\") or \"*\"",
    ),
    "percent_cell_range": (
        "chỉ tiêu {criterion}: ngưỡng {found!r} nằm ngoài 0–100%",
        "criterion {criterion}: threshold {found!r} is outside 0–100%",
    ),
    # framework files, schema_version 2
    "needs_version": (
        "{key} cần schema_version = {version}",
        "{key} needs schema_version = {version}",
    ),
    "policy_key_missing": (
        "cách xét hoàn thành {policy!r} cần khóa {key}",
        "completion policy {policy!r} needs the key {key}",
    ),
    "policy_key_unused": (
        "{key} chỉ dùng với cách xét hoàn thành {policy!r}",
        "{key} is only used with completion policy {policy!r}",
    ),
    "bad_share": (
        "share {found!r} không phải tỷ lệ phần trăm (ví dụ \"80%\")",
        "share {found!r} is not a percentage (e.g. \"80%\")",
    ),
    "share_range": (
        "share {found!r} nằm ngoài 0–100%",
        "share {found!r} is outside 0–100%",
    ),
    "bad_points": (
        "điểm {found!r} không phải một số không âm (số điểm tối đa phải lớn hơn 0)",
        "points {found!r} is not a non-negative number (a maximum must be above 0)",
    ),
    "levels_order": (
        "mức {name!r}: các mức xếp từ cao xuống thấp, min_score phải giảm dần",
        "level {name!r}: levels go from the highest down; min_score must decrease",
    ),
    "comparison_yes_no": (
        "chỉ tiêu {criterion}: chỉ tiêu Có/Không không có comparison",
        "criterion {criterion}: a yes/no criterion takes no comparison",
    ),
    "unknown_comparison": (
        "chỉ tiêu {criterion}: so sánh {found!r} không có (có: {known})",
        "criterion {criterion}: unknown comparison {found!r} (known: {known})",
    ),
    "points_missing": (
        "chỉ tiêu {criterion}: khung chấm điểm cần điểm tối đa (points)",
        "criterion {criterion}: a points framework needs its maximum (points)",
    ),
    "unknown_scoring": (
        "chỉ tiêu {criterion}: cách chấm {found!r} không có (có: {known})",
        "criterion {criterion}: unknown scoring {found!r} (known: {known})",
    ),
    "proportional_needs_at_least": (
        "chỉ tiêu {criterion}: chấm theo tỷ lệ chỉ dùng cho tỷ lệ hoặc số lượng \"at_least\"",
        "criterion {criterion}: proportional scoring is only for at_least rates and counts",
    ),
    "bad_cell_table": (
        "chỉ tiêu {criterion}: ô dạng {{ threshold, label }} chỉ dùng cho tỷ lệ và số lượng",
        "criterion {criterion}: a {{ threshold, label }} cell is only for rates and counts",
    ),
    "bad_count_cell": (
        "chỉ tiêu {criterion}: ô {found!r} không phải số nguyên không âm (ví dụ \"2\") hay \"*\"",
        "criterion {criterion}: cell {found!r} is not a whole number (e.g. \"2\") or \"*\"",
    ),
}


def render(code: str, **params: Any) -> tuple[str, str]:
    """The message ``code`` in Vietnamese and in English."""
    vi, en = _MESSAGES[code]
    return vi.format(**params), en.format(**params)
