"""Finding a place by its name as people write it: with or without ``Xã``/``Huyện``/…, in any
case, with combining or precomposed accents; and the nearest name when there is no match.

The schedule, :func:`merge`'s parts and :func:`rebase`'s successors all look names up here, so
``Vĩnh Thịnh``, ``xã Vĩnh Thịnh`` and ``Xã Vĩnh Thịnh`` are one commune everywhere.

>>> places = Places({("Vĩnh Lộc", "Xã Vĩnh Thịnh"): 2023, (None, "Thị trấn Vĩnh Lộc"): 2023})
>>> places.get("Vĩnh Thịnh", "Huyện Vĩnh Lộc"), places.get("thị trấn vĩnh lộc")
(2023, 2023)
>>> places.nearest("Xã Vĩnh Thinh")
'Xã Vĩnh Thịnh'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any, Generic, TypeVar

from cds_indicators._model.errors import Problem
from cds_indicators._words.names import name_key, split_prefix

__all__ = ["Places", "named", "nearest"]

V = TypeVar("V")

#: How alike two folded names must be (difflib's ratio) for one to be suggested for the other.
CUTOFF = 0.8


def nearest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``name`` (compared without prefixes, folded), if any is alike
    enough to be a likely misspelling of it; ``None`` otherwise."""
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(name_key(candidate), candidate)
    found = difflib.get_close_matches(name_key(name), list(by_key), n=1, cutoff=CUTOFF)
    return by_key[found[0]] if found else None


def named(code: str, near: str | None, **fields: Any) -> Problem:
    """The problem ``code`` about a name, with the nearest name when there is one (its
    ``<code>_near`` message: ``…; có phải ý bạn là 'Xã Vĩnh Thịnh'?``)."""
    if near is None:
        return Problem.of(code, **fields)
    return Problem.of(f"{code}_near", near=near, **fields)


class Places(Generic[V]):
    """Values keyed by (district or ``None``, place name), looked up by name as people write it.

    A name matches an entry with the same prefix, or either side without one (``Vĩnh Thịnh``
    finds ``Xã Vĩnh Thịnh``; ``Thị trấn Vĩnh Lộc`` never finds ``Xã Vĩnh Lộc``). An entry naming
    the district is preferred; an entry without a district matches the place in any district.
    The index is built once, when the places are given.
    """

    __slots__ = ("_index", "_names")

    def __init__(self, entries: Mapping[tuple[str | None, str], V]) -> None:
        self._index: dict[tuple[str | None, str], list[tuple[str | None, V]]] = {}
        for (district, name), value in entries.items():
            prefix, _ = split_prefix(name)
            key = (None if district is None else name_key(district), name_key(name))
            self._index.setdefault(key, []).append((prefix, value))
        self._names = tuple(dict.fromkeys(name for _, name in entries))

    def _find(self, district: str | None, name: str) -> V | None:
        prefix, _ = split_prefix(name)
        found = self._index.get((district, name_key(name)), ())
        for wanted in (prefix, None):  # the same prefix first, then an entry without one
            for has, value in found:
                if has == wanted or (prefix is None and wanted is None):
                    return value
        return None

    def get(self, name: str | None, district: str | None = None) -> V | None:
        """The value of ``name`` (of ``district``), or ``None``."""
        if name is None:
            return None
        if district is not None:
            found = self._find(name_key(district), name)
            if found is not None:
                return found
        return self._find(None, name)

    def nearest(self, name: str) -> str | None:
        """The name most like ``name`` among the places, when it is a likely misspelling."""
        return nearest(name, self._names)
