"""Plans written in a spreadsheet: ``load_framework("plan.xlsx" | "plan.csv")`` reads the same
framework the TOML gives, through the same checks; every mistake is placed at its sheet, row and
column, in both languages; ``framework template`` and ``framework convert`` on the command line."""

import csv
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import cds_indicators as cds
from cds_indicators import strategies as cst
from cds_indicators._cli.main import run

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "examples" / "plans"
SHIPPED_CSV = (PLANS / "tinh-long-2024.csv").read_text(encoding="utf-8")


def _cli(*args, cwd=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "cds_indicators", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, check=False)


def _load_csv(text, name="plan.csv"):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_text(text, encoding="utf-8")
        return cds.load_framework(path)


def _csv_of(framework):
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder, "plan.csv")
        with tempfile.NamedTemporaryFile("w", suffix=".toml", dir=folder, delete=False,
                                         encoding="utf-8") as file:
            file.write(cds.dump_framework(framework))
        # In the process: the same command line, without starting Python for every example.
        assert run(["framework", "convert", file.name, "-o", str(out)]) == 0
        return out.read_text(encoding="utf-8-sig")


def _edited(text, edits):
    """The CSV ``text`` with cells replaced: ``{(row, column): value}``, both 1-based."""
    rows = list(csv.reader(io.StringIO(text)))
    for (row, column), value in edits.items():
        cells = rows[row - 1]
        cells += [""] * (column - len(cells))
        cells[column - 1] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


# -- the shipped plan of seed 002 -------------------------------------------------------------

@pytest.mark.parametrize("name", ["tinh-long-2024.xlsx", "tinh-long-2024.csv"])
def test_the_shipped_plan_spreadsheet_is_the_shipped_framework(name):
    """Seed 002's plan as an office would have filled it gives the framework of its TOML."""
    assert cds.load_framework(PLANS / name) == cds.load_framework("tinh-long-2024")


@pytest.mark.parametrize("name", cds.available_frameworks())
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_every_shipped_framework_converts_to_a_sheet_and_back(tmp_path, name, suffix):
    """TOML → spreadsheet → TOML gives the same framework and the same TOML text."""
    sheet, toml = tmp_path / f"plan{suffix}", tmp_path / "plan.toml"
    assert _cli("framework", "convert", name, "-o", str(sheet)).returncode == 0
    done = _cli("framework", "convert", str(sheet), "-o", str(toml))
    assert done.returncode == 0, done.stderr
    assert cds.load_framework(sheet) == cds.load_framework(name)
    assert toml.read_text(encoding="utf-8") == cds.dump_framework(cds.load_framework(name))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cst.frameworks())
def test_every_framework_written_as_a_sheet_reads_back_equal(framework):
    """``read(sheet(f)) == f`` for every valid framework: the sheet loses nothing a framework
    holds (kinds, comparisons, thresholds apart from labels, flags, points, levels, counts)."""
    assert _load_csv(_csv_of(framework)) == framework


# -- mistakes, placed ---------------------------------------------------------------------------

# Rows of the shipped CSV: 2 Mã khung, 4 Các năm, 7 Ngày ban hành, 14 the first pillar,
# 17 the criteria header, 18 the first criterion (2.1, a rate), 19 the second (2.2, yes/no); columns: A id, B pillar, F kind,
# G comparison, H target 2024, I threshold 2024, J conditional.
MISTAKES = [
    ({(18, 6): "phần trăm"}, [
        ("F", 18, "chỉ tiêu 2.1: loại 'phần trăm' không có (có: rate, yes_no, count)",
         "criterion 2.1: unknown kind 'phần trăm' (known: rate, yes_no, count)"),
    ]),
    ({(18, 8): "cao"}, [
        ("H", 18, "chỉ tiêu 2.1: ô 'cao' không phải tỷ lệ phần trăm (ví dụ \"80%\") hay \"*\"",
         "criterion 2.1: cell 'cao' is not a percentage (e.g. \"80%\") or \"*\""),
    ]),
    ({(18, 10): "có lẽ"}, [
        ("J", 18, 'ô \'có lẽ\' phải là "Có" hoặc "Không" (để trống là Không)',
         'cell \'có lẽ\' must be "Có" (yes) or "Không" (no; empty is no)'),
    ]),
    ({(18, 2): "khong_co"}, [
        ("B", 18, "chỉ tiêu 2.1 thuộc nhóm 'khong_co' không có trong pillars",
         "criterion 2.1 is in pillar 'khong_co', which is not in pillars"),
    ]),
    ({(4, 2): "năm sau"}, [
        ("B", 4, "years phải là danh sách năm tăng dần, không trùng, không rỗng: 'năm sau'",
         "years must be a non-empty list of increasing years without repeats: 'năm sau'"),
    ]),
    ({(7, 2): "hôm qua"}, [
        ("B", 7, "ngày 'hôm qua' không phải một ngày (ví dụ 2024-01-15)",
         "'hôm qua' is not a date (e.g. 2024-01-15)"),
    ]),
    ({(18, 9): "70%", (18, 8): ""}, [
        ("H", 18, 'chỉ tiêu 2.1: thiếu ô năm 2024 (ghi "*" nếu không có chỉ tiêu)',
         'criterion 2.1: no cell for 2024 (write "*" for no target)'),
        ("I", 18, "có ngưỡng '70%' nhưng ô chỉ tiêu năm 2024 để trống",
         "threshold '70%' is given but the 2024 target cell is empty"),
    ]),
    ({(3, 1): "Tên gọi khác"}, [
        ("A", 3, "'Tên gọi khác' không phải một trường của khung (có: Mã khung, Tên khung, "
         "Các năm, Văn bản, Cơ quan ban hành, Ngày ban hành, Tỉnh, Nguồn, Cách xét hoàn thành, "
         "Tỷ lệ chỉ tiêu cần đạt, Điểm đạt, Phiên bản lược đồ, Trụ cột, Mức)",
         "'Tên gọi khác' is not a field of the framework (known: Mã khung, Tên khung, Các năm, "
         "Văn bản, Cơ quan ban hành, Ngày ban hành, Tỉnh, Nguồn, Cách xét hoàn thành, "
         "Tỷ lệ chỉ tiêu cần đạt, Điểm đạt, Phiên bản lược đồ, Trụ cột, Mức)"),
        ("", 1, "thiếu trường Tên khung: một dòng 'Tên khung | giá trị' trong phần khung",
         "field Tên khung is missing: a row 'Tên khung | value' in the identity block"),
    ]),
]


@pytest.mark.parametrize(("edits", "expected"), MISTAKES)
def test_every_mistake_is_placed_at_its_row_and_column(edits, expected):
    with pytest.raises(cds.FrameworkError) as caught:
        _load_csv(_edited(SHIPPED_CSV, edits))
    found = sorted((p.column or "", p.row, p.message, p.message_en) for p in caught.value.problems)
    assert found == sorted(expected)
    assert all(p.source.endswith("plan.csv") and p.sheet is None for p in caught.value.problems)


def test_every_mistake_of_a_sheet_is_reported_at_once():
    edits = {(18, 6): "phần trăm", (19, 10): "có lẽ", (4, 2): "năm sau"}
    with pytest.raises(cds.FrameworkError) as caught:
        _load_csv(_edited(SHIPPED_CSV, edits))
    assert [(p.row, p.column) for p in caught.value.problems] == [(4, "B"), (19, "J"), (18, "F")]


def test_a_table_without_its_columns_names_them():
    text = SHIPPED_CSV.replace("Đơn vị tính,Loại,", "Đơn vị,Kiểu,")
    with pytest.raises(cds.FrameworkError) as caught:
        _load_csv(text)
    assert [(p.row, p.column, p.message_en) for p in caught.value.problems] == [
        (17, "E", "column 'Đơn vị' is not in the framework template (known: Mã chỉ tiêu, "
         "Trụ cột, Tên chỉ tiêu, Tên tiếng Anh, Đơn vị tính, Loại, So sánh, Chỉ tiêu năm {year}, "
         "Ngưỡng năm {year}, Có điều kiện, Bắt buộc, Đếm số lượng, Điểm, Cách chấm, Bậc điểm, Ngưỡng đạt một phần, Tỷ lệ điểm một phần, Tử số, Mẫu số, "
         "Đơn vị chủ trì, STT)"),
        (17, "F", "column 'Kiểu' is not in the framework template (known: Mã chỉ tiêu, "
         "Trụ cột, Tên chỉ tiêu, Tên tiếng Anh, Đơn vị tính, Loại, So sánh, Chỉ tiêu năm {year}, "
         "Ngưỡng năm {year}, Có điều kiện, Bắt buộc, Đếm số lượng, Điểm, Cách chấm, Bậc điểm, Ngưỡng đạt một phần, Tỷ lệ điểm một phần, Tử số, Mẫu số, "
         "Đơn vị chủ trì, STT)"),
        (17, None, "the criteria table has no Đơn vị tính column"),
        (17, None, "the criteria table has no Loại column"),
    ]


def test_a_sheet_without_a_criteria_table_says_what_it_needs():
    with pytest.raises(cds.FrameworkError) as caught:
        _load_csv("Mã khung,x\nTên khung,y\n")
    (problem,) = caught.value.problems
    assert (problem.message, problem.message_en) == (
        "không có bảng chỉ tiêu: cần một dòng tiêu đề có cột Mã chỉ tiêu",
        "no criteria table: a header row with a Mã chỉ tiêu column is needed",
    )


def test_english_headers_and_schema_words_are_read_too():
    english = {"Mã khung": "id", "Tên khung": "title", "Các năm": "years", "Trụ cột": "pillar",
               "Mã chỉ tiêu": "id", "Tên chỉ tiêu": "name", "Đơn vị tính": "unit",
               "Loại": "kind", "Chỉ tiêu năm 2024": "target 2024", "Tỷ lệ,": "rate,"}
    text = SHIPPED_CSV
    for vi, en in english.items():
        text = text.replace(vi, en)
    assert _load_csv(text) == cds.load_framework("tinh-long-2024")


def test_a_workbook_with_a_formula_left_uncomputed_is_refused_at_its_cell(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(PLANS / "tinh-long-2024.xlsx")
    book["Chỉ tiêu"]["H2"] = '="100"&"%"'
    book.save(tmp_path / "plan.xlsx")
    with pytest.raises(cds.FrameworkError) as caught:
        cds.load_framework(tmp_path / "plan.xlsx")
    assert [(p.sheet, p.row, p.column, p.code) for p in caught.value.problems] == [
        ("Chỉ tiêu", 2, "H", "xlsx_formula_without_value")]


# -- the command line ---------------------------------------------------------------------------

def test_the_template_has_drop_downs_and_a_filled_template_loads(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "plan.xlsx"
    done = _cli("framework", "template", "--years", "2024,2025", "-o", str(path))
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Khung", "Chỉ tiêu"]
    sheet = book["Chỉ tiêu"]
    header = [cell.value for cell in sheet[1]]
    assert header[:9] == ["Mã chỉ tiêu", "Trụ cột", "Tên chỉ tiêu", "Tên tiếng Anh",
                          "Đơn vị tính", "Loại", "So sánh", "Chỉ tiêu năm 2024",
                          "Chỉ tiêu năm 2025"]
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists["F2"] == '"Tỷ lệ,Số lượng,Có/Không"'
    assert lists["G2"] == '"Tối thiểu,Trên,Tối đa,Dưới"'
    assert lists["B2"] == "'Khung'!$B$14:$B$19"
    identity = book["Khung"]
    identity["B2"], identity["B3"] = "xa-thu", "Kế hoạch minh họa"
    identity["B14"], identity["C14"] = "ha_tang", "Hạ tầng số"
    for column, value in zip("ABCEFGHI", ["1.1", "ha_tang", "Điểm phát wifi công cộng",
                                         "%", "Tỷ lệ", "Trên", "80%", "*"], strict=True):
        sheet[f"{column}2"] = value
    book.save(path)
    framework = cds.load_framework(path)
    criterion = framework["1.1"]
    assert (framework.years, criterion.kind, criterion.comparison.value) == (
        (2024, 2025), cds.Kind.RATE, "above")
    assert criterion.target(2024).threshold == 80 and criterion.target(2025) is None


def test_convert_reports_every_mistake_with_its_place(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text(_edited(SHIPPED_CSV, {(18, 6): "phần trăm", (19, 10): "có lẽ"}),
                    encoding="utf-8")
    done = _cli("framework", "convert", str(path), "-o", str(tmp_path / "plan.toml"),
                "--lang", "en")
    assert done.returncode == 3
    said = " ".join(done.stderr.split())
    assert f"{path}, row 18, column F: criterion 2.1: unknown kind 'phần trăm'" in said
    assert f"{path}, row 19, column J: cell 'có lẽ'" in said
    assert not (tmp_path / "plan.toml").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["template", "-o", "plan.xlsx"], "thiếu tùy chọn --years"),
    (["template", "--years", "24", "-o", "plan.xlsx"],
     "--years '24' không phải danh sách năm (ví dụ 2024,2025)"),
    (["template", "--years", "2024", "-o", "plan.csv"],
     "mẫu nhập liệu là tệp Excel: tên tệp plan.csv cần đuôi .xlsx"),
    (["convert", "tinh-long-2024", "-o", "plan.json"],
     "không ghi được khung ra plan.json: cần đuôi .toml, .xlsx, .csv"),
])
def test_the_framework_commands_refuse_usage_mistakes(tmp_path, args, message):
    done = _cli("framework", *args, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
