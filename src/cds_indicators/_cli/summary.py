"""The district roll-up as the command line shows it: the public :func:`summarize` and
:meth:`Summary.against` do the counting; this module only lays the result out as text, rows and a
page.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

import attrs

from cds_indicators._model.errors import InputError, Problem
from cds_indicators._model.framework import Framework
from cds_indicators._model.report import Completion, Report, completion_word
from cds_indicators._render.page import document
from cds_indicators._render.palette import colour, ink
from cds_indicators._render.ranking import ranking_columns, ranking_html, ranking_of
from cds_indicators._render.summary import SHOWN_BLOCKING, in_members, members_of
from cds_indicators._rollup.standings import ScheduleCheck, Standing, standing_word
from cds_indicators._rollup.summary import DistrictSummary, Summary
from cds_indicators._words import Lang, words
from cds_indicators._words.headers import SUMMARY_COLUMNS
from cds_indicators._words.interface import t

__all__ = ["rebased_reports", "rollup_dicts", "rollup_html", "rollup_rows"]


def rebased_reports(paths: Sequence[Path], year: int | None, framework: Framework,
                    successors: Path, evaluate: Any,
                    keep_going: bool = False) -> tuple[list[Report], list[Problem]]:
    """The reports of today's communes: the records of ``paths`` rebased by the successors
    file, then evaluated; every problem of the files raised at once, or with ``keep_going``
    returned beside the reports of what could be read (a former commune refused is then
    missing from its new commune, as any missing part)."""
    from cds_indicators._cli.reading import read_records
    from cds_indicators._rollup.rebase import rebase

    records, problems = read_records(paths, year, framework, keep_going)
    if problems and not keep_going:
        raise InputError(problems)
    if year is not None:
        records = [r if r.year is not None else attrs.evolve(r, year=year) for r in records]
    return [evaluate(r, framework=framework, year=year)
            for r in rebase(records, successors, framework=framework)], problems


def rollup_dicts(summary: Summary, check: ScheduleCheck | None) -> list[dict[str, Any]]:
    """One JSON object per district and year; with a schedule, the communes of each standing."""
    found = []
    for group in summary.groups:
        data = group.to_dict()
        members = members_of(group)
        data["schedule"] = None if check is None else {
            which.value: [s.commune for s in in_members(check, members, group.year)
                          if s.standing is which]
            for which in Standing}
        found.append(data)
    return found


def rollup_rows(summary: Summary, check: ScheduleCheck | None,
                lang: Lang = "vi") -> tuple[list[str], list[list[object]]]:
    """One row per commune: its district, year, completion, what it lacks and its standing,
    headers and words in ``lang``."""
    header = list(SUMMARY_COLUMNS[lang])
    standing = words(lang).STANDING
    rows: list[list[object]] = []
    for report in summary.reports:
        found = None if check is None else check.of(report)
        rows.append([report.commune or "", report.district or "", report.year,
                     completion_word(report.completion, lang), " ".join(report.failed),
                     " ".join(report.missing), "" if found is None or found.due is None
                     else found.due, "" if found is None else standing[found.standing.value]])
    scored = ranking_columns(summary)
    if scored is not None:
        header += scored[0]
        rows = [row + more for row, more in zip(rows, scored[1], strict=True)]
    return header, rows


def _bar(group: DistrictSummary, lang: Lang) -> str:
    width, height = 560, 26
    total = len(group.reports) or 1
    parts, x = [], 0.0
    for completion in Completion:
        n = len(group.with_(completion))
        if not n:
            continue
        w = width * n / total
        tip = f"{n} {completion_word(completion, lang)}"
        parts.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" '
                     f'fill="{colour(completion)}"><title>{escape(tip)}</title></rect>'
                     f'<text x="{x + w / 2:.1f}" y="18" font-size="13" text-anchor="middle" '
                     f'fill="{ink(completion)}">{n}</text>')
        x += w
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img">{"".join(parts)}</svg>')


def rollup_html(summary: Summary, check: ScheduleCheck | None, framework: Framework,
                lang: Lang = "vi") -> str:
    """The roll-up as one self-contained page."""
    css = {Completion.COMPLETED: "pass", Completion.NOT_COMPLETED: "fail",
           Completion.UNDETERMINED: "missing"}
    body = [f"<h1>{escape(t('summary_title', lang))}</h1>",
            f'<p class="meta">{escape(str(framework))}</p>']
    for group in summary.groups:
        body.append('<section class="district">')
        body.append(f"<h2>{escape(group.title(lang))}</h2>")
        body.append(_bar(group, lang))
        heads = ["commune", "completion", "failed_ids", "missing_ids"]
        if check is not None:
            heads.append("schedule")
        body.append("<table><thead><tr>" + "".join(
            f"<th>{escape(t(h, lang))}</th>" for h in heads) + "</tr></thead><tbody>")
        for report in group.reports:
            cells = [escape(report.commune or ""),
                     f'<span class="badge {css[report.completion]}">'
                     f"{escape(completion_word(report.completion, lang))}</span>",
                     escape(", ".join(report.failed)), escape(", ".join(report.missing))]
            if check is not None:
                found = check.of(report)
                cells.append("" if found is None else escape(standing_word(found.standing, lang)))
            body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        body.append("</tbody></table>")
        if group.blocking:
            body.append(f"<h3>{escape(t('blocking', lang))}</h3><table><tbody>")
            for criterion, n in group.blocking[:SHOWN_BLOCKING]:
                body.append(f"<tr><td>{escape(criterion)}</td>"
                            f"<td>{escape(group.criterion_name(criterion, lang))}</td>"
                            f"<td>{escape(t('communes_count', lang, n=n))}</td></tr>")
            body.append("</tbody></table>")
        body.append("</section>")
    ranking = ranking_of(summary)
    if ranking is not None:
        body.extend(ranking_html(ranking, ("", "", ""), lang))
    return document(t("summary_title", lang), body, lang)

