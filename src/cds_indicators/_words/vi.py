"""Every word the library says in Vietnamese.

:mod:`cds_indicators._words.en` holds the same keys with the same ``{placeholders}``; the
functions of :mod:`cds_indicators._words` pick the table of the language asked for.
"""

from __future__ import annotations

from typing import Final

from cds_indicators._words.catalog import collect

#: The problems an input can have, by code (rendered by ``messages.render``).
MESSAGES: Final[dict[str, str]] = {
    # values
    "bool_for_rate": "chỉ tiêu {criterion}: {value!r} là giá trị đúng/sai, không phải một tỷ lệ",
    "rate_out_of_range": "chỉ tiêu {criterion}: {value!r} nằm ngoài khoảng 0–100%",
    "bool_for_count": (
        "chỉ tiêu {criterion}: {value!r} là giá trị đúng/sai, không phải một số lượng"
    ),
    "bad_count": (
        "chỉ tiêu {criterion}: {value!r} không phải một số lượng (số nguyên không âm, ví dụ 2)"
    ),
    "not_finite": "chỉ tiêu {criterion}: {value!r} không phải một số hữu hạn",
    "bad_rate_text": (
        "chỉ tiêu {criterion}: không đọc được {value!r} là một tỷ lệ (ví dụ: 80, 80%, 57,5%, 19/33)"
    ),
    "bad_yes_no_text": "chỉ tiêu {criterion}: không đọc được {value!r} là Có/Không{labels}",
    "unsupported_type": "chỉ tiêu {criterion}: không dùng được giá trị kiểu {type} ({value!r})",
    "count_not_whole": "chỉ tiêu {criterion}: {which} {count!r} không phải số nguyên không âm",
    "denominator_not_positive": "chỉ tiêu {criterion}: mẫu số {count!r} phải lớn hơn 0",
    "numerator_above_denominator": (
        "chỉ tiêu {criterion}: tử số {numerator} lớn hơn mẫu số {denominator}"
    ),
    "bad_ratio_mapping": (
        "chỉ tiêu {criterion}: {value!r} cần đúng hai khóa numerator và denominator"
    ),
    "not_conditional": (
        "chỉ tiêu {criterion} không có “(nếu có)” nên không thể khai báo không áp dụng"
    ),
    "wrong_dimension": (
        "chỉ tiêu {criterion}: {value!r} có đơn vị {units}, một tỷ lệ không có thứ nguyên"
    ),
    "wrong_count_units": (
        "chỉ tiêu {criterion}: {numerator_units} chia cho {denominator_units} không phải một tỷ lệ "
        "cùng loại"
    ),
    "unexpected_count_units": "chỉ tiêu {criterion}: tỷ lệ này đếm {expected}, không phải {units}",
    "unknown_criterion": "không có chỉ tiêu {criterion!r} trong khung {framework}",
    "no_such_criterion": "không có chỉ tiêu {criterion!r}",
    "year_without_targets": (
        "năm {value!r} không thuộc khung tiêu chí (các năm có chỉ tiêu: {years})"
    ),
    "values_not_mapping": "giá trị phải là một bảng mã chỉ tiêu → giá trị, không phải {value!r}",
    "framework_not_loaded": (
        "framework phải là một khung đã nạp, không phải {value!r} (dùng load_framework({value!r}))"
    ),
    "name_not_text": "{field_vi} ({field}) phải là chuỗi ký tự, không phải {value!r}",
    "criterion_id_not_text": "mã chỉ tiêu phải là chuỗi ký tự, không phải {value!r}",
    # tables of many communes (evaluate_frame), merging, schedules
    "frame_not_a_table": "không đọc được bảng kiểu {type} (dùng pandas, polars hoặc pyarrow)",
    "frame_missing_column": (
        "bảng thiếu cột {name!r} (tên cột được nhận, không phân biệt hoa thường: {accepted})"
    ),
    "frame_same_role": (
        "cột {first!r} và cột {name!r} đều là cột {role_vi} ({role_en}); chỉ giữ một cột"
    ),
    "frame_unknown_column": "cột {name!r} không phải chỉ tiêu nào của khung {framework}",
    "frame_duplicate_column": "bảng có {count} cột cùng tên {name!r}; mỗi cột cần một tên riêng",
    "frame_column_not_text": (
        "tên cột phải là chuỗi ký tự, không phải {value!r} (ví dụ: \"2.5\", không phải 2.5)"
    ),
    "frame_unpaired_counts": "chỉ tiêu {criterion}: cột {name!r} cần đi cùng cột {other!r}",
    "frame_both_forms": (
        "chỉ tiêu {criterion}: có cả cột tỷ lệ và cột tử số/mẫu số; chỉ dùng một cách"
    ),
    "frame_bad_year": "năm {value!r} không thuộc khung {framework} (các năm có chỉ tiêu: {years})",
    "merge_no_parts": "không có xã nào để sáp nhập",
    "merge_parts_type": (
        "cần danh sách các xã (Record hoặc bảng mã chỉ tiêu → giá trị) hoặc bảng tên xã → giá trị, "
        "không phải {type} ({value!r})"
    ),
    "merge_part_type": "{part}: không phải Record hay bảng mã chỉ tiêu → giá trị: {value!r}",
    "merge_part_name": "tên xã phải là chuỗi ký tự, không phải {value!r}",
    "merge_duplicate_part": "xã {value!r} có mặt hai lần",
    "merge_bad_into": (
        "tên xã sau sáp nhập (into) phải là chuỗi ký tự không rỗng, không phải {value!r}"
    ),
    "merge_percent_only": (
        "chỉ tiêu {criterion}: {value!r} chỉ là tỷ lệ phần trăm, không cộng được chính xác; hãy "
        "nhập tử số/mẫu số hoặc truyền weights (mẫu số) của xã này"
    ),
    "merge_weights_type": "weights phải là bảng tên xã → mẫu số, không phải {value!r}",
    "merge_bad_weight": (
        "weights: trọng số (mẫu số) {value!r} của {commune} phải là số nguyên dương"
    ),
    "merge_bad_weight_of": (
        "weights: chỉ tiêu {criterion} của {commune}: trọng số (mẫu số) {value!r} phải là số "
        "nguyên dương"
    ),
    "merge_weight_unknown_part": "weights: {value!r} không phải xã nào được sáp nhập ({parts})",
    "merge_weight_unknown_criterion": (
        "weights: không có chỉ tiêu {criterion!r} (của {commune}) trong khung {framework}"
    ),
    "merge_weight_not_rate": (
        "weights: chỉ tiêu {criterion} của {commune} không phải tỷ lệ; trọng số chỉ dùng cho tỷ lệ"
    ),
    "merge_weight_conflict": (
        "chỉ tiêu {criterion}: trọng số {value!r} khác mẫu số {denominator} đã nhập"
    ),
    "merge_years_differ": "các xã sáp nhập có số liệu của những năm khác nhau: {parts}",
    "merge_bad_policy": "cách gộp Có/Không {value!r} không có (dùng \"all\" hoặc \"any\")",
    "merge_bad_missing": (
        "cách xử lý giá trị thiếu {value!r} không có (dùng \"propagate\" hoặc \"skip\")"
    ),
    "schedule_bad_year": "năm phải hoàn thành {value!r} không phải một năm",
    "schedule_bad_commune": "tên xã {value!r} không hợp lệ",
    "schedule_duplicate": "xã {value!r} được giao năm hai lần",
    "schedule_columns": "tệp lịch cần các cột commune và year (có: {found})",
    "summary_not_report": "{value!r} không phải một báo cáo (Report) của evaluate()",
    "summary_frameworks_differ": (
        "các báo cáo thuộc nhiều khung tiêu chí ({frameworks}); chỉ tổng hợp được một khung"
    ),
    "summary_duplicate": "xã {value!r} năm {year} đã có ở {first}",
    # input files
    "file_too_large": "tệp quá lớn ({size} byte; giới hạn {limit} byte)",
    "not_utf8": "tệp không phải văn bản UTF-8 (hãy lưu lại với mã hóa UTF-8)",
    "json_syntax": "không đọc được JSON: {detail}",
    "unknown_format": (
        "không biết đọc tệp đuôi {suffix} (dùng .toml, .json, .csv, .xlsx, .ods hoặc .xls)"
    ),
    "not_a_table": "cần một bảng khóa = giá trị",
    "unknown_keys": "khóa không được dùng: {keys}",
    "missing_commune": "thiếu tên xã (commune)",
    "bad_field": "giá trị không hợp lệ: {value!r}",
    "missing_year": "thiếu năm đánh giá (year trong tệp hoặc --year)",
    "year_not_in_framework": (
        "năm {value!r} không thuộc khung {framework} (các năm có chỉ tiêu: {years})"
    ),
    # input files: many communes, CSV and XLSX tables (load_values)
    "xlsx_formula_without_value": (
        "công thức {value} chưa có giá trị đã tính; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu "
        "lại"
    ),
    "not_xlsx": (
        "tệp không phải bảng tính .xlsx (không phải tệp zip; tệp .xls cũ hãy lưu lại thành .xlsx)"
    ),
    "xlsx_unreadable": "không đọc được bảng tính: {detail}",
    "xlsx_too_large": "bảng tính giải nén ra quá lớn ({size} byte; giới hạn {limit} byte)",
    "csv_syntax": "không đọc được CSV: {detail}",
    "not_a_list": "cần một danh sách",
    "no_records": "tệp không có số liệu của xã nào",
    "no_header": "không thấy dòng tiêu đề của bảng (Xã, Năm, mã chỉ tiêu, …)",
    "missing_column": "bảng thiếu cột {column_vi}",
    "unknown_column": (
        "cột {header!r} không phải cột đã biết (Xã, Huyện, Năm, …) và không có chỉ tiêu {header!r} "
        "trong khung {framework}"
    ),
    "duplicate_column": "cột {header!r} trùng với cột {first}",
    "criterion_column_in_long_table": (
        "bảng có cột Mã chỉ tiêu (mỗi dòng một chỉ tiêu) nên không thể có thêm cột chỉ tiêu "
        "{criterion}"
    ),
    "ambiguous_criterion_number": (
        "ô số {value!r} có thể là chỉ tiêu {first} hoặc {second}; hãy ghi mã chỉ tiêu dạng văn bản "
        "(ví dụ '1.10)"
    ),
    "extra_cell": "ô {value!r} nằm ngoài các cột có tiêu đề",
    "bad_year": "{value!r} không phải một năm (ví dụ 2024)",
    "duplicate_commune_year": "{who} năm {year} đã có ở {first}",
    "duplicate_value": "chỉ tiêu {criterion} của {who} năm {year} đã có giá trị ở dòng {first}",
    "missing_criterion_id": "thiếu mã chỉ tiêu",
    "value_and_counts": "chỉ tiêu {criterion}: ghi Giá trị hoặc Tử số và Mẫu số, không ghi cả hai",
    "half_counts": "chỉ tiêu {criterion}: có {present} nhưng thiếu {absent}",
    "unknown_export_format": "không biết ghi tệp đuôi {suffix} (dùng .csv hoặc .xlsx)",
    # the areas' words (cds_indicators._words.catalog)
    **collect("MESSAGES", "vi"),
}

#: The command line's and the reports' words, by key (looked up by ``interface.t``).
TEXT: Final[dict[str, str]] = {
    # --- help: the program and its options -----------------------------------------------------
    "prog_help": (
        "Tiêu chí chuyển đổi số cấp xã (Quyết định 1829/QĐ-UBND tỉnh Thanh Hóa): xem tiêu chí, "
        "phát mẫu nhập liệu, kiểm tra tệp, đánh giá xã và tổng hợp cấp huyện."
    ),
    "exit_codes": (
        "Mã thoát: 0 thành công; 1 có xã chưa hoàn thành (với --fail-on-incomplete); 2 dùng lệnh "
        "sai; 3 dữ liệu đầu vào có lỗi; 4 lỗi nội bộ của chương trình."
    ),
    "usage": "Cách dùng: ",
    "options": "Tùy chọn",
    "commands": "Lệnh",
    "options_metavar": "[TÙY CHỌN]",
    "command_metavar": "LỆNH [ĐỐI SỐ]...",
    "files_metavar": "TỆP...",
    "help_help": "Xem hướng dẫn này rồi thoát.",
    "version_help": "Xem phiên bản rồi thoát.",
    "lang_help": (
        "Ngôn ngữ của nhãn và thông báo: vi (mặc định) hoặc en; cũng đặt được bằng biến môi trường "
        "CDS_LANG."
    ),
    "debug_help": "Khi có lỗi nội bộ, in cả traceback (để báo lỗi).",
    "framework_help": (
        "Khung tiêu chí: tên khung có sẵn ({names}) hoặc đường dẫn tệp TOML; mặc định Quyết định "
        "1829/QĐ-UBND."
    ),
    "year_help": "Năm đánh giá.",
    "year_eval_help": "Năm đánh giá của các xã mà tệp không ghi năm.",
    "pillar_help": (
        "Chỉ liệt kê một nhóm tiêu chí, theo số thứ tự, tên hoặc mã của nhóm (ví dụ 1, "
        '"Chính quyền số" hoặc chinh_quyen_so).'
    ),
    "format_help": "Định dạng kết quả (mặc định: table).",
    "output_help": "Ghi kết quả vào TỆP thay vì màn hình (bắt buộc với xlsx).",
    "fail_help": "Thoát với mã 1 nếu có xã chưa hoàn thành chuyển đổi số.",
    "communes_help": (
        "Tệp danh sách xã (mỗi dòng một tên, hoặc CSV có cột commune/Xã): mỗi xã một trang."
    ),
    "template_output_help": "Tệp XLSX sẽ ghi.",
    "schedule_help": (
        "Tệp lịch giao hoàn thành (Quyết định 969/QĐ-UBND: xã → năm phải hoàn thành), CSV hoặc "
        "TOML."
    ),
    "criteria_help": "Liệt kê các chỉ tiêu với đơn vị tính, đơn vị chủ trì và chỉ tiêu từng năm.",
    "template_help": "Ghi mẫu nhập liệu Excel cho một năm (cần gói [excel]).",
    "validate_help": (
        "Kiểm tra các tệp số liệu mà không đánh giá; liệt kê mọi lỗi kèm vị trí. Mã thoát 0 chỉ "
        "khi không có lỗi nào."
    ),
    "evaluate_help": (
        "Đánh giá các xã trong các TỆP (TOML, JSON, CSV, XLSX): từng nhóm tiêu chí, chỉ tiêu chưa "
        "đạt trước, kết luận cho từng xã ở cuối. JSON là danh sách các báo cáo, cùng dạng "
        "Report.to_dict()."
    ),
    "summarize_help": (
        "Tổng hợp cấp huyện: số xã hoàn thành, các chỉ tiêu cản trở nhiều xã nhất, đúng hạn / trễ "
        "hạn theo lịch giao."
    ),
    # --- errors -----------------------------------------------------------------------------
    "error": "Lỗi",
    "usage_error": "Lỗi cách dùng",
    "no_such_option": "không có tùy chọn {name}",
    "no_such_command": "không có lệnh {name}",
    "did_you_mean": "có phải ý bạn là {names}?",
    "template_not_xlsx": "mẫu nhập liệu là tệp Excel: tên tệp {name} cần đuôi .xlsx",
    "missing_option": "thiếu tùy chọn {name}",
    "missing_argument": "thiếu đối số {name}",
    "help_hint": "Xem '{prog} --help' để biết cách dùng.",
    "problems_heading": "Lỗi: dữ liệu đầu vào có {n} vấn đề:",
    "internal_error": (
        "Lỗi nội bộ của cds-indicators ({kind}: {detail}). Đây là lỗi của chương trình, không phải "
        "của dữ liệu: xin báo lỗi kèm lệnh đã chạy (chạy lại với --debug để có traceback)."
    ),
    "bad_choice": "{value!r} không hợp lệ cho {param} (chọn một trong: {choices})",
    "bad_year": "{value!r} không phải một năm cho {param}",
    "bad_pillar": "không có nhóm tiêu chí {value!r} (có: {codes})",
    "xlsx_needs_output": "định dạng xlsx cần -o TỆP.xlsx (không in bảng tính ra màn hình)",
    "cannot_write": "không ghi được {path}: {detail}",
    "written": "Đã ghi {path}",
    "interrupted": "Đã dừng.",
    # --- reports ----------------------------------------------------------------------------
    "year": "năm",
    "year_header": "Năm",
    "unnamed": "(không tên)",
    "verdict": "KẾT LUẬN",
    "verdicts": "KẾT LUẬN TỪNG XÃ",
    "not_met": "chưa đạt",
    "no_value": "thiếu số liệu",
    "score": "{score}/{max} điểm",
    "level": "mức",
    "responsible": "Chủ trì",
    "id": "Mã",
    "criterion": "Chỉ tiêu",
    "unit": "Đơn vị",
    "target": "Chỉ tiêu {year}",
    "pillar": "Nhóm",
    "kind": "Loại",
    "conditional": "(nếu có)",
    "no_target": "không có chỉ tiêu",
    "valid_ok": "Không có lỗi: {files} tệp, {records} xã-năm.",
    "summary_title": "Tổng hợp chuyển đổi số cấp xã",
    "commune": "Xã",
    "district": "Huyện",
    "completion": "Kết quả",
    "failed_ids": "Chỉ tiêu chưa đạt",
    "missing_ids": "Thiếu số liệu",
    "passed_of": "đạt {passed}/{total}",
    "report_title": "Báo cáo đánh giá chuyển đổi số",
    "per_pillar": "Theo nhóm tiêu chí",
    "status": "Kết quả",
    "value": "Giá trị",
    "finding": "Đánh giá",
    "generated": "Lập bằng cds-indicators {version}",
    "communes_count": "{n} xã",
    "blocking": "Chỉ tiêu cản trở nhiều xã nhất",
    "one_away": "Xã chỉ còn một chỉ tiêu",
    "schedule": "Theo lịch giao",
    "progress": "Đang xử lý",
    # the areas' words (cds_indicators._words.catalog)
    **collect("TEXT", "vi"),
}

#: A criterion's status (by ``Status`` value).
STATUS: Final[dict[str, str]] = {
    "PASS": "đạt",
    "FAIL": "chưa đạt",
    "MISSING": "chưa có số liệu",
    "EXEMPT": "không áp dụng",
    "NO_TARGET": "không có chỉ tiêu",
}
#: A commune's completion (by ``Completion`` value).
COMPLETION: Final[dict[str, str]] = {
    "COMPLETED": "hoàn thành chuyển đổi số",
    "NOT_COMPLETED": "chưa hoàn thành chuyển đổi số",
    "UNDETERMINED": "chưa xác định (thiếu số liệu)",
}
#: A commune's standing against its assigned year (by ``Standing`` value).
STANDING: Final[dict[str, str]] = {
    "on_time": "đúng hạn",
    "early": "sớm",
    "late": "trễ hạn",
    "not_due": "chưa đến hạn",
    "unscheduled": "không có trong lịch giao",
}
#: Yes and no.
YES_NO: Final = ("Có", "Không")
#: The decimal mark: 57,6%.
DECIMAL_MARK: Final = ","
#: The words of a problem's place: ``data.csv, dòng 4, cột 2.5``.
PLACE: Final[dict[str, str]] = {"sheet": "trang", "row": "dòng", "line": "dòng", "column": "cột"}
#: The columns of an exported report, and the label of a commune's summary row.
EXPORT_HEADERS: Final = (
    "Xã", "Huyện", "Năm", "Mã chỉ tiêu", "Tên chỉ tiêu", "Kết quả", "Trạng thái", "Giá trị",
    "Tử số/Mẫu số", "Chỉ tiêu", "Thiếu (điểm %)", "Cần thêm",
)
EXPORT_SUMMARY: Final = "Tổng hợp"
#: The words on a plot's axes and legends.
PLOT: Final[dict[str, str]] = {
    "criteria": "số chỉ tiêu",
    "communes": "số xã",
    "year": "năm",
    "district": "Huyện",
    "completion": "Kết quả theo năm",
}
