"""The performance budget of cds-indicators, measured as ratios taken in one run.

Run from the repository root::

    python benchmarks/bench.py            # all four ratios
    python benchmarks/bench.py --rows 20000

Each line prints a ratio, its budget, and whether it is within it. Nothing here is run by the
test suite: timings belong to a machine, ratios to the code.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
import tracemalloc
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

import cds_indicators as cds

FRAMEWORK = cds.load_framework()
YEAR = 2024


def _one_commune() -> dict[str, Any]:
    """All 37 values of one commune-year, as people type them: numbers, text, counts, labels."""
    values: dict[str, Any] = {}
    for criterion in FRAMEWORK:
        target = criterion.targets[YEAR]
        if criterion.kind is cds.Kind.RATE:
            threshold = target.threshold if target is not None else Fraction(50)
            values[criterion.id] = min(int(threshold) + 1, 100)
        else:
            values[criterion.id] = "Có"
    values["2.5"] = cds.ratio(27, 33)
    values["1.6"] = "78,4%"
    values["3.4"] = 74.2
    return values


def ratio_evaluate(repeat: int = 7, number: int = 2000) -> tuple[float, float, float]:
    """evaluate() of one commune-year against a bare loop making the same 37 comparisons on the
    numbers evaluate() compares (its exact readings: Fractions of percent and bools)."""
    values = _one_commune()
    report = cds.evaluate(values, YEAR, framework=FRAMEWORK)
    pairs = []
    for verdict in report:
        target = verdict.target
        pairs.append((verdict.value, None if target is None else target.threshold,
                      target is None))

    def bare() -> list[bool | None]:
        out: list[bool | None] = []
        for value, threshold, no_target in pairs:
            if no_target:
                out.append(None)
            elif threshold is None:
                out.append(value is True)
            else:
                out.append(value >= threshold)
        return out

    def one() -> object:
        return cds.evaluate(values, YEAR, framework=FRAMEWORK)

    t_eval = min(timeit.repeat(one, number=number, repeat=repeat)) / number
    t_bare = min(timeit.repeat(bare, number=number * 10, repeat=repeat)) / (number * 10)
    return t_eval / t_bare, t_eval, t_bare


def make_frame(rows: int, seed: int = 1829) -> pd.DataFrame:
    """rows commune-years × 37 criteria: float percentages for rates, booleans for yes/no
    criteria. As in a real district, each value meets its target with probability 0.97; a value
    that does not lies below it; 1 % of rate cells are missing. Commune names repeat from one
    district to the next; each commune-year is one row."""
    rng = np.random.default_rng(seed)
    data: dict[str, Any] = {"commune": [f"Xã {i % 10_000}" for i in range(rows)],
                            "district": [f"Huyện {i // 10_000}" for i in range(rows)]}
    for criterion in FRAMEWORK:
        meets = rng.random(rows) < 0.97
        if criterion.kind is cds.Kind.RATE:
            target = criterion.targets[YEAR]
            floor = float(target.threshold) if target is not None else 50.0
            above = np.round(rng.uniform(floor, 100, rows), 1)
            below = np.round(rng.uniform(0, floor, rows), 1)
            column = np.where(meets, above, np.minimum(below, floor - 0.1))
            column[rng.random(rows) < 0.01] = np.nan
            data[criterion.id] = column
        else:
            data[criterion.id] = meets
    return pd.DataFrame(data)


def numpy_baseline(frame: pd.DataFrame) -> np.ndarray:
    """The hand-written comparison: the same arrays against the same thresholds, with missing
    values and no-target years, giving one status code per cell and the completion per row."""
    statuses = np.empty((len(FRAMEWORK), len(frame)), dtype=np.int8)
    for k, criterion in enumerate(FRAMEWORK):
        target = criterion.targets[YEAR]
        column = frame[criterion.id].to_numpy()
        if target is None:
            statuses[k] = 4
        elif criterion.kind is cds.Kind.RATE:
            statuses[k] = np.where(np.isnan(column), 2, np.where(column >= float(target.threshold),
                                                                 0, 1))
        else:
            statuses[k] = np.where(column, 0, 1)
    fail = (statuses == 1).any(axis=0)
    missing = (statuses == 2).any(axis=0)
    return np.where(fail, 1, np.where(missing, 2, 0))


def best_of(function: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def ratio_frame(rows: int, sample: int = 500, repeat: int = 5) -> dict[str, float]:
    frame = make_frame(rows)
    t_frame = best_of(lambda: cds.evaluate_frame(frame, year=YEAR), repeat)
    t_numpy = best_of(lambda: numpy_baseline(frame), repeat)
    records = frame.head(sample).to_dict("records")
    values = [{k: v for k, v in r.items() if k not in ("commune", "district")} for r in records]
    t_rows = best_of(lambda: [cds.evaluate(v, YEAR, framework=FRAMEWORK) for v in values], 3)
    t_rows_all = t_rows / sample * rows
    return {"frame": t_frame, "numpy": t_numpy, "rows_extrapolated": t_rows_all,
            "frame_vs_numpy": t_frame / t_numpy, "speedup": t_rows_all / t_frame}


def frame_memory(rows: int) -> tuple[int, int]:
    """Peak memory traced (tracemalloc) while evaluating, against the input's deep size."""
    frame = make_frame(rows)
    size = int(frame.memory_usage(deep=True).sum())
    cds.evaluate_frame(frame.head(10), year=YEAR)  # imports and caches outside the measure
    gc.collect()
    tracemalloc.start()
    result = cds.evaluate_frame(frame, year=YEAR)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return peak, size


def _installed_env(cache: str) -> dict[str, str]:
    """The environment of an installed package: bytecode compiled once and reused (kept in a
    temporary folder, not the source tree), even where PYTHONDONTWRITEBYTECODE is set."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def fresh(code: str, runs: int, env: dict[str, str]) -> float:
    subprocess.run([sys.executable, "-c", code], check=True, env=env)  # compiles the bytecode
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ratio_import(runs: int) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as cache:
        env = _installed_env(cache)
        fresh("pass", 3, env)  # warm the file cache
        ours = fresh("import cds_indicators; cds_indicators.load_framework()", runs, env)
        theirs = fresh("import attrs, cattrs", runs, env)
    return ours / theirs, ours, theirs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=500,
                        help="rows evaluated one by one with evaluate(), then extrapolated")
    parser.add_argument("--runs", type=int, default=30, help="fresh interpreters per command")
    args = parser.parse_args()
    lines = []

    def report(name: str, ratio: float, budget: str, ok: bool, detail: str) -> None:
        lines.append(ok)
        print(f"{name:<44} {ratio:8.2f}  budget {budget:<8} {'OK' if ok else 'OVER'}  ({detail})")

    r, t_eval, t_bare = ratio_evaluate()
    report("evaluate() / bare loop of 37 comparisons", r, "<= 15", r <= 15,
           f"{t_eval * 1e6:.1f} µs vs {t_bare * 1e6:.2f} µs")
    f = ratio_frame(args.rows, args.sample)
    report(f"evaluate_frame() / NumPy, {args.rows} rows", f["frame_vs_numpy"], "<= 3",
           f["frame_vs_numpy"] <= 3, f"{f['frame'] * 1e3:.1f} ms vs {f['numpy'] * 1e3:.1f} ms")
    report("evaluate() per row / evaluate_frame()", f["speedup"], ">= 50", f["speedup"] >= 50,
           f"{f['rows_extrapolated']:.1f} s extrapolated from {args.sample} rows")
    r, ours, theirs = ratio_import(args.runs)
    report("fresh import+load_framework / attrs+cattrs", r, "<= 2", r <= 2,
           f"median of {args.runs}: {ours * 1e3:.0f} ms vs {theirs * 1e3:.0f} ms")
    peak, size = frame_memory(args.rows)
    report("peak memory (tracemalloc) / input frame", peak / size, "<= 3", peak <= 3 * size,
           f"{peak / 2**20:.1f} MiB vs {size / 2**20:.1f} MiB")
    return 0 if all(lines) else 1


if __name__ == "__main__":
    raise SystemExit(main())
