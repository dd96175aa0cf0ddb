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

    from ._framework import Criterion, Framework
    from ._report import Report, Verdict
    from ._values import Ratio

    def lazy(kind: type) -> Any:
        def build() -> Any:
            from .strategies import TYPE_STRATEGIES

            return TYPE_STRATEGIES[kind]()

        return st.deferred(build)

    for kind in (Framework, Criterion, Report, Verdict, Ratio):
        st.register_type_strategy(kind, lazy(kind))
