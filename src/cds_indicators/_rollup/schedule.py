"""The assignment schedule: the year by which each commune must complete digital transformation.

Decision 969/QĐ-UBND (18 March 2022) gave every commune of Thanh Hóa a year, 2022 to 2025. A
:class:`Schedule` holds those years, read from a mapping, a CSV file (columns ``commune`` and
``year``, or ``Xã`` (``Tên xã``) and ``Năm``, optionally ``district``/``Huyện``: the header words of
:mod:`cds_indicators._words.headers`, read as :func:`load_values` reads them) or a TOML file (a
``[schedule]`` table of commune = year, optionally one sub-table per district).
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterator, Mapping
from os import PathLike, fspath
from pathlib import Path
from typing import Any

import attrs

from cds_indicators._io.limits import read_bounded
from cds_indicators._model.errors import InputError, Problem
from cds_indicators._model.numbers import whole_number
from cds_indicators._model.official import placed_or_noted
from cds_indicators._model.places import Places
from cds_indicators._words.headers import header_role

__all__ = ["Schedule"]

#: The columns a schedule table reads, by their role in the header vocabulary.
_ROLES = ("commune", "year", "district")

#: A place in the schedule: (district or ``None``, commune).
Key = tuple[str | None, str]


def _name(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def _year(value: Any) -> int | None:
    """``value`` as a year, or ``None`` when it is not one (booleans and fractions are not)."""
    year = whole_number(value)
    return year if year is not None and 1900 <= year <= 2200 else None


def _entries(years: Any) -> dict[Key, int]:
    """The schedule's entries, each checked; every problem reported at once."""
    if isinstance(years, Schedule):
        return dict(years.entries)
    if not isinstance(years, Mapping):
        raise InputError([Problem.of("not_a_table", value=years)])
    entries: dict[Key, int] = {}
    problems = []
    for key, value in years.items():
        if isinstance(key, tuple) and len(key) == 2:
            district, commune = key
        else:
            district, commune = None, key
        if not isinstance(commune, str) or not commune.strip() or not (
            district is None or (isinstance(district, str) and district.strip())
        ):
            problems.append(Problem.of("schedule_bad_commune", value=key))
            continue
        year = _year(value)
        if year is None:
            problems.append(Problem.of("schedule_bad_year", value=value, path=f"$[{key!r}]"))
            continue
        # A commune given by its code ([admin]), as the list of its year names it.
        found = placed_or_noted(commune, year, problems, district=district, path=f"$[{key!r}]")
        commune = commune if found is None else found.commune
        entries[(None if district is None else _name(district), _name(commune))] = year
    if problems:
        raise InputError(problems)
    return entries


@attrs.frozen
class Schedule:
    """Commune → the year by which it must complete (Decision 969/QĐ-UBND).

    Built from a mapping of commune names to years; a key may also be a ``(district, commune)``
    pair where names repeat across districts. Names are compared after NFC normalisation, so a
    name typed with combining accents matches the same name precomposed.

    >>> schedule = Schedule({"Xã Vĩnh Long": 2024, ("Vĩnh Lộc", "Xã Vĩnh Thịnh"): 2023})
    >>> schedule.year_of("Xã Vĩnh Thịnh", "Vĩnh Lộc"), schedule.year_of("Xã Vĩnh Long")
    (2023, 2024)
    >>> print(schedule.year_of("Xã Nga Trung"))
    None
    """

    entries: Mapping[Key, int] = attrs.field(converter=_entries, hash=False)
    """(district or ``None``, commune) → year, in the order given."""
    _places: Places[int] = attrs.field(init=False, eq=False, repr=False, hash=False)

    @_places.default
    def _index(self) -> Places[int]:
        return Places(self.entries)

    @classmethod
    def load(cls, path: str | PathLike[str]) -> Schedule:
        """The schedule in a CSV or TOML file (TOML when the name ends in ``.toml``).

        CSV: a header row naming the columns ``commune`` (or ``Xã``, ``Tên xã``) and ``year``
        (or ``Năm``), optionally ``district`` (or ``Huyện``), in the words :func:`load_values`
        reads; UTF-8, with or without a byte-order mark, ``,``, ``;`` or a tab between cells
        (the separator of the first line). TOML: a ``[schedule]`` table of ``"commune" = year``,
        in which a sub-table ``[schedule."district"]`` holds the communes of one district. Every
        problem of the file is reported at once in an :class:`InputError`, with its row or key
        path.
        """
        source = fspath(path)
        try:
            text = read_bounded(Path(source), source).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError([Problem.of("not_utf8", source=source)]) from None
        if source.lower().endswith(".toml"):
            rows = _toml_rows(text, source)
        else:
            rows = _csv_rows(text, source)
        entries: dict[Key, int] = {}
        problems = []
        for where, district, commune, value in rows:
            if not isinstance(commune, str) or not commune.strip():
                problems.append(Problem.of("missing_commune", source=source, **where))
                continue
            year = _year(value)
            if year is None:
                problems.append(Problem.of("schedule_bad_year", value=value, source=source,
                                           **where))
                continue
            found = placed_or_noted(commune, year, problems, district=district,
                                    source=source, **where)
            key = (district, _name(commune) if found is None else found.commune)
            if key in entries:
                problems.append(Problem.of("schedule_duplicate", value=key[1], source=source,
                                           **where))
                continue
            entries[key] = year
        if problems:
            raise InputError(problems)
        return cls(entries)

    def year_of(self, commune: str | None, district: str | None = None) -> int | None:
        """The year ``commune`` (of ``district``) must complete by; ``None`` if not assigned.

        An entry naming the district is preferred; an entry without a district matches the
        commune in any district. Names match with or without their prefix (``Vĩnh Thịnh``,
        ``Xã Vĩnh Thịnh``), in any case.
        """
        return self._places.get(commune, district)

    def rebased(self, successors: Any) -> Schedule:
        """This schedule with a year for each commune of today's map in ``successors`` (a
        :class:`Successors`, a mapping or a successors file): the earliest year of its former
        communes, unless this schedule already gives the new commune a year of its own."""
        from cds_indicators._rollup.rebase import successors_of

        mapping = successors_of(successors)
        entries = dict(self.entries)
        for new in mapping.communes:
            if self.year_of(new) is not None:
                continue
            years = [y for d, c in mapping.parts(new) if (y := self.year_of(c, d)) is not None]
            if years:
                entries[(None, _name(new))] = min(years)
        return Schedule(entries)

    def nearest(self, commune: str) -> str | None:
        """The commune of the schedule whose name is most like ``commune`` (a likely
        misspelling: ``Xã Vĩnh Lọc`` → ``Xã Vĩnh Lộc``), or ``None``."""
        return self._places.nearest(commune)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Key]:
        return iter(self.entries)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: ``{"schedule": [{"district": ..., "commune": ..., "year": ...}, ...]}``."""
        return {"schedule": [{"district": d, "commune": c, "year": y}
                             for (d, c), y in self.entries.items()]}


Row = tuple[dict[str, Any], str | None, Any, Any]


def _toml_rows(text: str, source: str) -> list[Row]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError([Problem.of("toml_syntax", source=source, detail=str(exc))]) from None
    table = data.get("schedule", data)
    if not isinstance(table, dict):
        raise InputError([Problem.of("not_a_table", source=source, path="$.schedule")])
    rows: list[Row] = []
    for key, value in table.items():
        if isinstance(value, dict):
            rows.extend(({"path": f"$.schedule.{key}.{name}"}, _name(key), name, year)
                        for name, year in value.items())
        else:
            rows.append(({"path": f"$.schedule.{key}"}, None, key, value))
    return rows


def _csv_rows(text: str, source: str) -> list[Row]:
    from cds_indicators._io.cells import read_csv_text

    read = read_csv_text(text, source)
    if isinstance(read, Problem):
        raise InputError([read])
    table = [[str(cell) for cell in row] for row in read.rows]
    columns: dict[str, int] = {}
    for index, header in enumerate(table[0] if table else []):
        role = header_role(header)
        if role in _ROLES:
            columns.setdefault(role, index)
    name, year, district = (columns.get(role) for role in _ROLES)
    if name is None or year is None:
        found = ", ".join(h for h in (table[0] if table else []) if h.strip()) or "—"
        raise InputError([Problem.of("schedule_columns", source=source, row=1, found=found)])

    def cell(row: list[str], index: int | None) -> str:
        return row[index].strip() if index is not None and index < len(row) else ""

    return [({"row": i}, _name(cell(row, district)) or None, cell(row, name), cell(row, year))
            for i, row in enumerate(table[1:], start=2) if any(c.strip() for c in row)]
