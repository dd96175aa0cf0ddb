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
    "framework_not_loaded": (
        "framework phải là một khung đã nạp, không phải {value!r} "
        "(dùng load_framework({value!r}))",
        "framework must be a loaded framework, not {value!r} (use load_framework({value!r}))",
    ),
    "name_not_text": (
        "{field_vi} ({field}) phải là chuỗi ký tự, không phải {value!r}",
        "the {field} name must be a string, not {value!r}",
    ),
    "criterion_id_not_text": (
        "mã chỉ tiêu phải là chuỗi ký tự, không phải {value!r}",
        "criterion ids are strings, not {value!r}",
    ),
    # tables of many communes (evaluate_frame), merging, schedules
    "frame_not_a_table": (
        "không đọc được bảng kiểu {type} (dùng pandas, polars hoặc pyarrow)",
        "cannot read a table of type {type} (use pandas, polars or pyarrow)",
    ),
    "frame_missing_column": ("bảng thiếu cột {name!r}", "the table has no column {name!r}"),
    "frame_unknown_column": (
        "cột {name!r} không phải chỉ tiêu nào của khung {framework}",
        "column {name!r} is not a criterion of framework {framework}",
    ),
    "frame_duplicate_column": (
        "bảng có {count} cột cùng tên {name!r}; mỗi cột cần một tên riêng",
        "the table has {count} columns named {name!r}; each column needs its own name",
    ),
    "frame_column_not_text": (
        "tên cột phải là chuỗi ký tự, không phải {value!r} (ví dụ: \"2.5\", không phải 2.5)",
        "column names must be strings, not {value!r} (e.g. \"2.5\", not 2.5)",
    ),
    "frame_unpaired_counts": (
        "chỉ tiêu {criterion}: cột {name!r} cần đi cùng cột {other!r}",
        "criterion {criterion}: column {name!r} needs the column {other!r} beside it",
    ),
    "frame_both_forms": (
        "chỉ tiêu {criterion}: có cả cột tỷ lệ và cột tử số/mẫu số; chỉ dùng một cách",
        "criterion {criterion}: given both as a rate column and as count columns; use one",
    ),
    "frame_bad_year": (
        "năm {value!r} không thuộc khung {framework} (các năm có chỉ tiêu: {years})",
        "year {value!r} is not in framework {framework} (years with targets: {years})",
    ),
    "merge_no_parts": ("không có xã nào để sáp nhập", "there are no communes to merge"),
    "merge_parts_type": (
        "cần danh sách các xã (Record hoặc bảng mã chỉ tiêu → giá trị) hoặc bảng tên xã → giá trị, "
        "không phải {type} ({value!r})",
        "expected a list of parts (Records or mappings of criterion id → value) or a mapping of "
        "commune name → values, not {type} ({value!r})",
    ),
    "merge_part_type": (
        "{part}: không phải Record hay bảng mã chỉ tiêu → giá trị: {value!r}",
        "{part}: neither a Record nor a mapping of criterion id → value: {value!r}",
    ),
    "merge_part_name": (
        "tên xã phải là chuỗi ký tự, không phải {value!r}",
        "a commune's name is a string, not {value!r}",
    ),
    "merge_duplicate_part": ("xã {value!r} có mặt hai lần", "commune {value!r} is given twice"),
    "merge_bad_into": (
        "tên xã sau sáp nhập (into) phải là chuỗi ký tự không rỗng, không phải {value!r}",
        "the merged commune's name (into) must be a non-empty string, not {value!r}",
    ),
    "merge_percent_only": (
        "chỉ tiêu {criterion}: {value!r} chỉ là tỷ lệ phần trăm, không cộng được chính xác; "
        "hãy nhập tử số/mẫu số hoặc truyền weights (mẫu số) của xã này",
        "criterion {criterion}: {value!r} is only a percentage and cannot be merged exactly; "
        "give counts (numerator/denominator) or pass this commune's weights (its denominator)",
    ),
    "merge_weights_type": (
        "weights phải là bảng tên xã → mẫu số, không phải {value!r}",
        "weights must map commune names to denominators, not {value!r}",
    ),
    "merge_bad_weight": (
        "weights: trọng số (mẫu số) {value!r} của {commune} phải là số nguyên dương",
        "weights: the weight (denominator) {value!r} of {commune} must be a positive whole number",
    ),
    "merge_bad_weight_of": (
        "weights: chỉ tiêu {criterion} của {commune}: trọng số (mẫu số) {value!r} phải là số "
        "nguyên dương",
        "weights: criterion {criterion} of {commune}: the weight (denominator) {value!r} must be "
        "a positive whole number",
    ),
    "merge_weight_unknown_part": (
        "weights: {value!r} không phải xã nào được sáp nhập ({parts})",
        "weights: {value!r} is not one of the merged communes ({parts})",
    ),
    "merge_weight_unknown_criterion": (
        "weights: không có chỉ tiêu {criterion!r} (của {commune}) trong khung {framework}",
        "weights: there is no criterion {criterion!r} (of {commune}) in framework {framework}",
    ),
    "merge_weight_not_rate": (
        "weights: chỉ tiêu {criterion} của {commune} không phải tỷ lệ; trọng số chỉ dùng cho "
        "tỷ lệ",
        "weights: criterion {criterion} of {commune} is not a rate; weights are for rates only",
    ),
    "merge_weight_conflict": (
        "chỉ tiêu {criterion}: trọng số {value!r} khác mẫu số {denominator} đã nhập",
        "criterion {criterion}: the weight {value!r} differs from the denominator {denominator} "
        "given",
    ),
    "merge_years_differ": (
        "các xã sáp nhập có số liệu của những năm khác nhau: {parts}",
        "the merged communes' values are for different years: {parts}",
    ),
    "merge_bad_policy": (
        "cách gộp Có/Không {value!r} không có (dùng \"all\" hoặc \"any\")",
        "unknown yes/no merge rule {value!r} (use \"all\" or \"any\")",
    ),
    "merge_bad_missing": (
        "cách xử lý giá trị thiếu {value!r} không có (dùng \"propagate\" hoặc \"skip\")",
        "unknown rule for missing values {value!r} (use \"propagate\" or \"skip\")",
    ),
    "schedule_bad_year": (
        "năm phải hoàn thành {value!r} không phải một năm",
        "the year to complete by, {value!r}, is not a year",
    ),
    "schedule_bad_commune": (
        "tên xã {value!r} không hợp lệ", "the commune's name {value!r} is not valid",
    ),
    "schedule_duplicate": (
        "xã {value!r} được giao năm hai lần", "commune {value!r} is assigned a year twice",
    ),
    "schedule_columns": (
        "tệp lịch cần các cột commune và year (có: {found})",
        "a schedule file needs the columns commune and year (found: {found})",
    ),
    "summary_not_report": (
        "{value!r} không phải một báo cáo (Report) của evaluate()",
        "{value!r} is not a Report from evaluate()",
    ),
    "summary_frameworks_differ": (
        "các báo cáo thuộc nhiều khung tiêu chí ({frameworks}); chỉ tổng hợp được một khung",
        "the reports come from several frameworks ({frameworks}); a summary takes one",
    ),
    "summary_duplicate": (
        "xã {value!r} năm {year} đã có ở {first}",
        "commune {value!r} in {year} already appears at {first}",
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
    # input files: many communes, CSV and XLSX tables (load_values)
    "xlsx_formula_without_value": (
        "công thức {value} chưa có giá trị đã tính; hãy mở tệp bằng Excel hoặc LibreOffice rồi "
        "lưu lại",
        "the formula {value} has no computed value saved; open the file in Excel or LibreOffice "
        "and save it again",
    ),
    "not_xlsx": (
        "tệp không phải bảng tính .xlsx (không phải tệp zip; tệp .xls cũ hãy lưu lại thành .xlsx)",
        "the file is not an .xlsx workbook (not a zip archive; save an old .xls file as .xlsx)",
    ),
    "xlsx_unreadable": ("không đọc được bảng tính: {detail}", "cannot read the workbook: {detail}"),
    "xlsx_too_large": (
        "bảng tính giải nén ra quá lớn ({size} byte; giới hạn {limit} byte)",
        "the workbook unpacks to too much data ({size} bytes; the limit is {limit} bytes)",
    ),
    "csv_syntax": ("không đọc được CSV: {detail}", "not valid CSV: {detail}"),
    "not_a_list": ("cần một danh sách", "expected a list"),
    "no_records": ("tệp không có số liệu của xã nào", "the file holds no commune's values"),
    "no_header": (
        "không thấy dòng tiêu đề của bảng (Xã, Năm, mã chỉ tiêu, …)",
        "no header row found (commune, year, criterion ids, …)",
    ),
    "missing_column": ("bảng thiếu cột {column_vi}", "the table has no column {column_en}"),
    "unknown_column": (
        "cột {header!r} không phải cột đã biết (Xã, Huyện, Năm, …) và không có chỉ tiêu "
        "{header!r} trong khung {framework}",
        "column {header!r} is not a known column (commune, district, year, …) and framework "
        "{framework} has no criterion {header!r}",
    ),
    "duplicate_column": (
        "cột {header!r} trùng với cột {first}", "column {header!r} repeats column {first}",
    ),
    "criterion_column_in_long_table": (
        "bảng có cột Mã chỉ tiêu (mỗi dòng một chỉ tiêu) nên không thể có thêm cột chỉ tiêu "
        "{criterion}",
        "a table with a criterion column (one row per criterion) cannot also have a column for "
        "criterion {criterion}",
    ),
    "ambiguous_criterion_number": (
        "ô số {value!r} có thể là chỉ tiêu {first} hoặc {second}; hãy ghi mã chỉ tiêu dạng văn "
        "bản (ví dụ '1.10)",
        "the number {value!r} may be criterion {first} or {second}; write criterion ids as text "
        "(e.g. '1.10)",
    ),
    "extra_cell": (
        "ô {value!r} nằm ngoài các cột có tiêu đề",
        "the cell {value!r} is outside the titled columns",
    ),
    "bad_year": (
        "{value!r} không phải một năm (ví dụ 2024)", "{value!r} is not a year (e.g. 2024)",
    ),
    "duplicate_commune_year": (
        "{who} năm {year} đã có ở {first}", "{who} in {year} already appears at {first_en}",
    ),
    "duplicate_value": (
        "chỉ tiêu {criterion} của {who} năm {year} đã có giá trị ở dòng {first}",
        "criterion {criterion} of {who} in {year} already has a value at row {first}",
    ),
    "missing_criterion_id": ("thiếu mã chỉ tiêu", "the criterion id is missing"),
    "value_and_counts": (
        "chỉ tiêu {criterion}: ghi Giá trị hoặc Tử số và Mẫu số, không ghi cả hai",
        "criterion {criterion}: give a value or a numerator and denominator, not both",
    ),
    "half_counts": (
        "chỉ tiêu {criterion}: có {present} nhưng thiếu {absent}",
        "criterion {criterion}: the {present_en} is given but not the {absent_en}",
    ),
    "unknown_export_format": (
        "không biết ghi tệp đuôi {suffix} (dùng .csv hoặc .xlsx)",
        "cannot write files ending in {suffix} (use .csv or .xlsx)",
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
    # -- the number policy, tables and records ----------------------------------------------
    "number_too_long": (
        "chỉ tiêu {criterion}: {value!r} có quá {digits} chữ số có nghĩa, hoặc lớn hơn "
        "10^{exponent} hay nhỏ hơn 10^-{exponent}",
        "criterion {criterion}: {value!r} has more than {digits} significant digits, or is "
        "above 10^{exponent} or below 10^-{exponent}",
    ),
}


def render(code: str, **params: Any) -> tuple[str, str]:
    """The message ``code`` in Vietnamese and in English."""
    vi, en = _MESSAGES[code]
    return vi.format(**params), en.format(**params)
