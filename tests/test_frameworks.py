"""Frameworks beyond 1829: the schema's checks, counts and comparisons, completion policies,
the shipped Tịnh Long and DTI-style frameworks, and the test kit's import guard."""

import subprocess
import sys
import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

import cds_indicators as cds

DATA = Path(__file__).parent / "data" / "frameworks"


def _problems(text, tmp_path):
    path = tmp_path / "framework.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(cds.FrameworkError) as caught:
        cds.load_framework(path)
    return [(p.line, p.path, p.message_en) for p in caught.value.problems]


def test_a_file_with_a_dozen_mistakes_reports_every_one_with_key_path_and_line():
    with pytest.raises(cds.FrameworkError) as caught:
        cds.load_framework(DATA / "twelve_mistakes.toml")
    found = [(p.line, p.path, p.message_en) for p in caught.value.problems]
    assert found == [
        (2, "$.colour", "invalid structure: unknown keys: colour"),
        (52, "$.criteria[3].remark", "invalid structure: unknown keys: remark"),
        (9, "$.framework.share", "share '120%' is outside 0–100%"),
        (12, "$.pillars[0].code", "duplicate pillar 'cq'"),
        (16, "$.pillars[1].code", "duplicate pillar 'cq'"),
        (17, "$.pillars[1].name", "name must not be empty"),
        (20, "$.criteria[0].id", "duplicate criterion '1.1'"),
        (25, "$.criteria[0].targets.2025", "criterion 1.1: threshold '101%' is outside 0–100%"),
        (28, "$.criteria[1].id", "duplicate criterion '1.1'"),
        (29, "$.criteria[1].pillar", "criterion 1.1 is in pillar 'kt', which is not in pillars"),
        (30, "$.criteria[1].name", "name must not be empty"),
        (33, "$.criteria[1].targets.2026",
         "criterion 1.1: a target for 2026, but the framework's years are 2024, 2025"),
        (41, "$.criteria[2].comparison", "criterion 1.3: a yes/no criterion takes no comparison"),
        (42, "$.criteria[2].targets.2024",
         'criterion 1.3: a qualitative target needs a label (e.g. "Có")'),
        (50, "$.criteria[3].comparison",
         "criterion 1.4: unknown comparison 'less_than' (known: at_least, at_most, above, "
         "below)"),
        (51, "$.criteria[3].targets.2024",
         "criterion 1.4: cell '0,5' is not a whole number (e.g. \"2\") or \"*\""),
        (51, "$.criteria[3].targets.2025.label",
         'criterion 1.4: a qualitative target needs a label (e.g. "Có")'),
    ]
    first = caught.value.problems[0]
    assert str(first) == (
        f"{DATA / 'twelve_mistakes.toml'}, dòng 2, $.colour: sai cấu trúc: unknown keys: colour"
    )


HEAD = """\
    schema_version = {version}
    [framework]
    id = "x"
    title = "X"
    years = [2024]
    {meta}
    [[pillars]]
    code = "p"
    name = "P"
    {levels}
    [[criteria]]
    id = "1"
    pillar = "p"
    name = "N"
    unit = "U"
    {criterion}
"""


@pytest.mark.parametrize(
    ("version", "meta", "levels", "criterion", "expected"),
    [
        (1, "", "", 'kind = "count"\ntargets = { 2024 = "2" }',
         [(16, "$.criteria[0].kind", 'kind = "count" needs schema_version = 2')]),
        (3, "", "", 'kind = "rate"\ntargets = { 2024 = "2%" }',
         [(1, "$.schema_version", "schema_version 3 is not supported (supported: 1, 2)")]),
        (2, 'completion = "share"', "", 'kind = "rate"\ntargets = { 2024 = "2%" }',
         [(2, "$.framework.share", "completion policy 'share' needs the key share")]),
        (2, 'completion = "points"', "", 'kind = "rate"\ntargets = { 2024 = "2%" }',
         [(2, "$.framework.pass_score", "completion policy 'points' needs the key pass_score"),
          (11, "$.criteria[0].points", "criterion 1: a points framework needs its maximum (points)")]),
        (2, 'share = "50%"', "", 'kind = "rate"\npoints = 3\ntargets = { 2024 = "2%" }',
         [(6, "$.framework.share", "share is only used with completion policy 'share'"),
          (17, "$.criteria[0].points", "points is only used with completion policy 'points'")]),
        (2, 'completion = "points"\npass_score = 5',
         '[[levels]]\nname = "Tốt"\nmin_score = 5\n[[levels]]\nname = "Khá"\nmin_score = 8',
         'kind = "yes_no"\npoints = 5\nscoring = "proportional"\ntargets = { 2024 = "Có" }',
         [(16, "$.levels[1].min_score",
           "level 'Khá': levels go from the highest down; min_score must decrease"),
          (24, "$.criteria[0].scoring",
           "criterion 1: proportional scoring is only for at_least or above rates and counts")]),
        (2, 'completion = "points"\npass_score = -1', "",
         'kind = "count"\npoints = 0\ncomparison = "at_most"\nscoring = "proportional"\n'
         'targets = { 2024 = "2" }',
         [(7, "$.framework.pass_score",
           "points -1 is not a non-negative number (a maximum must be above 0)"),
          (18, "$.criteria[0].points",
           "points 0 is not a non-negative number (a maximum must be above 0)"),
          (20, "$.criteria[0].scoring",
           "criterion 1: proportional scoring is only for at_least or above rates and counts")]),
        (2, "", "", 'kind = "rate"\ncomparison = "yes"\ntargets = { 2024 = "2%" }',
         [(17, "$.criteria[0].comparison", "criterion 1: unknown comparison 'yes' "
           "(known: at_least, at_most, above, below)")]),
        (2, "", "", 'kind = "yes_no"\ncomparison = "above"\ntargets = { 2024 = "Có" }',
         [(17, "$.criteria[0].comparison", "criterion 1: a yes/no criterion takes no comparison")]),
        (2, 'completion = "points"\npass_score = 5', "",
         'kind = "rate"\npoints = 5\ncomparison = "below"\nscoring = "proportional"\n'
         'targets = { 2024 = "2%" }',
         [(20, "$.criteria[0].scoring",
           "criterion 1: proportional scoring is only for at_least or above rates and counts")]),
        (2, "", "", 'kind = "yes_no"\ntargets = { 2024 = { threshold = "1", label = "Có" } }',
         [(17, "$.criteria[0].targets.2024",
           "criterion 1: a { threshold, label } cell is only for rates and counts")]),
    ],
)
def test_schema_checks(tmp_path, version, meta, levels, criterion, expected):
    text = HEAD.format(version=version, meta=meta, levels=levels, criterion=criterion)
    # the parametrised snippets carry no indentation of their own
    text = "\n".join(line.strip() for line in text.splitlines()) + "\n"
    assert _problems(text, tmp_path) == expected


# --- counts and at_most --------------------------------------------------------------------------

TINH_LONG = cds.load_framework("tinh-long-2024")


@pytest.mark.parametrize(
    ("value", "status"),
    [(0, "PASS"), ("0", "PASS"), (" 0 ", "PASS"), (0.0, "PASS"), (Fraction(0), "PASS"),
     (1, "FAIL"), ("3", "FAIL"), (None, "MISSING"), ("", "MISSING")],
)
def test_counts_at_most(value, status):
    assert cds.evaluate({"2.6": value}, 2024, framework=TINH_LONG)["2.6"].status.value == status


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "criterion 2.6: True is a yes/no value, not a count"),
        (1.5, "criterion 2.6: 1.5 is not a count (a non-negative whole number, e.g. 2)"),
        (-1, "criterion 2.6: -1 is not a count (a non-negative whole number, e.g. 2)"),
        ("2%", "criterion 2.6: '2%' is not a count (a non-negative whole number, e.g. 2)"),
        (cds.ratio(1, 2),
         "criterion 2.6: ratio(1, 2) is not a count (a non-negative whole number, e.g. 2)"),
        (cds.NOT_APPLICABLE,
         "criterion 2.6 is not conditional (\u201cnếu có\u201d) and cannot be declared not applicable"),
    ],
)
def test_bad_counts_are_refused(value, message):
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate({"2.6": value}, 2024, framework=TINH_LONG)
    assert [p.message_en for p in caught.value.problems] == [message]


def test_count_verdicts_read_as_counts():
    report = cds.evaluate({"2.6": 2}, 2024, framework=TINH_LONG)
    assert str(report["2.6"]) == (
        "2.6 Sự cố an toàn thông tin: 2 > không xảy ra sự cố (2024) — chưa đạt, cần giảm 2"
    )
    assert report["2.6"].text("en") == (
        "2.6 Information-security incidents: 2 > không xảy ra sự cố (2024) — not met, 2 fewer needed"
    )


# --- shipped frameworks --------------------------------------------------------------------------


def test_shipped_frameworks_load_by_name():
    assert cds.available_frameworks() == ("thanh-hoa-1829", "tinh-long-2024", "dti-example")
    for name in cds.available_frameworks():
        assert cds.load_framework(name).id == name


def test_tinh_long_targets_as_printed():
    labels = {c.id: c.targets[2024].label for c in TINH_LONG}
    assert labels == {
        "2.1": "100%", "2.2": "Đảm bảo tốc độ xử lý và đường truyền thông suốt",
        "2.3": "tối thiểu 70%", "2.4": "100%", "2.5": "Cung cấp thông tin đầy đủ",
        "2.6": "không xảy ra sự cố", "3.1": "trên 90%", "3.2": "trên 80%", "3.3": "100%",
        "3.4": "trên 87%", "3.5": "100%", "3.6": "100%", "3.7": "100%", "3.8": "trên 10%",
        "3.9": "30%", "3.10": "100%", "3.11": "60%", "3.12": "100%", "3.13": "80%",
        "3.14": "Hoàn thành", "3.15": "100%", "3.16": "30%",
    }
    thresholds = {c.id: c.targets[2024].threshold for c in TINH_LONG if c.kind is cds.Kind.RATE}
    assert thresholds["2.3"] == 70 and thresholds["3.4"] == 87 and thresholds["3.8"] == 10
    assert TINH_LONG["2.6"].comparison is cds.Comparison.AT_MOST
    above = {c.id for c in TINH_LONG if c.comparison is cds.Comparison.ABOVE}
    assert above == {c for c, label in labels.items() if label.startswith("trên ")}


@pytest.mark.parametrize(
    ("criterion", "value", "vi", "en"),
    [
        ("3.1", 90, "90% ≤ trên 90% (2024) — chưa đạt, thiếu trên 0 điểm %",
         "90% ≤ trên 90% (2024) — not met, more than 0 points short"),
        ("3.1", "89,5%", "89,5% ≤ trên 90% (2024) — chưa đạt, thiếu trên 0,5 điểm %",
         "89.5% ≤ trên 90% (2024) — not met, more than 0.5 points short"),
        ("3.1", 90.000001, "90,000001% > trên 90% (2024) — đạt",
         "90.000001% > trên 90% (2024) — met"),
        ("3.2", cds.ratio(24, 30), "80% ≤ trên 80% (2024) — chưa đạt, cần thêm 1/30",
         "80% ≤ trên 80% (2024) — not met, 1 more of 30 needed"),
        ("3.2", cds.ratio(19, 30), "63,3% ≤ trên 80% (2024) — chưa đạt, cần thêm 6/30",
         "63.3% ≤ trên 80% (2024) — not met, 6 more of 30 needed"),
        ("3.2", cds.ratio(25, 30), "83,3% > trên 80% (2024) — đạt", "83.3% > trên 80% (2024) — met"),
        ("2.3", 70, "70% ≥ tối thiểu 70% (2024) — đạt", "70% ≥ tối thiểu 70% (2024) — met"),
    ],
)
def test_tinh_long_reads_tren_as_strictly_above(criterion, value, vi, en):
    """"trên 90%" is strictly above 90 %: exactly 90 % fails, the least bit more passes;
    "tối thiểu 70%" still includes 70 %."""
    verdict = cds.evaluate({criterion: value}, 2024, framework=TINH_LONG)[criterion]
    assert verdict.text().split(": ", 1)[1] == vi
    assert verdict.text("en").split(": ", 1)[1] == en


def test_dti_example_scores_and_levels():
    dti = cds.load_framework("dti-example")
    values = {"CQ1": "Có", "CQ2": cds.ratio(60, 80), "CQ3": 1, "CQ4": 0, "KT1": "57,5%",
              "XH1": 63, "XH2": True}
    report = cds.evaluate(values, 2024, framework=dti, commune="Xã A")
    points = {v.criterion: v.points for v in report}
    # CQ2: 75 % of 20; KT1: 57.5 % of 20; XH1: 63 % of 20; CQ3 fails (all or nothing).
    assert points == {"CQ1": 10, "CQ2": 15, "CQ3": 0, "CQ4": 10, "KT1": Fraction(23, 2),
                      "XH1": Fraction(63, 5), "XH2": 10}
    assert (report.score, report.max_score, report.level) == (Fraction(691, 10), 100, "Khá")
    assert report.completion is cds.Completion.COMPLETED
    assert str(report) == (
        "Xã A — năm 2024: hoàn thành chuyển đổi số (2 chỉ tiêu chưa đạt: CQ3, KT1); "
        "69,1/100 điểm, mức Khá"
    )
    assert cds.Report.from_dict(report.to_dict()) == report


def test_a_failed_mandatory_criterion_fails_a_high_score():
    dti = cds.load_framework("dti-example")
    values = {"CQ1": "Có", "CQ2": 100, "CQ3": 3, "CQ4": 1, "KT1": 100, "XH1": 100, "XH2": True}
    report = cds.evaluate(values, 2025, framework=dti)
    assert (report.score, report.level, report.completion) == (
        90, "Tốt", cds.Completion.NOT_COMPLETED)


def test_strategies_without_hypothesis_name_the_extra():
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n    import cds_indicators.strategies\n"
        "except ImportError as e:\n    import cds_indicators as c\n"
        "    print(isinstance(e, c.CdsError), e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == (
        "True " + 'hypothesis chưa được cài đặt: cần gói bổ sung [testing] (trong thư mục mã nguồn: python -m pip install ".[testing]"; từ tệp wheel đã dựng: python -m pip install "cds_indicators-0.1.0-py3-none-any.whl[testing]") (hypothesis is not installed)'
    )
