"""The measures of issue 14, each against its plain alternative in the same run.

Imported by ``bench.py``; every function returns ``(ratio, detail)``.
"""

from __future__ import annotations

import csv
import gc
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np

import cds_indicators as cds

FRAMEWORK = cds.load_framework()
YEAR = 2024
DISTRIBUTIONS = ("mostly passing", "uniform")


def interleaved(ours: Callable[[], Any], theirs: Callable[[], Any], number: int,
                repeat: int = 7) -> tuple[float, float]:
    """The best time per call of each, timed in turns so that a busy machine slows both; each
    turn of either lasts about as long (the quicker one is called more often per turn), so
    that neither is more likely to fall in a quiet moment."""
    counts = [number, number]
    best = [float("inf"), float("inf")]
    for turn in range(repeat + 1):
        for which, function in enumerate((ours, theirs)):
            gc.collect()
            start = time.perf_counter()
            for _ in range(counts[which]):
                function()
            elapsed = (time.perf_counter() - start) / counts[which]
            if turn:
                best[which] = min(best[which], elapsed)
            else:  # the first turn only sets how often each is called
                best[which] = elapsed
        if not turn:
            longest = max(best[0] * counts[0], best[1] * counts[1])
            counts = [max(1, round(longest / best[0])), max(1, round(longest / best[1]))]
            best = [float("inf"), float("inf")]
    return best[0], best[1]


# --- evaluate() ----------------------------------------------------------------------------------


def _rate_values(rng: Any, distribution: str) -> dict[str, float]:
    values = {}
    for criterion in FRAMEWORK:
        if criterion.kind is not cds.Kind.RATE:
            continue
        target = criterion.targets[YEAR]
        floor = float(target.threshold) if target is not None else 50.0
        if distribution == "uniform" or rng.random() >= 0.97:
            values[criterion.id] = float(rng.uniform(0, 100))
        else:
            values[criterion.id] = float(rng.uniform(floor, 100))
    return values


def _form(value: float, form: str) -> Any:
    if form == "ints":
        return int(value)
    if form == "full floats":
        return value
    if form == "text":  # as offices type a rate: one decimal, a decimal comma
        return f"{value:.1f}".replace(".", ",") + "%"
    if form == "text, two decimals":
        return f"{value:.2f}".replace(".", ",") + "%"
    if form == "ratios":
        return cds.ratio(int(value * 10), 1000)
    return Decimal(f"{value:.2f}")


FORMS = ("ints", "full floats", "text", "text, two decimals", "ratios", "Decimals")


def evaluate_ratio(form: str, distribution: str, communes: int = 50,
                   repeat: int = 5) -> tuple[float, str]:
    """``evaluate()`` of ``communes`` different commune-years (37 values each, rates in
    ``form``, yes/no as ``True``/``"Có"``) against a bare loop of the same 37 float comparisons
    per commune, on the same values."""
    rng = np.random.default_rng(14)
    dicts, pairs = [], []
    for _ in range(communes):
        rates = _rate_values(rng, distribution)
        values: dict[str, Any] = {}
        floats = []
        for criterion in FRAMEWORK:
            target = criterion.targets[YEAR]
            threshold = (float(target.threshold) if target is not None
                         and target.threshold is not None else 0.5)
            if criterion.id in rates:
                values[criterion.id] = _form(rates[criterion.id], form)
                floats.append((float(rates[criterion.id]), threshold))
            else:
                passed = rng.random() < (0.5 if distribution == "uniform" else 0.97)
                as_text = form.startswith("text")
                values[criterion.id] = ("Có" if passed else "Không") if as_text else passed
                floats.append((1.0 if passed else 0.0, threshold))
        dicts.append(values)
        pairs.append(floats)

    def ours() -> None:
        for values in dicts:
            cds.evaluate(values, YEAR, framework=FRAMEWORK)

    def bare() -> None:
        for floats in pairs:
            [value >= threshold for value, threshold in floats]

    t_ours, t_bare = interleaved(ours, bare, number=20, repeat=repeat)
    return t_ours / t_bare, f"{t_ours / communes * 1e6:.1f} µs vs {t_bare / communes * 1e6:.2f} µs"


# --- evaluate_frame() ----------------------------------------------------------------------------


def make_frame(rows: int, distribution: str, seed: int = 1829) -> Any:
    """rows commune-years × 37 criteria: float percentages (tenths, 1 % missing) for rates,
    booleans for yes/no criteria. ``mostly passing``: each value meets its target with
    probability 0.97; ``uniform``: rates uniform in 0–100, yes/no a coin toss."""
    import pandas as pd

    rng = np.random.default_rng(seed)
    data: dict[str, Any] = {"commune": [f"Xã {i % 10_000}" for i in range(rows)],
                            "district": [f"Huyện {i // 10_000}" for i in range(rows)]}
    for criterion in FRAMEWORK:
        if criterion.kind is cds.Kind.RATE:
            target = criterion.targets[YEAR]
            floor = float(target.threshold) if target is not None else 50.0
            if distribution == "uniform":
                column = np.round(rng.uniform(0, 100, rows), 1)
            else:
                meets = rng.random(rows) < 0.97
                column = np.where(meets, np.round(rng.uniform(floor, 100, rows), 1),
                                  np.round(rng.uniform(0, max(floor - 0.1, 0), rows), 1))
            column[rng.random(rows) < 0.01] = np.nan
            data[criterion.id] = column
        else:
            data[criterion.id] = rng.random(rows) < (0.5 if distribution == "uniform" else 0.97)
    return pd.DataFrame(data)


def _columns_of(frame: Any, backend: str) -> dict[str, Any]:
    """The criteria's columns as NumPy arrays, as a NumPy user takes them out of the table."""
    return {c.id: frame[c.id].to_numpy() for c in FRAMEWORK}


def numpy_baseline(columns: dict[str, Any]) -> Any:
    """The hand-written comparison: ``ok &= arr >= thr`` over the same columns."""
    n = len(next(iter(columns.values())))
    ok = np.ones(n, dtype=bool)
    for criterion in FRAMEWORK:
        target = criterion.targets[YEAR]
        if target is None:
            continue
        column = columns[criterion.id]
        ok &= column >= float(target.threshold) if criterion.kind is cds.Kind.RATE else column
    return ok


def native(frame: Any, backend: str) -> Any:
    if backend == "pandas":
        return frame
    if backend == "polars":
        import polars as pl

        return pl.from_pandas(frame)
    import pyarrow as pa

    return pa.Table.from_pandas(frame, preserve_index=False)


def frame_ratio(frame: Any, backend: str) -> tuple[float, str]:
    """``evaluate_frame()`` against hand-written NumPy over the same columns (taken out of the
    table as the NumPy user would)."""
    table = native(frame, backend)
    cds.evaluate_frame(table.slice(0, 5) if backend == "pyarrow" else table.head(5), year=YEAR)

    def ours() -> None:
        cds.evaluate_frame(table, year=YEAR)

    def theirs() -> None:
        numpy_baseline(_columns_of(table, backend))

    t_ours, t_numpy = interleaved(ours, theirs, number=1, repeat=3)
    return t_ours / t_numpy, f"{t_ours * 1e3:.0f} ms vs {t_numpy * 1e3:.1f} ms"


def _nbytes(table: Any, backend: str) -> int:
    if backend == "pandas":
        return int(table.memory_usage(deep=True).sum())
    if backend == "polars":
        return int(table.estimated_size())
    return int(table.nbytes)


def frame_memory(frame: Any, backend: str) -> tuple[float, str]:
    """Peak memory traced (tracemalloc: Python and NumPy allocations) while evaluating, against
    the input table's size."""
    table = native(frame, backend)
    size = _nbytes(table, backend)
    peak = _peak(lambda: cds.evaluate_frame(table, year=YEAR))
    return peak / size, f"{peak / 2**20:.1f} MiB vs {size / 2**20:.1f} MiB"


def _peak(run: Callable[[], object]) -> int:
    """The peak memory traced while ``run`` runs (its result dropped before returning)."""
    gc.collect()
    tracemalloc.start()
    result = run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return int(peak)


# --- files ---------------------------------------------------------------------------------------


def write_csv(path: Path, rows: int, distribution: str = "mostly passing",
              decimal: str = ".") -> None:
    """The frame of :func:`make_frame` as a CSV file; with ``decimal=","`` its numbers are
    written with a decimal comma, as a Vietnamese office writes them, so each is quoted."""
    frame = make_frame(rows, distribution)
    frame.insert(2, "year", YEAR)
    frame.to_csv(path, index=False, decimal=decimal)


def csv_ratio(path: Path, decimal: str = ".") -> tuple[float, str]:
    """``load_values`` of a wide CSV against ``pandas.read_csv`` of the same file (told its
    decimal mark)."""
    import pandas as pd

    t_ours, t_pandas = interleaved(lambda: cds.load_values(path),
                                   lambda: pd.read_csv(path, decimal=decimal),
                                   number=1, repeat=2)
    return t_ours / t_pandas, f"{t_ours:.2f} s vs {t_pandas:.3f} s"


def csv_memory(path: Path) -> tuple[float, str]:
    size = path.stat().st_size
    peak = _peak(lambda: cds.load_values(path))
    return peak / size, f"{peak / 2**20:.0f} MiB vs {size / 2**20:.1f} MiB file"


def write_xlsx(path: Path, rows: int, distribution: str = "mostly passing") -> None:
    """A workbook as a spreadsheet program saves it: its used range stated at the top of the
    sheet (which openpyxl's read-only mode reads before the rows: without it, openpyxl reads
    the whole sheet twice) and its text in the shared strings."""
    import openpyxl

    frame = make_frame(rows, distribution)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "data"
    sheet.append(["commune", "district", "year", *[c.id for c in FRAMEWORK]])
    for row in frame.itertuples(index=False):
        commune, district, *values = row
        sheet.append([commune, district, YEAR, *[None if v != v else
                                                 (bool(v) if isinstance(v, bool | np.bool_) else
                                                  float(v)) for v in values]])
    book.save(path)


def xlsx_ratio(path: Path) -> tuple[float, str]:
    """``load_values`` of a workbook against reading every cell with openpyxl in read-only
    mode."""
    import openpyxl

    def theirs() -> None:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for sheet in book.worksheets:
            for _ in sheet.iter_rows(values_only=True):
                pass
        book.close()

    t_ours, t_theirs = interleaved(lambda: cds.load_values(path), theirs, number=1, repeat=2)
    return t_ours / t_theirs, f"{t_ours:.2f} s vs {t_theirs:.2f} s"


def linear(seconds_at: Callable[[int], float], n: int) -> tuple[float, str]:
    """How much longer twice the work takes (2 is linear, 4 quadratic)."""
    small, large = seconds_at(n), seconds_at(2 * n)
    return large / small, f"{small:.2f} s at {n}, {large:.2f} s at {2 * n}"


# --- the command line ----------------------------------------------------------------------------


def cli_seconds(args: list[str]) -> float:
    """The processor time (user and system) of one run of the command: what the command costs
    whatever else the machine runs (a shared machine stretches wall time by its load); on an idle
    machine, its wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "cds_indicators", *args], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cli_per_commune(path: Path, communes: int, runs: int = 3) -> tuple[float, str]:
    """Milliseconds each commune adds to ``cds-indicators evaluate`` with the default table:
    the slope ``(time(n) - time(n/2)) / (n/2)`` between the first half of the file and the whole
    file, each time the best of ``runs``.

    A run pays its start (the interpreter, the imports, the framework) once, whatever the number
    of communes: at a few hundred communes, total time divided by communes is mostly that start,
    and subtracting a one-commune run leaves the start's noise of two runs divided by n. The
    slope counts only what a commune costs; it is stable from about a thousand communes (the
    default of ``--communes`` is 2,000). The detail also gives the total time per commune at the
    larger size, start included."""
    half, n = path.with_name("half.csv"), communes // 2
    with path.open(encoding="utf-8") as source, half.open("w", encoding="utf-8") as target:
        for _ in range(n + 1):  # the header and the first half of the communes
            target.write(source.readline())
    small = min(cli_seconds(["evaluate", str(half)]) for _ in range(runs))
    large = min(cli_seconds(["evaluate", str(path)]) for _ in range(runs))
    per = (large - small) / (communes - n) * 1e3
    return per, (f"slope from {n} to {communes} communes: {small:.2f} s, {large:.2f} s of "
                 f"processor; {large / communes * 1e3:.2f} ms a commune with the start")


def schedule_file(path: Path, rows: int) -> Path:
    """A schedule of every other commune of a file of up to ``rows`` communes: one file of any
    size up to that has half its communes scheduled and half not, so that doubling the
    communes doubles both (each commune missing from the schedule is looked up among the
    scheduled names for the nearest one, at a cost that grows with the schedule)."""
    schedule = path.with_name("schedule.csv")
    with schedule.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["commune", "district", "year"])
        for i in range(0, min(rows, 10_000), 2):
            writer.writerow([f"Xã {i}", "", 2024 + i // 2 % 2])
    return schedule


def fresh(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    return time.perf_counter() - start


def import_ratio(runs: int) -> tuple[float, str]:
    """A fresh ``import cds_indicators; load_framework()`` against ``import attrs, cattrs``,
    in turns, bytecode compiled once (as installed)."""
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        ours_code = "import cds_indicators; cds_indicators.load_framework()"
        theirs_code = "import attrs, cattrs"
        fresh(ours_code, env)
        fresh(theirs_code, env)
        ours, theirs = [], []
        for _ in range(runs):
            ours.append(fresh(ours_code, env))
            theirs.append(fresh(theirs_code, env))
    ours.sort()
    theirs.sort()
    a, b = ours[len(ours) // 2], theirs[len(theirs) // 2]
    return a / b, f"median of {runs}: {a * 1e3:.0f} ms vs {b * 1e3:.0f} ms"
