"""Registers cds-indicators' strategies with hypothesis when hypothesis is imported.

Found through the ``hypothesis`` entry point in ``pyproject.toml``; hypothesis calls
:func:`_hypothesis_setup_hook` once, after it has finished importing. The strategies themselves
are built lazily, on first use.
"""

from __future__ import annotations

from typing import Any

__all__ = ["_hypothesis_setup_hook"]


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    from cds_indicators._evaluation.reading import Ratio
    from cds_indicators._model.framework import Criterion, Framework
    from cds_indicators._model.report import Report, Verdict

    def lazy(kind: type) -> Any:
        def build() -> Any:
            from cds_indicators.strategies import TYPE_STRATEGIES

            return TYPE_STRATEGIES[kind]()

        return st.deferred(build)

    for kind in (Framework, Criterion, Report, Verdict, Ratio):
        st.register_type_strategy(kind, lazy(kind))
