"""``evaluate_frame`` runs unchanged on engines that split a table: Dask partitions and DuckDB's
Arrow record batches. Evaluated part by part, a table larger than one part gives, row for row,
what one call on the whole table gives."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import cds_indicators as cds

FRAMEWORK = cds.load_framework()
YEAR = 2024
ROWS = 3_000


def _table() -> Any:
    """Commune-years with values on both sides of every target, some missing (illustrative)."""
    pd = pytest.importorskip("pandas")
    rng = np.random.default_rng(969)
    data: dict[str, Any] = {"commune": [f"Xã {i}" for i in range(ROWS)],
                            "district": [f"Huyện {i % 7}" for i in range(ROWS)]}
    for criterion in FRAMEWORK:
        if criterion.kind is cds.Kind.RATE:
            column = np.round(rng.uniform(0, 100, ROWS), 1)
            column[rng.random(ROWS) < 0.05] = np.nan
            data[criterion.id] = column
        else:
            data[criterion.id] = rng.random(ROWS) < 0.9
    return pd.DataFrame(data)


def _plain(frame: Any) -> list[tuple[str, ...]]:
    """Each row of a result as text, whatever types its columns came in."""
    return [tuple(str(v) for v in row) for row in frame.astype(str).itertuples(index=False)]


def test_dask_partitions_give_the_single_call_result():
    dd = pytest.importorskip("dask.dataframe")
    frame = _table()
    whole = cds.evaluate_frame(frame, year=YEAR)
    parts = dd.from_pandas(frame, npartitions=4)
    assert parts.npartitions > 1
    meta = cds.evaluate_frame(frame.head(1), year=YEAR).iloc[:0]
    result = parts.map_partitions(cds.evaluate_frame, year=YEAR, meta=meta).compute()
    assert list(result.columns) == list(whole.columns)
    assert _plain(result) == _plain(whole)


def test_duckdb_record_batches_give_the_single_call_result():
    duckdb = pytest.importorskip("duckdb")
    pa = pytest.importorskip("pyarrow")
    frame = _table()
    whole = cds.evaluate_frame(pa.Table.from_pandas(frame, preserve_index=False), year=YEAR)
    connection = duckdb.connect()
    connection.register("communes", frame)
    relation = connection.sql("SELECT * FROM communes")
    # DuckDB 1.x names it fetch_arrow_reader, 2.x to_arrow_reader: batches of 1,000 rows.
    reader = getattr(relation, "to_arrow_reader", None) or relation.fetch_arrow_reader
    reader = reader(1_000)
    parts = [cds.evaluate_frame(pa.Table.from_batches([batch]), year=YEAR) for batch in reader]
    assert len(parts) > 1
    result = pa.concat_tables([part.cast(whole.schema) for part in parts])
    assert result.column_names == whole.column_names
    assert result.to_pylist() == whole.to_pylist()
