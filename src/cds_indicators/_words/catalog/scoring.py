"""The words of scored indexes: bands, partial credit, the index and the ranking, in both
languages."""

from __future__ import annotations

from typing import Final

_MESSAGES_VI: Final[dict[str, str]] = {
    "bands_needs_at_least": (
        'chỉ tiêu {criterion}: chấm theo bậc chỉ dùng cho tỷ lệ hoặc số lượng "at_least" '
        'hay "above"'
    ),
    "partial_needs_number": (
        "chỉ tiêu {criterion}: chấm đạt một phần chỉ dùng cho tỷ lệ hoặc số lượng"
    ),
    "scoring_key_missing": "chỉ tiêu {criterion}: cách chấm {scoring!r} cần khóa {key}",
    "scoring_key_unused": "chỉ tiêu {criterion}: {key} chỉ dùng với cách chấm {scoring!r}",
    "bad_threshold_key": (
        'chỉ tiêu {criterion}: {key} {found!r} không phải một ngưỡng (ví dụ "50%" cho tỷ lệ, '
        "2 cho số lượng)"
    ),
    "bands_order": (
        "chỉ tiêu {criterion}: các bậc xếp từ cao xuống thấp, from và points phải giảm dần"
    ),
    "band_points_range": (
        "chỉ tiêu {criterion}: bậc {found!r} điểm không được vượt điểm tối đa {maximum}"
    ),
    "partial_not_easier": (
        "chỉ tiêu {criterion}: partial {found!r} phải dễ đạt hơn chỉ tiêu năm {year} ({target})"
    ),
    "bad_partial_share": (
        'chỉ tiêu {criterion}: partial_share {found!r} phải lớn hơn 0 và nhỏ hơn 1 (ví dụ "1/2")'
    ),
    "ranking_not_scored": (
        'chỉ xếp hạng được theo khung chấm điểm (completion = "points"); báo cáo của '
        "{value} không có điểm"
    ),
    "ranking_by": 'xếp hạng theo {value!r} không có (có: "score", "index")',
}

_MESSAGES_EN: Final[dict[str, str]] = {
    "bands_needs_at_least": (
        "criterion {criterion}: bands scoring is only for at_least or above rates and counts"
    ),
    "partial_needs_number": "criterion {criterion}: partial scoring is only for rates and counts",
    "scoring_key_missing": "criterion {criterion}: scoring {scoring!r} needs the key {key}",
    "scoring_key_unused": "criterion {criterion}: {key} is only used with scoring {scoring!r}",
    "bad_threshold_key": (
        'criterion {criterion}: {key} {found!r} is not a threshold (e.g. "50%" for a rate, 2 for '
        "a count)"
    ),
    "bands_order": (
        "criterion {criterion}: bands go from the highest down; from and points must decrease"
    ),
    "band_points_range": (
        "criterion {criterion}: band points {found!r} must not exceed the maximum {maximum}"
    ),
    "partial_not_easier": (
        "criterion {criterion}: partial {found!r} must be easier to meet than the {year} target "
        "({target})"
    ),
    "bad_partial_share": (
        'criterion {criterion}: partial_share {found!r} must be above 0 and below 1 (e.g. "1/2")'
    ),
    "ranking_not_scored": (
        'only reports of a points framework (completion = "points") can be ranked; the report of '
        "{value} has no score"
    ),
    "ranking_by": 'no ranking by {value!r} (known: "score", "index")',
}

_TEXT_VI: Final[dict[str, str]] = {
    "rank": "Xếp hạng",
    "rank_title": "Xếp hạng theo {by} — năm {year}",
    "rank_by_score": "điểm",
    "rank_by_index": "chỉ số",
    "rank_heads": "Hạng|Xã|Điểm|Chỉ số|Mức",
    "index": "chỉ số",
    "plot_by_group": "Hoàn thành theo nhóm",
    "plot_blocking": "Chỉ tiêu nhiều xã chưa đạt nhất",
    "plot_heat": "Xã × chỉ tiêu",
    "plot_heat_many": "{n} xã × chỉ tiêu (mỗi hàng một xã)",
    "plot_ranking": "Xếp hạng theo điểm",
    "plot_groups": "{n} nhóm",
}

_TEXT_EN: Final[dict[str, str]] = {
    "rank": "Ranking",
    "rank_title": "Ranking by {by} — year {year}",
    "rank_by_score": "score",
    "rank_by_index": "index",
    "rank_heads": "Rank|Commune|Score|Index|Level",
    "index": "index",
    "plot_by_group": "Completion by group",
    "plot_blocking": "Criteria not met by the most communes",
    "plot_heat": "Communes × criteria",
    "plot_heat_many": "{n} communes × criteria (one row per commune)",
    "plot_ranking": "Ranking by score",
    "plot_groups": "{n} groups",
}

MESSAGES: Final = {"vi": _MESSAGES_VI, "en": _MESSAGES_EN}
TEXT: Final = {"vi": _TEXT_VI, "en": _TEXT_EN}
