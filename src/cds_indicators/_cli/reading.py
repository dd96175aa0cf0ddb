"""From the files named on the command line to reports: every commune-year read, checked and
evaluated, every problem found on the way collected with its place, and reported at once."""

from __future__ import annotations

import csv
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
import click

from cds_indicators._cli.options import chosen_sheets, show_notices
from cds_indicators._frameworks.registry import load_framework
from cds_indicators._io.limits import read_bounded
from cds_indicators._io.partial import without_repeats
from cds_indicators._io.values import Record, commune_year, duplicates, load_values
from cds_indicators._model.errors import CdsError, InputError, Problem, UnknownYearError
from cds_indicators._model.framework import Framework
from cds_indicators._model.report import Report
from cds_indicators._words import Lang
from cds_indicators._words.interface import t

__all__ = ["PROGRESS_ENV", "Evaluate", "check_year", "commune_names", "framework_of", "located",
           "progress", "read_records", "reports"]

#: Seconds a batch runs before its progress bar appears (on a terminal only).
PROGRESS_ENV = "CDS_PROGRESS_AFTER"

T = TypeVar("T")
#: How the commands judge a record they have read:
#: :func:`cds_indicators._io.values.evaluate_record`.
Evaluate = Callable[..., Report]


def framework_of(source: str | None) -> Framework:
    """The framework named by ``--framework`` (a shipped name or a file), or the default."""
    return load_framework(source)


def progress(items: Sequence[T], lang: Lang) -> Iterator[T]:
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


def located(problems: Iterable[Problem], source: str | None,
            record: Record | None = None) -> list[Problem]:
    """``problems``, each placed in ``source`` (and at the record's sheet and row) unless it
    already says where it is."""
    place: dict[str, Any] = {"source": source}
    if record is not None:
        place.update(sheet=record.sheet, row=record.row, path=record.path)
    return [p if p.source is not None or source is None else attrs.evolve(p, **place)
            for p in problems]


def read_records(paths: Sequence[Path], year: int | None, framework: Framework,
                 keep_going: bool = False) -> tuple[list[Record], list[Problem]]:
    """Every commune-year in ``paths``, and every problem found reading them: a commune-year
    given in two files among them, as one given twice in a file. With ``keep_going``, the
    commune-years of a file with problems that could be read whole are kept (and a commune-year
    given twice is kept nowhere), as ``load_values(…, errors="collect")`` keeps them."""
    records: list[Record] = []
    problems: list[Problem] = []
    for path in paths:
        if keep_going:
            loaded = load_values(path, year=year, framework=framework, errors="collect",
                                 sheet=chosen_sheets())
            found = list(loaded.records)
            problems.extend(located(loaded.problems, str(path)))
        else:
            try:
                found = load_values(path, year=year, framework=framework, sheet=chosen_sheets())
            except CdsError as exc:
                problems.extend(located(exc.problems, str(path)))
                continue
        records.extend(found)
        # How the file was read (a sheet skipped), said once: not a warning about a value.
        show_notices([notice for record in found for notice in record._notices])
    repeated = duplicates(records)
    problems.extend(repeated)
    if keep_going and repeated:
        records = without_repeats(records, commune_year)
    return records, problems


def check_year(framework: Framework, year: int | None, lang: Lang) -> None:
    """Refuse a ``--year`` the framework has no targets for."""
    if year is not None and year not in framework.years:
        problem = UnknownYearError(year, framework.years, framework=framework.id).problems[0]
        raise click.UsageError(problem.text(lang))


def _evaluate_all(records: Sequence[Record], year: int | None, framework: Framework,
                  lang: Lang, evaluate: Evaluate) -> tuple[list[Report], list[Problem]]:
    found, problems = [], []
    for record in progress(records, lang):
        try:
            found.append(evaluate(record, framework=framework, year=year))
        except CdsError as exc:
            problems.extend(located(exc.problems, record.source, record))
    return found, problems


def reports(paths: Sequence[Path], year: int | None, framework: Framework, lang: Lang,
            evaluate: Evaluate, keep_going: bool = False) -> tuple[list[Report], list[Problem]]:
    """The report of every commune-year in ``paths``; every problem in them raised at once, or,
    with ``keep_going``, returned beside the reports of the commune-years that could be read,
    for the caller to write the reports first and raise the problems after."""
    records, problems = read_records(paths, year, framework, keep_going)
    if problems and not keep_going:
        raise InputError(problems)
    found, more = _evaluate_all(records, year, framework, lang, evaluate)
    problems.extend(more)
    if problems and not keep_going:
        raise InputError(problems)
    return found, problems


def commune_names(path: Path) -> tuple[str | tuple[str, str], ...]:
    """Communes from a file: a CSV with a ``commune`` (or ``Xã``) column and perhaps a
    ``district`` (or ``Huyện``) column, else one name a line."""
    try:
        text = read_bounded(path, str(path)).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError([Problem.of("file_unreadable", source=str(path),
                                     detail="not UTF-8 text")]) from None
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
