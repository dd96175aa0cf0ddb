"""Plots with matplotlib (the ``[plot]`` extra): a commune's pillars, a district's communes.

matplotlib is imported here only, on the first plot; without a display the Agg backend is used,
so that plots work on a server and in scripts that write PNG files.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from cds_indicators._model.errors import require
from cds_indicators._model.framework import Framework
from cds_indicators._model.report import Completion, Report, Status, completion_word, status_word
from cds_indicators._render.names import framework_for, pillar_name
from cds_indicators._render.palette import COLOURS, colour, ink
from cds_indicators._render.ranking import ranking_of
from cds_indicators._words import Lang, words
from cds_indicators._words.format import number
from cds_indicators._words.interface import t

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from cds_indicators._rollup.ranking import Ranking
    from cds_indicators._rollup.summary import DistrictSummary, Summary

__all__ = ["plot_report", "plot_summary"]

_ORDER = (Status.PASS, Status.FAIL, Status.MISSING, Status.EXEMPT, Status.NO_TARGET)


def _pyplot() -> Any:
    matplotlib = require("matplotlib", "plot")
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and "matplotlib.pyplot" not in sys.modules:
        matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_report(report: Report, framework: Framework | None = None, lang: Lang = "vi") -> Figure:
    """Per pillar (named as ``framework`` names it), a bar of its criteria split by status,
    with the count in each part."""
    plt = _pyplot()
    said = words(lang).PLOT
    pillars = report.pillars
    framework = framework_for(framework, report)
    labels = [pillar_name(framework, code, lang) for code in pillars]
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(labels) + 1.6))
    left = [0] * len(labels)
    for status in _ORDER:
        counts = [pillars[code][status] for code in pillars]
        bars = ax.barh(labels, counts, left=left, color=colour(status), edgecolor="white",
                       label=status_word(status, lang))
        ax.bar_label(bars, labels=[str(n) if n else "" for n in counts], label_type="center",
                     color=ink(status), fontsize=9)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel(said["criteria"])
    ax.spines[["top", "right"]].set_visible(False)
    who = report.commune or ""
    ax.set_title(f"{who} — {said['year']} {report.year}: "
                 f"{completion_word(report.completion, lang)}", fontsize=11)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2 - 0.3 / len(labels)), ncol=5,
              fontsize=8, frameon=False)
    fig.tight_layout()
    figure: Figure = fig
    return figure


def _label_pillars(heat: Any, report: Report | None, framework: Framework | None,
                   lang: Lang) -> None:
    """Above the heat map, each pillar's name over its criteria, with a line between pillars."""
    spans: dict[str, list[int]] = {}
    for x, verdict in enumerate(report.verdicts if report is not None else ()):
        spans.setdefault(verdict.pillar, []).append(x)
    top = heat.secondary_xaxis("top")
    top.set_xticks([(xs[0] + xs[-1]) / 2 for xs in spans.values()],
                   [pillar_name(framework, code, lang) for code in spans], fontsize=8)
    top.tick_params(length=0)
    for xs in list(spans.values())[1:]:
        heat.axvline(xs[0] - 0.5, color="#37474f", linewidth=1.5)


#: Up to this many commune-years, the heat map names every row; beyond, it names the groups.
LABELLED_ROWS = 60
#: Up to this many district-years, completion is drawn per group; beyond, per year.
SHOWN_GROUPS = 24
#: How many criteria the blocking panel, and how many communes the ranking panel, shows.
SHOWN_BARS = 10


def _row_order(summary: Summary, labelled: bool) -> list[int]:
    """Positions in ``summary.reports``: in the summary's order when every row is named; else,
    within each group, the best first (by score in a scored index, else criteria met), so that
    a province's heat map reads as a gradient per group."""
    reports = summary.reports
    if labelled:
        return list(range(len(reports)))
    def best(i: int) -> tuple[Any, int]:
        report = reports[i]
        return (-(report.score if report.score is not None else len(
            [v for v in report.verdicts if v.status is Status.PASS])), i)
    order: list[int] = []
    start = 0
    for group in summary.groups:
        order += sorted(range(start, start + len(group.reports)), key=best)
        start += len(group.reports)
    return order


def _heat_map(heat: Any, summary: Summary, framework: Framework | None, lang: Lang,
              ranking: Ranking | None) -> None:
    """The communes × criteria map of statuses: one row per commune-year, grouped as the
    summary groups them; rows named (with their rank in a scored index) up to
    :data:`LABELLED_ROWS`, else the groups named at their middle and ruled apart."""
    from matplotlib.colors import ListedColormap

    reports = summary.reports
    labelled = len(reports) <= LABELLED_ROWS
    order = _row_order(summary, labelled)
    criteria = [v.criterion for v in reports[0].verdicts] if reports else []
    grid = [[_ORDER.index(reports[i][c].status) for c in criteria] for i in order]
    heat.imshow(grid or [[0]], cmap=ListedColormap([COLOURS[s] for s in _ORDER]), vmin=0,
                vmax=len(_ORDER) - 1, aspect="auto", interpolation="nearest")
    heat.set_xticks(range(len(criteria)), criteria, rotation=90,
                    fontsize=7 if len(criteria) <= 40 else 5)
    heat.set_xticks([x - 0.5 for x in range(1, len(criteria))], minor=True)
    if labelled:
        several = len({g.year for g in summary.groups}) > 1
        rows = []
        for i in order:
            report = reports[i]
            name = f"{report.commune or '?'} ({report.year})" if several else report.commune or "?"
            found = None if ranking is None else ranking.of(report.commune, report.year,
                                                             report.district)
            rows.append(name if found is None else f"{found.rank}. {name}")
        heat.set_yticks(range(len(rows)), rows, fontsize=8 if len(rows) <= 30 else 6)
        heat.set_yticks([y - 0.5 for y in range(1, len(rows))], minor=True)
        heat.grid(which="minor", color="white", linewidth=0.8 if len(rows) <= 30 else 0.4)
        heat.set_title(t("plot_heat", lang), fontsize=10, loc="left")
        start = 0
        for group in summary.groups[:-1]:
            start += len(group.reports)
            heat.axhline(start - 0.5, color="#37474f", linewidth=1.5)
    else:
        middles, names, start = [], [], 0
        for group in summary.groups:
            middles.append(start + (len(group.reports) - 1) / 2)
            names.append(_group_name(group, summary))
            start += len(group.reports)
            if start < len(reports):
                heat.axhline(start - 0.5, color="white", linewidth=1.2)
        heat.set_yticks(middles if len(names) <= SHOWN_GROUPS * 2 else [],
                        names if len(names) <= SHOWN_GROUPS * 2 else [], fontsize=7)
        heat.set_title(t("plot_heat_many", lang, n=len(reports)), fontsize=10, loc="left")
    _label_pillars(heat, reports[0] if reports else None, framework, lang)
    heat.tick_params(which="minor", length=0)


def _group_name(group: DistrictSummary, summary: Summary) -> str:
    """A group's district, with its year when the summary has several years."""
    if group.district and len({g.year for g in summary.groups}) == 1:
        return group.district
    return f"{group.district or ''} {group.year}".strip()


def _bars_axes(axes: Any, rows: int, lang: Lang) -> None:
    """Horizontal bars read from the top, at most a fifth of the panel each, integer counts."""
    axes.set_ylim(max(rows, 5) - 0.5, -0.5)
    axes.set_xlabel(words(lang).PLOT["communes"], fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    axes.xaxis.get_major_locator().set_params(integer=True)


def _completion_panel(bars: Any, summary: Summary, lang: Lang) -> None:
    """Per district-year (per year when there are more than :data:`SHOWN_GROUPS`), how many
    communes completed, did not, or are undetermined: one stacked horizontal bar each."""
    if len(summary.groups) <= SHOWN_GROUPS:
        names = [_group_name(g, summary) for g in summary.groups]
        counts = {c: [len(g.with_(c)) for g in summary.groups] for c in Completion}
    else:
        years = list(dict.fromkeys(g.year for g in summary.groups))
        names = [str(y) for y in years]
        counts = {c: [sum(len(g.with_(c)) for g in summary.groups if g.year == y)
                      for y in years] for c in Completion}
    left = [0] * len(names)
    for completion in Completion:
        drawn = bars.barh(names, counts[completion], left=left, color=colour(completion),
                          label=completion_word(completion, lang))
        bars.bar_label(drawn, labels=[str(n) if n else "" for n in counts[completion]],
                       label_type="center", color=ink(completion), fontsize=7)
        left = [a + b for a, b in zip(left, counts[completion], strict=True)]
    _bars_axes(bars, len(names), lang)
    bars.set_title(t("plot_by_group", lang), fontsize=10, loc="left")
    bars.tick_params(labelsize=7 if len(names) <= 12 else 6)



def _blocking_panel(axes: Any, summary: Summary, lang: Lang) -> None:
    """The :data:`SHOWN_BARS` criteria not met by the most commune-years, with those still
    without a value beside them."""
    failed: dict[str, int] = {}
    missing: dict[str, int] = {}
    for group in summary.groups:
        for criterion, by_status in group.criteria.items():
            failed[criterion] = failed.get(criterion, 0) + by_status[Status.FAIL]
            missing[criterion] = missing.get(criterion, 0) + by_status[Status.MISSING]
    order = list(failed)
    shown = sorted((c for c in order if failed[c] or missing[c]),
                   key=lambda c: (-failed[c], -missing[c], order.index(c)))[:SHOWN_BARS]
    left = [0] * len(shown)
    for status, by in ((Status.FAIL, failed), (Status.MISSING, missing)):
        counts = [by[c] for c in shown]
        drawn = axes.barh(shown, counts, left=left, color=colour(status),
                          label=status_word(status, lang))
        axes.bar_label(drawn, labels=[str(n) if n else "" for n in counts],
                       label_type="center", color=ink(status), fontsize=7)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    _bars_axes(axes, SHOWN_BARS, lang)
    axes.set_title(t("plot_blocking", lang), fontsize=10, loc="left")
    axes.tick_params(labelsize=7)


def _ranking_panel(axes: Any, summary: Summary, ranking: Ranking, lang: Lang) -> None:
    """The :data:`SHOWN_BARS` best-ranked communes of the last year, their score out of the
    maximum, in the colour of their completion."""
    year = ranking.years[-1]
    ranks = ranking.year(year)[:SHOWN_BARS]
    completions = {(r.commune, r.district, r.year): r.completion for r in summary.reports}
    names = [f"{r.rank}. {r.commune or '?'}" for r in ranks]
    scores = [float(r.score) for r in ranks]
    drawn = axes.barh(names, scores, color=[colour(completions[(r.commune, r.district,
                                                                 r.year)]) for r in ranks])
    axes.bar_label(drawn, labels=[number(r.score, 1, lang) for r in ranks], fontsize=7,
                   padding=2)
    axes.set_ylim(SHOWN_BARS - 0.5, -0.5)
    axes.set_xlim(0, float(max((r.max_score for r in ranks), default=1)) * 1.15)
    axes.set_title(f"{t('plot_ranking', lang)} — {words(lang).PLOT['year']} {year}",
                   fontsize=10, loc="left")
    axes.tick_params(labelsize=7)
    axes.spines[["top", "right"]].set_visible(False)


def plot_summary(summary: Summary, framework: Framework | None = None,
                 lang: Lang = "vi") -> Figure:
    """A summary that stays readable from 5 to 500 communes. Left: the communes × criteria heat
    map of statuses (rows named up to :data:`LABELLED_ROWS` commune-years, else the groups).
    Right: completion per group, the criteria not met by the most communes and, for a scored
    index, the best-ranked communes. The figure's size is bounded whatever the number of
    communes."""
    from matplotlib.patches import Patch

    plt = _pyplot()
    reports = summary.reports
    ranking = ranking_of(summary)
    labelled = len(reports) <= LABELLED_ROWS
    height = min(max(3.2 + 0.24 * len(reports), 6.5), 13.0) if labelled else 11.0
    fig = plt.figure(figsize=(13, height), layout="constrained")
    grid = fig.add_gridspec(3 if ranking is not None else 2, 2, width_ratios=[2.6, 1])
    heat = fig.add_subplot(grid[:, 0])
    bars = fig.add_subplot(grid[0, 1])
    blocking = fig.add_subplot(grid[1, 1])
    _heat_map(heat, summary, framework_for(framework, summary), lang, ranking)
    _completion_panel(bars, summary, lang)
    _blocking_panel(blocking, summary, lang)
    if ranking is not None:
        _ranking_panel(fig.add_subplot(grid[2, 1]), summary, ranking, lang)
    fig.legend(handles=[Patch(color=colour(s), label=status_word(s, lang)) for s in _ORDER],
               loc="outside lower left", ncol=5, fontsize=8, frameon=False)
    fig.legend(handles=[Patch(color=colour(c), label=completion_word(c, lang))
                        for c in Completion],
               loc="outside lower right", ncol=3, fontsize=8, frameon=False)
    fig.suptitle(_title(summary, lang), fontsize=12, x=0.01, ha="left")
    figure: Figure = fig
    return figure


def _title(summary: Summary, lang: Lang) -> str:
    """The summary's title: its groups when there are one or two, else how many communes,
    groups and years."""
    if len(summary.groups) <= 2:
        return "; ".join(g.title(lang) for g in summary.groups) or t("summary_title", lang)
    years = ", ".join(str(y) for y in dict.fromkeys(g.year for g in summary.groups))
    return (f"{t('summary_title', lang)} — {t('communes_count', lang, n=len(summary.reports))}, "
            f"{t('plot_groups', lang, n=len(summary.groups))}, {words(lang).PLOT['year']} "
            f"{years}")
