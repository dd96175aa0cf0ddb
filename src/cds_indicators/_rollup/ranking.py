"""Ranking the communes of a scored index within each year: standard competition ranking.

Communes are ranked per year, over every report of a summary (the province, when the summary
holds the province's communes), from the highest score down. Equal exact scores share a rank and
the next rank skips as many places as were shared (``1, 1, 3``: standard competition ranking, as
sports tables and the published DTI rankings do); communes with equal scores keep the order of the
reports. Ranking by ``"index"`` (score / maximum) instead of ``"score"`` puts communes whose
maximum differs (criteria not applicable) on one scale.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import Any

import attrs

from cds_indicators._model.errors import InputError, Problem
from cds_indicators._model.report import Report
from cds_indicators._model.views import show
from cds_indicators._words import Lang
from cds_indicators._words.format import exact

__all__ = ["RANK_BY", "Rank", "Ranking", "rank"]

#: What a ranking may order by: the report's attribute of that name.
RANK_BY = ("score", "index")


@attrs.frozen(kw_only=True)
class Rank:
    """One commune-year's place: ``rank`` 1 is the best; equal scores share a rank."""

    rank: int
    commune: str | None
    year: int
    score: Fraction
    max_score: Fraction
    index: Fraction | None
    district: str | None = None
    level: str | None = None

    def __str__(self) -> str:
        return f"{self.rank}. {self.commune or '?'} ({self.year}): {self.score}/{self.max_score}"


@attrs.frozen(kw_only=True)
class Ranking:
    """Every commune-year of a summary in rank order, year by year (the years in the order they
    first appear); ``by`` says whether it ranks by ``"score"`` or by ``"index"``."""

    by: str
    ranks: tuple[Rank, ...]

    def __iter__(self) -> Iterator[Rank]:
        return iter(self.ranks)

    def __len__(self) -> int:
        return len(self.ranks)

    @property
    def years(self) -> tuple[int, ...]:
        """The years ranked, in the order they first appear."""
        return tuple(dict.fromkeys(r.year for r in self.ranks))

    def year(self, year: int) -> tuple[Rank, ...]:
        """The ranks of ``year``, best first."""
        return tuple(r for r in self.ranks if r.year == year)

    def of(self, commune: str | None, year: int, district: str | None = None) -> Rank | None:
        """The rank of ``commune`` in ``year`` (and ``district``, when communes of two
        districts share a name), or ``None``."""
        for found in self.ranks:
            if (found.commune, found.year) == (commune, year) and (
                    district is None or found.district == district):
                return found
        return None

    def text(self, lang: Lang = "vi") -> str:
        """One line per commune-year, under a heading per year."""
        text: str = show("ranking_text", self, lang)
        return text

    def __str__(self) -> str:
        return self.text()

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: exact numbers as text (``"643/10"``)."""
        return {"by": self.by, "ranks": [
            {"rank": r.rank, "commune": r.commune, "district": r.district, "year": r.year,
             "score": exact(r.score), "max_score": exact(r.max_score),
             "index": exact(r.index), "level": r.level} for r in self.ranks]}


def rank(reports: Iterable[Report], by: str = "score") -> Ranking:
    """The standard competition ranking of ``reports`` per year, by ``by`` (``"score"`` or
    ``"index"``); an :class:`InputError` names every report without a score."""
    reports = tuple(reports)
    if by not in RANK_BY:
        raise InputError([Problem.of("ranking_by", value=by)])
    problems = [Problem.of("ranking_not_scored", value=r.commune or "?", year=r.year,
                           path=f"$[{i}]")
                for i, r in enumerate(reports) if r.score is None or r.max_score is None]
    if problems:
        raise InputError(problems)
    ranks: list[Rank] = []
    for year in dict.fromkeys(r.year for r in reports):
        of_year = [r for r in reports if r.year == year]
        key = [_key(r, by) for r in of_year]
        order = sorted(range(len(of_year)), key=lambda i: -key[i])
        for place, i in enumerate(order):
            shared = place > 0 and key[i] == key[order[place - 1]]
            number = ranks[-1].rank if shared else place + 1
            ranks.append(_rank(of_year[i], number))
    return Ranking(by=by, ranks=tuple(ranks))


def _key(report: Report, by: str) -> Fraction:
    found = getattr(report, by)
    return Fraction(-1) if found is None else Fraction(found)


def _rank(report: Report, number: int) -> Rank:
    assert report.score is not None and report.max_score is not None
    return Rank(rank=number, commune=report.commune, district=report.district, year=report.year,
                score=report.score, max_score=report.max_score, index=report.index,
                level=report.level)
