"""One error family: every error carries its problems, and one rule picks the class of an error
from its problems, so that the same bad value raises the same class through every door."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators._model.errors import (
    _ARGUMENT_TYPE,
    _MEASURED,
    Problem,
    error_for,
    raise_problems,
)
from cds_indicators._words import vi

# --- the same bad value through every door ---------------------------------------------------

BAD_VALUES = [
    ("1.1", "abc", "chỉ tiêu 1.1: không đọc được 'abc' là Có/Không",
     "criterion 1.1: cannot read 'abc' as yes/no (Có/Không)"),
    ("1.2", "120%", "chỉ tiêu 1.2: '120%' nằm ngoài khoảng 0–100%",
     "criterion 1.2: '120%' is outside 0–100%"),
    ("1.2", "nhiều", "chỉ tiêu 1.2: không đọc được 'nhiều' là một tỷ lệ "
     "(ví dụ: 80, 80%, 57,5%, 19/33)",
     "criterion 1.2: cannot read 'nhiều' as a rate (e.g. 80, 80%, 57,5%, 19/33)"),
]


def through_evaluate(tmp: Path, criterion: str, value: str) -> None:
    cds.evaluate({criterion: value}, 2024)


def through_toml(tmp: Path, criterion: str, value: str) -> None:
    path = tmp / "xa.toml"
    path.write_text(f'commune = "A"\nyear = 2024\n[values]\n"{criterion}" = "{value}"\n',
                    encoding="utf-8")
    cds.load_values(path)


def through_json(tmp: Path, criterion: str, value: str) -> None:
    path = tmp / "xa.json"
    data = {"commune": "A", "year": 2024, "values": {criterion: value}}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    cds.load_values(path)


def through_csv(tmp: Path, criterion: str, value: str) -> None:
    path = tmp / "xa.csv"
    path.write_text(f"Xã,Năm,{criterion}\nA,2024,{value}\n", encoding="utf-8")
    cds.load_values(path)


def through_xlsx(tmp: Path, criterion: str, value: str) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["Xã", "Năm", criterion])
    book.active.append(["A", 2024, value])
    book.save(tmp / "xa.xlsx")
    cds.load_values(tmp / "xa.xlsx")


def through_pandas(tmp: Path, criterion: str, value: str) -> None:
    pandas = pytest.importorskip("pandas")
    cds.evaluate_frame(pandas.DataFrame({"commune": ["A"], "year": [2024], criterion: [value]}))


def through_merge(tmp: Path, criterion: str, value: str) -> None:
    cds.merge([{criterion: value}], into="B")


DOORS: dict[str, Callable[[Path, str, str], None]] = {
    "evaluate": through_evaluate, "toml": through_toml, "json": through_json,
    "csv": through_csv, "xlsx": through_xlsx, "pandas": through_pandas, "merge": through_merge,
}
#: merge() names the part in the message itself (its parts have no file to place them in).
PREFIX = {"merge": "#1: "}


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize(("criterion", "value", "message", "message_en"), BAD_VALUES)
def test_a_bad_value_raises_a_measurement_error_through_every_door(
    tmp_path: Path, door: str, criterion: str, value: str, message: str, message_en: str
) -> None:
    with pytest.raises(cds.MeasurementError) as caught:
        DOORS[door](tmp_path, criterion, value)
    error = caught.value
    prefix = PREFIX.get(door, "")
    assert [(p.criterion, p.value, p.message, p.message_en) for p in error.problems] == [
        (criterion, value, prefix + message, prefix + message_en)]
    assert (error.criterion, error.value) == (criterion, value)
    # Every MeasurementError is an InputError: code catching InputError keeps working.
    assert isinstance(error, cds.InputError)
    assert str(error).endswith(message)


def test_a_file_with_a_bad_value_and_a_bad_shape_is_both_errors(tmp_path: Path) -> None:
    path = tmp_path / "xa.csv"
    path.write_text("Xã,Năm,1.1\n,2024,abc\n", encoding="utf-8")
    with pytest.raises(cds.MeasurementError) as caught:
        cds.load_values(path)
    assert isinstance(caught.value, cds.InputError)
    assert {p.code for p in caught.value.problems} == {"missing_commune", "bad_yes_no_text"}
    assert str(caught.value).startswith("giá trị không hợp lệ (2):\n")


def test_a_file_without_a_bad_value_raises_a_plain_input_error(tmp_path: Path) -> None:
    path = tmp_path / "xa.csv"
    path.write_text("Xã,Năm,1.1\n,2024,Có\n", encoding="utf-8")
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(path)
    assert type(caught.value) is cds.InputError


# --- every error carries its problems ---------------------------------------------------------

ERRORS: list[tuple[Callable[[], Any], type[cds.CdsError], str, str]] = [
    (lambda: cds.load_framework()["9.9"], cds.UnknownCriterionError,
     "không có chỉ tiêu '9.9' trong khung thanh-hoa-1829",
     "there is no criterion '9.9' in framework thanh-hoa-1829"),
    (lambda: cds.evaluate({}, 2030), cds.UnknownYearError,
     "năm 2030 không thuộc khung thanh-hoa-1829 (các năm có chỉ tiêu: 2022, 2023, 2024, 2025)",
     "the year 2030 is not in framework thanh-hoa-1829 (years with targets: 2022, 2023, 2024, "
     "2025)"),
]


@pytest.mark.parametrize(("call", "kind", "message", "message_en"), ERRORS)
def test_lookups_carry_their_problem(call: Callable[[], Any], kind: type[cds.CdsError],
                                     message: str, message_en: str) -> None:
    with pytest.raises(kind) as caught:
        call()
    assert [(p.message, p.message_en) for p in caught.value.problems] == [(message, message_en)]
    assert str(caught.value) == message


def test_errors_without_a_file_carry_one_problem_in_both_languages() -> None:
    cases = [
        (cds.UnknownCriterionError("9.9"), "no_such_criterion", "không có chỉ tiêu '9.9'",
         "there is no criterion '9.9'"),
        (cds.UnknownCriterionError("9.9", framework="f"), "unknown_criterion",
         "không có chỉ tiêu '9.9' trong khung f", "there is no criterion '9.9' in framework f"),
        (cds.UnknownYearError(2030, [2024, 2025]), "year_without_targets",
         "năm 2030 không thuộc khung tiêu chí (các năm có chỉ tiêu: 2024, 2025)",
         "the year 2030 is not in the framework (years with targets: 2024, 2025)"),
        (cds.UnknownYearError(2030, [2024], framework="f"), "year_not_in_framework",
         "năm 2030 không thuộc khung f (các năm có chỉ tiêu: 2024)",
         "the year 2030 is not in framework f (years with targets: 2024)"),
        (cds.MissingExtraError("excel", "openpyxl"), "missing_extra",
         'openpyxl chưa được cài đặt: cần gói bổ sung [excel] (trong thư mục mã nguồn: python -m pip install ".[excel]"; từ tệp wheel đã dựng: python -m pip install "cds_indicators-0.1.0-py3-none-any.whl[excel]")',
         'openpyxl is not installed: it needs the [excel] extra (in the source folder: python -m pip install ".[excel]"; from a built wheel: python -m pip install "cds_indicators-0.1.0-py3-none-any.whl[excel]")'),
    ]
    for error, code, message, message_en in cases:
        assert [(p.code, p.message, p.message_en) for p in error.problems] == [
            (code, message, message_en)]


@pytest.mark.parametrize(("error", "text"), [
    (cds.UnknownCriterionError("9.9"), "không có chỉ tiêu '9.9'"),
    (cds.UnknownCriterionError("9.9", framework="f"), "không có chỉ tiêu '9.9' trong khung f"),
    (cds.UnknownYearError(2030, [2024, 2025]),
     "năm 2030 không thuộc khung tiêu chí (các năm có chỉ tiêu: 2024, 2025)"),
    (cds.UnknownYearError(2030, (2024,), framework="f"),
     "năm 2030 không thuộc khung f (các năm có chỉ tiêu: 2024)"),
    (cds.MissingExtraError("excel", "openpyxl"),
     'openpyxl chưa được cài đặt: cần gói bổ sung [excel] (trong thư mục mã nguồn: python -m pip install ".[excel]"; từ tệp wheel đã dựng: python -m pip install "cds_indicators-0.1.0-py3-none-any.whl[excel]") (openpyxl is not installed)'),
])
def test_their_text_is_unchanged(error: cds.CdsError, text: str) -> None:
    assert str(error) == text


def test_the_fields_of_the_errors_stay() -> None:
    year = cds.UnknownYearError(2030, [2024], framework="f")
    assert (year.year, year.years, year.framework) == (2030, (2024,), "f")
    criterion = cds.UnknownCriterionError("9.9", framework="f")
    assert (criterion.criterion, criterion.framework) == ("9.9", "f")
    extra = cds.MissingExtraError("excel", "openpyxl")
    assert (extra.extra, extra.name) == ("excel", "openpyxl")
    assert isinstance(criterion, LookupError) and isinstance(extra, ImportError)


# --- the rule ---------------------------------------------------------------------------------


def test_the_rule_names_only_codes_of_the_catalogue() -> None:
    assert set(_MEASURED) <= set(vi.MESSAGES)
    assert set(_ARGUMENT_TYPE) <= set(vi.MESSAGES)


@pytest.mark.parametrize(("code", "classes"), [
    ("bad_rate_text", (cds.MeasurementError, cds.InputError)),
    ("unknown_criterion", (cds.MeasurementError, cds.InputError)),
    ("missing_commune", (cds.InputError,)),
    ("frame_missing_column", (cds.InputError,)),
    ("merge_part_type", (cds.InputError, TypeError)),
    ("values_not_mapping", (cds.MeasurementError, cds.InputError, TypeError)),
])
def test_error_class(code: str, classes: tuple[type[Exception], ...]) -> None:
    error = error_for([Problem(code=code, message=code, message_en=code)])
    assert all(isinstance(error, c) for c in classes)
    others = {cds.MeasurementError, cds.InputError, TypeError} - set(classes)
    assert not any(isinstance(error, c) for c in others)


def test_every_measurement_error_is_an_input_error() -> None:
    assert issubclass(cds.MeasurementError, cds.InputError)
    assert cds.MeasurementError.__mro__[1:4] == (cds.InputError, cds.CdsError, ValueError)


def test_a_door_keeps_the_class_it_promised() -> None:
    shape = Problem.of("merge_no_parts")
    value = Problem.of("bad_count", criterion="1.4", value=-1)
    assert type(error_for([shape])) is cds.InputError
    assert type(error_for([shape], promised=cds.MeasurementError)) is cds.MeasurementError
    assert type(error_for([value], promised=cds.MeasurementError)) is cds.MeasurementError
    assert type(error_for([value])) is cds.MeasurementError
    assert type(error_for([shape, value])) is cds.MeasurementError


def test_raise_problems_raises_error_for() -> None:
    problem = Problem.of("bad_count", criterion="1.4", value=-1)
    with pytest.raises(cds.MeasurementError) as caught:
        raise_problems([problem])
    assert caught.value.problems == (problem,)


def test_an_error_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="at least one problem"):
        error_for([])


CODES = sorted(vi.MESSAGES)


@given(st.lists(st.sampled_from(CODES), min_size=1, max_size=5),
       st.sampled_from([None, cds.MeasurementError]))
def test_an_error_is_each_class_one_of_its_problems_or_its_door_asks_for(
    codes: list[str], promised: type[cds.MeasurementError] | None
) -> None:
    """The error of several problems is always an InputError; a MeasurementError exactly when
    one of them is a bad measured value or the door promises one; a TypeError exactly when one
    is an argument of the wrong type; and it carries every problem, in order."""
    problems = [Problem(code=c, message=c, message_en=c) for c in codes]
    error = error_for(problems, promised=promised)
    assert error.problems == tuple(problems)
    measured = any(c in _MEASURED for c in codes)
    assert isinstance(error, cds.MeasurementError) is (measured or promised is not None)
    assert isinstance(error, cds.InputError)
    assert isinstance(error, TypeError) is any(c in _ARGUMENT_TYPE for c in codes)
