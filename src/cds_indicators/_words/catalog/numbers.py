"""Numbers typed the Vietnamese way: what cannot be read either way, and why, in both
languages (``docs/semantics.md``, "Numbers as people type them")."""

from __future__ import annotations

from typing import Final

MESSAGES: Final = {
    "vi": {
        "both_counts_wrong": "{first}; và {second}",
        "count_comma_grouped": (
            "chỉ tiêu {criterion}: {which} {count!r} không rõ: dấu phẩy là dấu thập phân "
            "(8,1), nên số nguyên viết không có dấu hoặc với dấu chấm ({grouped})"
        ),
        "extra_cell_split_number": (
            "ô {value!r} nằm ngoài các cột: có lẽ một số có dấu phẩy ({before},{value}) viết không "
            "có ngoặc kép trong tệp CSV phân cách bằng dấu phẩy bị tách làm hai ô; hãy đặt "
            '"{before},{value}" trong ngoặc kép, hoặc dùng dấu ; để phân cách'
        ),
    },
    "en": {
        "both_counts_wrong": "{first_en}; and {second_en}",
        "count_comma_grouped": (
            "criterion {criterion}: the {which_en} {count!r} is ambiguous: the comma is the "
            "decimal mark (8,1), so a whole number is written without marks or with dots "
            "({grouped})"
        ),
        "extra_cell_split_number": (
            "the cell {value!r} is outside the columns: probably a number with a comma "
            "({before},{value}) written without quotes in a comma-separated CSV file, split "
            "into two cells; "
            'quote it ("{before},{value}") or separate the columns with ;'
        ),
    },
}
