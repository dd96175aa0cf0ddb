"""The ``cds-indicators`` command line (needs the ``[cli]`` extra)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ._errors import CdsError
from ._evaluate import evaluate
from ._files import read_commune_file
from ._load import load_framework
from ._render import report_text

__all__ = ["run"]

EXIT_OK = 0
EXIT_INCOMPLETE = 1
EXIT_USAGE = 2
EXIT_INPUT = 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Tiêu chí chuyển đổi số cấp xã (Quyết định 1829/QĐ-UBND): đánh giá xã, phường, thị trấn."""


@cli.command("evaluate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--year", type=int, help="Năm đánh giá (mặc định: year trong tệp).")
def evaluate_command(files: tuple[Path, ...], year: int | None) -> None:
    """Đánh giá các xã trong FILES (TOML hoặc JSON)."""
    framework = load_framework()
    blocks = []
    for path in files:
        record = read_commune_file(path)
        when = year if year is not None else record.year
        if when is None:
            from ._errors import InputError, Problem

            raise InputError([Problem.of("missing_year", source=str(path))])
        report = evaluate(
            record.values, when, framework=framework, commune=record.commune,
            district=record.district,
        )
        blocks.append(report_text(report, framework))
    click.echo("\n\n".join(blocks))


def run(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status; user mistakes never show a traceback."""
    try:
        cli.main(args=argv, prog_name="cds-indicators", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except click.exceptions.Abort:
        return EXIT_USAGE
    except CdsError as exc:
        click.echo(f"Lỗi: {exc}", err=True)
        return EXIT_INPUT
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(run())
