"""How each commune stands against the year Decision 969/QĐ-UBND assigned it: on time, early,
late, not yet due, or not in the schedule; the check of a whole summary, indexed once."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any, Protocol

import attrs

from cds_indicators._model.report import Completion, Report
from cds_indicators._model.views import show
from cds_indicators._words import Lang, words


class _Group(Protocol):
    """What a standing is looked up for: a summary's group (``DistrictSummary``)."""

    @property
    def district(self) -> str | None: ...
    @property
    def year(self) -> int: ...
    @property
    def reports(self) -> Sequence[Report]: ...

__all__ = ["CommuneStanding", "ScheduleCheck", "Standing", "standing", "standing_word"]


class Standing(enum.Enum):
    """How a commune's result in a year stands against the year it must complete by."""

    ON_TIME = "on_time"
    """Completed in its assigned year."""
    EARLY = "early"
    """Completed before its assigned year."""
    LATE = "late"
    """Not completed in or after its assigned year, or completed only after it."""
    NOT_DUE = "not_due"
    """Not completed, and its assigned year is still ahead."""
    UNSCHEDULED = "unscheduled"
    """The schedule gives the commune no year."""


def standing(completion: Completion, year: int, due: int | None,
             first: int | None = None) -> Standing:
    """The standing of a result of ``year`` against the year ``due``.

    ``first`` is the first year the commune is known to have completed (``year`` when not
    given): a commune that completed on time and still has in a later year stays on time.
    """
    if due is None:
        return Standing.UNSCHEDULED
    if completion is Completion.COMPLETED:
        done = year if first is None else min(first, year)
        return Standing.EARLY if done < due else Standing.ON_TIME if done == due else Standing.LATE
    return Standing.LATE if year >= due else Standing.NOT_DUE


@attrs.frozen(kw_only=True)
class CommuneStanding:
    """One commune's result in one year against its assigned year (``due``); ``completed_in``
    is the first year of the summary in which the commune completed, if it has."""

    commune: str | None
    district: str | None
    year: int
    completion: Completion
    due: int | None
    standing: Standing
    completed_in: int | None = None
    #: For a commune the schedule does not name, the schedule's name most like it, if any.
    suggestion: str | None = None


@attrs.frozen(kw_only=True)
class ScheduleCheck:
    """Every commune-year of a summary against the schedule, in the summary's order.

    ``on_time``, ``early``, ``late``, ``not_due`` and ``unscheduled`` name the communes of each
    :class:`Standing`.
    """

    standings: tuple[CommuneStanding, ...]
    _index: dict[Any, CommuneStanding] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _groups: dict[Any, tuple[CommuneStanding, ...]] = attrs.field(
        init=False, eq=False, repr=False, hash=False)

    @_groups.default
    def _by_group(self) -> dict[Any, tuple[CommuneStanding, ...]]:
        groups: dict[Any, list[CommuneStanding]] = {}
        for found in self.standings:
            groups.setdefault((found.district, found.year), []).append(found)
        return {key: tuple(found) for key, found in groups.items()}

    @_index.default
    def _by_commune_year(self) -> dict[Any, CommuneStanding]:
        # Built once: every writer asks for each report's standing (linear, not quadratic).
        index: dict[Any, CommuneStanding] = {}
        for found in self.standings:
            index.setdefault((found.commune, found.district, found.year), found)
        return index

    def in_group(self, district: str | None, year: int) -> tuple[CommuneStanding, ...]:
        """The standings of the communes of ``district`` in ``year``, in order (indexed once)."""
        return self._groups.get((district, year), ())

    def with_(self, which: Standing) -> tuple[str | None, ...]:
        """The communes whose standing is ``which``."""
        return tuple(s.commune for s in self.standings if s.standing is which)

    @property
    def on_time(self) -> tuple[str | None, ...]:
        return self.with_(Standing.ON_TIME)

    @property
    def early(self) -> tuple[str | None, ...]:
        return self.with_(Standing.EARLY)

    @property
    def late(self) -> tuple[str | None, ...]:
        return self.with_(Standing.LATE)

    @property
    def not_due(self) -> tuple[str | None, ...]:
        return self.with_(Standing.NOT_DUE)

    @property
    def unscheduled(self) -> tuple[str | None, ...]:
        return self.with_(Standing.UNSCHEDULED)

    def of(self, report: Report) -> CommuneStanding | None:
        """The standing of ``report``'s commune-year, if the check has it."""
        return self._index.get((report.commune, report.district, report.year))

    def lines_for(self, group: _Group, lang: Lang = "vi") -> list[str]:
        """The standings of ``group``'s communes, one line per standing that has any."""
        lines: list[str] = show("schedule_lines", self, group.district, group.year, lang,
                                members=tuple(dict.fromkeys((r.district, r.commune)
                                                            for r in group.reports)))
        return lines

    def text(self, lang: Lang = "vi") -> str:
        """Per district and year, the communes on time, early, late, not yet due."""
        text: str = show("schedule_text", self, lang)
        return text

    def __str__(self) -> str:
        return self.text()

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: the communes of each standing, and every commune-year's row."""
        return {
            **{s.value: list(self.with_(s)) for s in Standing},
            "communes": [{"commune": s.commune, "district": s.district, "year": s.year,
                          "completion": s.completion.value, "due": s.due,
                          "completed_in": s.completed_in, "standing": s.standing.value}
                         for s in self.standings],
        }


def standing_word(which: Standing, lang: Lang) -> str:
    """How a commune stands, in words: ``đúng hạn``, ``trễ hạn``, …"""
    return words(lang).STANDING[which.value]
