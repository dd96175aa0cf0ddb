"""Draw the plots shown in docs/district.md, docs/rebasing.md and docs/scoring.md.

Run from the repository root: ``python docs/make_images.py``. Writes PNG files to docs/images/.
The province pictures (5, 50 and 500 communes) and the scored index's picture are drawn from
generated, illustrative values (*minh họa*): no figure in them is a commune's result.
"""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path
from typing import Any

import cds_indicators as cds

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"


def illustrative(size: int, framework: cds.Framework, year: int = 2024,
                 seed: int = 2024) -> list[cds.Report]:
    """``size`` generated communes (*minh họa*) in groups of up to 25, each criterion met with a
    chance that rises with the commune's own drawn readiness; a few values left out."""
    rng = random.Random(seed)
    per = 1 if size <= 5 else 10 if size <= 50 else 25
    reports = []
    for i in range(size):
        readiness = rng.random()
        values: dict[str, object] = {}
        for criterion in framework:
            target = criterion.target(year)
            chance = rng.random()
            if target is None or chance < 0.03:
                continue
            if criterion.conditional and chance < 0.06:
                values[criterion.id] = cds.NOT_APPLICABLE
                continue
            met = rng.random() < 0.8 + 0.2 * readiness
            if criterion.kind is cds.Kind.YES_NO:
                values[criterion.id] = met
            elif criterion.kind is cds.Kind.RATE:
                bound = float(target.threshold or 0)
                value = (bound + rng.uniform(0.5, max(100 - bound, 0.5)) if met
                         else bound * rng.uniform(0.5, 0.99))
                values[criterion.id] = f"{min(value, 100):.1f}%"
            else:
                bound = int(target.threshold or 0)
                values[criterion.id] = (bound + rng.randint(0, 3) if met
                                        else rng.randint(0, max(bound - 1, 0)))
        reports.append(cds.evaluate(
            values, year, framework=framework, commune=f"Xã minh họa {i + 1:03d}",
            district=f"Minh họa {i // per + 1}" if size > 5 else None))
    return reports


def template_picture(path: Path, rows: int = 20) -> None:
    """The top of the 2024 entry template, partly filled in, as LibreOffice prints it: written by
    ``write_template``, printed to PDF by ``soffice`` and drawn by ``pypdfium2`` at twice the
    page's size, so that its text reads at the docs' width. Skipped, with a note, when either
    tool is missing."""
    import shutil
    import subprocess
    import tempfile

    try:
        import pypdfium2
        from openpyxl import load_workbook
        from PIL import ImageChops
    except ImportError as missing:
        print(f"template picture skipped: {missing}")
        return
    office = shutil.which("soffice")
    if office is None:
        print("template picture skipped: LibreOffice (soffice) is not installed")
        return
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        book = cds.write_template(work / "phieu-2024.xlsx", 2024,
                                  communes=[("Xã Vĩnh Long", "Vĩnh Lộc")])
        workbook = load_workbook(book)
        sheet = workbook.active
        # The values of examples/vinh-long-2024.toml for three criteria, as a commune types them.
        typed = {"1.1": "Có", "1.2": 100, "1.6": 78.4}
        for row in range(1, sheet.max_row + 1):
            criterion = sheet.cell(row, 1).value
            if criterion in typed:
                sheet.cell(row, 7).value = typed[criterion]
        sheet.print_area = f"A1:I{rows}"
        workbook.save(book)
        subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", folder,
                        str(book)], check=True, capture_output=True)
        page = pypdfium2.PdfDocument(work / "phieu-2024.pdf")[0]
        image = page.render(scale=2.2).to_pil().convert("RGB")
    blank = image.point(lambda _: 255)
    box = ImageChops.difference(image, blank).getbbox()
    if box is not None:
        image = image.crop((max(box[0] - 12, 0), max(box[1] - 12, 0), box[2] + 12, box[3] + 12))
    image.save(path)


def main() -> None:
    record = cds.load_values(ROOT / "examples" / "vinh-long-2024.toml")[0]
    report = cds.evaluate(record.values, record.year, commune=record.commune,
                          district=record.district)
    report.plot().savefig(IMAGES / "report-plot.png", dpi=110, bbox_inches="tight")
    records = cds.load_values(ROOT / "examples" / "district" / "vinh-loc.csv")
    reports = [cds.evaluate(r.values, r.year, commune=r.commune, district=r.district)
               for r in records]
    cds.summarize(reports).plot().savefig(IMAGES / "summary-plot.png", dpi=110,
                                          bbox_inches="tight")
    decision = cds.load_framework()
    for size in (5, 50, 500):
        cds.summarize(illustrative(size, decision)).plot().savefig(
            IMAGES / f"province-{size}-minh-hoa.png", dpi=80, bbox_inches="tight")
    template_picture(IMAGES / "template-2024.png")
    index = cds.load_framework(ROOT / "examples" / "index-minh-hoa.toml")
    cds.summarize(illustrative(12, index)).plot().savefig(
        IMAGES / "index-minh-hoa.png", dpi=90, bbox_inches="tight")
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
    left.set_ylim(0, max(m + f for m, f in zip(met, failed, strict=True)) + 4)
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
