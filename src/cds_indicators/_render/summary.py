"""The district roll-up as text of at most 80 columns: per district and year, the communes by
completion, the criteria that block the most, the communes one criterion away and, against a
schedule, each commune's standing."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from cds_indicators._model.report import Completion, completion_word
from cds_indicators._render.ranking import ranking_of, ranking_text
from cds_indicators._render.text import WIDTH, hanging, wrap
from cds_indicators._rollup.standings import Standing, standing_word
from cds_indicators._words import Lang
from cds_indicators._words.format import district_label, percent
from cds_indicators._words.interface import t

if TYPE_CHECKING:
    from cds_indicators._rollup.standings import CommuneStanding, ScheduleCheck
    from cds_indicators._rollup.summary import DistrictSummary, Summary

__all__ = ["SHOWN_BLOCKING", "district_lines", "name_of", "rate_text", "schedule_lines",
           "schedule_text", "summary_text"]

#: How many blocking criteria the text shows per district and year (the dict has all).
SHOWN_BLOCKING = 5

_MARK = {Completion.COMPLETED: "✓", Completion.NOT_COMPLETED: "✗", Completion.UNDETERMINED: "?"}


def name_of(commune: str | None, lang: Lang) -> str:
    """A commune's name, ``(không tên)`` when it has none."""
    return commune if commune is not None else t("unnamed", lang)


def rate_text(rate: Fraction | None, lang: Lang) -> str:
    """A pass rate as a percentage, ``—`` when nothing counts."""
    return "—" if rate is None else percent(rate * 100, lang)


def district_lines(group: DistrictSummary, lang: Lang = "vi",
                   check: ScheduleCheck | None = None) -> list[str]:
    """The roll-up of one district-year as lines; with ``check``, each commune's standing."""
    lines = wrap(group.title(lang), WIDTH - 1)
    lines.append(t("communes_count", lang, n=len(group.reports)))
    for completion in Completion:
        names = group.with_(completion)
        if names:
            text = (f"{completion_word(completion, lang)} ({len(names)}): "
                    + ", ".join(name_of(n, lang) for n in names))
            lines.extend(hanging(f"  {_MARK[completion]} ", text, WIDTH - 1))
    if group.blocking:
        lines.append(f"{t('blocking', lang)}:")
        for criterion, n in group.blocking[:SHOWN_BLOCKING]:
            text = (f"{criterion} ({t('communes_count', lang, n=n)}): "
                    + group.criterion_name(criterion, lang))
            lines.extend(hanging("  - ", text, WIDTH - 1))
    if group.one_away:
        text = ", ".join(f"{name_of(c, lang)} ({k})" for c, k in group.one_away)
        lines.extend(hanging("", f"{t('one_away', lang)}: {text}", WIDTH - 1))
    if check is not None:
        lines.extend(schedule_lines(check, group.district, group.year, lang,
                                    members=members_of(group)))
    return lines


def summary_text(summary: Summary, lang: Lang = "vi", check: ScheduleCheck | None = None) -> str:
    """Each district-year as a block of lines that fits an 80-column terminal; for a scored
    index, then the ranking of each year."""
    blocks = ["\n".join(district_lines(g, lang, check)) for g in summary.groups]
    ranking = ranking_of(summary)
    if ranking is not None:
        blocks.append(ranking_text(ranking, lang))
    return "\n\n".join(blocks)


def members_of(group: DistrictSummary) -> tuple[tuple[str | None, str | None], ...]:
    """The (district, commune) of each report of ``group``, in order: whom its standings are
    of."""
    return tuple(dict.fromkeys((r.district, r.commune) for r in group.reports))


def in_members(check: ScheduleCheck, members: Sequence[tuple[str | None, str | None]],
               year: int) -> list[CommuneStanding]:
    """The standings of ``members`` in ``year``, in their order: looked up in the check's
    index, so that every group of a summary together costs one pass."""
    index = check._index
    found = (index.get((commune, district, year)) for district, commune in members)
    return [s for s in found if s is not None]


def _standing_lines(check: ScheduleCheck, district: str | None, year: int,
                    lang: Lang, members: Sequence[tuple[str | None, str | None]] | None = None,
                    ) -> list[str]:
    mine = check.in_group(district, year) if members is None else in_members(check, members, year)
    lines = []
    for which in Standing:
        names = [name_of(s.commune, lang) + ("" if s.suggestion is None else
                 " (" + t("did_you_mean", lang, names=s.suggestion) + ")")
                 for s in mine if s.standing is which]
        if names:
            lines.extend(hanging("  - ", f"{standing_word(which, lang)}: {', '.join(names)}",
                                 WIDTH - 1))
    return lines


def schedule_lines(check: ScheduleCheck, district: str | None, year: int,
                   lang: Lang = "vi", *,
                   members: Sequence[tuple[str | None, str | None]] | None = None) -> list[str]:
    """The standings of the communes of ``district`` (or of ``members``, (district, commune)
    pairs) in ``year`` under a heading, one line per standing that has any; no lines when the
    check has none."""
    lines = _standing_lines(check, district, year, lang, members)
    return [f"{t('schedule', lang)}:", *lines] if lines else []


def schedule_text(check: ScheduleCheck, lang: Lang = "vi") -> str:
    """Per district and year, the communes on time, early, late, not yet due."""
    blocks = []
    for district, year in dict.fromkeys((s.district, s.year) for s in check.standings):
        where = f"{district_label(district, lang)}, " if district else ""
        head = f"{t('schedule', lang)} — {where}{t('year', lang)} {year}:"
        blocks.append("\n".join([head, *_standing_lines(check, district, year, lang)]))
    return "\n\n".join(blocks)
