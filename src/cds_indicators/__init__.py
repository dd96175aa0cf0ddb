"""Decision 1829/QĐ-UBND's commune digital-transformation criteria, as data, with exact verdicts.

>>> import cds_indicators as cds
>>> report = cds.evaluate({"2.5": cds.ratio(19, 33)}, 2024, commune="Xã Vĩnh Long")
>>> print(report["2.5"])
2.5 Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử: 57,6% < 70% (2024) — chưa đạt, cần thêm 5/33

(An illustrative figure, that of ``examples/vinh-long-2024.toml``, not a real result.)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from cds_indicators._version import __version__ as __version__

if TYPE_CHECKING:
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
    from cds_indicators._model.official import OfficialUnit, official_unit
    from cds_indicators._model.report import Completion, Report, Status, Verdict
    from cds_indicators._render.long import reports_to_frame
    from cds_indicators._rollup.merge import merge
    from cds_indicators._rollup.ranking import Rank, Ranking
    from cds_indicators._rollup.rebase import rebase
    from cds_indicators._rollup.schedule import Schedule
    from cds_indicators._rollup.standings import ScheduleCheck, Standing
    from cds_indicators._rollup.successors import Successors
    from cds_indicators._rollup.summary import DistrictSummary, Summary, summarize

#: Where each public name lives: imported on first use (``cds.evaluate``), so that ``import
#: cds_indicators`` loads only the modules the program uses.
_LAZY: dict[str, str] = {
    "evaluate_frame": "cds_indicators._evaluation.columnar",
    "Measured": "cds_indicators._evaluation.evidence",
    "measured": "cds_indicators._evaluation.evidence",
    "NOT_APPLICABLE": "cds_indicators._evaluation.reading",
    "Ratio": "cds_indicators._evaluation.reading",
    "ratio": "cds_indicators._evaluation.reading",
    "evaluate": "cds_indicators._evaluation.scalar",
    "CriterionTrajectory": "cds_indicators._evaluation.trajectory",
    "Trajectory": "cds_indicators._evaluation.trajectory",
    "trajectory": "cds_indicators._evaluation.trajectory",
    "Change": "cds_indicators._frameworks.diff",
    "FrameworkDiff": "cds_indicators._frameworks.diff",
    "diff": "cds_indicators._frameworks.diff",
    "dump_framework": "cds_indicators._frameworks.dump",
    "available_frameworks": "cds_indicators._frameworks.registry",
    "load_framework": "cds_indicators._frameworks.registry",
    "write_reports": "cds_indicators._io.export",
    "write_template": "cds_indicators._io.template",
    "LoadedValues": "cds_indicators._io.values",
    "Record": "cds_indicators._io.values",
    "load_values": "cds_indicators._io.values",
    "CdsError": "cds_indicators._model.errors",
    "FrameworkError": "cds_indicators._model.errors",
    "InputError": "cds_indicators._model.errors",
    "MeasurementError": "cds_indicators._model.errors",
    "MissingExtraError": "cds_indicators._model.errors",
    "Problem": "cds_indicators._model.errors",
    "UnknownCriterionError": "cds_indicators._model.errors",
    "UnknownYearError": "cds_indicators._model.errors",
    "Band": "cds_indicators._model.framework",
    "Comparison": "cds_indicators._model.framework",
    "Criterion": "cds_indicators._model.framework",
    "Framework": "cds_indicators._model.framework",
    "Kind": "cds_indicators._model.framework",
    "Level": "cds_indicators._model.framework",
    "Pillar": "cds_indicators._model.framework",
    "Scoring": "cds_indicators._model.framework",
    "Target": "cds_indicators._model.framework",
    "OfficialUnit": "cds_indicators._model.official",
    "official_unit": "cds_indicators._model.official",
    "Completion": "cds_indicators._model.report",
    "Report": "cds_indicators._model.report",
    "Status": "cds_indicators._model.report",
    "Verdict": "cds_indicators._model.report",
    "reports_to_frame": "cds_indicators._render.long",
    "merge": "cds_indicators._rollup.merge",
    "Rank": "cds_indicators._rollup.ranking",
    "Ranking": "cds_indicators._rollup.ranking",
    "rebase": "cds_indicators._rollup.rebase",
    "Schedule": "cds_indicators._rollup.schedule",
    "Successors": "cds_indicators._rollup.successors",
    "DistrictSummary": "cds_indicators._rollup.summary",
    "ScheduleCheck": "cds_indicators._rollup.standings",
    "Standing": "cds_indicators._rollup.standings",
    "Summary": "cds_indicators._rollup.summary",
    "summarize": "cds_indicators._rollup.summary",
}

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
    "OfficialUnit",
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
    "official_unit",
    "ratio",
    "rebase",
    "reports_to_frame",
    "summarize",
    "trajectory",
    "write_reports",
    "write_template",
]



def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is not None:
        value = getattr(importlib.import_module(where), name)
        globals()[name] = value  # looked up once
        return value
    # The pint registry is built on first use, never on import.
    if name == "units":
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'cds_indicators' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
