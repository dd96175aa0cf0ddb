"""Hostile input refused, located and said in both languages: the classes of issue 10 that are
not a workbook's (those are in tests/test_xlsx*), through the public API and the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cds_indicators as cds


def _problems(call, *args, **kwargs):
    with pytest.raises(cds.CdsError) as caught:
        call(*args, **kwargs)
    return caught.value.problems


# --- values too long or too large to read, refused before the work -----------------------------

@pytest.mark.parametrize(
    ("criterion", "value", "vi", "en"),
    [
        ("1.6", 10**5000, "chỉ tiêu 1.6: ≈1.00e+5000 nằm ngoài khoảng 0–100%",
         "criterion 1.6: ≈1.00e+5000 is outside 0–100%"),
        ("1.1", -(10**5000),
         "chỉ tiêu 1.1: -≈1.00e+5000 không phải số lượng (một số nguyên không âm, ví dụ 17; 0 là Không)",
         "criterion 1.1: -≈1.00e+5000 is not a count (a non-negative whole number, e.g. 17; 0 means no)"),
        ("2.5", cds.ratio(10**401, 10**402),
         "chỉ tiêu 2.5: ≈1.00e+401 có quá 40 chữ số có nghĩa, hoặc lớn hơn 10^400 hay nhỏ hơn "
         "10^-400; và chỉ tiêu 2.5: ≈1.00e+402 có quá 40 chữ số có nghĩa, hoặc lớn hơn 10^400 "
         "hay nhỏ hơn 10^-400",
         "criterion 2.5: ≈1.00e+401 has more than 40 significant digits, or is above 10^400 or "
         "below 10^-400; and criterion 2.5: ≈1.00e+402 has more than 40 significant digits, or "
         "is above 10^400 or below 10^-400"),
        ("1.6", Fraction(1, 10**500),
         "chỉ tiêu 1.6: " + ("Fraction(1, 1" + "0" * 500)[:200] + "…[514 ký tự] có quá 40 chữ "
         "số có nghĩa, hoặc lớn hơn 10^400 hay nhỏ hơn 10^-400",
         "criterion 1.6: " + ("Fraction(1, 1" + "0" * 500)[:200] + "…[514 characters] has more "
         "than 40 significant digits, or is above 10^400 or below 10^-400"),
        ("1.6", Decimal("1E-100000000"),
         "chỉ tiêu 1.6: Decimal('1E-100000000') có quá 40 chữ số có nghĩa, hoặc lớn hơn 10^400 "
         "hay nhỏ hơn 10^-400",
         "criterion 1.6: Decimal('1E-100000000') has more than 40 significant digits, or is "
         "above 10^400 or below 10^-400"),
        ("1.6", "8" * 1001, "chỉ tiêu 1.6: ô dài 1001 ký tự, quá giới hạn 1000 ký tự",
         "criterion 1.6: the cell is 1001 characters long, over the limit of 1000"),
        ("1.1", "Có" * 501, "chỉ tiêu 1.1: ô dài 1002 ký tự, quá giới hạn 1000 ký tự",
         "criterion 1.1: the cell is 1002 characters long, over the limit of 1000"),
    ],
    ids=["huge-int", "huge-negative-int", "huge-counts", "tiny-fraction", "tiny-decimal",
         "long-number-text", "long-yes-no-text"],
)
def test_a_value_too_long_to_read_is_refused_in_both_languages(criterion, value, vi, en):
    [problem] = _problems(cds.evaluate, {criterion: value}, 2024)
    assert (problem.criterion, problem.message, problem.message_en) == (criterion, vi, en)


def test_a_count_past_the_digit_limit_is_refused_not_judged():
    framework = cds.load_framework("dti-example")
    count = next(c.id for c in framework if c.kind is cds.Kind.COUNT)
    [problem] = _problems(cds.evaluate, {count: 10**401}, framework.years[0],
                          framework=framework)
    assert problem.code == "number_too_long"
    assert cds.evaluate({count: 10**401 - 1}, framework.years[0], framework=framework)


def test_a_hundred_million_character_value_gives_a_short_message():
    [problem] = _problems(cds.evaluate, {"1.6": "x" * 100_000_000}, 2024)
    assert len(problem.message) < 200 and len(problem.message_en) < 200


@settings(max_examples=50, deadline=None)
@given(value=st.one_of(st.text(min_size=300, max_size=3000),
                       st.lists(st.integers(), min_size=200, max_size=400),
                       st.integers(min_value=10**300, max_value=10**6000)))
def test_no_message_grows_with_the_value_it_quotes(value):
    """A message quotes at most a few hundred characters of a value, whatever its size."""
    for problem in _problems(cds.evaluate, {"1.6": value, "1.1": value}, 2024):
        assert len(problem.message) <= 400 and len(problem.message_en) <= 400


def test_a_report_looked_up_by_a_number_is_a_type_error():
    report = cds.evaluate({"2.5": "19/33"}, 2024)
    with pytest.raises(TypeError, match="criterion ids are str, not float"):
        report[2.5]  # type: ignore[index]
    assert report["2.5"].status is cds.Status.FAIL


# --- files: kind, size and what is actually read ------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_by_kind_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "values.csv"
    os.mkfifo(fifo)
    [problem] = _problems(cds.load_values, fifo)
    assert problem.message == "không phải một tệp thông thường (ống FIFO); chỉ đọc được tệp"
    assert problem.message_en == "not a regular file (a FIFO); only files can be read"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
@pytest.mark.parametrize("suffix", [".csv", ".json", ".toml", ".xlsx"])
def test_a_device_is_refused_by_kind(tmp_path, suffix):
    link = tmp_path / f"zero{suffix}"
    link.symlink_to("/dev/zero")
    [problem] = _problems(cds.load_values, link)
    assert problem.message_en == "not a regular file (a device); only files can be read"


def test_the_size_limit_counts_what_is_read_not_what_stat_says(tmp_path):
    from cds_indicators._io.limits import read_bounded

    # /proc files say they hold 0 bytes; what is read decides.
    proc = Path("/proc/self/maps")
    if not proc.exists():
        pytest.skip("no /proc here")
    assert proc.stat().st_size == 0
    [problem] = _problems(read_bounded, proc, "maps", limit=10)
    assert problem.message_en == "the file is too large (more than 10 bytes)"


# --- years: a file's own year is never overridden ----------------------------------------------

def test_a_year_argument_never_re_dates_a_file(tmp_path):
    table = tmp_path / "values.csv"
    table.write_text("Xã,Năm,1.6\nA,2023,80\nB,,80\n", encoding="utf-8")
    [problem] = _problems(cds.load_values, table, year=2024)
    assert problem.text("vi") == (f"{table}, dòng 2, cột B: năm 2023 khác với năm 2024 được chỉ "
                                  "định (--year hoặc year=)")
    assert problem.text("en") == (f"{table}, row 2, column B: the year 2023 differs from the "
                                  "year 2024 asked for (--year or year=)")
    document = tmp_path / "values.json"
    document.write_text('{"commune": "A", "year": 2023, "values": {}}', encoding="utf-8")
    [problem] = _problems(cds.load_values, document, year=2024)
    assert (problem.path, problem.code) == ("$.year", "year_conflict")
    assert [r.year for r in cds.load_values(document, year=2023)] == [2023]


def test_evaluate_frame_year_fills_the_year_column_and_overrides_none():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"commune": ["A", "B", "C", "D"], "year": [2024, 2023, None, "rác"],
                          "1.6": [80, 90, 70, 10]}, dtype=object)
    problems = _problems(cds.evaluate_frame, frame, year=2024)
    assert [p.text("en") for p in problems] == [
        "row 1, column year: the year 2023 differs from the year 2024 asked for (--year or "
        "year=)",
        "row 3, column year: year 'rác' is not in framework thanh-hoa-1829 (years with "
        "targets: 2022, 2023, 2024, 2025)",
    ]
    good = cds.evaluate_frame(frame.iloc[[0, 2]], year=2024)
    assert list(good["year"]) == [2024, 2024]


# --- partial results ---------------------------------------------------------------------------

BAD_ROW = "Xã,Huyện,Năm,1.6,2.5\nA,H,2024,80,19/33\nB,H,2024,abc,1/2\nC,H,2024,90,\n"


def test_collect_returns_the_communes_read_whole_and_every_problem(tmp_path):
    path = tmp_path / "values.csv"
    path.write_text(BAD_ROW + "A,H,2024,1,\n", encoding="utf-8")
    with pytest.raises(cds.InputError) as raised:
        cds.load_values(path)
    loaded = cds.load_values(path, errors="collect")
    assert isinstance(loaded, cds.LoadedValues)
    # A is given twice: neither copy is kept; B has a bad cell.
    assert [r.commune for r in loaded] == ["C"] and len(loaded) == 1
    assert loaded.problems == raised.value.problems and not loaded.complete
    with pytest.raises(cds.InputError):
        loaded.raise_problems()
    assert [cds.evaluate(r.values, r.year)["1.6"].status for r in loaded] == [cds.Status.PASS]


def test_collect_on_a_file_that_cannot_be_read_at_all(tmp_path):
    path = tmp_path / "values.json"
    path.write_text('{"commune": "A", "commune": "B"}', encoding="utf-8")
    loaded = cds.load_values(path, errors="collect")
    assert loaded.records == () and [p.code for p in loaded.problems] == ["duplicate_key"]
    whole = tmp_path / "good.json"
    whole.write_text('{"commune": "A", "year": 2024, "values": {"1.6": 80}}', encoding="utf-8")
    assert cds.load_values(whole, errors="collect").complete


def test_a_bad_header_keeps_no_row_of_its_table(tmp_path):
    path = tmp_path / "values.csv"
    path.write_text("Xã,Năm,1.6,3.1O\nA,2024,80,5\n", encoding="utf-8")
    loaded = cds.load_values(path, errors="collect")
    assert loaded.records == () and [p.code for p in loaded.problems] == ["unknown_column"]


def test_errors_takes_raise_or_collect():
    with pytest.raises(cds.InputError) as caught:
        cds.load_values("x.csv", errors="ignore")  # type: ignore[call-overload]
    assert caught.value.problems[0].message_en == 'errors must be "raise" or "collect", not \'ignore\''
    with pytest.raises(TypeError):
        cds.load_values("x.csv", errors=None)  # type: ignore[call-overload]


def _cli(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(Path(cds.__file__).parent.parent)}
    return subprocess.run([sys.executable, "-m", "cds_indicators", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)


def test_keep_going_evaluates_the_good_communes_of_a_workbook_with_one_bad_cell(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Vĩnh Lộc"
    for row in (["Xã", "Năm", "1.6"], ["A", 2024, 80], ["B", 2024, "abc"], ["C", 2024, 50]):
        sheet.append(row)
    book.save(tmp_path / "book.xlsx")
    done = _cli("evaluate", "book.xlsx", "--keep-going", "--format", "csv", "--lang", "en",
                cwd=tmp_path)
    assert done.returncode == 3
    assert [line.split(",")[0] for line in done.stdout.splitlines()[1:]] == ["A", "C"] or (
        "A" in done.stdout and "C" in done.stdout and "B," not in done.stdout)
    assert ("book.xlsx, sheet Vĩnh Lộc, row 3, column C: criterion 1.6: cannot read 'abc' as "
            "a rate") in " ".join(done.stderr.split())
    without = _cli("evaluate", "book.xlsx", "--format", "csv", cwd=tmp_path)
    assert without.returncode == 3 and without.stdout == ""


def test_keep_going_summarizes_the_communes_read(tmp_path):
    (tmp_path / "values.csv").write_text(BAD_ROW, encoding="utf-8")
    done = _cli("summarize", "values.csv", "--keep-going", "--format", "json", cwd=tmp_path)
    assert done.returncode == 3
    assert '"A"' in done.stdout and '"C"' in done.stdout and '"B"' not in done.stdout
    assert "values.csv, dòng 3, cột D" in done.stderr


@pytest.mark.parametrize(
    ("tail", "vi", "en"),
    [(",", "bảng có hơn 10000000 ô", "the table has more than 10000000 cells"),
     ("a\n", "bảng có hơn 1000000 dòng", "the table has more than 1000000 rows")],
    ids=["cells", "rows"],
)
def test_a_table_past_the_row_or_cell_limit_is_refused_as_it_is_read(tmp_path, tail, vi, en):
    from cds_indicators._io.cells import MAX_CELLS, MAX_ROWS

    path = tmp_path / "values.csv"
    count = MAX_CELLS if tail == "," else MAX_ROWS
    path.write_text("Xã,Năm,1.6\n" + tail * count, encoding="utf-8")
    [problem] = _problems(cds.load_values, path)
    assert (problem.message, problem.message_en) == (vi, en)


def test_a_count_past_the_largest_whole_number_is_refused_like_any_other_door():
    """A count is decided without reading on the quick path; one past the policy's magnitude
    still goes to the readers, which refuse it."""
    framework = cds.load_framework("dti-example")
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate({"CQ3": 10**5000}, 2024, framework=framework)
    [problem] = caught.value.problems
    assert (problem.criterion, problem.message_en) == (
        "CQ3", "criterion CQ3: ≈1.00e+5000 has more than 40 significant digits, or is above "
               "10^400 or below 10^-400")
    assert cds.evaluate({"CQ3": 10**400}, 2024, framework=framework)["CQ3"].value == 10**400
