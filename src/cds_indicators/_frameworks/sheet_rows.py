"""A framework as the rows of the spreadsheet that :mod:`.sheet` reads back as it: the identity
block and the criteria table, or the empty ones of a template. The cells are written in the forms
the reader reads (``target_cell`` and ``exact_number`` of :mod:`.dump`), so that a framework
written here and read back is the same framework.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from cds_indicators._frameworks.cells import DEFAULT_COMPARISON
from cds_indicators._frameworks.dump import bound_cell, exact_number, target_cell
from cds_indicators._frameworks.schema import SCHEMA_VERSION
from cds_indicators._model.framework import Criterion, Framework, Kind, Scoring
from cds_indicators._words import format as _text
from cds_indicators._words.catalog import plans as _w

__all__ = ["EMPTY_PILLAR_ROWS", "PlanRows", "plan_rows"]

#: Pillar rows an empty template leaves for an office to fill.
EMPTY_PILLAR_ROWS: Final = 6
#: Criterion rows an empty template formats (drop-downs, text cells) for an office to fill.
EMPTY_CRITERION_ROWS: Final = 60

_META: Final = ("id", "title", "years", "decision", "issuer", "issued", "province", "source",
                "completion", "share", "pass_score", "schema_version")


@attrs.frozen
class PlanRows:
    """The rows of a plan spreadsheet: the identity block (heading first), the criteria table's
    header and its rows, and the 0-based index of each column's key in that header."""

    block: list[list[Any]]
    header: list[str]
    rows: list[list[Any]]
    columns: dict[str, list[int]]

    @property
    def pillar_rows(self) -> list[int]:
        """The 1-based rows of the block that hold pillars (the drop-down of ``Trụ cột``)."""
        label = _w.FIELDS["pillar"][0]
        return [i + 1 for i, row in enumerate(self.block) if row and row[0] == label]


def _first(table: Mapping[str, tuple[str, ...]], key: str) -> str:
    return table[key][0]


def _meta_value(framework: Framework, key: str) -> Any:
    if key == "years":
        return ", ".join(str(year) for year in framework.years)
    if key == "share":
        return None if framework.share is None else _text.decimal(framework.share) + "%"
    if key == "pass_score":
        return None if framework.pass_score is None else exact_number(framework.pass_score)
    if key == "issued":
        return None if framework.issued is None else framework.issued.isoformat()
    return getattr(framework, key)


def _block(framework: Framework | None, years: Sequence[int]) -> list[list[Any]]:
    block: list[list[Any]] = [list(_w.FIELD_HEADING)]
    for key in _META:
        if framework is None:
            value: Any = {"years": ", ".join(map(str, years)), "completion": "all",
                          "schema_version": SCHEMA_VERSION}.get(key)
        else:
            value = _meta_value(framework, key)
        block.append([_first(_w.FIELDS, key), value])
    pillar = _first(_w.FIELDS, "pillar")
    if framework is None:
        block += [[pillar, None, None, None] for _ in range(EMPTY_PILLAR_ROWS)]
        return block
    block += [[pillar, p.code, p.name, p.name_en] for p in framework.pillars]
    level = _first(_w.FIELDS, "level")
    block += [[level, lv.name, exact_number(lv.min_score)] for lv in framework.levels]
    return block


def _header(years: Sequence[int]) -> tuple[list[str], dict[str, list[int]]]:
    header: list[str] = []
    columns: dict[str, list[int]] = {}
    for key, names in _w.COLUMNS.items():
        if key == "note":
            continue
        for year in (years if key in ("target", "threshold") else (None,)):
            columns.setdefault(key, []).append(len(header))
            header.append(names[0] if year is None else names[0].format(year=year))
    return header, columns


def _row(criterion: Criterion, years: Sequence[int]) -> dict[str, list[Any]]:
    cells = [target_cell(criterion.targets.get(year)) for year in years]
    numeric = criterion.kind is not Kind.YES_NO
    comparison = criterion.comparison
    return {
        "id": [criterion.id], "pillar": [criterion.pillar], "name": [criterion.name],
        "name_en": [criterion.name_en], "unit": [criterion.unit],
        "kind": [_first(_w.KINDS, criterion.kind.value)],
        "comparison": [_first(_w.COMPARISONS, comparison.value)
                       if numeric and comparison is not DEFAULT_COMPARISON else None],
        "target": [c if isinstance(c, str) else c["label"] for c in cells],
        "threshold": [None if isinstance(c, str) else c["threshold"] for c in cells],
        "conditional": [_w.FLAGS[True][0] if criterion.conditional else None],
        "mandatory": [_w.FLAGS[True][0] if criterion.mandatory else None],
        "counted": [_w.FLAGS[True][0] if criterion.counted else None],
        "points": [None if criterion.points is None else exact_number(criterion.points)],
        "scoring": [_first(_w.SCORINGS, criterion.scoring.value)
                    if criterion.points is not None
                    and criterion.scoring is not Scoring.ALL_OR_NOTHING else None],
        "bands": [_w.BAND_SEPARATOR.join(
            f" {bound_cell(criterion.kind, band.start)}{_w.BAND_POINTS} "
            f"{exact_number(band.points)}" for band in criterion.bands).strip() or None],
        "partial": [None if criterion.partial is None
                    else bound_cell(criterion.kind, criterion.partial)],
        "partial_share": [None if criterion.partial_share is None
                          else str(criterion.partial_share)],
        "numerator": [None if criterion.counts is None else criterion.counts[0]],
        "denominator": [None if criterion.counts is None else criterion.counts[1]],
        "responsible": [criterion.responsible or None],
    }


def plan_rows(framework: Framework | None = None, years: Sequence[int] = ()) -> PlanRows:
    """The spreadsheet rows of ``framework``, or of an empty plan for ``years``."""
    years = tuple(framework.years) if framework is not None else tuple(years)
    header, columns = _header(years)
    rows: list[list[Any]] = []
    for criterion in () if framework is None else framework:
        cells = _row(criterion, years)
        row: list[Any] = [None] * len(header)
        for key, indexes in columns.items():
            for index, value in zip(indexes, cells[key], strict=True):
                row[index] = value
        rows.append(row)
    return PlanRows(block=_block(framework, years), header=header, rows=rows, columns=columns)
