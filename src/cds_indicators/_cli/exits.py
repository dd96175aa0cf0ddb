"""The command line's exit statuses."""

from __future__ import annotations

__all__ = ["EXIT_INCOMPLETE", "EXIT_INPUT", "EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE"]

EXIT_OK = 0
#: A commune has not completed (with ``--fail-on-incomplete``).
EXIT_INCOMPLETE = 1
EXIT_USAGE = 2
#: An input error; every problem is listed with its place.
EXIT_INPUT = 3
#: A bug in the program.
EXIT_INTERNAL = 4
