"""The console sessions in docs/cli.md are real: each command is run and prints what is shown.

A shown output with a line ``…`` is compared on the lines before it (the start of the output) and
after it (the end); ``$ echo $?`` shows the exit status of the command before.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from test_cli import ROOT, clean_env

DOC = ROOT / "docs" / "cli.md"


def sessions() -> list[list[tuple[str, list[str]]]]:
    """Every console block of the page, as (command, shown output lines) pairs."""
    blocks = re.findall(r"```console\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    found = []
    for block in blocks:
        steps: list[tuple[str, list[str]]] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                steps[-1][1].append(line)
        found.append(steps)
    return found


def shown_matches(shown: list[str], actual: list[str]) -> bool:
    if "…" not in shown:
        return shown == actual
    cut = shown.index("…")
    head, tail = shown[:cut], shown[cut + 1:]
    return actual[: len(head)] == head and (not tail or actual[-len(tail):] == tail)


@pytest.mark.parametrize("steps", sessions(), ids=lambda steps: steps[0][0][:60])
def test_console_session(steps: list[tuple[str, list[str]]], tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copytree(ROOT / "tests" / "data" / "cli", tmp_path / "tests" / "data" / "cli")
    status = None
    for command, shown in steps:
        if command == "echo $?":
            assert shown == [str(status)], command
            continue
        words = shlex.split(command)
        assert words[0] == "cds-indicators"
        done = subprocess.run([sys.executable, "-m", "cds_indicators", *words[1:]], cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env=clean_env(), timeout=120, check=False)
        status = done.returncode
        assert shown_matches(shown, done.stdout.splitlines()), (command, done.stdout)
