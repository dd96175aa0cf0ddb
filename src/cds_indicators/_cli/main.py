"""The ``cds-indicators`` command line (needs the ``[cli]`` extra): running it.

Every subcommand takes ``--framework``, ``--lang`` and ``--debug``. The language is known before
click parses anything (``--lang`` anywhere on the line, else ``CDS_LANG``, else Vietnamese), so
that help texts, click's own usage messages and every error speak it.

Exit status: 0 success; 1 a commune has not completed (with ``--fail-on-incomplete``); 2 usage
error; 3 input error (every problem listed with its place); 4 internal error.

The rooms: :mod:`~cds_indicators._cli.app` builds the group, :mod:`~cds_indicators._cli.options`
holds what every command shares, :mod:`~cds_indicators._cli.criteria` and
:mod:`~cds_indicators._cli.evaluating` the commands, :mod:`~cds_indicators._cli.reading` the way
from files to reports, :mod:`~cds_indicators._cli.output` the writers.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence

import click

from cds_indicators._cli.app import build
from cds_indicators._cli.exits import (
    EXIT_INCOMPLETE,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
)
from cds_indicators._cli.output import Failure
from cds_indicators._io.values import evaluate_record
from cds_indicators._model.errors import CdsError
from cds_indicators._render import text as _render
from cds_indicators._words import LANGUAGES, Lang, lang_of
from cds_indicators._words.interface import t, translate_usage

__all__ = ["EXIT_INCOMPLETE", "EXIT_INPUT", "EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "run"]

PROG = "cds-indicators"
LANG_ENV = "CDS_LANG"
#: How the commands judge a record they have read (its values read once, when its file was).
evaluate = evaluate_record


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
                   + t("bad_choice", lang, value=shown, param=name, choices=", ".join(LANGUAGES)),
                   err=True)
        return EXIT_USAGE
    lang = found
    try:
        # The evaluator is looked up here, when the command runs, so that one standing in for
        # it (a broken one, to see an internal error reported) is the one used.
        command = build(lang, evaluate=evaluate)
        result = command.main(args=args, prog_name=PROG, standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.UsageError as exc:
        click.echo(_usage_message(exc, lang), err=True)
        return EXIT_USAGE
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo(t("interrupted", lang), err=True)
        return 130
    except CdsError as exc:
        click.echo(_render.problems_text(exc.problems, lang), err=True)
        return EXIT_INPUT
    except Failure as exc:
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
