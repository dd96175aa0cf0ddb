"""The one door from the model and the roll-ups to their presentation.

A :class:`~cds_indicators.Report` or :class:`~cds_indicators.Summary` keeps its conveniences for
a screen (``_repr_html_``, ``plot``, ``to_frame``, the summary's text) but owns none of that
presentation: each calls :func:`show` with the name of a view, and :data:`VIEWS` names the
function in ``cds_indicators._render`` that draws it, as ``"module:function"``. The module is
imported with :mod:`importlib` on the first call and the function kept, so the model holds no
import statement of a renderer (the layers stay one-directional: render imports the model, never
the other way round) and ``import cds_indicators`` loads no renderer it does not use.

A new view is one row here and one function in ``_render``; the function takes the object
first, then the arguments the convenience passes on.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import Any, Final

__all__ = ["VIEWS", "show"]

#: View name → ``"module:function"`` that renders it.
VIEWS: Final = {
    "report_frame": "cds_indicators._render.long:reports_to_frame",
    "report_html": "cds_indicators._render.notebook:report_html",
    "report_plot": "cds_indicators._render.plot:plot_report",
    "summary_html": "cds_indicators._render.notebook:summary_html",
    "summary_plot": "cds_indicators._render.plot:plot_summary",
    "summary_text": "cds_indicators._render.summary:summary_text",
    "district_lines": "cds_indicators._render.summary:district_lines",
    "schedule_lines": "cds_indicators._render.summary:schedule_lines",
    "schedule_text": "cds_indicators._render.summary:schedule_text",
    "ranking_text": "cds_indicators._render.ranking:ranking_text",
}


@functools.cache
def _renderer(view: str) -> Callable[..., Any]:
    module, _, name = VIEWS[view].partition(":")
    found: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return found


def show(view: str, *args: Any, **kwargs: Any) -> Any:
    """What the renderer of ``view`` (a key of :data:`VIEWS`) returns for ``args``."""
    return _renderer(view)(*args, **kwargs)
