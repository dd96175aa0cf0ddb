"""Each door gives the same answer: one test per inconsistency found between the doors.

A door is a way in: ``evaluate()`` of a dict, ``load_values()`` of a file, ``evaluate_frame()`` of
a table, ``merge()``, ``Schedule.load()``, the command line and the renderers. Each test states
the consistent behaviour; those the code does not give yet are strict xfails, so that the fix
turns them into failures that ask for the marker to go.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import cds_indicators as cds

ROOT = Path(__file__).resolve().parent.parent

#: A dti-example commune-year whose text says "50/100 điểm, mức Trung bình".
DTI_VALUES = {"CQ1": "Có", "CQ2": 50, "CQ3": 1, "CQ4": 0, "KT1": 50, "XH1": 50, "XH2": "Không"}


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m cds_indicators ARGS`` in Vietnamese, output captured."""
    env = {k: v for k, v in os.environ.items() if k not in ("CDS_LANG", "NO_COLOR", "COLUMNS")}
    return subprocess.run(
        [sys.executable, "-m", "cds_indicators", *args], capture_output=True, text=True,
        encoding="utf-8", cwd=ROOT, env=env, timeout=120, check=False,
    )


def _raised(call: Callable[[], Any]) -> cds.CdsError:
    with pytest.raises(cds.CdsError) as caught:
        call()
    return caught.value


def _workbook(path: Path, rows: list[list[Any]], percent: dict[str, str] | None = None) -> Path:
    """An .xlsx of ``rows``; the cells named in ``percent`` get that number format."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for coordinate, number_format in (percent or {}).items():
        sheet[coordinate].number_format = number_format
    workbook.save(path)
    return path


def _statuses(path: Path, criterion: str) -> list[cds.Status]:
    return [cds.evaluate(r.values, r.year)[criterion].status for r in cds.load_values(path)]


# --- one number policy ---------------------------------------------------------------------------


@pytest.mark.parametrize("share", [
    # 0.8 at 12 and at 15 significant digits: every reading says 80 %.
    0.7999999999999999,
    # 0.8 at 12 significant digits, 0.79999999999999 at 15: one policy must decide both.
    0.79999999999999,
])
def test_a_percent_cell_and_the_typed_number_get_one_status(tmp_path, share):
    # Criterion 2.5's target in 2025 is 80 %: the share sits on it, within binary noise.
    path = _workbook(tmp_path / "ty-le.xlsx", [
        ["Xã", "Năm", "2.5"],
        ["Xã Phần Trăm", 2025, share],
        ["Xã Gõ Số", 2025, share * 100],
    ], percent={"C2": "0.0%"})
    typed = cds.evaluate({"2.5": share * 100}, 2025)["2.5"].status
    assert _statuses(path, "2.5") == [typed, typed]


# --- NaN of every NumPy dtype is missing ---------------------------------------------------------


@pytest.mark.parametrize("dtype", ["float16", "float32"])
def test_a_numpy_nan_is_missing_in_evaluate(dtype):
    np = pytest.importorskip("numpy")
    nan = np.dtype(dtype).type("nan")
    assert cds.evaluate({"2.5": nan}, 2025)["2.5"].status is cds.Status.MISSING


@pytest.mark.parametrize("dtype", ["float16", "float32"])
def test_a_numpy_nan_is_missing_in_evaluate_frame(dtype):
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"commune": ["Xã A"], "year": [2025],
                          "2.5": np.array([np.nan], dtype=dtype)})
    assert list(cds.evaluate_frame(frame)["2.5"].astype(str)) == ["MISSING"]


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_a_whole_numpy_float_is_a_count_in_evaluate_frame(dtype):
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"commune": ["Xã A", "Xã B"], "year": [2025, 2025],
                          "CQ3": np.array([2, 1], dtype=dtype)})
    result = cds.evaluate_frame(frame, framework=cds.load_framework("dti-example"))
    assert list(result["CQ3"].astype(str)) == ["PASS", "FAIL"]


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_a_whole_numpy_float_is_a_count_in_evaluate(dtype):
    np = pytest.importorskip("numpy")
    dti = cds.load_framework("dti-example")
    found = [cds.evaluate({"CQ3": np.dtype(dtype).type(n)}, 2025, framework=dti)["CQ3"].status
             for n in (2, 1)]
    assert found == [cds.Status.PASS, cds.Status.FAIL]


# --- the commune-years of a table ----------------------------------------------------------------


def test_evaluate_frame_refuses_a_commune_year_given_twice(tmp_path):
    pd = pytest.importorskip("pandas")
    table = tmp_path / "hai-lan.csv"
    table.write_text("Xã,Năm,2.5\nXã A,2025,50\nXã A,2025,60\n", encoding="utf-8")
    from_file = _raised(lambda: cds.load_values(table))
    assert isinstance(from_file, cds.InputError)
    frame = pd.DataFrame({"commune": ["Xã A", "Xã A"], "year": [2025, 2025], "2.5": [50, 60]})
    from_frame = _raised(lambda: cds.evaluate_frame(frame))
    assert isinstance(from_frame, cds.InputError)
    assert [(p.code, p.row) for p in from_frame.problems] == [(from_file.problems[0].code, 1)]


@pytest.mark.parametrize(("commune", "code"), [(5.5, "name_not_text"),
                                               (5, "admin_unknown_code")])
def test_evaluate_frame_refuses_a_number_as_commune_name(commune, code):
    """A number that is not whole is no name; a whole number is a code (``[admin]``), and
    ``5`` is no commune's code: both doors say the same."""
    pd = pytest.importorskip("pandas")
    if code.startswith("admin"):
        pytest.importorskip("vietnamadminunits")
    from_dict = _raised(lambda: cds.evaluate({"2.5": 50}, 2025, commune=commune))
    assert isinstance(from_dict, cds.InputError)
    frame = pd.DataFrame({"commune": [commune], "year": [2025], "2.5": [50]})
    from_frame = _raised(lambda: cds.evaluate_frame(frame))
    assert isinstance(from_frame, cds.InputError)
    assert [(p.code, p.row) for p in from_frame.problems] == [(from_dict.problems[0].code, 0)]
    assert from_dict.problems[0].code == code


def test_validate_refuses_a_commune_year_in_two_files_as_summarize_does(tmp_path):
    first = tmp_path / "a.csv"
    second = tmp_path / "b.csv"
    first.write_text("Xã,Năm,1.1\nXã Vĩnh Long,2024,Có\n", encoding="utf-8")
    second.write_text("Xã,Năm,1.1\nXã Vĩnh Long,2024,Không\n", encoding="utf-8")
    summarized = _cli("summarize", str(first), str(second))
    assert summarized.returncode == 3
    assert "Vĩnh Long" in summarized.stderr and "2024" in summarized.stderr
    validated = _cli("validate", str(first), str(second))
    assert validated.returncode == summarized.returncode
    assert "Vĩnh Long" in validated.stderr and "2024" in validated.stderr


def test_a_long_table_keeps_a_commune_year_with_no_value_as_a_wide_table_does(tmp_path):
    wide = tmp_path / "rong.csv"
    wide.write_text("Xã,Năm,2.5\nXã A,2025,50\nXã B,2025,\n", encoding="utf-8")
    long = tmp_path / "dai.csv"
    long.write_text("Xã,Năm,Mã chỉ tiêu,Giá trị\nXã A,2025,2.5,50\nXã B,2025,2.5,\n",
                    encoding="utf-8")
    assert [(r.commune, r.year) for r in cds.load_values(wide)] == [
        ("Xã A", 2025), ("Xã B", 2025)]
    assert [(r.commune, r.year) for r in cds.load_values(long)] == [
        ("Xã A", 2025), ("Xã B", 2025)]


# --- one header vocabulary -----------------------------------------------------------------------

TEN_XA = "Tên xã,Năm,2.5\nXã Vĩnh Long,2025,50\n"


def test_load_values_accepts_the_header_ten_xa(tmp_path):
    path = tmp_path / "ten-xa.csv"
    path.write_text(TEN_XA, encoding="utf-8")
    assert [(r.commune, r.year) for r in cds.load_values(path)] == [("Xã Vĩnh Long", 2025)]


def test_schedule_load_accepts_the_header_ten_xa(tmp_path):
    path = tmp_path / "lich.csv"
    path.write_text("Tên xã,Năm\nXã Vĩnh Long,2025\n", encoding="utf-8")
    assert cds.Schedule.load(path).year_of("Xã Vĩnh Long") == 2025


def test_evaluate_frame_accepts_the_header_ten_xa():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"Tên xã": ["Xã Vĩnh Long"], "year": [2025], "2.5": [50]})
    result = cds.evaluate_frame(frame)
    assert list(result["2.5"].astype(str)) == ["FAIL"]


# --- the framework file --------------------------------------------------------------------------


def test_a_framework_holding_a_delete_character_dumps_and_loads_back_equal(tmp_path):
    framework = attrs.evolve(cds.load_framework("dti-example"), title="Khung\x7fthử")
    path = tmp_path / "khung.toml"
    path.write_text(cds.dump_framework(framework), encoding="utf-8")
    assert cds.load_framework(path) == framework


# --- what the renderers show ---------------------------------------------------------------------


def _own_pillars() -> cds.Framework:
    """dti-example under another id, its pillars renamed: no shipped framework knows them."""
    shipped = cds.load_framework("dti-example")
    pillars = tuple(
        attrs.evolve(p, code=f"nhom_{i}", name=f"Nhóm riêng số {i}", name_en=f"Own group {i}",
                     criteria=tuple(attrs.evolve(c, pillar=f"nhom_{i}") for c in p.criteria))
        for i, p in enumerate(shipped.pillars)
    )
    return attrs.evolve(shipped, id="khung-rieng", pillars=pillars)


def _own_report() -> cds.Report:
    return cds.evaluate(DTI_VALUES, 2025, framework=_own_pillars(), commune="Xã A", district="H")


@pytest.mark.parametrize("html", [
    pytest.param(lambda: _own_report()._repr_html_(), id="report"),
    pytest.param(lambda: cds.summarize([_own_report()])._repr_html_(), id="summary"),
])
def test_the_notebook_html_of_a_custom_framework_names_its_pillars(html):
    shown = html()
    assert "Nhóm riêng số 0" in shown
    assert "nhom_0" not in shown


def test_the_text_of_a_custom_framework_names_its_pillars(tmp_path):
    framework = tmp_path / "khung-rieng.toml"
    framework.write_text(cds.dump_framework(_own_pillars()), encoding="utf-8")
    values = tmp_path / "xa-a.csv"
    values.write_text("Xã,Năm," + ",".join(DTI_VALUES) + "\nXã A,2025,"
                      + ",".join(str(v) for v in DTI_VALUES.values()) + "\n", encoding="utf-8")
    shown = _cli("evaluate", str(values), "--framework", str(framework))
    assert shown.returncode == 0, shown.stderr
    assert "Nhóm riêng số 0" in shown.stdout
    assert "nhom_0" not in shown.stdout


def test_the_text_of_a_points_framework_shows_score_and_level():
    report = cds.evaluate(DTI_VALUES, 2025, framework=cds.load_framework("dti-example"))
    assert (report.score, report.max_score, report.level) == (50, 100, "Trung bình")
    assert "50/100 điểm, mức Trung bình" in report.text()


def test_the_notebook_html_of_a_points_framework_shows_score_and_level():
    report = cds.evaluate(DTI_VALUES, 2025, framework=cds.load_framework("dti-example"))
    shown = report._repr_html_()
    assert "50/100" in shown
    assert "Trung bình" in shown


def test_the_html_page_of_a_points_framework_shows_score_and_level(tmp_path):
    values = tmp_path / "xa-a.csv"
    values.write_text("Xã,Năm," + ",".join(DTI_VALUES) + "\nXã A,2025,"
                      + ",".join(str(v) for v in DTI_VALUES.values()) + "\n", encoding="utf-8")
    page = _cli("evaluate", str(values), "--framework", "dti-example", "--format", "html")
    assert page.returncode == 0, page.stderr
    assert "50/100" in page.stdout
    assert "Trung bình" in page.stdout


# --- one error family ----------------------------------------------------------------------------


def _bad_value_doors(tmp_path: Path) -> dict[str, Callable[[], Any]]:
    pd = pytest.importorskip("pandas")
    table = tmp_path / "sai.csv"
    table.write_text("Xã,Năm,2.5\nXã A,2025,abc\n", encoding="utf-8")
    return {
        "evaluate": lambda: cds.evaluate({"2.5": "abc"}, 2025),
        "load_values": lambda: cds.load_values(table),
        "evaluate_frame": lambda: cds.evaluate_frame(
            pd.DataFrame({"commune": ["Xã A"], "year": [2025], "2.5": ["abc"]})),
        "merge": lambda: cds.merge({"Xã A": {"2.5": "abc"}}, into="Xã A"),
    }


@pytest.mark.parametrize("door", [
    "evaluate",
    "load_values",
    "evaluate_frame",
    "merge",
])
def test_the_same_bad_value_raises_the_same_class_through_every_door(tmp_path, door):
    reference = _raised(_bad_value_doors(tmp_path)["evaluate"])
    error = _raised(_bad_value_doors(tmp_path)[door])
    assert type(error) is cds.MeasurementError
    assert [(p.code, p.criterion) for p in error.problems] == [
        (p.code, p.criterion) for p in reference.problems]
