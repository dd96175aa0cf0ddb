"""The commands that read values files: ``validate`` checks them, ``evaluate`` gives each
commune's report, ``summarize`` rolls a district up."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import click

from cds_indicators._cli.exits import EXIT_INCOMPLETE, EXIT_OK
from cds_indicators._cli.options import (
    F,
    Year,
    common,
    export_output,
    files_argument,
    format_option,
    output_option,
    sheet_option,
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
from cds_indicators._cli.warnings import report_warnings, strict_option, warned
from cds_indicators._io.evidence import unevidenced
from cds_indicators._io.values import check_record
from cds_indicators._model.errors import InputError, Problem
from cds_indicators._model.report import Completion, Report
from cds_indicators._model.warnings import record_warnings
from cds_indicators._words import Lang
from cds_indicators._words.headers import OUTPUT_SHEETS
from cds_indicators._words.interface import t

__all__ = ["add_evaluate", "add_summarize", "add_validate"]

_REPORT_FORMATS = ("table", "json", "csv", "xlsx", "html")


def add_validate(cli: click.Group, lang: Lang) -> None:
    """``validate``: every problem in the files, without evaluating."""

    @subcommand(cli, "validate", "validate_help", lang)
    @files_argument(lang)
    @click.option("--year", type=Year(lang), help=t("year_eval_help", lang))
    @click.option("--require-evidence", is_flag=True, help=t("require_evidence_help", lang))
    @click.option("--official", is_flag=True, help=t("official_help", lang))
    @strict_option(lang)
    @sheet_option(lang)
    @common(lang)
    def validate(files: tuple[Path, ...], year: int | None, framework: str | None,
                 require_evidence: bool = False, official: bool = False, strict: bool = False,
                 **_: Any) -> int:
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
        if require_evidence and not problems:
            problems = [p for record in records for p in unevidenced(record, model, year)]
        if problems:
            raise InputError(problems)
        Out(None, lang).text(t("valid_ok", lang, files=len(files), records=len(records)))
        return warned([w for r in records for w in record_warnings(r)], lang, strict, EXIT_OK)


def add_evaluate(cli: click.Group, lang: Lang, evaluate: Evaluate) -> None:
    """``evaluate``: each commune's report, through ``evaluate``."""

    @subcommand(cli, "evaluate", "evaluate_help", lang)
    @files_argument(lang)
    @click.option("--year", type=Year(lang), help=t("year_eval_help", lang))
    @sheet_option(lang)
    @format_option(_REPORT_FORMATS, lang)
    @output_option(lang)
    @click.option("--fail-on-incomplete", is_flag=True, help=t("fail_help", lang))
    @keep_going_option(lang)
    @strict_option(lang)
    @common(lang)
    def evaluate_command(files: tuple[Path, ...], year: int | None, fmt: str,
                         output: Path | None, fail_on_incomplete: bool, keep_going: bool,
                         framework: str | None, strict: bool = False, **_: Any) -> int:
        model = framework_of(framework)
        check_year(model, year, lang)
        export_output(fmt, output, lang)
        found, problems = reports(files, year, model, lang, evaluate, keep_going)
        write_report_output(found, model, fmt, Out(output, lang))
        status = EXIT_OK
        if fail_on_incomplete and any(r.completion is not Completion.COMPLETED for r in found):
            status = EXIT_INCOMPLETE
        return _finished(found, problems, lang, strict, status)


def add_summarize(cli: click.Group, lang: Lang, evaluate: Evaluate) -> None:
    """``summarize``: the district roll-up, against the schedule when one is given."""

    @subcommand(cli, "summarize", "summarize_help", lang)
    @files_argument(lang)
    @click.option("--year", type=Year(lang), help=t("year_eval_help", lang))
    @sheet_option(lang)
    @click.option("--schedule", metavar="FILE", type=click.Path(path_type=Path),
                  help=t("schedule_help", lang))
    @click.option("--by", default="district", metavar="LEVEL", help=t("by_help", lang))
    @click.option("--successors", metavar="FILE", type=click.Path(path_type=Path),
                  help=t("successors_help", lang))
    @format_option(_REPORT_FORMATS, lang)
    @output_option(lang)
    @keep_going_option(lang)
    @strict_option(lang)
    @common(lang)
    def summarize_command(files: tuple[Path, ...], year: int | None, schedule: Path | None,
                          by: str, successors: Path | None, fmt: str, output: Path | None,
                          keep_going: bool, framework: str | None, strict: bool = False,
                          **_: Any) -> int:
        model = framework_of(framework)
        check_year(model, year, lang)
        export_output(fmt, output, lang)
        from cds_indicators._cli.summary import rollup_dicts, rollup_html, rollup_rows
        from cds_indicators._rollup.schedule import Schedule
        from cds_indicators._rollup.summary import summarize

        plan = None if schedule is None else Schedule.load(schedule)
        if successors is None:
            found, problems = reports(files, year, model, lang, evaluate, keep_going)
        else:
            from cds_indicators._cli.summary import rebased_reports

            found, problems = rebased_reports(files, year, model, successors, evaluate,
                                              keep_going)
            plan = None if plan is None else plan.rebased(successors)
        if problems and not found:
            raise InputError(problems)
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
            out.data(csv_bytes(*rollup_rows(summary, check, lang)))
        else:
            out.file(xlsx_writer(*rollup_rows(summary, check, lang), lang,
                                 OUTPUT_SHEETS[lang]["summary"]))
        return _finished(found, problems, lang, strict, EXIT_OK)


def _finished(found: list[Report], problems: list[Problem], lang: Lang, strict: bool,
              status: int) -> int:
    """The end of a command that evaluated: the warnings on stderr, then the refusals kept by
    ``--keep-going`` (exit 3); else ``status``, or 3 with ``--strict`` and a warning."""
    lines = report_warnings(found, lang)
    if problems:
        warned(lines, lang, False, status)
        raise InputError(problems)
    return warned(lines, lang, strict, status)


def keep_going_option(lang: Lang) -> Callable[[F], F]:
    """``--keep-going``: the commune-years that can be read are evaluated and written, the
    others listed with their place; the exit status is still 3."""
    return click.option("--keep-going", "keep_going", is_flag=True,
                        help=t("keep_going_help", lang))
