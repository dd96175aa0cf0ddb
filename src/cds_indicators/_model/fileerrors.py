"""A file the system cannot open, said in the user's language: the system's own text is English
whatever the language chosen, so the common cases have words of their own."""

from __future__ import annotations

import errno
from typing import Final

from cds_indicators._model.errors import Problem

__all__ = ["file_error"]

_CODES: Final = {
    errno.ENOENT: "file_missing",
    errno.EACCES: "file_denied",
    errno.EPERM: "file_denied",
}


def file_error(exc: OSError, source: str) -> Problem:
    """The problem of ``source`` that ``exc`` reports: a known case in words, else the
    system's text."""
    code = _CODES.get(exc.errno or 0)
    if code is not None:
        return Problem.of(code, source=source)
    return Problem.of("file_unreadable", source=source, detail=exc.strerror or exc)
