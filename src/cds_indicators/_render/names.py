"""The framework a renderer shows, and the names it takes from it.

Renderers take the :class:`Framework` they render. Where none is given, :func:`framework_for`
takes the one the report or summary was made with (``evaluate`` keeps it on the report,
``summarize`` on the summary); where that is gone too (a report read by ``Report.from_dict``), it
falls back to the shipped framework of the id the report carries. This is the only place that
looks one up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cds_indicators._frameworks.registry import available_frameworks, load_framework
from cds_indicators._model.framework import Framework, Pillar
from cds_indicators._words import Lang

if TYPE_CHECKING:
    from cds_indicators._model.report import Report
    from cds_indicators._rollup.summary import Summary

__all__ = ["framework_for", "pillar_name"]


def framework_for(framework: Framework | None, shown: Report | Summary) -> Framework | None:
    """``framework`` if given; else the framework ``shown`` was made with; else the shipped
    framework of its id; else ``None``."""
    if framework is not None:
        return framework
    if shown._definition is not None:
        return shown._definition
    if shown.framework is None or shown.framework not in available_frameworks():
        return None
    return load_framework(shown.framework)


def _pillar(framework: Framework | None, code: str) -> Pillar | None:
    if framework is None:
        return None
    return next((p for p in framework.pillars if p.code == code), None)


def pillar_name(framework: Framework | None, code: str, lang: Lang = "vi") -> str:
    """The name of pillar ``code`` in ``lang`` (the Vietnamese one when there is no English);
    the code itself when ``framework`` does not have it."""
    pillar = _pillar(framework, code)
    if pillar is None:
        return code
    return pillar.name if lang == "vi" or not pillar.name_en else pillar.name_en
