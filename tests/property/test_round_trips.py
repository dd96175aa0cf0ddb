"""Frameworks and reports survive being written out and read back, exactly."""

import json
import os
import tempfile

from hypothesis import given
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators import strategies as cst


@given(cst.frameworks())
def test_a_framework_round_trips_through_its_toml_file(framework):
    """``load_framework`` of the file ``dump_framework(f)`` writes gives back ``f`` for every valid framework, and the two have
    no differences by ``diff``."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "framework.toml")
        with open(path, "w", encoding="utf-8") as file:
            file.write(cds.dump_framework(framework))
        again = cds.load_framework(path)
    assert again == framework
    assert not cds.diff(framework, again)


@given(cst.reports())
def test_a_report_round_trips_through_json(report):
    """``Report.from_dict(json.loads(json.dumps(r.to_dict()))) == r``, scores included."""
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert cds.Report.from_dict(data) == report


@given(st.from_type(cds.Report))
def test_from_type_gives_reports(report):
    """``st.from_type(Report)`` works through the plugin and gives evaluable reports."""
    assert isinstance(report, cds.Report)
    assert len(report) >= 1
