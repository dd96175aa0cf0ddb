"""Files at the edges of what :func:`load_values` reads: the ``year=`` argument checked once for
every kind of file, a formula whose saved result is the empty text, the sheets of a workbook
read or skipped as the table reader sees them, and JSON text that is no Unicode."""

from __future__ import annotations

import json
import zipfile

import pytest

import cds_indicators as cds
from sheet_xml import xlsx_with_sheet

pd = pytest.importorskip("pandas")
openpyxl = pytest.importorskip("openpyxl")

FRAMEWORK = cds.load_framework()
YEARS = ", ".join(map(str, FRAMEWORK.years))


# --- year= -----------------------------------------------------------------------------------


def _csv(tmp_path):
    path = tmp_path / "values.csv"
    path.write_text("Xã,1.6\nXã A,80\n", encoding="utf-8")
    return path


def _xlsx(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["Xã", "1.6"])
    workbook.active.append(["Xã A", 80])
    path = tmp_path / "values.xlsx"
    workbook.save(path)
    return path


def _long_csv(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("Xã,Mã chỉ tiêu,Giá trị\nXã A,1.6,80\n", encoding="utf-8")
    return path


def _toml(tmp_path):
    path = tmp_path / "values.toml"
    path.write_text('commune = "Xã A"\n[values]\n"1.6" = 80\n', encoding="utf-8")
    return path


FILES = [_csv, _xlsx, _long_csv, _toml]
NOT_YEARS = [2030, 1999, "2024", True, 2024.0]


@pytest.mark.parametrize("errors", ["raise", "collect"])
@pytest.mark.parametrize("year", NOT_YEARS, ids=repr)
@pytest.mark.parametrize("made", FILES, ids=lambda made: made.__name__.lstrip("_"))
def test_a_year_the_framework_has_not_is_refused_before_any_file_is_read(
        tmp_path, made, year, errors):
    """The caller's argument, not the file's: refused as :func:`evaluate` refuses it, even when
    the problems of the file are collected."""
    with pytest.raises(cds.UnknownYearError) as caught:
        cds.load_values(made(tmp_path), year=year, errors=errors)
    [problem] = caught.value.problems
    assert problem.code == "year_not_in_framework"
    assert problem.text("vi") == (f"năm {year!r} không thuộc khung {FRAMEWORK.id} "
                                  f"(các năm có chỉ tiêu: {YEARS})")
    assert problem.text("en") == (f"the year {year!r} is not in framework {FRAMEWORK.id} "
                                  f"(years with targets: {YEARS})")
    assert caught.value.year == year


@pytest.mark.parametrize("year", NOT_YEARS, ids=repr)
def test_load_values_refuses_a_year_as_evaluate_frame_and_evaluate_do(tmp_path, year):
    frame = pd.DataFrame({"Xã": ["Xã A"], "1.6": [80]})
    refusals = []
    for door in (lambda: cds.load_values(_csv(tmp_path), year=year),
                 lambda: cds.evaluate_frame(frame, year=year),
                 lambda: cds.evaluate({"1.6": 80}, year)):
        with pytest.raises(cds.CdsError) as caught:
            door()
        refusals.append((type(caught.value), str(caught.value)))
    assert refusals[0] == refusals[1] == refusals[2]


@pytest.mark.parametrize("made", FILES, ids=lambda made: made.__name__.lstrip("_"))
def test_a_year_of_the_framework_is_the_year_of_every_record(tmp_path, made):
    for year in FRAMEWORK.years:
        [record] = cds.load_values(made(tmp_path), year=year)
        assert (record.year, type(record.year)) == (year, int)


# --- a formula whose saved result is the empty text ------------------------------------------

_XLSX_HEADER = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Xã</t></is></c>'
                '<c r="B1" t="inlineStr"><is><t>Năm</t></is></c>'
                '<c r="C1" t="inlineStr"><is><t>1.6</t></is></c>'
                '<c r="D1" t="inlineStr"><is><t>2.5</t></is></c></row>')


def _xlsx_row(value_cell):
    return ('<row r="2"><c r="A2" t="inlineStr"><is><t>Xã A</t></is></c><c r="B2" t="n">'
            f'<v>2024</v></c>{value_cell}<c r="D2" t="inlineStr"><is><t>19/33</t></is></c></row>')


def _xlsx_with(tmp_path, value_cell):
    """An .xlsx whose second row holds ``value_cell`` (raw XML) in column C."""
    return xlsx_with_sheet(tmp_path, _XLSX_HEADER + _xlsx_row(value_cell), "formula.xlsx")


_ODS = ('<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
        'office:version="1.3"><office:body><office:spreadsheet>'
        '<table:table table:name="Số liệu">{rows}</table:table>'
        '</office:spreadsheet></office:body></office:document-content>')


def _ods_text(text):
    return (f'<table:table-cell office:value-type="string" calcext:value-type="string">'
            f'<text:p>{text}</text:p></table:table-cell>')


def _ods_with(tmp_path, value_cell):
    """An .ods, as LibreOffice writes its content, whose second row holds ``value_cell`` in
    column C."""
    header = "".join(_ods_text(text) for text in ("Xã", "Năm", "1.6", "2.5"))
    row = (_ods_text("Xã A") + '<table:table-cell office:value-type="float" office:value="2024"'
           ' calcext:value-type="float"><text:p>2024</text:p></table:table-cell>'
           + value_cell + _ods_text("19/33"))
    rows = "".join(f"<table:table-row>{cells}</table:table-row>" for cells in (header, row))
    path = tmp_path / "formula.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", _ODS.format(rows=rows))
    return path


# Saved by LibreOffice from =IF(1>2;80;""): an .xlsx string result with an empty <v>, an .ods
# cell with an empty paragraph and no value type.
EMPTY_RESULTS = [
    (_xlsx_with, '<c r="C2" s="0" t="str"><f aca="false">IF(1&gt;2,80,&quot;&quot;)</f>'
                 '<v></v></c>'),
    (_xlsx_with, '<c r="C2" t="str"><f>IF(1&gt;2,80,"")</f><v/></c>'),
    (_ods_with, '<table:table-cell table:formula="of:=IF(1&gt;2;80;&quot;&quot;)"><text:p/>'
                '</table:table-cell>'),
    (_ods_with, '<table:table-cell table:formula="of:=&quot;&quot;" office:value-type="string" '
                'office:string-value=""/>'),
]


@pytest.mark.parametrize(("made", "cell"), EMPTY_RESULTS,
                         ids=["xlsx", "xlsx-short-v", "ods", "ods-string-type"])
def test_a_formula_whose_saved_result_is_empty_text_is_an_empty_cell(tmp_path, made, cell):
    [record] = cds.load_values(made(tmp_path, cell))
    assert record.values == {"2.5": "19/33"}
    report = cds.evaluate(record.values, record.year, commune=record.commune)
    assert report["1.6"].status is cds.Status.MISSING


# Never computed: openpyxl saves a formula with no type and an empty <v>; a program writing an
# .ods may give the formula alone.
NO_RESULTS = [
    (_xlsx_with, '<c r="C2"><f>IF(1&gt;2,80,"")</f><v></v></c>', 'IF(1>2,80,"")'),
    (_xlsx_with, '<c r="C2" t="str"><f>IF(1&gt;2,80,"")</f></c>', 'IF(1>2,80,"")'),
    (_ods_with, '<table:table-cell table:formula="of:=IF(1&gt;2;80;&quot;&quot;)"/>',
     'IF(1>2;80;"")'),
]


@pytest.mark.parametrize(("made", "cell", "formula"), NO_RESULTS,
                         ids=["xlsx-untyped", "xlsx-without-v", "ods"])
def test_a_formula_without_a_saved_result_is_still_refused(tmp_path, made, cell, formula):
    path = made(tmp_path, cell)
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(path)
    [problem] = caught.value.problems
    assert problem.code == "xlsx_formula_without_value"
    assert problem.text("en") == (
        f"{path}, sheet Số liệu, row 2, column C: the formula ={formula} has no computed value "
        "saved; open the file in Excel or LibreOffice and save it again")


# --- which sheets are read ---------------------------------------------------------------------


def _workbook(tmp_path, sheets):
    """An .xlsx of ``sheets`` (name → {cell: value})."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, cells in sheets.items():
        sheet = workbook.create_sheet(name)
        for at, value in cells.items():
            sheet[at] = value
    path = tmp_path / "sheets.xlsx"
    workbook.save(path)
    return path


def _table(top, rows):
    """Cells of a table whose header is on row ``top``."""
    return {f"{column}{top + r}": value for r, row in enumerate(rows)
            for column, value in zip("ABC", row, strict=False)}


DATA = _table(1, [("Xã", "Năm", "1.6"), ("Xã A", 2024, 80)])


@pytest.mark.parametrize("top", [2, 49, 50, 51, 60, 500])
def test_a_sheet_whose_header_is_far_down_is_read(tmp_path, top):
    late = {"A1": "Hướng dẫn: nhập số liệu bên dưới",
            **_table(top, [("Xã", "Năm", "1.6"), ("Xã B", 2024, 10)])}
    path = _workbook(tmp_path, {"Số liệu": DATA, "Đợt 2": late, "Hướng dẫn": {"A1": "Ghi chú"}})
    records = cds.load_values(path)
    assert [(r.commune, r.sheet) for r in records] == [("Xã A", "Số liệu"), ("Xã B", "Đợt 2")]
    assert [(w.code, w.sheet) for w in records[0].warnings] == [("sheet_skipped", "Hướng dẫn")]
    assert records[1] == cds.load_values(path, sheet="Đợt 2")[0]


def test_a_sheet_of_communes_by_their_code_is_read(tmp_path):
    pytest.importorskip("vietnamadminunits")
    path = _workbook(tmp_path, {"Số liệu": DATA, "Theo mã": _table(
        1, [("Mã xã", "Năm", "1.6"), ("15361", 2024, 10)])})
    records = cds.load_values(path)
    assert [(r.code, r.sheet) for r in records] == [(None, "Số liệu"), ("15361", "Theo mã")]
    assert records[0].warnings == ()
    assert records[1] == cds.load_values(path, sheet="Theo mã")[0]


@pytest.mark.parametrize("cells", [
    {"A1": "Hướng dẫn", "A2": "Bước 1", "B2": "Mở tệp"},
    {"A1": "Tra cứu", "A3": "Vĩnh Lộc", "B3": "Vĩnh Long"},
    {},
], ids=["instructions", "lookup", "empty"])
def test_a_sheet_with_no_criterion_data_is_still_skipped_with_its_notice(tmp_path, cells):
    path = _workbook(tmp_path, {"Số liệu": DATA, "Khác": cells})
    [record] = cds.load_values(path)
    [notice] = record.warnings
    assert notice.text("en") == (f"{path}, sheet Khác: sheet 'Khác' holds no criterion data (no "
                                 "commune, criterion or criterion-id column): skipped")


# --- text that is no Unicode -----------------------------------------------------------------


def _problems(path):
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(path)
    str(caught.value).encode("utf-8")  # the refusal itself prints
    return [(p.code, p.path, p.text("en").encode("utf-8").decode("utf-8"))
            for p in caught.value.problems]


def _said(path, where, text):
    return (f"{path}, {where}: the text {text} holds a lone half of a UTF-16 pair (an escape "
            "such as \\ud800), which is no character and cannot be written to any file: "
            "correct it in the file")


def test_a_json_name_with_half_a_utf16_pair_is_refused_at_its_key_path(tmp_path):
    path = tmp_path / "values.json"
    path.write_text('{"communes": [{"commune": "Xã A", "year": 2024, "values": {"1.6": 80}},'
                    ' {"commune": "X\\u00e3 \\ud800", "district": "\\udc00", "year": 2024,'
                    ' "note": "ok \\ud83d\\ude00 \\ud83d", "values": {"1.\\udfff": 1}}]}',
                    encoding="utf-8")
    assert _problems(path) == [
        ("text_not_unicode", "$.communes[1].commune",
         _said(path, "$.communes[1].commune", "'Xã \\ud800'")),
        ("text_not_unicode", "$.communes[1].district",
         _said(path, "$.communes[1].district", "'\\udc00'")),
        ("text_not_unicode", "$.communes[1].note",
         _said(path, "$.communes[1].note", "'ok 😀 \\ud83d'")),
        ("text_not_unicode", "$.communes[1].values.1.\\udfff",
         _said(path, "$.communes[1].values.1.\\udfff", "'1.\\udfff'")),
    ]
    loaded = cds.load_values(path, errors="collect")
    assert (loaded.records, [p.code for p in loaded.problems]) == ((), ["text_not_unicode"] * 4)


def test_the_vietnamese_message_of_text_that_is_no_unicode(tmp_path):
    path = tmp_path / "values.json"
    path.write_text('{"commune": "\\ud800", "year": 2024, "values": {}}', encoding="utf-8")
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(path)
    [problem] = caught.value.problems
    assert problem.text("vi") == (
        f"{path}, $.commune: văn bản '\\ud800' chứa nửa cặp UTF-16 đứng riêng (dạng \\ud800), "
        "không phải ký tự nào và không ghi ra tệp được: hãy sửa lại trong tệp")


def test_a_json_text_with_whole_utf16_pairs_is_read(tmp_path):
    path = tmp_path / "values.json"
    data = {"commune": "Xã 😀", "year": 2024, "note": "𝔸", "values": {"1.6": 80}}
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    assert "\\ud83d" in path.read_text(encoding="utf-8")
    [record] = cds.load_values(path)
    assert (record.commune, record.values) == ("Xã 😀", {"1.6": 80})
