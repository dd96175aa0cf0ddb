"""The framework a renderer shows, and the names it takes from it.

Renderers take the :class:`Framework` they render. Where none is at hand (a report built by
``Report.from_dict``, a summary made without ``framework=``), :func:`framework_for` falls back to
the shipped framework of the id the reports carry; this is the only place that looks one up.
"""

from __future__ import annotations

from cds_indicators._frameworks.registry import available_frameworks, load_framework
from cds_indicators._model.framework import Framework, Pillar
from cds_indicators._words import Lang

__all__ = ["framework_for", "pillar_name"]


def framework_for(framework: Framework | None, framework_id: str | None) -> Framework | None:
    """``framework`` if given; else the shipped framework ``framework_id``; else ``None``."""
    if framework is not None:
        return framework
    if framework_id is None or framework_id not in available_frameworks():
        return None
    return load_framework(framework_id)


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
