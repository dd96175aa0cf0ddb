"""The commands about the framework itself: ``criteria`` lists what it asks, ``template`` writes
the workbook a commune fills in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from cds_indicators._cli.exits import EXIT_OK
from cds_indicators._cli.options import (
    Year,
    common,
    export_output,
    format_option,
    needed,
    output_option,
    subcommand,
    xlsx_output,
)
from cds_indicators._cli.output import Out, csv_bytes, xlsx_writer
from cds_indicators._cli.reading import check_year, commune_names, framework_of
from cds_indicators._io.template import write_template
from cds_indicators._model.framework import Framework
from cds_indicators._render import text as _render
from cds_indicators._words import Lang
from cds_indicators._words.format import fold, yes_no
from cds_indicators._words.headers import CRITERIA_COLUMNS, OUTPUT_SHEETS
from cds_indicators._words.interface import t

__all__ = ["add_criteria", "add_template"]


def _criteria_rows(framework: Framework, year: int | None, pillar: str | None,
                   lang: Lang | None = None) -> tuple[list[str], list[list[object]]]:
    """The criteria as a table: JSON's stable English keys when ``lang`` is None, else the
    columns of ``CRITERIA_COLUMNS`` in ``lang``."""
    years = framework.years if year is None else (year,)
    if lang is None:
        header = ["id", "pillar", "name", "name_en", "unit", "kind", "conditional",
                  "responsible", *(str(y) for y in years)]
    else:
        *fixed, target = CRITERIA_COLUMNS[lang]
        header = [*fixed, *(target.format(year=y) for y in years)]
    rows: list[list[object]] = []
    for criterion in framework:
        if pillar is not None and criterion.pillar != pillar:
            continue
        targets = [criterion.targets.get(y) for y in years]
        row: list[object] = [
            criterion.id, criterion.pillar, criterion.name, criterion.name_en or "",
            criterion.unit, criterion.kind.value, criterion.conditional, criterion.responsible,
            *("*" if tg is None else tg.label for tg in targets)]
        if lang is not None:  # words for people: the pillar's name, the kind, Có/Không
            group = framework.pillar(criterion.pillar)
            row[1] = group.name if lang == "vi" else group.name_en or group.name
            row[5] = t(f"kind_{criterion.kind.value}", lang)
            row[6] = yes_no(criterion.conditional, lang)
        rows.append(row)
    return header, rows


def _criteria_json(framework: Framework, year: int | None, pillar: str | None) -> str:
    header, rows = _criteria_rows(framework, year, pillar)
    width = len(header) - len(framework.years if year is None else (year,))
    items = []
    for row in rows:
        item = dict(zip(header[:width], row[:width], strict=True))
        item["targets"] = {y: (None if c == "*" else c)
                           for y, c in zip(header[width:], row[width:], strict=True)}
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2)


def add_criteria(cli: click.Group, lang: Lang) -> None:
    """``criteria``: the criteria with their unit, office and yearly targets."""

    @subcommand(cli, "criteria", "criteria_help", lang)
    @click.option("--year", type=Year(lang), help=t("year_help", lang))
    @click.option("--pillar", metavar=t("pillar_metavar", lang), help=t("pillar_help", lang))
    @format_option(("table", "csv", "json", "xlsx"), lang)
    @output_option(lang)
    @common(lang)
    def criteria(year: int | None, pillar: str | None, fmt: str, output: Path | None,
                 framework: str | None, **_: Any) -> int:
        model = framework_of(framework)
        check_year(model, year, lang)
        pillar = None if pillar is None else _pillar_code(model, pillar, lang)
        export_output(fmt, output, lang)
        out = Out(output, lang)
        if fmt == "table":
            out.text(_render.criteria_text(model, year=year, pillar=pillar, lang=lang,
                                           style=out.style))
        elif fmt == "json":
            out.text(_criteria_json(model, year, pillar))
        elif fmt == "csv":
            out.data(csv_bytes(*_criteria_rows(model, year, pillar, lang)))
        else:
            out.file(xlsx_writer(*_criteria_rows(model, year, pillar, lang), lang,
                                 OUTPUT_SHEETS[lang]["criteria"]))
        return EXIT_OK


def add_template(cli: click.Group, lang: Lang) -> None:
    """``template``: the Excel entry template of a year, a sheet per commune."""

    @subcommand(cli, "template", "template_help", lang)
    @click.option("--year", type=Year(lang), help=t("year_help", lang))
    @click.option("--communes", metavar="FILE", type=click.Path(path_type=Path),
                  help=t("communes_help", lang))
    @click.option("-o", "--output", metavar="FILE.xlsx", type=click.Path(path_type=Path),
                  help=t("template_output_help", lang))
    @common(lang)
    def template(year: int | None, communes: Path | None, output: Path | None,
                 framework: str | None, **_: Any) -> int:
        year = needed(year, "--year", lang)
        output = xlsx_output(output, lang)
        model = framework_of(framework)
        check_year(model, year, lang)
        names = () if communes is None else commune_names(communes)
        Out(output, lang).file(
            lambda path: write_template(path, year, framework=model, communes=names, lang=lang)
        )
        return EXIT_OK


def _pillar_code(model: Framework, given: str, lang: Lang) -> str:
    """The code of the pillar ``--pillar`` names: by its code, its number (1 for the first) or
    its name in either language, matched without regard to case or spacing."""
    wanted = fold(given)
    for number, pillar in enumerate(model.pillars, start=1):
        names = (pillar.code, str(number), pillar.name, pillar.name_en or "")
        if wanted in {fold(name) for name in names if name}:
            return pillar.code
    known = ", ".join(f"{n} {p.name if lang == 'vi' else p.name_en or p.name} ({p.code})"
                      for n, p in enumerate(model.pillars, start=1))
    raise click.UsageError(t("bad_pillar", lang, value=given, codes=known))
