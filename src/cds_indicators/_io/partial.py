"""Partial results: the commune-years of a file that can be read, beside the problems of the
others (``load_values(…, errors="collect")``, ``--keep-going`` on the command line)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Final, Literal

import attrs

from cds_indicators._model.errors import InputError, Problem, raise_problems
from cds_indicators._model.record import Record

__all__ = ["ERRORS", "Errors", "LoadedValues", "check_errors", "without_repeats"]

#: How :func:`~cds_indicators.load_values` answers a file with problems.
Errors = Literal["raise", "collect"]
ERRORS: Final = ("raise", "collect")


@attrs.frozen(kw_only=True)
class LoadedValues:
    """What ``load_values(path, errors="collect")`` could read, and what it could not.

    ``records`` are the commune-years read whole, every value read without a problem, checked
    as :func:`~cds_indicators.load_values` checks them and ready for
    :func:`~cds_indicators.evaluate`; ``problems`` are everything wrong with the file, each with
    its place (file, sheet, row, column or key path), in both languages, exactly the problems
    ``errors="raise"`` would raise together. A commune-year with any problem is not among the
    records, nor is one given twice (neither copy: which one holds the right values cannot be
    known), nor any row of a table whose header has a problem (its columns cannot be trusted).

    It iterates over its records, so ``for record in load_values(p, errors="collect")`` reads
    the good ones; :meth:`raise_problems` raises the :class:`~cds_indicators.InputError` the
    default would have raised, if there are problems.
    """

    records: tuple[Record, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def complete(self) -> bool:
        """Whether the whole file was read: no problem at all."""
        return not self.problems

    def raise_problems(self) -> None:
        """Raise the error that reports every problem, if there is one."""
        if self.problems:
            raise_problems(self.problems)

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)


def check_errors(errors: object) -> None:
    """Refuse an ``errors=`` that is neither ``"raise"`` nor ``"collect"``."""
    if not isinstance(errors, str):
        raise TypeError(f'errors must be "raise" or "collect", not {type(errors).__name__}')
    if errors not in ERRORS:
        raise InputError([Problem.of("bad_errors_mode", value=errors)])


def without_repeats(records: Iterable[Record],
                    key: Callable[[Record], Hashable]) -> list[Record]:
    """``records`` less every commune-year (by ``key``) given more than once."""
    records = list(records)
    count = Counter(map(key, records))
    return [record for record in records if count[key(record)] == 1]
