"""The rows of a long table (one row per commune-year-criterion), read by the table reader of
:mod:`cds_indicators._io.tables`, of which this is the part that reads them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from cds_indicators._evaluation.evidence import with_evidence
from cds_indicators._evaluation.reading import ratio
from cds_indicators._io.rows import Read, Row, cell_text, commune_year_of
from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Framework
from cds_indicators._model.numbers import whole_number
from cds_indicators._model.record import Reading
from cds_indicators._words.format import commune_label, is_empty

__all__ = ["LongRows"]


class LongRows:
    """What the table reader does with a row of a long table: the value it gives is added to
    its commune-year, every problem recorded with its place."""

    problems: list[Problem]
    framework: Framework
    header_row: int

    def problem(self, code: str, row: int | None = None, col: int | None = None,
                **fields: Any) -> None:
        raise NotImplementedError

    def criterion_id(self, cell: Any, row: int, col: int) -> str | None:
        raise NotImplementedError

    def new_row(self, read: Read, row: int) -> Row:
        raise NotImplementedError

    def value(self, criterion: str, cell: Any, row: int, col: int) -> tuple[Any, Reading | None]:
        raise NotImplementedError

    def long_row(self, cells: Sequence[Any], roles: dict[str, int], row: int,
                 read: Read | None,
                 found: dict[tuple[str, str, int], Row],
                 firsts: dict[tuple[tuple[str, str, int], str], int]) -> None:
        def cell(role: str) -> Any:
            col = roles.get(role)
            return None if col is None or col >= len(cells) or is_empty(cells[col]) else cells[col]

        value, numerator, denominator = cell("value"), cell("numerator"), cell("denominator")
        criterion_col = roles["criterion"]
        raw_id = cell("criterion")
        key = None
        if read is not None:
            key = commune_year_of(read)
            # A commune-year is kept from its first row, with or without a value, as a wide
            # table keeps a row of empty cells; a sheet whose commune is named above the header
            # holds one commune-year, placed at the header.
            at = row if "commune" in roles else self.header_row
            found.setdefault(key, self.new_row(read, at))
        if value is None and numerator is None and denominator is None:
            if raw_id is not None:
                self.check_id(raw_id, row, criterion_col)
            return  # a criterion without a value: missing
        if raw_id is None:
            self.problem("missing_criterion_id", row, criterion_col)
            return
        criterion = self.check_id(raw_id, row, criterion_col)
        if criterion is None:
            return
        given = self.long_value(criterion, with_evidence(value, cell("evidence")), numerator,
                                denominator, roles, row, cell("evidence"))
        if read is None or key is None or given is None:
            return
        record = found[key]
        first = firsts.get((key, criterion))
        if first is not None:
            self.problem("duplicate_value", row, criterion_col, criterion=criterion,
                         who=commune_label(read[0], read[1]), year=read[2], first=first)
            return
        firsts[(key, criterion)] = row
        record.add(criterion, *given)

    def check_id(self, raw: Any, row: int, col: int) -> str | None:
        before = len(self.problems)
        criterion = self.criterion_id(raw, row, col)
        if criterion is None and len(self.problems) == before:
            self.problem("unknown_criterion", row, col, criterion=cell_text(raw),
                         framework=self.framework.id)
        return criterion

    def long_value(self, criterion: str, value: Any, numerator: Any, denominator: Any,
                   roles: dict[str, int], row: int,
                   evidence: Any = None) -> tuple[Any, Reading | None] | None:
        if value is not None:
            if numerator is not None or denominator is not None:
                self.problem("value_and_counts", row, roles["value"], criterion=criterion)
                return None
            return self.value(criterion, value, row, roles["value"])
        if numerator is None or denominator is None:
            present, absent = ("numerator", "denominator") if denominator is None else (
                "denominator", "numerator")
            self.problem("half_counts", row, roles[present], criterion=criterion,
                         present=_COUNT_WORDS[present], absent=_COUNT_WORDS[absent],
                         present_en=present, absent_en=absent)
            return None
        given = with_evidence(ratio(_count(numerator), _count(denominator)), evidence)
        return self.value(criterion, given, row, roles["numerator"])


_COUNT_WORDS: Final = {"numerator": "tử số", "denominator": "mẫu số"}


def _count(cell: Any) -> Any:
    whole = whole_number(cell)
    if whole is not None:
        return whole
    return cell.strip() if isinstance(cell, str) else cell


