"""The performance budget of cds-indicators, measured as ratios taken in one run.

Run from the repository root::

    python benchmarks/bench.py            # every ratio of the budget (several minutes)
    python benchmarks/bench.py --rows 20000 --communes 1000 --skip files,cli

Each line prints a ratio, its budget, and whether it is within it; each measure is timed against
its plain alternative (a bare loop of float comparisons, hand-written NumPy, ``pandas.read_csv``,
openpyxl in read-only mode, ``import attrs, cattrs``) in the same run, in turns, on values that
mostly pass and on uniformly random values. Nothing here is run by the test suite: timings
belong to a machine, ratios to the code.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measures as m


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the tables and CSV")
    parser.add_argument("--xlsx-rows", type=int, default=10_000)
    parser.add_argument("--communes", type=int, default=2_000,
                        help="communes given to the command line")
    parser.add_argument("--runs", type=int, default=20, help="fresh interpreters per command")
    parser.add_argument("--skip", default="", help="comma-separated: evaluate,frame,files,"
                                                   "cli,import")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    verdicts: list[bool] = []

    def report(name: str, found: tuple[float, str], budget: float) -> None:
        ratio, detail = found
        ok = ratio <= budget
        verdicts.append(ok)
        print(f"{name:<58} {ratio:8.2f}  budget <= {budget:<5g} {'OK' if ok else 'OVER'}"
              f"  ({detail})", flush=True)

    if "evaluate" not in skip:
        for distribution in m.DISTRIBUTIONS:
            for form in m.FORMS:
                report(f"evaluate() / 37 float comparisons, {form}, {distribution}",
                       m.evaluate_ratio(form, distribution), 15)
    if "frame" not in skip:
        for distribution in m.DISTRIBUTIONS:
            frame = m.make_frame(args.rows, distribution)
            for backend in ("pandas", "polars", "pyarrow"):
                report(f"evaluate_frame() / NumPy, {backend}, {distribution}",
                       m.frame_ratio(frame, backend), 8)
                report(f"  peak memory / input, {backend}, {distribution}",
                       m.frame_memory(frame, backend), 1.5)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "values.csv"
        if "files" not in skip:
            for distribution in m.DISTRIBUTIONS:
                m.write_csv(path, args.rows, distribution)
                report(f"load_values() / pandas.read_csv, {args.rows} rows, {distribution}",
                       m.csv_ratio(path), 10)
                report(f"  peak memory / the CSV file, {distribution}", m.csv_memory(path), 3)
            m.write_csv(path, args.rows, "uniform", decimal=",")
            report(f"load_values() / pandas.read_csv, {args.rows} rows, decimal commas",
                   m.csv_ratio(path, decimal=","), 10)
            book = Path(folder) / "values.xlsx"
            for distribution in m.DISTRIBUTIONS:
                m.write_xlsx(book, args.xlsx_rows, distribution)
                report(f"load_values() / openpyxl read-only, {args.xlsx_rows} rows, "
                       f"{distribution}", m.xlsx_ratio(book), 1.5)

            def csv_seconds(rows: int) -> float:
                small = Path(folder) / f"rows{rows}.csv"
                m.write_csv(small, rows)
                start = time.perf_counter()
                m.cds.load_values(small)
                return time.perf_counter() - start

            report("  load_values() twice the rows / once (linear: 2)",
                   m.linear(csv_seconds, args.rows // 4), 2.5)
        if "cli" not in skip:
            communes = Path(folder) / "communes.csv"
            m.write_csv(communes, args.communes)
            report("evaluate, default table: ms per commune", m.cli_per_commune(
                communes, args.communes), 1)

            def cli_at(rows: int) -> float:
                part = Path(folder) / f"c{rows}.csv"
                m.write_csv(part, rows)
                return m.cli_seconds(["evaluate", str(part)])

            report("  evaluate table, twice the communes / once (linear: 2)",
                   m.linear(cli_at, args.communes // 2), 2.5)
            schedule = m.schedule_file(communes, 2 * args.communes)
            for fmt in ("csv", "xlsx", "html"):
                def at(rows: int, fmt: str = fmt) -> float:
                    part = Path(folder) / f"s{rows}.csv"
                    m.write_csv(part, rows)
                    out = Path(folder) / f"out.{fmt}"
                    return m.cli_seconds(["summarize", str(part), "--schedule", str(schedule),
                                          "--format", fmt, "-o", str(out)])

                report(f"  summarize --schedule {fmt}, twice the communes / once",
                       m.linear(at, args.communes), 2.5)
    if "import" not in skip:
        report("fresh import + load_framework / import attrs, cattrs", m.import_ratio(args.runs),
               1.5)
    print(f"{sum(verdicts)} of {len(verdicts)} within budget")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    raise SystemExit(main())
