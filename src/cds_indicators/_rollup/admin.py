"""The official lists of Vietnam's administrative units and the 2025 arrangement (``[admin]``).

The data come from :mod:`vietnamadminunits` (the ``[admin]`` extra, its edition pinned in
``pyproject.toml``), which ships, as JSON files, the commune-level units before the 1 July 2025
arrangement (with their districts and the statistics office's codes, *mã đơn vị hành chính*),
the units after it, and which former units each new one was made of. The files are read here
directly (the package itself is not imported: its parsers pull in geographic libraries that
this library does not need), once, on first use.

Two editions: the units before the arrangement (years up to 2024) and after it (2025 on).
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

import attrs

from cds_indicators._model.errors import MissingExtraError, Problem
from cds_indicators._rollup.names import Places, named, nearest
from cds_indicators._words.names import name_key

__all__ = ["Unit", "official_problems", "official_successors", "resolve_code", "units"]

_PACKAGE: Final = "vietnamadminunits"
_EXTRA: Final = "admin"
#: The first year whose assessment is made on the communes of the 2025 arrangement.
ARRANGEMENT_YEAR: Final = 2025


@attrs.frozen
class Unit:
    """One commune-level unit of an edition: its name, code, district (before 2025) and
    province."""

    name: str
    code: str
    district: str | None
    province: str


def _data_dir() -> Path:
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise MissingExtraError(_EXTRA, _PACKAGE)
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@functools.cache
def _json(name: str) -> Any:
    return json.loads((_data_dir() / name).read_text(encoding="utf-8"))


def edition() -> str:
    """The data's edition: the package and its version (``vietnamadminunits 1.0.4``)."""
    _data_dir()
    return f"{_PACKAGE} {importlib.metadata.version(_PACKAGE)}"


def _wards(data: dict[str, Any], table: str, *keys: str) -> dict[str, Any]:
    """The units below ``keys`` in one of the package's tables: its entries keyed without
    accents and those keyed with them (names that differ only by accents) together."""
    merged: dict[str, Any] = {}
    for name in (f"{table}_NO_ACCENTED", f"{table}_ACCENTED"):
        level = data.get(name, {})
        for key in keys:
            level = level.get(key, {})
        merged.update(level)
    return merged


def _legacy(*keys: str) -> dict[str, Any]:
    return _wards(_json("parser_legacy.json"), "DICT_PROVINCE_DISTRICT_WARD", *keys)


def _new(*keys: str) -> dict[str, Any]:
    return _wards(_json("parser_from_2025.json"), "DICT_PROVINCE_WARD", *keys)


def _code(value: Any) -> str:
    """A unit's code as text without leading zeros (the package writes a few as numbers, and
    leaves a few out): ``""`` when there is none."""
    if isinstance(value, float):
        return "" if value != value else str(int(value))
    return str(value or "").strip().lstrip("0")


@functools.cache
def units(year: int) -> tuple[Unit, ...]:
    """Every commune-level unit of the official list in force for ``year``'s assessment."""
    if year >= ARRANGEMENT_YEAR:
        provinces = _json("parser_from_2025.json")["DICT_PROVINCE"]
        return tuple(Unit(name=w["ward"], code=_code(w.get("wardCode")), district=None,
                          province=provinces[p]["province"])
                     for p in provinces for w in _new(p).values()
                     if isinstance(w.get("ward"), str))
    legacy = _json("parser_legacy.json")
    provinces, districts = legacy["DICT_PROVINCE"], legacy["DICT_PROVINCE_DISTRICT"]
    return tuple(Unit(name=w["ward"], code=_code(w.get("wardCode")),
                      district=districts[p][d]["district"], province=provinces[p]["province"])
                 for p in provinces for d in districts.get(p, {}) for w in _legacy(p, d).values()
                 if isinstance(w.get("ward"), str))


def _province_key(province: str, table: dict[str, Any]) -> str | None:
    key = name_key(province)
    return next((k for k, v in table.items() if name_key(v["province"]) == key), None)


def official_successors(province: str) -> tuple[dict[tuple[str | None, str], dict[str, None]],
                                                 str]:
    """The 2025 arrangement of ``province`` (named as before or after it): former (district,
    commune) → {new commune: ``None``}; a split commune lists each new commune, without shares.
    And where it came from."""
    converter = _json("converter_2025.json")
    new_provinces = _json("parser_from_2025.json")["DICT_PROVINCE"]
    legacy = _json("parser_legacy.json")
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
    new_wards = _new(new_key)
    districts = legacy["DICT_PROVINCE_DISTRICT"]

    def former(old: str) -> tuple[str | None, str]:
        p, d, w = old.split("_", 2)
        return districts[p][d]["district"], _legacy(p, d)[w]["ward"]

    entries: dict[tuple[str | None, str], dict[str, None]] = {}
    for new, olds in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].get(new_key, {}).items():
        for old in olds:
            entries.setdefault(former(old), {})[new_wards[new]["ward"]] = None
    for old, news in converter["DICT_PROVINCE_WARD_DIVIDED"].get(new_key, {}).items():
        for item in news:
            entries.setdefault(former(old), {})[new_wards[item["newWardKey"]]["ward"]] = None
    return entries, f"{edition()}: {new_provinces[new_key]['province']}"


@functools.cache
def _by_code(year: int) -> dict[str, Unit]:
    return {unit.code: unit for unit in units(year) if unit.code}


def resolve_code(text: str, year: int) -> Unit | None:
    """The unit whose code (*mã đơn vị hành chính*, ``15349`` or ``015349``) is ``text``."""
    stripped = text.strip()
    if not stripped.isdigit():
        return None
    return _by_code(year).get(stripped.lstrip("0"))


@functools.cache
def _places(year: int, province: str | None) -> Places[Unit]:
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
