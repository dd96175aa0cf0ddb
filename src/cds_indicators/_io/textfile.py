"""Text files read within bounds: a TOML or JSON document whole, a CSV file row by row.

A CSV file is first read through once without being kept — its size within
:data:`~cds_indicators._io.limits.MAX_FILE_BYTES`, its text UTF-8, not blank, its first line
(which gives the separator) — so that those refusals come first, as for a document read whole;
its rows are then read as they come, and never held all at once with the file's text.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from cds_indicators._io.cells import (
    MAX_CELLS,
    MAX_ROWS,
    Block,
    Table,
    csv_reader,
    csv_rows,
    separator_of,
)
from cds_indicators._io.limits import open_bounded, read_bounded
from cds_indicators._model.errors import InputError, Problem

__all__ = ["csv_table", "read_text"]

#: Characters read at a time: a chunk's cells are few enough to stay in the processor's caches
#: while its columns are read.
_CHUNK: Final = 1 << 16


def read_text(path: Path, source: str) -> str:
    """The UTF-8 text of the file at ``path`` (a byte-order mark dropped), refused when it is
    not UTF-8 (with the line), blank, or not a regular file within the size limit."""
    data = read_bounded(path, source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError([Problem.of("not_utf8", source=source, line=line)]) from None
    if not text.strip():
        raise InputError([Problem.of("file_empty", source=source)])
    return text


def _first_line(path: Path, source: str) -> str:
    """The first line of the file that is not blank ("" when there is none), the file checked
    as :func:`read_text` checks it, in one pass that keeps no more than that line."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    head = ""
    first: str | None = None
    filled = False
    with open_bounded(path, source) as file:
        while True:
            chunk = file.read(_CHUNK)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError:
                read_text(path, source)  # says where, reading the whole file
                raise
            filled = filled or bool(text.strip())
            if first is None:
                head += text
                lines = head.splitlines(keepends=True)
                found = next((i for i, line in enumerate(lines) if line.strip()), None)
                # A line is whole once a line break follows it, or the file ends.
                if found is not None and (not chunk or found < len(lines) - 1
                                          or lines[found] != lines[found].splitlines()[0]):
                    first = lines[found].splitlines()[0]
                elif found is None:  # blank lines only: keep the last, which may go on
                    head = lines[-1] if lines else ""
            if not chunk:
                break
    if not filled:
        raise InputError([Problem.of("file_empty", source=source)])
    return first or ""


def csv_table(path: Path, source: str) -> Table:
    """The CSV file at ``path`` as a table whose rows are read as they are asked for."""
    separator = separator_of(_first_line(path, source))
    return Table(rows=(), source=source, stream=_rows(path, source, separator))


def _rows(path: Path, source: str, separator: str) -> Iterator[list[str] | Block]:
    with io.TextIOWrapper(open_bounded(path, source), encoding="utf-8-sig",
                          newline="") as text:
        try:
            yield from _chunked(text, separator, source)
        except UnicodeDecodeError:  # the file changed since it was checked
            read_text(path, source)
            raise


def _chunked(text: io.TextIOWrapper, separator: str, source: str
             ) -> Iterator[list[str] | Block]:
    """The rows of a CSV text, a chunk of whole lines at a time while the lines are plain (no
    quote, no NUL, no line break but ``\n`` or ``\r\n``, no line past the csv module's field
    limit): each is split at its separators, as the csv module splits it, the chunk's lines
    together in one split; a chunk whose lines all have the same number of cells (two or more)
    is given as one :class:`Block`. A chunk with quoted cells (and no NUL nor lone carriage
    return) is read by the csv module at once, its rows given as a block likewise, when it
    holds whole rows of CSV within the limits. From the first chunk that is neither on, line
    by line (:func:`~cds_indicators._io.cells.csv_rows`), which also says what is wrong."""
    field_limit = csv.field_size_limit()
    number, count, cells, carry = 0, 0, 1, ""
    while True:
        chunk = text.read(_CHUNK)
        body = carry + chunk
        end = body.rfind("\n") + 1 if chunk else len(body)
        head, carry = body[:end], body[end:]
        plain = head.replace("\r\n", "\n") if "\r" in head else head
        readable = "\0" not in plain and "\r" not in plain
        if readable and '"' in plain:
            # Quoted cells: the csv module reads the chunk, when it holds whole rows of CSV.
            rows = _quoted(head, separator) or []
            readable = bool(rows)
            block = _block_of(rows)
            lines = head.count("\n")
        else:
            if plain and not plain.endswith("\n"):
                plain += "\n"  # the last line, ended by the end of the file
            block = _block(plain, separator)
            each = [] if block is not None else plain.split("\n")[:-1]
            rows = [] if block is not None else [line.split(separator) if line else []
                                                 for line in each]
            readable = readable and not (
                len(plain) > field_limit
                and max(map(len, each or plain.split("\n")), default=0) > field_limit)
            lines = block.count if block is not None else len(rows)
        found = block.count if block is not None else len(rows)
        split = block.count * block.width if block is not None else sum(map(len, rows))
        if not readable or count + found > MAX_ROWS or cells + split > MAX_CELLS:
            rest = itertools.chain(io.StringIO(head, newline=""), _after(carry, text))
            yield from csv_rows(rest, separator, source, number=number, rows=count,
                                cells=cells)
            return
        if block is not None:
            yield block
        else:
            yield from rows
        number += lines
        count += found
        cells += split
        if not chunk:
            return


def _block(plain: str, separator: str) -> Block | None:
    """The lines of ``plain`` (each ended by ``\n``) as one :class:`Block`, when they all have
    the same number of cells, two or more."""
    lines = plain.count("\n")
    if not lines:
        return None
    flat = plain.replace("\n", f"{separator}\n{separator}").split(separator)
    width = flat.index("\n")
    # Each line ends in the one "\n" cell it gives: all of them where rows of ``width`` end.
    if (width < 2 or len(flat) != lines * (width + 1) + 1
            or flat[width::width + 1].count("\n") != lines):
        return None
    return Block(flat, width, lines)


def _quoted(head: str, separator: str) -> list[list[str]] | None:
    """The rows of ``head``, whole lines some of whose cells are quoted, as the csv module reads
    them (:func:`~cds_indicators._io.cells.csv_rows` reads each line so, and a quoted cell with
    the lines it spans); ``None`` where it finds what is no CSV or a quote still open at the
    end of the chunk (a cell whose lines go on in the next), said or read line by line."""
    try:
        return list(csv_reader(io.StringIO(head, newline=""), separator))
    except csv.Error:
        return None


def _block_of(rows: list[list[str]]) -> Block | None:
    """``rows`` as one :class:`Block`, when they all have the same number of cells, two or
    more."""
    width = len(rows[0]) if rows else 0
    if width < 2 or any(len(row) != width for row in rows):
        return None
    for row in rows:
        row.append("\n")
    return Block(list(itertools.chain.from_iterable(rows)), width, len(rows))


def _after(carry: str, text: io.TextIOWrapper) -> Iterator[str]:
    """The lines of ``text`` still to read, the first continuing ``carry``."""
    if carry:
        yield from io.StringIO(carry + text.readline(), newline="")
    yield from text
