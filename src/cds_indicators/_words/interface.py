"""Every word the command line says, in Vietnamese and English.

Help texts, headings and the command line's own messages live in one table so that ``--lang`` (or
the ``CDS_LANG`` environment variable) switches all of them, ``--help`` included. Problems found in
input files come from :mod:`cds_indicators._words.messages` like everywhere else in the library.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["LANGS", "t", "translate_usage"]

LANGS = ("vi", "en")

_TEXT: dict[str, tuple[str, str]] = {
    # --- help: the program and its options -----------------------------------------------------
    "prog_help": (
        "Tiêu chí chuyển đổi số cấp xã (Quyết định 1829/QĐ-UBND tỉnh Thanh Hóa): xem tiêu chí, "
        "phát mẫu nhập liệu, kiểm tra tệp, đánh giá xã và tổng hợp cấp huyện.",
        "Commune digital-transformation criteria (Thanh Hóa Decision 1829/QĐ-UBND): list the "
        "criteria, hand out entry templates, check files, evaluate communes and roll up a "
        "district.",
    ),
    "exit_codes": (
        "Mã thoát: 0 thành công; 1 có xã chưa hoàn thành (với --fail-on-incomplete); "
        "2 dùng lệnh sai; 3 dữ liệu đầu vào có lỗi; 4 lỗi nội bộ của chương trình.",
        "Exit status: 0 success; 1 a commune has not completed (with --fail-on-incomplete); "
        "2 usage error; 3 input error; 4 internal error of the program.",
    ),
    "usage": ("Cách dùng: ", "Usage: "),
    "options": ("Tùy chọn", "Options"),
    "commands": ("Lệnh", "Commands"),
    "options_metavar": ("[TÙY CHỌN]", "[OPTIONS]"),
    "command_metavar": ("LỆNH [ĐỐI SỐ]...", "COMMAND [ARGS]..."),
    "files_metavar": ("TỆP...", "FILE..."),
    "help_help": ("Xem hướng dẫn này rồi thoát.", "Show this message and exit."),
    "version_help": ("Xem phiên bản rồi thoát.", "Show the version and exit."),
    "lang_help": (
        "Ngôn ngữ của nhãn và thông báo: vi (mặc định) hoặc en; cũng đặt được bằng biến môi "
        "trường CDS_LANG.",
        "Language of labels and messages: vi (default) or en; the CDS_LANG environment variable "
        "sets it too.",
    ),
    "debug_help": (
        "Khi có lỗi nội bộ, in cả traceback (để báo lỗi).",
        "On an internal error, print the traceback too (for bug reports).",
    ),
    "framework_help": (
        "Khung tiêu chí: tên khung có sẵn ({names}) hoặc đường dẫn tệp TOML; mặc định Quyết định "
        "1829/QĐ-UBND.",
        "The criteria framework: a shipped name ({names}) or the path of a TOML file; default "
        "Decision 1829/QĐ-UBND.",
    ),
    "year_help": ("Năm đánh giá.", "The year to evaluate."),
    "year_eval_help": (
        "Năm đánh giá của các xã mà tệp không ghi năm.",
        "The year to evaluate for the communes whose file gives none.",
    ),
    "pillar_help": (
        "Chỉ liệt kê một nhóm tiêu chí (mã: {codes}).",
        "List one pillar only (codes: {codes}).",
    ),
    "format_help": ("Định dạng kết quả (mặc định: table).", "Output format (default: table)."),
    "output_help": (
        "Ghi kết quả vào TỆP thay vì màn hình (bắt buộc với xlsx).",
        "Write the output to FILE instead of the terminal (required for xlsx).",
    ),
    "fail_help": (
        "Thoát với mã 1 nếu có xã chưa hoàn thành chuyển đổi số.",
        "Exit with status 1 when a commune has not completed digital transformation.",
    ),
    "communes_help": (
        "Tệp danh sách xã (mỗi dòng một tên, hoặc CSV có cột commune/Xã): mỗi xã một trang.",
        "A file listing communes (one name a line, or a CSV with a commune/Xã column): one sheet "
        "per commune.",
    ),
    "template_output_help": ("Tệp XLSX sẽ ghi.", "The XLSX file to write."),
    "schedule_help": (
        "Tệp lịch giao hoàn thành (Quyết định 969/QĐ-UBND: xã → năm phải hoàn thành), CSV hoặc "
        "TOML.",
        "The assignment schedule (Decision 969/QĐ-UBND: commune → year it must complete), CSV or "
        "TOML.",
    ),
    "criteria_help": (
        "Liệt kê các chỉ tiêu với đơn vị tính, đơn vị chủ trì và chỉ tiêu từng năm.",
        "List the criteria with their unit, responsible office and yearly targets.",
    ),
    "template_help": (
        "Ghi mẫu nhập liệu Excel cho một năm (cần gói [excel]).",
        "Write the Excel entry template for one year (needs the [excel] extra).",
    ),
    "validate_help": (
        "Kiểm tra các tệp số liệu mà không đánh giá; liệt kê mọi lỗi kèm vị trí. Mã thoát 0 chỉ "
        "khi không có lỗi nào.",
        "Check input files without evaluating; list every problem with its place. Exit status 0 "
        "only when there is none.",
    ),
    "evaluate_help": (
        "Đánh giá các xã trong các TỆP (TOML, JSON, CSV, XLSX): từng nhóm tiêu chí, chỉ tiêu "
        "chưa đạt trước, kết luận cho từng xã ở cuối. JSON là danh sách các báo cáo, cùng dạng "
        "Report.to_dict().",
        "Evaluate the communes in the FILEs (TOML, JSON, CSV, XLSX): by pillar, failures first, "
        "the verdict for each commune last. JSON is a list of reports shaped as Report.to_dict().",
    ),
    "summarize_help": (
        "Tổng hợp cấp huyện: số xã hoàn thành, các chỉ tiêu cản trở nhiều xã nhất, đúng hạn / "
        "trễ hạn theo lịch giao.",
        "The district roll-up: communes completed, the criteria blocking most communes, on time / "
        "late against the schedule.",
    ),
    # --- errors -----------------------------------------------------------------------------
    "error": ("Lỗi", "Error"),
    "usage_error": ("Lỗi cách dùng", "Usage error"),
    "no_such_option": ("không có tùy chọn {name}", "no such option: {name}"),
    "no_such_command": ("không có lệnh {name}", "no such command: {name}"),
    "did_you_mean": ("có phải ý bạn là {names}?", "did you mean {names}?"),
    "template_not_xlsx": (
        "mẫu nhập liệu là tệp Excel: tên tệp {name} cần đuôi .xlsx",
        "the entry template is an Excel file: {name} needs the .xlsx suffix",
    ),
    "missing_option": ("thiếu tùy chọn {name}", "missing option {name}"),
    "missing_argument": ("thiếu đối số {name}", "missing argument {name}"),
    "help_hint": ("Xem '{prog} --help' để biết cách dùng.", "Try '{prog} --help' for help."),
    "problems_heading": (
        "Lỗi: dữ liệu đầu vào có {n} vấn đề:",
        "Error: {n} problems in the input:",
    ),
    "internal_error": (
        "Lỗi nội bộ của cds-indicators ({kind}: {detail}). Đây là lỗi của chương trình, không "
        "phải của dữ liệu: xin báo lỗi kèm lệnh đã chạy (chạy lại với --debug để có traceback).",
        "Internal error in cds-indicators ({kind}: {detail}). This is a bug in the program, not "
        "in your data: please report it with the command you ran (run again with --debug for the "
        "traceback).",
    ),
    "missing_extra": (
        "cần cài gói bổ sung [{extra}]: python -m pip install \"cds-indicators[{extra}]\"",
        "this needs the [{extra}] extra: python -m pip install \"cds-indicators[{extra}]\"",
    ),
    "bad_choice": (
        "{value!r} không hợp lệ cho {param} (chọn một trong: {choices})",
        "{value!r} is not valid for {param} (choose one of: {choices})",
    ),
    "bad_year": (
        "{value!r} không phải một năm cho {param}",
        "{value!r} is not a year for {param}",
    ),
    "bad_pillar": (
        "không có nhóm tiêu chí {value!r} (có: {codes})",
        "there is no pillar {value!r} (there are: {codes})",
    ),
    "xlsx_needs_output": (
        "định dạng xlsx cần -o TỆP.xlsx (không in bảng tính ra màn hình)",
        "the xlsx format needs -o FILE.xlsx (a workbook is not printed to the terminal)",
    ),
    "cannot_write": ("không ghi được {path}: {detail}", "cannot write {path}: {detail}"),
    "written": ("Đã ghi {path}", "Written: {path}"),
    "interrupted": ("Đã dừng.", "Interrupted."),
    # --- reports ----------------------------------------------------------------------------
    "year": ("năm", "year"),
    "year_header": ("Năm", "Year"),
    "unnamed": ("(không tên)", "(unnamed)"),
    "verdict": ("KẾT LUẬN", "VERDICT"),
    "verdicts": ("KẾT LUẬN TỪNG XÃ", "VERDICT PER COMMUNE"),
    "not_met": ("chưa đạt", "not met"),
    "no_value": ("thiếu số liệu", "no value"),
    "score": ("{score}/{max} điểm", "{score}/{max} points"),
    "level": ("mức", "level"),
    "responsible": ("Chủ trì", "Responsible"),
    "id": ("Mã", "Id"),
    "criterion": ("Chỉ tiêu", "Criterion"),
    "unit": ("Đơn vị", "Unit"),
    "target": ("Chỉ tiêu {year}", "Target {year}"),
    "pillar": ("Nhóm", "Pillar"),
    "kind": ("Loại", "Kind"),
    "conditional": ("(nếu có)", "(where applicable)"),
    "no_target": ("không có chỉ tiêu", "no target"),
    "valid_ok": (
        "Không có lỗi: {files} tệp, {records} xã-năm.",
        "No problems: {files} files, {records} commune-years.",
    ),
    "summary_title": ("Tổng hợp chuyển đổi số cấp xã", "Commune digital transformation summary"),
    "commune": ("Xã", "Commune"),
    "district": ("Huyện", "District"),
    "completion": ("Kết quả", "Result"),
    "failed_ids": ("Chỉ tiêu chưa đạt", "Criteria not met"),
    "missing_ids": ("Thiếu số liệu", "Without a value"),
    "passed_of": ("đạt {passed}/{total}", "{passed}/{total} met"),
    "report_title": ("Báo cáo đánh giá chuyển đổi số", "Digital transformation evaluation"),
    "per_pillar": ("Theo nhóm tiêu chí", "By pillar"),
    "status": ("Kết quả", "Status"),
    "value": ("Giá trị", "Value"),
    "finding": ("Đánh giá", "Finding"),
    "generated": ("Lập bằng cds-indicators {version}", "Made with cds-indicators {version}"),
    "communes_count": ("{n} xã", "{n} commune{plural}"),
    "blocking": ("Chỉ tiêu cản trở nhiều xã nhất", "Criteria blocking most communes"),
    "one_away": ("Xã chỉ còn một chỉ tiêu", "Communes one criterion away"),
    "schedule": ("Theo lịch giao", "Against the schedule"),
    "on_time": ("đúng hạn", "on time"),
    "early": ("sớm", "early"),
    "late": ("trễ hạn", "late"),
    "not_due": ("chưa đến hạn", "not yet due"),
    "progress": ("Đang xử lý", "Working"),
}


def t(key: str, lang: str = "vi", **params: Any) -> str:
    """The text ``key`` in ``lang``, with ``params`` filled in."""
    vi, en = _TEXT[key]
    text = vi if lang == "vi" else en
    if "n" in params:
        # English counts agree in number; Vietnamese nouns do not change.
        params.setdefault("plural", "" if params["n"] == 1 else "s")
    return text.format(**params) if params else text


# click's own usage messages (English) that carry no structured fields, and how to say them in
# Vietnamese. Anything not listed is shown as click says it.
_CLICK_VI: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), vi)
    for pattern, vi in (
        (r"Missing command\.", "thiếu lệnh"),
        (r"Option '(?P<a>.+)' requires an argument\.", "tùy chọn {a} cần một giá trị"),
        (r"Option '(?P<a>.+)' requires (?P<b>\d+) arguments\.", "tùy chọn {a} cần {b} giá trị"),
        (r"Got unexpected extra arguments? \((?P<a>.+)\)", "thừa đối số: {a}"),
        (r"Option '(?P<a>.+)' does not take a value\.", "tùy chọn {a} không nhận giá trị"),
    )
)


def translate_usage(message: str, lang: str) -> str:
    """click's usage message ``message`` in ``lang``."""
    if lang != "vi":
        return message
    for pattern, vi in _CLICK_VI:
        match = pattern.fullmatch(message.strip())
        if match:
            return vi.format(**match.groupdict())
    return message
