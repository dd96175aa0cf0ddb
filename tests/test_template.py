"""write_template: the XLSX a commune fills in, read straight back by load_values."""

from fractions import Fraction

import pytest

import cds_indicators as cds

openpyxl = pytest.importorskip("openpyxl")

HEADER_ROW = 8  # the template's table header; criteria follow in the framework's order


def _rows(sheet):
    """Criterion id → spreadsheet row, read from the sheet itself."""
    return {
        sheet.cell(row=r, column=1).value: r
        for r in range(HEADER_ROW + 1, sheet.max_row + 1)
        if sheet.cell(row=r, column=1).value
    }


def _fill(sheet, values):
    rows = _rows(sheet)
    for criterion, cells in values.items():
        for column, value in cells.items():
            sheet.cell(row=rows[criterion], column=column, value=value)


def test_a_filled_2024_template_evaluates_with_no_edits(tmp_path):
    path = cds.write_template(tmp_path / "phieu.xlsx", 2024)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    sheet["B4"] = "Xã Vĩnh Long"
    sheet["B5"] = "Vĩnh Lộc"
    _fill(sheet, {"1.1": {7: "Có"}, "1.6": {7: 82}, "2.5": {8: 19, 9: 33}, "4.2": {7: "Không"}})
    cell = sheet.cell(row=_rows(sheet)["3.1"], column=7, value=0.575)
    cell.number_format = "0.0%"  # typed as 57,5%
    workbook.save(path)

    [record] = cds.load_values(path)
    report = cds.evaluate(record.values, record.year, commune=record.commune,
                          district=record.district)
    expected = cds.evaluate(
        {"1.1": True, "1.6": 82, "2.5": cds.ratio(19, 33), "4.2": False,
         "3.1": Fraction(115, 2)},
        2024, commune="Xã Vĩnh Long", district="Vĩnh Lộc",
    )
    assert report == expected


def test_an_untouched_template_is_a_commune_year_with_every_value_missing(tmp_path):
    path = cds.write_template(tmp_path / "t.xlsx", 2025, communes=[("Xã Vĩnh Long", "Vĩnh Lộc")])
    [record] = cds.load_values(path)
    assert (record.commune, record.district, record.year, record.values) == (
        "Xã Vĩnh Long", "Vĩnh Lộc", 2025, {}
    )
    assert cds.evaluate(record.values, record.year).completion is cds.Completion.UNDETERMINED


def test_one_sheet_per_commune_with_valid_distinct_titles(tmp_path):
    names = ["Xã Vĩnh Long", "Xã Vĩnh Long", "Phường: Đông/Tây [mới] có tên rất dài quá mức"]
    path = cds.write_template(tmp_path / "t.xlsx", 2024, communes=names)
    workbook = openpyxl.load_workbook(path)
    titles = workbook.sheetnames
    assert titles[:2] == ["Xã Vĩnh Long", "Xã Vĩnh Long (2)"]
    assert len(set(titles)) == 3
    assert all(len(t) <= 31 and not set(t) & set("[]:*?/\\") for t in titles)
    assert [sheet["B4"].value for sheet in workbook] == names
    # Two sheets for one commune-year: the file says so rather than keeping one.
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(path)
    assert [p.text("en") for p in caught.value.problems] == [
        f"{path}, sheet Xã Vĩnh Long (2), row {HEADER_ROW}: Xã Vĩnh Long in 2024 already appears "
        f"at sheet Xã Vĩnh Long, row {HEADER_ROW}"
    ]


def test_a_name_that_looks_like_a_formula_stays_text(tmp_path):
    path = cds.write_template(tmp_path / "t.xlsx", 2024, communes=["=1+1"])
    cell = openpyxl.load_workbook(path).active["B4"]
    assert (cell.value, cell.data_type) == ("=1+1", "s")
    assert cds.load_values(path)[0].commune == "=1+1"


def test_cells_are_locked_except_the_inputs(tmp_path):
    framework = cds.load_framework()
    sheet = openpyxl.load_workbook(cds.write_template(tmp_path / "t.xlsx", 2024)).active
    assert sheet.protection.sheet
    rows = _rows(sheet)
    assert list(rows) == [c.id for c in framework]
    for criterion in framework:
        row = rows[criterion.id]
        info = [sheet.cell(row=row, column=c) for c in range(1, 7)]
        assert all(cell.protection.locked for cell in info)
        target = criterion.targets[2024]
        assert info[4].value == ("*" if target is None else target.label)
        inputs = {c: not sheet.cell(row=row, column=c).protection.locked for c in (7, 8, 9)}
        rate = criterion.kind is cds.Kind.RATE
        assert inputs == {7: True, 8: rate, 9: rate}
        grey = sheet.cell(row=row, column=1).fill.start_color.rgb
        assert (grey == "00D9D9D9") == (target is None)
    assert not sheet["B4"].protection.locked  # the commune's name is to be filled in
    assert sheet["B6"].protection.locked and sheet["B6"].value == 2024


def test_input_cells_are_validated_by_kind(tmp_path):
    framework = cds.load_framework()
    sheet = openpyxl.load_workbook(cds.write_template(tmp_path / "t.xlsx", 2024)).active
    rows = _rows(sheet)

    def rule(coordinate):
        [found] = [v for v in sheet.data_validations.dataValidation if coordinate in v.sqref]
        return (found.type, found.formula1, found.formula2)

    for criterion in framework:
        value = f"G{rows[criterion.id]}"
        if criterion.kind is cds.Kind.RATE:
            assert rule(value) == ("decimal", "0", "100")
            assert rule(f"H{rows[criterion.id]}") == ("whole", "0", None)
            assert rule(f"I{rows[criterion.id]}") == ("whole", "0", None)
        elif criterion.conditional:
            assert rule(value) == ("list", '"Có,Không,không áp dụng"', None)
        else:
            assert rule(value) == ("list", '"Có,Không"', None)


def test_a_year_outside_the_framework_is_refused(tmp_path):
    with pytest.raises(cds.UnknownYearError):
        cds.write_template(tmp_path / "t.xlsx", 2030)
    assert not (tmp_path / "t.xlsx").exists()


def test_every_template_header_is_a_word_the_readers_know():
    """The template is written in the header vocabulary it is read back with: each column
    names a role or describes a criterion, and each line above the table names its field."""
    from cds_indicators._words.headers import (
        FIELD_LABELS,
        TEMPLATE_COLUMNS,
        header_role,
        is_descriptive,
    )

    roles = [header_role(h.format(year=2024)) for h in TEMPLATE_COLUMNS]
    assert roles == ["criterion", None, None, None, None, None, "value", "numerator",
                     "denominator", "evidence", None]
    assert all(is_descriptive(h.format(year=2024))
               for h, role in zip(TEMPLATE_COLUMNS, roles, strict=True) if role is None)
    assert {role: header_role(label) for role, label in FIELD_LABELS.items()} == {
        "commune": "commune", "district": "district", "year": "year"}
