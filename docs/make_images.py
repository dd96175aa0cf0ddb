"""Draw the plots shown in docs/district.md from the example data.

Run from the repository root: ``python docs/make_images.py``. Writes PNG files to docs/images/.
"""

from __future__ import annotations

from pathlib import Path

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


if __name__ == "__main__":
    main()
