"""A report read back by ``Report.from_dict``: each way it disagrees with what is recomputed
from it, in both languages."""

from __future__ import annotations

from typing import Final

MESSAGES: Final = {
    "vi": {
        "report_disagrees": "tài liệu ghi {found}, tính lại theo khung {framework} được {expected}",
        "report_self_disagrees": "tài liệu ghi {found}, nhưng chính tài liệu cho {expected}",
        "report_duplicate_criterion": "chỉ tiêu {criterion} có hai lần (lần đầu ở {first})",
        "report_missing_criterion": "thiếu kết quả của chỉ tiêu {criterion} của khung {framework}",
        "report_not_a_mapping": "báo cáo phải là một bảng khóa–giá trị (dict), không phải {type}",
    },
    "en": {
        "report_disagrees": "the document says {found}, recomputed by {framework}: {expected}",
        "report_self_disagrees": "the document says {found}, but its own fields give {expected}",
        "report_duplicate_criterion": "criterion {criterion} is given twice (first at {first})",
        "report_missing_criterion": "no verdict for criterion {criterion} of {framework}",
        "report_not_a_mapping": "a report must be a mapping (dict), not {type}",
    },
}
