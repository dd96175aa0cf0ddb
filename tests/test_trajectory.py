"""trajectory(): the years a value meets, and the pace against the next target."""

from fractions import Fraction

import pytest

import cds_indicators as cds


@pytest.mark.parametrize(
    ("criterion", "value", "meets_until", "fails_from"),
    [
        ("1.6", 72, 2023, 2024),          # 65, 70 | 75, 80
        ("1.6", 80, 2025, None),
        ("1.6", "64,9%", None, 2022),
        ("1.11", "Triển khai sử dụng", 2025, None),   # only 2022 has a target
        ("1.1", "Không", None, 2022),
    ],
)
def test_years_met_by_one_value(criterion, value, meets_until, fails_from):
    found = cds.trajectory({criterion: value})[criterion]
    assert (found.meets_until, found.fails_from, found.pace) == (meets_until, fails_from, None)


def test_pace_against_the_next_target():
    path = cds.trajectory({2022: {"1.6": 60}, 2024: {"1.6": 76}})["1.6"]
    assert path.pace == 8 and path.observed == 2024
    assert (path.next_year, path.required_pace, path.on_track) == (2025, 4, True)
    assert path.text() == (
        "1.6: 76%; đạt đến năm 2024; chưa đạt từ năm 2025; "
        "tốc độ +8 điểm %/năm, cần 4 điểm % → 2025: kịp"
    )


def test_pace_for_an_at_most_count():
    dti = cds.load_framework("dti-example")
    path = cds.trajectory({2024: {"CQ4": 3}, 2025: {"CQ4": 1}}, framework=dti)["CQ4"]
    assert (path.value, path.pace, path.fails_from) == (Fraction(1), -2, 2024)
    assert path.next_year is None and path.on_track is None  # no later year to reach


def test_bad_values_are_refused_with_their_year():
    with pytest.raises(cds.MeasurementError) as caught:
        cds.trajectory({2023: {"1.6": 120}, 2024: {"1.6": 72}})
    assert [(p.criterion, p.path) for p in caught.value.problems] == [("1.6", "2023")]


def test_unknown_year():
    with pytest.raises(cds.UnknownYearError):
        cds.trajectory({2030: {"1.6": 72}})
