"""The number policy: one number gets one verdict whichever door it comes in by."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators._evaluation.reading import read_count
from cds_indicators._io.xlsx import shown_number
from cds_indicators._model.numbers import MAX_DIGITS, exact_decimal, exact_float, is_missing

np = pytest.importorskip("numpy")

PASS, FAIL, MISSING = cds.Status.PASS, cds.Status.FAIL, cds.Status.MISSING

#: A number (as text) given for criterion 1.6, whose 2025 target is "at least 80 %", and its
#: status when it comes as a binary float (read at 12 significant digits) or exactly (text,
#: Decimal).
CASES = [
    ("80", PASS, PASS),
    ("79.5", FAIL, FAIL),
    ("80.5", PASS, PASS),
    ("79.9999999999", FAIL, FAIL),  # just under, at the 12th digit
    ("80.0000000001", PASS, PASS),  # just over, at the 12th digit
    # Under by the 15th digit: noise for a binary float, a real difference in exact text.
    ("79.9999999999999", PASS, FAIL),
]


def _status(values: dict[str, Any]) -> cds.Status:
    return cds.evaluate(values, 2025)["1.6"].status


def _loaded_status(path: Path) -> cds.Status:
    from cds_indicators._evaluation.scalar import evaluate_readings

    (record,) = cds.load_values(path, year=2025)
    from_values = cds.evaluate(record.values, 2025)["1.6"].status
    from_readings = evaluate_readings(record._readings, 2025)["1.6"].status
    assert from_values is from_readings
    return from_values


def _csv(path: Path, cell: str) -> Path:
    path.write_text(f'Xã;1.6\nXã Vĩnh Long;"{cell}"\n', encoding="utf-8")
    return path


def _json_number(path: Path, text: str) -> Path:
    path.write_text(f'{{"commune": "Xã Vĩnh Long", "values": {{"1.6": {text}}}}}',
                    encoding="utf-8")
    return path


def _xlsx(path: Path, number: float, number_format: str = "General") -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Xã", "1.6"])
    sheet.append(["Xã Vĩnh Long", number])
    sheet["B2"].number_format = number_format
    workbook.save(path)
    return path


#: Binary forms: how a number typed as ``text`` arrives as a binary float at each door.
BINARY_FORMS = {
    "float": lambda text, tmp: _status({"1.6": float(text)}),
    "numpy float64": lambda text, tmp: _status({"1.6": np.float64(text)}),
    "numpy longdouble": lambda text, tmp: _status({"1.6": np.longdouble(text)}),
    "JSON number": lambda text, tmp: _loaded_status(_json_number(tmp / "v.json", text)),
    "XLSX number cell": lambda text, tmp: _loaded_status(_xlsx(tmp / "v.xlsx", float(text))),
    "XLSX percent cell": lambda text, tmp: _loaded_status(
        _xlsx(tmp / "v.xlsx", float(text) / 100, "0.0%")),
}
#: Exact forms: text and Decimal, digit for digit.
EXACT_FORMS = {
    "Decimal": lambda text, tmp: _status({"1.6": Decimal(text)}),
    "text with .": lambda text, tmp: _status({"1.6": text}),
    "text with ,": lambda text, tmp: _status({"1.6": text.replace(".", ",")}),
    "percent text": lambda text, tmp: _status({"1.6": f"{text.replace('.', ',')} %"}),
    "CSV cell": lambda text, tmp: _loaded_status(_csv(tmp / "v.csv", f"{text}%")),
}


@pytest.mark.parametrize(("text", "binary", "exact"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("form", [*BINARY_FORMS, *EXACT_FORMS])
def test_a_number_has_one_status_through_every_door(tmp_path, form, text, binary, exact):
    if form in BINARY_FORMS:
        assert BINARY_FORMS[form](text, tmp_path) is binary
    else:
        assert EXACT_FORMS[form](text, tmp_path) is exact


@pytest.mark.parametrize(("text", "status"), [("80", PASS), ("79.5", FAIL), ("80.5", PASS)])
def test_narrow_numpy_floats_read_as_the_float_they_widen_to(text, status):
    assert _status({"1.6": np.float32(text)}) is status
    assert _status({"1.6": np.float16(text)}) is status


def test_a_percent_cell_read_to_15_digits_no_longer_differs_from_its_number_cell(tmp_path):
    # 0.799999999999999 shown as a percentage was 79.9999999999999 % (failed) while the number
    # 79.9999999999999 passed: both are now read at 12 digits.
    percent = _loaded_status(_xlsx(tmp_path / "p.xlsx", 0.799999999999999, "0%"))
    number = _loaded_status(_xlsx(tmp_path / "n.xlsx", 79.9999999999999))
    assert percent is number is PASS


def _nans() -> list[Any]:
    pandas = pytest.importorskip("pandas")
    return [float("nan"), Decimal("NaN"), np.float64("nan"), np.float32("nan"),
            np.float16("nan"), np.longdouble("nan"), np.datetime64("NaT"), pandas.NA,
            pandas.NaT, None]


@pytest.mark.parametrize("criterion", ["1.6", "1.1"])
def test_nan_of_every_type_is_missing(criterion):
    for nan in _nans():
        assert is_missing(nan), repr(nan)
        assert cds.evaluate({criterion: nan}, 2025)[criterion].status is MISSING, repr(nan)


def test_a_nan_float32_is_missing_in_a_frame_as_in_evaluate():
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"commune": ["A", "B"], "year": [2025, 2025],
                              "1.6": np.array([np.nan, 85.0], dtype=np.float32)})
    statuses = list(cds.evaluate_frame(frame)["1.6"])
    assert statuses == [_status({"1.6": np.float32("nan")}).name,
                        _status({"1.6": np.float32(85)}).name]


@pytest.mark.parametrize("value", [float("inf"), np.float32("-inf"), Decimal("Infinity")],
                         ids=repr)
def test_infinity_is_refused_not_missing(value):
    with pytest.raises(cds.MeasurementError) as error:
        cds.evaluate({"1.6": value}, 2025)
    assert error.value.problems[0].message_en == (
        f"criterion 1.6: {value!r} is not a finite number")


TOO_LONG = [Decimal("1E-100000000"), Decimal("1e999999999"), "1" * 41, "0," + "1" * 41,
            Decimal("1E-401"), Decimal("-" + "9" * 41)]


@pytest.mark.parametrize("value", TOO_LONG, ids=lambda v: repr(v)[:24])
def test_a_number_beyond_the_digit_limit_is_refused_with_its_place(value):
    with pytest.raises(cds.MeasurementError) as error:
        cds.evaluate({"1.6": value}, 2025)
    (problem,) = error.value.problems
    assert (problem.code, problem.criterion) == ("number_too_long", "1.6")
    assert problem.message_en == (
        f"criterion 1.6: {value!r} has more than 40 significant digits, or is above 10^400 or "
        "below 10^-400")


@pytest.mark.parametrize(("value", "percent"), [
    ("0," + "0" * 399 + "1", Fraction(1, 10**400)), (Decimal("57.5" + "0" * 5000), Fraction(115, 2)),
    (Decimal("5.75E+1"), Fraction(115, 2)), (Decimal("1" * 40 + "E-38"), Fraction("1" * 40) / 10**38),
], ids=lambda v: repr(v)[:20])
def test_a_number_within_the_limit_is_read_exactly(value, percent):
    assert cds.evaluate({"1.6": value}, 2025)["1.6"].value == percent


def test_counts_beyond_the_limit_are_refused_without_being_expanded():
    problem = read_count("c", Decimal("1E+100000000"))
    assert isinstance(problem, cds.Problem) and problem.code == "number_too_long"
    assert isinstance(read_count("c", "1" * 5000), cds.Problem)
    assert isinstance(read_count("c", "²"), cds.Problem)  # a digit to str.isdigit, not to int()


def test_a_whole_number_too_long_for_python_is_refused_in_its_own_words(tmp_path):
    """JSON: at the value's place, by the number policy; TOML (whose parser converts it first):
    the file, saying what is too long, not that the syntax is wrong."""
    for name, code, path_ in (("v.json", "number_too_long", "$.values.1.6"),
                              ("v.toml", "document_number_too_long", None)):
        path = tmp_path / name
        text = ('{"commune": "A", "year": 2025, "values": {"1.6": %s}}' if name.endswith("json")
                else 'commune = "A"\nyear = 2025\n[values]\n"1.6" = %s\n') % ("1" * 5000)
        path.write_text(text, encoding="utf-8")
        with pytest.raises(cds.InputError) as error:
            cds.load_values(path)
        [problem] = error.value.problems
        assert (problem.code, problem.path) == (code, path_)
        assert len(problem.message) < 400


def test_a_huge_cell_in_a_table_is_a_located_problem(tmp_path):
    path = tmp_path / "v.csv"
    path.write_text(f"Xã,Năm,1.6\nA,{'1' * 5000},{'1' * 5000}\n", encoding="utf-8")
    with pytest.raises(cds.InputError) as error:
        cds.load_values(path)
    assert {(p.row, p.column) for p in error.value.problems} == {(2, "B"), (2, "C")}


@given(st.decimals(allow_nan=False, allow_infinity=False, places=MAX_DIGITS // 2,
                   min_value=-(10**15), max_value=10**15))
def test_a_decimal_within_the_limit_is_read_exactly(value):
    """Within the limit, the reading of a Decimal is its exact value."""
    assert exact_decimal(value) == Fraction(value)


@given(st.decimals(allow_nan=False, allow_infinity=False, places=6, min_value=0,
                   max_value=100))
def test_decimal_text_reads_the_same_with_either_mark_and_as_a_decimal(value):
    """``57.5``, ``57,5``, ``57,5%`` and ``Decimal("57.5")`` are one number."""
    text = f"{value:f}"
    readings = {cds.evaluate({"1.6": form}, 2025)["1.6"].value
                for form in (value, text, text.replace(".", ","), f"{text}%")}
    assert readings == {Fraction(value)}


@given(st.floats(min_value=0, max_value=1))
def test_a_percent_cell_reads_as_a_hundred_times_its_number(number):
    """A number cell formatted as a percentage is the policy's reading of its float, times 100,
    exactly: never a second reading of the float at another precision."""
    shown = shown_number(number, "0.0%")
    read = cds.evaluate({"1.6": shown}, 2025)["1.6"].value
    assert read == exact_float(number) * 100


@given(st.floats(min_value=0, max_value=100, allow_nan=False))
def test_every_binary_float_type_reads_as_its_widened_float(number):
    """A NumPy float of any width is read as the Python float it widens to."""
    for kind in (np.float16, np.float32, np.float64):
        narrow = kind(number)
        if not np.isfinite(narrow) or float(narrow) > 100:
            continue
        read = cds.evaluate({"1.6": narrow}, 2025)["1.6"].value
        assert read == exact_float(float(narrow))


def test_json_numbers_keep_their_form_in_the_record(tmp_path):
    path = _json_number(tmp_path / "v.json", "79.5")
    (record,) = cds.load_values(path, year=2025)
    assert json.dumps(record.values["1.6"]) == "79.5"


WHOLE = [(2024, 2024), (2024.0, 2024), (" 19 ", 19), ("0", 0), (-3, -3), ("2024.0", None),
         (True, None), (2.5, None), (float("nan"), None), ("²", None), ("١٢", None),
         ("1" * 41, None), (None, None)]


@pytest.mark.parametrize(("value", "whole"), WHOLE, ids=repr)
def test_years_and_counts_in_cells_are_read_as_one_kind_of_whole_number(tmp_path, value, whole):
    """A table's year, a long table's counts and a schedule's year accept the same cells."""
    from cds_indicators._model.numbers import whole_number

    assert whole_number(value) == whole
    accepted = whole is not None and 1900 <= whole <= 2200
    try:
        schedule = cds.Schedule({"Xã A": value})
    except cds.InputError:
        assert not accepted
    else:
        assert accepted and schedule.year_of("Xã A") == whole


# --- numbers typed the Vietnamese way ---------------------------------------------------------

VIETNAMESE_COUNTS = [
    # (numerator, denominator, counts read)
    ("8.100", "9.000", (8100, 9000)),
    ("8100", "9.000", (8100, 9000)),
    ("1.234.567", "2.000.000", (1234567, 2000000)),
    (" 19 ", "33", (19, 33)),
]


@pytest.mark.parametrize(("numerator", "denominator", "counts"), VIETNAMESE_COUNTS)
def test_counts_grouped_by_dots_read_the_same_in_every_door(tmp_path, numerator, denominator,
                                                            counts):
    given = cds.evaluate({"2.5": {"numerator": numerator, "denominator": denominator}}, 2024)
    assert given["2.5"].counts == counts
    table = tmp_path / "dai.csv"
    table.write_text("Xã,Năm,Mã chỉ tiêu,Tử số,Mẫu số\n"
                     f"Xã A,2024,2.5,{numerator},{denominator}\n", encoding="utf-8")
    [record] = cds.load_values(table)
    assert cds.evaluate(record.values, 2024)["2.5"].counts == counts


VIETNAMESE_REFUSED = [
    ("8,100", "chỉ tiêu 2.5: tử số '8,100' không rõ: dấu phẩy là dấu thập phân (8,1), nên số "
              "nguyên viết không có dấu hoặc với dấu chấm (8.100)",
     "criterion 2.5: the numerator '8,100' is ambiguous: the comma is the decimal mark (8,1), so "
     "a whole number is written without marks or with dots (8.100)"),
    ("8.10", "chỉ tiêu 2.5: tử số '8.10' không phải số nguyên không âm",
     "criterion 2.5: the numerator '8.10' is not a non-negative whole number"),
    ("1.234,5", "chỉ tiêu 2.5: tử số '1.234,5' không phải số nguyên không âm",
     "criterion 2.5: the numerator '1.234,5' is not a non-negative whole number"),
    ("81.00", "chỉ tiêu 2.5: tử số '81.00' không phải số nguyên không âm",
     "criterion 2.5: the numerator '81.00' is not a non-negative whole number"),
]


@pytest.mark.parametrize(("numerator", "vi", "en"), VIETNAMESE_REFUSED)
def test_a_count_that_is_no_whole_number_either_way_is_refused(numerator, vi, en):
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate({"2.5": {"numerator": numerator, "denominator": "9.000"}}, 2024)
    [problem] = caught.value.problems
    assert (problem.message, problem.message_en) == (vi, en)


def test_a_comma_number_split_by_a_comma_csv_is_said_so(tmp_path):
    table = tmp_path / "rong.csv"
    table.write_text("commune,year,1.6\nXã A,2024,82,5\n", encoding="utf-8")
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(table)
    [problem] = caught.value.problems
    assert problem.text("en") == (
        f"{table}, row 2, column D: the cell '5' is outside the columns: probably a number with a "
        "comma (82,5) written without quotes in a comma-separated CSV file, split into two cells; "
        'quote it ("82,5") or separate the columns with ;')


def test_both_terms_of_a_rate_wrong_are_said_together():
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate({"2.5": {"numerator": "8,100", "denominator": "9,0"}}, 2024)
    [problem] = caught.value.problems
    assert problem.message_en == (
        "criterion 2.5: the numerator '8,100' is ambiguous: the comma is the decimal mark (8,1), "
        "so a whole number is written without marks or with dots (8.100); and criterion 2.5: the "
        "denominator '9,0' is not a non-negative whole number")
    assert problem.message.endswith("; và chỉ tiêu 2.5: mẫu số '9,0' không phải số nguyên không âm")
