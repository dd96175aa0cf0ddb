"""What every command of the command line shares: localised help, the option types that refuse
in the chosen language, and the common options (``--framework``, ``--lang``, ``--debug``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from cds_indicators._frameworks.registry import available_frameworks
from cds_indicators._words import LANGUAGES, Lang
from cds_indicators._words.interface import t

__all__ = ["FILE_FORMATS", "Choice", "Year", "chosen_sheets", "common", "export_output",
           "files_argument", "format_option", "group_class", "needed", "output_option",
           "output_suffix", "sheet_option", "show_notices", "subcommand", "xlsx_output"]

F = TypeVar("F", bound=Callable[..., Any])


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


def group_class(lang: Lang) -> type[click.Group]:
    """The class of the ``cds-indicators`` group, its help in ``lang``."""
    return type("Group", (_Help, click.Group), {"lang": lang, "list_commands": _in_order})


def subcommand(cli: click.Group, name: str, help_key: str, lang: Lang) -> Callable[[F], Any]:
    """Add the decorated function to ``cli`` as the command ``name``, its help in ``lang``."""
    return cli.command(name, cls=_command_class(lang), help=t(help_key, lang),
                       epilog=t("exit_codes", lang), options_metavar=t("options_metavar", lang))


class Choice(click.ParamType[Any]):
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


class Year(click.ParamType[Any]):
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


def common(lang: Lang) -> Callable[[F], F]:
    """``--framework``, ``--lang`` and ``--debug``: the options of every subcommand."""

    def decorate(function: F) -> F:
        function = click.option("--debug", is_flag=True, help=t("debug_help", lang))(function)
        function = click.option("--lang", "lang_option", type=Choice(LANGUAGES, lang),
                                help=t("lang_help", lang))(function)
        return click.option(
            "--framework", metavar="PATH|NAME",
            help=t("framework_help", lang, names=", ".join(["1829", *available_frameworks()])),
        )(function)

    return decorate


def format_option(formats: Sequence[str], lang: Lang) -> Callable[[F], F]:
    """``--format``, one of ``formats``, ``table`` by default."""
    return click.option("--format", "fmt", type=Choice(formats, lang), default="table",
                        help=t("format_help", lang))


def needed(value: Any, name: str, lang: Lang) -> Any:
    """``value``, or a usage error naming the option ``name`` that should have given it."""
    if value is None:
        raise click.UsageError(t("missing_option", lang, name=name))
    return value


#: The formats written to a file whose suffix names them: an ``-o`` whose suffix names another
#: is refused (:func:`export_output`).
FILE_FORMATS = ("csv", "json", "xlsx", "html")


def output_suffix(path: Path, fmt: str, lang: Lang, *, key: str = "format_needs_suffix",
                  known: Sequence[str] | None = FILE_FORMATS) -> Path:
    """``path``, refused (a usage error, the message ``key``) when its suffix is not ``.fmt``
    but names one of the ``known`` formats; with ``known=None``, any other suffix (or none)."""
    suffix = path.suffix.lower().removeprefix(".")
    if suffix != fmt and (known is None or suffix in known):
        raise click.UsageError(t(key, lang, name=str(path), fmt=fmt))
    return path


def xlsx_output(output: Path | None, lang: Lang) -> Path:
    """The ``-o`` of a command that writes a workbook: given, and ending in ``.xlsx``."""
    path: Path = needed(output, "-o / --output", lang)
    return output_suffix(path, "xlsx", lang, key="template_not_xlsx", known=None)


def export_output(fmt: str, output: Path | None, lang: Lang) -> None:
    """Refuse, before any file is read, an export that cannot be written as asked: a workbook
    without ``-o``, or an ``-o`` whose suffix names another format than ``--format``'s (CSV text
    in ``out.xlsx``); a suffix that names no format (``.txt``, none) is the user's choice."""
    if output is None:
        if fmt == "xlsx":
            raise click.UsageError(t("xlsx_needs_output", lang))
    elif fmt in FILE_FORMATS:
        output_suffix(output, fmt, lang)


def output_option(lang: Lang) -> Callable[[F], F]:
    """``-o FILE``: where the output goes instead of the terminal."""
    return click.option("-o", "--output", metavar="FILE", type=click.Path(path_type=Path),
                        help=t("output_help", lang))


def files_argument(lang: Lang) -> Callable[[F], F]:
    """The input files, one or more."""
    return click.argument("files", nargs=-1, required=True, metavar=t("files_metavar", lang),
                          type=click.Path(path_type=Path))


_SHEETS = "cds_indicators.sheets"


def _keep_sheets(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> None:
    ctx.meta[_SHEETS] = value


def sheet_option(lang: Lang) -> Callable[[F], F]:
    """``--sheet NAME`` (repeatable): the workbook sheets to read; :func:`chosen_sheets`."""
    return click.option("--sheet", "sheet", metavar=t("sheet_metavar", lang), multiple=True,
                        expose_value=False, callback=_keep_sheets, help=t("sheet_help", lang))


def chosen_sheets() -> tuple[str, ...] | None:
    """The sheets ``--sheet`` named for the running command (``None``: every sheet)."""
    ctx = click.get_current_context(silent=True)
    return (ctx.meta.get(_SHEETS) or None) if ctx is not None else None


def show_notices(notices: Sequence[Any]) -> None:
    """Print each notice (a ``Problem``) once on stderr, in the running command's language."""
    ctx = click.get_current_context(silent=True)
    lang: Lang = getattr(ctx.command, "lang", "vi") if ctx is not None else "vi"
    for notice in dict.fromkeys(notices):
        click.echo(f"{t('notice', lang)}: {notice.text(lang)}", err=True)
