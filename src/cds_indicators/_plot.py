"""Plots with matplotlib (the ``[plot]`` extra): a commune's pillars, a district's communes."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from ._frames import require
from ._html import COLOURS
from ._report import Report, Status, status_word

if TYPE_CHECKING:
    from ._summary import Summary

__all__ = ["plot_report", "plot_summary"]

_ORDER = (Status.PASS, Status.FAIL, Status.MISSING, Status.EXEMPT, Status.NO_TARGET)


def _pyplot() -> Any:
    matplotlib = require("matplotlib", "plot")
    if "matplotlib.pyplot" not in sys.modules and not os.environ.get("DISPLAY") and (
            sys.platform.startswith("linux")):
        matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_report(report: Report) -> Any:
    """Stacked bars: per pillar, how many criteria have each status."""
    from ._summary import pillar_names as _pillar_names

    plt = _pyplot()
    names = _pillar_names(report.framework)
    pillars = report.pillars
    labels = [names.get(code, (code, code))[0] for code in pillars]
    fig, ax = plt.subplots(figsize=(7, 3.2))
    left = [0] * len(labels)
    for status in _ORDER:
        counts = [pillars[code][status] for code in pillars]
        ax.barh(labels, counts, left=left, color=COLOURS[status], edgecolor="#555",
                label=status_word(status))
        left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("số chỉ tiêu")
    ax.set_title(f"{report.commune or ''} — năm {report.year}")
    ax.legend(loc="lower right", fontsize=7)
    fig.tight_layout()
    return fig


def plot_summary(summary: Summary, *, district: str | None = None,
                 year: int | None = None) -> Any:
    """A commune × criterion heat map of statuses, and the completion counts, for one
    district-year (the first, unless ``district`` and ``year`` say which)."""
    from matplotlib.colors import ListedColormap

    plt = _pyplot()
    rollups = [r for r in summary if (district is None or r.district == district)
               and (year is None or r.year == year)]
    rollup = rollups[0]
    criteria = list(rollup.criteria)
    grid = [[_ORDER.index(report[cid].status) for cid in criteria] for report in rollup.reports]
    fig, (heat, bars) = plt.subplots(1, 2, figsize=(12, 0.4 * len(grid) + 2),
                                     gridspec_kw={"width_ratios": [4, 1]})
    cmap = ListedColormap([COLOURS[s] for s in _ORDER])
    heat.imshow(grid, cmap=cmap, vmin=0, vmax=len(_ORDER) - 1, aspect="auto")
    heat.set_xticks(range(len(criteria)), criteria, rotation=90, fontsize=7)
    heat.set_yticks(range(len(grid)), rollup.communes, fontsize=8)
    heat.set_title(f"Huyện {rollup.district or ''} — năm {rollup.year}")
    counts = [len(rollup.completed), len(rollup.not_completed), len(rollup.undetermined)]
    bars.bar(["Hoàn thành", "Chưa HT", "Chưa XĐ"], counts,
             color=[COLOURS[Status.PASS], COLOURS[Status.FAIL], COLOURS[Status.MISSING]],
             edgecolor="#555")
    bars.set_title("Số xã")
    fig.tight_layout()
    return fig
