"""Draw the plots shown in docs/district.md and docs/rebasing.md from the example data.

Run from the repository root: ``python docs/make_images.py``. Writes PNG files to docs/images/.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import cds_indicators as cds

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"


def main() -> None:
    record = cds.load_values(ROOT / "examples" / "vinh-long-2024.toml")[0]
    report = cds.evaluate(record.values, record.year, commune=record.commune,
                          district=record.district)
    report.plot().savefig(IMAGES / "report-plot.png", dpi=110, bbox_inches="tight")
    records = cds.load_values(ROOT / "examples" / "district" / "vinh-loc.csv")
    reports = [cds.evaluate(r.values, r.year, commune=r.commune, district=r.district)
               for r in records]
    cds.summarize(reports).plot().savefig(IMAGES / "summary-plot.png", dpi=110, bbox_inches="tight")
    rebased_trajectory("Xã Biện Thượng").savefig(IMAGES / "rebased-trajectory.png", dpi=110,
                                                bbox_inches="tight")


def rebased_trajectory(commune: str) -> Any:
    """Today's ``commune`` over 2022–2025, rebased from its former communes
    (``examples/rebase``, illustrative values): per year, the criteria met and not met, and
    the rates of the criteria that failed in some year against their targets."""
    import matplotlib.pyplot as plt

    history = cds.load_values(ROOT / "examples" / "rebase" / "vinh-loc-history.csv")
    today = cds.rebase(history, ROOT / "examples" / "rebase" / "vinh-loc-2025.csv")
    reports = [cds.evaluate(r.values, r.year, commune=r.commune) for r in today
               if r.commune == commune]
    years = [r.year for r in reports]
    met = [sum(v.status is cds.Status.PASS for v in r) for r in reports]
    failed = [len(r.failed) + len(r.missing) for r in reports]
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    left.bar(years, met, color="#2e7d32", label="đạt")
    left.bar(years, failed, bottom=met, color="#c62828", label="chưa đạt / thiếu")
    for year, report, top in zip(years, reports, map(sum, zip(met, failed, strict=True)),
                                 strict=True):
        left.text(year, top + 0.5, "✓" if report.completed else "✗", ha="center")
    left.set_xticks(years)
    left.set_ylabel("số chỉ tiêu")
    left.set_title(f"{commune}: chỉ tiêu đạt theo năm")
    left.legend(loc="lower right")
    blocking = sorted({c for r in reports for c in r.failed})
    for criterion in blocking:
        shown = [(r.year, float(r[criterion].value)) for r in reports
                 if isinstance(r[criterion].value, Fraction)]
        if not shown:
            continue  # a yes/no criterion: shown on the left only
        line = right.plot(*zip(*shown, strict=True), marker="o", label=criterion)[0]
        targets = [(r.year, float(r[criterion].target.threshold)) for r in reports
                   if r[criterion].target is not None
                   and isinstance(r[criterion].target.threshold, Fraction)]
        if targets:
            right.plot(*zip(*targets, strict=True), linestyle="--", color=line.get_color())
    right.set_xticks(years)
    right.set_ylabel("%")
    right.set_title("chỉ tiêu chưa đạt: giá trị (—) và chỉ tiêu (--)")
    right.legend()
    figure.suptitle("Minh họa: lịch sử 2022–2024 gộp theo xã cũ, năm 2025 đo trên xã mới")
    return figure


if __name__ == "__main__":
    main()
