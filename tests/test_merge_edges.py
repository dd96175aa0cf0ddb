"""merge(): shares and weights at their edges — a counted yes/no criterion counts for its share,
every share is checked, and a weight is held to the number policy's limit."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import cds_indicators as cds
from cds_indicators import MeasurementError, merge, ratio

DTI = cds.load_framework("dti-example")
WIFI = {"A": {"4.5": 10}, "B": {"4.5": 7}}  # 4.5: a counted yes/no criterion (Điểm phát)
RATES = {"A": {"2.5": ratio(10, 20)}, "B": {"2.5": ratio(1, 4)}}


def refusal(parts: Any, **options: Any) -> list[tuple[str, str, str]]:
    with pytest.raises(MeasurementError) as caught:
        merge(parts, into="C", **options)
    return [(p.code, p.message, p.message_en) for p in caught.value.problems]


# --- a counted yes/no criterion counts for its share ----------------------------------------------


def test_a_counted_yes_no_criterion_counts_for_its_share() -> None:
    assert merge(WIFI, into="C", shares={"A": Fraction(1, 2)}).values == {"4.5": 12}
    assert merge(WIFI, into="C", shares={"Xã A": Fraction(1, 2)}).values == {"4.5": 12}
    assert merge(WIFI, into="C", shares={"A": 1}).values == {"4.5": 17}


def test_a_counted_yes_no_criterion_not_whole_by_its_share_is_refused_as_a_count_is() -> None:
    yes_no = refusal(WIFI, shares={"A": Fraction(1, 3)})
    count = refusal({"A": {"CQ3": 10}, "B": {"CQ3": 7}}, framework=DTI,
                    shares={"A": Fraction(1, 3)})
    assert yes_no == [(
        "merge_share_count",
        "chỉ tiêu 4.5: số đếm theo tỷ lệ là 31/3, không phải số nguyên",
        "criterion 4.5: the count by the shares is 31/3, not a whole number",
    )]
    assert [code for code, *_ in count] == ["merge_share_count"]
    assert count[0][2] == "criterion CQ3: the count by the shares is 31/3, not a whole number"


def test_a_share_of_a_single_counted_part_is_counted_too() -> None:
    assert merge({"A": {"4.5": 10}}, into="C", shares={"A": Fraction(1, 5)}).values == {"4.5": 2}


# --- every share is checked -----------------------------------------------------------------------


def _bad_share(value: str) -> tuple[str, str, str]:
    return ("merge_bad_share",
            f"shares: tỷ lệ {value} của A phải là số chính xác (số nguyên hoặc Fraction) "
            "lớn hơn 0 và không quá 1",
            f"shares: the share {value} of A must be an exact number (int or Fraction) "
            "above 0 and at most 1")


@pytest.mark.parametrize(("share", "shown"), [
    (Fraction(-1, 2), "Fraction(-1, 2)"),
    (Fraction(0), "Fraction(0, 1)"),
    (0, "0"),
    (Fraction(3), "Fraction(3, 1)"),
    (2, "2"),
    (0.5, "0.5"),  # a binary float is refused, as a weight's is
    (float("nan"), "nan"),
    (float("inf"), "inf"),
    (Decimal("0.5"), "Decimal('0.5')"),
    (True, "True"),
    ("1/2", "'1/2'"),
    (None, "None"),
])
def test_a_share_not_exact_or_not_in_0_1_is_refused(share: Any, shown: str) -> None:
    assert refusal(RATES, shares={"A": share}) == [_bad_share(shown)]
    assert refusal(WIFI, shares={"A": share}) == [_bad_share(shown)]


def test_a_share_past_the_number_policy_is_refused() -> None:
    [(code, _, _)] = refusal(RATES, shares={"A": Fraction(1, 10**500)})
    assert code == "merge_bad_share"


def test_a_share_for_a_commune_that_is_not_a_part_is_refused() -> None:
    assert refusal(RATES, shares={"Z": Fraction(1, 2)}) == [(
        "merge_share_unknown_part",
        "shares: 'Z' không phải xã nào được sáp nhập (A, B)",
        "shares: 'Z' is not one of the merged communes (A, B)",
    )]


def test_a_share_given_twice_for_one_part_is_refused() -> None:
    assert refusal(RATES, shares={"A": Fraction(1, 2), "Xã A": Fraction(1, 4)}) == [(
        "merge_share_twice",
        "shares: tỷ lệ của A có hai lần (lần này là 'Xã A')",
        "shares: the share of A is given twice (again as 'Xã A')",
    )]


def test_shares_that_are_no_mapping_are_refused() -> None:
    # An argument of the wrong type: a TypeError too, as weights that are no mapping.
    with pytest.raises(TypeError):
        merge(RATES, into="C", shares=[Fraction(1, 2)])  # type: ignore[arg-type]
    assert refusal(RATES, shares=[Fraction(1, 2)]) == [(
        "merge_shares_type",
        "shares phải là bảng tên xã → tỷ lệ, không phải [Fraction(1, 2)]",
        "shares must map commune names to shares, not [Fraction(1, 2)]",
    )]


def test_every_bad_share_and_weight_is_reported_at_once() -> None:
    parts = {"A": {"1.6": "80%"}, "B": {"1.6": "60%"}}
    codes = [code for code, *_ in refusal(
        parts, shares={"A": Fraction(-1), "Z": Fraction(1, 2)}, weights={"A": 0, "B": 3})]
    assert codes == ["merge_bad_share", "merge_share_unknown_part", "merge_bad_weight",
                     "merge_percent_only"]  # A's percentage, its weight refused


def test_a_good_share_still_scales_a_rate() -> None:
    assert merge(RATES, into="C", shares={"A": Fraction(1, 2)}).values == {"2.5": ratio(6, 14)}


# --- a weight is held to the number policy's limit ------------------------------------------------

_TOO_LONG = ("number_too_long",
             "A: chỉ tiêu 1.6: ≈1.00e+500 có quá 40 chữ số có nghĩa, hoặc lớn hơn 10^400 hay nhỏ "
             "hơn 10^-400",
             "A: criterion 1.6: ≈1.00e+500 has more than 40 significant digits, or is above "
             "10^400 or below 10^-400")
PERCENTS = {"A": {"1.6": "80%"}, "B": {"1.6": "60%"}}


@pytest.mark.parametrize("weight", [10**500, {"1.6": 10**500}])
def test_a_weight_past_the_number_policy_is_refused(weight: Any) -> None:
    assert refusal(PERCENTS, weights={"A": weight, "B": 3}) == [_TOO_LONG]


def test_a_weight_just_below_the_limit_is_read() -> None:
    record = merge(PERCENTS, into="C", weights={"A": 10**401 - 1, "B": 3})
    assert set(record.values) == {"1.6"}


def test_a_merged_record_with_good_weights_and_shares_evaluates() -> None:
    record = merge(WIFI | {"C": {"4.5": 1}}, into="X", shares={"A": Fraction(1, 2)})
    assert record.values == {"4.5": 13}
    cds.evaluate(record.values, 2025)
