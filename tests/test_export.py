"""write_reports: reports to CSV and XLSX, and never a live formula in a cell."""

import csv

import pytest

import cds_indicators as cds

HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def _reports():
    return [
        cds.evaluate({"1.1": "Có", "1.6": 82, "2.5": cds.ratio(19, 33)}, 2025,
                     commune="Xã Vĩnh Long", district="Vĩnh Lộc"),
        cds.evaluate({"2.5": "79,96%"}, 2025, commune="Xã Vĩnh Thịnh"),
    ]


def _csv_rows(path):
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def test_csv_has_a_row_per_criterion_and_a_summary_per_commune(tmp_path):
    reports = _reports()
    rows = _csv_rows(cds.write_reports(reports, tmp_path / "r.csv"))
    assert rows[0] == ["Xã", "Huyện", "Năm", "Mã chỉ tiêu", "Tên chỉ tiêu", "Kết quả",
                       "Trạng thái", "Giá trị", "Tử số/Mẫu số", "Chỉ tiêu", "Thiếu (điểm %)",
                       "Cần thêm", "Minh chứng"]
    framework = cds.load_framework()
    per_report = len(framework) + 1
    assert len(rows) == 1 + len(reports) * per_report
    first = rows[1 : 1 + per_report]
    assert [r[3] for r in first[:-1]] == [c.id for c in framework]
    by_id = {r[3]: r for r in first[:-1]}
    verdict = reports[0]["2.5"]
    assert by_id["2.5"][5:] == [
        "chưa đạt", "FAIL", "57,6%", "19/33", "80%", "22,42", str(verdict.needed), ""
    ]
    assert by_id["1.6"][5:8] == ["đạt", "PASS", "82%"]
    summary = first[-1]
    assert summary[:6] == ["Xã Vĩnh Long", "Vĩnh Lộc", "2025", "", "Tổng hợp",
                           "chưa hoàn thành chuyển đổi số"]
    assert summary[6] == reports[0].completion.value
    # The second commune's 79,96 % is not shown as the 80 % it fails.
    second = {r[3]: r for r in rows[1 + per_report :]}
    assert second["2.5"][7] == "79,96%"


def test_xlsx_holds_the_same_rows_in_english(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    reports = _reports()
    path = cds.write_reports(reports, tmp_path / "r.xlsx", lang="en")
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Results"
    assert sheet.freeze_panes == "A2"
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:5] == ["commune", "district", "year", "criterion", "name"]
    csv_rows = _csv_rows(cds.write_reports(reports, tmp_path / "r.csv", lang="en"))
    # The same rows, except that values and shortfalls are numbers with a number format.
    numeric = (7, 10)
    assert [[("" if v is None else str(v)) for c, v in enumerate(row) if c not in numeric]
            for row in rows] == [[v for c, v in enumerate(row) if c not in numeric]
                                 for row in csv_rows]
    first = [row for row in list(sheet.iter_rows())[1:] if row[0].value == reports[0].commune]
    by_id = {row[3].value: row for row in first}
    verdict = reports[0]["2.5"]
    assert (by_id["2.5"][7].value, by_id["2.5"][7].number_format) == (
        pytest.approx(float(verdict.value / 100), rel=1e-15), "0.0#%")
    assert (by_id["2.5"][10].value, by_id["2.5"][10].number_format) == (
        pytest.approx(float(verdict.shortfall), rel=1e-15), "#,##0.##")
    assert (by_id["1.6"][7].value, by_id["1.6"][10].value) == (0.82, None)


def test_a_single_report_is_exported_too(tmp_path):
    report = _reports()[0]
    assert _csv_rows(cds.write_reports(report, tmp_path / "one.csv"))[-1][4] == "Tổng hợp"


@pytest.mark.parametrize("name", HOSTILE)
def test_no_cell_starts_a_formula(tmp_path, name):
    openpyxl = pytest.importorskip("openpyxl")
    report = cds.evaluate({"1.6": 82}, 2025, commune=name, district=name)
    rows = _csv_rows(cds.write_reports(report, tmp_path / "r.csv"))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert rows[1][:2] == [f"'{name}", f"'{name}"]

    # In XLSX a string cell is enough: the text is kept as written, never a formula.
    sheet = openpyxl.load_workbook(cds.write_reports(report, tmp_path / "r.xlsx")).active
    values = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c for c in values if c.data_type == "f"]
    assert [c.value for c in next(sheet.iter_rows(min_row=2))][:2] == [name, name]
    assert {c.data_type for c in next(sheet.iter_rows(min_row=2))[:2]} == {"s"}


def test_an_unknown_suffix_is_refused(tmp_path):
    with pytest.raises(cds.InputError) as caught:
        cds.write_reports(_reports(), tmp_path / "r.ods")
    assert [p.text("en") for p in caught.value.problems] == [
        f"{tmp_path / 'r.ods'}: cannot write files ending in .ods (use .csv or .xlsx)"
    ]
