"""The semantics of one commune-year: statuses, completion, and the year."""

from __future__ import annotations

from fractions import Fraction

import pytest

import cds_indicators as cds
from cds_indicators import Completion, Status

FRAMEWORK = cds.load_framework()


def all_met(year: int) -> dict[str, object]:
    """A value meeting every target of ``year``: each rate at its threshold, yes/no as its label."""
    values: dict[str, object] = {}
    for criterion in FRAMEWORK:
        target = criterion.target(year)
        if target is None:
            continue
        values[criterion.id] = target.label
    return values


# (criterion, year, value, expected status)
SEMANTICS = [
    ("1.6", 2025, 80, Status.PASS),
    ("1.6", 2025, "79,9%", Status.FAIL),
    ("1.6", 2022, 65, Status.PASS),
    ("1.6", 2022, 64, Status.FAIL),
    ("2.5", 2022, 10, Status.NO_TARGET),
    ("2.5", 2022, None, Status.NO_TARGET),
    ("2.5", 2023, None, Status.MISSING),
    ("4.8", 2022, cds.NOT_APPLICABLE, Status.EXEMPT),
    ("4.8", 2022, "Có", Status.PASS),
    ("4.8", 2022, "Không", Status.FAIL),
    ("4.8", 2023, "Có", Status.NO_TARGET),
    ("4.8", 2024, cds.NOT_APPLICABLE, Status.NO_TARGET),
    ("1.11", 2022, "Triển khai sử dụng", Status.PASS),
    ("1.11", 2023, "Có", Status.NO_TARGET),
    ("4.7", 2023, False, Status.FAIL),
    ("4.7", 2023, True, Status.PASS),
    ("3.5", 2024, cds.ratio(21042, 21420), Status.FAIL),
    ("3.5", 2023, cds.ratio(21042, 21420), Status.PASS),
]


@pytest.mark.parametrize(("criterion", "year", "value", "status"), SEMANTICS, ids=repr)
def test_status_table(criterion, year, value, status):
    assert cds.evaluate({criterion: value}, year)[criterion].status is status


def test_a_value_without_a_target_is_kept():
    assert cds.evaluate({"2.5": 10}, 2022)["2.5"].value == 10


@pytest.mark.parametrize("year", FRAMEWORK.years)
def test_meeting_every_target_completes(year: int):
    report = cds.evaluate(all_met(year), year)
    assert report.completion is Completion.COMPLETED
    assert report.completed is True
    assert report.failed == () and report.missing == ()


def test_one_failure_means_not_completed():
    values = all_met(2024) | {"1.6": 74}
    report = cds.evaluate(values, 2024)
    assert report.completion is Completion.NOT_COMPLETED
    assert report.failed == ("1.6",)
    assert report.completed is False


def test_a_missing_value_leaves_it_undetermined():
    values = all_met(2024)
    del values["3.9"]
    report = cds.evaluate(values, 2024)
    assert report.completion is Completion.UNDETERMINED
    assert report.missing == ("3.9",)


def test_failure_outweighs_missing():
    values = all_met(2024) | {"1.6": 74}
    del values["3.9"]
    assert cds.evaluate(values, 2024).completion is Completion.NOT_COMPLETED


def test_exempt_counts_as_met():
    values = all_met(2022) | {"4.8": "không áp dụng"}
    assert cds.evaluate(values, 2022).completion is Completion.COMPLETED


def test_no_values_at_all_is_undetermined():
    report = cds.evaluate({}, 2025)
    assert report.completion is Completion.UNDETERMINED
    assert len(report.missing) == sum(1 for c in FRAMEWORK if c.target(2025) is not None)


@pytest.mark.parametrize("year", [2021, 2026, "2024", 2024.0, True, None])
def test_a_year_outside_the_framework_names_its_years(year):
    with pytest.raises(cds.UnknownYearError) as caught:
        cds.evaluate({}, year)
    assert str(caught.value) == (
        f"năm {year!r} không thuộc khung thanh-hoa-1829 "
        "(các năm có chỉ tiêu: 2022, 2023, 2024, 2025)"
    )
    assert caught.value.years == (2022, 2023, 2024, 2025)
    assert isinstance(caught.value, cds.CdsError)


def test_report_identity_fields():
    report = cds.evaluate({}, 2023, commune="Xã Vĩnh Thịnh", district="Vĩnh Lộc")
    assert (report.framework, report.year, report.commune, report.district) == (
        "thanh-hoa-1829", 2023, "Xã Vĩnh Thịnh", "Vĩnh Lộc")
    assert [v.criterion for v in report.verdicts] == [c.id for c in FRAMEWORK]


def test_per_pillar_counts():
    values = all_met(2024) | {"1.6": 74, "2.5": None}
    counts = cds.evaluate(values, 2024).pillars
    assert list(counts) == [p.code for p in FRAMEWORK.pillars]
    assert counts["chinh_quyen_so"][Status.FAIL] == 1
    assert counts["chinh_quyen_so"][Status.NO_TARGET] == 1
    assert counts["chinh_quyen_so"][Status.PASS] == 9
    assert counts["kinh_te_so"][Status.MISSING] == 1
    for pillar in FRAMEWORK.pillars:
        assert sum(counts[pillar.code].values()) == len(pillar.criteria)


def test_shortfall_and_needed():
    report = cds.evaluate({"2.5": cds.ratio(19, 33), "1.6": "57,5%", "3.5": cds.ratio(33, 33)}, 2025)
    assert report["2.5"].shortfall == Fraction(80) - Fraction(1900, 33)
    assert report["2.5"].needed == 8
    assert report["1.6"].shortfall == Fraction(45, 2)
    assert report["1.6"].needed is None
    assert report["3.5"].shortfall is None and report["3.5"].needed is None


@pytest.mark.parametrize(("counts", "year", "needed"), [
    ((19, 33), 2025, 8),     # 80 % of 33 is 26.4: 27 needed
    ((26, 33), 2025, 1),
    ((0, 10), 2023, 5),      # 2.5 in 2023: 50 %
    ((4, 9), 2023, 1),       # 50 % of 9 is 4.5: 5 needed
])
def test_needed_reaches_the_target_and_no_fewer_do(counts, year, needed):
    numerator, denominator = counts
    report = cds.evaluate({"2.5": cds.ratio(numerator, denominator)}, year)
    assert report["2.5"].needed == needed
    reached = cds.evaluate({"2.5": cds.ratio(numerator + needed, denominator)}, year)
    assert reached["2.5"].status is Status.PASS
    short = cds.evaluate({"2.5": cds.ratio(numerator + needed - 1, denominator)}, year)
    assert short["2.5"].status is Status.FAIL


def test_unknown_criterion_lookup():
    report = cds.evaluate({}, 2025)
    with pytest.raises(cds.UnknownCriterionError) as caught:
        report["9.9"]
    assert str(caught.value) == "không có chỉ tiêu '9.9' trong khung thanh-hoa-1829"
    assert isinstance(caught.value, LookupError)
    with pytest.raises(cds.UnknownCriterionError):
        FRAMEWORK["3.1O"]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # A whole number is a commune's code ([admin], tests/test_codes.py): 5.5 is no name.
        ({"commune": 5.5}, "tên xã (commune) phải là chuỗi ký tự, không phải 5.5"),
        ({"commune": "A", "district": ["Vĩnh Lộc"]},
         "tên huyện (district) phải là chuỗi ký tự, không phải ['Vĩnh Lộc']"),
    ],
)
def test_names_that_are_not_text_are_refused(names, expected):
    """A commune or district name that is not text is refused: kept as given, it would not
    survive Report.to_dict() / Report.from_dict()."""
    with pytest.raises(cds.InputError) as caught:
        cds.evaluate({"1.6": 80}, 2024, **names)
    assert str(caught.value) == expected


@pytest.mark.parametrize("call", [
    lambda fw: cds.evaluate({}, 2024, framework=fw),
    lambda fw: cds.trajectory({}, framework=fw),
    lambda fw: cds.merge([], into="X", framework=fw),
])
def test_a_framework_name_where_a_framework_belongs_is_refused(call):
    """Passing a name instead of load_framework(name) is a FrameworkError saying so."""
    with pytest.raises(cds.FrameworkError) as caught:
        call("tinh-long-2024")
    assert str(caught.value) == (
        "framework phải là một khung đã nạp, không phải 'tinh-long-2024' "
        "(dùng load_framework('tinh-long-2024'))")
