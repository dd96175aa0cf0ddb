"""load_values: many communes from TOML, JSON, CSV and XLSX, and every problem of a bad file."""

import sys
import tomllib
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators._io.values import MAX_FILE_BYTES

DATA = Path(__file__).parent / "data"
VALID = DATA / "valid"
INVALID = DATA / "invalid"
EXAMPLES = Path(__file__).parent.parent / "examples"

#: The commune-years of every file in tests/data/valid, as the dict input of evaluate().
COMMUNES = [
    ("Xã Vĩnh Long", "Vĩnh Lộc", 2024, {
        "1.1": True, "1.2": 100, "1.6": 82, "2.5": cds.ratio(19, 33), "3.1": Fraction(115, 2),
        "3.12": cds.ratio(21042, 21420), "4.2": "Đáp ứng",
    }),
    ("Xã Vĩnh Thịnh", "Vĩnh Lộc", 2024, {
        "1.1": False, "1.6": Fraction(7996, 100), "2.5": cds.ratio(27, 33),
        "4.8": cds.NOT_APPLICABLE,
    }),
    ("Thị trấn Vĩnh Lộc", "Vĩnh Lộc", 2023, {"1.1": True, "1.10": 100}),
]


def _dict_reports():
    return [
        cds.evaluate(values, year, commune=commune, district=district)
        for commune, district, year, values in COMMUNES
    ]


def _reports(path, **options):
    return [
        cds.evaluate(r.values, r.year, commune=r.commune, district=r.district)
        for r in cds.load_values(path, **options)
    ]


def _percent_cell(sheet, coordinate, value, number_format="0.0%"):
    sheet[coordinate] = value
    sheet[coordinate].number_format = number_format


def _wide_xlsx(path):
    """The valid data as a wide workbook typed the way Excel stores it."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Xã", "Huyện", "Năm", "1.1", "1.2", "1.6", "1.10", 2.5, "3.1", "3.12", "4.2",
                  "4.8"])
    sheet.append(["Xã Vĩnh Long", "Vĩnh Lộc", 2024, "Có", 100, None, None, "19/33", None,
                  "21042/21420", "Đáp ứng", None])
    _percent_cell(sheet, "F2", 0.82, "0%")
    _percent_cell(sheet, "I2", 0.575)
    sheet.append(["Xã Vĩnh Thịnh", "Vĩnh Lộc", 2024, "Không", None, 79.96, None, "27/33",
                  None, None, None, "không áp dụng"])
    sheet.append(["Thị trấn Vĩnh Lộc", "Vĩnh Lộc", 2023.0, True, None, None, 100])
    workbook.save(path)
    return path


def _long_xlsx(path):
    """The valid data as a long workbook, one sheet per district-year, numbers typed."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "2024"
    sheet.append(["Năm", 2024])
    sheet.append(["Xã", "Huyện", "Mã chỉ tiêu", "Giá trị", "Tử số", "Mẫu số"])
    for row in (
        ["Xã Vĩnh Long", "Vĩnh Lộc", "1.1", "Có"],
        ["Xã Vĩnh Long", "Vĩnh Lộc", "1.2", 1.0],
        ["Xã Vĩnh Long", "Vĩnh Lộc", "1.6", 82],
        ["Xã Vĩnh Long", "Vĩnh Lộc", "2.5", None, 19, 33],
        ["Xã Vĩnh Long", "Vĩnh Lộc", "3.1", 57.5],
        ["Xã Vĩnh Long", "Vĩnh Lộc", "3.12", None, 21042.0, 21420],
        ["Xã Vĩnh Long", "Vĩnh Lộc", "4.2", "Đáp ứng"],
        ["Xã Vĩnh Thịnh", "Vĩnh Lộc", "1.1", False],
        ["Xã Vĩnh Thịnh", "Vĩnh Lộc", "1.6", "79,96%"],
        ["Xã Vĩnh Thịnh", "Vĩnh Lộc", "2.5", None, 27, 33],
        ["Xã Vĩnh Thịnh", "Vĩnh Lộc", "4.8", "không áp dụng"],
    ):
        sheet.append(row)
    _percent_cell(sheet, "D4", 1.0, "0%")  # 1.2: 100 % typed as a percentage
    other = workbook.create_sheet("2023")
    other.append(["commune", "district", "year", "criterion", "value"])
    other.append(["Thị trấn Vĩnh Lộc", "Vĩnh Lộc", 2023, "1.1", "Có"])
    other.append(["Thị trấn Vĩnh Lộc", "Vĩnh Lộc", 2023, "1.10", 100])
    workbook.save(path)
    return path


@pytest.mark.parametrize(
    "name", ["wide.csv", "wide-excel-vi.csv", "long.csv", "communes.toml", "communes.json"]
)
def test_each_file_gives_the_reports_of_the_dict_input(name):
    assert _reports(VALID / name) == _dict_reports()


@pytest.mark.parametrize("make", [_wide_xlsx, _long_xlsx])
def test_each_workbook_gives_the_reports_of_the_dict_input(tmp_path, make):
    assert _reports(make(tmp_path / "communes.xlsx")) == _dict_reports()


def test_records_say_where_they_come_from():
    records = cds.load_values(VALID / "long.csv")
    assert [(r.commune, r.district, r.year, r.row) for r in records] == [
        ("Xã Vĩnh Long", "Vĩnh Lộc", 2024, 2),
        ("Xã Vĩnh Thịnh", "Vĩnh Lộc", 2024, 9),
        ("Thị trấn Vĩnh Lộc", "Vĩnh Lộc", 2023, 13),
    ]
    assert records[1].place() == f"{VALID / 'long.csv'}, dòng 9"
    assert records[1].values["2.5"] == cds.ratio(27, 33)


def test_a_percentage_cell_is_read_as_the_percentage_shown(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["commune", "year", "1.6", "3.1", "3.2"])
    sheet.append(["Xã Vĩnh Long", 2024])
    _percent_cell(sheet, "C2", 0.575)
    _percent_cell(sheet, "D2", 1, "0%")
    sheet["E2"] = 0.575  # not formatted: 0.575 %, as typed
    workbook.save(tmp_path / "p.xlsx")
    values = cds.load_values(tmp_path / "p.xlsx")[0].values
    assert values == {"1.6": "57.5%", "3.1": "100%", "3.2": 0.575}
    report = cds.evaluate(values, 2024)
    assert (report["1.6"].value, report["3.1"].value, report["3.2"].value) == (
        Fraction(115, 2), Fraction(100), Fraction(23, 40)
    )


def test_a_formula_whose_result_was_never_saved_is_not_a_missing_value(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Số liệu"
    sheet.append(["commune", "year", "1.6", "2.5"])
    sheet.append(["Xã Vĩnh Long", 2024, "=70+5", 40])
    workbook.save(tmp_path / "f.xlsx")
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(tmp_path / "f.xlsx")
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("Số liệu", 2, "C")
    assert problem.text("en") == (
        f"{tmp_path / 'f.xlsx'}, sheet Số liệu, row 2, column C: the formula =70+5 has no computed "
        "value saved; open the file in Excel or LibreOffice and save it again"
    )


def test_the_year_argument_is_the_year_of_rows_without_one(tmp_path):
    path = tmp_path / "no-year.csv"
    path.write_text("Xã,1.6\nXã Vĩnh Long,82\n", encoding="utf-8")
    [record] = cds.load_values(path, year=2025)
    assert (record.commune, record.year, record.values) == ("Xã Vĩnh Long", 2025, {"1.6": "82"})


def test_the_shipped_examples_load():
    for path in sorted(EXAMPLES.glob("communes-*.csv")):
        assert [r.commune for r in cds.load_values(path)] == [c[0] for c in COMMUNES]


# --- broken files ---------------------------------------------------------------------------

EXPECTED = tomllib.loads((INVALID / "expected.toml").read_text(encoding="utf-8"))
CORPUS = sorted(p.name for p in INVALID.iterdir() if p.name != "expected.toml")


def test_every_broken_file_has_its_expected_messages():
    assert sorted(EXPECTED) == CORPUS


@pytest.mark.parametrize("name", CORPUS)
def test_a_broken_file_gets_every_problem_located(name, monkeypatch):
    monkeypatch.chdir(INVALID)
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(name)
    problems = caught.value.problems
    assert [p.text("vi") for p in problems] == EXPECTED[name]["vi"]
    assert [p.text("en") for p in problems] == EXPECTED[name]["en"]
    assert all(p.source == name for p in problems)
    # str() of the error lists them all, so a command line shows every one.
    message = str(caught.value)
    assert all(str(p) in message for p in problems)


def test_a_file_above_the_size_limit_is_refused_unread(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(path)
    [problem] = caught.value.problems
    assert problem.code == "file_too_large"
    assert problem.text("en") == (
        f"{path}: the file is too large ({MAX_FILE_BYTES + 1} bytes; "
        f"the limit is {MAX_FILE_BYTES} bytes)"
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("values.numbers", "values.numbers: cannot read files ending in .numbers (use .toml, .json, .csv, .xlsx, .ods or .xls)"),
        ("values", "values: cannot read files ending in (none) (use .toml, .json, .csv, .xlsx, .ods or .xls)"),
    ],
)
def test_an_unknown_kind_of_file_is_refused(tmp_path, monkeypatch, name, message):
    monkeypatch.chdir(tmp_path)
    Path(name).write_text("x", encoding="utf-8")
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(name)
    assert [p.text("en") for p in caught.value.problems] == [message]


def test_a_utf16_csv_is_refused_as_not_utf8(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("u16.csv").write_bytes("Xã,Năm,1.6\nXã Vĩnh Long,2024,82\n".encode("utf-16"))
    with pytest.raises(cds.InputError) as caught:
        cds.load_values("u16.csv")
    assert [p.text("en") for p in caught.value.problems] == [
        "u16.csv, line 1: the file is not UTF-8 text (save it again as UTF-8)"
    ]


def test_reading_a_workbook_without_openpyxl_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(cds.MissingExtraError, match=r'pip install "\.\[excel\]"'):
        cds.load_values(INVALID / "bad-cells.xlsx")


@settings(max_examples=50, deadline=None)
@given(
    denominator=st.integers(min_value=1, max_value=10**6),
    share=st.fractions(min_value=0, max_value=1),
)
def test_counts_read_the_same_in_every_table_shape(tmp_path_factory, denominator, share):
    """A rate given as counts gets the same verdict from a wide cell "n/d", from a long row with
    numerator and denominator, and from ratio(n, d)."""
    numerator = int(share * denominator)
    folder = tmp_path_factory.mktemp("counts")
    wide = folder / "wide.csv"
    wide.write_text(f"Xã,Năm,2.5\nX,2024,{numerator}/{denominator}\n", encoding="utf-8")
    long = folder / "long.csv"
    long.write_text(
        f"Xã,Năm,Mã chỉ tiêu,Tử số,Mẫu số\nX,2024,2.5,{numerator},{denominator}\n",
        encoding="utf-8",
    )
    expected = cds.evaluate({"2.5": cds.ratio(numerator, denominator)}, 2024, commune="X")
    assert _reports(wide) == _reports(long) == [expected]


_CELLS = st.one_of(st.none(), st.integers(min_value=0, max_value=100).map(str))


@settings(max_examples=50, deadline=None)
@given(rows=st.lists(
    st.tuples(st.sampled_from(["Xã A", "Xã B", "Xã C"]), st.sampled_from([2024, 2025]),
              _CELLS, _CELLS),
    min_size=1, max_size=6, unique_by=lambda row: row[:2]))
def test_a_long_table_holds_the_commune_years_of_the_same_wide_table(tmp_path_factory, rows):
    """Whatever cells are empty, the long form of a table gives the commune-years of its wide
    form, in the same order, each with the same values: one with no value at all is kept."""
    folder = tmp_path_factory.mktemp("shapes")
    wide = folder / "wide.csv"
    wide.write_text("Xã,Năm,1.6,2.5\n" + "".join(
        f"{commune},{year},{a or ''},{b or ''}\n" for commune, year, a, b in rows),
        encoding="utf-8")
    long = folder / "long.csv"
    long.write_text("Xã,Năm,Mã chỉ tiêu,Giá trị\n" + "".join(
        f"{commune},{year},1.6,{a or ''}\n{commune},{year},2.5,{b or ''}\n"
        for commune, year, a, b in rows), encoding="utf-8")

    def held(path):
        return [(r.commune, r.year, r.values, r._readings) for r in cds.load_values(path)]

    assert held(long) == held(wide)
    assert [(commune, year) for commune, year, _, _ in rows] == [
        (commune, year) for commune, year, _, _ in held(long)]


def _header_words():
    from cds_indicators._words.headers import ROLES

    return [(role, word) for role in ("commune", "district", "year") for word in ROLES[role]]


@pytest.mark.parametrize(("role", "word"), _header_words())
def test_a_header_word_names_the_same_column_in_every_reader(tmp_path, role, word):
    """load_values and Schedule.load read one vocabulary: a header that names the commune,
    district or year column for one names it for the other, in any case, with a colon."""
    from cds_indicators._words.headers import header_role

    headers = {"commune": "Xã", "district": "Huyện", "year": "Năm"}
    headers[role] = f"{word.upper()}:"
    assert header_role(headers[role]) == role
    path = tmp_path / "t.csv"
    path.write_text(";".join(headers.values()) + ";1.6\nXã Vĩnh Long;Vĩnh Lộc;2024;82\n",
                    encoding="utf-8")
    (record,) = cds.load_values(path)
    assert (record.commune, record.district, record.year) == ("Xã Vĩnh Long", "Vĩnh Lộc", 2024)
    path.write_text(";".join(headers.values()) + "\nXã Vĩnh Long;Vĩnh Lộc;2024\n",
                    encoding="utf-8")
    assert dict(cds.Schedule.load(path).entries) == {("Vĩnh Lộc", "Xã Vĩnh Long"): 2024}


def test_records_carry_their_readings_outside_equality_and_repr():
    from cds_indicators._evaluation.scalar import evaluate_readings

    for name in sorted(p.name for p in VALID.iterdir()):
        for record in cds.load_values(VALID / name):
            assert record._readings and set(record._readings) <= set(record.values)
            assert "readings" not in repr(record)
            assert record == attrs.evolve(record, readings={})
            report = evaluate_readings(record._readings, record.year, commune=record.commune,
                                       district=record.district)
            assert report == cds.evaluate(record.values, record.year, commune=record.commune,
                                          district=record.district)


def test_readings_are_judged_without_reading_the_values_again():
    from cds_indicators._evaluation.scalar import evaluate_readings

    (record,) = cds.load_values(VALID / "communes.json")[:1]
    garbled = attrs.evolve(record, values={key: object() for key in record.values})
    assert evaluate_readings(garbled._readings, garbled.year) == cds.evaluate(
        record.values, record.year)


CHECKS = [
    ({"commune": "A", "year": 2024, "values": {"1.6": 82}}, None, []),
    ({"commune": "A", "values": {"1.6": 82}}, 2024, []),
    ({"commune": "A", "values": {}}, None, ["f.toml, $[0].year: the year is missing (year in the file, or --year)"]),
    ({"commune": "A", "year": 2030, "values": {"1.6": "abc", "9.9": 1}}, None, [
        "f.toml, $[0].year: the year 2030 is not in framework thanh-hoa-1829 (years with "
        "targets: 2022, 2023, 2024, 2025)",
        "f.toml, $[0].values.1.6: criterion 1.6: cannot read 'abc' as a rate (e.g. 80, 80%, "
        "57,5%, 19/33)",
        "f.toml, $[0].values.9.9: there is no criterion '9.9' in framework thanh-hoa-1829",
    ]),
]


@pytest.mark.parametrize(("given", "year", "expected"), CHECKS)
def test_check_record_is_the_check_load_values_makes(given, year, expected):
    from cds_indicators._io.values import check_record

    record = cds.Record(source="f.toml", path="$[0]", **{"year": None, **given})
    found = check_record(record, cds.load_framework(), year)
    assert [p.text("en") for p in found] == expected


def test_a_loaded_record_is_not_checked_again(monkeypatch):
    from cds_indicators._evaluation import scalar
    from cds_indicators._io.values import check_record

    records = cds.load_values(VALID / "wide.csv")
    monkeypatch.setattr(scalar, "read_values", None)  # any reading would fail
    assert all(check_record(r, cds.load_framework(), None) == [] for r in records)


def test_evaluate_record_judges_a_loaded_record_and_reads_any_other():
    from cds_indicators._io.values import evaluate_record

    for record in cds.load_values(VALID / "communes.toml"):
        expected = cds.evaluate(record.values, record.year, commune=record.commune,
                                district=record.district)
        assert evaluate_record(record) == expected
        unread = attrs.evolve(record, readings={}, read_for=None)
        assert evaluate_record(unread) == expected
    with pytest.raises(cds.MeasurementError):
        evaluate_record(cds.Record(commune="A", year=2024, values={"1.6": "abc"}))
    with pytest.raises(cds.InputError, match=r"f.toml, \$.year: thiếu năm"):
        evaluate_record(cds.Record(commune="A", year=None, values={}, source="f.toml",
                                   path="$"))


_NAME_CHARACTERS = 'ab ,;"\n\r\tXã'


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=_NAME_CHARACTERS, min_size=1, max_size=8), min_size=1,
                max_size=6))
def test_any_cell_the_csv_module_writes_is_read_back(tmp_path_factory, names):
    """Quotes, separators and line breaks inside cells, on some lines and not others: every
    name and value comes back as written (a name stripped of the spaces around it)."""
    import csv
    import unicodedata

    path = tmp_path_factory.mktemp("quoted") / "values.csv"
    names = [f"{name} x{index}" for index, name in enumerate(names)]  # never a code
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["commune", "year", "1.6"])
        for index, name in enumerate(names):
            writer.writerow([name, 2024, "82,5" if index % 2 else "82"])
    records = cds.load_values(path)
    assert [r.commune for r in records] == [
        unicodedata.normalize("NFC", name).strip() for name in names]
    assert [r.values["1.6"] for r in records] == [
        "82,5" if index % 2 else "82" for index in range(len(names))]
    report = cds.evaluate(records[-1].values, 2024)
    assert report["1.6"].value == (Fraction(165, 2) if len(names) % 2 == 0 else 82)


def test_a_records_values_are_the_dict_they_stand_for(tmp_path):
    """A record read from a table compares, prints, copies and pickles as a plain dict of the
    values as written; an empty cell is absent."""
    import copy
    import pickle

    path = tmp_path / "values.csv"
    path.write_text("commune,year,1.1,1.6,2.5\nXã A,2024,Có,,57.5%\nXã B,2024,Không,80,19/33\n",
                    encoding="utf-8")
    first, second = cds.load_values(path)
    assert first.values == {"1.1": "Có", "2.5": "57.5%"}
    assert {"1.1": "Có", "2.5": "57.5%"} == first.values  # noqa: SIM300 (a dict on the left)
    assert repr(first.values) == "{'1.1': 'Có', '2.5': '57.5%'}"
    assert "1.6" not in first.values and first.values.get("1.6") is None
    assert len(first.values) == 2 and list(first.values) == ["1.1", "2.5"]
    assert pickle.loads(pickle.dumps(first)) == first
    assert type(pickle.loads(pickle.dumps(first.values))) is dict
    assert copy.deepcopy(second).values == {"1.1": "Không", "1.6": "80", "2.5": "19/33"}
    assert first.values != second.values
    assert cds.evaluate(second.values, 2024)["2.5"].value == Fraction(1900, 33)
