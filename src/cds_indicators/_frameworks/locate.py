"""Where a key path is in a framework file's text: ``tomllib`` gives values, never lines."""

from __future__ import annotations

import re

__all__ = ["Locator"]

_HEADER = re.compile(r"\s*\[\[?\s*([A-Za-z0-9_.\"-]+)\s*\]\]?")
_PATH = re.compile(r"\$(?:\.(\w+)(?:\[(\d+)\])?)?(?:\.(\w+)|\['?(\w+)'?\])?")


class Locator:
    """Line numbers of tables and keys, found by scanning the text."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.tables: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines, start=1):
            match = _HEADER.match(line)
            if match and not line.lstrip().startswith("#"):
                self.tables.setdefault(match[1], []).append(number)

    def line(self, path: str) -> int | None:
        """The line of ``path`` (``$.criteria[3].targets.2024``), as near as it can be found."""
        match = _PATH.match(path)
        if match is None or match[1] is None:
            return None
        table, index, key = match[1], match[2], match[3] or match[4]
        starts = self.tables.get(table)
        if starts is None:
            return self._key_line(0, table)
        position = int(index) if index is not None else 0
        if position >= len(starts):
            return None
        start = starts[position]
        return self._key_line(start, key) or start if key else start

    def _key_line(self, start: int, key: str | None) -> int | None:
        if key is None:
            return None
        pattern = re.compile(rf"\s*\"?{re.escape(key)}\"?\s*=")
        for number in range(start + 1 if start else 1, len(self.lines) + 1):
            line = self.lines[number - 1]
            if start and _HEADER.match(line) and not line.lstrip().startswith("#"):
                return None
            if pattern.match(line):
                return number
        return None
