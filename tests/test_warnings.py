"""Warnings: input that is legal but probably wrong is flagged beside the verdicts, in both
languages, through every door, and never changes a verdict."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators import strategies as cst

ROOT = Path(__file__).resolve().parent.parent


def _said(report: cds.Report) -> list[tuple[str, str | None, str, str]]:
    return [(w.code, w.criterion, w.message, w.message_en) for w in report.warnings]


LOW_RATE = (
    "rate_looks_like_fraction", "3.3", "chỉ tiêu 3.3: 0,8% — có phải 80%? (yêu cầu 75% năm 2025)",
    "criterion 3.3: 0.8% — did you mean 80%? (target 75% in 2025)",
)


@pytest.mark.parametrize(
    ("values", "year", "expected"),
    [
        # 0.8 typed for 80 %, in every form that reads as 0.8 %: one rule on what was read.
        ({"3.3": 0.8}, 2025, [LOW_RATE]),
        ({"3.3": "0,8"}, 2025, [LOW_RATE]),
        ({"3.3": "0.8%"}, 2025, [LOW_RATE]),
        ({"3.3": Decimal("0.8")}, 2025, [LOW_RATE]),
        ({"3.3": Fraction(4, 5)}, 2025, [LOW_RATE]),
        ({"3.3": 1}, 2025, [(
            "rate_looks_like_fraction", "3.3",
            "chỉ tiêu 3.3: 1% — có phải 100%? (yêu cầu 75% năm 2025)",
            "criterion 3.3: 1% — did you mean 100%? (target 75% in 2025)")]),
        # At most 1 % is the rule: just above it, zero, and counts are not warned about.
        ({"3.3": "1,01"}, 2025, []),
        ({"3.3": 0}, 2025, []),
        ({"3.3": cds.ratio(1, 200)}, 2025, []),
        # A target under 10 % is no reason to doubt a low rate (3.6 asks 10 % in 2023).
        ({"3.6": 0.8}, 2023, [(
            "rate_looks_like_fraction", "3.6",
            "chỉ tiêu 3.6: 0,8% — có phải 80%? (yêu cầu 10% năm 2023)",
            "criterion 3.6: 0.8% — did you mean 80%? (target 10% in 2023)")]),
        # A commune-year with no value at all; "không áp dụng" is a value.
        ({}, 2025, [("no_values", None,
                     "không có giá trị nào cho năm 2025: cả trang để trống?",
                     "no value at all for 2025: was the sheet left blank?")]),
        ({"2.5": None, "3.3": ""}, 2025, [("no_values", None,
                     "không có giá trị nào cho năm 2025: cả trang để trống?",
                     "no value at all for 2025: was the sheet left blank?")]),
        ({"4.8": cds.NOT_APPLICABLE}, 2022, []),
        # A value for a criterion without a target that year (1.11 has one only in 2022).
        ({"1.11": True}, 2025, [(
            "value_without_target", "1.11",
            "chỉ tiêu 1.11: năm 2025 không có yêu cầu, giá trị Có không được tính",
            "criterion 1.11: no target in 2025, the value Yes does not count")]),
        ({"2.5": "40%"}, 2022, [(
            "value_without_target", "2.5",
            "chỉ tiêu 2.5: năm 2022 không có yêu cầu, giá trị 40% không được tính",
            "criterion 2.5: no target in 2022, the value 40% does not count")]),
    ],
)
def test_what_is_warned_about(values, year, expected):
    assert _said(cds.evaluate(values, year)) == expected


STATED = "chỉ tiêu 2.5: ghi {vi} nhưng số đếm 1382/2400 cho {exact_vi}; kết quả tính theo số đếm"
STATED_EN = "criterion 2.5: {en} is written but the counts 1382/2400 give {exact_en}; the counts decide"


@pytest.mark.parametrize(
    ("percent", "shown"),
    [
        # 1382/2400 is 57.58333… %: printed with one decimal it is 57.6, not 57.5.
        ("57,5", ("57,5%", "57.5%", "57,58%", "57.58%")),
        ("57,5 %", ("57,5%", "57.5%", "57,58%", "57.58%")),
        (57.5, ("57,5%", "57.5%", "57,58%", "57.58%")),
        (Decimal("57.50"), ("57,50%", "57.50%", "57,583%", "57.583%")),
        (57, ("57%", "57%", "57,6%", "57.6%")),
        (Fraction(115, 2), ("57,5%", "57.5%", "57,6%", "57.6%")),
    ],
)
def test_a_stated_percentage_that_disagrees_with_its_counts_is_named_beside_them(percent, shown):
    vi, en, exact_vi, exact_en = shown
    report = cds.evaluate(
        {"2.5": {"numerator": 1382, "denominator": 2400, "percent": percent}}, 2025)
    assert report["2.5"].value == Fraction(1382 * 100, 2400)  # the counts decide
    assert _said(report) == [("stated_percent_disagrees", "2.5",
                              STATED.format(vi=vi, exact_vi=exact_vi),
                              STATED_EN.format(en=en, exact_en=exact_en))]


@pytest.mark.parametrize("percent", ["57,6", "57.58", 57.6, Decimal("57.583"), 58, "57,583%"])
def test_a_stated_percentage_that_agrees_to_its_printed_precision_is_not_warned_about(percent):
    report = cds.evaluate(
        {"2.5": {"numerator": 1382, "denominator": 2400, "percent": percent}}, 2025)
    assert report.warnings == ()


@pytest.mark.parametrize(
    ("stated", "rate", "agrees"),
    [("57.5", Fraction(5745, 100), True), ("57.5", Fraction(5755, 100), True),
     ("57.5", Fraction(57551, 1000), False), ("57", Fraction(565, 10), True),
     ("57.50", Fraction(57506, 1000), False), ("115/2", Fraction(115, 2), True),
     ("115/2", Fraction(11501, 200), False)],
)
def test_agreeing_to_the_precision_printed_means_within_half_a_unit_of_the_last_digit(
        stated, rate, agrees):
    percent = Fraction(stated) if "/" in stated else stated
    counts = {"numerator": rate.numerator, "denominator": rate.denominator * 100}
    report = cds.evaluate({"2.5": {**counts, "percent": percent}}, 2025)
    assert (report.warnings == ()) is agrees


def test_a_bad_stated_percentage_is_refused_like_any_rate():
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate({"2.5": {"numerator": 1, "denominator": 2, "percent": "150"}}, 2025)
    assert caught.value.problems[0].code == "rate_out_of_range"
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate({"2.5": {"numerator": 1, "denominator": 2, "percent": "khá"}}, 2025)
    assert caught.value.problems[0].code == "bad_rate_text"


def test_a_dimensionless_quantity_is_read_by_its_units_and_then_warned_about_the_same_way():
    """pint's dimensionless 0.8 is 0.8 of one, 80 %: read so, it is no low rate; 0.008 of one is
    0.8 % and is warned about as 0.8 typed is."""
    units = cds.units
    ureg = units.registry() if hasattr(units, "registry") else None
    pint = pytest.importorskip("pint")
    quantity = (ureg or pint.UnitRegistry()).Quantity
    assert cds.evaluate({"3.3": quantity(0.8, "")}, 2025).warnings == ()
    assert _said(cds.evaluate({"3.3": quantity(0.008, "")}, 2025)) == [LOW_RATE]
    assert _said(cds.evaluate({"3.3": quantity(0.8, "percent")}, 2025)) == [LOW_RATE]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_warning_never_changes_a_verdict(data):
    """For any framework and values, the report with its warnings asked for has exactly the
    verdicts, completion and dict of the same report never asked: warnings only add."""
    framework = data.draw(cst.frameworks())
    year = data.draw(st.sampled_from(framework.years))
    values = data.draw(cst.values_for(framework, year))
    quiet = cds.evaluate(values, year, framework=framework)
    warned = cds.evaluate(values, year, framework=framework)
    assert isinstance(warned.warnings, tuple)
    assert warned == quiet
    assert warned.verdicts == quiet.verdicts and warned.completion is quiet.completion
    for warning in warned.warnings:
        assert warning.message and warning.message_en
        assert warning.criterion is None or warning.criterion in framework


def test_records_read_from_a_file_carry_their_warnings_placed(tmp_path):
    path = tmp_path / "xa.json"
    path.write_text(json.dumps({"communes": [
        {"commune": "Xã A", "year": 2025, "values": {"3.3": 0.8}},
        {"commune": "Xã B", "year": 2025, "values": {}},
    ]}), encoding="utf-8")
    first, second = cds.load_values(path)
    assert [(w.code, w.path, w.text("en")) for w in first.warnings] == [(
        "rate_looks_like_fraction", "$.communes[0].values.3.3",
        f"{path}, $.communes[0].values.3.3: criterion 3.3: 0.8% — did you mean 80%? "
        "(target 75% in 2025)")]
    assert [(w.code, w.path) for w in second.warnings] == [("no_values", "$.communes[1]")]
    # The record and its report say the same.
    assert [w.message for w in first.warnings] == [
        w.message for w in cds.evaluate(first.values, 2025).warnings]
    assert cds.Record(commune="Xã C", year=2025, values={}).warnings == ()


def test_a_blank_commune_row_of_a_table_is_warned_about(tmp_path):
    path = tmp_path / "xa.csv"
    path.write_text("Xã,Năm,2.5,3.3\nXã A,2025,85%,80%\nXã B,2025,,\n", encoding="utf-8")
    first, second = cds.load_values(path)
    assert first.warnings == ()
    assert [(w.code, w.row, w.message) for w in second.warnings] == [
        ("no_values", 3, "không có giá trị nào cho năm 2025: cả trang để trống?")]


def test_warnings_show_in_text_json_and_html_and_round_trip():
    report = cds.evaluate({"3.3": 0.8, "2.5": {"numerator": 1382, "denominator": 2400,
                                               "percent": "57,5"}}, 2025, commune="Xã A")
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["warnings"] == [
        {"code": "stated_percent_disagrees", "criterion": "2.5", "value": "57.5",
         "message": STATED.format(vi="57,5%", exact_vi="57,58%"),
         "message_en": STATED_EN.format(en="57.5%", exact_en="57.58%")},
        {"code": "rate_looks_like_fraction", "criterion": "3.3", "value": "0.8",
         "message": LOW_RATE[2], "message_en": LOW_RATE[3]},
    ]
    again = cds.Report.from_dict(data)
    assert again == report and again.warnings == report.warnings
    assert again.to_dict() == report.to_dict()
    html = report._repr_html_()
    assert '<div class="warnings"><p>Cảnh báo (2):</p>' in html
    assert "0,8% — có phải 80%?" in html
    assert "warnings" not in cds.evaluate({"3.3": 80}, 2025).to_dict()


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cds_indicators", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd, timeout=120, check=False,
                          env={**__import__("os").environ, "CDS_LANG": "vi", "NO_COLOR": "1"})


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "a.toml").write_text(
        'commune = "Xã A"\nyear = 2025\n[values]\n"3.3" = 0.8\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text(
        'commune = "Xã B"\nyear = 2025\n[values]\n', encoding="utf-8")
    return tmp_path


def test_validate_lists_the_warnings_and_strict_fails_on_them(files):
    done = _cli("validate", "a.toml", "b.toml", cwd=files)
    assert done.returncode == 0
    assert done.stdout == "Không có lỗi: 2 tệp, 2 xã-năm.\n"
    assert done.stderr == (
        "Cảnh báo (2):\n"
        "  - a.toml, $.values.3.3: chỉ tiêu 3.3: 0,8% — có phải 80%? (yêu cầu 75% năm\n"
        "    2025)\n"
        "  - b.toml, $: không có giá trị nào cho năm 2025: cả trang để trống?\n")
    strict = _cli("validate", "--strict", "a.toml", "b.toml", cwd=files)
    assert strict.returncode == 3
    assert strict.stderr.endswith("Có 2 cảnh báo (--strict).\n")
    english = _cli("--lang", "en", "validate", "--strict", "b.toml", cwd=files)
    assert english.returncode == 3
    assert english.stderr == ("Warnings (1):\n"
                              "  - b.toml, $: no value at all for 2025: was the sheet left "
                              "blank?\n1 warning (--strict).\n")


@pytest.mark.parametrize("command", ["evaluate", "summarize"])
def test_evaluate_and_summarize_list_the_warnings_and_strict_fails_on_them(files, command):
    done = _cli(command, "a.toml", cwd=files)
    assert done.returncode == 0
    assert done.stderr == ("Cảnh báo (1):\n  - Xã A, năm 2025: chỉ tiêu 3.3: 0,8% — có phải "
                           "80%? (yêu cầu 75% năm 2025)\n")
    assert _cli(command, "--strict", "a.toml", cwd=files).returncode == 3
    clean = files / "c.toml"
    clean.write_text('commune = "Xã C"\nyear = 2025\n[values]\n"3.3" = 80\n', encoding="utf-8")
    assert _cli(command, "--strict", "c.toml", cwd=files).returncode == 0


def test_evaluate_json_carries_the_warnings(files):
    done = _cli("evaluate", "--format", "json", "a.toml", cwd=files)
    data = json.loads(done.stdout)
    rows = data if isinstance(data, list) else [data]
    assert [w["code"] for w in rows[0]["warnings"]] == ["rate_looks_like_fraction"]
    assert cds.Report.from_dict(rows[0]).warnings[0].code == "rate_looks_like_fraction"


def test_a_report_evolved_keeps_its_warnings_computed_afresh():
    report = cds.evaluate({"3.3": 0.8}, 2025)
    assert attrs.evolve(report, commune="Xã khác").warnings == report.warnings
