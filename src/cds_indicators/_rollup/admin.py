"""The 2025 arrangement and the check of names against the official lists (``[admin]``).

The lists themselves, and a commune named by its code, are read in
:mod:`cds_indicators._model.official` (every door reads codes through it); here, what is made of
many records or of a whole province: the former → new communes of a province
(:func:`official_successors`) and every name of a file that is not in the list of its year
(:func:`official_problems`, ``validate --official``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from cds_indicators._model.errors import Problem
from cds_indicators._model.official import (
    ARRANGEMENT_YEAR,
    OfficialUnit,
    edition,
    legacy_wards,
    new_wards,
    read_json,
    resolve_code,
    units,
)
from cds_indicators._model.places import Places, named, nearest
from cds_indicators._words.names import name_key

__all__ = ["ARRANGEMENT_YEAR", "official_problems", "official_successors", "resolve_code",
           "units"]


def _province_key(province: str, table: dict[str, Any]) -> str | None:
    key = name_key(province)
    return next((k for k, v in table.items() if name_key(v["province"]) == key), None)


def official_successors(province: str) -> tuple[dict[tuple[str | None, str], dict[str, None]],
                                                 str]:
    """The 2025 arrangement of ``province`` (named as before or after it): former (district,
    commune) → {new commune: ``None``}; a split commune lists each new commune, without shares.
    And where it came from."""
    converter = read_json("converter_2025.json")
    new_provinces = read_json("parser_from_2025.json")["DICT_PROVINCE"]
    legacy = read_json("parser_legacy.json")
    new_key = _province_key(province, new_provinces)
    if new_key is None:
        old_key = _province_key(province, legacy["DICT_PROVINCE"])
        new_key = next((k for k, olds in converter["DICT_PROVINCE"].items()
                        if old_key in olds), None)
    if new_key is None:
        names = [v["province"] for v in new_provinces.values()]
        raise LookupError(f"no province {province!r} in {edition()}"
                          + (f"; did you mean {near!r}?" if (near := nearest(province, names))
                             else ""))
    wards = new_wards(new_key)
    districts = legacy["DICT_PROVINCE_DISTRICT"]

    def former(old: str) -> tuple[str | None, str]:
        p, d, w = old.split("_", 2)
        return districts[p][d]["district"], legacy_wards(p, d)[w]["ward"]

    entries: dict[tuple[str | None, str], dict[str, None]] = {}
    for new, olds in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].get(new_key, {}).items():
        for old in olds:
            entries.setdefault(former(old), {})[wards[new]["ward"]] = None
    for old, news in converter["DICT_PROVINCE_WARD_DIVIDED"].get(new_key, {}).items():
        for item in news:
            entries.setdefault(former(old), {})[wards[item["newWardKey"]]["ward"]] = None
    return entries, f"{edition()}: {new_provinces[new_key]['province']}"


@functools.cache
def _places(year: int, province: str | None) -> Places[OfficialUnit]:
    wanted = None if province is None else name_key(province)
    return Places({(None, u.name): u for u in units(year)
                   if wanted is None or name_key(u.province) == wanted})


def official_problems(records: Iterable[Any]) -> list[Problem]:
    """For each record (its commune, province and year), a problem when its province or
    commune is not in the official list of its year, with the nearest official name; a code
    (*mã đơn vị hành chính*) in place of the commune's name is accepted."""
    problems: list[Problem] = []
    for record in records:
        year = record.year if record.year is not None else ARRANGEMENT_YEAR
        place = {k: getattr(record, k) for k in ("source", "sheet", "row", "path")}
        province = record.province
        provinces = sorted({u.province for u in units(year)})
        if province is not None and not any(name_key(province) == name_key(p)
                                            for p in provinces):
            problems.append(named("admin_unknown_province", nearest(province, provinces),
                                  value=province, year=year, **place))
            province = None
        if resolve_code(record.commune, year) is not None:
            continue
        found = _places(year, province)
        if found.get(record.commune) is None:
            problems.append(named("admin_unknown_commune", found.nearest(record.commune),
                                  value=record.commune, year=year, **place))
    return problems
