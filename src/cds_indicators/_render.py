"""Reports as text for people: grouped by pillar, failures first, the verdict last."""

from __future__ import annotations

from ._framework import Framework
from ._report import Report, Status, completion_word, status_word

__all__ = ["report_text"]

_MARKS = {
    Status.FAIL: "✗",
    Status.MISSING: "?",
    Status.PASS: "✓",
    Status.EXEMPT: "–",
    Status.NO_TARGET: "·",
}
# Failures first, then what is missing, then the rest.
_ORDER = {s: i for i, s in enumerate(_MARKS)}


def report_text(report: Report, framework: Framework, lang: str = "vi") -> str:
    """The whole report as lines of text."""
    vi = lang == "vi"
    who = report.commune or ("(không tên)" if vi else "(unnamed)")
    if report.district:
        who += f" ({report.district})"
    lines = [f"{who} — {'năm' if vi else 'year'} {report.year} — {framework}", ""]
    counts = report.pillars
    for number, pillar in enumerate(framework.pillars, start=1):
        verdicts = sorted(
            (report[c.id] for c in pillar.criteria), key=lambda v: _ORDER[v.status]
        )
        tally = ", ".join(
            f"{n} {status_word(s, lang)}" for s, n in counts.get(pillar.code, {}).items() if n
        )
        name = pillar.name if vi or not pillar.name_en else pillar.name_en
        lines.append(f"{number}. {name}: {tally}")
        lines.extend(f"  {_MARKS[v.status]} {v.text(lang)}" for v in verdicts)
        lines.append("")
    verdict = completion_word(report.completion, lang).upper()
    lines.append(f"{'KẾT LUẬN' if vi else 'VERDICT'}: {who} {verdict}")
    details = []
    if report.failed:
        details.append(f"{'chưa đạt' if vi else 'not met'}: {', '.join(report.failed)}")
    if report.missing:
        details.append(f"{'thiếu số liệu' if vi else 'no value'}: {', '.join(report.missing)}")
    if details:
        lines.append("  " + "; ".join(details))
    return "\n".join(lines)
