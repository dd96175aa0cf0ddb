"""Reports and criteria as text for people, fitted to a terminal's width
(:mod:`~cds_indicators._render.wrapping`).

Colour is applied through a ``style`` callback (``style(text, role)``) that the command line
supplies; the default adds none.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction

from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Criterion, Framework, Pillar, Target
from cds_indicators._model.report import (
    Completion,
    Report,
    Status,
    Verdict,
    completion_details,
    completion_word,
    status_word,
)
from cds_indicators._model.verdict import text_parts
from cds_indicators._render.palette import COMPLETION_ROLES, STATUS_ROLES
from cds_indicators._render.wrapping import display_width, hanging, lay, pad, wrap
from cds_indicators._words import Lang
from cds_indicators._words.format import commune_label, strip_period
from cds_indicators._words.interface import t

__all__ = [
    "WIDTH",
    "criteria_text",
    "display_width",
    "hanging",
    "problems_text",
    "report_text",
    "reports_text",
    "table",
    "who",
    "wrap",
]

#: The terminal width every table is fitted to.
WIDTH = 80

Style = Callable[[str, str], str]

_MARKS = {
    Status.FAIL: "✗",
    Status.MISSING: "?",
    Status.PASS: "✓",
    Status.EXEMPT: "–",
    Status.NO_TARGET: "·",
}
# Failures first, then what is missing, then the rest.
_ORDER = {s: i for i, s in enumerate(_MARKS)}
_COMPLETION_MARKS = {
    Completion.COMPLETED: "✓",
    Completion.NOT_COMPLETED: "✗",
    Completion.UNDETERMINED: "?",
}


def _plain(text: str, role: str) -> str:
    return text


def table(
    headers: Sequence[str], rows: Iterable[Sequence[str] | str], widths: Sequence[int],
    style: Style = _plain,
) -> list[str]:
    """Rows as lines of a table whose columns have the given display ``widths``; a row given as
    a single string is a heading across the whole table."""
    total = sum(widths) + len(widths) - 1
    lines = [style(" ".join(pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip(),
                   "header"),
             "─" * total]
    for row in rows:
        if isinstance(row, str):
            lines.extend(style(line, "heading") for line in wrap(row, total))
            continue
        cells = [wrap(cell, w) for cell, w in zip(row, widths, strict=True)]
        for i in range(max(len(c) for c in cells)):
            parts = [pad(c[i] if i < len(c) else "", w) for c, w in zip(cells, widths,
                                                                         strict=True)]
            lines.append(" ".join(parts).rstrip())
    return lines


# --- criteria ----------------------------------------------------------------------------------


def _name(thing: Criterion | Pillar, lang: Lang) -> str:
    return thing.name if lang == "vi" or not thing.name_en else thing.name_en


def _pillar_heading(number: int, pillar: Pillar, lang: Lang) -> str:
    return f"{number}. {_name(pillar, lang)}"


def criteria_text(
    framework: Framework, *, year: int | None = None, pillar: str | None = None,
    lang: Lang = "vi", style: Style = _plain,
) -> str:
    """The criteria with unit, responsible office and targets (every year, or ``year``)."""
    no_target = t("no_target", lang) if year is not None else "*"
    years = framework.years if year is None else (year,)
    rows: list[Sequence[str] | str] = []
    for number, group in enumerate(framework.pillars, start=1):
        if pillar is not None and group.code != pillar:
            continue
        rows.append(_pillar_heading(number, group, lang))
        for criterion in group.criteria:
            name = strip_period(_name(criterion, lang))
            if criterion.conditional and lang != "vi":
                name += f" {t('conditional', lang)}"
            targets = [
                no_target if criterion.targets.get(y) is None else str(criterion.targets[y])
                for y in years
            ]
            if year is None and criterion.responsible:
                name += f"\n{t('responsible', lang)}: {criterion.responsible}"
            if year is None:
                rows.append([criterion.id, name, criterion.unit, *targets])
            else:
                rows.append([criterion.id, name, criterion.unit, *targets,
                             criterion.responsible or "–"])
    headers = [t("id", lang), t("criterion", lang), t("unit", lang)]
    if year is None:
        headers += [str(y) for y in years]
        widths = [4, 27, 8] + [8] * len(years)
        widths[1] += WIDTH - 1 - (sum(widths) + len(widths) - 1)
    else:
        headers += [t("target", lang, year=year), t("responsible", lang)]
        widths = [4, 32, 6, 13, 20]
    title = f"{framework}"
    if year is not None:
        title += f" — {t('year', lang)} {year}"
    return "\n".join([style(title, "title"), "", *table(headers, rows, widths, style)])


# --- reports -----------------------------------------------------------------------------------


def who(report: Report, lang: Lang) -> str:
    """Whom ``report`` is about: ``Vĩnh Hùng (Vĩnh Lộc)``, ``(không tên)`` without a name."""
    return commune_label(report.commune or t("unnamed", lang), report.district)


def _rank(verdict: Verdict) -> int:
    return _ORDER[verdict.status]


class _Layout:
    """Reports' lines in one language and style, each distinct verdict laid out once.

    A verdict's line is its criterion (``1.2 Lãnh đạo, …: ``, the same words in every report)
    followed by what was found (:func:`text_parts`). The criterion's words are wrapped once, and
    each finding is laid after them where they end: wrapping fills lines left to right, so that
    is the wrapping of the whole line (the criterion part ends in a space, which no character
    after it joins under NFC: ``tests/test_render_text.py`` checks every code point). A
    verdict met again (most are shared by the evaluation, or equal) is looked up, as are pillar
    headings with their tallies and warnings. One is made per rendering, for one language and
    style: renderings never share lines.
    """

    def __init__(self, lang: Lang, style: Style) -> None:
        self.lang, self.style = lang, style
        self._marks: dict[Status, str] = {}
        self._headings: dict[tuple[object, ...], str] = {}
        self._warnings: dict[str, list[str]] = {}
        self._heads: dict[str, tuple[tuple[str, ...], str, int]] = {}
        self._known: dict[tuple[object, ...], list[str]] = {}
        #: By identity, the verdict kept with its lines so that its ``id`` is not reused.
        self._seen: dict[int, tuple[Verdict, list[str]]] = {}
        #: The targets whose ``id`` is in a key, kept so that no ``id`` is reused.
        self._targets: dict[int, Target | None] = {}

    def heading(self, number: int, pillar: Pillar, counts: dict[Status, int] | None) -> str:
        """A pillar's heading and how many of its criteria have each status."""
        tally = () if counts is None else tuple(counts.items())
        key = (number, pillar.code, pillar.name, pillar.name_en, tally)
        heading = self._headings.get(key)
        if heading is None:
            said = ", ".join(f"{n} {status_word(s, self.lang)}" for s, n in tally if n)
            heading = self._headings[key] = self.style(
                f"{_pillar_heading(number, pillar, self.lang)}: {said}", "heading")
        return heading

    def warning(self, text: str) -> list[str]:
        """A warning's lines (the same warning, without its commune, in many reports)."""
        lines = self._warnings.get(text)
        if lines is None:
            lines = self._warnings[text] = hanging("  - ", text, WIDTH - 1)
        return lines

    def verdict(self, verdict: Verdict) -> list[str]:
        """``hanging("  x ", verdict.text(lang), WIDTH - 1)`` with the status's mark for x."""
        seen = self._seen.get(id(verdict))
        if seen is not None and seen[0] is verdict:
            return seen[1]
        key = self.key(verdict)
        lines = self._known.get(key)
        if lines is None:
            lines = self._known[key] = self._lay_out(verdict)
        self._seen[id(verdict)] = (verdict, lines)
        return lines

    #: The fields of a verdict that its line does not show.
    UNSHOWN = frozenset({"pillar", "points", "max_points"})

    def key(self, verdict: Verdict) -> tuple[object, ...]:
        """What a verdict's line is made of: every field but :attr:`UNSHOWN`
        (``tests/test_render_text.py`` holds this list to the fields of :class:`Verdict`), each
        in a form quick to hash: a Fraction as its two integers, after the value's type (True
        equals Fraction(1) but reads otherwise), the target by identity (equal targets apart
        only miss the cache)."""
        value, target = verdict.value, verdict.target
        if target is not None and id(target) not in self._targets:
            self._targets[id(target)] = target
        return (verdict.criterion, verdict.status, value.__class__,
                (value.numerator, value.denominator) if value.__class__ is Fraction else value,
                verdict.counts, verdict.count, verdict.evidence, verdict.year, verdict.name,
                verdict.name_en, verdict.unit, id(verdict.kind), id(target))

    def _lay_out(self, verdict: Verdict) -> list[str]:
        width = WIDTH - 1 - 4
        head, finding = text_parts(verdict, self.lang)
        begun = self._heads.get(head)
        if begun is None:
            opened: list[str] = []
            line, used = lay(opened, "", 0, unicodedata.normalize("NFC", head), width, False)
            begun = self._heads[head] = (tuple(opened), line, used)
        lines = list(begun[0])
        line, _ = lay(lines, begun[1], begun[2], unicodedata.normalize("NFC", finding), width,
                       False)
        lines.append(line)
        mark = self._marks.get(verdict.status)
        if mark is None:
            mark = self._marks[verdict.status] = self.style(_MARKS[verdict.status],
                                                            STATUS_ROLES[verdict.status])
        return [f"  {mark} {lines[0]}", *(f"    {line}" for line in lines[1:])]


def report_text(
    report: Report, framework: Framework, lang: Lang = "vi", style: Style = _plain
) -> str:
    """One commune's report: by pillar, failures first with what is needed, the verdict last."""
    return _report_text(report, framework, lang, style, _Layout(lang, style))


def _report_text(report: Report, framework: Framework, lang: Lang, style: Style,
                 layout: _Layout) -> str:
    head = f"{who(report, lang)} — {t('year', lang)} {report.year} — {framework}"
    lines = [*(style(line, "title") for line in wrap(head, WIDTH - 1)), ""]
    counts = report.pillars
    for number, pillar in enumerate(framework.pillars, start=1):
        lines.append(layout.heading(number, pillar, counts.get(pillar.code)))
        for verdict in sorted((report[c.id] for c in pillar.criteria), key=_rank):
            lines.extend(layout.verdict(verdict))
        lines.append("")
    outcome = completion_word(report.completion, lang).upper()
    role = COMPLETION_ROLES[report.completion]
    lines.extend(
        style(line, role)
        for line in wrap(f"{t('verdict', lang)}: {who(report, lang)} {outcome}", WIDTH - 1)
    )
    details = completion_details(report, lang).lstrip("; ")
    if details:
        lines.extend(hanging("  ", details, WIDTH - 1))
    if report.warnings:
        lines.extend(["", style(t("warnings_heading", lang, n=len(report.warnings)), "heading")])
        for warning in report.warnings:
            lines.extend(layout.warning(warning.text(lang)))
    return "\n".join(lines)


def verdicts_text(reports: Sequence[Report], lang: Lang = "vi", style: Style = _plain) -> str:
    """The completion verdict of every commune, one entry each."""
    lines = [style(t("verdicts", lang), "heading")]
    for report in reports:
        mark = style(_COMPLETION_MARKS[report.completion], COMPLETION_ROLES[report.completion])
        text = (f"{who(report, lang)}, {t('year', lang)} {report.year}: "
                f"{completion_word(report.completion, lang)}{completion_details(report, lang)}")
        body = hanging("  x ", text, WIDTH - 1)
        lines.extend([f"  {mark} {body[0][4:]}", *body[1:]])
    return "\n".join(lines)


def reports_text(
    reports: Sequence[Report], framework: Framework, lang: Lang = "vi", style: Style = _plain
) -> str:
    """Every report, then (for more than one) the verdict of each commune."""
    layout = _Layout(lang, style)
    blocks = [_report_text(r, framework, lang, style, layout) for r in reports]
    if len(reports) > 1:
        blocks.append(verdicts_text(reports, lang, style))
    return "\n\n".join(blocks)


# --- problems ----------------------------------------------------------------------------------


def problems_text(problems: Sequence[Problem], lang: Lang = "vi") -> str:
    """Problems as one readable block: a heading and every problem with its place."""
    if len(problems) == 1:
        return "\n".join(hanging(f"{t('error', lang)}: ", problems[0].text(lang), WIDTH - 1))
    lines = [t("problems_heading", lang, n=len(problems))]
    for problem in problems:
        lines.extend(hanging("  - ", problem.text(lang), WIDTH - 1))
    return "\n".join(lines)
