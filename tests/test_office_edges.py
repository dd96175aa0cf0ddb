"""What surrounds a table in an office's file: the lines above its header (``Năm | 2024``,
``Xã | …``, ``Huyện | …``) where the table also has that column, and the signature area under
it (``Người lập biểu``, …) — nothing in either is dropped without a word.

A CSV file larger than one chunk (64 KiB) is read a block of rows at a time; the tests marked
*big* put the case past the first chunk, so that the block path says and keeps what the row by
row path does."""

from pathlib import Path
from typing import Any

import pytest

import cds_indicators as cds

openpyxl = pytest.importorskip("openpyxl")


def _csv(tmp_path: Path, text: str, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _problems(path: Path, **options: object) -> list[tuple[str, int | None, str | None, str]]:
    with pytest.raises(cds.InputError) as raised:
        cds.load_values(path, **options)  # type: ignore[arg-type]
    return [(p.code, p.row, p.column, p.message_en) for p in raised.value.problems]


def _who(records: object) -> list[tuple[str, str | None, int, dict[str, object]]]:
    return [(r.commune, r.district, r.year, dict(r.values)) for r in records]  # type: ignore[attr-defined]


_MANY = 4000  # rows enough that the table runs past the first chunk of the file


def _rows(count: int, year: str = "2024") -> str:
    return "".join(f"Xã {i},{year},80,\n" for i in range(count))


# --- the signature area -------------------------------------------------------------------------


def test_a_data_row_whose_note_is_a_signature_heading_is_read(tmp_path):
    path = _csv(tmp_path, "Xã,Năm,1.6,Ghi chú\nXã A,2024,80,\nXã B,2024,90,Người lập biểu\n")
    assert _who(cds.load_values(path)) == [
        ("Xã A", None, 2024, {"1.6": "80"}), ("Xã B", None, 2024, {"1.6": "90"})]


def test_the_rows_below_such_a_row_are_read_and_their_problems_said(tmp_path):
    path = _csv(tmp_path, "Xã,Năm,1.6,Ghi chú\nXã A,2024,80,\nXã B,2024,90,Người lập biểu\n"
                          "Xã C,2024,abc,\n")
    assert _problems(path) == [
        ("bad_rate_text", 4, "C",
         "criterion 1.6: cannot read 'abc' as a rate (e.g. 80, 80%, 57,5%, 19/33)")]


def test_a_row_with_data_below_the_signature_area_is_refused(tmp_path):
    path = _csv(tmp_path, "Xã,Năm,1.6\nXã A,2024,80\nNgười lập biểu,,\nXã C,2024,10\n")
    with pytest.raises(cds.InputError) as raised:
        cds.load_values(path)
    [problem] = raised.value.problems
    assert (problem.code, problem.row, problem.column, problem.value) == (
        "row_after_signature", 4, "A", "Xã C")
    assert problem.text("vi") == (
        f"{path}, dòng 4, cột A: dòng này có số liệu của 'Xã C' nhưng nằm dưới phần chữ ký (từ "
        "dòng 3), phần không được đọc: hãy chuyển dòng lên trên phần chữ ký")
    assert problem.text("en") == (
        f"{path}, row 4, column A: this row holds values of 'Xã C' but is below the signature "
        "area (from row 3), which is not read: move the row above the signature area")


def test_collect_keeps_the_rows_above_the_signature_area(tmp_path):
    path = _csv(tmp_path, "Xã,Năm,1.6\nXã A,2024,80\nNgười lập biểu,,Thủ trưởng đơn vị\n"
                          "Xã C,2024,10\nXã D,2024,20\n")
    loaded = cds.load_values(path, errors="collect")
    assert _who(loaded.records) == [("Xã A", None, 2024, {"1.6": "80"})]
    assert [(p.code, p.row) for p in loaded.problems] == [
        ("row_after_signature", 4), ("row_after_signature", 5)]


@pytest.mark.parametrize(("text", "options"), [
    # the signers' names, typed under the headings: no year, no value that reads
    ("Xã,Năm,1.6,Ghi chú\nXã A,2024,80,\nNgười lập biểu,,Thủ trưởng đơn vị,\n"
     "(Ký; ghi rõ họ tên),,,\nNguyễn Văn A,,Trần Văn B,\n", {}),
    ("Xã,Năm,1.6\nXã A,2024,80\nNgười lập biểu,Kế toán,Thủ trưởng đơn vị\n"
     "Nguyễn Văn A,Lê Thị C,Trần Văn B\nVĩnh Lộc, ngày 5 tháng 1 năm 2025,,\n", {}),
    ("Xã,1.6\nXã A,80\nNgười lập biểu,Thủ trưởng đơn vị\nNguyễn Văn A,Trần Văn B\n",
     {"year": 2024}),
    # a heading beside a title in the commune column, a remark under a criterion
    ("Xã,Năm,1.6,Ghi chú\nXã A,2024,80,\nTM. UBND xã,,,Người lập biểu\nChủ tịch,,ký,\n", {}),
])
def test_the_signers_names_below_the_area_are_not_data(tmp_path, text, options):
    assert _who(cds.load_values(_csv(tmp_path, text), **options)) == [
        ("Xã A", None, 2024, {"1.6": "80"})]


def test_a_long_table_row_below_the_area_refuses_its_commune_year(tmp_path):
    path = _csv(tmp_path, "Xã,Năm,Mã chỉ tiêu,Giá trị\nXã A,2024,1.6,80\nXã B,2024,1.6,70\n"
                          "Người lập biểu,,,\nXã A,2024,2.5,19/33\n")
    loaded = cds.load_values(path, errors="collect")
    assert _who(loaded.records) == [("Xã B", None, 2024, {"1.6": "70"})]
    assert [(p.code, p.row, p.column, p.value) for p in loaded.problems] == [
        ("row_after_signature", 5, "A", "Xã A")]


def _signed_template(tmp_path: Path) -> tuple[Path, Any, Any, int]:
    """The entry template of one commune, with the signers' names typed under the headings
    of its signature area (names, not data), and the row of those headings."""
    path = cds.write_template(tmp_path / "phieu.xlsx", 2024,
                              communes=[("Xã Vĩnh Long", "Vĩnh Lộc")])
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    signed = next(r for r in range(1, sheet.max_row + 1)
                  if sheet.cell(row=r, column=2).value == "Người lập biểu")
    sheet.cell(row=signed + 3, column=2, value="Nguyễn Văn A")
    sheet.cell(row=signed + 3, column=6, value="Trần Văn B")
    return path, workbook, sheet, signed


def test_a_template_value_typed_below_its_signature_area_is_refused(tmp_path):
    path, workbook, sheet, signed = _signed_template(tmp_path)
    sheet.cell(row=signed + 4, column=1, value="1.6")
    sheet.cell(row=signed + 4, column=7, value=80)
    workbook.save(path)
    loaded = cds.load_values(path, errors="collect")
    assert list(loaded.records) == []
    assert [(p.code, p.sheet, p.row, p.column, p.value) for p in loaded.problems] == [
        ("row_after_signature", "Xã Vĩnh Long", signed + 4, "G", "Xã Vĩnh Long")]


def test_a_template_signed_with_names_reads_back(tmp_path):
    path, workbook, _, _ = _signed_template(tmp_path)
    workbook.save(path)
    [record] = cds.load_values(path)
    assert (record.commune, record.year, record.values) == ("Xã Vĩnh Long", 2024, {})


def test_big_a_note_that_is_a_signature_heading_deep_in_a_file(tmp_path):
    text = ("Xã,Năm,1.6,Ghi chú\n" + _rows(_MANY) + "Xã B,2024,90,Người lập biểu\n"
            + _rows(_MANY).replace("Xã ", "Xã x"))
    records = cds.load_values(_csv(tmp_path, text))
    assert len(records) == 2 * _MANY + 1
    assert _who([records[_MANY]]) == [("Xã B", None, 2024, {"1.6": "90"})]
    assert records[_MANY].row == _MANY + 2


def test_big_a_row_below_the_signature_area_deep_in_a_file(tmp_path):
    text = "Xã,Năm,1.6,Ghi chú\n" + _rows(_MANY) + "Người lập biểu,,,\n" + _rows(3)
    signed = _MANY + 2
    assert [(code, row, column) for code, row, column, _ in _problems(_csv(tmp_path, text))] == [
        ("row_after_signature", signed + 1 + i, "A") for i in range(3)]


# --- the lines above the header -----------------------------------------------------------------


def test_a_year_above_the_header_that_a_row_contradicts_refuses_the_row(tmp_path):
    path = _csv(tmp_path, "Năm,2024\nXã,Năm,1.6\nXã A,2023,80\n")
    with pytest.raises(cds.InputError) as raised:
        cds.load_values(path)
    [problem] = raised.value.problems
    assert (problem.code, problem.row, problem.column, problem.value) == (
        "above_header_conflict", 3, "B", 2023)
    assert problem.text("vi") == (
        f"{path}, dòng 3, cột B: cột Năm: 2023 khác với 2024 ghi ở dòng 1 phía trên tiêu đề: "
        "dòng này không được đọc")
    assert problem.text("en") == (
        f"{path}, row 3, column B: column Năm: 2023 differs from 2024, given on row 1 above the "
        "header: the row is not read")


def test_a_year_above_the_header_that_is_no_year_is_refused_with_a_year_column(tmp_path):
    path = _csv(tmp_path, "Năm,abc\nXã,Năm,1.6\nXã A,2024,80\n")
    assert _problems(path) == [("bad_year", 1, "B", "'abc' is not a year (e.g. 2024)")]


def test_a_year_above_the_header_outside_the_framework_is_refused_with_a_column(tmp_path):
    path = _csv(tmp_path, "Năm,2030\nXã,Năm,1.6\nXã A,2030,80\n")
    assert [(code, row, column) for code, row, column, _ in _problems(path)] == [
        ("year_not_in_framework", 1, "B"), ("year_not_in_framework", 3, "B")]


def test_a_district_above_the_header_that_a_row_contradicts_refuses_the_row(tmp_path):
    path = _csv(tmp_path, "Huyện,Vĩnh Lộc\nXã,Huyện,Năm,1.6\nXã A,Hà Trung,2024,80\n"
                          "Xã B,,2024,70\nXã C,vĩnh  lộc,2024,60\n")
    loaded = cds.load_values(path, errors="collect")
    assert _who(loaded.records) == [("Xã B", "Vĩnh Lộc", 2024, {"1.6": "70"}),
                                    ("Xã C", "vĩnh  lộc", 2024, {"1.6": "60"})]
    assert [(p.code, p.row, p.column, p.message_en) for p in loaded.problems] == [
        ("above_header_conflict", 3, "B",
         "column Huyện: 'Hà Trung' differs from 'Vĩnh Lộc', given on row 1 above the header: "
         "the row is not read")]


def test_a_commune_above_the_header_that_a_row_contradicts_refuses_the_row(tmp_path):
    path = _csv(tmp_path, "Xã,Xã A\nXã,Năm,1.6\nXã A,2024,80\nXã B,2024,70\n")
    loaded = cds.load_values(path, errors="collect")
    assert _who(loaded.records) == [("Xã A", None, 2024, {"1.6": "80"})]
    assert [(p.code, p.row, p.column, p.value) for p in loaded.problems] == [
        ("above_header_conflict", 4, "A", "Xã B")]


def test_an_empty_cell_takes_the_line_above_the_header(tmp_path):
    path = _csv(tmp_path, "Năm,2024\nHuyện,Vĩnh Lộc\nXã,Huyện,Năm,1.6\nXã A,,,80\n"
                          "Xã B,Vĩnh Lộc,2024,70\n")
    assert _who(cds.load_values(path)) == [("Xã A", "Vĩnh Lộc", 2024, {"1.6": "80"}),
                                           ("Xã B", "Vĩnh Lộc", 2024, {"1.6": "70"})]


def test_year_and_a_year_above_the_header_that_differ_are_both_said(tmp_path):
    path = _csv(tmp_path, "Năm,2023\nXã,Năm,1.6\nXã A,2024,80\n")
    assert [(code, row, column) for code, row, column, _ in _problems(path, year=2024)] == [
        ("year_conflict", 1, "B"), ("above_header_conflict", 3, "B")]


def test_a_template_sheet_with_a_year_column_that_contradicts_its_year_line(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Phiếu"
    for row in (["Xã", "Xã A"], ["Năm", 2024], [], ["Mã chỉ tiêu", "Năm", "Giá trị"],
                ["1.6", 2024, 80], ["2.5", 2023, 40]):
        sheet.append(row)
    path = tmp_path / "phieu.xlsx"
    workbook.save(path)
    loaded = cds.load_values(path, errors="collect")
    assert list(loaded.records) == []
    assert [(p.code, p.sheet, p.row, p.column, p.value) for p in loaded.problems] == [
        ("above_header_conflict", "Phiếu", 6, "B", 2023)]


def test_big_a_year_line_above_a_year_column_deep_in_a_file(tmp_path):
    """Past the first chunk, empty year cells take the line and a contradicting row is
    refused at its own row, as row by row."""
    text = ("Năm,2024\nXã,Năm,1.6,Ghi chú\n" + _rows(_MANY) + _rows(_MANY, year="")
            .replace("Xã ", "Xã e") + "Xã Z,2023,80,\n" + _rows(_MANY).replace("Xã ", "Xã y"))
    loaded = cds.load_values(_csv(tmp_path, text), errors="collect")
    assert len(loaded.records) == 3 * _MANY
    assert {r.year for r in loaded.records} == {2024}
    assert [(p.code, p.row, p.column) for p in loaded.problems] == [
        ("above_header_conflict", 2 * _MANY + 3, "B")]


@pytest.mark.parametrize(
    ("long", "wide"),
    [
        # A name ending in a colon is another name, in a long table as in a wide one.
        ("Xã,Năm,Mã chỉ tiêu,Giá trị\nXã A,2024,1.6,80\nXã A:,2024,2.5,19/33\n",
         "Xã,Năm,1.6,2.5\nXã A,2024,80,\nXã A:,2024,,19/33\n"),
        # A district ending in a colon too.
        ("Xã,Huyện,Năm,Mã chỉ tiêu,Giá trị\nXã A,H,2024,1.6,80\nXã A,H:,2024,2.5,19/33\n",
         "Xã,Huyện,Năm,1.6,2.5\nXã A,H,2024,80,\nXã A,H:,2024,,19/33\n"),
    ],
)
def test_a_long_table_tells_commune_years_apart_as_a_wide_one(tmp_path, long, wide):
    """The rows of a long table are gathered by commune-year as repeated commune-years are
    found (names folded), so the same data names the same communes in either shape."""
    def who(text: str, name: str) -> list[tuple[str, str | None, dict[str, object]]]:
        return sorted((r.commune, r.district, dict(r.values))
                      for r in cds.load_values(_csv(tmp_path, text, name)))

    found = who(long, "long.csv")
    assert len(found) == 2
    assert found == who(wide, "wide.csv")
