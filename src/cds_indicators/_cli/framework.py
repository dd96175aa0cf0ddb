"""The ``framework`` command group: a plan written in a spreadsheet. ``framework template``
writes the empty workbook an office fills in; ``framework convert`` reads a framework (a
spreadsheet, a TOML file or a shipped name) and writes it as TOML, XLSX or CSV."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from cds_indicators._cli.exits import EXIT_OK
from cds_indicators._cli.options import Choice, group_class, needed, subcommand, xlsx_output
from cds_indicators._cli.output import Out
from cds_indicators._cli.reading import framework_of
from cds_indicators._frameworks.dump import dump_framework
from cds_indicators._io.plan import plan_csv, write_plan
from cds_indicators._words import LANGUAGES, Lang
from cds_indicators._words.interface import t

__all__ = ["add_framework"]

F = TypeVar("F", bound=Callable[..., Any])
_SUFFIXES = (".toml", ".xlsx", ".csv")
_YEARS = re.compile(r"\d{4}(?:\s*[,;]\s*\d{4})*")


def _lang_and_debug(lang: Lang) -> Callable[[F], F]:
    def decorate(function: F) -> F:
        function = click.option("--debug", is_flag=True, help=t("debug_help", lang))(function)
        return click.option("--lang", "lang_option", type=Choice(LANGUAGES, lang),
                            help=t("lang_help", lang))(function)

    return decorate


def _output(lang: Lang, metavar: str, help_key: str) -> Callable[[F], F]:
    return click.option("-o", "--output", metavar=metavar, type=click.Path(path_type=Path),
                        help=t(help_key, lang))


def _years(text: str, lang: Lang) -> tuple[int, ...]:
    if not _YEARS.fullmatch(text.strip()):
        raise click.UsageError(t("framework_bad_years", lang, value=text))
    return tuple(sorted({int(y) for y in re.split(r"\s*[,;]\s*", text.strip())}))


def add_framework(cli: click.Group, lang: Lang) -> None:
    """``framework``: the group of ``template`` and ``convert``."""

    @cli.group("framework", cls=group_class(lang), help=t("framework_group_help", lang),
               options_metavar=t("options_metavar", lang),
               subcommand_metavar=t("command_metavar", lang))
    def framework() -> None:
        pass

    @subcommand(framework, "template", "framework_template_help", lang)
    @click.option("--years", metavar="YYYY[,YYYY…]", help=t("framework_years_help", lang))
    @_output(lang, "FILE.xlsx", "template_output_help")
    @_lang_and_debug(lang)
    def template(years: str | None, output: Path | None, **_: Any) -> int:
        chosen = _years(needed(years, "--years", lang), lang)
        Out(xlsx_output(output, lang), lang).file(lambda path: write_plan(path, None, chosen))
        return EXIT_OK

    @subcommand(framework, "convert", "framework_convert_help", lang)
    @click.argument("source", metavar="SOURCE")
    @_output(lang, "FILE", "framework_output_help")
    @_lang_and_debug(lang)
    def convert(source: str, output: Path | None, **_: Any) -> int:
        output = needed(output, "-o / --output", lang)
        suffix = output.suffix.lower()
        if suffix not in _SUFFIXES:
            raise click.UsageError(t("framework_bad_output", lang, name=str(output),
                                     suffixes=", ".join(_SUFFIXES)))
        model = framework_of(source)
        out = Out(output, lang)
        if suffix == ".toml":
            out.data(dump_framework(model).encode("utf-8"))
        elif suffix == ".csv":
            out.data(plan_csv(model).encode("utf-8-sig"))
        else:
            out.file(lambda path: write_plan(path, model))
        return EXIT_OK
