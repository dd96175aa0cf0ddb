"""Reports and summaries in a notebook: ``_repr_html_`` tables and matplotlib plots."""

from __future__ import annotations

import re
import subprocess
import sys
from html import escape
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators import strategies as cst
from cds_indicators._model.report import completion_details, completion_word, status_word
from cds_indicators._render.notebook import report_html
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
    widths = [p.get_width() for p in bars.patches]
    assert sum(widths) == len(reports)
    completed = [len(g.completed) for g in summary]
    assert widths[: len(completed)] == completed


def test_missing_matplotlib_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "import cds_indicators as cds\n"
        "try:\n    cds.evaluate({}, 2024).plot()\n"
        "except cds.CdsError as e:\n    print(e)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert 'python -m pip install ".[plot]"' in done.stdout


# --- one palette ---------------------------------------------------------------------------


def test_every_status_and_completion_has_a_colour_and_an_ink() -> None:
    from cds_indicators._render import palette

    hexes = re.compile(r"#[0-9a-f]{3}(?:[0-9a-f]{3})?")
    for which in (*cds.Status, *cds.Completion):
        assert hexes.fullmatch(palette.colour(which)), which
        assert hexes.fullmatch(palette.ink(which)), which
        assert palette.colour(which) != palette.ink(which)
    assert set(palette.STATUS_ROLES) == set(cds.Status)
    assert set(palette.COMPLETION_ROLES) == set(cds.Completion)
    assert set(palette.STATUS_ROLES.values()) <= set(palette.TERMINAL_STYLES)


def every_status() -> cds.Report:
    """A report of Decision 1829 in 2022 with a verdict of every status."""
    report = cds.evaluate({"1.2": "100%", "1.4": "10%", "4.8": cds.NOT_APPLICABLE}, 2022,
                          commune="Xã A")
    assert {v.status for v in report} == set(cds.Status)
    return report


def test_the_notebook_page_and_plot_draw_statuses_in_the_palette_colours() -> None:
    from matplotlib.colors import to_hex

    from cds_indicators._render.page import reports_html
    from cds_indicators._render.palette import colour, ink

    report = every_status()
    words = {status_word(s): s for s in cds.Status}
    words.update({completion_word(c): c for c in cds.Completion})
    badges = re.findall(r'<span style="background:(#\w+);color:(#\w+);[^"]*">([^<]+)</span>',
                        report._repr_html_())
    assert {words[text] for _, _, text in badges} >= set(cds.Status)
    for background, text_colour, text in badges:
        assert (background, text_colour) == (colour(words[text]), ink(words[text]))
    page = reports_html([report], FRAMEWORK)
    bars = re.findall(r'fill="(#\w+)"><title>\d+ ([^<]+)</title>', page)
    assert {words[text] for _, text in bars} == set(cds.Status)
    for fill, text in bars:
        assert fill == colour(words[text])
    for status in cds.Status:
        assert f"background: {colour(status)}; color: {ink(status)};" in page
    (axes,) = report.plot().axes
    legend = axes.get_legend()
    for patch, label in zip(legend.get_patches(), legend.get_texts(), strict=True):
        assert to_hex(patch.get_facecolor()) == to_hex(colour(words[label.get_text()]))


# --- a points framework and a framework of one's own ----------------------------------------

DTI = cds.load_framework("dti-example")
DTI_VALUES = {"CQ1": "Có", "CQ2": cds.ratio(60, 80), "CQ3": 1, "CQ4": 0, "KT1": "57,5%",
              "XH1": 63, "XH2": True}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_verdict_shows_the_score_and_level_of_a_points_framework(lang: str) -> None:
    from cds_indicators._render.page import reports_html
    from cds_indicators._render.text import reports_text

    report = cds.evaluate(DTI_VALUES, 2024, framework=DTI, commune="Xã A")
    details = completion_details(report, lang)
    assert details == (" (2 chỉ tiêu chưa đạt: CQ3, KT1); 69,1/100 điểm, mức Khá" if lang == "vi"
                       else " (2 not met: CQ3, KT1); 69.1/100 points, level Khá")
    assert report.text(lang).endswith(details)
    assert escape(details) in reports_html([report], DTI, lang)
    flat = " ".join(reports_text([report, report], DTI, lang).split())
    assert details.lstrip() in flat
    if lang == "vi":
        assert escape(details) in report._repr_html_()


def test_a_report_without_points_adds_no_score() -> None:
    report = cds.evaluate({}, 2024, commune="Xã A")
    assert "điểm" not in completion_details(report)
    assert completion_details(cds.evaluate(FRAMEWORK_PASS, 2022)) == ""


FRAMEWORK_PASS = {c.id: cds.NOT_APPLICABLE if c.conditional else (
    True if c.kind is cds.Kind.YES_NO else "100%" if c.kind is cds.Kind.RATE else 10**6)
    for c in FRAMEWORK}


def own_framework() -> cds.Framework:
    """Decision 1829 with pillars of its own names and codes."""
    pillars = tuple(
        cds.Pillar(code=f"p{i}", name=f"Nhóm riêng {i}", name_en=f"Own group {i}",
                   criteria=tuple(attrs.evolve(c, pillar=f"p{i}") for c in pillar.criteria))
        for i, pillar in enumerate(FRAMEWORK.pillars, start=1))
    return attrs.evolve(FRAMEWORK, id="own", pillars=pillars)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_framework_of_ones_own_names_its_pillars_everywhere(lang: str) -> None:
    from cds_indicators._render.page import reports_html
    from cds_indicators._render.plot import plot_report
    from cds_indicators._render.text import reports_text

    own = own_framework()
    names = [p.name if lang == "vi" else p.name_en for p in own.pillars]
    reports = [cds.evaluate(r.values, r.year, framework=own, commune=r.commune,
                            district=r.district)
               for r in cds.load_values(ROOT / "examples" / "district" / "vinh-loc.csv")]
    summary = cds.summarize(reports, framework=own)
    assert summary == cds.summarize(reports), "the framework kept is not part of equality"
    text = reports_text(reports[:1], own, lang)
    page = reports_html(reports[:1], own, lang)
    for name in names:
        assert name in text and escape(name) in page
    (axes,) = plot_report(reports[0], own, lang).axes
    assert [t.get_text() for t in axes.get_yticklabels()] == names
    vi_names = [p.name for p in own.pillars]
    headers = re.findall(r'<th colspan="6"[^>]*>(.*?) — ', report_html(reports[0], own))
    assert headers == vi_names
    shown = re.findall(r'<th colspan="6"[^>]*>(.*?) — ', summary._repr_html_())
    assert shown and set(shown) == set(vi_names)
    (top,) = summary.plot(lang).axes[0].child_axes
    assert [t.get_text() for t in top.get_xticklabels()] == names


def test_a_report_names_the_pillars_of_the_framework_it_was_judged_by() -> None:
    """Without the framework given again, a report, and a summary of reports, render the pillar
    names of the framework the reports were judged by."""
    own = own_framework()
    reports = [cds.evaluate({}, 2024, framework=own, commune=commune)
               for commune in ("Xã A", "Xã B")]
    names = [p.name for p in own.pillars]
    assert re.findall(r'<th colspan="6"[^>]*>(.*?) — ', reports[0]._repr_html_()) == names
    (axes,) = reports[0].plot("en").axes
    assert [t.get_text() for t in axes.get_yticklabels()] == [p.name_en for p in own.pillars]
    summary = cds.summarize(reports)
    assert summary._definition is own
    shown = re.findall(r'<th colspan="6"[^>]*>(.*?) — ', summary._repr_html_())
    assert shown and set(shown) == set(names)
    (top,) = summary.plot().axes[0].child_axes
    assert [t.get_text() for t in top.get_xticklabels()] == names
    read_back = cds.Report.from_dict(reports[1].to_dict())
    assert cds.summarize([reports[0], read_back])._definition is own


def test_a_summary_of_reports_judged_by_differing_frameworks_of_one_id_keeps_none() -> None:
    own = own_framework()
    renamed = attrs.evolve(own, pillars=tuple(
        attrs.evolve(p, name=f"{p.name} (khác)") for p in own.pillars))
    reports = [cds.evaluate({}, 2024, framework=framework, commune=commune)
               for framework, commune in ((own, "Xã A"), (renamed, "Xã B"))]
    assert cds.summarize(reports)._definition is None
    assert cds.summarize(reports, framework=renamed)._definition is renamed
    same = attrs.evolve(own)
    assert cds.summarize([reports[0], cds.evaluate({}, 2024, framework=same, commune="Xã C")]
                         )._definition is own


def test_without_its_framework_a_renderer_shows_the_shipped_names_or_the_codes() -> None:
    own = own_framework()
    report = cds.Report.from_dict(
        cds.evaluate({}, 2024, framework=own, commune="Xã A").to_dict())
    codes = [p.code for p in own.pillars]
    assert re.findall(r'<th colspan="6"[^>]*>(.*?) — ', report._repr_html_()) == codes
    shipped = cds.Report.from_dict(vinh_long().to_dict())
    assert re.findall(r'<th colspan="6"[^>]*>(.*?) — ', shipped._repr_html_()) == [
        p.name for p in FRAMEWORK.pillars]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_renderers_name_pillars_as_their_framework_and_state_the_reports_details(
        data: st.DataObject) -> None:
    """Whatever the framework, a renderer given it names each pillar with criteria by the
    framework's name, and every verdict it states carries the details of ``str(report)``."""
    from cds_indicators._render.page import reports_html

    framework = data.draw(cst.frameworks(max_criteria=5))
    reports = data.draw(st.lists(cst.reports(framework), min_size=1, max_size=3,
                                 unique_by=lambda r: (r.commune, r.year)))
    named = {p.name for p in framework.pillars if p.criteria}
    for report in reports:
        html = report_html(report, framework)
        assert set(re.findall(r'<th colspan="6"[^>]*>(.*?) — ', html)) == named
        details = escape(completion_details(report))
        assert f"{details}</caption>" in html
        assert f"{details}</p>" in reports_html([report], framework)
        assert str(report).endswith(completion_details(report))
    summary = cds.summarize(reports, framework=framework)
    shown = set(re.findall(r'<th colspan="6"[^>]*>(.*?) — ', summary._repr_html_()))
    assert shown == {framework.pillar(v.pillar).name for v in reports[0].verdicts}
