"""reports_to_frame and Report.to_frame: one row per commune, year and criterion."""

from __future__ import annotations

import math
import sys
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators import strategies as cst

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
pa = pytest.importorskip("pyarrow")

FRAMEWORK = cds.load_framework()
COLUMNS = ["commune", "district", "year", "criterion", "pillar", "status", "value", "target",
           "shortfall", "needed", "value_exact", "shortfall_exact", "count", "evidence"]


def _rows(native: object) -> list[dict[str, object]]:
    if isinstance(native, pd.DataFrame):
        rows = native.to_dict("records")
        return [{k: None if isinstance(v, float) and math.isnan(v) else v
                 for k, v in row.items()} for row in rows]
    if isinstance(native, pl.DataFrame):
        return native.rows(named=True)
    assert isinstance(native, pa.Table)
    return native.to_pylist()


def _expected(report: cds.Report) -> list[dict[str, object]]:
    """What each row must say, read off the report's own verdicts."""
    rows = []
    for verdict in report:
        value, shortfall = verdict.value, verdict.shortfall
        rows.append({
            "commune": report.commune, "district": report.district, "year": report.year,
            "criterion": verdict.criterion, "pillar": verdict.pillar,
            "status": verdict.status.value,
            "value": None if value is None else float(value),
            "target": None if verdict.target is None else verdict.target.label,
            "shortfall": None if shortfall is None else float(shortfall),
            "needed": None if verdict.needed is None else float(verdict.needed),
        })
    return rows


@pytest.mark.parametrize("backend", ["pandas", "polars", "pyarrow"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports=st.lists(cst.reports(FRAMEWORK), min_size=1, max_size=3))
def test_one_row_per_commune_year_criterion(backend: str, reports: list[cds.Report]) -> None:
    """Rule: the long table has one row per verdict of every report, in order, and each row
    says what the verdict says: status, value, target label, shortfall and needed as floats;
    value_exact and shortfall_exact give back the exact numbers; count and evidence are the
    verdict's."""
    out = cds.reports_to_frame(reports, backend=backend)
    rows = _rows(out)
    assert list(rows[0]) == COLUMNS
    verdicts = [v for report in reports for v in report]
    assert len(rows) == len(verdicts)
    expected = [row for report in reports for row in _expected(report)]
    assert [{k: row[k] for k in COLUMNS[:10]} for row in rows] == expected
    for row, verdict in zip(rows, verdicts, strict=True):
        assert (row["count"], row["evidence"]) == (
            None if verdict.count is None else float(verdict.count), verdict.evidence)
        if isinstance(verdict.value, bool):
            assert row["value_exact"] == str(verdict.value)
        else:
            exact = row["value_exact"]
            assert (None if exact is None else Fraction(str(exact))) == verdict.value
        exact = row["shortfall_exact"]
        assert (None if exact is None else Fraction(str(exact))) == verdict.shortfall


@pytest.mark.parametrize(
    ("backend", "kind"),
    [("pandas", pd.DataFrame), ("polars", pl.DataFrame), ("pyarrow", pa.Table)],
)
def test_report_to_frame_is_the_long_table_of_one_report(backend: str, kind: type) -> None:
    report = cds.evaluate({"1.6": "78,4%", "2.5": cds.ratio(19, 33), "1.1": "Có"}, 2024,
                          commune="Xã Vĩnh Long", district="Vĩnh Lộc")
    out = report.to_frame(backend=backend)
    assert isinstance(out, kind)
    assert _rows(out) == _rows(cds.reports_to_frame([report], backend=backend))
    assert len(_rows(out)) == len(FRAMEWORK)


def test_non_terminating_values_stay_exact() -> None:
    """A rate of 19/33 has no finite decimal: the float is rounded, the text is exact."""
    report = cds.evaluate({"2.5": cds.ratio(19, 33)}, 2025, commune="Xã A")
    row = next(r for r in _rows(report.to_frame()) if r["criterion"] == "2.5")
    verdict = report["2.5"]
    assert Fraction(row["value_exact"]) == verdict.value == Fraction(1900, 33)
    assert Fraction(row["shortfall_exact"]) == verdict.shortfall
    assert row["needed"] == verdict.needed
    assert row["value"] == float(verdict.value)


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes an import fail as if the package were not installed.
    monkeypatch.setitem(sys.modules, "narwhals", None)
    report = cds.evaluate({}, 2024)
    with pytest.raises(cds.MissingExtraError) as caught:
        report.to_frame()
    assert isinstance(caught.value, ImportError)
    assert str(caught.value) == (
        'narwhals chưa được cài đặt: cần gói bổ sung [frame] (trong thư mục mã nguồn: python -m pip install ".[frame]"; từ tệp wheel đã dựng: python -m pip install "cds_indicators-0.1.0-py3-none-any.whl[frame]") (narwhals is not installed)')
