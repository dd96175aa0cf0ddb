"""The header vocabulary: the words that name a table's columns, in Vietnamese and English.

One table for every reader of commune tables — :func:`load_values` (CSV and XLSX, wide and
long), :meth:`Schedule.load`, the entry template, and the names of a data frame's columns — so
that a header such as ``Tên xã`` means the same column wherever it is read. A header is folded
once (:func:`fold_header`: NFC, case-folded, single spaces, no trailing colon) and then looked up.
"""

from __future__ import annotations

import re
from typing import Any, Final

from cds_indicators._words.format import fold

__all__ = [
    "CRITERIA_COLUMNS",
    "FIELD_LABELS",
    "ID_LABELS",
    "OUTPUT_SHEETS",
    "ROLES",
    "ROLE_NAMES",
    "SIGNATURES",
    "SUCCESSOR_COLUMNS",
    "SUMMARY_COLUMNS",
    "TEMPLATE_COLUMNS",
    "TEMPLATE_WORDS",
    "fold_header",
    "header_role",
    "is_descriptive",
    "is_signature",
    "signs",
]

#: Each role a column can play, with the headers (folded) that name it.
ROLES: Final[dict[str, tuple[str, ...]]] = {
    "commune": ("commune", "xã", "tên xã", "xã, phường, thị trấn", "xã/phường/thị trấn"),
    "district": ("district", "huyện", "tên huyện", "huyện, thị xã, thành phố"),
    "year": ("year", "năm"),
    "province": ("province", "tỉnh", "tên tỉnh", "tỉnh, thành phố"),
    #: The commune's official code (mã đơn vị hành chính), beside or instead of its name.
    "code": ("code", "mã xã", "mã đvhc", "mã đơn vị hành chính"),
    "criterion": ("criterion", "mã chỉ tiêu", "mã"),
    "value": ("value", "giá trị", "kết quả thực hiện"),
    "numerator": ("numerator", "tử số"),
    "denominator": ("denominator", "mẫu số"),
    "evidence": ("evidence", "minh chứng"),
}
_ROLE_OF: Final = {name: role for role, names in ROLES.items() for name in names}

#: The columns of a successors file (``rebase``), apart from the values files' roles.
SUCCESSOR_COLUMNS: Final = {
    name: role for role, names in {
        "former_commune": ("xã cũ", "former commune", "old commune"),
        "former_district": ("huyện cũ", "former district", "old district"),
        "new_commune": ("xã mới", "new commune", "commune today"),
        "share": ("tỷ lệ", "share"),
    }.items() for name in names}

#: Columns that describe a criterion for people and are not read (the template has them).
_DESCRIPTIVE: Final = frozenset(
    (
        "stt", "tt", "no", "pillar", "nhóm", "nhóm tiêu chí", "tiêu chí", "name", "tên chỉ tiêu",
        "unit", "đơn vị tính", "responsible", "đơn vị chủ trì", "note", "notes", "ghi chú",
        "target", "chỉ tiêu", "source", "nguồn",
        "parts", "xã cũ",  # the former communes of a rebased row (rebase)
    )
)
_DESCRIPTIVE_PATTERN: Final = re.compile(r"(chỉ tiêu|target)( năm)? \d{4}")

#: How the roles are named in messages: (Vietnamese, English).
ROLE_NAMES: Final = {
    "commune": ("Xã (commune)", "commune (Xã)"),
    "year": ("Năm (year)", "year (Năm)"),
    "value": (
        "Giá trị (value) hoặc Tử số và Mẫu số (numerator, denominator)",
        "value (Giá trị), or numerator and denominator (Tử số, Mẫu số)",
    ),
}

#: The labels of the lines above a template's table that hold its commune, district and year.
FIELD_LABELS: Final = {"commune": "Xã", "district": "Huyện", "year": "Năm"}
#: The short label of each column that says who a row is (the template has no province line).
ID_LABELS: Final = {**FIELD_LABELS, "province": "Tỉnh", "code": "Mã xã"}

#: The entry template's columns, in order (``{year}`` is the template's year).
TEMPLATE_COLUMNS: Final = (
    "Mã chỉ tiêu", "Nhóm", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm {year}",
    "Đơn vị chủ trì", "Giá trị", "Tử số", "Mẫu số", "Minh chứng", "Ghi chú",
)

#: The tables the package writes (the command line's ``summarize`` and ``criteria`` tables, the
#: exported reports): their sheet names and columns, by language. JSON and the long table keep
#: their stable English keys instead (docs/batch.md).
OUTPUT_SHEETS: Final = {
    "vi": {"reports": "Kết quả", "summary": "Tổng hợp", "criteria": "Chỉ tiêu"},
    "en": {"reports": "Results", "summary": "Summary", "criteria": "Criteria"},
}
SUMMARY_COLUMNS: Final = {
    "vi": ("Xã", "Huyện", "Năm", "Hoàn thành", "Chưa đạt", "Chưa có số liệu", "Hạn hoàn thành",
           "Tiến độ"),
    "en": ("Commune", "District", "Year", "Completion", "Not met", "No value", "Due",
           "Standing"),
}
CRITERIA_COLUMNS: Final = {
    "vi": ("Mã chỉ tiêu", "Nhóm", "Tên chỉ tiêu", "Tên tiếng Anh", "Đơn vị tính", "Loại",
           "Có điều kiện", "Đơn vị chủ trì", "Chỉ tiêu năm {year}"),
    "en": ("Criterion", "Pillar", "Name (Vietnamese)", "Name", "Unit", "Kind", "Conditional",
           "Responsible", "Target {year}"),
}

#: The entry template's words by language: its columns (as ``TEMPLATE_COLUMNS``), the labels
#: of its commune, district and year lines, and its signature area. The English words are words
#: of the header vocabulary too, so that an English template reads back as the Vietnamese one.
TEMPLATE_WORDS: Final[dict[str, dict[str, Any]]] = {
    "vi": {"columns": TEMPLATE_COLUMNS, "fields": FIELD_LABELS,
           "signatures": ("Người lập biểu", "Thủ trưởng đơn vị")},
    "en": {"columns": ("Criterion", "Pillar", "Name", "Unit", "Target {year}", "Responsible",
                       "Value", "Numerator", "Denominator", "Evidence", "Notes"),
           "fields": {"commune": "Commune", "district": "District", "year": "Year"},
           "signatures": ("Prepared by", "Head of unit")},
}

#: The signature area under a table (the template's, or one typed by hand): a row with one of
#: these (folded) starts it, and it and every row below are not read.
SIGNATURES: Final = ("người lập biểu", "thủ trưởng đơn vị", "prepared by", "head of unit")


def is_signature(cells: object) -> bool:
    """Whether a row of cells starts the signature area (``Người lập biểu``, …)."""
    # Every signature is two words or more, and folding never makes a space where there was
    # none (``tests/test_words.py``): a cell of one word, as most are, is not folded.
    return isinstance(cells, list | tuple) and any(
        isinstance(c, str) and signs(c) for c in cells
    )


def signs(cell: str) -> bool:
    """Whether a cell of text is a signature's heading: a row with one starts the signature
    area (:func:`is_signature`)."""
    return len(cell.split(None, 1)) > 1 and fold_header(cell) in SIGNATURES


def fold_header(name: str) -> str:
    """The comparable form of a header: ``" Tên  Xã: "`` → ``"tên xã"``."""
    return fold(name).rstrip(":").rstrip()


def header_role(name: object) -> str | None:
    """The role the header ``name`` names — ``commune``, ``district``, ``year``, ``criterion``,
    ``value``, ``numerator`` or ``denominator`` — or ``None`` (a criterion id, a descriptive
    column, anything else).

    >>> header_role("Tên xã"), header_role("NĂM:"), header_role("2.5")
    ('commune', 'year', None)
    """
    return _ROLE_OF.get(fold_header(name)) if isinstance(name, str) else None


def is_descriptive(name: object) -> bool:
    """Whether ``name`` heads a column that describes a criterion for people (``STT``,
    ``Tên chỉ tiêu``, ``Chỉ tiêu năm 2024``, …), which readers allow and do not read."""
    folded = fold_header(name) if isinstance(name, str) else ""
    return folded in _DESCRIPTIVE or _DESCRIPTIVE_PATTERN.fullmatch(folded) is not None
