"""Where the command line's output goes: the terminal (styled when it is one) or a file, and the
writers of its tables (CSV, XLSX) and reports (table, JSON, HTML, CSV, XLSX)."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NoReturn

import attrs
import click

from cds_indicators._io.export import neutralise, write_reports
from cds_indicators._model.framework import Framework
from cds_indicators._model.report import Report
from cds_indicators._render import text as _render
from cds_indicators._render.palette import TERMINAL_STYLES
from cds_indicators._words import Lang
from cds_indicators._words.interface import t

__all__ = ["Failure", "Out", "csv_bytes", "missing_extra", "write_report_output", "xlsx_writer"]

class Failure(Exception):
    """A user mistake the command line words itself (exit status 3)."""


def missing_extra(extra: str, lang: Lang, module: str = "openpyxl") -> NoReturn:
    """Refuse, naming the extra that installs what is missing and how to install it."""
    from cds_indicators._model.errors import MissingExtraError

    raise Failure(MissingExtraError(extra, module).problems[0].text(lang))


@attrs.frozen
class Out:
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
        return click.style(text, **TERMINAL_STYLES.get(role, {}))

    def text(self, text: str) -> None:
        if self.path is None:
            self._stdout(lambda: click.echo(text, color=self.color))
            return
        self._write(lambda path: path.write_text(text + "\n", encoding="utf-8"))

    def data(self, data: bytes) -> None:
        if self.path is None:
            self._stdout(lambda: (sys.stdout.buffer.write(data), sys.stdout.flush()))
            return
        self._write(lambda path: path.write_bytes(data))

    def _stdout(self, write: Callable[[], object]) -> None:
        """Write to stdout; one that cannot be written (a full disk) is refused as an output
        file is (exit status 3). A reader gone away (``BrokenPipeError``) is left to the caller."""
        try:
            write()
        except BrokenPipeError:
            raise
        except OSError as exc:
            _drop_stdout()
            raise Failure(t("cannot_write", self.lang, path=t("standard_output", self.lang),
                            detail=exc.strerror or exc)) from None

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
            raise Failure(
                t("cannot_write", self.lang, path=self.path, detail=exc.strerror or exc)
            ) from None
        click.echo(t("written", self.lang, path=self.path), err=True)


def _drop_stdout() -> None:
    """Send what is left in stdout's buffer to the null device, so that the flush at exit does
    not fail a second time (and print a traceback Python cannot help)."""
    try:
        fileno = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's stand-in): nothing is flushed at exit
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fileno)
    os.close(null)


def _cells(row: Iterable[object]) -> list[object]:
    """A row whose text cells a spreadsheet shows as text, never runs as a formula."""
    return [neutralise(cell) if isinstance(cell, str) else cell for cell in row]


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A table as CSV, UTF-8 with a byte-order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(_cells(row) for row in rows)
    # With a BOM, Excel opens the file as UTF-8 and shows the Vietnamese names as written.
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_writer(header: Sequence[str], rows: Iterable[Sequence[object]],
                lang: Lang, title: str = "") -> Callable[[Path], None]:
    """A function that writes a table as a workbook, its sheet named ``title``, to the path it
    is given (:mod:`cds_indicators._io.sheetstyle`: text kept as text, numbers as numbers)."""
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        missing_extra("excel", lang)
    from cds_indicators._io.sheetstyle import TableSheet, write_tables

    def write(path: Path) -> None:
        write_tables(path, [TableSheet(title, header, list(rows))])

    return write


def write_report_output(reports: Sequence[Report], framework: Framework, fmt: str,
                        out: Out) -> None:
    """``reports`` written to ``out`` in the format ``fmt``."""
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
