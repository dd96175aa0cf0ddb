"""Reports and summaries as compact HTML tables for notebooks (``_repr_html_``).

Inline styles only (a notebook keeps no style sheet between cells), Vietnamese labels, status in
colour, and every piece of text that comes from data escaped.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from cds_indicators._model.framework import Framework
from cds_indicators._model.report import (
    Completion,
    Report,
    Status,
    Verdict,
    completion_details,
    completion_word,
    remedy,
    status_word,
)
from cds_indicators._render.names import framework_for, pillar_name
from cds_indicators._render.page import warnings_html
from cds_indicators._render.palette import colour, ink
from cds_indicators._render.ranking import ranking_html, ranking_of
from cds_indicators._render.summary import name_of, rate_text
from cds_indicators._words import Lang
from cds_indicators._words import format as _text
from cds_indicators._words.interface import t

if TYPE_CHECKING:
    from cds_indicators._rollup.summary import DistrictSummary, Summary

__all__ = ["badge", "report_html", "shortfall_text", "summary_html"]

_TABLE = 'style="border-collapse:collapse;font-size:90%;margin:.25em 0"'
_CELL = "border:1px solid #b0bec5;padding:2px 6px;text-align:left;vertical-align:top"
_HEAD = f'style="{_CELL};background:#eceff1"'
_PILLAR = f'style="{_CELL};background:#37474f;color:#fff"'


def _td(text: str, style: str = "") -> str:
    return f'<td style="{_CELL}{";" + style if style else ""}">{text}</td>'


def badge(status: Status | Completion, text: str) -> str:
    """``text`` (escaped) on the colour of ``status`` (or of a completion)."""
    return (f'<span style="background:{colour(status)};color:{ink(status)};padding:0 6px;'
            f'border-radius:3px;white-space:nowrap">{escape(text)}</span>')


def shortfall_text(verdict: Verdict, lang: Lang = "vi") -> str:
    """What a failed verdict still lacks: ``cần thêm 8/33``, ``thiếu 2,5 điểm %``; else empty."""
    if verdict.shortfall is None:
        return ""
    return remedy(verdict, lang)


def report_html(report: Report, framework: Framework | None = None) -> str:
    """One commune-year: a row per criterion under its pillar (named as ``framework`` names
    it), the status in colour, what a failed criterion still lacks; the caption gives the
    verdict, what blocks it, and the score and level of a points framework."""
    framework = framework_for(framework, report)
    name = escape(name_of(report.commune, "vi"))
    if report.district:
        name += f" ({escape(_text.district_label(report.district))})"
    rows = [
        f"<table {_TABLE}>",
        f'<caption style="text-align:left;padding:2px 0"><b>{name}</b> — năm {report.year}: '
        f"{badge(report.completion, completion_word(report.completion))}"
        f"{escape(completion_details(report))}</caption>",
        "<tr>" + "".join(f"<th {_HEAD}>{h}</th>" for h in (
            "Mã", "Chỉ tiêu", "Giá trị", f"Yêu cầu {report.year}", "Kết quả", "Còn thiếu"))
        + "</tr>",
    ]
    pillar = None
    for verdict in report:
        if verdict.pillar != pillar:
            pillar = verdict.pillar
            counts = report.pillars[pillar]
            counted = counts[Status.PASS] + counts[Status.FAIL] + counts[Status.MISSING]
            rows.append(f'<tr><th colspan="6" {_PILLAR}>{escape(pillar_name(framework, pillar))} '
                        f"— đạt {counts[Status.PASS]}/{counted}</th></tr>")
        value = "" if verdict.value is None else verdict._shown_value("vi")
        if verdict.evidence is not None:
            value += f" ({t('evidence')}: {verdict.evidence})"
        target = "" if verdict.target is None else verdict.target.label
        rows.append(
            "<tr>" + _td(escape(verdict.criterion)) + _td(escape(_text.strip_period(verdict.name)))
            + _td(escape(value)) + _td(escape(target))
            + _td(badge(verdict.status, status_word(verdict.status)))
            + _td(escape(shortfall_text(verdict))) + "</tr>"
        )
    rows.append("</table>")
    rows.extend(warnings_html(report, "vi"))
    return "\n".join(rows)


def _group_html(group: DistrictSummary, framework: Framework | None) -> list[str]:
    parts = [f"<h4 style=\"margin:.75em 0 .25em\">{escape(group.title())}</h4>",
             f"<table {_TABLE}>"]
    for completion in Completion:
        communes = group.with_(completion)
        label = f"{completion_word(completion)} ({len(communes)})"
        parts.append(f"<tr><th {_HEAD}>{badge(completion, label)}</th>"
                     + _td(escape(", ".join(name_of(c, "vi") for c in communes))) + "</tr>")
    if group.one_away:
        away = ", ".join(f"{name_of(c, 'vi')} ({k})" for c, k in group.one_away)
        parts.append(f"<tr><th {_HEAD}>Xã chỉ còn một chỉ tiêu</th>" + _td(escape(away))
                     + "</tr>")
    parts.append("</table>")
    statuses = (Status.PASS, Status.FAIL, Status.MISSING, Status.EXEMPT)
    parts.append(f"<table {_TABLE}><tr>" + "".join(
        f"<th {_HEAD}>{h}</th>" for h in ("Mã", "Chỉ tiêu cản trở (số xã)"))
        + "".join(f"<th {_HEAD}>{badge(s, status_word(s))}</th>" for s in statuses) + "</tr>")
    by_pillar: dict[str, list[str]] = {}
    for criterion, counts in group.criteria.items():
        pillar = group.reports[0][criterion].pillar
        by_pillar.setdefault(pillar, [])
        if counts[Status.FAIL] or counts[Status.MISSING]:
            by_pillar[pillar].append(criterion)
    for pillar, criteria in by_pillar.items():
        rate = rate_text(group.pillars.get(pillar), "vi")
        parts.append(f'<tr><th colspan="{2 + len(statuses)}" {_PILLAR}>'
                     f"{escape(pillar_name(framework, pillar))} — tỷ lệ chỉ tiêu đạt {rate}"
                     "</th></tr>")
        for criterion in criteria:
            counts = group.criteria[criterion]
            parts.append("<tr>" + _td(escape(criterion))
                         + _td(escape(group.criterion_name(criterion)))
                         + "".join(_td(str(counts[s]) if counts[s] else "",
                                       "text-align:right") for s in statuses) + "</tr>")
    parts.append("</table>")
    return parts


def summary_html(summary: Summary, framework: Framework | None = None) -> str:
    """Each district-year: the communes by completion, then per pillar (named as ``framework``,
    else the summary's own, names it) its pass rate and the criteria some commune has not met,
    with how many communes have each status."""
    framework = framework_for(framework, summary)
    parts = ["<div>"]
    for group in summary.groups:
        parts.extend(_group_html(group, framework))
    ranking = ranking_of(summary)
    if ranking is not None:
        parts.extend(ranking_html(ranking, (_TABLE, _HEAD, f'style="{_CELL}"')))
    if not summary.groups:
        parts.append("<p>(không có báo cáo nào)</p>")
    parts.append("</div>")
    return "\n".join(parts)
