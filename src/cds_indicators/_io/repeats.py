"""A commune-year given twice: among the records of one file, or of several read together."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from typing import Final

from cds_indicators._model.errors import Problem
from cds_indicators._model.record import Record, where
from cds_indicators._words import Lang
from cds_indicators._words.format import commune_label, fold

__all__ = ["commune_year", "duplicates"]


def commune_year(record: Record) -> tuple[str, str, int | None]:
    """Who and when a record is, as a commune-year given twice is found: names folded."""
    return fold(record.commune), fold(record.district or ""), record.year


def _commune_years(records: list[Record]) -> list[tuple[str, str, int | None]]:
    """:func:`commune_year` of each record, each distinct name folded once."""
    communes = list(map(_COMMUNE, records))
    districts = list(map(_DISTRICT, records))
    folded = {name: fold(name or "") for name in {*communes, *districts}}
    return list(zip(map(folded.__getitem__, communes), map(folded.__getitem__, districts),
                    map(_YEAR, records), strict=True))


_COMMUNE: Final = operator.attrgetter("commune")
_DISTRICT: Final = operator.attrgetter("district")
_YEAR: Final = operator.attrgetter("year")


def duplicates(records: Iterable[Record]) -> list[Problem]:
    """A commune-year given twice (same commune, district and year) is an error at the second,
    naming the first: among the records of one file, or of several files read together."""
    records = list(records)
    keys = _commune_years(records)
    if len(set(keys)) == len(keys):
        return []
    seen: dict[tuple[str, str, int | None], Record] = {}
    problems = []
    for record, key in zip(records, keys, strict=True):
        first = seen.setdefault(key, record)
        if first is record:
            continue
        problems.append(
            Problem.of("duplicate_commune_year", source=record.source, sheet=record.sheet,
                       row=record.row, path=record.path, year=record.year,
                       who=commune_label(record.commune, record.district),
                       first=_first_place(first, record, "vi"),
                       first_en=_first_place(first, record, "en"))
        )
    return problems


def _first_place(first: Record, record: Record, lang: Lang) -> str:
    """Where ``first`` is, said from ``record``: the file and sheet only when they differ, or
    when the two are at the same place (a file read twice), which the place alone would not
    tell apart from ``record``'s own."""
    if first.source != record.source or first.place(lang) == record.place(lang):
        return first.place(lang)
    sheet = None if first.sheet == record.sheet else first.sheet
    return where(lang, sheet=sheet, row=first.row, path=first.path)
