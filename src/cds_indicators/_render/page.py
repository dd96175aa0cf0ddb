"""Reports as one self-contained HTML file: inline CSS, inline SVG, no network, prints on A4.

Every piece of text that comes from data (commune names, criterion names, labels) is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from cds_indicators._model.framework import Framework, Pillar
from cds_indicators._model.report import (
    Completion,
    Report,
    Status,
    Verdict,
    completion_details,
    completion_word,
    status_word,
)
from cds_indicators._render.palette import COLOURS, COMPLETION_STATUS, INK, ROW_TINTS, colour, ink
from cds_indicators._render.text import who
from cds_indicators._version import __version__
from cds_indicators._words import Lang
from cds_indicators._words.format import strip_period
from cds_indicators._words.interface import t

__all__ = ["document", "pillar_bars", "reports_html"]

_STATUS_CLASS = {
    Status.FAIL: "fail",
    Status.MISSING: "missing",
    Status.PASS: "pass",
    Status.EXEMPT: "exempt",
    Status.NO_TARGET: "none",
}
_COMPLETION_CLASS = {c: _STATUS_CLASS[s] for c, s in COMPLETION_STATUS.items()}
_ORDER = {s: i for i, s in enumerate(_STATUS_CLASS)}

_CSS_TEMPLATE = """
:root { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1b1b1b; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; line-height: 1.4; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #37474f; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.meta { color: #455a64; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { border: 1px solid #b0bec5; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #eceff1; }
td.num { white-space: nowrap; }
.badge { display: inline-block; padding: .1rem .5rem; border-radius: .25rem;
         font-weight: bold; white-space: nowrap; }
{status_rules}
.verdict { font-size: 1.05rem; margin: .5rem 0; }
.legend span { margin-right: 1rem; white-space: nowrap; }
.legend i { display: inline-block; width: .8rem; height: .8rem; margin-right: .25rem;
            vertical-align: middle; }
svg { max-width: 100%; height: auto; }
footer { margin-top: 2rem; color: #607d8b; font-size: .75rem; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  section.commune { break-before: page; }
  section.commune:first-of-type { break-before: auto; }
  tr, svg { break-inside: avoid; }
  .badge, tr.fail td, tr.missing td, .legend i { print-color-adjust: exact;
                                                 -webkit-print-color-adjust: exact; }
}
"""
# The badges and tinted rows take their colours from the palette.
_CSS = _CSS_TEMPLATE.replace("{status_rules}", "\n".join(
    [f".badge.{css} {{ background: {COLOURS[s]}; color: {INK[s]}; }}"
     for s, css in _STATUS_CLASS.items()]
    + [f"tr.{_STATUS_CLASS[s]} td {{ background: {tint}; }}" for s, tint in ROW_TINTS.items()]))


def _name(thing: Pillar | Verdict, lang: Lang) -> str:
    return thing.name if lang == "vi" or not thing.name_en else thing.name_en


def document(title: str, body: Iterable[str], lang: Lang) -> str:
    """A whole HTML page around ``body`` (already escaped HTML)."""
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        *body,
        f"<footer>{escape(t('generated', lang, version=__version__))}</footer>",
        "</body>",
        "</html>",
        "",
    ])


def pillar_bars(report: Report, framework: Framework, lang: Lang) -> str:
    """Per pillar, a bar of its criteria coloured by status, as inline SVG."""
    label_w, bar_w, row_h, gap = 190, 420, 22, 8
    counts = report.pillars
    rows = []
    for i, pillar in enumerate(framework.pillars):
        y = i * (row_h + gap)
        by_status = counts.get(pillar.code, {})
        total = sum(by_status.values()) or 1
        rows.append(
            f'<text x="0" y="{y + 15}" font-size="13">{escape(_name(pillar, lang))}</text>'
        )
        x = float(label_w)
        for status in _STATUS_CLASS:
            n = by_status.get(status, 0)
            if not n:
                continue
            width = bar_w * n / total
            tip = f"{n} {status_word(status, lang)}"
            rows.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{row_h}" '
                f'fill="{colour(status)}"><title>{escape(tip)}</title></rect>'
            )
            if width >= 18:
                rows.append(
                    f'<text x="{x + width / 2:.1f}" y="{y + 15}" font-size="12" '
                    f'text-anchor="middle" fill="{ink(status)}">{n}</text>'
                )
            x += width
        passed = by_status.get(Status.PASS, 0)
        counted = total - by_status.get(Status.NO_TARGET, 0) - by_status.get(Status.EXEMPT, 0)
        rows.append(
            f'<text x="{label_w + bar_w + 8}" y="{y + 15}" font-size="12">'
            f"{escape(t('passed_of', lang, passed=passed, total=counted))}</text>"
        )
    height = len(framework.pillars) * (row_h + gap)
    width = label_w + bar_w + 90
    label = escape(t("per_pillar", lang))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{label}">'
        + "".join(rows)
        + "</svg>"
    )


def _legend(lang: Lang) -> str:
    items = "".join(
        f'<span><i style="background:{colour(s)}"></i>{escape(status_word(s, lang))}</span>'
        for s in _STATUS_CLASS
    )
    return f'<p class="legend">{items}</p>'


def _badge(css: str, text: str) -> str:
    return f'<span class="badge {css}">{escape(text)}</span>'


def _verdict_rows(report: Report, framework: Framework, lang: Lang) -> list[str]:
    rows = []
    for pillar in framework.pillars:
        verdicts = sorted((report[c.id] for c in pillar.criteria), key=lambda v: _ORDER[v.status])
        rows.append(f'<tr><th colspan="4">{escape(_name(pillar, lang))}</th></tr>')
        for verdict in verdicts:
            css = _STATUS_CLASS[verdict.status]
            finding = verdict.text(lang).partition(": ")[2]
            rows.append(
                f'<tr class="{css}"><td class="num">{escape(verdict.criterion)}</td>'
                f"<td>{escape(strip_period(_name(verdict, lang)))}</td>"
                f"<td>{escape(finding)}</td>"
                f"<td>{_badge(css, status_word(verdict.status, lang))}</td></tr>"
            )
    return rows


def warnings_html(report: Report, lang: Lang) -> list[str]:
    """The report's warnings as a list under their heading (nothing when it has none)."""
    if not report.warnings:
        return []
    items = "".join(f"<li>{escape(w.text(lang))}</li>" for w in report.warnings)
    heading = escape(t("warnings_heading", lang, n=len(report.warnings)))
    return [f'<div class="warnings"><p>{heading}</p><ul>{items}</ul></div>']


def _commune_section(report: Report, framework: Framework, lang: Lang) -> list[str]:
    css = _COMPLETION_CLASS[report.completion]
    return [
        '<section class="commune">',
        f"<h2>{escape(who(report, lang))} — {escape(t('year', lang))} {report.year}</h2>",
        f'<p class="verdict">{escape(t("verdict", lang))}: '
        f"{_badge(css, completion_word(report.completion, lang))}"
        f"{escape(completion_details(report, lang))}</p>",
        *warnings_html(report, lang),
        f"<h3>{escape(t('per_pillar', lang))}</h3>",
        pillar_bars(report, framework, lang),
        _legend(lang),
        "<table>",
        f"<thead><tr><th>{escape(t('id', lang))}</th><th>{escape(t('criterion', lang))}</th>"
        f"<th>{escape(t('finding', lang))}</th><th>{escape(t('status', lang))}</th></tr></thead>",
        "<tbody>",
        *_verdict_rows(report, framework, lang),
        "</tbody>",
        "</table>",
        "</section>",
    ]


def _overview(reports: Sequence[Report], lang: Lang) -> list[str]:
    rows = []
    for report in reports:
        css = _COMPLETION_CLASS[report.completion]
        rows.append(
            f'<tr><td>{escape(report.commune or t("unnamed", lang))}</td>'
            f"<td>{escape(report.district or '')}</td><td class=\"num\">{report.year}</td>"
            f"<td>{_badge(css, completion_word(report.completion, lang))}</td>"
            f"<td>{escape(', '.join(report.failed))}</td>"
            f"<td>{escape(', '.join(report.missing))}</td></tr>"
        )
    heads = ("commune", "district", "year_header", "completion", "failed_ids", "missing_ids")
    head = "".join(f"<th>{escape(t(h, lang))}</th>" for h in heads)
    return ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>", *rows, "</tbody>",
            "</table>"]


def reports_html(reports: Sequence[Report], framework: Framework, lang: Lang = "vi") -> str:
    """One page: the verdict of every commune, then each commune's pillars and verdicts."""
    title = t("report_title", lang)
    if len(reports) == 1:
        title += f" — {who(reports[0], lang)} {reports[0].year}"
    completed = sum(r.completion is Completion.COMPLETED for r in reports)
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(str(framework))} · '
        f"{escape(t('communes_count', lang, n=len(reports)))} · "
        f"{escape(completion_word(Completion.COMPLETED, lang))}: {completed}/{len(reports)}</p>",
    ]
    if len(reports) > 1:
        body.extend(_overview(reports, lang))
    for report in reports:
        body.extend(_commune_section(report, framework, lang))
    return document(title, body, lang)
