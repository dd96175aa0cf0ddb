"""The ``failed`` column: each row's set of failed criteria, kept as bits while the statuses are
decided, and its text (the ids not met, joined by ``", "``) made once per distinct set.

A row's set is one bit per criterion, packed a byte at a time as each criterion's statuses are
decided (never a boolean array per criterion held to the end). A text is put together from the
texts of the set's groups of 11 criteria (every subset of a group's ids, made once per
framework), taken by the group's bits: in the library of the result where it can build text
itself (Arrow, polars), so that no Python string is made for a row; for pandas, whose
``failed`` categorical holds one text per distinct set, by Arrow where pandas' own text is
Arrow's, else as Python strings. Where rows share sets (a year that mostly passes), the sets
are told apart first and each text is made once.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from typing import Any

__all__ = ["FailedSets", "repeats"]

#: Criteria per group whose every subset has its text made once (2**11 texts per group).
_GROUP = 11


class FailedSets:
    """The set of failed criteria of every row, a criterion at a time (:meth:`add`)."""

    def __init__(self, np: Any, ids: tuple[str, ...], rows: int) -> None:
        self._np = np
        self.ids = ids
        # One byte per 8 criteria, per row; rounded up to whole 64-bit words.
        self._bytes = np.zeros((-(-max(len(ids), 1) // 64) * 8, rows), dtype=np.uint8)

    def add(self, k: int, failed: Any) -> None:
        """Criterion ``k`` failed where ``failed`` (a boolean array) is true."""
        np = self._np
        # A product, not a shift: NumPy multiplies bytes many at a time.
        np.bitwise_or(self._bytes[k >> 3], failed.view(np.uint8) * np.uint8(1 << (k & 7)),
                      out=self._bytes[k >> 3])

    def keys(self) -> Any:
        """Each row's set as one integer, the first criterion the lowest bit (up to 64
        criteria)."""
        np = self._np
        packed, self._bytes = self._bytes, np.zeros((0, 0), dtype=np.uint8)
        assert packed.shape[0] == 8
        # Only the bytes that hold criteria are copied, each into its place in the words.
        words = np.zeros((packed.shape[1], 8), dtype=np.uint8)
        for b in range(-(-len(self.ids) // 8)):
            words[:, b] = packed[b]
        return words.view("<u8").reshape(-1)

    def distinct(self, factorize: Any = None) -> tuple[Any, Any]:
        """The distinct sets and each row's position among them. Up to 64 criteria, a set is
        one integer (:meth:`keys`) and the sets come the empty one first, then in the order of
        those integers; beyond, a set is its bytes (the first criterion the highest bit) and
        the sets come in the order of those bytes. ``factorize`` (pandas') tells sets apart
        by hashing where many rows share a set, instead of sorting every row."""
        np = self._np
        if self._bytes.shape[0] > 8:
            packed, self._bytes = self._bytes, np.zeros((0, 0), dtype=np.uint8)
            flipped = _reversed_bytes()[packed[:-(-len(self.ids) // 8)]]
            uniques, inverse = np.unique(flipped.T, axis=0, return_inverse=True)
            return uniques, inverse.reshape(-1)
        uniques, inverse = _sorted_distinct(np, self.keys(), len(self.ids), factorize)
        if not len(uniques) or uniques[0]:
            # The empty set always has its text (index 0), even when every row failed something.
            uniques = np.concatenate([np.zeros(1, dtype=uniques.dtype), uniques])
            inverse += 1
        return uniques, inverse

    def python_texts(self, uniques: Any) -> Any:
        """The text of each set (:meth:`distinct`), as Python strings in an object array
        (filled as they are made: an array made from a list looks into every string)."""
        np = self._np
        if uniques.ndim > 1:
            bits = np.unpackbits(uniques, axis=1)[:, :len(self.ids)].astype(bool)
            texts: Iterator[str] = (", ".join(itertools.compress(self.ids, row))
                                    for row in bits.tolist())
        else:
            pieces = [_group_texts(self.ids, start)[_pick(np, uniques, start, len(self.ids))]
                      .tolist() for start in range(0, len(self.ids), _GROUP)]
            texts = map("".join, zip(*pieces, strict=True))
        return np.fromiter(texts, dtype=object, count=len(uniques))

    def arrow_texts(self, pa: Any, keys: Any) -> Any:
        """The text of each set (:meth:`keys`), as an Arrow string array, in one take: the
        texts of each set's groups are taken side by side from one array of every group's
        texts, so that each set's text is its pieces one after another, and the array's
        offsets are every group-th offset of the pieces'."""
        np = self._np
        starts = range(0, len(self.ids), _GROUP)
        if not starts:
            return pa.array([""] * len(keys), type=pa.string())
        table, first = _arrow_group_table(pa, self.ids)
        at = np.empty((len(keys), len(starts)), dtype=np.int64)
        for j, start in enumerate(starts):
            np.add(_pick(np, keys, start, len(self.ids)), first[j], out=at[:, j])
        pieces = table.take(pa.array(at.reshape(-1)))
        _, offsets, data = pieces.buffers()
        ends = np.frombuffer(offsets, dtype=np.int64)[pieces.offset::len(starts)]
        ends = ends[:len(keys) + 1]
        if len(ends) and ends[-1] < 1 << 31:  # Arrow's plain string: 32-bit offsets
            return pa.StringArray.from_buffers(len(keys), pa.py_buffer(ends.astype(np.int32)),
                                               data)
        return pa.LargeStringArray.from_buffers(len(keys), pa.py_buffer(ends.copy()), data)

    def polars_texts(self, pl: Any, keys: Any) -> Any:
        """The text of each set (:meth:`keys`), as a polars string series."""
        np = self._np
        pieces = [_polars_group_texts(pl, self.ids, start).gather(
            ((keys >> np.uint64(start)) & np.uint64((1 << _GROUP) - 1)).astype(np.uint32))
            for start in range(0, len(self.ids), _GROUP)]
        return pl.select(pl.concat_str(pieces, separator=", ", ignore_nulls=True)).to_series()


def repeats(np: Any, keys: Any) -> bool:
    """Whether the first rows' sets repeat (at most half of them distinct): then telling the
    sets apart first pays, as in a year that mostly passes; not when nearly every row is
    different."""
    sample = keys[:1024]
    return len(np.unique(sample)) * 2 <= len(sample)


def _sorted_distinct(np: Any, keys: Any, width: int, factorize: Any) -> tuple[Any, Any]:
    """``np.unique(keys, return_inverse=True)`` for keys of ``width`` bits, quicker: by hashing
    when a sample of the keys repeats (then only the distinct keys are sorted), else by one
    sort of the keys."""
    if factorize is not None and repeats(np, keys):
        codes, found = factorize(keys)
        order = np.argsort(found)
        rank = np.empty(len(found), dtype=np.intp)
        rank[order] = np.arange(len(found), dtype=np.intp)
        return found[order], rank[codes]
    order, ordered = _sorted(np, keys, width)
    first = np.empty(len(keys), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    inverse = np.empty(len(keys), dtype=np.intp)
    inverse[order] = np.cumsum(first) - 1
    return ordered[first], inverse


def _sorted(np: Any, keys: Any, width: int) -> tuple[Any, Any]:
    """An order that sorts ``keys`` (of ``width`` bits), and the keys in that order. Where each
    row's number fits in the bits the keys leave free, keys and rows are packed in one word
    and the words sorted: NumPy sorts plain words several times quicker than it finds the
    order that sorts them."""
    shift = max(len(keys) - 1, 0).bit_length()
    if width + shift > 64:
        order = np.argsort(keys)
        return order, keys[order]
    packed = keys << np.uint64(shift)
    packed |= np.arange(len(keys), dtype=np.uint64)
    packed.sort()
    order = (packed & np.uint64((1 << shift) - 1)).astype(np.intp)
    packed >>= np.uint64(shift)
    return order, packed


def _pick(np: Any, keys: Any, start: int, count: int) -> Any:
    """Each set's text for the group of criteria from ``start``, as a position in
    :func:`_group_texts`: the group's bits, in the second half where an earlier group has
    failed criteria (whose text the group's then follows with ``", "``). ``count`` is the
    number of criteria."""
    size = min(_GROUP, count - start)
    bits = ((keys >> np.uint64(start)) & np.uint64((1 << size) - 1)).astype(np.intp)
    if start:
        bits |= ((keys & np.uint64((1 << start) - 1)) != 0).astype(np.intp) << size
    return bits


@functools.cache
def _reversed_bytes() -> Any:
    """Each byte with its bits in the opposite order: a table indexed by bytes."""
    import numpy as np

    return np.packbits(np.unpackbits(np.arange(256, dtype=np.uint8)[:, None], axis=1,
                                     bitorder="little"), axis=1).reshape(-1)


def _subsets(ids: tuple[str, ...], start: int) -> list[list[str]]:
    """For each value of a group's bits, the ids of the group whose bit is set."""
    group = ids[start:start + _GROUP]
    return [list(itertools.compress(group, ((b >> i) & 1 for i in range(len(group)))))
            for b in range(1 << len(group))]


@functools.cache
def _group_texts(ids: tuple[str, ...], start: int) -> Any:
    """Each subset's ids joined by ``", "``, then again each led by ``", "`` (for a group
    after one with failed criteria): an object array indexed by :func:`_pick`."""
    import numpy as np

    first = [", ".join(subset) for subset in _subsets(ids, start)]
    return np.array(first + [text and ", " + text for text in first], dtype=object)


@functools.cache
def _arrow_group_table(pa: Any, ids: tuple[str, ...]) -> tuple[Any, tuple[int, ...]]:
    """The texts of every group (:func:`_group_texts`) one group after another, as one Arrow
    array with 64-bit offsets, and the position of each group's first text in it."""
    groups = [_group_texts(ids, start).tolist() for start in range(0, len(ids), _GROUP)]
    first = tuple(itertools.accumulate((len(g) for g in groups[:-1]), initial=0))
    return pa.array([t for g in groups for t in g], type=pa.large_string()), first


@functools.cache
def _polars_group_texts(pl: Any, ids: tuple[str, ...], start: int) -> Any:
    # A group that failed nothing adds nothing: null, skipped when the groups are joined.
    return pl.Series([", ".join(subset) or None for subset in _subsets(ids, start)],
                     dtype=pl.String)

