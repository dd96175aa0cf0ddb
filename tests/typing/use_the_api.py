"""The public API used the way a tool uses it, with the types it promises.

Checked by ``mypy --strict`` and basedpyright (strict) in .ci/run, so that a changed return type,
a removed attribute or a keyword that is no longer accepted fails CI. Never imported by pytest.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import assert_type

import cds_indicators as cds


def frameworks() -> None:
    assert_type(cds.available_frameworks(), tuple[str, ...])
    framework = cds.load_framework()
    assert_type(framework, cds.Framework)
    assert_type(cds.load_framework("tinh-long-2024"), cds.Framework)
    assert_type(cds.load_framework(Path("framework.toml")), cds.Framework)
    assert_type(framework.id, str)
    assert_type(framework.years, tuple[int, ...])
    assert_type(framework.pillars, tuple[cds.Pillar, ...])
    assert_type(framework.criteria, tuple[cds.Criterion, ...])
    assert_type(framework.levels, tuple[cds.Level, ...])
    assert_type(iter(framework), Iterator[cds.Criterion])
    criterion = framework["2.5"]
    assert_type(criterion, cds.Criterion)
    assert_type(criterion.kind, cds.Kind)
    assert_type(criterion.conditional, bool)
    target = criterion.target(2025)
    assert_type(target, cds.Target | None)
    if target is not None:
        assert_type(target.comparison, cds.Comparison)
        assert_type(target.label, str)
        assert_type(target.is_met(Fraction(4, 5)), bool)
    assert_type(cds.dump_framework(framework), str)
    changes = cds.diff(framework, cds.load_framework("tinh-long-2024"))
    assert_type(changes, cds.FrameworkDiff)
    assert_type(changes.changes, tuple[cds.Change, ...])


def one_commune() -> None:
    report = cds.evaluate(
        {"2.5": cds.ratio(19, 33), "1.6": "80%", "4.8": cds.NOT_APPLICABLE, "3.1": None},
        2025,
        framework=cds.load_framework(),
        commune="Xã Vĩnh Long",
        district="Huyện Vĩnh Lộc",
    )
    assert_type(report, cds.Report)
    assert_type(report.completion, cds.Completion)
    assert_type(report.completed, bool)
    assert_type(report.verdicts, tuple[cds.Verdict, ...])
    assert_type(report.failed, tuple[str, ...])
    assert_type(report.missing, tuple[str, ...])
    assert_type(report.commune, str | None)
    assert_type(report.score, Fraction | None)
    assert_type(report.text("en"), str)
    verdict = report["2.5"]
    assert_type(verdict, cds.Verdict)
    assert_type(verdict.status, cds.Status)
    assert_type(verdict.passed, bool)
    assert_type(verdict.value, Fraction | bool | None)
    assert_type(verdict.shortfall, Fraction | None)
    assert_type(verdict.needed, int | None)
    for each in report:
        assert_type(each, cds.Verdict)
    assert_type(cds.ratio(19, 33), cds.Ratio)


def refusals() -> None:
    try:
        cds.evaluate({"2.5": "abc"}, 2025)
    except cds.MeasurementError as error:
        assert_type(error, cds.MeasurementError)
        for problem in error.problems:
            assert_type(problem, cds.Problem)
            assert_type(problem.code, str)
            assert_type(problem.row, int | None)
    except cds.CdsError:
        pass


def many_communes(path: str | os.PathLike[str]) -> None:
    records = cds.load_values(path, year=2025)
    assert_type(records, list[cds.Record])
    loaded = cds.load_values(path, errors="collect")
    assert_type(loaded, cds.LoadedValues)
    assert_type(loaded.records, tuple[cds.Record, ...])
    assert_type(loaded.problems, tuple[cds.Problem, ...])
    reports = [
        cds.evaluate(record.values, record.year, commune=record.commune, district=record.district)
        for record in records
        if record.year is not None
    ]
    summary = cds.summarize(reports)
    assert_type(summary, cds.Summary)
    for group in summary:
        assert_type(group, cds.DistrictSummary)
        assert_type(group.completed, tuple[str | None, ...])
    check = summary.against(cds.Schedule({"Xã Vĩnh Long": 2025}))
    assert_type(check, cds.ScheduleCheck)
    assert_type(cds.Schedule.load(Path("schedule.csv")), cds.Schedule)
    assert_type(cds.write_reports(reports, "out.csv", lang="en"), Path)
    assert_type(cds.write_template("template.xlsx", 2025, communes=("Xã A",)), Path)
    merged = cds.merge(records, into="Xã Mới")
    assert_type(merged, cds.Record)
    history = cds.trajectory({2024: {"2.5": 50}, 2025: {"2.5": 60}})
    assert_type(history, cds.Trajectory)
    assert_type(history.criteria, tuple[cds.CriterionTrajectory, ...])
