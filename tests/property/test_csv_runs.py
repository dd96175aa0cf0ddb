"""A CSV file's rows read a run at a time give exactly what they give read one by one.

``load_values()`` reads a CSV file in runs: a chunk of rows that all have the header's number
of cells is read column by column, each distinct text once, and its records are made
together; a chunk without quotes is split at its separators, one with quotes read by the csv
module at once. A file with a line ended by a lone carriage return is read line by line, row
by row, from the chunk that holds it. So the same table written plain, with every cell quoted,
with commas as separators, and with its first row ended by a lone carriage return goes
through each path, and must give the same records (values, readings, rows, warnings), the same problems in
the same order — for any cells: refused values, blank rows and cells, the signature area, a
commune given by its code, a year that conflicts, a cell under an empty header, a row with
more or fewer cells, repeated commune-years — and the same reports as ``evaluate()`` of each
record's values as a dict.
"""

from __future__ import annotations

import csv
import pickle
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators._evaluation.scalar import evaluate_readings

FRAMEWORK = cds.load_framework()
#: Criteria of each kind: a counted yes/no (1.1), rates, a conditional yes/no (4.8).
CRITERIA = [c.id for c in FRAMEWORK][:6] + [c.id for c in FRAMEWORK if c.conditional][:1]
#: Texts as offices type them, and texts no criterion reads.
VALUES = ["", " ", "57,5", "57.5%", " 82 ", "100", "100.0", "0", "101", "-1", "abc", "Có",
          "không", "True", "FALSE", "không áp dụng", "19/33", "33/19", "1e2", "57,25%",
          "Người lập biểu", "x" * 300]
COMMUNES = ["Xã Vĩnh Long", "Phường Đông Sơn", "xã  vĩnh long", "", " ", "15361", "99999",
            "Thủ trưởng đơn vị"]
DISTRICTS = ["", "Huyện Vĩnh Lộc", "huyện vĩnh lộc ", "Prepared by"]
YEARS = ["2024", "2024", " 2024 ", "", "2023", "20x4", "1999"]
NOTES = ["", "", "nguồn: UBND xã", "Người lập biểu"]
HEADER = ["Xã", "Huyện", "Năm", "Ghi chú", *CRITERIA, ""]

_settings = settings(max_examples=40, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow,
                                            HealthCheck.function_scoped_fixture])


def _good(criterion: str) -> list[str]:
    """Texts the criterion reads (a blank cell among them)."""
    if FRAMEWORK[criterion].kind is cds.Kind.RATE:
        return ["", "57,5", "57.5%", " 82 ", "100", "0", "19/33", "57,25%"]
    return ["", "Có", "không", "True", "FALSE", " có ", *(
        ["không áp dụng"] if FRAMEWORK[criterion].conditional else [])]


@st.composite
def _row(draw: st.DrawFn, hostile: bool) -> list[str]:
    """A row of cells: readable ones, or (``hostile``) any of a hostile shape."""
    if not hostile:
        return [draw(st.sampled_from(COMMUNES[:3])), draw(st.sampled_from(DISTRICTS[:3])),
                draw(st.sampled_from(YEARS[:3])), draw(st.sampled_from(NOTES[:3])),
                *(draw(st.sampled_from(_good(c))) for c in CRITERIA), ""]
    shape = draw(st.sampled_from(["cells", "blank", "short", "long", "unheaded"]))
    if shape == "blank":
        return [draw(st.sampled_from(["", " "])) for _ in HEADER]
    row = [draw(st.sampled_from(COMMUNES)), draw(st.sampled_from(DISTRICTS)),
           draw(st.sampled_from(YEARS)), draw(st.sampled_from(NOTES)),
           *(draw(st.sampled_from(VALUES)) for _ in CRITERIA),
           "x" if shape == "unheaded" else ""]
    return row[:-2] if shape == "short" else [*row, "5"] if shape == "long" else row


@st.composite
def tables(draw: st.DrawFn) -> list[list[str]]:
    """A few rows of readable cells, repeated (with the commune numbered) past the size of the
    chunks the file is read in, and a few hostile rows put anywhere among them: a run may
    hold any of them, in any place, or none."""
    rows = draw(st.lists(_row(hostile=False), min_size=1, max_size=6))
    copies = draw(st.sampled_from([1, 2, 400, 1500]))
    table = [[f"{row[0]} {i}" if row[0].strip() else row[0], *row[1:]]
             for i in range(copies) for row in rows]
    for hostile in draw(st.lists(_row(hostile=True), max_size=3)):
        table.insert(draw(st.integers(0, len(table))), hostile)
    return table


def _write(path: Path, rows: list[list[str]], quoting: int, *, delimiter: str = ";",
           line_by_line: bool = False) -> None:
    """The table as a CSV file; ``line_by_line``: its first row ended by a lone carriage
    return, so that the whole file is read line by line and row by row."""
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=delimiter, quoting=quoting, lineterminator="\n")
        writer.writerow(HEADER)
        for at, row in enumerate(rows):
            writer.writerow(row)
            if at == 0 and line_by_line:
                file.seek(file.tell() - 1)
                file.write("\r")


def _read(path: Path) -> tuple[Any, ...]:
    """The records, each with its values, readings and warnings, and the problems."""
    loaded = cds.load_values(path, errors="collect", framework=FRAMEWORK)
    return (loaded.records,
            [(dict(r.values), dict(r._readings), r.warnings) for r in loaded.records],
            loaded.problems)


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("runs")
    return (folder / f"{i}.csv" for i in range(10**9))


@_settings
@given(rows=tables())
def test_a_file_read_in_runs_gives_what_it_gives_row_by_row(paths: Iterator[Path],
                                                             rows: list[list[str]]) -> None:
    """Whatever its cells, a CSV file read in runs — plain (split at its separators), with
    every cell quoted, or with commas as separators and so some cells quoted (read by the csv
    module a chunk at a time) — gives the records, readings, warnings and problems of the
    same file read line by line and row by row."""
    path = next(paths)
    _write(path, rows, csv.QUOTE_ALL, line_by_line=True)
    row_by_row = _read(path)
    _write(path, rows, csv.QUOTE_MINIMAL)
    assert '"' not in path.read_text(encoding="utf-8")  # plain: split at its separators
    assert _read(path) == row_by_row
    _write(path, rows, csv.QUOTE_ALL)
    assert _read(path) == row_by_row
    _write(path, rows, csv.QUOTE_MINIMAL, delimiter=",")
    assert _read(path) == row_by_row


@_settings
@given(rows=tables())
def test_a_record_read_in_runs_is_judged_as_its_values_are(paths: Iterator[Path],
                                                           rows: list[list[str]]) -> None:
    """Each record's readings are judged as ``evaluate()`` judges its values given as a
    dict."""
    path = next(paths)
    _write(path, rows, csv.QUOTE_MINIMAL)
    for record in cds.load_values(path, errors="collect", framework=FRAMEWORK).records:
        assert record.year is not None
        assert evaluate_readings(record._readings, record.year, framework=FRAMEWORK,
                                 commune=record.commune, district=record.district,
                                 province=record.province, code=record.code) == cds.evaluate(
            dict(record.values), record.year, framework=FRAMEWORK, commune=record.commune,
            district=record.district, province=record.province, code=record.code)


def test_the_values_of_a_record_read_in_runs_are_a_read_only_mapping(tmp_path: Path) -> None:
    rows = [[f"Xã {i}", "Huyện Vĩnh Lộc", "2024", "", "Có", "", "57,5", " 82 ", "", "100",
             "không áp dụng", ""] for i in range(3000)]
    path = tmp_path / "values.csv"
    _write(path, rows, csv.QUOTE_MINIMAL)
    record = cds.load_values(path, framework=FRAMEWORK)[2500]
    expected = {CRITERIA[0]: "Có", CRITERIA[2]: "57,5", CRITERIA[3]: "82", CRITERIA[5]: "100",
                CRITERIA[6]: "không áp dụng"}
    assert isinstance(record.values, Mapping)
    assert record.values == expected and dict(record.values) == expected
    assert list(record.values) == list(expected) and len(record.values) == len(expected)
    assert repr(record.values) == repr(expected)
    assert CRITERIA[1] not in record.values and record.values.get(CRITERIA[1], 0) == 0
    with pytest.raises(KeyError):
        record.values[CRITERIA[1]]
    with pytest.raises(TypeError):
        record.values[CRITERIA[0]] = "Không"  # type: ignore[index]
    assert pickle.loads(pickle.dumps(record)) == record
    assert record.row == 2502 and record.commune == "Xã 2500"


@pytest.mark.parametrize("note", ["nguồn:\nUBND xã", 'ghi "chú"', "a;b", "x" * 5000])
def test_quoted_cells_spanning_lines_and_chunks_give_what_they_give_row_by_row(
        tmp_path: Path, note: str) -> None:
    """Quoted cells with line breaks, quotes, separators or many characters, in a file of
    many chunks (a chunk may end inside such a cell): the records and problems of the same
    file read line by line."""
    rows = [[f"Xã {i}", "Huyện Vĩnh Lộc", "2024", note if i % 3 else "", "Có", "", "57,5",
             "abc" if i == 2999 else " 82 ", "", "100", "không áp dụng", ""]
            for i in range(3000)]
    path = tmp_path / "values.csv"
    _write(path, rows, csv.QUOTE_ALL, line_by_line=True)
    row_by_row = _read(path)
    assert len(row_by_row[0]) == 2999 and len(row_by_row[2]) == 1  # the refused "abc"
    for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL):
        _write(path, rows, quoting)
        assert _read(path) == row_by_row
