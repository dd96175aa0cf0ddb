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
from cds_indicators._words import Lang, words

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from cds_indicators._rollup.summary import Summary

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


def plot_summary(summary: Summary, framework: Framework | None = None,
                 lang: Lang = "vi") -> Figure:
    """Left: a commune × criterion heat map of statuses, one row per commune-year, grouped by
    district and year. Right: per district-year, how many communes completed, did not, or are
    undetermined."""
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    plt = _pyplot()
    said = words(lang).PLOT
    reports = summary.reports
    criteria = [v.criterion for v in reports[0].verdicts] if reports else []
    grid = [[_ORDER.index(r[c].status) for c in criteria] for r in reports]
    rows = [f"{r.commune or '?'} ({r.year})" if len(summary.groups) > 1 else r.commune or "?"
            for r in reports]
    fig, (heat, bars) = plt.subplots(
        1, 2, figsize=(13, 0.32 * len(rows) + 2.6),
        gridspec_kw={"width_ratios": [4, 1.2]})
    heat.imshow(grid or [[0]], cmap=ListedColormap([COLOURS[s] for s in _ORDER]), vmin=0,
                vmax=len(_ORDER) - 1, aspect="auto", interpolation="nearest")
    heat.set_xticks(range(len(criteria)), criteria, rotation=90, fontsize=7)
    heat.set_yticks(range(len(rows)), rows, fontsize=8)
    heat.set_xticks([x - 0.5 for x in range(1, len(criteria))], minor=True)
    heat.set_yticks([y - 0.5 for y in range(1, len(rows))], minor=True)
    heat.grid(which="minor", color="white", linewidth=0.8)
    _label_pillars(heat, reports[0] if reports else None,
                   framework_for(framework, summary), lang)
    heat.tick_params(which="minor", length=0)
    titles = [g.title(lang).split(" — ", 1)[-1] for g in summary.groups]
    heat.set_title("; ".join(titles), fontsize=10)
    heat.legend(handles=[Patch(color=colour(s), label=status_word(s, lang)) for s in _ORDER],
                loc="upper center", bbox_to_anchor=(0.5, -0.08 - 1.2 / max(len(rows), 4)),
                ncol=5, fontsize=8, frameon=False)
    names = [f"{g.key or ''} {g.year}".strip() for g in summary.groups]
    bottom = [0] * len(names)
    for completion in Completion:
        counts = [len(g.with_(completion)) for g in summary.groups]
        drawn = bars.bar(names, counts, bottom=bottom, color=colour(completion),
                         label=completion_word(completion, lang))
        bars.bar_label(drawn, labels=[str(n) if n else "" for n in counts],
                       label_type="center", color=ink(completion), fontsize=9)
        bottom = [a + b for a, b in zip(bottom, counts, strict=True)]
    bars.set_ylabel(said["communes"])
    bars.set_title(said["completion"], fontsize=10)
    bars.tick_params(axis="x", labelrotation=30, labelsize=8)
    bars.spines[["top", "right"]].set_visible(False)
    bars.yaxis.get_major_locator().set_params(integer=True)
    bars.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize=7, frameon=False)
    fig.tight_layout()
    figure: Figure = fig
    return figure
