"""A ranking as text and as HTML: per year, one line (or row) per commune, best first."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from cds_indicators._render.text import WIDTH, hanging
from cds_indicators._words import Lang
from cds_indicators._words.format import number
from cds_indicators._words.interface import t

if TYPE_CHECKING:
    from cds_indicators._rollup.ranking import Rank, Ranking
    from cds_indicators._rollup.summary import Summary

__all__ = ["rank_cells", "ranking_columns", "ranking_html", "ranking_lines", "ranking_of",
           "ranking_text"]


def ranking_of(summary: Summary) -> Ranking | None:
    """The ranking by score a summary shows: ``None`` unless every report has a score."""
    reports = summary.reports
    if not reports or any(r.score is None for r in reports):
        return None
    return summary.ranking()


def rank_cells(found: Rank, lang: Lang = "vi") -> tuple[str, str, str, str, str]:
    """The rank, the commune, the score out of the maximum, the index (3 decimals) and the
    level of one rank, as a table or a line shows them."""
    index = "—" if found.index is None else number(found.index, 3, lang)
    name = found.commune if found.commune is not None else t("unnamed", lang)
    return (str(found.rank), name,
            t("score", lang, score=number(found.score, 2, lang),
              max=number(found.max_score, 2, lang)),
            index, found.level or "")


def ranking_lines(ranking: Ranking, year: int, lang: Lang = "vi") -> list[str]:
    """The ranking of ``year`` under its heading, one line per commune (80 columns)."""
    ranks = ranking.year(year)
    if not ranks:
        return []
    lines = [t("rank_title", lang, by=t(f"rank_by_{ranking.by}", lang), year=year) + ":"]
    width = len(str(max(r.rank for r in ranks)))
    for found in ranks:
        place, name, score, index, level = rank_cells(found, lang)
        text = f"{name} — {score}, {t('index', lang)} {index}"
        if level:
            text += f", {t('level', lang)} {level}"
        lines.extend(hanging(f"  {place:>{width}}. ", text, WIDTH - 1))
    return lines


def ranking_text(ranking: Ranking, lang: Lang = "vi") -> str:
    """Every year of ``ranking`` as a block of lines."""
    return "\n\n".join("\n".join(ranking_lines(ranking, year, lang)) for year in ranking.years)


def ranking_html(ranking: Ranking, style: tuple[str, str, str], lang: Lang = "vi") -> list[str]:
    """Per year, a table of the ranks (``style``: the table, header and cell attributes)."""
    table, head, cell = style
    parts: list[str] = []
    for year in ranking.years:
        title = t("rank_title", lang, by=t(f"rank_by_{ranking.by}", lang), year=year)
        parts.append(f'<h4 style="margin:.75em 0 .25em">{escape(title)}</h4>')
        parts.append(f"<table {table}><tr>" + "".join(
            f"<th {head}>{escape(h)}</th>" for h in t("rank_heads", lang).split("|")) + "</tr>")
        for found in ranking.year(year):
            parts.append("<tr>" + "".join(f"<td {cell}>{escape(c)}</td>"
                                          for c in rank_cells(found, lang)) + "</tr>")
        parts.append("</table>")
    return parts


def ranking_columns(summary: Summary) -> tuple[list[str], list[list[object]]] | None:
    """For a table of a scored summary's reports (one row per report, in the summary's order):
    the headers of the columns to add and each row's cells (the exact score, maximum and index as
    numbers, and the rank); ``None`` when the summary has no scores."""
    ranking = ranking_of(summary)
    if ranking is None:
        return None
    cells: list[list[object]] = []
    for report in summary.reports:
        found = ranking.of(report.commune, report.year, report.district)
        assert found is not None
        cells.append([float(found.score), float(found.max_score),
                      "" if found.index is None else float(found.index), found.rank])
    return ["score", "max_score", "index", "rank"], cells
