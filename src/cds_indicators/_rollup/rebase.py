"""A history put on today's map: for each year, one record per commune of today's map.

From 1 July 2025 the communes of a province were merged; 2022–2024 results belong to the former
communes. :func:`rebase` turns each year's records of former communes into records of the
communes they became, each made by :func:`merge` from its parts (counts summed, never rates
averaged: ``docs/merging.md``), so that a trajectory of today's commune over 2022–2025 comes out
of :func:`trajectory` unchanged. A record already of today's map (its name is a new commune and
not a former one) is kept as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from os import PathLike
from typing import Any

import attrs

from cds_indicators._frameworks.registry import framework_or_default
from cds_indicators._io.values import Record
from cds_indicators._model.errors import InputError, MeasurementError, Problem, raise_problems
from cds_indicators._model.framework import Framework
from cds_indicators._model.official import official_record
from cds_indicators._model.places import Places, named
from cds_indicators._rollup.merge import merge
from cds_indicators._rollup.successors import Successors
from cds_indicators._words.format import commune_label
from cds_indicators._words.names import name_key, same_place

__all__ = ["rebase", "successors_of"]

Given = Successors | Mapping[Any, Any] | str | PathLike[str]


def successors_of(given: Given) -> Successors:
    """``given`` as :class:`Successors`: as it is, a mapping, or a CSV/XLSX file's path."""
    if isinstance(given, Successors):
        return given
    if isinstance(given, Mapping):
        return Successors(given)
    if isinstance(given, str | PathLike):
        return Successors.load(given)
    raise TypeError(f"successors must be a mapping, a file or Successors, not {given!r}")


def _placed(record: Record, problem: Problem) -> Problem:
    place = {k: getattr(record, k) for k in ("source", "sheet", "row", "path")}
    return attrs.evolve(problem, **{k: v for k, v in place.items() if v is not None})


def rebase(
    records: Iterable[Record] | Any,
    successors: Given,
    *,
    framework: Framework | None = None,
    yes_no: str = "all",
    missing: str = "propagate",
) -> Any:
    """For each year, one record per commune of today's map, made by :func:`merge` from the
    records of the former communes it was made of.

    ``records`` are :class:`Record` objects (as :func:`load_values` gives them), each with its
    year, or a data frame (pandas, polars, pyarrow) with a commune column, a year column,
    optionally district and province columns, and one column per criterion (or ``<id>_num`` and
    ``<id>_den`` counts): then a frame of the same library comes back, one row per commune of
    today's map and year, with a ``parts`` column, ready for :func:`evaluate_frame`.
    ``successors`` is a :class:`Successors`, a mapping of former commune to new commune, or the
    path of a CSV/XLSX file (``Xã cũ``, ``Huyện cũ``, ``Xã mới``, ``Tỷ lệ``). ``yes_no`` and
    ``missing`` are :func:`merge`'s rules.

    Each record returned names its former communes in ``parts`` ((district, commune) pairs),
    has no district (districts ended with the arrangement) and keeps its parts' province when
    they share one. Returned in order of year, then of today's communes as they first appear.
    A commune the successors do not name (with the nearest name they do, if any), a former
    commune split between several new ones without shares, a record without a year, a former
    commune given twice in a year: every problem is reported at once in one
    :class:`MeasurementError` (an :class:`InputError` when it is about the records' names).
    """
    if not isinstance(records, Iterable) or _is_frame(records):
        from cds_indicators._rollup.rebase_frame import rebase_frame

        return rebase_frame(records, successors, rebase, framework=framework, yes_no=yes_no,
                            missing=missing)
    mapping = successors_of(successors)
    framework = framework_or_default(framework)
    news = Places({(None, new): new for new in mapping.communes})
    problems: list[Problem] = []
    groups: dict[tuple[int, str], list[tuple[Record, Fraction | None]]] = {}
    seen: set[tuple[int, str, str]] = set()
    for i, record in enumerate(records):
        if not isinstance(record, Record):
            problems.append(Problem.of("rebase_not_record", value=record, path=f"$[{i}]"))
            continue
        if record.year is None:
            problems.append(_placed(record, Problem.of("rebase_no_year", value=record.commune)))
            continue
        when: int = record.year
        coded = official_record(record)  # a code (mã đơn vị hành chính) for the name: [admin]
        if isinstance(coded, Problem):
            problems.append(coded)
            continue
        record = coded
        found = mapping.of(record.commune, record.district)
        if found is None and news.get(record.commune) is not None:
            found = {news.get(record.commune) or record.commune: None}  # already today's
        if found is None:
            problems.append(_placed(record, named(
                "successor_unknown", mapping.nearest(record.commune), value=record.commune)))
            continue
        if len(found) > 1 and any(share is None for share in found.values()):
            problems.append(_placed(record, Problem.of(
                "successor_split", old=record.commune, news=", ".join(found))))
            continue
        key = (when, name_key(record.district or ""), name_key(record.commune))
        if key in seen:
            problems.append(_placed(record, Problem.of("rebase_twice", value=record.commune,
                                                       year=record.year)))
            continue
        seen.add(key)
        for new, share in found.items():
            groups.setdefault((when, new), []).append((record, share))
    for (year, new), parts in groups.items() if not problems else ():
        if len(parts) > 1 and any(same_place(r.commune, new) for r, _ in parts):
            problems.append(Problem.of("rebase_both", value=new, year=year, parts=", ".join(
                commune_label(r.commune, r.district) for r, _ in parts
                if not same_place(r.commune, new))))
            continue
        lacking = [commune_label(c, d) for d, c in mapping.parts(new) if not _has(parts, d, c)]
        if lacking and not any(same_place(r.commune, new) for r, _ in parts):
            problems.append(Problem.of("rebase_missing_parts", value=new, year=year,
                                       parts=", ".join(lacking)))
    if problems:
        raise InputError(problems)
    rebased: list[Record] = []
    for (year, new), parts in sorted(groups.items(), key=lambda item: item[0][0]):
        by_name = {_part_name(r, parts): r for r, _ in parts}
        shares = {_part_name(r, parts): s for r, s in parts if s is not None and s != 1}
        try:
            merged = merge(by_name, into=new, framework=framework, yes_no=yes_no,
                           missing=missing, shares=shares or None)
        except MeasurementError as exc:
            problems.extend(exc.problems)
            continue
        kept = len(parts) == 1 and same_place(parts[0][0].commune, new)
        provinces = {r.province for r, _ in parts if r.province}
        rebased.append(attrs.evolve(
            merged, year=year, district=None,
            province=provinces.pop() if len(provinces) == 1 else None,
            parts=() if kept else tuple((r.district, r.commune) for r, _ in parts)))
    if problems:
        raise_problems(problems, promised=MeasurementError)
    return rebased


def _has(parts: list[tuple[Record, Fraction | None]], district: str | None, commune: str) -> bool:
    """Whether a record of the former ``commune`` (of ``district``) is among ``parts``."""
    return any(same_place(r.commune, commune) and (
        district is None or r.district is None or name_key(r.district) == name_key(district))
        for r, _ in parts)


def _part_name(record: Record, parts: list[tuple[Record, Fraction | None]]) -> str:
    """A part's name in the merge: its commune, with its district when two parts share a name."""
    if sum(r.commune == record.commune for r, _ in parts) > 1:
        return commune_label(record.commune, record.district)
    return record.commune


def _is_frame(value: Any) -> bool:
    return type(value).__module__.split(".")[0] in ("pandas", "polars", "pyarrow")
