"""Reports and criteria as text for people, fitted to a terminal's width.

Widths are display widths (a combining mark takes no column, a wide character two), so long
Vietnamese names wrap where a terminal wraps them. Colour is applied through a ``style`` callback
(``style(text, role)``) that the command line supplies; the default adds none.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable, Sequence

from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Criterion, Framework, Pillar
from cds_indicators._model.report import (
    Completion,
    Report,
    Status,
    Verdict,
    completion_details,
    completion_word,
    status_word,
)
from cds_indicators._render.palette import COMPLETION_ROLES, STATUS_ROLES
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


# --- widths and wrapping -----------------------------------------------------------------------


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes."""
    if text.isascii():
        return len(text)  # no ASCII character is wide or combining
    return sum(map(_char_width, text))


@functools.lru_cache(maxsize=1 << 12)
def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


#: Words recur (criterion names, statuses): each one's width is measured once.
_word_width = functools.lru_cache(maxsize=1 << 14)(display_width)


def _cut(word: str, width: int) -> list[str]:
    """``word`` in pieces of at most ``width`` columns."""
    pieces, piece, used = [], "", 0
    for char in word:
        columns = _char_width(char)
        if piece and used + columns > width:
            pieces.append(piece)
            piece, used = "", 0
        piece += char
        used += columns
    return [*pieces, piece] if piece else pieces


def wrap(text: str, width: int, cut: bool = True) -> list[str]:
    """``text`` as lines of at most ``width`` display columns, broken between words (a word
    longer than a line is cut, or with ``cut=False`` left whole on a line of its own: a path
    stays one piece that can be copied). A line's width is kept as it grows: each word is
    measured once."""
    text = unicodedata.normalize("NFC", text)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for word in paragraph.split():
            columns = _word_width(word)
            if line and used + 1 + columns <= width:
                line, used = f"{line} {word}", used + 1 + columns
                continue
            if not line and columns <= width:
                line, used = word, columns
                continue
            if line:
                lines.append(line)
            if columns <= width or not cut:
                line, used = word, columns
                continue
            pieces = _cut(word, width)
            lines.extend(pieces[:-1])
            line = pieces[-1]
            used = display_width(line)
        lines.append(line)
    return lines


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def table(
    headers: Sequence[str], rows: Iterable[Sequence[str] | str], widths: Sequence[int],
    style: Style = _plain,
) -> list[str]:
    """Rows as lines of a table whose columns have the given display ``widths``; a row given as
    a single string is a heading across the whole table."""
    total = sum(widths) + len(widths) - 1
    lines = [style(" ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip(),
                   "header"),
             "─" * total]
    for row in rows:
        if isinstance(row, str):
            lines.extend(style(line, "heading") for line in wrap(row, total))
            continue
        cells = [wrap(cell, w) for cell, w in zip(row, widths, strict=True)]
        for i in range(max(len(c) for c in cells)):
            parts = [_pad(c[i] if i < len(c) else "", w) for c, w in zip(cells, widths,
                                                                         strict=True)]
            lines.append(" ".join(parts).rstrip())
    return lines


def hanging(first: str, text: str, width: int) -> list[str]:
    """``text`` wrapped after the prefix ``first``, continuation lines indented to match; a
    word longer than a line (a file's path) is never cut."""
    indent = " " * display_width(first)
    body = wrap(text, width - len(indent), cut=False)
    return [first + body[0], *(indent + line for line in body[1:])]


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


def _verdict_lines(verdict: Verdict, lang: Lang, style: Style) -> list[str]:
    mark = style(_MARKS[verdict.status], STATUS_ROLES[verdict.status])
    lines = hanging("  x ", verdict.text(lang), WIDTH - 1)
    return [f"  {mark} {lines[0][4:]}", *lines[1:]]


def report_text(
    report: Report, framework: Framework, lang: Lang = "vi", style: Style = _plain
) -> str:
    """One commune's report: by pillar, failures first with what is needed, the verdict last."""
    head = f"{who(report, lang)} — {t('year', lang)} {report.year} — {framework}"
    lines = [*(style(line, "title") for line in wrap(head, WIDTH - 1)), ""]
    counts = report.pillars
    for number, pillar in enumerate(framework.pillars, start=1):
        verdicts = sorted(
            (report[c.id] for c in pillar.criteria), key=lambda v: _ORDER[v.status]
        )
        tally = ", ".join(
            f"{n} {status_word(s, lang)}" for s, n in counts.get(pillar.code, {}).items() if n
        )
        lines.append(style(f"{_pillar_heading(number, pillar, lang)}: {tally}", "heading"))
        for verdict in verdicts:
            lines.extend(_verdict_lines(verdict, lang, style))
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
        lines.extend(line for w in report.warnings for line in hanging("  - ", w.text(lang),
                                                                        WIDTH - 1))
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
    blocks = [report_text(r, framework, lang, style) for r in reports]
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
