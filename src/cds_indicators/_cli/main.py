"""The ``cds-indicators`` command line (needs the ``[cli]`` extra).

Every subcommand takes ``--framework``, ``--lang`` and ``--debug``. The language is known before
click parses anything (``--lang`` anywhere on the line, else ``CDS_LANG``, else Vietnamese), so
that help texts, click's own usage messages and every error speak it.

Exit status: 0 success; 1 a commune has not completed (with ``--fail-on-incomplete``); 2 usage
error; 3 input error (every problem listed with its place); 4 internal error.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import attrs
import click

from cds_indicators import load_values, write_reports, write_template
from cds_indicators._evaluation.scalar import evaluate, read_value
from cds_indicators._frameworks.files import available_frameworks, load_framework
from cds_indicators._io.values import Record
from cds_indicators._model.errors import (
    CdsError,
    InputError,
    Problem,
    UnknownCriterionError,
    UnknownYearError,
)
from cds_indicators._model.framework import Framework
from cds_indicators._model.report import Completion, Report
from cds_indicators._render import text as _render
from cds_indicators._words import Lang, lang_of
from cds_indicators._words.interface import LANGS, t, translate_usage

__all__ = ["EXIT_INCOMPLETE", "EXIT_INPUT", "EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "run"]

EXIT_OK = 0
EXIT_INCOMPLETE = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_INTERNAL = 4

PROG = "cds-indicators"
LANG_ENV = "CDS_LANG"
#: Seconds a batch runs before its progress bar appears (on a terminal only).
PROGRESS_ENV = "CDS_PROGRESS_AFTER"

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

_ROLE_STYLES: dict[str, dict[str, Any]] = {
    "title": {"bold": True},
    "heading": {"bold": True},
    "header": {"bold": True},
    "pass": {"fg": "green"},
    "fail": {"fg": "red", "bold": True},
    "missing": {"fg": "yellow"},
    "muted": {"dim": True},
}


# --- language and the shape of help -------------------------------------------------------------


def _prescan(args: Sequence[str]) -> tuple[str | None, bool]:
    """The ``--lang`` value and whether ``--debug`` is on, read before click parses ``args``."""
    lang, debug = None, False
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--debug":
            debug = True
        elif arg == "--lang" and i + 1 < len(args):
            lang = args[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return lang, debug


class _Help:
    """Localised help for commands and groups: headings, usage prefix and the help option."""

    lang: Lang = "vi"

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = t("help_help", self.lang)
        return option  # type: ignore[no-any-return]

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=t("usage", self.lang))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = [
            record
            for param in self.get_params(ctx)  # type: ignore[attr-defined]
            if (record := param.get_help_record(ctx)) is not None
        ]
        if records:
            with formatter.section(t("options", self.lang)):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            rows = [
                (name, command.get_short_help_str(formatter.width - 6 - len(name)))
                for name in self.list_commands(ctx)
                if (command := self.get_command(ctx, name)) is not None
            ]
            with formatter.section(t("commands", self.lang)):
                formatter.write_dl(rows)


def _command_class(lang: Lang) -> type[click.Command]:
    return type("Command", (_Help, click.Command), {"lang": lang})


def _in_order(self: click.Group, ctx: click.Context) -> list[str]:
    # The order of the work: criteria, template, validate, evaluate, summarize.
    return list(self.commands)


def _group_class(lang: Lang) -> type[click.Group]:
    return type("Group", (_Help, click.Group), {"lang": lang, "list_commands": _in_order})


class _Choice(click.ParamType[Any]):
    """A choice whose refusal speaks the chosen language."""

    name = "choice"

    def __init__(self, choices: Sequence[str], lang: Lang) -> None:
        self.choices = tuple(choices)
        self.lang = lang

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return f"[{'|'.join(self.choices)}]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value in self.choices:
            return value
        name = param.opts[0] if param is not None and param.opts else "?"
        raise click.UsageError(
            t("bad_choice", self.lang, value=value, param=name, choices=", ".join(self.choices)),
            ctx,
        )


class _Year(click.ParamType[Any]):
    """A year, refused in the chosen language when it is not a whole number."""

    name = "year"

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "YYYY"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if text.isascii() and text.isdigit() and len(text) <= 4:
            return int(text)
        raise click.UsageError(t("bad_year", self.lang, value=value, param="--year"), ctx)


# --- output --------------------------------------------------------------------------------------


@attrs.frozen
class _Out:
    """Where the output goes, and how text is styled there."""

    path: Path | None
    lang: Lang

    @property
    def color(self) -> bool | None:
        # click strips styles when stdout is not a terminal; NO_COLOR strips them everywhere.
        if self.path is not None or os.environ.get("NO_COLOR"):
            return False
        return None

    def style(self, text: str, role: str) -> str:
        if self.color is False:
            return text
        return click.style(text, **_ROLE_STYLES.get(role, {}))

    def text(self, text: str) -> None:
        if self.path is None:
            click.echo(text, color=self.color)
            return
        self._write(lambda path: path.write_text(text + "\n", encoding="utf-8"))

    def data(self, data: bytes) -> None:
        if self.path is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        self._write(lambda path: path.write_bytes(data))

    def file(self, write: Callable[[Path], object]) -> None:
        """Write through a function that takes the output path (workbooks)."""
        if self.path is None:
            raise click.UsageError(t("xlsx_needs_output", self.lang))
        self._write(write)

    def _write(self, write: Callable[[Path], object]) -> None:
        assert self.path is not None
        try:
            write(self.path)
        except OSError as exc:
            raise _Failure(
                t("cannot_write", self.lang, path=self.path, detail=exc.strerror or exc)
            ) from None
        click.echo(t("written", self.lang, path=self.path), err=True)


class _Failure(Exception):
    """A user mistake the command line words itself (exit status 3)."""


def _progress(items: Sequence[T], lang: Lang) -> Iterator[T]:
    """``items``, drawing a progress bar on stderr once the batch has run longer than a second
    and only when stderr is a terminal."""
    stream = sys.stderr
    if not stream.isatty():
        yield from items
        return
    start, drawn, total = time.monotonic(), False, len(items)
    try:
        after = float(os.environ.get(PROGRESS_ENV, "1"))
    except ValueError:
        after = 1.0
    for done, item in enumerate(items):
        yield item
        if time.monotonic() - start >= after:
            filled = (done + 1) * 30 // max(total, 1)
            bar = "#" * filled + "-" * (30 - filled)
            stream.write(f"\r{t('progress', lang)} [{bar}] {done + 1}/{total}")
            stream.flush()
            drawn = True
    if drawn:
        stream.write("\r" + " " * 60 + "\r")
        stream.flush()


# --- reading inputs ------------------------------------------------------------------------------


def _framework(source: str | None) -> Framework:
    return load_framework(source)


def _problems_of(exc: CdsError) -> list[Problem]:
    """The located problems an error carries, as records."""
    problems = getattr(exc, "problems", None)
    if problems:
        return list(problems)
    if isinstance(exc, UnknownYearError):
        return [_year_problem(exc.year, exc.years, exc.framework)]
    if isinstance(exc, UnknownCriterionError):
        return [Problem.of("unknown_criterion", criterion=exc.criterion,
                           framework=exc.framework or "?")]
    return [Problem(code="error", message=str(exc), message_en=str(exc))]


def _year_problem(year: object, years: Iterable[int], framework: str | None,
                  source: str | None = None) -> Problem:
    return Problem.of("year_not_in_framework", value=year, framework=framework or "?",
                      years=", ".join(str(y) for y in years), source=source)


def _located(problems: Iterable[Problem], source: str | None,
             record: Record | None = None) -> list[Problem]:
    """``problems``, each placed in ``source`` (and at the record's sheet and row) unless it
    already says where it is."""
    place: dict[str, Any] = {"source": source}
    if record is not None:
        place.update(sheet=record.sheet, row=record.row, path=record.path)
    return [p if p.source is not None or source is None else attrs.evolve(p, **place)
            for p in problems]


def _read_records(paths: Sequence[Path], year: int | None,
                  framework: Framework) -> tuple[list[Record], list[Problem]]:
    """Every commune-year in ``paths``, and every problem found reading them."""
    records: list[Record] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            records.extend(load_values(path, year=year, framework=framework))
        except CdsError as exc:
            problems.extend(_located(_problems_of(exc), str(path)))
    return records, problems


def _check_year(framework: Framework, year: int | None, lang: Lang) -> None:
    if year is not None and year not in framework.years:
        problem = _year_problem(year, framework.years, framework.id)
        raise click.UsageError(problem.text(lang))


def _year_of(record: Record, year: int | None, framework: Framework) -> int | Problem:
    when = record.year if record.year is not None else year
    source = record.source
    if when is None:
        return Problem.of("missing_year", source=source)
    if when not in framework.years:
        return _year_problem(when, framework.years, framework.id, source=source)
    return int(when)


def _evaluate_all(
    records: Sequence[Record], year: int | None, framework: Framework, lang: Lang
) -> tuple[list[Report], list[Problem]]:
    reports, problems = [], []
    for record in _progress(records, lang):
        when = _year_of(record, year, framework)
        if isinstance(when, Problem):
            problems.append(when)
            continue
        try:
            reports.append(evaluate(record.values, when, framework=framework,
                                    commune=record.commune, district=record.district))
        except CdsError as exc:
            problems.extend(_located(_problems_of(exc), record.source, record))
    return reports, problems


def _reports(paths: Sequence[Path], year: int | None, framework: Framework,
             lang: Lang) -> list[Report]:
    records, problems = _read_records(paths, year, framework)
    reports, more = _evaluate_all(records, year, framework, lang)
    if problems or more:
        raise InputError([*problems, *more])
    return reports


def _missing_extra(extra: str, lang: Lang) -> NoReturn:
    raise _Failure(t("missing_extra", lang, extra=extra))


# --- tables out ----------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(cell: object) -> object:
    """A cell that a spreadsheet shows as text, never runs as a formula."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def _csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_safe(c) for c in row] for row in rows)
    # With a BOM, Excel opens the file as UTF-8 and shows the Vietnamese names as written.
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_writer(header: Sequence[str], rows: Iterable[Sequence[object]],
                 lang: Lang) -> Callable[[Path], None]:
    try:
        import openpyxl
    except ImportError:
        _missing_extra("excel", lang)

    def write(path: Path) -> None:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(list(header))
        for row in rows:
            sheet.append([_safe(c) for c in row])
        book.save(path)

    return write


def _criteria_rows(framework: Framework, year: int | None,
                   pillar: str | None) -> tuple[list[str], list[list[object]]]:
    years = framework.years if year is None else (year,)
    header = ["id", "pillar", "name", "name_en", "unit", "kind", "conditional", "responsible",
              *(str(y) for y in years)]
    rows: list[list[object]] = []
    for criterion in framework:
        if pillar is not None and criterion.pillar != pillar:
            continue
        targets = [criterion.targets.get(y) for y in years]
        rows.append([criterion.id, criterion.pillar, criterion.name, criterion.name_en or "",
                     criterion.unit, criterion.kind.value, criterion.conditional,
                     criterion.responsible, *("*" if tg is None else tg.label for tg in targets)])
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


# --- the commands --------------------------------------------------------------------------------


def _common(lang: Lang) -> Callable[[F], F]:
    """``--framework``, ``--lang`` and ``--debug``: the options of every subcommand."""

    def decorate(function: F) -> F:
        function = click.option("--debug", is_flag=True, help=t("debug_help", lang))(function)
        function = click.option("--lang", "lang_option", type=_Choice(LANGS, lang),
                                help=t("lang_help", lang))(function)
        return click.option(
            "--framework", metavar="PATH|NAME",
            help=t("framework_help", lang, names=", ".join(["1829", *available_frameworks()])),
        )(function)

    return decorate


def _format_option(formats: Sequence[str], lang: Lang) -> Callable[[F], F]:
    return click.option("--format", "fmt", type=_Choice(formats, lang), default="table",
                        help=t("format_help", lang))


def _output_option(lang: Lang) -> Callable[[F], F]:
    return click.option("-o", "--output", metavar="FILE", type=click.Path(path_type=Path),
                        help=t("output_help", lang))


def _files_argument(lang: Lang) -> Callable[[F], F]:
    return click.argument("files", nargs=-1, required=True, metavar=t("files_metavar", lang),
                          type=click.Path(path_type=Path))


def build(lang: Lang = "vi") -> click.Group:
    """The ``cds-indicators`` command, speaking ``lang``."""
    command_class = _command_class(lang)
    epilog = t("exit_codes", lang)

    @click.group(
        cls=_group_class(lang), help=t("prog_help", lang), epilog=epilog,
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 80},
        options_metavar=t("options_metavar", lang),
        subcommand_metavar=t("command_metavar", lang),
    )
    @click.option("--lang", "lang_option", type=_Choice(LANGS, lang), help=t("lang_help", lang))
    @click.option("--debug", is_flag=True, help=t("debug_help", lang))
    @click.version_option(None, "--version", package_name="cds-indicators",
                          help=t("version_help", lang), message="%(prog)s %(version)s")
    def cli(lang_option: str | None, debug: bool) -> None:
        pass

    def command(name: str, help_key: str) -> Callable[[F], Any]:
        return cli.command(name, cls=command_class, help=t(help_key, lang), epilog=epilog,
                           options_metavar=t("options_metavar", lang))

    @command("criteria", "criteria_help")
    @click.option("--year", type=_Year(lang), help=t("year_help", lang))
    @click.option("--pillar", metavar="CODE", help=t("pillar_help", lang, codes="…"))
    @_format_option(("table", "csv", "json", "xlsx"), lang)
    @_output_option(lang)
    @_common(lang)
    def criteria(year: int | None, pillar: str | None, fmt: str, output: Path | None,
                 framework: str | None, **_: Any) -> int:
        model = _framework(framework)
        _check_year(model, year, lang)
        codes = [p.code for p in model.pillars]
        if pillar is not None and pillar not in codes:
            raise click.UsageError(t("bad_pillar", lang, value=pillar, codes=", ".join(codes)))
        out = _Out(output, lang)
        if fmt == "table":
            out.text(_render.criteria_text(model, year=year, pillar=pillar, lang=lang,
                                           style=out.style))
        elif fmt == "json":
            out.text(_criteria_json(model, year, pillar))
        elif fmt == "csv":
            out.data(_csv_bytes(*_criteria_rows(model, year, pillar)))
        else:
            out.file(_xlsx_writer(*_criteria_rows(model, year, pillar), lang))
        return EXIT_OK

    @command("template", "template_help")
    @click.option("--year", type=_Year(lang), help=t("year_help", lang))
    @click.option("--communes", metavar="FILE", type=click.Path(path_type=Path),
                  help=t("communes_help", lang))
    @click.option("-o", "--output", metavar="FILE.xlsx", type=click.Path(path_type=Path),
                  help=t("template_output_help", lang))
    @_common(lang)
    def template(year: int | None, communes: Path | None, output: Path | None,
                 framework: str | None, **_: Any) -> int:
        if year is None:
            raise click.UsageError(t("missing_option", lang, name="--year"))
        if output is None:
            raise click.UsageError(t("missing_option", lang, name="-o / --output"))
        if output.suffix.lower() != ".xlsx":
            raise click.UsageError(t("template_not_xlsx", lang, name=str(output)))
        model = _framework(framework)
        _check_year(model, year, lang)
        names = () if communes is None else _commune_names(communes)
        _Out(output, lang).file(
            lambda path: write_template(path, year, framework=model, communes=names)
        )
        return EXIT_OK

    @command("validate", "validate_help")
    @_files_argument(lang)
    @click.option("--year", type=_Year(lang), help=t("year_eval_help", lang))
    @_common(lang)
    def validate(files: tuple[Path, ...], year: int | None, framework: str | None,
                 **_: Any) -> int:
        model = _framework(framework)
        _check_year(model, year, lang)
        records, problems = _read_records(files, year, model)
        for record in _progress(records, lang):
            problems.extend(_record_problems(record, year, model))
        if problems:
            raise InputError(problems)
        click.echo(t("valid_ok", lang, files=len(files), records=len(records)))
        return EXIT_OK

    @command("evaluate", "evaluate_help")
    @_files_argument(lang)
    @click.option("--year", type=_Year(lang), help=t("year_eval_help", lang))
    @_format_option(("table", "json", "csv", "xlsx", "html"), lang)
    @_output_option(lang)
    @click.option("--fail-on-incomplete", is_flag=True, help=t("fail_help", lang))
    @_common(lang)
    def evaluate_command(files: tuple[Path, ...], year: int | None, fmt: str,
                         output: Path | None, fail_on_incomplete: bool, framework: str | None,
                         **_: Any) -> int:
        model = _framework(framework)
        _check_year(model, year, lang)
        if fmt == "xlsx" and output is None:
            raise click.UsageError(t("xlsx_needs_output", lang))
        reports = _reports(files, year, model, lang)
        _write_reports(reports, model, fmt, _Out(output, lang))
        if fail_on_incomplete and any(r.completion is not Completion.COMPLETED for r in reports):
            return EXIT_INCOMPLETE
        return EXIT_OK

    @command("summarize", "summarize_help")
    @_files_argument(lang)
    @click.option("--year", type=_Year(lang), help=t("year_eval_help", lang))
    @click.option("--schedule", metavar="FILE", type=click.Path(path_type=Path),
                  help=t("schedule_help", lang))
    @_format_option(("table", "json", "csv", "xlsx", "html"), lang)
    @_output_option(lang)
    @_common(lang)
    def summarize_command(files: tuple[Path, ...], year: int | None, schedule: Path | None,
                          fmt: str, output: Path | None, framework: str | None,
                          **_: Any) -> int:
        model = _framework(framework)
        _check_year(model, year, lang)
        if fmt == "xlsx" and output is None:
            raise click.UsageError(t("xlsx_needs_output", lang))
        from cds_indicators._cli.summary import rollup_dicts, rollup_html, rollup_rows
        from cds_indicators._rollup.schedule import Schedule
        from cds_indicators._rollup.summary import summarize

        plan = None if schedule is None else Schedule.load(schedule)
        summary = summarize(_reports(files, year, model, lang), framework=model)
        check = None if plan is None else summary.against(plan)
        out = _Out(output, lang)
        if fmt == "table":
            out.text(summary.text(lang, check))
        elif fmt == "json":
            out.text(json.dumps(rollup_dicts(summary, check), ensure_ascii=False, indent=2))
        elif fmt == "html":
            out.text(rollup_html(summary, check, model, lang))
        elif fmt == "csv":
            out.data(_csv_bytes(*rollup_rows(summary, check)))
        else:
            out.file(_xlsx_writer(*rollup_rows(summary, check), lang))
        return EXIT_OK

    return cli


def _commune_names(path: Path) -> tuple[str | tuple[str, str], ...]:
    """Communes from a file: a CSV with a ``commune`` (or ``Xã``) column and perhaps a
    ``district`` (or ``Huyện``) column, else one name a line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise InputError([Problem.of("file_unreadable", source=str(path),
                                     detail=detail or exc)]) from None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if path.suffix.lower() != ".csv" or not lines:
        return tuple(lines)
    separator = ";" if lines[0].count(";") > lines[0].count(",") else ","
    rows = list(csv.reader(lines, delimiter=separator))
    header = [h.strip().casefold() for h in rows[0]]
    name = next((header.index(h) for h in ("commune", "xã") if h in header), None)
    if name is None:
        return tuple(lines)
    district = next((header.index(h) for h in ("district", "huyện") if h in header), None)
    found: list[str | tuple[str, str]] = []
    for row in rows[1:]:
        commune = row[name].strip() if len(row) > name else ""
        if not commune:
            continue
        where = row[district].strip() if district is not None and len(row) > district else ""
        found.append((commune, where) if where else commune)
    return tuple(found)


def _record_problems(record: Record, year: int | None, framework: Framework) -> list[Problem]:
    """Everything wrong with one commune-year's values, without evaluating it."""
    source = record.source
    problems: list[Problem] = []
    when = _year_of(record, year, framework)
    if isinstance(when, Problem):
        problems.append(when)
    for key, value in record.values.items():
        if key not in framework:
            problems.append(Problem.of("unknown_criterion", criterion=str(key), value=value,
                                       framework=framework.id, source=source))
            continue
        if value is None:
            continue
        found = read_value(framework[key], value)
        if isinstance(found, Problem):
            problems.append(found)
    return _located(problems, source, record)


def _write_reports(reports: Sequence[Report], framework: Framework, fmt: str, out: _Out) -> None:
    lang = out.lang
    if fmt == "table":
        out.text(_render.reports_text(reports, framework, lang, out.style))
    elif fmt == "json":
        out.text(json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2))
    elif fmt == "html":
        from cds_indicators._render.page import reports_html

        out.text(reports_html(reports, framework, lang))
    else:
        # The exporter picks the format by the suffix; the user's file may be named otherwise.
        with tempfile.TemporaryDirectory() as folder:
            written = write_reports(reports, Path(folder, f"reports.{fmt}"), lang=lang)
            data = written.read_bytes()
        if fmt == "xlsx":
            out.file(lambda path: path.write_bytes(data))
        else:
            out.data(data)


# --- running -------------------------------------------------------------------------------------


def _usage_text(exc: click.UsageError, lang: Lang) -> str:
    """What is wrong with the command line, in ``lang``."""
    names: list[str] | None = None
    if isinstance(exc, click.NoSuchOption):
        text, names = t("no_such_option", lang, name=exc.option_name), exc.possibilities
    elif isinstance(exc, click.exceptions.NoSuchCommand):
        text, names = t("no_such_command", lang, name=exc.command_name), exc.possibilities
    elif isinstance(exc, click.MissingParameter) and exc.param is not None:
        param = exc.param
        if isinstance(param, click.Argument):
            text = t("missing_argument", lang, name=param.make_metavar(exc.ctx))  # type: ignore[arg-type]
        else:
            text = t("missing_option", lang, name=" / ".join(param.opts))
    else:
        text = translate_usage(exc.format_message(), lang)
    if names:
        text += "; " + t("did_you_mean", lang, names=", ".join(names))
    return text


def _usage_message(exc: click.UsageError, lang: Lang) -> str:
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):
        return exc.format_message()
    lines = []
    ctx = exc.ctx
    if ctx is not None:
        lines.append(ctx.get_usage().replace("Usage: ", t("usage", lang), 1))
        lines.append(t("help_hint", lang, prog=ctx.command_path))
        lines.append("")
    lines.append(f"{t('usage_error', lang)}: {_usage_text(exc, lang)}")
    return "\n".join(lines)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status; user mistakes never show a traceback."""
    args = list(sys.argv[1:] if argv is None else argv)
    wanted, debug = _prescan(args)
    asked = wanted if wanted is not None else os.environ.get(LANG_ENV, "vi")
    found = lang_of(asked)
    if found is None:
        shown = asked
        lang: Lang = "vi" if wanted is None or os.environ.get(LANG_ENV) not in ("en",) else "en"
        name = "--lang" if wanted is not None else LANG_ENV
        click.echo(f"{t('usage_error', lang)}: "
                   + t("bad_choice", lang, value=shown, param=name, choices=", ".join(LANGS)),
                   err=True)
        return EXIT_USAGE
    lang = found
    try:
        result = build(lang).main(args=args, prog_name=PROG, standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.UsageError as exc:
        click.echo(_usage_message(exc, lang), err=True)
        return EXIT_USAGE
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo(t("interrupted", lang), err=True)
        return 130
    except CdsError as exc:
        click.echo(_render.problems_text(_problems_of(exc), lang), err=True)
        return EXIT_INPUT
    except _Failure as exc:
        click.echo(f"{t('error', lang)}: {exc}", err=True)
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader went away (``| head``); nothing more to say, and nothing to flush at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        if debug:
            traceback.print_exc()
        detail = str(exc).splitlines()[0] if str(exc) else ""
        click.echo(t("internal_error", lang, kind=type(exc).__name__, detail=detail), err=True)
        return EXIT_INTERNAL
    return result if isinstance(result, int) else EXIT_OK


if __name__ == "__main__":
    sys.exit(run())
