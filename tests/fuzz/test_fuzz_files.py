"""Broken files of every format, generated: load_values answers each with records or a CdsError,
never another exception, never a hang, never a silently dropped cell."""

from __future__ import annotations

import pytest
from fuzzing import (
    CELLS,
    csv_text,
    damaged,
    json_documents,
    toml_documents,
    wide_tables,
    within,
)
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import cds_indicators as cds

FRAMEWORK = cds.load_framework()
#: Columns whose cells are read for a criterion (the others are who and when, or notes).
NOT_VALUES = {"Xã", "Năm", "year", "Huyện", "Ghi chú"}
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])


def _read(path, **options):
    """load_values' answer: the records, or the CdsError; any other exception fails the test,
    and so does an answer not given within the time limit."""
    with within():
        try:
            records = cds.load_values(path, **options)
        except cds.CdsError as exc:
            refused = exc
        else:
            event("read")
            return records
    event("refused")
    assert refused.problems, "a CdsError says what is wrong"
    return refused


@SLOW
@given(rows=wide_tables(), separator=st.sampled_from([",", ";", "\t"]))
def test_a_table_is_read_whole_or_refused(folder, rows, separator):
    """Every non-empty cell under a criterion column is in a record, or the file is refused:
    a cell is never dropped, whatever the header holds (empty, unknown, repeated columns)."""
    path = folder / "wide.csv"
    path.write_text(csv_text(rows, separator), encoding="utf-8")
    answer = _read(path)
    if isinstance(answer, cds.CdsError):
        return
    read = {(record.row, criterion) for record in answer for criterion in record.values}
    header = rows[0]
    for number, cells in enumerate(rows[1:], start=2):
        for col, cell in enumerate(cells):
            if not cell.strip() or (col < len(header) and header[col] in NOT_VALUES):
                continue
            assert col < len(header) and header[col] in FRAMEWORK, (number, col, cell)
            assert (number, header[col]) in read, (number, col, cell)


@SLOW
@given(data=st.data(), rows=wide_tables())
def test_a_damaged_csv_file_is_read_or_refused(folder, data, rows):
    """Truncated, a byte changed, a stray quote, another encoding: records or a CdsError."""
    path = folder / "damaged.csv"
    path.write_bytes(data.draw(damaged(csv_text(rows, ","))))
    _read(path)


@SLOW
@given(document=json_documents(), data=st.data())
def test_a_json_document_is_read_or_refused(folder, document, data):
    """A repeated key is always refused (JSON's parser would keep the last); an accepted
    document keeps every value it gives."""
    text, repeats = document
    path = folder / "values.json"
    path.write_text(text, encoding="utf-8")
    answer = _read(path)
    if repeats:
        assert isinstance(answer, cds.CdsError)
    if not isinstance(answer, cds.CdsError):
        [record] = answer
        assert set(record.values) <= set(FRAMEWORK._index)
    path.write_bytes(data.draw(damaged(text)))
    _read(path)


@SLOW
@given(text=toml_documents(), data=st.data())
def test_a_toml_document_is_read_or_refused(folder, text, data):
    """TOML as written, then damaged: records or a CdsError, never another exception."""
    path = folder / "values.toml"
    path.write_text(text, encoding="utf-8")
    _read(path)
    path.write_bytes(data.draw(damaged(text)))
    _read(path)


FORMATS = ["General", "0", "0.0", "0%", "0.0%", '0.0"%"', "0.0\\%", "#,##0", "@", "0.00E+00",
           "dd/mm/yyyy", ";;;"]


@settings(SLOW, max_examples=30)
@given(rows=wide_tables(), data=st.data())
def test_a_workbook_is_read_or_refused(folder, rows, data):
    """A workbook with formulas, numbers in odd formats and the same cells as the CSV tables:
    records or a CdsError, never another exception, never a hang."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for r, cells in enumerate(rows, start=1):
        for c, text in enumerate(cells, start=1):
            cell = sheet.cell(row=r, column=c)
            if r > 1 and data.draw(st.booleans()):
                cell.value = data.draw(st.one_of(
                    st.floats(allow_nan=False, allow_infinity=False, width=64),
                    st.integers(-(10**20), 10**20), st.booleans()))
                cell.number_format = data.draw(st.sampled_from(FORMATS))
            else:
                # openpyxl writes text beginning with "=" as a formula with no saved result.
                cell.value = "".join(ch for ch in text if ch >= " " or ch in "\t\n\r") or None
    path = folder / "book.xlsx"
    book.save(path)
    _read(path)


@SLOW
@given(cell=CELLS, criterion=st.sampled_from(["1.1", "1.6", "2.5", "3.12", "4.2"]))
def test_a_cell_is_read_or_refused_at_its_place(folder, cell, criterion):
    """One cell of every kind under every kind of criterion: read, or refused at its row and
    column, with both messages under the length cap."""
    path = folder / "cell.csv"
    path.write_text(csv_text([["Xã", "Năm", criterion], ["A", "2024", cell]], ","),
                    encoding="utf-8")
    answer = _read(path)
    if isinstance(answer, cds.CdsError):
        for problem in answer.problems:
            assert len(problem.message) <= 2100 and len(problem.message_en) <= 2100
            assert problem.source == str(path)
