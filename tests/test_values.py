"""Every accepted form of a value, and every refused one with its exact message."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from fractions import Fraction

import pytest

import cds_indicators as cds

FRAMEWORK = cds.load_framework()


def verdict(criterion: str, value: object, year: int = 2025) -> cds.Verdict:
    return cds.evaluate({criterion: value}, year)[criterion]


# (value given for rate criterion 2.5, the exact percent it is read as)
RATE_FORMS = [
    (80, Fraction(80)),
    (0, Fraction(0)),
    (100, Fraction(100)),
    (57.5, Fraction(115, 2)),
    (0.57 * 100, Fraction(57)),
    (Decimal("57.5"), Fraction(115, 2)),
    (Fraction(1726, 30), Fraction(863, 15)),
    ("80", Fraction(80)),
    ("80%", Fraction(80)),
    ("80 %", Fraction(80)),
    ("57,5 %", Fraction(115, 2)),
    ("57.5%", Fraction(115, 2)),
    ("  98,2% ", Fraction(491, 5)),
    ("19/33", Fraction(1900, 33)),
    (cds.ratio(19, 33), Fraction(1900, 33)),
    (cds.ratio(4, 5), Fraction(80)),
    (cds.ratio(19.0, 33), Fraction(1900, 33)),
    ({"numerator": 19, "denominator": 33}, Fraction(1900, 33)),
]


@pytest.mark.parametrize(("value", "percent"), RATE_FORMS, ids=repr)
def test_rate_forms_are_read_exactly(value: object, percent: Fraction):
    assert verdict("2.5", value).value == percent


def test_counts_are_kept_with_the_rate():
    assert verdict("2.5", cds.ratio(19, 33)).counts == (19, 33)
    assert verdict("2.5", "19/33").counts == (19, 33)
    assert verdict("2.5", 57.5).counts is None


AT_THRESHOLD = [80, 80.0, "80", "80%", "80,0 %", Decimal("80.00"), Fraction(80), cds.ratio(4, 5),
                cds.ratio(264, 330), 0.8 * 100, {"numerator": 8, "denominator": 10}]


@pytest.mark.parametrize("value", AT_THRESHOLD, ids=repr)
def test_a_value_at_the_threshold_passes_in_every_form(value: object):
    assert verdict("2.5", value).status is cds.Status.PASS


def test_float_noise_never_decides_a_verdict():
    # Shares computed in binary floating point land just below what they mean.
    noisy_55 = (0.08 + 0.47) * 100
    noisy_65 = (0.06 + 0.59) * 100
    assert noisy_55 < 55 and noisy_65 < 65
    assert verdict("3.3", noisy_55, 2023).status is cds.Status.PASS
    assert verdict("3.3", noisy_65, 2024).status is cds.Status.PASS
    assert verdict("3.3", noisy_55, 2023).value == 55


def test_just_below_the_threshold_fails():
    assert verdict("2.5", Fraction(7999, 100)).status is cds.Status.FAIL
    assert verdict("2.5", "79,99%").status is cds.Status.FAIL
    assert verdict("2.5", cds.ratio(79, 99)).status is cds.Status.FAIL


def test_dimensionless_pint_quantities():
    pint = pytest.importorskip("pint")
    ureg = pint.UnitRegistry()
    assert verdict("2.5", ureg.Quantity(0.8, "")).value == 80
    assert verdict("2.5", ureg.Quantity(80, "percent")).value == 80
    assert verdict("2.5", ureg.Quantity(Fraction(4, 5), "")).status is cds.Status.PASS
    assert verdict("2.5", ureg.Quantity(0.575, "")).value == Fraction(115, 2)


NFD_CO = unicodedata.normalize("NFD", "Có")
YES_NO_FORMS = [
    (True, True),
    (False, False),
    ("Có", True),
    ("có", True),
    ("CÓ", True),
    (NFD_CO, True),
    (" có ", True),
    ("Không", False),
    ("không", False),
    (unicodedata.normalize("NFD", "Không"), False),
    ("đạt", True),
    ("Đạt", True),
    ("không đạt", False),
    ("chưa đạt", False),
]


@pytest.mark.parametrize(("value", "read"), YES_NO_FORMS, ids=repr)
def test_yes_no_forms(value: object, read: bool):
    assert verdict("4.5", value).value is read


def test_a_target_label_means_yes():
    assert verdict("1.8", "Sử dụng hiệu quả").status is cds.Status.PASS
    assert verdict("1.8", "sử dụng HIỆU QUẢ").status is cds.Status.PASS
    assert verdict("4.2", "Đáp ứng").status is cds.Status.PASS
    label = "Cung cấp đầy đủ thông tin theo quy định"
    assert verdict("1.9", unicodedata.normalize("NFD", label)).status is cds.Status.PASS


@pytest.mark.parametrize("value", [None, float("nan"), Decimal("NaN"), "", "   "], ids=repr)
def test_missing_forms(value: object):
    assert verdict("2.5", value).status is cds.Status.MISSING
    assert verdict("4.5", value).status is cds.Status.MISSING


@pytest.mark.parametrize("value", [cds.NOT_APPLICABLE, "không áp dụng", "Không áp dụng",
                                   unicodedata.normalize("NFD", "KHÔNG ÁP DỤNG")], ids=repr)
def test_not_applicable_exempts_a_conditional_criterion(value: object):
    assert verdict("4.8", value, 2022).status is cds.Status.EXEMPT


# (criterion, value, the Vietnamese message, the English message)
BAD_VALUES = [
    ("2.5", True, "chỉ tiêu 2.5: True là giá trị đúng/sai, không phải một tỷ lệ",
     "criterion 2.5: True is a yes/no value, not a rate"),
    ("2.5", False, "chỉ tiêu 2.5: False là giá trị đúng/sai, không phải một tỷ lệ",
     "criterion 2.5: False is a yes/no value, not a rate"),
    ("4.2", 1, "chỉ tiêu 4.2: 1 là một số, nhưng chỉ tiêu này không đếm số lượng (chỉ tiêu đếm có đơn vị đếm và yêu cầu Có): ghi Có/Không / 'đáp ứng'",
     "criterion 4.2: 1 is a number, but this criterion does not count things (a counted one has a unit that counts and the target Có): give yes/no (Có/Không) / 'đáp ứng'"),
    ("4.2", 0.0, "chỉ tiêu 4.2: 0.0 là một số, nhưng chỉ tiêu này không đếm số lượng (chỉ tiêu đếm có đơn vị đếm và yêu cầu Có): ghi Có/Không / 'đáp ứng'",
     "criterion 4.2: 0.0 is a number, but this criterion does not count things (a counted one has a unit that counts and the target Có): give yes/no (Có/Không) / 'đáp ứng'"),
    ("2.5", -1, "chỉ tiêu 2.5: -1 nằm ngoài khoảng 0–100%",
     "criterion 2.5: -1 is outside 0–100%"),
    ("2.5", 100.5, "chỉ tiêu 2.5: 100.5 nằm ngoài khoảng 0–100%",
     "criterion 2.5: 100.5 is outside 0–100%"),
    ("2.5", "101%", "chỉ tiêu 2.5: '101%' nằm ngoài khoảng 0–100%",
     "criterion 2.5: '101%' is outside 0–100%"),
    ("2.5", float("inf"), "chỉ tiêu 2.5: inf không phải một số hữu hạn",
     "criterion 2.5: inf is not a finite number"),
    ("2.5", Decimal("-Infinity"), "chỉ tiêu 2.5: Decimal('-Infinity') không phải một số hữu hạn",
     "criterion 2.5: Decimal('-Infinity') is not a finite number"),
    ("2.5", cds.ratio(19, 0), "chỉ tiêu 2.5: mẫu số 0 phải lớn hơn 0",
     "criterion 2.5: the denominator 0 must be greater than 0"),
    ("2.5", cds.ratio(5, 3), "chỉ tiêu 2.5: tử số 5 lớn hơn mẫu số 3",
     "criterion 2.5: the numerator 5 is greater than the denominator 3"),
    ("2.5", cds.ratio(1.5, 3), "chỉ tiêu 2.5: tử số 1.5 không phải số nguyên không âm",
     "criterion 2.5: the numerator 1.5 is not a non-negative whole number"),
    ("2.5", cds.ratio(3, -4), "chỉ tiêu 2.5: mẫu số -4 không phải số nguyên không âm",
     "criterion 2.5: the denominator -4 is not a non-negative whole number"),
    ("2.5", cds.ratio(True, 3), "chỉ tiêu 2.5: tử số True không phải số nguyên không âm",
     "criterion 2.5: the numerator True is not a non-negative whole number"),
    ("2.5", "19/0", "chỉ tiêu 2.5: mẫu số 0 phải lớn hơn 0",
     "criterion 2.5: the denominator 0 must be greater than 0"),
    ("2.5", "abc", "chỉ tiêu 2.5: không đọc được 'abc' là một tỷ lệ (ví dụ: 80, 80%, 57,5%, 19/33)",
     "criterion 2.5: cannot read 'abc' as a rate (e.g. 80, 80%, 57,5%, 19/33)"),
    ("2.5", "1.234,5", "chỉ tiêu 2.5: không đọc được '1.234,5' là một tỷ lệ (ví dụ: 80, 80%, "
     "57,5%, 19/33)", "criterion 2.5: cannot read '1.234,5' as a rate (e.g. 80, 80%, 57,5%, 19/33)"),
    ("2.5", "Có", "chỉ tiêu 2.5: không đọc được 'Có' là một tỷ lệ (ví dụ: 80, 80%, 57,5%, 19/33)",
     "criterion 2.5: cannot read 'Có' as a rate (e.g. 80, 80%, 57,5%, 19/33)"),
    ("4.5", "có lẽ", "chỉ tiêu 4.5: không đọc được 'có lẽ' là Có/Không",
     "criterion 4.5: cannot read 'có lẽ' as yes/no (Có/Không)"),
    ("1.8", "tốt", "chỉ tiêu 1.8: không đọc được 'tốt' là Có/Không / 'sử dụng hiệu quả'",
     "criterion 1.8: cannot read 'tốt' as yes/no (Có/Không) / 'sử dụng hiệu quả'"),
    ("2.5", cds.NOT_APPLICABLE,
     "chỉ tiêu 2.5 không có “(nếu có)” nên không thể khai báo không áp dụng",
     "criterion 2.5 is not conditional (“nếu có”) and cannot be declared not applicable"),
    ("4.5", "không áp dụng",
     "chỉ tiêu 4.5 không có “(nếu có)” nên không thể khai báo không áp dụng",
     "criterion 4.5 is not conditional (“nếu có”) and cannot be declared not applicable"),
    ("2.5", [80], "chỉ tiêu 2.5: không dùng được giá trị kiểu list ([80])",
     "criterion 2.5: values of type list are not accepted ([80])"),
    ("2.5", {"numerator": 1}, "chỉ tiêu 2.5: {'numerator': 1} cần đúng hai khóa numerator và "
     "denominator", "criterion 2.5: {'numerator': 1} needs exactly the keys numerator and "
     "denominator"),
]


@pytest.mark.parametrize(("criterion", "value", "vi", "en"), BAD_VALUES, ids=repr)
def test_bad_values_are_refused_with_exact_messages(criterion, value, vi, en):
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate({criterion: value}, 2025)
    error = caught.value
    assert str(error) == vi
    assert error.criterion == criterion
    assert error.value is value
    (problem,) = error.problems
    assert (problem.criterion, problem.message, problem.message_en) == (criterion, vi, en)
    assert isinstance(error, cds.CdsError)
    assert isinstance(error, ValueError)


def test_pint_quantity_of_a_wrong_dimension_is_refused():
    pint = pytest.importorskip("pint")
    ureg = pint.UnitRegistry()
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate({"2.5": ureg.Quantity(80, "meter")}, 2025)
    assert caught.value.criterion == "2.5"
    assert str(caught.value) == "chỉ tiêu 2.5: <Quantity(80, 'meter')> có đơn vị m, một tỷ lệ " \
        "không có thứ nguyên"


def test_every_bad_value_is_reported_at_once():
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate({"2.5": True, "3.1O": 5, "4.2": 2, "1.6": "80%", "3.5": -3}, 2025)
    error = caught.value
    assert [(p.criterion, p.code) for p in error.problems] == [
        ("3.1O", "unknown_criterion"),
        ("2.5", "bool_for_rate"),
        ("3.5", "rate_out_of_range"),
        ("4.2", "number_not_counted"),
    ]
    assert str(error) == (
        "giá trị không hợp lệ (4):\n"
        "  - không có chỉ tiêu '3.1O' trong khung thanh-hoa-1829\n"
        "  - chỉ tiêu 2.5: True là giá trị đúng/sai, không phải một tỷ lệ\n"
        "  - chỉ tiêu 3.5: -3 nằm ngoài khoảng 0–100%\n"
        "  - chỉ tiêu 4.2: 2 là một số, nhưng chỉ tiêu này không đếm số lượng (chỉ tiêu đếm có đơn vị đếm và yêu cầu Có): ghi Có/Không / 'đáp ứng'"
    )
    assert (error.criterion, error.value) == ("3.1O", 5)


def test_a_criterion_id_must_be_text():
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate({2.5: 80}, 2025)  # type: ignore[dict-item]
    assert str(caught.value) == "mã chỉ tiêu phải là chuỗi ký tự, không phải 2.5"


def test_values_must_be_a_mapping():
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate([("2.5", 80)], 2025)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "giá trị phải là một bảng mã chỉ tiêu → giá trị, không phải [('2.5', 80)]"
    )


def test_ratio_repr_and_str():
    assert repr(cds.ratio(19, 33)) == "ratio(19, 33)"
    assert str(cds.ratio(19, 33)) == "19/33"
    assert cds.ratio(19, 33) == cds.ratio(19, 33)
    assert repr(cds.NOT_APPLICABLE) == "NOT_APPLICABLE"


def test_numpy_scalars_are_read_like_their_python_kin():
    np = pytest.importorskip("numpy")
    assert verdict("2.5", np.int64(80)).value == 80
    assert verdict("2.5", np.float32(57.5)).value == Fraction(115, 2)
    assert verdict("2.5", np.float64("nan")).status is cds.Status.MISSING
    assert verdict("2.5", np.str_("57,5%")).value == Fraction(115, 2)
    assert verdict("4.5", np.bool_(True)).value is True
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate({"2.5": np.bool_(True)}, 2025)
    assert caught.value.problems[0].code == "bool_for_rate"


def test_signalling_nan_decimal_is_missing():
    assert verdict("2.5", Decimal("sNaN")).status is cds.Status.MISSING
