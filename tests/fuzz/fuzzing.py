"""Hypothesis strategies for broken values files (the cells, texts and bytes a clerk's tools,
a truncated download or a hostile sender produce), and the alarm that turns a hang into a
failure."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator

from hypothesis import strategies as st

#: Seconds an example may take before it counts as a hang (generous: CI machines are shared).
LIMIT_SECONDS = 30


class Hang(AssertionError):
    """An example that ran past :data:`LIMIT_SECONDS`."""


@contextlib.contextmanager
def within(seconds: float = LIMIT_SECONDS) -> Iterator[None]:
    """Fail with :class:`Hang` if the block runs longer than ``seconds`` (POSIX main thread)."""
    if sys.platform == "win32":  # pragma: no cover - no SIGALRM
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


#: Headers, good and bad: known columns, criterion ids, an empty one, an unknown one, a repeat.
HEADERS = ["Xã", "Huyện", "Năm", "1.1", "1.6", "2.5", "3.12", "4.2", "", "3.1O", "Ghi chú",
           "year", "1.6"]

#: Cell texts from every class the issue lists, and ordinary ones.
CELLS = st.one_of(
    st.sampled_from([
        "", " ", "80", "80%", "57,5%", "57.5", "0.8", "19/33", "0/0", "20/10", "Có", "Không",
        "không áp dụng", "Đáp ứng", "2024", "2024.0", "2031", "abc", "-3", "120%", "1e999999999",
        "1E-100000000", "NaN", "inf", "=SUM(A1:A2)", "=1/0", '"', '""', "８０", "80 %", "1.10",
        "9" * 50, "9" * 5000, "x" * 1500, "\x00", "\ufeff", "Xã Vĩnh Long", "Vĩnh Lộc",
    ]),
    st.text(max_size=12),
    st.integers(min_value=-(10**60), max_value=10**60).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)

COMMUNES = st.sampled_from(["Xã Vĩnh Long", "Xã Vĩnh Thịnh", "Thị trấn Vĩnh Lộc", "", "A"])
YEARS = st.sampled_from(["2022", "2024", "2025", "", "2030", "năm", "2024.5"])


#: Cells each criterion reads without a problem.
GOOD = {"1.1": ["Có", "Không", "", "có"], "1.6": ["80", "57,5%", "", "100", "0"],
        "2.5": ["19/33", "70", "0/5"], "3.12": ["21042/21420", "99,5", ""],
        "4.2": ["Đáp ứng", "Không", "không áp dụng"]}


@st.composite
def wide_tables(draw: st.DrawFn) -> list[list[str]]:
    """A wide table: a header (perhaps with empty, unknown or repeated columns), then rows of
    cells, some shorter or longer than the header. Some tables are good throughout, some have a
    bad cell here and there, some are hostile everywhere, so that both answers are exercised."""
    mode = draw(st.sampled_from(["good", "mixed", "hostile"]))
    if mode == "hostile":
        criteria = draw(st.lists(st.sampled_from(HEADERS[3:]), min_size=1, max_size=5))
    else:
        criteria = draw(st.lists(st.sampled_from(sorted(GOOD)), min_size=1, max_size=5,
                                 unique=True))
    header = ["Xã", "Năm", *criteria]
    rows = [header]
    for number in range(draw(st.integers(0, 4))):
        if mode == "hostile":
            cells = [draw(COMMUNES), draw(YEARS)]
            cells += [draw(CELLS) for _ in range(draw(st.integers(0, len(criteria) + 1)))]
        else:
            cells = [f"Xã {number}", draw(st.sampled_from(["2024", "2025"]))]
            for criterion in criteria:
                bad = mode == "mixed" and draw(st.integers(0, 9)) == 0
                cells.append(draw(CELLS) if bad else draw(st.sampled_from(GOOD[criterion])))
        rows.append(cells)
    return rows


def csv_text(rows: list[list[str]], separator: str) -> str:
    """``rows`` written as CSV, quoting each cell that needs it."""
    def cell(text: str) -> str:
        if any(c in text for c in (separator, '"', "\n", "\r")):
            return '"' + text.replace('"', '""') + '"'
        return text
    return "".join(separator.join(map(cell, row)) + "\n" for row in rows)


#: What happens to the bytes of a file on its way: nothing, cut short, a byte changed, a stray
#: quote, another encoding.
@st.composite
def damaged(draw: st.DrawFn, text: str) -> bytes:
    data = text.encode("utf-8")
    how = draw(st.sampled_from(["none", "truncate", "flip", "quote", "latin1", "utf16", "bom"]))
    if how == "truncate" and data:
        return data[: draw(st.integers(0, len(data) - 1))]
    if how == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        return data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
    if how == "quote":
        at = draw(st.integers(0, len(data)))
        return data[:at] + b'"' + data[at:]
    if how == "latin1":
        return text.encode("latin-1", errors="replace")
    if how == "utf16":
        return text.encode("utf-16")
    if how == "bom":
        return b"\xef\xbb\xbf" + data
    return data


KEYS = st.sampled_from(["1.1", "1.6", "2.5", "3.12", "4.2", "commune", "year", "3.1O", ""])
JSON_VALUES = st.sampled_from([
    "80", "80.5", '"80%"', '"19/33"', "true", "false", "null", "NaN", "Infinity", "-Infinity",
    "1e999999999", "1E-100000000", "9" * 5000, "-" + "9" * 50, '{"numerator": 19, "denominator": 33}',
    '{"numerator": ' + "7" * 60 + ', "denominator": 3}', '[1, 2]', '"Có"', '"x"', "0.8",
    "[" * 3000 + "]" * 3000,
])


@st.composite
def json_documents(draw: st.DrawFn) -> tuple[str, bool]:
    """A JSON values document as text, and whether one of its objects repeats a key."""
    pairs = draw(st.lists(st.tuples(KEYS, JSON_VALUES), max_size=5))
    keys = [k for k, _ in pairs]
    values = ", ".join(f'"{k}": {v}' for k, v in pairs)
    year = draw(st.sampled_from(["2024", "2024.0", '"2024"', "2031", "true", "9" * 5000]))
    repeat_year = draw(st.booleans())
    head = f'"commune": "Xã Vĩnh Long", "year": {year}'
    if repeat_year:
        head += ', "year": 2025'
    text = "{" + head + ', "values": {' + values + "}}"
    return text, repeat_year or len(set(keys)) != len(keys)


TOML_VALUES = st.sampled_from([
    "80", "80.5", '"80%"', '"19/33"', "true", "nan", "inf", "1e999999999", "9" * 5000,
    "{ numerator = 19, denominator = 33 }", '"Có"', "[1, 2]", "1979-05-27", "0x1F",
    "[" * 3000 + "]" * 3000,
])


@st.composite
def toml_documents(draw: st.DrawFn) -> str:
    """A TOML values document as text, keys perhaps repeated."""
    pairs = draw(st.lists(st.tuples(KEYS, TOML_VALUES), max_size=5))
    body = "".join(f'"{k}" = {v}\n' for k, v in pairs)
    return f'commune = "Xã Vĩnh Long"\nyear = 2024\n[values]\n{body}'
