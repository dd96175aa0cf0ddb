"""Reports and summaries as HTML tables for notebooks: grouped by pillar, colour-coded."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from . import _text
from ._report import Report, Status, completion_word, status_word

if TYPE_CHECKING:
    from ._summary import Summary

__all__ = ["report_html", "summary_html"]

COLOURS = {
    Status.PASS: "#c8e6c9",
    Status.FAIL: "#ffcdd2",
    Status.MISSING: "#fff3c4",
    Status.EXEMPT: "#e0e0e0",
    Status.NO_TARGET: "#f5f5f5",
}


def _pillar_names(framework_id: str) -> dict[str, str]:
    from ._summary import pillar_names as names

    return {code: vi for code, (vi, _) in names(framework_id).items()}


def report_html(report: Report) -> str:
    """One commune-year: a row per criterion under its pillar, status in colour, shortfall."""
    names = _pillar_names(report.framework)
    who = escape(report.commune or "(không tên)")
    rows = [
        f"<table><caption>{who} — năm {report.year}: "
        f"<b>{escape(completion_word(report.completion))}</b></caption>",
        "<tr><th>Chỉ tiêu</th><th>Giá trị</th><th>Yêu cầu</th><th>Kết quả</th>"
        "<th>Còn thiếu</th></tr>",
    ]
    pillar = None
    for verdict in report:
        if verdict.pillar != pillar:
            pillar = verdict.pillar
            rows.append(f'<tr><th colspan="5" style="text-align:left">'
                        f"{escape(names.get(pillar, pillar))}</th></tr>")
        value = "" if verdict.value is None else verdict._shown_value("vi")
        target = "" if verdict.target is None else verdict.target.label
        gap = ""
        if verdict.needed is not None and verdict.counts is not None:
            gap = f"cần thêm {verdict.needed}/{verdict.counts[1]}"
        elif verdict.shortfall is not None:
            gap = f"{_text.number(verdict.shortfall, 2)} điểm %"
        colour = COLOURS[verdict.status]
        rows.append(
            f"<tr><td>{escape(verdict.criterion)} {escape(verdict.name)}</td>"
            f"<td>{escape(value)}</td><td>{escape(target)}</td>"
            f'<td style="background:{colour}">{escape(status_word(verdict.status))}</td>'
            f"<td>{escape(gap)}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def summary_html(summary: Summary) -> str:
    """Each district-year: completion lists, the blocking criteria and pass rates by pillar."""
    parts = []
    for rollup in summary:
        names = _pillar_names(rollup.framework)
        district = escape(rollup.district or "(không rõ huyện)")
        parts.append(f"<h4>Huyện {district} — năm {rollup.year}: "
                     f"{len(rollup.communes)} xã</h4><table>")
        for label, communes, colour in (
            ("Hoàn thành", rollup.completed, COLOURS[Status.PASS]),
            ("Chưa hoàn thành", rollup.not_completed, COLOURS[Status.FAIL]),
            ("Chưa xác định", rollup.undetermined, COLOURS[Status.MISSING]),
        ):
            parts.append(f'<tr><th style="background:{colour}">{label} ({len(communes)})</th>'
                         f"<td>{escape(', '.join(communes))}</td></tr>")
        blocking = "; ".join(f"{cid} ({n} xã)" for cid, n in rollup.blocking[:5])
        parts.append(f"<tr><th>Chỉ tiêu chưa đạt nhiều nhất</th><td>{escape(blocking)}</td></tr>")
        for code, rate in rollup.pillars.items():
            shown = "–" if rate is None else _text.percent(rate * 100)
            parts.append(f"<tr><th>{escape(names.get(code, code))}</th>"
                         f"<td>{escape(shown)} chỉ tiêu đạt</td></tr>")
        parts.append("</table>")
    return "\n".join(parts)
