"""Which commune of today's map each former commune became (the 1 July 2025 arrangement).

A :class:`Successors` is read from a mapping, from a CSV or XLSX file an office can write
(columns ``Xã cũ``, ``Huyện cũ``, ``Xã mới`` and, for a former commune split between several new
ones, ``Tỷ lệ``: the share of it each new commune took), or, with the ``[admin]`` extra, from the
official arrangement (:meth:`Successors.official`). Names are matched as people write them (with
or without ``Xã``, in any case): :mod:`cds_indicators._model.places`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction
from numbers import Integral, Real
from os import PathLike, fspath
from pathlib import Path
from typing import Any

import attrs

from cds_indicators._model.errors import InputError, Problem
from cds_indicators._model.numbers import exact_float, is_missing
from cds_indicators._model.official import ARRANGEMENT_YEAR, placed_or_noted
from cds_indicators._model.places import Places
from cds_indicators._words.format import exact
from cds_indicators._words.headers import SUCCESSOR_COLUMNS, fold_header

__all__ = ["Successors"]

#: A former commune: (its district or ``None``, its name).
Key = tuple[str | None, str]
#: The new communes a former commune went to, each with its share (``None``: the whole of it,
#: or a share not given).
Shares = Mapping[str, Fraction | None]


def _share(value: Any) -> Fraction | None:
    """A share as written (``1/2``, ``0.5``, ``50%``, a number), or ``None`` when it is not one
    in (0, 1]."""
    found: Fraction | None = None
    if isinstance(value, bool):
        return None
    if isinstance(value, Fraction | Integral):
        found = Fraction(value)
    elif isinstance(value, Real):
        found = exact_float(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", ".")
        scale = 100 if text.endswith("%") else 1
        try:
            found = Fraction(text.rstrip("%").strip()) / scale
        except (ValueError, ZeroDivisionError):
            return None
    return found if found is not None and 0 < found <= 1 else None


def _official(key: Key, news: list[str], problems: list[Problem],
              **place: Any) -> tuple[Key, list[str]]:
    """A former commune and its new communes with the codes among them (*mã đơn vị hành
    chính*, ``[admin]``) read as the names they stand for: a former commune's in the list
    before the arrangement, a new commune's in the list after it. A bad code is a problem."""
    district, old = key
    former = placed_or_noted(old, ARRANGEMENT_YEAR - 1, problems, district=district, **place)
    if former is not None:
        district, old = former.district, former.commune
    named = [placed_or_noted(new, ARRANGEMENT_YEAR, problems, **place) for new in news]
    return (district, old), [new if found is None else found.commune
                             for new, found in zip(news, named, strict=True)]


def _entries(given: Any) -> dict[Key, dict[str, Fraction | None]]:
    if isinstance(given, Successors):
        return {k: dict(v) for k, v in given.entries.items()}
    if not isinstance(given, Mapping):
        raise TypeError(f"successors must be a mapping, a file or Successors, not {given!r}")
    entries: dict[Key, dict[str, Fraction | None]] = {}
    problems: list[Problem] = []
    for key, new in given.items():
        district, old = key if isinstance(key, tuple) and len(key) == 2 else (None, key)
        if not isinstance(old, str) or not old.strip() or not (
                district is None or isinstance(district, str)):
            problems.append(Problem.of("successor_bad_entry", value=key))
            continue
        if isinstance(new, str) and new.strip():
            named, [new] = _official((district, old.strip()), [new.strip()], problems)
            entries[named] = {new: None}
            continue
        if isinstance(new, Mapping | list | tuple) and new and all(
                isinstance(n, str) and n.strip() for n in new):
            given_shares = list(new.values()) if isinstance(new, Mapping) else [
                None] * len(new)
            named, news = _official((district, old.strip()), [n.strip() for n in new],
                                    problems)
            entries[named] = _checked(named[1], dict(zip(news, given_shares, strict=True)),
                                      problems)
            continue
        problems.append(Problem.of("successor_bad_entry", value=old))
    if problems:
        raise InputError(problems)
    return entries


def _checked(old: str, shares: Mapping[str, Any], problems: list[Problem],
             **place: Any) -> dict[str, Fraction | None]:
    """The shares of ``old``'s new communes, each checked; given for all or none of them and,
    when given, adding up to 1."""
    found: dict[str, Fraction | None] = {}
    for new, share in shares.items():
        if share is None or is_missing(share) or share == "":
            found[new] = None
            continue
        value = _share(share)
        if value is None:
            problems.append(Problem.of("successor_bad_share", old=old, value=new, share=share,
                                       **place))
        found[new] = value
    given = [s for s in found.values() if s is not None]
    if given and (len(given) < len(found) or sum(given) != 1):
        problems.append(Problem.of("successor_shares_sum", old=old,
                                   total=exact(sum(given, Fraction(0))), **place))
    return found


@attrs.frozen
class Successors:
    """Former commune → the commune(s) of today's map it became, with the share of each when a
    former commune was split.

    Built from a mapping whose keys are former communes (a name, or a ``(district, name)``
    pair where names repeat across districts) and whose values are the new commune's name, or a
    mapping of new commune → share (``Fraction(1, 2)``, ``"50%"``) for a split commune.

    >>> successors = Successors({"Xã Vĩnh Thịnh": "Xã Biện Thượng",
    ...                          ("Vĩnh Lộc", "Xã Vĩnh Long"): "Xã Tây Đô"})
    >>> successors.of("Vĩnh Thịnh"), successors.of("Xã Vĩnh Long", "Huyện Vĩnh Lộc")
    ({'Xã Biện Thượng': None}, {'Xã Tây Đô': None})
    >>> successors.communes
    ('Xã Biện Thượng', 'Xã Tây Đô')
    """

    entries: Mapping[Key, Shares] = attrs.field(converter=_entries, hash=False)
    """(district or ``None``, former commune) → {new commune: share or ``None``}."""
    source: str | None = attrs.field(default=None, kw_only=True)
    """Where the mapping was read: a file's path, or the package and edition it came from."""
    _places: Places[Shares] = attrs.field(init=False, eq=False, repr=False, hash=False)

    @_places.default
    def _index(self) -> Places[Shares]:
        return Places(self.entries)

    @classmethod
    def load(cls, path: str | PathLike[str]) -> Successors:
        """The mapping in a CSV or XLSX file: a header naming ``Xã cũ`` (former commune) and
        ``Xã mới`` (new commune), optionally ``Huyện cũ`` (former district) and ``Tỷ lệ``
        (share); one row per former commune, or per (former commune, new commune) when it was
        split. Every problem of the file is reported at once, each with its row."""
        source = fspath(path)
        rows, problems = read_rows(Path(source), source)
        grouped: dict[Key, dict[str, Any]] = {}
        firsts: dict[tuple[Key, str], int] = {}
        for row, district, old, new, share in rows:
            key, [new] = _official((district, old), [new], problems, source=source, row=row)
            if (key, new) in firsts:
                problems.append(Problem.of("successor_duplicate", old=old, value=new,
                                           first=firsts[(key, new)], source=source, row=row))
                continue
            firsts[(key, new)] = row
            grouped.setdefault(key, {})[new] = share
        entries = {key: _checked(key[1], shares, problems, source=source,
                                 row=firsts[(key, next(iter(shares)))])
                   for key, shares in grouped.items()}
        if problems:
            raise InputError(sorted(problems, key=lambda p: p.row or 0))
        return cls(entries, source=source)

    @classmethod
    def official(cls, province: str) -> Successors:
        """The official 2025 arrangement of ``province`` (``"Thanh Hóa"``), from the data the
        ``[admin]`` extra installs (``vietnamadminunits``, edition pinned in
        ``pyproject.toml``). A former commune split between several new ones is given without
        shares: :func:`rebase` refuses it unless shares are added."""
        from cds_indicators._rollup.admin import official_successors

        entries, source = official_successors(province)
        return cls(entries, source=source)

    def of(self, commune: str, district: str | None = None) -> dict[str, Fraction | None] | None:
        """The new communes ``commune`` (of ``district``) went to, each with its share."""
        found = self._places.get(commune, district)
        return None if found is None else dict(found)

    def nearest(self, commune: str) -> str | None:
        """The former commune whose name is most like ``commune``, when it is a likely
        misspelling."""
        return self._places.nearest(commune)

    @property
    def communes(self) -> tuple[str, ...]:
        """The communes of today's map, in the order they first appear."""
        return tuple(dict.fromkeys(new for shares in self.entries.values() for new in shares))

    def parts(self, commune: str) -> tuple[Key, ...]:
        """The former communes that went (wholly or in part) to today's ``commune``."""
        return tuple(key for key, shares in self.entries.items() if commune in shares)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Key]:
        return iter(self.entries)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: one row per former commune and new commune, shares as exact text."""
        return {"source": self.source, "successors": [
            {"district": d, "commune": c, "new": new, "share": exact(share)}
            for (d, c), shares in self.entries.items() for new, share in shares.items()]}


#: The columns of a successors file, by their role in the header vocabulary.
_ROLES = ("former_commune", "new_commune", "former_district", "share")

Row = tuple[int, str | None, str, str, Any]


def _cell(line: list[Any], columns: dict[str, int], role: str) -> Any:
    index = columns.get(role)
    value = line[index] if index is not None and index < len(line) else None
    return value.strip() if isinstance(value, str) else value


def read_rows(path: Path, source: str) -> tuple[list[Row], list[Problem]]:
    """The rows of a successors file (CSV, or every sheet of an XLSX workbook): (row, former
    district, former commune, new commune, share as written); and the problems of its rows."""
    if path.suffix.lower() == ".xlsx":
        from cds_indicators._io.xlsx import read_workbook

        tables = read_workbook(path, source)
    else:
        from cds_indicators._io.cells import read_csv_text

        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise InputError([Problem.of("not_utf8", source=source)]) from None
        except OSError as exc:
            raise InputError([Problem.of("file_unreadable", source=source,
                                         detail=exc.strerror or exc)]) from None
        read = read_csv_text(text, source)
        if isinstance(read, Problem):
            raise InputError([read])
        tables = [read]
    rows: list[Row] = []
    problems: list[Problem] = []
    for table in tables:
        cells = [list(row) for row in table.rows]
        header = cells[0] if cells else []
        columns: dict[str, int] = {}
        for index, cell in enumerate(header):
            role = SUCCESSOR_COLUMNS.get(fold_header(cell)) if isinstance(cell, str) else None
            if role in _ROLES:
                columns.setdefault(role, index)
        absent = [label for role, label in (("former_commune", "Xã cũ"),
                                            ("new_commune", "Xã mới")) if role not in columns]
        if absent:
            found = ", ".join(str(h) for h in header if h not in (None, "")) or "—"
            problems.append(Problem.of("successor_columns", columns=", ".join(absent),
                                       found=found, source=source, sheet=table.sheet, row=1))
            continue

        for number, line in enumerate(cells[1:], start=2):
            old, new = _cell(line, columns, "former_commune"), _cell(line, columns, "new_commune")
            if not old and not new:
                continue
            if not isinstance(old, str) or not old or not isinstance(new, str) or not new:
                problems.append(Problem.of("successor_bad_entry", value=old or new,
                                           source=source, sheet=table.sheet, row=number))
                continue
            district = _cell(line, columns, "former_district")
            rows.append((number, str(district) if district else None, old, new,
                         _cell(line, columns, "share")))
    return rows, problems
