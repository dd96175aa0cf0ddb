"""The messages of hostile or broken input refused while reading it (bounded reading, repeated
keys, conflicting years, partial results), in both languages."""

from __future__ import annotations

from typing import Final

_VI: Final[dict[str, str]] = {
    "not_a_file": "không phải một tệp thông thường ({kind}); chỉ đọc được tệp",
    "file_over_limit": "tệp quá lớn (hơn {limit} byte)",
    "duplicate_key": "khóa {key!r} được ghi hai lần trong cùng một bảng",
    "json_constant": "{value} không phải một số JSON (JSON không có NaN hay Infinity)",
    "text_not_unicode": (
        "văn bản {value!r} chứa nửa cặp UTF-16 đứng riêng (dạng \\ud800), không phải ký tự "
        "nào và không ghi ra tệp được: hãy sửa lại trong tệp"
    ),
    "nested_too_deeply": "tệp lồng nhau quá sâu",
    "document_number_too_long": "có một số nguyên dài hơn {limit} chữ số",
    "csv_open_quote": "dấu ngoặc kép mở ở dòng này không được đóng đến hết tệp",
    "year_conflict": "năm {value!r} khác với năm {year} được chỉ định (--year hoặc year=)",
    "text_too_long": "chỉ tiêu {criterion}: ô dài {length} ký tự, quá giới hạn {limit} ký tự",
    "too_many_rows": "bảng có hơn {limit} dòng",
    "too_many_cells": "bảng có hơn {limit} ô",
    "bad_errors_mode": 'errors phải là "raise" hoặc "collect", không phải {value!r}',
}

_EN: Final[dict[str, str]] = {
    "not_a_file": "not a regular file ({kind_en}); only files can be read",
    "file_over_limit": "the file is too large (more than {limit} bytes)",
    "duplicate_key": "the key {key!r} is given twice in the same object",
    "json_constant": "{value} is not a JSON number (JSON has no NaN or Infinity)",
    "text_not_unicode": (
        "the text {value!r} holds a lone half of a UTF-16 pair (an escape such as \\ud800), "
        "which is no character and cannot be written to any file: correct it in the file"
    ),
    "nested_too_deeply": "the file is nested too deeply",
    "document_number_too_long": "a whole number has more than {limit} digits",
    "csv_open_quote": "a quote opened on this line is not closed before the end of the file",
    "year_conflict": "the year {value!r} differs from the year {year} asked for (--year or year=)",
    "text_too_long": (
        "criterion {criterion}: the cell is {length} characters long, over the limit of {limit}"
    ),
    "too_many_rows": "the table has more than {limit} rows",
    "too_many_cells": "the table has more than {limit} cells",
    "bad_errors_mode": 'errors must be "raise" or "collect", not {value!r}',
}

MESSAGES: Final = {"vi": _VI, "en": _EN}

TEXT: Final = {
    "vi": {
        "shortened": "…[{n} ký tự]",
        "kind_folder": "thư mục",
        "kind_fifo": "ống FIFO",
        "kind_device": "thiết bị",
        "kind_socket": "socket",
        "kind_other": "tệp đặc biệt",
        "keep_going_help": (
            "đánh giá mọi xã đọc được, liệt kê các xã có lỗi (vẫn thoát với mã 3)"
        ),
        "standard_output": "đầu ra chuẩn",
        "format_needs_suffix": "--format {fmt} ghi tệp .{fmt}: tên tệp {name} cần đuôi .{fmt}",
    },
    "en": {
        "shortened": "…[{n} characters]",
        "kind_folder": "a folder",
        "kind_fifo": "a FIFO",
        "kind_device": "a device",
        "kind_socket": "a socket",
        "kind_other": "a special file",
        "keep_going_help": (
            "evaluate every commune that can be read and list the others (exit status 3 still)"
        ),
        "standard_output": "the standard output",
        "format_needs_suffix": (
            "--format {fmt} writes a .{fmt} file: {name} needs the .{fmt} suffix"
        ),
    },
}
