"""One commune-year's values as given, and as read: the record every door hands to the engine.

A :class:`Reading` is a value read once, at its door, into what a verdict compares; a
:class:`Record` keeps both what the user typed (``values``, for messages and exports) and, once
read, the readings (``readings``), so that nothing reads the same value twice.
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any, Final

import attrs

from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Framework
from cds_indicators._model.slots import slot_setters
from cds_indicators._words import Lang

__all__ = ["Reading", "Record", "records_at_once"]


@attrs.frozen
class Reading:
    """A value read for one criterion: exact, or exempt, or missing.

    ``value`` is a Fraction of percent or a bool (``None`` when missing or exempt); ``counts`` the
    (numerator, denominator) pair when the rate came as counts; ``stated`` the percentage written
    beside those counts, as printed (``"57.5"``; ``"115/2"`` when given exactly), which the
    counts overrule and a warning compares with them; ``count`` the number of things a counted
    yes/no criterion was given as; ``evidence`` what the value was given with.
    """

    value: Fraction | bool | None
    counts: tuple[int, int] | None = None
    exempt: bool = False
    count: int | None = None
    evidence: str | None = None
    stated: str | None = None


@attrs.frozen(kw_only=True)
class Record:
    """One commune-year's values as read from a file, ready for :func:`evaluate`.

    ``evaluate(record.values, record.year, commune=record.commune, district=record.district)``.
    ``source``, ``sheet``, ``row`` and ``path`` say where in the file it was read.

    ``values`` are the values as written. A record made by :func:`load_values` also carries,
    privately and outside its equality and ``repr``, what each value was read as for the
    framework it was loaded with, so that evaluating it does not read the values again.
    """

    commune: str
    year: int | None
    values: Mapping[str, Any] = attrs.field(hash=False)
    district: str | None = None
    #: The province (``Tỉnh Thanh Hóa``), when the file or the caller gives one.
    province: str | None = None
    #: The commune's official code (*mã đơn vị hành chính*, ``"15361"``), when it was given by
    #: its code: ``commune`` is then the official name of the list of its year (``[admin]``).
    code: str | None = None
    #: For a commune of today's map made by :func:`rebase`, the former communes it was made
    #: from, as (district or ``None``, commune) pairs; empty otherwise.
    parts: tuple[tuple[str | None, str], ...] = ()
    source: str | None = None
    sheet: str | None = None
    row: int | None = None
    path: str | None = None
    #: Notices about how the file was read (a workbook's sheet skipped, …): ``Problem``s that
    #: change no value and no verdict, listed first among the record's ``warnings``.
    _notices: tuple[Problem, ...] = attrs.field(default=(), eq=False, repr=False, hash=False)
    _readings: Mapping[str, Reading] = attrs.field(
        factory=dict, eq=False, repr=False, hash=False
    )
    _read_for: Framework | None = attrs.field(default=None, eq=False, repr=False, hash=False)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """How the file was read where it matters (a workbook's sheet skipped), then what in
        this record is legal but probably wrong for the framework it was read for (see
        ``docs/reliability.md``); empty for a record not read by :func:`load_values`."""
        from cds_indicators._model.warnings import record_warnings

        return self._notices + record_warnings(self)

    def place(self, lang: Lang = "vi") -> str:
        """Where the record starts in its file: ``data.xlsx, trang Vĩnh Long, dòng 5``."""
        return where(lang, source=self.source, sheet=self.sheet, row=self.row, path=self.path)


#: Every field of a record, in the order of the class.
_FIELDS: Final = ("commune", "year", "values", "district", "province", "code", "parts", "source",
                  "sheet", "row", "path", "_notices", "_readings", "_read_for")
_SETTERS: Final = slot_setters(Record, _FIELDS)


def records_at_once(count: int, each: Mapping[str, Sequence[Any]],
                    same: Mapping[str, Any]) -> list[Record]:
    """``count`` records, each field's values given record by record (``each``) or one for
    all (``same``), made with their slots set directly, as the frozen class's ``__init__``
    would set them, without a step of Python per record: the values are already checked (the
    rows of a CSV file read together)."""
    if sorted((*each, *same)) != sorted(_FIELDS) or any(len(v) != count for v in each.values()):
        raise ValueError("every field of a record, once, with a value for each record")
    records: list[Record] = list(map(object.__new__, itertools.repeat(Record, count)))
    for name, setter in zip(_FIELDS, _SETTERS, strict=True):
        given = each[name] if name in each else itertools.repeat(same[name])
        collections.deque(map(setter, records, given), 0)
    return records


def where(lang: Lang, **place: Any) -> str:
    """A place (source, sheet, row, path) said in words."""
    return Problem(code="place", message="", message_en="", **place).place(lang)
