"""Workbooks as offices send them: .xlsx, .ods and .xls saved by LibreOffice, with a helper sheet,
a notes column and a signature area; sheets picked by name; cells the file writes in a way that
would lose data refused with their place; numbers read as their format shows them."""

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators._io.xlsx import shown_number
from sheet_xml import xlsx_with_sheet

pytest.importorskip("openpyxl")

OFFICE = Path(__file__).parent / "data" / "office"
#: The entry template for an illustrative commune (minh họa), filled in with illustrative values
#: (1.6 = 80 % typed as 80 % in a percent cell, 2.5 = 40, a note beside 1.6), a helper sheet
#: "Tra cứu" added, then saved by LibreOffice 7 as .xlsx, .ods and .xls (tests/data/office).
WORKBOOKS = ["office-libreoffice.xlsx", "office.ods", "office.xls"]


@pytest.mark.parametrize("name", WORKBOOKS)
def test_a_workbook_with_a_helper_sheet_signature_and_notes_evaluates(name):
    if name.endswith(".xls"):
        pytest.importorskip("xlrd")
    [record] = cds.load_values(OFFICE / name)
    assert (record.commune, record.district, record.year, record.sheet) == (
        "Xã Minh Họa", "Huyện Minh Họa", 2024, "Xã Minh Họa")
    assert record.values == {"1.6": "80%", "2.5": 40}
    [notice] = record.warnings
    assert notice.code == "sheet_skipped"
    assert notice.text("vi") == (
        f"{OFFICE / name}, trang Tra cứu: trang 'Tra cứu' không có số liệu chỉ tiêu (không có "
        "cột Xã, Mã chỉ tiêu hay cột mã chỉ tiêu nào): đã bỏ qua"
    )
    assert notice.text("en") == (
        f"{OFFICE / name}, sheet Tra cứu: sheet 'Tra cứu' holds no criterion data (no commune, "
        "criterion or criterion-id column): skipped"
    )
    report = cds.evaluate(record.values, record.year, commune=record.commune)
    assert report["1.6"].status is cds.Status.PASS


@pytest.mark.parametrize("name", WORKBOOKS)
def test_a_sheet_named_is_the_only_one_read(name):
    if name.endswith(".xls"):
        pytest.importorskip("xlrd")
    [record] = cds.load_values(OFFICE / name, sheet="xã minh họa")
    assert record.warnings == ()
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(OFFICE / name, sheet=["Tra cứu", "Năm trước"])
    assert [p.text("en") for p in caught.value.problems] == [
        f"{OFFICE / name}: the workbook has no sheet 'Năm trước' (it has: Xã Minh Họa, Tra cứu)"
    ]
    assert caught.value.problems[0].message == (
        "bảng tính không có trang 'Năm trước' (có: Xã Minh Họa, Tra cứu)"
    )


def test_a_workbook_whose_every_sheet_is_skipped_says_which(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active.title = "Hướng dẫn"
    workbook.active.append(["Điền số liệu vào trang sau", "…"])
    workbook.create_sheet("Tra cứu").append(["Mã", "Tên"])
    workbook.save(tmp_path / "w.xlsx")
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(tmp_path / "w.xlsx")
    assert [p.code for p in caught.value.problems] == [
        "sheet_skipped", "sheet_skipped", "no_records"]


def test_the_sheet_argument_must_be_names():
    with pytest.raises(TypeError, match="sheet must be a sheet name or a list of names"):
        cds.load_values(OFFICE / "office-libreoffice.xlsx", sheet=[1])


@pytest.mark.parametrize("name", ["literal-percent.ods", "literal-percent.xls"])
def test_a_literal_percent_sign_is_read_as_the_cell_shows_it(name):
    """0.8 formatted 0.0"%" shows 0.8% and is 0.8 %; 80 formatted 0\\% shows 80% (LibreOffice)."""
    if name.endswith(".xls"):
        pytest.importorskip("xlrd")
    assert [r.values["1.6"] for r in cds.load_values(OFFICE / name)] == ["0.8%", "80%"]


def _sheet_xml(tmp_path, sheet_data):
    """An .xlsx made by openpyxl whose first sheet's cells are ``sheet_data`` (raw XML)."""
    pytest.importorskip("openpyxl")
    return xlsx_with_sheet(tmp_path, sheet_data)


_HEADER = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Xã</t></is></c>'
           '<c r="B1" t="inlineStr"><is><t>Năm</t></is></c>'
           '<c r="C1" t="inlineStr"><is><t>1.6</t></is></c></row>')


def _row(number, value="80", column="C"):
    return (f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>Xã {number}</t></is></c>'
            f'<c r="B{number}"><v>2024</v></c><c r="{column}{number}"><v>{value}</v></c></row>')


@pytest.mark.parametrize(
    ("sheet_data", "vi", "en"),
    [
        (
            _HEADER + _row(3) + _row(2),
            "trang Số liệu, dòng 2: dòng 2 được ghi sau dòng 3: tệp ghi các dòng sai thứ tự, không "
            "đọc để khỏi mất số liệu; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại",
            "sheet Số liệu, row 2: row 2 is written after row 3: the file writes its rows out of "
            "order and is not read, so that no data is lost; open the file in Excel or LibreOffice "
            "and save it again",
        ),
        (
            _HEADER + _row(2).replace("</row>", '<c r="C2"><v>30</v></c></row>'),
            "trang Số liệu, dòng 2, cột C: ô C2 được ghi hai lần trong tệp, không đọc để khỏi mất "
            "số liệu; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại",
            "sheet Số liệu, row 2, column C: cell C2 is written twice in the file and is not read, "
            "so that no data is lost; open the file in Excel or LibreOffice and save it again",
        ),
        (
            _HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>Xã 2</t></is></c>'
            '<c r="B2"><v>2024</v></c><c r="C2"><f t="array" ref="C2">SUM(D1:D9)</f></c></row>',
            "trang Số liệu, dòng 2, cột C: công thức =SUM(D1:D9) chưa có giá trị đã tính; hãy mở "
            "tệp bằng Excel hoặc LibreOffice rồi lưu lại",
            "sheet Số liệu, row 2, column C: the formula =SUM(D1:D9) has no computed value saved; "
            "open the file in Excel or LibreOffice and save it again",
        ),
        (
            _HEADER + "".join(f'<row r="{n}"><c r="XFD{n}"><v>1</v></c></row>'
                              for n in range(2, 5_000)),
            "trang Số liệu: vùng dữ liệu của trang quá lớn (tới 123 dòng × 16384 cột; "
            "giới hạn 2000000 ô)",
            "sheet Số liệu: the sheet's used range is too large (up to 123 rows × 16384 "
            "columns; the limit is 2000000 cells)",
        ),
    ],
    ids=["rows-out-of-order", "cell-twice", "array-formula-without-value", "column-xfd"],
)
def test_an_xlsx_that_would_lose_data_is_refused_with_its_place(tmp_path, sheet_data, vi, en):
    path = _sheet_xml(tmp_path, sheet_data)
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(path)
    [problem] = caught.value.problems
    assert problem.text("vi") == f"{path}, {vi}"
    assert problem.text("en") == f"{path}, {en}"


def test_a_literal_percent_sign_in_xlsx_is_read_as_shown(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Xã", "Năm", "1.6"])
    for name, value, number_format in [("A", 0.8, '0.0"%"'), ("B", 80, "0\\%"),
                                       ("C", 0.8, "0.0%"), ("D", 0.8, "0.0%;[Red]-0.0%")]:
        sheet.append([f"Xã {name}", 2024, value])
        sheet.cell(row=sheet.max_row, column=3).number_format = number_format
    workbook.save(tmp_path / "p.xlsx")
    assert [r.values["1.6"] for r in cds.load_values(tmp_path / "p.xlsx")] == [
        "0.8%", "80%", "80%", "80%"]


def test_notes_and_a_signature_typed_by_hand_are_not_read(tmp_path):
    path = tmp_path / "signed.csv"
    path.write_text(
        "Xã,Năm,1.6,Ghi chú\nXã Minh Họa,2024,82,số liệu minh họa\n\n"
        "Người lập biểu,,Thủ trưởng đơn vị\n(Ký; ghi rõ họ tên),,\nNguyễn Văn A,,Trần Văn B\n",
        encoding="utf-8",
    )
    [record] = cds.load_values(path)
    assert record.values == {"1.6": "82"}


_REAL = st.sampled_from(["0%", "0.0%", "0.00%", "#,##0.0%", "0%;-0%;0%"])
_LITERAL = st.sampled_from(['0"%"', '0.0"%"', "0\\%", "0.0\\%", '#,##0.00" %"'])


@given(number=st.integers(0, 10_000) | st.floats(0, 100, allow_nan=False),
       real=_REAL, literal=_LITERAL)
def test_a_number_is_read_as_its_format_shows_it(number, real, literal):
    """A real percent sign shows the number times 100; a quoted or escaped one shows the number
    itself; both are exact text the number policy reads."""
    scaled, as_is = shown_number(number, real), shown_number(number, literal)
    assert scaled.endswith("%")
    assert as_is.endswith("%")
    assert Fraction(scaled[:-1]) == 100 * Fraction(as_is[:-1])
    assert shown_number(number, "0.00") == number


def test_the_command_line_prints_the_notice_and_takes_sheet_names():
    from tests.test_cli import cli

    found = cli("validate", "tests/data/office/office.ods")
    assert found.returncode == 0, found.stderr
    assert found.stderr == (
        "Lưu ý: tests/data/office/office.ods, trang Tra cứu: trang 'Tra cứu' không có số liệu chỉ "
        "tiêu (không có cột Xã, Mã chỉ tiêu hay cột mã chỉ tiêu nào): đã bỏ qua\n"
    )
    picked = cli("validate", "--sheet", "Xã Minh Họa", "tests/data/office/office.ods")
    assert (picked.returncode, picked.stderr) == (0, "")
    unknown = cli("validate", "--sheet", "Năm trước", "tests/data/office/office.ods")
    assert unknown.returncode == 3
    assert " ".join(unknown.stderr.split()) == (
        "Lỗi: tests/data/office/office.ods: bảng tính không có trang 'Năm trước' (có: Xã Minh "
        "Họa, Tra cứu)"
    )


@pytest.mark.parametrize("given", ["kinh_te_so", "2", "Kinh tế số", "kinh tế  SỐ", "Digital economy"])
def test_the_pillar_is_named_by_its_code_number_or_name(given):
    from tests.test_cli import cli

    done = cli("criteria", "--pillar", given, "--format", "json")
    assert done.returncode == 0, done.stderr
    framework = cds.load_framework()
    assert [c["id"] for c in __import__("json").loads(done.stdout)] == [
        c.id for c in framework.pillar("kinh_te_so").criteria]


@pytest.mark.parametrize(("lang", "said"), [
    ("vi", 'Chỉ liệt kê một nhóm tiêu chí, theo số thứ tự, tên hoặc mã của nhóm (ví dụ 1, "Chính '
           'quyền số" hoặc chinh_quyen_so).'),
    ("en", 'List one pillar only, by its number, name or code (for example 1, "Digital government" '
           "or chinh_quyen_so)."),
])
def test_the_pillar_help_shows_no_ellipsis(lang, said):
    from tests.test_cli import cli

    done = cli("criteria", "--help", "--lang", lang)
    assert said in " ".join(done.stdout.split())
    assert "…" not in done.stdout


@pytest.mark.parametrize(("name", "content", "vi", "en"), [
    ("nofile.toml", None, "không có tệp này (hãy kiểm tra tên tệp và thư mục)",
     "there is no such file (check the file name and the folder)"),
    ("empty.toml", "", "tệp rỗng: không có số liệu nào", "the file is empty: it holds no values"),
    ("empty.json", " \n", "tệp rỗng: không có số liệu nào",
     "the file is empty: it holds no values"),
    ("empty.csv", "\n", "tệp rỗng: không có số liệu nào", "the file is empty: it holds no values"),
    ("folder.toml", "/", "không phải một tệp thông thường (thư mục); chỉ đọc được tệp",
     "not a regular file (a folder); only files can be read"),
])
def test_a_missing_empty_or_folder_file_is_said_in_the_chosen_language(
        tmp_path, name, content, vi, en):
    path = tmp_path / name
    if content == "/":
        path.mkdir()
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(path)
    [problem] = caught.value.problems
    assert (problem.text("vi"), problem.text("en")) == (f"{path}: {vi}", f"{path}: {en}")


def test_the_template_in_english_reads_back_the_same(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = cds.write_template(tmp_path / "form.xlsx", 2024, communes=[("Xã Minh Họa", None)],
                              lang="en")
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet["A1"].value.startswith("COMMUNE DIGITAL TRANSFORMATION DATA ENTRY FORM 2024")
    assert [sheet.cell(row=r, column=1).value for r in (4, 5, 6)] == [
        "Commune", "District", "Year"]
    assert [c.value for c in sheet[8]] == [
        "Criterion", "Pillar", "Name", "Unit", "Target 2024", "Responsible", "Value",
        "Numerator", "Denominator", "Evidence", "Notes"]
    assert sheet["B9"].value == "Digital government"
    signature = [c.value for row in sheet.iter_rows(min_row=10) for c in row if c.value]
    assert {"Prepared by", "Head of unit", "(signature and full name)"} <= set(signature)
    first = next(r for r in range(9, 60) if sheet.cell(row=r, column=1).value == "1.1")
    sheet.cell(row=first, column=7).value = "Yes"
    sheet.cell(row=first, column=11).value = "a note, not read"
    sheet.parent.save(path)
    [record] = cds.load_values(path)
    assert (record.commune, record.year, record.values) == ("Xã Minh Họa", 2024, {"1.1": "Yes"})
    assert cds.evaluate(record.values, 2024)["1.1"].status is cds.Status.PASS


def test_equal_numbers_of_different_types_keep_their_type(tmp_path):
    """A counted column where ``True`` and ``1`` (equal in Python) both appear, again and
    again: each cell is kept as written and read on its own (a count is kept, a yes is not)."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["commune", "year", "1.1"])
    given = [True, 1, True, 1, 2, 1, True, 0, False]
    for index, cell in enumerate(given):
        sheet.append([f"Xã {index}", 2024, cell])
    workbook.save(tmp_path / "w.xlsx")
    records = cds.load_values(tmp_path / "w.xlsx")
    assert [(type(r.values["1.1"]), r.values["1.1"]) for r in records] == [
        (type(cell), cell) for cell in given]
    counts = [cds.evaluate(r.values, 2024)["1.1"].count for r in records]
    assert counts == [None, 1, None, 1, 2, 1, None, 0, None]
