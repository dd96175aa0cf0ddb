"""The ``cds-indicators`` group: its own options, and its commands in the order of the work."""

from __future__ import annotations

import click

from cds_indicators._cli.criteria import add_criteria, add_template
from cds_indicators._cli.evaluating import add_evaluate, add_summarize, add_validate
from cds_indicators._cli.framework import add_framework
from cds_indicators._cli.options import Choice, group_class
from cds_indicators._cli.reading import Evaluate
from cds_indicators._io.values import evaluate_record
from cds_indicators._words import LANGUAGES, Lang
from cds_indicators._words.interface import t

__all__ = ["build"]


def build(lang: Lang = "vi", *, evaluate: Evaluate = evaluate_record) -> click.Group:
    """The ``cds-indicators`` command, speaking ``lang``; its commands judge the records they
    read through ``evaluate``."""

    @click.group(
        cls=group_class(lang), help=t("prog_help", lang), epilog=t("exit_codes", lang),
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 80},
        options_metavar=t("options_metavar", lang),
        subcommand_metavar=t("command_metavar", lang),
    )
    @click.option("--lang", "lang_option", type=Choice(LANGUAGES, lang),
                  help=t("lang_help", lang))
    @click.option("--debug", is_flag=True, help=t("debug_help", lang))
    @click.version_option(None, "--version", package_name="cds-indicators",
                          help=t("version_help", lang), message="%(prog)s %(version)s")
    def cli(lang_option: str | None, debug: bool) -> None:
        pass

    # The order of the work: criteria, template, validate, evaluate, summarize; then writing
    # a framework of one's own (framework template, framework convert).
    add_criteria(cli, lang)
    add_template(cli, lang)
    add_validate(cli, lang)
    add_evaluate(cli, lang, evaluate)
    add_summarize(cli, lang, evaluate)
    add_framework(cli, lang)
    return cli
