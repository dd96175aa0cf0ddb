"""The warnings: input that is legal but probably wrong, in both languages.

A warning never changes a verdict; it says what a clerk most likely meant to check
(``docs/reliability.md``, "What is warned about").
"""

from __future__ import annotations

from typing import Final

_VI: Final[dict[str, str]] = {
    "no_values": "không có giá trị nào cho năm {year}: cả trang để trống?",
    "rate_looks_like_fraction": (
        "chỉ tiêu {criterion}: {shown_vi} — có phải {meant_vi}? (yêu cầu {label} năm {year})"
    ),
    "stated_percent_disagrees": (
        "chỉ tiêu {criterion}: ghi {stated_vi} nhưng số đếm {numerator}/{denominator} cho "
        "{exact_vi}; kết quả tính theo số đếm"
    ),
    "value_without_target": (
        "chỉ tiêu {criterion}: năm {year} không có yêu cầu, giá trị {shown_vi} không được tính"
    ),
}

_EN: Final[dict[str, str]] = {
    "no_values": "no value at all for {year}: was the sheet left blank?",
    "rate_looks_like_fraction": (
        "criterion {criterion}: {shown_en} — did you mean {meant_en}? (target {label} in {year})"
    ),
    "stated_percent_disagrees": (
        "criterion {criterion}: {stated_en} is written but the counts "
        "{numerator}/{denominator} give {exact_en}; the counts decide"
    ),
    "value_without_target": (
        "criterion {criterion}: no target in {year}, the value {shown_en} does not count"
    ),
}

MESSAGES: Final = {"vi": _VI, "en": _EN}

TEXT: Final = {
    "vi": {
        "warnings_heading": "Cảnh báo ({n}):",
        "strict_help": "Coi cảnh báo là lỗi: thoát với mã 3 khi có cảnh báo.",
        "warnings_strict": "Có {n} cảnh báo (--strict).",
    },
    "en": {
        "warnings_heading": "Warnings ({n}):",
        "strict_help": "Treat warnings as errors: exit with status 3 when there are any.",
        "warnings_strict": "{n} warning{plural} (--strict).",
    },
}
