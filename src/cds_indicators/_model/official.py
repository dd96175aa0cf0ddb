"""The official lists of Vietnam's commune-level units (``[admin]``), and a commune named by its
code (*mã đơn vị hành chính*) in any door.

The data come from :mod:`vietnamadminunits` (the ``[admin]`` extra, its edition pinned in
``pyproject.toml``), which ships, as JSON files, two lists: the commune-level units in force just
before the 1 July 2025 arrangement (with their districts and the statistics office's codes) and
the units after it. The files are read here directly (the package itself is not imported: its
parsers pull in geographic libraries that this library does not need), once, on first use.

The list before the arrangement is used for every year up to 2024: the package ships no older
list, so a commune merged during 2023–2024 appears under its last name before 2025. The list
after it is used from 2025 (:data:`ARRANGEMENT_YEAR`).

:func:`official_place` is the one rule by which every door (``evaluate``, ``load_values``,
``evaluate_frame``, ``merge``, ``rebase``) reads a commune given as its code; a name that is not
all digits is never looked up there (``validate --official`` checks names).
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import json
from pathlib import Path
from typing import Any, Final, NamedTuple

import attrs

from cds_indicators._model.errors import InputError, MissingExtraError, Problem
from cds_indicators._model.places import named, nearest
from cds_indicators._model.record import Record
from cds_indicators._words.names import name_key, same_place, split_prefix

__all__ = ["ARRANGEMENT_YEAR", "OfficialUnit", "Place", "edition", "is_code", "official_place",
           "official_record", "official_unit", "placed", "placed_or_noted", "resolve_code",
           "units"]

_PACKAGE: Final = "vietnamadminunits"
_EXTRA: Final = "admin"
#: The first year whose assessment is made on the communes of the 2025 arrangement.
ARRANGEMENT_YEAR: Final = 2025


@attrs.frozen(kw_only=True)
class OfficialUnit:
    """One commune-level unit of an official list: its name (``Xã Tây Đô``), its code
    (*mã đơn vị hành chính*, five digits: ``15361``), its district (before 2025; ``None``
    after) and its province. :func:`official_unit` finds one (``docs/rebasing.md``)."""

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
def read_json(name: str) -> Any:
    """One of the package's data files, read once."""
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


def legacy_wards(*keys: str) -> dict[str, Any]:
    """The units before the arrangement below ``keys`` (province, district)."""
    return _wards(read_json("parser_legacy.json"), "DICT_PROVINCE_DISTRICT_WARD", *keys)


def new_wards(*keys: str) -> dict[str, Any]:
    """The units after the arrangement below ``keys`` (province)."""
    return _wards(read_json("parser_from_2025.json"), "DICT_PROVINCE_WARD", *keys)


def _code(value: Any) -> str:
    """A unit's code in its official form, five digits (the package writes a few as numbers,
    and leaves a few out): ``""`` when there is none."""
    if isinstance(value, float):
        return "" if value != value else str(int(value)).zfill(5)
    text = str(value or "").strip()
    return text.zfill(5) if text else ""


@functools.cache
def units(year: int) -> tuple[OfficialUnit, ...]:
    """Every commune-level unit of the official list used for ``year``'s assessment: the list
    before the 2025 arrangement for years up to 2024, the list after it from 2025."""
    if year >= ARRANGEMENT_YEAR:
        provinces = read_json("parser_from_2025.json")["DICT_PROVINCE"]
        return tuple(OfficialUnit(name=w["ward"], code=_code(w.get("wardCode")), district=None,
                                  province=provinces[p]["province"])
                     for p in provinces for w in new_wards(p).values()
                     if isinstance(w.get("ward"), str))
    legacy = read_json("parser_legacy.json")
    provinces, districts = legacy["DICT_PROVINCE"], legacy["DICT_PROVINCE_DISTRICT"]
    return tuple(OfficialUnit(name=w["ward"], code=_code(w.get("wardCode")),
                              district=districts[p][d]["district"],
                              province=provinces[p]["province"])
                 for p in provinces for d in districts.get(p, {})
                 for w in legacy_wards(p, d).values() if isinstance(w.get("ward"), str))


@functools.cache
def _by_code(year: int) -> dict[int, OfficialUnit]:
    return {int(unit.code): unit for unit in units(year) if unit.code}


@functools.cache
def _by_name(year: int) -> dict[str, tuple[OfficialUnit, ...]]:
    found: dict[str, list[OfficialUnit]] = {}
    for unit in units(year):
        found.setdefault(name_key(unit.name), []).append(unit)
    return {key: tuple(value) for key, value in found.items()}


def is_code(value: Any) -> bool:
    """Whether ``value`` is given as a code: a whole ``int`` or text of ASCII digits only. The
    only test a door makes of a commune's name, so names cost nothing more."""
    if value.__class__ is str:
        text: str = value.strip()
        return text.isdigit() and text.isascii()
    return value.__class__ is int


def resolve_code(text: Any, year: int) -> OfficialUnit | None:
    """The unit whose code is ``text`` (``15361``, ``015361`` or the int ``15361``) in the list
    used for ``year``; ``None`` when ``text`` is not a code or no unit has it."""
    if not is_code(text):
        return None
    return _by_code(year).get(int(text))


class Place(NamedTuple):
    """Who a commune-year is, once its code is read: its official name, code, district and
    province."""

    commune: str
    code: str
    district: str | None
    province: str | None


def official_place(commune: Any, year: int | None, *, code: Any = None,
                   district: str | None = None, province: str | None = None,
                   ) -> Place | Problem | None:
    """The official place of a commune given as its code (``commune="15361"``, or ``code=``
    beside or instead of its name) in the list used for ``year``; ``None`` when there is no
    code (a name is never looked up here) or no year to choose the list by; a :class:`Problem`
    when the code is unknown, or the name, district or province given beside it are another
    unit's. Without the ``[admin]`` extra a code raises :class:`MissingExtraError`."""
    as_code = is_code(commune)
    if code is None and not as_code:
        return None
    if year is None:
        return None
    given = code if code is not None else commune
    if code is not None and as_code and int(str(commune)) != _number(code):
        return Problem.of("admin_code_two", value=str(commune).strip(), number=str(code).strip())
    number = _number(given)
    unit = None if number is None else _by_code(year).get(number)
    if unit is None:
        return Problem.of("admin_unknown_code", value=str(given).strip(), year=year)
    found: dict[str, Any] = {"number": unit.code, "official": unit.name, "year": year}
    if not as_code and commune is not None and str(commune).strip() and not same_place(
            str(commune), unit.name):
        return Problem.of("admin_code_commune", value=str(commune), **found)
    if district is not None and unit.district is not None and name_key(
            district) != name_key(unit.district):
        return Problem.of("admin_code_district", value=district, district=unit.district, **found)
    if province is not None and name_key(province) != name_key(unit.province):
        return Problem.of("admin_code_province", value=province, province=unit.province, **found)
    return Place(commune=unit.name, code=unit.code, district=district or unit.district,
                 province=province or unit.province)


def placed(commune: Any, year: int, *, code: Any = None, district: str | None = None,
           province: str | None = None) -> tuple[Any, Any, str | None, str | None]:
    """(commune, code, district, province) with a code read (:func:`official_place`), as they
    were without one; an :class:`InputError` for a problem with the code."""
    found = official_place(commune, year, code=code, district=district, province=province)
    if found is None:
        return commune, code, district, province
    if isinstance(found, Problem):
        raise InputError([found])
    return found


def placed_or_noted(commune: Any, year: int, problems: list[Problem], *,
                    district: str | None = None, **place: Any) -> Place | None:
    """The official place of ``commune`` when it is a code (:func:`official_place`); ``None``
    for a name, or for a bad code, which is added to ``problems`` placed at ``place`` (a file's
    row, a key path)."""
    found = official_place(commune, year, district=district)
    if isinstance(found, Problem):
        problems.append(attrs.evolve(found, **place))
        return None
    return found


#: The field a problem with a code is about, when it is not the code itself.
_FIELD_OF: Final = {"admin_code_province": "province", "admin_code_district": "district"}


def official_record(record: Record, year: int | None = None) -> Record | Problem:
    """``record`` with its commune's code read (:func:`official_place`) in the list of its
    year (``year`` when it has none): named officially, its code kept, its district and
    province filled; a problem placed in the record's file when the code is wrong; the record
    itself when it has no code."""
    if record.code is None and not is_code(record.commune):
        return record
    found = official_place(record.commune, record.year if record.year is not None else year,
                           code=record.code, district=record.district,
                           province=record.province)
    if found is None:
        return record
    if isinstance(found, Problem):
        key = _FIELD_OF.get(found.code) or ("code" if record.code is not None else "commune")
        place: dict[str, Any] = {"source": record.source, "sheet": record.sheet, "row": record.row,
                 "path": None if record.path is None else f"{record.path}.{key}"}
        return attrs.evolve(found, **{k: v for k, v in place.items() if v is not None})
    return attrs.evolve(record, commune=found.commune, code=found.code, district=found.district,
                        province=found.province)


def _number(code: Any) -> int | None:
    """A code as the number it writes, when it is one."""
    return int(str(code).strip()) if is_code(code) else None


def official_unit(name_or_code: str | int, year: int, *, province: str | None = None,
                  district: str | None = None) -> OfficialUnit:
    """The official unit named (``"Xã Tây Đô"``, ``"Tây Đô"``) or coded (``"15361"``,
    ``"015361"``, ``15361``) by ``name_or_code`` in the list used for ``year``'s assessment:
    before the 1 July 2025 arrangement for 2022–2024 (the only list of those years the
    ``[admin]`` extra ships: a commune merged during 2023–2024 has its last name before 2025),
    after it from 2025.

    A name is looked up as people write it (with or without ``Xã``, any case, either tone-mark
    spelling); ``province`` (and ``district``, before 2025) choose among units of one name.
    An :class:`InputError` when there is no such unit (with the nearest official name, when
    one is alike: ``'Xã Vĩnh Lọc'`` → ``'Xã Vĩnh Lộc'?``), when the name is of several units
    (give the province or the code), or when the code's unit is in another province; a
    :class:`MissingExtraError` without the ``[admin]`` extra.
    """
    if not isinstance(name_or_code, str | int) or isinstance(name_or_code, bool):
        raise InputError([Problem.of("name_not_text", value=name_or_code, field="commune",
                                     field_vi="tên xã")])
    if is_code(name_or_code):
        found = official_place(name_or_code, year, province=province, district=district)
        if isinstance(found, Problem):
            raise InputError([found])
        assert found is not None
        return _by_code(year)[int(found.code)]
    text = str(name_or_code)
    candidates = _in_place(units(year), year, province, district)
    chosen = set(candidates)
    prefix = split_prefix(text)[0]
    matches = [u for u in _by_name(year).get(name_key(text), ())
               if u in chosen and (prefix is None or split_prefix(u.name)[0] in (None, prefix))]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        # Names of the same prefix first: "Xã Vĩnh Lọc" is nearest "Xã Vĩnh Lộc", not
        # "Thị trấn Vĩnh Lộc" (both are one name without their prefixes).
        names = sorted((u.name for u in candidates), key=lambda n: split_prefix(n)[0] != prefix)
        near = nearest(text, names)
        raise InputError([named("admin_unknown_commune", near, value=text, year=year)])
    raise InputError([Problem.of("admin_ambiguous", value=text, year=year, units="; ".join(
        f"{u.name}, {u.district + ', ' if u.district else ''}{u.province} ({u.code})"
        for u in matches[:5]) + ("; …" if len(matches) > 5 else ""))])


def _in_place(every: tuple[OfficialUnit, ...], year: int, province: str | None,
              district: str | None) -> tuple[OfficialUnit, ...]:
    """The units of ``province`` (and ``district``); an :class:`InputError` when the list has
    no such province (with the nearest, when one is alike)."""
    chosen = every
    if province is not None:
        provinces = sorted({u.province for u in every})
        key = name_key(province)
        if not any(name_key(p) == key for p in provinces):
            raise InputError([named("admin_unknown_province", nearest(province, provinces),
                                    value=province, year=year)])
        chosen = tuple(u for u in chosen if name_key(u.province) == key)
    if district is not None and year < ARRANGEMENT_YEAR:
        key = name_key(district)
        chosen = tuple(u for u in chosen if u.district is not None and name_key(u.district) == key)
    return chosen
