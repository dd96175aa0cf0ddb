"""The commands that read values files: ``validate`` checks them, ``evaluate`` gives each
commune's report, ``summarize`` rolls a district up."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import click

from cds_indicators._cli.exits import EXIT_INCOMPLETE, EXIT_OK
from cds_indicators._cli.options import (
    Year,
    common,
    files_argument,
    format_option,
    output_option,
    subcommand,
)
from cds_indicators._cli.output import Out, csv_bytes, write_report_output, xlsx_writer
from cds_indicators._cli.reading import (
    Evaluate,
    check_year,
    framework_of,
    progress,
    read_records,
    reports,
)
from cds_indicators._io.values import check_record
from cds_indicators._model.errors import InputError
from cds_indicators._model.report import Completion
from cds_indicators._words import Lang
from cds_indicators._words.interface import t

__all__ = ["add_evaluate", "add_summarize", "add_validate"]

_REPORT_FORMATS = ("table", "json", "csv", "xlsx", "html")


def add_validate(cli: click.Group, lang: Lang) -> None:
    """``validate``: every problem in the files, without evaluating."""

    @subcommand(cli, "validate", "validate_help", lang)
    @files_argument(lang)
    @click.option("--year", type=Year(lang), help=t("year_eval_help", lang))
    @click.option("--official", is_flag=True, help=t("official_help", lang))
    @common(lang)
    def validate(files: tuple[Path, ...], year: int | None, official: bool,
                 framework: str | None, **_: Any) -> int:
        model = framework_of(framework)
        check_year(model, year, lang)
        records, problems = read_records(files, year, model)
        for record in progress(records, lang):
            problems.extend(check_record(record, model, year))
        if official:
            from cds_indicators._rollup.admin import official_problems

            problems.extend(official_problems(
                r if r.year is not None or year is None else attrs.evolve(r, year=year)
                for r in records))
        if problems:
            raise InputError(problems)
        click.echo(t("valid_ok", lang, files=len(files), records=len(records)))
        return EXIT_OK


def add_evaluate(cli: click.Group, lang: Lang, evaluate: Evaluate) -> None:
    """``evaluate``: each commune's report, through ``evaluate``."""

    @subcommand(cli, "evaluate", "evaluate_help", lang)
    @files_argument(lang)
    @click.option("--year", type=Year(lang), help=t("year_eval_help", lang))
    @format_option(_REPORT_FORMATS, lang)
    @output_option(lang)
    @click.option("--fail-on-incomplete", is_flag=True, help=t("fail_help", lang))
    @common(lang)
    def evaluate_command(files: tuple[Path, ...], year: int | None, fmt: str,
                         output: Path | None, fail_on_incomplete: bool, framework: str | None,
                         **_: Any) -> int:
        model = framework_of(framework)
        check_year(model, year, lang)
        if fmt == "xlsx" and output is None:
            raise click.UsageError(t("xlsx_needs_output", lang))
        found = reports(files, year, model, lang, evaluate)
        write_report_output(found, model, fmt, Out(output, lang))
        if fail_on_incomplete and any(r.completion is not Completion.COMPLETED for r in found):
            return EXIT_INCOMPLETE
        return EXIT_OK


def add_summarize(cli: click.Group, lang: Lang, evaluate: Evaluate) -> None:
    """``summarize``: the district roll-up, against the schedule when one is given."""

    @subcommand(cli, "summarize", "summarize_help", lang)
    @files_argument(lang)
    @click.option("--year", type=Year(lang), help=t("year_eval_help", lang))
    @click.option("--schedule", metavar="FILE", type=click.Path(path_type=Path),
                  help=t("schedule_help", lang))
    @click.option("--by", default="district", metavar="LEVEL", help=t("by_help", lang))
    @click.option("--successors", metavar="FILE", type=click.Path(path_type=Path),
                  help=t("successors_help", lang))
    @format_option(_REPORT_FORMATS, lang)
    @output_option(lang)
    @common(lang)
    def summarize_command(files: tuple[Path, ...], year: int | None, schedule: Path | None,
                          by: str, successors: Path | None, fmt: str, output: Path | None,
                          framework: str | None, **_: Any) -> int:
        model = framework_of(framework)
        check_year(model, year, lang)
        if fmt == "xlsx" and output is None:
            raise click.UsageError(t("xlsx_needs_output", lang))
        from cds_indicators._cli.summary import rollup_dicts, rollup_html, rollup_rows
        from cds_indicators._rollup.schedule import Schedule
        from cds_indicators._rollup.summary import summarize

        plan = None if schedule is None else Schedule.load(schedule)
        if successors is None:
            found = reports(files, year, model, lang, evaluate)
        else:
            from cds_indicators._cli.summary import rebased_reports

            found = rebased_reports(files, year, model, successors, evaluate)
            plan = None if plan is None else plan.rebased(successors)
        summary = summarize(found, framework=model, by=by)
        check = None if plan is None else summary.against(plan)
        out = Out(output, lang)
        if fmt == "table":
            out.text(summary.text(lang, check))
        elif fmt == "json":
            out.text(json.dumps(rollup_dicts(summary, check), ensure_ascii=False, indent=2))
        elif fmt == "html":
            out.text(rollup_html(summary, check, model, lang))
        elif fmt == "csv":
            out.data(csv_bytes(*rollup_rows(summary, check)))
        else:
            out.file(xlsx_writer(*rollup_rows(summary, check), lang))
        return EXIT_OK
