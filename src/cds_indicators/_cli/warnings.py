"""Warnings on the command line: listed on stderr after the work, and with ``--strict`` an exit
status of 3 (as for an input error), so that a script can refuse input that is probably wrong."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click

from cds_indicators._cli.exits import EXIT_INPUT
from cds_indicators._model.errors import Problem
from cds_indicators._model.report import Report
from cds_indicators._render.text import WIDTH, hanging, who
from cds_indicators._words import Lang
from cds_indicators._words.interface import t

__all__ = ["report_warnings", "strict_option", "warned"]

F = TypeVar("F", bound=Callable[..., Any])


def strict_option(lang: Lang) -> Callable[[F], F]:
    """``--strict``: warnings make the command exit with status 3."""
    return click.option("--strict", is_flag=True, help=t("strict_help", lang))


def report_warnings(reports: Iterable[Report], lang: Lang) -> list[str]:
    """Every warning of ``reports``, each said with the commune and year it is about."""
    return [f"{who(report, lang)}, {t('year', lang)} {report.year}: {warning.text(lang)}"
            for report in reports for warning in report.warnings]


def warned(lines: Sequence[str | Problem], lang: Lang, strict: bool, status: int) -> int:
    """List the warnings on stderr; the exit status: 3 with ``strict`` when there are any,
    else ``status``."""
    if not lines:
        return status
    said = [line if isinstance(line, str) else line.text(lang) for line in lines]
    # One write: thousands of warnings (one a commune) each echoed and flushed cost more than
    # the reports.
    click.echo("\n".join([t("warnings_heading", lang, n=len(said)),
                          *(part for line in said for part in hanging("  - ", line, WIDTH - 1))]),
               err=True)
    if strict:
        click.echo(t("warnings_strict", lang, n=len(said)), err=True)
        return EXIT_INPUT
    return status
