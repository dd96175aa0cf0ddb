"""The district roll-up: per district and year, who completed, what blocks the others, and how
each commune stands against the year Decision 969/QĐ-UBND assigned it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from cds_indicators._model.errors import InputError, Problem
from cds_indicators._model.report import Completion, Report, Status
from cds_indicators._model.views import show
from cds_indicators._rollup.groups import By, by_name, check_by, group_label, key_of
from cds_indicators._rollup.ranking import Ranking, rank
from cds_indicators._rollup.schedule import Schedule
from cds_indicators._rollup.standings import (
    CommuneStanding,
    ScheduleCheck,
    standing,
)
from cds_indicators._words import Lang
from cds_indicators._words.format import exact, strip_period
from cds_indicators._words.interface import t

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from cds_indicators._model.framework import Framework

__all__ = ["DistrictSummary", "Summary", "summarize"]

@attrs.frozen(kw_only=True)
class DistrictSummary:
    """The communes of one district in one year, and what they add up to.

    ``completed``, ``not_completed`` and ``undetermined`` name the communes of each completion, in
    the order of the reports. ``criteria`` gives, per criterion id in the decision's order, how
    many communes have each status; ``blocking`` the criteria failed by at least one commune, the
    most failed first (ties in the decision's order); ``pillars`` per pillar code the share of its
    criteria met, exactly, over the criteria that have a target and apply (a missing value counts
    as not met; ``None`` when no criterion of the pillar counts); ``one_away`` the communes that
    lack exactly one criterion, with that criterion.
    """

    district: str | None
    year: int
    reports: tuple[Report, ...] = attrs.field(repr=False)
    completed: tuple[str | None, ...]
    not_completed: tuple[str | None, ...]
    undetermined: tuple[str | None, ...]
    criteria: Mapping[str, Mapping[Status, int]] = attrs.field(repr=False, hash=False)
    blocking: tuple[tuple[str, int], ...]
    pillars: Mapping[str, Fraction | None] = attrs.field(hash=False)
    one_away: tuple[tuple[str | None, str], ...]
    #: What the reports are grouped by (``summarize(by=...)``), and this group's name; for the
    #: default ``"district"`` the key is the district. ``district`` is the group's district when
    #: its reports share one.
    by: str = "district"
    key: str | None = attrs.field(default=attrs.Factory(lambda s: s.district, takes_self=True))

    @property
    def communes(self) -> tuple[str | None, ...]:
        """Every commune evaluated, in the order of the reports."""
        return tuple(r.commune for r in self.reports)

    def with_(self, completion: Completion) -> tuple[str | None, ...]:
        """The communes with ``completion``."""
        return {Completion.COMPLETED: self.completed, Completion.NOT_COMPLETED:
                self.not_completed, Completion.UNDETERMINED: self.undetermined}[completion]

    def title(self, lang: Lang = "vi") -> str:
        """``Tổng hợp chuyển đổi số cấp xã — Huyện Vĩnh Lộc, năm 2024``."""
        where = f"{group_label(self.by, self.key, lang)}, " if self.key else ""
        return f"{t('summary_title', lang)} — {where}{t('year', lang)} {self.year}"

    def criterion_name(self, criterion: str, lang: Lang = "vi") -> str:
        """The name of ``criterion`` as the reports give it, without a closing full stop."""
        verdict = self.reports[0][criterion]
        return strip_period(verdict.name if lang == "vi" or not verdict.name_en
                            else verdict.name_en)

    def lines(self, lang: Lang = "vi", check: ScheduleCheck | None = None) -> list[str]:
        """The roll-up as lines of at most 80 columns; with ``check``, each commune's standing."""
        lines: list[str] = show("district_lines", self, lang, check)
        return lines

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: names, counts by status value, pass rates as exact text (``"5/6"``)."""
        return {
            "district": self.district,
            **({} if self.by == "district" else {"by": self.by, "key": self.key}),
            "year": self.year,
            "communes": len(self.reports),
            **{c.value.lower(): list(self.with_(c)) for c in Completion},
            "criteria": {k: {s.value: n for s, n in counts.items()}
                         for k, counts in self.criteria.items()},
            "blocking": [{"criterion": c, "communes": n} for c, n in self.blocking],
            "pillars": {code: exact(rate) for code, rate in self.pillars.items()},
            "one_away": [{"commune": c, "criterion": k} for c, k in self.one_away],
        }


def _group(key: str | None, year: int, reports: tuple[Report, ...],
           by: str = "district") -> DistrictSummary:
    criteria: dict[str, dict[Status, int]] = {}
    pillar_counts: dict[str, list[int]] = {}
    for report in reports:
        for verdict in report.verdicts:
            criteria.setdefault(verdict.criterion, dict.fromkeys(Status, 0))[verdict.status] += 1
            passed_counted = pillar_counts.setdefault(verdict.pillar, [0, 0])
            if verdict.status in (Status.PASS, Status.FAIL, Status.MISSING):
                passed_counted[1] += 1
                passed_counted[0] += verdict.status is Status.PASS
    order = {criterion: i for i, criterion in enumerate(criteria)}
    blocking = sorted(((c, n[Status.FAIL]) for c, n in criteria.items() if n[Status.FAIL]),
                      key=lambda item: (-item[1], order[item[0]]))
    names = {c: tuple(r.commune for r in reports if r.completion is c) for c in Completion}
    districts = {r.district for r in reports}
    return DistrictSummary(
        district=key if by == "district" else districts.pop() if len(districts) == 1 else None,
        by=by,
        key=key,
        year=year,
        reports=reports,
        completed=names[Completion.COMPLETED],
        not_completed=names[Completion.NOT_COMPLETED],
        undetermined=names[Completion.UNDETERMINED],
        criteria=criteria,
        blocking=tuple(blocking),
        pillars={code: Fraction(p, n) if n else None for code, (p, n) in pillar_counts.items()},
        one_away=tuple((r.commune, (r.failed + r.missing)[0]) for r in reports
                       if len(r.failed) + len(r.missing) == 1),
    )


@attrs.frozen(kw_only=True)
class Summary:
    """The roll-up of many reports: one :class:`DistrictSummary` per district and year, in the
    order each district-year first appears. ``str()`` is the Vietnamese text; ``text("en")``
    the English."""

    framework: str | None
    groups: tuple[DistrictSummary, ...]
    #: What the groups are grouped by (``summarize(by=...)``).
    by: str = "district"
    #: The Framework the reports were evaluated against: the one ``summarize`` was given, else
    #: the one the reports carry; the renderers take their pillar names from it. Not part of
    #: equality.
    _definition: Framework | None = attrs.field(default=None, eq=False, repr=False,
                                                alias="definition")

    def __iter__(self) -> Iterator[DistrictSummary]:
        return iter(self.groups)

    def __len__(self) -> int:
        return len(self.groups)

    def group(self, district: str | None, year: int) -> DistrictSummary:
        """The roll-up of ``district`` (the group's key: a province, a commune, … when grouped
        by it) in ``year``; ``LookupError`` if there is none."""
        for group in self.groups:
            if group.key == district and group.year == year:
                return group
        raise LookupError(f"no reports of {self.by} {district!r} in {year}")

    @property
    def reports(self) -> tuple[Report, ...]:
        """Every report summarised, group by group."""
        return tuple(r for g in self.groups for r in g.reports)

    def against(self, schedule: Schedule | Mapping[Any, int]) -> ScheduleCheck:
        """How each commune stands against the year it must complete by.

        A commune completed in the year it was assigned is on time, before it early, after it
        late; one not completed is late from its assigned year on and not yet due before. A
        commune that completed in an earlier year of the summary keeps that standing.
        """
        if not isinstance(schedule, Schedule):
            schedule = Schedule(schedule)
        first: dict[tuple[str | None, str | None], int] = {}
        for report in self.reports:
            if report.completed:
                key = (report.district, report.commune)
                first[key] = min(first.get(key, report.year), report.year)
        rows = []
        for report in self.reports:
            due = schedule.year_of(report.commune, report.district)
            done = first.get((report.district, report.commune)) if report.completed else None
            rows.append(CommuneStanding(
                commune=report.commune, district=report.district, year=report.year,
                completion=report.completion, due=due, completed_in=done,
                standing=standing(report.completion, report.year, due, done),
                suggestion=None if due is not None or report.commune is None
                else schedule.nearest(report.commune)))
        return ScheduleCheck(standings=tuple(rows))

    def ranking(self, by: str = "score") -> Ranking:
        """The communes of a scored index ranked per year by ``score`` or ``index``, ties ranked
        equally (1, 1, 3); see ``docs/scoring.md``."""
        return rank(self.reports, by)

    def text(self, lang: Lang = "vi", check: ScheduleCheck | None = None) -> str:
        """Each district-year as a block of lines that fits an 80-column terminal."""
        text: str = show("summary_text", self, lang, check)
        return text

    def __str__(self) -> str:
        return self.text()

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: ``{"framework": ..., "groups": [...]}``."""
        return {"framework": self.framework, "groups": [g.to_dict() for g in self.groups]}

    def _repr_html_(self) -> str:
        html: str = show("summary_html", self)
        return html

    def plot(self, lang: Lang = "vi") -> Figure:
        """A commune × criterion status heat map and the completion counts per district-year
        (needs the ``[plot]`` extra); returns the matplotlib ``Figure``."""
        figure: Figure = show("summary_plot", self, lang=lang)
        return figure


def summarize(reports: Iterable[Report], *, framework: Framework | None = None,
              by: By = "district") -> Summary:
    """The roll-up of ``reports`` per district and year, or per ``by`` and year: ``"province"``,
    ``"commune"`` (today's commune, after :func:`rebase`), any other text field of a report, or
    a function of a report that names its group.

    Every report must come from the same framework, and a commune may appear once per district
    and year; otherwise an :class:`InputError` lists every offending report. Without
    ``framework``, the summary keeps the framework the reports were judged by when they agree on
    it (a report read back by ``Report.from_dict`` carries none and does not disagree).
    """
    reports = tuple(reports)
    by = check_by(by)
    problems: list[Problem] = []
    for i, report in enumerate(reports):
        if not isinstance(report, Report):
            problems.append(Problem.of("summary_not_report", value=report, path=f"$[{i}]"))
    if problems:
        raise InputError(problems)
    ids = list(dict.fromkeys(r.framework for r in reports))
    if framework is not None:
        ids = list(dict.fromkeys([framework.id, *ids]))
    if len(ids) > 1:
        raise InputError([Problem.of("summary_frameworks_differ", frameworks=", ".join(ids))])
    groups: dict[tuple[str | None, int], list[Report]] = {}
    seen: dict[tuple[str | None, str | None, int, str], int] = {}
    for i, report in enumerate(reports):
        if report.commune is not None:
            key = (report.province, report.district, report.year, report.commune)
            if key in seen:
                problems.append(Problem.of(
                    "summary_duplicate", value=report.commune, year=report.year,
                    first=f"$[{seen[key]}]", path=f"$[{i}]"))
                continue
            seen[key] = i
        groups.setdefault((key_of(report, by), report.year), []).append(report)
    if problems:
        raise InputError(problems)
    name = by_name(by)
    return Summary(framework=ids[0] if ids else None, by=name,
                   groups=tuple(_group(k, y, tuple(rs), name) for (k, y), rs in groups.items()),
                   definition=framework or _shared_definition(reports))


def _shared_definition(reports: tuple[Report, ...]) -> Framework | None:
    carried = list({id(d): d for r in reports if (d := r._definition) is not None}.values())
    if not carried or any(d != carried[0] for d in carried[1:]):
        return None
    return carried[0]
