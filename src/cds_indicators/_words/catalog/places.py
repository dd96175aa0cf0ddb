"""The words of places: roll-ups by level, rebasing onto today's communes, official names."""

from __future__ import annotations

from typing import Final

_VI: Final[dict[str, str]] = {
    # summarize(by=...)
    "summary_bad_by": "không tổng hợp theo {value!r} được (theo một trong: {known})",
    "summary_bad_key": "xã {commune!r} năm {year}: tên nhóm {value!r} không phải văn bản",
    # rebase and successors
    "successor_bad_entry": "xã cũ {value!r}: xã mới phải là tên hoặc bảng tên → tỷ lệ",
    "successor_bad_share": (
        "xã cũ {old!r} → {value!r}: tỷ lệ {share!r} phải lớn hơn 0 và không quá 1"
    ),
    "successor_shares_sum": "xã cũ {old!r}: các tỷ lệ cộng lại {total}, phải bằng 1",
    "successor_split": (
        "xã cũ {old!r} được chia cho {news}; cần tỷ lệ (cột Tỷ lệ) cho từng xã mới"
    ),
    "successor_columns": "thiếu cột {columns} (có: {found})",
    "successor_duplicate": "xã cũ {old!r} → {value!r} đã có ở dòng {first}",
    "successor_unknown": "xã {value!r} không có trong bảng xã cũ → xã mới",
    "successor_unknown_near": (
        "xã {value!r} không có trong bảng xã cũ → xã mới; có phải ý bạn là {near!r}?"
    ),
    "merge_share_count": "chỉ tiêu {criterion}: số đếm theo tỷ lệ là {value}, không phải số nguyên",
    "merge_shares_type": "shares phải là bảng tên xã → tỷ lệ, không phải {value!r}",
    "merge_share_unknown_part": "shares: {value!r} không phải xã nào được sáp nhập ({parts})",
    "merge_share_twice": "shares: tỷ lệ của {commune} có hai lần (lần này là {value!r})",
    "merge_bad_share": (
        "shares: tỷ lệ {value!r} của {commune} phải là số chính xác (số nguyên hoặc Fraction) "
        "lớn hơn 0 và không quá 1"
    ),
    "rebase_not_record": "{value!r} không phải một bản ghi (Record) hay bảng giá trị",
    "rebase_no_year": "xã {value!r} không có năm",
    "rebase_twice": "xã cũ {value!r} năm {year} có hai lần",
    "rebase_both": (
        "xã {value!r} năm {year} có số liệu của chính nó và của xã cũ {parts}; chỉ giữ một"
    ),
    "rebase_missing_parts": (
        "xã {value!r} năm {year}: thiếu số liệu của xã cũ {parts} (gộp thiếu xã sẽ sai kết quả)"
    ),
    # official names ([admin])
    "admin_unknown_province": "tỉnh {value!r} không có trong danh sách chính thức năm {year}",
    "admin_unknown_province_near": (
        "tỉnh {value!r} không có trong danh sách chính thức năm {year}; có phải ý bạn là {near!r}?"
    ),
    "admin_unknown_commune": "xã {value!r} không có trong danh sách chính thức năm {year}",
    "admin_unknown_commune_near": (
        "xã {value!r} không có trong danh sách chính thức năm {year}; có phải ý bạn là {near!r}?"
    ),
    "admin_ambiguous": (
        "có nhiều đơn vị tên {value!r} trong danh sách chính thức năm {year}: {units}; "
        "cho biết tỉnh (huyện) hoặc mã xã"
    ),
    # a commune given by its code (mã đơn vị hành chính)
    "admin_unknown_code": "mã xã {value!r} không có trong danh sách chính thức năm {year}",
    "admin_code_no_year": "mã xã {value!r}: cần biết năm để chọn danh sách chính thức",
    "admin_code_two": "tên xã là mã {value!r} nhưng cột mã xã là {number!r}; chỉ giữ một mã",
    "admin_code_commune": (
        "mã xã {number!r} năm {year} là {official!r}, không phải {value!r}"
    ),
    "admin_code_district": (
        "mã xã {number!r} ({official}) năm {year} thuộc {district!r}, không phải {value!r}"
    ),
    "admin_code_province": (
        "mã xã {number!r} ({official}) năm {year} thuộc {province!r}, không phải {value!r}"
    ),
}

_EN: Final[dict[str, str]] = {
    "summary_bad_by": "cannot group by {value!r} (by one of: {known})",
    "summary_bad_key": "commune {commune!r} in {year}: the group's name {value!r} is not text",
    "successor_bad_entry": "former commune {value!r}: the new commune must be a name or a table "
                           "of name → share",
    "successor_bad_share": "former commune {old!r} → {value!r}: the share {share!r} must be "
                           "above 0 and at most 1",
    "successor_shares_sum": "former commune {old!r}: the shares add up to {total}, not 1",
    "successor_split": (
        "former commune {old!r} is split between {news}; give each new commune its share "
        "(column Tỷ lệ)"
    ),
    "successor_columns": "missing column {columns} (found: {found})",
    "successor_duplicate": "former commune {old!r} → {value!r} already given on row {first}",
    "successor_unknown": "commune {value!r} is not in the former → new communes table",
    "successor_unknown_near": (
        "commune {value!r} is not in the former → new communes table; did you mean {near!r}?"
    ),
    "merge_share_count": "criterion {criterion}: the count by the shares is {value}, not a whole "
                         "number",
    "merge_shares_type": "shares must map commune names to shares, not {value!r}",
    "merge_share_unknown_part": "shares: {value!r} is not one of the merged communes ({parts})",
    "merge_share_twice": "shares: the share of {commune} is given twice (again as {value!r})",
    "merge_bad_share": (
        "shares: the share {value!r} of {commune} must be an exact number (int or Fraction) "
        "above 0 and at most 1"
    ),
    "rebase_not_record": "{value!r} is not a Record nor a mapping of values",
    "rebase_no_year": "commune {value!r} has no year",
    "rebase_twice": "former commune {value!r} appears twice in {year}",
    "rebase_both": (
        "commune {value!r} in {year} has values of its own and of its former communes {parts}; "
        "keep one"
    ),
    "rebase_missing_parts": (
        "commune {value!r} in {year}: no values of the former communes {parts} (a merge "
        "without them would be wrong)"
    ),
    "admin_unknown_province": "province {value!r} is not in the official list of {year}",
    "admin_unknown_province_near": (
        "province {value!r} is not in the official list of {year}; did you mean {near!r}?"
    ),
    "admin_unknown_commune": "commune {value!r} is not in the official list of {year}",
    "admin_unknown_commune_near": (
        "commune {value!r} is not in the official list of {year}; did you mean {near!r}?"
    ),
    "admin_ambiguous": (
        "{value!r} names several units in the official list of {year}: {units}; give the "
        "province (district) or the code"
    ),
    "admin_unknown_code": "commune code {value!r} is not in the official list of {year}",
    "admin_code_no_year": "commune code {value!r}: a year is needed to choose the official list",
    "admin_code_two": "the commune is the code {value!r} but the code column says {number!r}; "
                      "keep one code",
    "admin_code_commune": "commune code {number!r} is {official!r} in {year}, not {value!r}",
    "admin_code_district": (
        "commune code {number!r} ({official}) is in {district!r} in {year}, not {value!r}"
    ),
    "admin_code_province": (
        "commune code {number!r} ({official}) is in {province!r} in {year}, not {value!r}"
    ),
}

MESSAGES: Final = {"vi": _VI, "en": _EN}

TEXT: Final = {
    "vi": {"province": "Tỉnh", "code_header": "Mã xã",
           "official_help": "kiểm tra tên xã, tỉnh theo danh sách chính thức của năm (cần [admin])",
           "successors_help": "tệp xã cũ → xã mới (Xã cũ, Huyện cũ, Xã mới): tổng hợp theo xã "
           "hôm nay", "by_help": "tổng hợp theo: district (huyện cũ), province (tỉnh), "
           "commune (xã hôm nay), hoặc một trường khác của báo cáo"},
    "en": {"province": "Province", "code_header": "code",
           "official_help": "check commune and province names against the official list of the "
           "year (needs [admin])",
           "successors_help": "former → new communes file (Xã cũ, Huyện cũ, Xã mới): roll up "
           "today's communes", "by_help": "group by: district (former district), province, "
           "commune (today's commune), or another field of the reports"},
}
