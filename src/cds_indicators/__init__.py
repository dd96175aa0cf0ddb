"""Decision 1829/QĐ-UBND's commune digital-transformation criteria, as data, with exact verdicts.

>>> import cds_indicators as cds
>>> report = cds.evaluate({"2.5": cds.ratio(19, 33)}, 2024, commune="Xã Vĩnh Long")
>>> print(report["2.5"])
2.5 Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử: 57,6% < 70% (2024) — chưa đạt, cần thêm 5/33

(An illustrative figure, that of ``examples/vinh-long-2024.toml``, not a real result.)
"""

from __future__ import annotations

from typing import Any

from cds_indicators._evaluation.columnar import evaluate_frame
from cds_indicators._evaluation.evidence import Measured, measured
from cds_indicators._evaluation.reading import NOT_APPLICABLE, Ratio, ratio
from cds_indicators._evaluation.scalar import evaluate
from cds_indicators._evaluation.trajectory import CriterionTrajectory, Trajectory, trajectory
from cds_indicators._frameworks.diff import Change, FrameworkDiff, diff
from cds_indicators._frameworks.dump import dump_framework
from cds_indicators._frameworks.registry import available_frameworks, load_framework
from cds_indicators._io.export import write_reports
from cds_indicators._io.template import write_template
from cds_indicators._io.values import LoadedValues, Record, load_values
from cds_indicators._model.errors import (
    CdsError,
    FrameworkError,
    InputError,
    MeasurementError,
    MissingExtraError,
    Problem,
    UnknownCriterionError,
    UnknownYearError,
)
from cds_indicators._model.framework import (
    Band,
    Comparison,
    Criterion,
    Framework,
    Kind,
    Level,
    Pillar,
    Scoring,
    Target,
)
from cds_indicators._model.report import Completion, Report, Status, Verdict
from cds_indicators._render.long import reports_to_frame
from cds_indicators._rollup.merge import merge
from cds_indicators._rollup.ranking import Rank, Ranking
from cds_indicators._rollup.rebase import rebase
from cds_indicators._rollup.schedule import Schedule
from cds_indicators._rollup.successors import Successors
from cds_indicators._rollup.summary import (
    DistrictSummary,
    ScheduleCheck,
    Standing,
    Summary,
    summarize,
)
from cds_indicators._version import __version__ as __version__

__all__ = [
    "NOT_APPLICABLE",
    "Band",
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
    "LoadedValues",
    "Measured",
    "MeasurementError",
    "MissingExtraError",
    "Pillar",
    "Problem",
    "Rank",
    "Ranking",
    "Ratio",
    "Record",
    "Report",
    "Schedule",
    "ScheduleCheck",
    "Scoring",
    "Standing",
    "Status",
    "Successors",
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
    "measured",
    "merge",
    "ratio",
    "rebase",
    "reports_to_frame",
    "summarize",
    "trajectory",
    "write_reports",
    "write_template",
]



def __getattr__(name: str) -> Any:
    # The pint registry is built on first use, never on import.
    if name == "units":
        import importlib

        return importlib.import_module(f"{__name__}.units")
    raise AttributeError(f"module 'cds_indicators' has no attribute {name!r}")
