"""Decision 1829/QĐ-UBND's commune digital-transformation criteria, as data, with exact verdicts.

>>> import cds_indicators as cds
>>> report = cds.evaluate({"2.5": cds.ratio(19, 33)}, 2025, commune="Xã Vĩnh Long")
>>> print(report["2.5"])
2.5 Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử: 57,6% < 80% (2025) — chưa đạt, cần thêm 8/33
"""

from __future__ import annotations

from typing import Any

from ._errors import (
    CdsError,
    FrameworkError,
    InputError,
    MeasurementError,
    Problem,
    UnknownCriterionError,
    UnknownYearError,
)
from ._evaluate import evaluate
from ._framework import Comparison, Criterion, Framework, Kind, Pillar, Target
from ._load import available_frameworks, load_framework
from ._report import Completion, Report, Status, Verdict
from ._values import NOT_APPLICABLE, Ratio, ratio

__all__ = [
    "NOT_APPLICABLE",
    "CdsError",
    "Comparison",
    "Completion",
    "Criterion",
    "Framework",
    "FrameworkError",
    "InputError",
    "Kind",
    "MeasurementError",
    "Pillar",
    "Problem",
    "Ratio",
    "Report",
    "Status",
    "Target",
    "UnknownCriterionError",
    "UnknownYearError",
    "Verdict",
    "available_frameworks",
    "evaluate",
    "load_framework",
    "ratio",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The pint registry is built on first use, never on import.
    if name == "units":
        from . import units

        return units
    raise AttributeError(f"module 'cds_indicators' has no attribute {name!r}")
