"""The words of counted existence and evidence, in both languages."""

from __future__ import annotations

from typing import Final

_VI: Final[dict[str, str]] = {
    # counted existence (a yes/no criterion whose target "Có" counts things)
    "number_not_counted": (
        "chỉ tiêu {criterion}: {value!r} là một số, nhưng chỉ tiêu này không đếm số lượng (chỉ "
        "tiêu đếm có đơn vị đếm và yêu cầu Có): ghi Có/Không{labels}"
    ),
    "bad_counted": (
        "chỉ tiêu {criterion}: {value!r} không phải số lượng (một số nguyên không âm, ví dụ 17; "
        "0 là Không)"
    ),
    # evidence
    "bad_evidence_mapping": (
        'chỉ tiêu {criterion}: {value!r} cần đúng các khóa "value" và "evidence" '
        '(ví dụ {{ value = 17, evidence = "QĐ 52/QĐ-UBND" }})'
    ),
    "evidence_not_text": (
        "chỉ tiêu {criterion}: minh chứng {evidence!r} phải là một đoạn văn bản không rỗng"
    ),
    "nested_evidence": "chỉ tiêu {criterion}: giá trị {value!r} đã có minh chứng lồng bên trong",
    "evidence_in_wide_table": (
        "cột Minh chứng chỉ dùng trong bảng dọc (mỗi dòng một chỉ tiêu, có cột Mã chỉ tiêu)"
    ),
    "no_evidence": "{commune}, năm {year}: chỉ tiêu {criterion} = {value!r} chưa có minh chứng",
    # framework files
    "counted_not_yes_no": (
        'chỉ tiêu {criterion}: counted chỉ dành cho chỉ tiêu Có/Không có mọi ô là "Có" hoặc "*" '
        "(gặp {found!r})"
    ),
}

_EN: Final[dict[str, str]] = {
    "number_not_counted": (
        "criterion {criterion}: {value!r} is a number, but this criterion does not count things "
        "(a counted one has a unit that counts and the target Có): give yes/no (Có/Không){labels}"
    ),
    "bad_counted": (
        "criterion {criterion}: {value!r} is not a count (a non-negative whole number, e.g. 17; "
        "0 means no)"
    ),
    "bad_evidence_mapping": (
        'criterion {criterion}: {value!r} needs exactly the keys "value" and "evidence" '
        '(e.g. {{ value = 17, evidence = "QĐ 52/QĐ-UBND" }})'
    ),
    "evidence_not_text": (
        "criterion {criterion}: the evidence {evidence!r} must be non-empty text"
    ),
    "nested_evidence": "criterion {criterion}: the value {value!r} already carries evidence inside",
    "evidence_in_wide_table": (
        "an evidence (Minh chứng) column is only for long tables (one criterion a row, with a "
        "criterion column)"
    ),
    "no_evidence": "{commune}, {year}: criterion {criterion} = {value!r} has no evidence",
    "counted_not_yes_no": (
        'criterion {criterion}: counted is only for a yes/no criterion whose every cell is "Có" '
        'or "*" (found {found!r})'
    ),
}

MESSAGES: Final = {"vi": _VI, "en": _EN}

TEXT: Final = {
    "vi": {
        "evidence": "minh chứng",
        "evidence_header": "Minh chứng",
        "count_header": "Số lượng",
        "require_evidence_help": "Liệt kê các giá trị chưa có minh chứng; mã thoát 3 nếu có.",
    },
    "en": {
        "evidence": "evidence",
        "evidence_header": "Evidence",
        "count_header": "Count",
        "require_evidence_help": "List the values without evidence; exit status 3 if any.",
    },
}
