"""The district roll-up as the command line shows it: per district and year, who completed, what
blocks the others, and how each commune stands against its assigned year.

The schedule file gives the year by which each commune must complete (Decision 969/QĐ-UBND): a
CSV with columns ``commune`` (or ``Xã``) and ``year`` (or ``Năm``), or a TOML file whose
``[schedule]`` table maps commune names to years.
"""

from __future__ import annotations

import csv
import tomllib
from collections import Counter
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

import attrs

from ._cli_text import t
from ._errors import InputError, Problem
from ._framework import Framework
from ._html_report import document
from ._render import WIDTH, _hanging, wrap
from ._report import Completion, Report, completion_word
from ._text import strip_period

__all__ = ["Group", "read_schedule", "rollup", "rollup_html", "rollup_rows", "rollup_text"]

#: How a commune stands against the year it was assigned.
STANDINGS = ("on_time", "early", "late", "not_due")


@attrs.frozen(kw_only=True)
class Group:
    """The communes of one district in one year, and what they add up to."""

    district: str | None
    year: int
    reports: tuple[Report, ...]
    due: Mapping[str, int] = attrs.field(factory=dict)

    def with_(self, completion: Completion) -> list[str]:
        return [r.commune or "" for r in self.reports if r.completion is completion]

    def blocking(self, top: int = 5) -> list[tuple[str, int]]:
        """The criteria that most communes fail, with how many."""
        counts = Counter(c for r in self.reports for c in r.failed)
        return counts.most_common(top)

    def one_away(self) -> list[tuple[str, str]]:
        """Communes that lack exactly one criterion, and which."""
        return [(r.commune or "", (r.failed + r.missing)[0]) for r in self.reports
                if len(r.failed) + len(r.missing) == 1]

    def standing(self, report: Report) -> str | None:
        """``on_time``, ``early``, ``late`` or ``not_due`` against the schedule; ``None`` when
        the commune has no assigned year."""
        due = self.due.get(report.commune or "")
        if due is None:
            return None
        if report.completion is Completion.COMPLETED:
            return "early" if report.year < due else "on_time" if report.year == due else "late"
        return "late" if report.year >= due else "not_due"

    def to_dict(self) -> dict[str, Any]:
        return {
            "district": self.district,
            "year": self.year,
            "communes": len(self.reports),
            **{c.value.lower(): self.with_(c) for c in Completion},
            "blocking": [{"criterion": c, "communes": n} for c, n in self.blocking()],
            "one_away": [{"commune": c, "criterion": k} for c, k in self.one_away()],
            "schedule": {s: [r.commune for r in self.reports if self.standing(r) == s]
                         for s in STANDINGS} if self.due else None,
        }


def rollup(reports: Sequence[Report], due: Mapping[str, int] | None = None) -> list[Group]:
    """The reports grouped by district and year, in the order they first appear."""
    keys: dict[tuple[str | None, int], list[Report]] = {}
    for report in reports:
        keys.setdefault((report.district, report.year), []).append(report)
    return [Group(district=d, year=y, reports=tuple(rs), due=dict(due or {}))
            for (d, y), rs in keys.items()]


def read_schedule(path: Path) -> dict[str, int]:
    """Commune → the year it must complete, from a CSV or TOML file."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise InputError([Problem.of("file_unreadable", source=source,
                                     detail=detail or exc)]) from None
    if path.suffix.lower() == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError([Problem.of("toml_syntax", source=source, detail=str(exc))]) from None
        rows: list[tuple[str | None, int | None, Any, Any]]
        table = data.get("schedule", data)
        pairs = list(table.items()) if isinstance(table, dict) else []
        rows = [(f"$.schedule.{k}", None, k, v) for k, v in pairs]
    else:
        lines = text.splitlines()
        separator = ";" if lines and lines[0].count(";") > lines[0].count(",") else ","
        table_rows = list(csv.reader(lines, delimiter=separator))
        header = [h.strip().casefold() for h in table_rows[0]] if table_rows else []
        name = next((header.index(h) for h in ("commune", "xã") if h in header), 0)
        year = next((header.index(h) for h in ("year", "năm") if h in header), 1)
        rows = [(None, i, r[name].strip() if len(r) > name else "",
                 r[year].strip() if len(r) > year else "")
                for i, r in enumerate(table_rows[1:], start=2) if any(c.strip() for c in r)]
    due: dict[str, int] = {}
    problems = []
    for place, row, commune, year_value in rows:
        where: dict[str, Any] = {"source": source, "path": place, "row": row}
        if not isinstance(commune, str) or not commune:
            problems.append(Problem.of("missing_commune", **where))
            continue
        text_year = str(year_value)
        if type(year_value) is bool or not text_year.isdigit():
            problems.append(Problem.of("bad_field", value=year_value, **where))
            continue
        due[commune] = int(text_year)
    if problems:
        raise InputError(problems)
    return due


def _title(group: Group, lang: str) -> str:
    where = f"{t('district', lang)} {group.district}, " if group.district else ""
    return f"{t('summary_title', lang)} — {where}{t('year', lang)} {group.year}"


_MARK = {Completion.COMPLETED: "✓", Completion.NOT_COMPLETED: "✗", Completion.UNDETERMINED: "?"}


def _names(framework: Framework, criterion: str, lang: str) -> str:
    found = framework[criterion]
    return strip_period(found.name if lang == "vi" or not found.name_en else found.name_en)


def rollup_text(groups: Sequence[Group], framework: Framework, lang: str = "vi") -> str:
    """The roll-up as text that fits an 80-column terminal."""
    blocks = []
    for group in groups:
        lines = wrap(_title(group, lang), WIDTH - 1)
        lines.append(t("communes_count", lang, n=len(group.reports)))
        for completion in Completion:
            names = group.with_(completion)
            if names:
                text = f"{completion_word(completion, lang)} ({len(names)}): {', '.join(names)}"
                lines.extend(_hanging(f"  {_MARK[completion]} ", text, WIDTH - 1))
        if group.blocking():
            lines.append(f"{t('blocking', lang)}:")
            for criterion, n in group.blocking():
                text = f"{criterion} ({t('communes_count', lang, n=n)}): " + _names(
                    framework, criterion, lang)
                lines.extend(_hanging("  - ", text, WIDTH - 1))
        if group.one_away():
            text = ", ".join(f"{c} ({k})" for c, k in group.one_away())
            lines.extend(_hanging("", f"{t('one_away', lang)}: {text}", WIDTH - 1))
        if group.due:
            lines.append(f"{t('schedule', lang)}:")
            for standing in STANDINGS:
                names = [r.commune or "" for r in group.reports if group.standing(r) == standing]
                if names:
                    lines.extend(_hanging("  - ", f"{t(standing, lang)}: {', '.join(names)}",
                                          WIDTH - 1))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def rollup_rows(groups: Sequence[Group]) -> tuple[list[str], list[list[object]]]:
    """One row per commune: its district, year, completion, what it lacks and its standing."""
    header = ["commune", "district", "year", "completion", "failed", "missing", "due",
              "standing"]
    rows: list[list[object]] = []
    for group in groups:
        for report in group.reports:
            rows.append([report.commune or "", report.district or "", report.year,
                         report.completion.value, " ".join(report.failed),
                         " ".join(report.missing), group.due.get(report.commune or "", ""),
                         group.standing(report) or ""])
    return header, rows


def _bar(group: Group, lang: str) -> str:
    width, height = 560, 26
    total = len(group.reports) or 1
    colours = {Completion.COMPLETED: "#2e7d32", Completion.NOT_COMPLETED: "#c62828",
               Completion.UNDETERMINED: "#f9a825"}
    parts, x = [], 0.0
    for completion, colour in colours.items():
        n = len(group.with_(completion))
        if not n:
            continue
        w = width * n / total
        tip = f"{n} {completion_word(completion, lang)}"
        parts.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" '
                     f'fill="{colour}"><title>{escape(tip)}</title></rect>'
                     f'<text x="{x + w / 2:.1f}" y="18" font-size="13" text-anchor="middle" '
                     f'fill="#fff">{n}</text>')
        x += w
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img">{"".join(parts)}</svg>')


def rollup_html(groups: Sequence[Group], framework: Framework, lang: str = "vi") -> str:
    """The roll-up as one self-contained page."""
    css = {Completion.COMPLETED: "pass", Completion.NOT_COMPLETED: "fail",
           Completion.UNDETERMINED: "missing"}
    body = [f"<h1>{escape(t('summary_title', lang))}</h1>",
            f'<p class="meta">{escape(str(framework))}</p>']
    for group in groups:
        body.append('<section class="district">')
        body.append(f"<h2>{escape(_title(group, lang))}</h2>")
        body.append(_bar(group, lang))
        heads = ["commune", "completion", "failed_ids", "missing_ids"]
        if group.due:
            heads.append("schedule")
        body.append("<table><thead><tr>" + "".join(
            f"<th>{escape(t(h, lang))}</th>" for h in heads) + "</tr></thead><tbody>")
        for report in group.reports:
            cells = [escape(report.commune or ""),
                     f'<span class="badge {css[report.completion]}">'
                     f"{escape(completion_word(report.completion, lang))}</span>",
                     escape(", ".join(report.failed)), escape(", ".join(report.missing))]
            if group.due:
                standing = group.standing(report)
                cells.append(escape(t(standing, lang)) if standing else "")
            body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        body.append("</tbody></table>")
        if group.blocking():
            body.append(f"<h3>{escape(t('blocking', lang))}</h3><table><tbody>")
            for criterion, n in group.blocking():
                body.append(f"<tr><td>{escape(criterion)}</td>"
                            f"<td>{escape(_names(framework, criterion, lang))}</td>"
                            f"<td>{escape(t('communes_count', lang, n=n))}</td></tr>")
            body.append("</tbody></table>")
        body.append("</section>")
    return document(t("summary_title", lang), body, lang)

