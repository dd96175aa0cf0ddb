"""evaluate_frame at the edges of its input: blank cells in pandas, polars and pyarrow, codes
held as floats, rows without a commune, and cells of unusual types. The rule of every test:
the table gives, for each row, what evaluate() and load_values give for it, in every library,
and a bad cell is a located CdsError, never another exception."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import cds_indicators as cds

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
pa = pytest.importorskip("pyarrow")

LIBRARIES = ("pandas", "polars", "pyarrow")


def _as(library: str, frame: Any) -> Any:
    """A pandas frame in ``library``; pandas' NaN in a float column stays NaN."""
    if library == "pandas":
        return frame
    table = pa.Table.from_pandas(frame, preserve_index=False)
    return table if library == "pyarrow" else pl.from_arrow(table)


def _column(out: Any, name: str) -> list[Any]:
    """A column of a result of any library, an empty cell as None."""
    if isinstance(out, pd.DataFrame):
        return [None if pd.isna(v) else v for v in out[name].tolist()]
    values = out[name].to_list() if isinstance(out, pl.DataFrame) else out.column(name).to_pylist()
    return [str(v) if v is not None else None for v in values]


def _problems(call: Any) -> list[tuple[Any, ...]]:
    with pytest.raises(cds.CdsError) as caught:
        call()
    return [(p.code, p.row, p.column, p.message_en) for p in caught.value.problems]


# --- communes named by their codes, beside blank cells ----------------------------------------


@pytest.fixture
def admin() -> None:
    pytest.importorskip("vietnamadminunits")


@pytest.mark.usefixtures("admin")
@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize("blank", ["Huyện", "Tỉnh"])
def test_a_blank_district_or_province_beside_a_code_is_empty(library, blank):
    """pandas reads a blank cell as NaN: beside a commune's code it is no district (or
    province), as an empty cell of polars or Arrow is."""
    text = f"Tên xã,{blank},Năm,1.6\n15361,,2024,80\nXã B,,2024,70\n"
    frame = _as(library, pd.read_csv(io.StringIO(text)))
    out = cds.evaluate_frame(frame)
    report = cds.evaluate({"1.6": 80}, 2024, commune="15361")
    role = "district" if blank == "Huyện" else "province"
    assert _column(out, "commune") == [report.commune, "Xã B"]
    assert _column(out, "code") == ["15361", None]
    assert _column(out, role)[0] == getattr(report, role)
    assert _column(out, "1.6") == [cds.evaluate({"1.6": v}, 2024)["1.6"].status.value
                                   for v in (80, 70)]


@pytest.mark.usefixtures("admin")
@pytest.mark.parametrize("library", LIBRARIES)
def test_a_blank_commune_beside_a_code_column_is_named_by_the_code(library):
    frame = _as(library, pd.DataFrame({"commune": [None, "Xã B"], "code": ["15361", None],
                                       "1.6": [80, 70]}))
    out = cds.evaluate_frame(frame, year=2024)
    named = cds.evaluate({"1.6": 80}, 2024, code="15361").commune
    assert _column(out, "commune") == [named, "Xã B"]
    assert _column(out, "code") == ["15361", None]


@pytest.mark.usefixtures("admin")
@pytest.mark.parametrize("library", LIBRARIES)
def test_a_code_column_held_as_floats_reads_whole_numbers_as_codes(library):
    """One blank cell makes pandas hold a column of codes as floats: 15361.0 is the code
    15361, as a year cell 2024.0 is the year 2024."""
    text = "Tên xã,Mã xã,Năm,1.6\n,15361,2024,80\nXã B,,2024,70\n"
    parsed = pd.read_csv(io.StringIO(text))
    assert parsed["Mã xã"].dtype == np.float64
    out = cds.evaluate_frame(_as(library, parsed))
    assert _column(out, "commune") == [cds.evaluate({}, 2024, code="15361").commune, "Xã B"]
    assert _column(out, "code") == ["15361", None]


@pytest.mark.usefixtures("admin")
def test_a_code_column_with_a_fraction_is_an_unknown_code():
    frame = pd.DataFrame({"commune": [None], "code": [15361.5], "year": [2024], "1.6": [80]})
    assert _problems(lambda: cds.evaluate_frame(frame)) == [
        ("admin_unknown_code", 0, "code",
         "commune code '15361.5' is not in the official list of 2024")]


# --- rows without a commune --------------------------------------------------------------------


MISSING = "the commune's name is missing (commune)"


@pytest.mark.parametrize("library", LIBRARIES)
def test_a_row_without_a_commune_is_refused_as_load_values_refuses_it(library, tmp_path: Path):
    """An empty commune cell (null, NaN, spaces only) is refused at its row and column, with
    the problem load_values gives for the same row of a file."""
    frame = pd.DataFrame({"Tên xã": ["Xã A", None, "  ", "Xã B"], "1.6": [80, 70, 60, 50]})
    found = _problems(lambda: cds.evaluate_frame(_as(library, frame), year=2024))
    assert found == [("missing_commune", 1, "Tên xã", MISSING),
                     ("missing_commune", 2, "Tên xã", MISSING)]
    table = tmp_path / "values.csv"
    table.write_text("Tên xã,Năm,1.6\nXã A,2024,80\n,2024,70\n", encoding="utf-8")
    with pytest.raises(cds.InputError) as from_file:
        cds.load_values(table)
    assert [(p.code, p.message_en) for p in from_file.value.problems] == [
        ("missing_commune", MISSING)]


@pytest.mark.parametrize("library", LIBRARIES)
def test_a_commune_column_of_floats_with_nan_is_missing_there(library):
    frame = pd.DataFrame({"commune": pd.Series([np.nan, np.nan]), "1.6": [80, 70]})
    assert frame["commune"].dtype == np.float64
    found = _problems(lambda: cds.evaluate_frame(_as(library, frame), year=2024))
    assert found == [("missing_commune", 0, "commune", MISSING),
                     ("missing_commune", 1, "commune", MISSING)]


def test_a_row_without_a_commune_or_a_code_is_refused_beside_a_code_column():
    frame = pd.DataFrame({"commune": [None, "Xã B"], "Mã xã": [None, "15361"], "1.6": [80, 70]})
    assert _problems(lambda: cds.evaluate_frame(frame, year=2024)) == [
        ("missing_commune", 0, "commune", MISSING)]


# --- years -------------------------------------------------------------------------------------


@pytest.mark.parametrize("library", LIBRARIES)
def test_a_nan_year_is_filled_by_year_in_every_library(library):
    frame = _as(library, pd.DataFrame({"commune": ["A"], "year": [np.nan], "1.6": [80.0]}))
    out = cds.evaluate_frame(frame, year=2024)
    assert [int(y) for y in _column(out, "year")] == [2024]
    assert _column(out, "1.6") == [str(cds.evaluate({"1.6": 80.0}, 2024)["1.6"].status.value)]


def test_a_name_that_is_not_text_is_reported_beside_a_bad_year():
    frame = pd.DataFrame({"commune": pd.Series(["A", 7.5], dtype=object), "year": [2024, 2030],
                          "1.6": [80, 70]})
    found = _problems(lambda: cds.evaluate_frame(frame))
    assert sorted((code, row, column) for code, row, column, _ in found) == [
        ("frame_bad_year", 1, "year"), ("name_not_text", 1, "commune")]
    assert "the commune name must be a string, not 7.5" in [m for *_, m in found]


# --- cells of unusual types --------------------------------------------------------------------


@pytest.mark.parametrize(("field", "cell"), [("commune", ["A"]), ("commune", {"name": "A"}),
                                             ("district", ["H"])])
def test_a_list_or_mapping_as_a_name_is_not_text(field, cell):
    columns = {"commune": "Xã A", "district": "H", field: cell}
    frame = pd.DataFrame({k: pd.Series([v], dtype=object) for k, v in columns.items()}
                         | {"1.6": [80]})
    assert _problems(lambda: cds.evaluate_frame(frame, year=2024)) == [
        ("name_not_text", 0, field, f"the {field} name must be a string, not {cell!r}")]
    with pytest.raises(cds.InputError) as scalar:
        cds.evaluate({}, 2024, **{field: cell})
    assert scalar.value.problems[0].code == "name_not_text"


def test_a_list_column_of_names_in_polars_is_not_text():
    frame = pl.DataFrame({"commune": [["A"]], "1.6": [80]})
    assert _problems(lambda: cds.evaluate_frame(frame, year=2024)) == [
        ("name_not_text", 0, "commune", "the commune name must be a string, not ['A']")]


def test_a_signalling_nan_decimal_is_read_as_evaluate_reads_it():
    frame = pd.DataFrame({"commune": ["A", "B"],
                          "2.5": pd.Series([Decimal("sNaN"), Decimal("90")], dtype=object)})
    out = cds.evaluate_frame(frame, year=2025)
    expected = [cds.evaluate({"2.5": v}, 2025)["2.5"].status.value
                for v in (Decimal("sNaN"), Decimal("90"))]
    assert _column(out, "2.5") == expected


@pytest.mark.parametrize("dtype", ["Int128", "UInt128"])
def test_128_bit_integer_columns_are_read_as_python_ints(dtype):
    kind = getattr(pl, dtype)
    frame = pl.DataFrame({"commune": ["A", "B"], "year": pl.Series([2024, 2025], dtype=kind),
                          "1.6": pl.Series([80, 50], dtype=kind),
                          "2.5_num": pl.Series([27, 26], dtype=kind),
                          "2.5_den": pl.Series([33, 33], dtype=kind)})
    out = cds.evaluate_frame(frame)
    for column, values in (("1.6", {"1.6": 80}), ("2.5", {"2.5": cds.ratio(27, 33)})):
        assert _column(out, column)[0] == cds.evaluate(values, 2024)[column].status.value
    assert _column(out, "1.6")[1] == cds.evaluate({"1.6": 50}, 2025)["1.6"].status.value
    assert _column(out, "2.5")[1] == cds.evaluate(
        {"2.5": cds.ratio(26, 33)}, 2025)["2.5"].status.value


def test_a_128_bit_count_beyond_int64_is_read_as_evaluate_reads_it():
    big = 2**70
    frame = pl.DataFrame({"commune": ["A"], "2.5_num": pl.Series([big - 1], dtype=pl.Int128),
                          "2.5_den": pl.Series([big], dtype=pl.Int128)})
    out = cds.evaluate_frame(frame, year=2025)
    assert _column(out, "2.5") == [
        cds.evaluate({"2.5": cds.ratio(big - 1, big)}, 2025)["2.5"].status.value]


# --- counts given as text ----------------------------------------------------------------------


@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize(("num", "den", "column", "message"), [
    ("27", "0", "2.5_den", "criterion 2.5: the denominator 0 must be greater than 0"),
    ("27", "x", "2.5_den", "criterion 2.5: the denominator 'x' is not a non-negative whole number"),
    ("x", "33", "2.5_num", "criterion 2.5: the numerator 'x' is not a non-negative whole number"),
    ("34", "33", "2.5_num", "criterion 2.5: the numerator 34 is greater than the denominator 33"),
])
def test_counts_given_as_text_are_located_at_the_count_at_fault(library, num, den, column,
                                                                  message):
    """As for counts given as numbers: the problem is at the column holding the bad count,
    the count quoted as given."""
    frame = _as(library, pd.DataFrame({"commune": ["A"], "2.5_num": [num], "2.5_den": [den]}))
    found = _problems(lambda: cds.evaluate_frame(frame, year=2025))
    assert [(row, col, text) for _, row, col, text in found] == [(0, column, message)]
    scalar = _problems(lambda: cds.evaluate({"2.5": {"numerator": num, "denominator": den}},
                                            2025))
    assert [text for *_, text in scalar] == [message]


def test_a_duration_as_a_count_is_refused_with_its_place():
    frame = pd.DataFrame({"commune": ["A"], "2.5_num": pd.to_timedelta(["1D"]), "2.5_den": [2]})
    found = _problems(lambda: cds.evaluate_frame(frame, year=2025))
    assert [(code, row, column) for code, row, column, _ in found] == [
        ("count_not_whole", 0, "2.5_num")]
    scalar = _problems(lambda: cds.evaluate(
        {"2.5": {"numerator": np.timedelta64(1, "D"), "denominator": 2}}, 2025))
    assert [code for code, *_ in scalar] == ["count_not_whole"]


@pytest.mark.parametrize("library", ["pandas", "polars", "pyarrow"])
def test_a_categorical_commune_column_of_codes_is_read_as_a_text_column(library):
    """A commune column held as categories (pandas category, polars Categorical, an Arrow
    dictionary) names its communes as the same column of text does: codes are read as codes,
    and a code repeating a name in one year is a repeated commune-year."""
    pytest.importorskip("vietnamadminunits")
    import pyarrow as pa

    def native(communes: list[str], **more: list[Any]) -> Any:
        table = pa.table({"commune": pa.array(communes).dictionary_encode(), **more})
        if library == "pandas":
            return table.to_pandas()
        if library == "polars":
            return pytest.importorskip("polars").from_arrow(table)
        return table

    def communes(out: Any) -> list[Any]:
        return out.column("commune").to_pylist() if library == "pyarrow" else list(out["commune"])

    out = cds.evaluate_frame(native(["15361", "Xã B"], year=[2024, 2024], **{"1.6": [80.0, 70.0]}))
    plain = cds.evaluate_frame(pa.table({"commune": ["15361", "Xã B"], "year": [2024, 2024],
                                         "1.6": [80.0, 70.0]}).to_pandas())
    assert communes(out) == list(plain["commune"]) == ["Xã Vĩnh Long", "Xã B"]
    with pytest.raises(cds.InputError) as raised:
        cds.evaluate_frame(native(["15361", "Xã Vĩnh Long"], year=[2024, 2024]))
    assert [p.code for p in raised.value.problems] == ["duplicate_commune_year"]


def test_a_table_without_years_is_refused_for_them_alone():
    """Without a year column or ``year=`` no row is a commune-year yet: two rows of one commune
    are no repeat, and the table is refused for the year alone."""
    with pytest.raises(cds.InputError) as raised:
        cds.evaluate_frame(pd.DataFrame({"commune": ["Xã A", "Xã A"], "1.6": [80, 70]}))
    assert [(p.code, p.column) for p in raised.value.problems] == [
        ("frame_missing_column", "year")]
