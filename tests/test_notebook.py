"""Reports and summaries in a notebook: ``_repr_html_`` tables and matplotlib plots."""

from __future__ import annotations

import re
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest

import cds_indicators as cds
from cds_indicators._model.report import status_word
from cds_indicators._words import format as _format

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORK = cds.load_framework()


def vinh_long() -> cds.Report:
    record = cds.load_values(ROOT / "examples" / "vinh-long-2024.toml")[0]
    return cds.evaluate(record.values, record.year, commune=record.commune,
                        district=record.district)


def district() -> list[cds.Report]:
    records = cds.load_values(ROOT / "examples" / "district" / "vinh-loc.csv")
    return [cds.evaluate(r.values, r.year, commune=r.commune, district=r.district)
            for r in records]


def cells(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", html)]


def test_report_html_is_grouped_by_pillar_with_every_verdict() -> None:
    report = vinh_long()
    html = report._repr_html_()
    headers = re.findall(r'<th colspan="6"[^>]*>(.*?)</th>', html)
    assert [h.split(" — ")[0] for h in headers] == [p.name for p in FRAMEWORK.pillars]
    for pillar, header in zip(FRAMEWORK.pillars, headers, strict=True):
        counts = report.pillars[pillar.code]
        counted = sum(counts[s] for s in (cds.Status.PASS, cds.Status.FAIL, cds.Status.MISSING))
        assert header.endswith(f"đạt {counts[cds.Status.PASS]}/{counted}")
    shown = cells(html)
    assert len(shown) == 6 * len(report)
    rows = [shown[i:i + 6] for i in range(0, len(shown), 6)]
    assert [r[0] for r in rows] == [v.criterion for v in report]
    words = {"PASS": "đạt", "FAIL": "chưa đạt", "MISSING": "chưa có số liệu",
             "EXEMPT": "không áp dụng", "NO_TARGET": "không có chỉ tiêu"}
    assert [r[4] for r in rows] == [words[v.status.value] for v in report]
    assert dict(zip([r[0] for r in rows], [r[5] for r in rows], strict=True))["2.5"] == (
        f"cần thêm {report['2.5'].needed}/33")
    assert "#c62828" in html and "#2e7d32" in html


def test_report_html_shows_a_shortfall_in_points() -> None:
    report = cds.evaluate({"3.1": "50%"}, 2024, commune="Xã A")
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", report._repr_html_()) if ">3.1<" in r)
    shortfall = report["3.1"].shortfall
    assert shortfall is not None
    assert cells(row)[5] == f"thiếu {_format.number(shortfall, 2)} điểm %"


def test_text_is_escaped() -> None:
    name = '<script>alert("x")</script> & Xã'
    report = cds.evaluate({}, 2024, commune=name, district="<img src=x>")
    for html in (report._repr_html_(), cds.summarize([report])._repr_html_()):
        assert "<script>" not in html and "<img" not in html
        assert escape(name) in html


def test_summary_html() -> None:
    summary = cds.summarize(district())
    whole = summary._repr_html_()
    parts = whole.split("<h4")[1:]
    assert len(parts) == len(summary)
    for group, html in zip(summary, parts, strict=True):
        assert escape(group.title()) in html
        assert f"hoàn thành chuyển đổi số ({len(group.completed)})" in html
        assert ", ".join(c or "" for c in group.completed) in html
        rows = {cells(r)[0]: cells(r) for r in re.findall(r"<tr>(.*?)</tr>", html)
                if cells(r)[:1] and cells(r)[0][:1].isdigit()}
        for criterion, counts in group.criteria.items():
            if counts[cds.Status.FAIL] or counts[cds.Status.MISSING]:
                shown = rows.pop(criterion)
                assert shown[2:] == [str(counts[s]) if counts[s] else "" for s in (
                    cds.Status.PASS, cds.Status.FAIL, cds.Status.MISSING, cds.Status.EXEMPT)]
        assert rows == {}, "only the criteria some commune has not met are listed"
        for pillar in FRAMEWORK.pillars:
            rate = group.pillars[pillar.code]
            assert rate is not None
            assert f"tỷ lệ chỉ tiêu đạt {_format.number(rate * 100, 1)}%" in html


def test_import_does_not_load_matplotlib() -> None:
    code = "import sys, cds_indicators; assert 'matplotlib' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


# --- plots ---------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _close_figures() -> object:
    yield
    if "matplotlib.pyplot" in sys.modules:
        import matplotlib.pyplot as plt

        plt.close("all")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_report_plot(lang: str) -> None:
    from matplotlib.figure import Figure

    report = vinh_long()
    figure = report.plot(lang)
    assert isinstance(figure, Figure)
    (axes,) = figure.axes
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels == [p.name if lang == "vi" else p.name_en for p in FRAMEWORK.pillars]
    widths = [bar.get_width() for bar in axes.patches]
    assert sum(widths) == len(report)
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert legend == [status_word(s, lang)
                      for s in (cds.Status.PASS, cds.Status.FAIL, cds.Status.MISSING,
                                cds.Status.EXEMPT, cds.Status.NO_TARGET)]
    assert str(report.year) in axes.get_title()


def test_summary_plot() -> None:
    from matplotlib.figure import Figure

    reports = district()
    summary = cds.summarize(reports)
    figure = summary.plot()
    assert isinstance(figure, Figure)
    heat, bars = figure.axes[:2]
    grid = heat.get_images()[0].get_array()
    assert grid.shape == (len(reports), len(FRAMEWORK))
    assert [t.get_text() for t in heat.get_xticklabels()] == [c.id for c in FRAMEWORK]
    assert [t.get_text() for t in heat.get_yticklabels()] == [
        f"{r.commune} ({r.year})" for r in reports]
    heights = [p.get_height() for p in bars.patches]
    assert sum(heights) == len(reports)
    completed = [len(g.completed) for g in summary]
    assert heights[: len(completed)] == completed


def test_missing_matplotlib_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "import cds_indicators as cds\n"
        "try:\n    cds.evaluate({}, 2024).plot()\n"
        "except cds.CdsError as e:\n    print(e)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert 'pip install "cds-indicators[plot]"' in done.stdout
