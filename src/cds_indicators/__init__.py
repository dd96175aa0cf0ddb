"""Decision 1829/QĐ-UBND's commune digital-transformation criteria, as data, with exact verdicts.

>>> import cds_indicators as cds
>>> report = cds.evaluate({"2.5": cds.ratio(19, 33)}, 2025, commune="Xã Vĩnh Long")
>>> print(report["2.5"])
2.5 Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử: 57,6% < 80% (2025) — chưa đạt, cần thêm 8/33
"""

from __future__ import annotations

from typing import Any

from ._diff import Change, FrameworkDiff, diff
from ._errors import (
    CdsError,
    FrameworkError,
    InputError,
    MeasurementError,
    MissingExtraError,
    Problem,
    UnknownCriterionError,
    UnknownYearError,
)
from ._evaluate import evaluate
from ._export import write_reports
from ._files import Record, load_values
from ._frames import evaluate_frame
from ._framework import Comparison, Criterion, Framework, Kind, Level, Pillar, Scoring, Target
from ._load import available_frameworks, dump_framework, load_framework
from ._long import reports_to_frame
from ._merge import merge
from ._report import Completion, Report, Status, Verdict
from ._schedule import Schedule
from ._summary import DistrictSummary, ScheduleCheck, Standing, Summary, summarize
from ._template import write_template
from ._trajectory import CriterionTrajectory, Trajectory, trajectory
from ._values import NOT_APPLICABLE, Ratio, ratio

__all__ = [
    "NOT_APPLICABLE",
    "CdsError",
    "Change",
    "Comparison",
    "Completion",
    "Criterion",
    "CriterionTrajectory",
    "DistrictSummary",
    "Framework",
    "FrameworkDiff",
    "FrameworkError",
    "InputError",
    "Kind",
    "Level",
    "MeasurementError",
    "MissingExtraError",
    "Pillar",
    "Problem",
    "Ratio",
    "Record",
    "Report",
    "Schedule",
    "ScheduleCheck",
    "Scoring",
    "Standing",
    "Status",
    "Summary",
    "Target",
    "Trajectory",
    "UnknownCriterionError",
    "UnknownYearError",
    "Verdict",
    "available_frameworks",
    "diff",
    "dump_framework",
    "evaluate",
    "evaluate_frame",
    "load_framework",
    "load_values",
    "merge",
    "ratio",
    "reports_to_frame",
    "summarize",
    "trajectory",
    "write_reports",
    "write_template",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The pint registry is built on first use, never on import.
    if name == "units":
        import importlib

        return importlib.import_module(f"{__name__}.units")
    raise AttributeError(f"module 'cds_indicators' has no attribute {name!r}")
