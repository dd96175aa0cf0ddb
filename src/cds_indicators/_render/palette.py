"""The colours of statuses and completions, for every renderer: notebook tables, the HTML page,
plots, and the roles a terminal colours.

A completion is drawn in the colour of the status it resembles (completed as met, not completed
as not met, undetermined as missing), so a page never shows one outcome in two colours.
:data:`TERMINAL_STYLES` gives each role the ``click.style`` arguments a terminal uses for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

from cds_indicators._model.report import Completion, Status

__all__ = [
    "COLOURS",
    "COMPLETION_ROLES",
    "COMPLETION_STATUS",
    "INK",
    "ROW_TINTS",
    "STATUS_ROLES",
    "TERMINAL_STYLES",
    "colour",
    "ink",
]

#: Background colour of each status.
COLOURS: Final[Mapping[Status, str]] = MappingProxyType({
    Status.PASS: "#2e7d32",
    Status.FAIL: "#c62828",
    Status.MISSING: "#f9a825",
    Status.EXEMPT: "#90a4ae",
    Status.NO_TARGET: "#cfd8dc",
})
#: Text colour on each status's background.
INK: Final[Mapping[Status, str]] = MappingProxyType({
    Status.PASS: "#fff",
    Status.FAIL: "#fff",
    Status.MISSING: "#1b1b1b",
    Status.EXEMPT: "#fff",
    Status.NO_TARGET: "#1b1b1b",
})
#: A light tint of a row whose status needs attention.
ROW_TINTS: Final[Mapping[Status, str]] = MappingProxyType({
    Status.FAIL: "#ffebee",
    Status.MISSING: "#fff8e1",
})
#: The status whose colour a completion takes.
COMPLETION_STATUS: Final[Mapping[Completion, Status]] = MappingProxyType({
    Completion.COMPLETED: Status.PASS,
    Completion.NOT_COMPLETED: Status.FAIL,
    Completion.UNDETERMINED: Status.MISSING,
})
#: The role of each status where colour is a role, not a hex value (a terminal).
STATUS_ROLES: Final[Mapping[Status, str]] = MappingProxyType({
    Status.FAIL: "fail",
    Status.MISSING: "missing",
    Status.PASS: "pass",
    Status.EXEMPT: "muted",
    Status.NO_TARGET: "muted",
})
#: The role of each completion, that of its status.
COMPLETION_ROLES: Final[Mapping[Completion, str]] = MappingProxyType(
    {c: STATUS_ROLES[s] for c, s in COMPLETION_STATUS.items()})
#: ``click.style`` arguments of each role in a terminal.
TERMINAL_STYLES: Final[Mapping[str, Mapping[str, Any]]] = MappingProxyType({
    "title": {"bold": True},
    "heading": {"bold": True},
    "header": {"bold": True},
    "pass": {"fg": "green"},
    "fail": {"fg": "red", "bold": True},
    "missing": {"fg": "yellow"},
    "muted": {"dim": True},
})


def _status(of: Status | Completion) -> Status:
    return of if isinstance(of, Status) else COMPLETION_STATUS[of]


def colour(of: Status | Completion) -> str:
    """The background colour of a status, or of the status a completion is drawn as."""
    return COLOURS[_status(of)]


def ink(of: Status | Completion) -> str:
    """The text colour on :func:`colour`'s background."""
    return INK[_status(of)]
