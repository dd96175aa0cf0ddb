"""The edges of the command line's output and input: a stdout that cannot be written, an ``-o``
whose suffix names another format than ``--format``, and a file named twice."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cds_indicators._cli.main import run
from test_cli import ROOT, VINH_LONG, XA_MAU, clean_env, cli

USAGE, INPUT = 2, 3
FULL = Path("/dev/full")
needs_full = pytest.mark.skipif(not FULL.exists(), reason="no /dev/full on this system")


def to_full(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m cds_indicators ARGS`` with stdout on /dev/full (every write fails)."""
    with FULL.open("w") as full:
        return subprocess.run(
            [sys.executable, "-m", "cds_indicators", *args], stdout=full,
            stderr=subprocess.PIPE, text=True, encoding="utf-8", cwd=ROOT, env=clean_env(),
            timeout=120, check=False,
        )


# 1. A stdout that cannot be written is an output that cannot be written: exit status 3, told as
# `-o /dev/full` is, never an internal error.

@needs_full
@pytest.mark.parametrize(
    "args",
    [
        ["evaluate", VINH_LONG, "--format", "json"],
        ["evaluate", VINH_LONG, "--format", "csv"],
        ["evaluate", VINH_LONG],
        ["summarize", VINH_LONG, "--format", "html"],
        ["criteria", "--format", "csv"],
        ["validate", VINH_LONG],
    ],
)
def test_a_full_stdout_exits_3_like_a_full_output_file(args: list[str]) -> None:
    done = to_full(*args, "--lang", "en")
    assert done.returncode == INPUT
    # One line, nothing after it (no second failure when Python flushes stdout at exit).
    assert done.stderr == f"Error: cannot write the standard output: {os.strerror(errno.ENOSPC)}\n"


@needs_full
def test_a_full_stdout_is_told_in_vietnamese_in_the_shape_of_a_full_file() -> None:
    done = to_full("evaluate", VINH_LONG, "--format", "json")
    to_file = cli("evaluate", VINH_LONG, "--format", "json", "-o", str(FULL))
    detail = os.strerror(errno.ENOSPC)
    assert (done.returncode, to_file.returncode) == (INPUT, INPUT)
    assert done.stderr == f"Lỗi: không ghi được đầu ra chuẩn: {detail}\n"
    assert to_file.stderr == f"Lỗi: không ghi được {FULL}: {detail}\n"


class _Refusing:
    """A stdout every write to which fails, as a full disk's does."""

    def __init__(self) -> None:
        self.buffer = self

    def write(self, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_a_stdout_that_refuses_writes_exits_3(
    fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Where there is no /dev/full: the same entry point, its stdout a stream that refuses.
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("CDS_LANG", raising=False)
    monkeypatch.setattr(sys, "stdout", _Refusing())
    status = run(["evaluate", VINH_LONG, "--format", fmt, "--lang", "en"])
    assert status == INPUT
    assert capsys.readouterr().err == (
        "Error: cannot write the standard output: No space left on device\n")


# 2. An -o whose suffix names another format than --format's is a usage error, as template's
# wrong suffix is; a suffix that names no format is the user's choice.

@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["evaluate", VINH_LONG, "--format", "csv", "-o", "out.xlsx"],
         "Lỗi cách dùng: --format csv ghi tệp .csv: tên tệp out.xlsx cần đuôi .csv"),
        (["evaluate", VINH_LONG, "--format", "xlsx", "-o", "out.csv", "--lang", "en"],
         "Usage error: --format xlsx writes a .xlsx file: out.csv needs the .xlsx suffix"),
        (["evaluate", VINH_LONG, "--format", "json", "-o", "out.HTML", "--lang", "en"],
         "Usage error: --format json writes a .json file: out.HTML needs the .json suffix"),
        (["summarize", VINH_LONG, "--format", "html", "-o", "out.json", "--lang", "en"],
         "Usage error: --format html writes a .html file: out.json needs the .html suffix"),
        (["summarize", VINH_LONG, "--format", "csv", "-o", "out.xlsx", "--lang", "en"],
         "Usage error: --format csv writes a .csv file: out.xlsx needs the .csv suffix"),
        (["criteria", "--format", "json", "-o", "out.csv", "--lang", "en"],
         "Usage error: --format json writes a .json file: out.csv needs the .json suffix"),
    ],
)
def test_an_output_suffix_of_another_format_is_a_usage_error(
    args: list[str], message: str, tmp_path: Path
) -> None:
    args = [str(ROOT / a) if a == VINH_LONG else a for a in args]
    done = cli(*args, cwd=tmp_path)
    assert done.returncode == USAGE
    assert done.stdout == ""
    assert done.stderr.splitlines()[-1] == message
    assert list(tmp_path.iterdir()) == []  # nothing written


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("csv", "out.txt"), ("csv", "out"), ("csv", "OUT.CSV"), ("xlsx", "out.xlsx"),
     ("json", "out.json"), ("html", "report.htm"), ("table", "out.csv")],
)
def test_an_output_suffix_that_names_no_other_format_is_written(
    fmt: str, name: str, tmp_path: Path
) -> None:
    done = cli("evaluate", str(ROOT / VINH_LONG), "--format", fmt, "-o", name, "--lang", "en",
               cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, f"Written: {name}\n")
    assert (tmp_path / name).stat().st_size > 0


def test_a_workbook_without_output_is_still_refused() -> None:
    done = cli("summarize", VINH_LONG, "--format", "xlsx", "--lang", "en")
    assert done.returncode == USAGE
    assert done.stderr.splitlines()[-1] == (
        "Usage error: the xlsx format needs -o FILE.xlsx (a workbook is not printed to the "
        "terminal)"
    )


# 3. A file named twice: each of its commune-years refused at the second naming, naming the
# first with its file (docs/cli.md, section 3), never "row 2 already appears at row 2".

def _one_commune_csv(folder: Path) -> Path:
    rows = (ROOT / "examples/rebase/vinh-loc-history.csv").read_text(encoding="utf-8")
    path = folder / "w.csv"
    path.write_text("\n".join(rows.splitlines()[:2]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["validate", "evaluate", "summarize"])
def test_a_file_named_twice_names_the_first_place_with_its_file(
    command: str, tmp_path: Path
) -> None:
    _one_commune_csv(tmp_path)
    done = cli(command, "w.csv", "w.csv", "--lang", "en", cwd=tmp_path)
    assert done.returncode == INPUT
    assert " ".join(done.stderr.split()) == (
        "Error: w.csv, row 2: Thị trấn Vĩnh Lộc (Vĩnh Lộc) in 2022 already appears at "
        "w.csv, row 2"
    )


def test_a_file_named_twice_among_others_is_refused_once_per_naming(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text((ROOT / XA_MAU).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    done = cli("validate", "a.json", "./a.json", str(ROOT / VINH_LONG), "a.json", "--lang", "vi",
               cwd=tmp_path)
    assert done.returncode == INPUT
    assert done.stderr.splitlines()[1:] == [
        "  - a.json, $: Xã Mẫu (Minh họa) năm 2022 đã có ở a.json, $",
        "  - a.json, $: Xã Mẫu (Minh họa) năm 2022 đã có ở a.json, $",
    ]


def test_a_file_named_twice_is_kept_nowhere_with_keep_going(tmp_path: Path) -> None:
    _one_commune_csv(tmp_path)
    done = cli("evaluate", "w.csv", "w.csv", str(ROOT / XA_MAU), "--keep-going",
               "--format", "json", cwd=tmp_path)
    assert done.returncode == INPUT
    assert '"commune": "Xã Mẫu"' in done.stdout
    assert "Thị trấn Vĩnh Lộc" not in done.stdout
