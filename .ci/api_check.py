"""The public API against the last release: every break griffe reports is listed in api/breaks.toml,
with its reason, and announced in the CHANGELOG's coming release.

Run from the repository root: python .ci/api_check.py
It runs `griffe check cds_indicators --search src --against <baseline revision>`, prints griffe's
messages, and fails on a break that is not listed, a listed break that griffe no longer reports,
and a listed break whose CHANGELOG entry is missing.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BREAKS = ROOT / "api" / "breaks.toml"
CHANGELOG = ROOT / "CHANGELOG.md"
SECTIONS = ("Changed", "Removed")

# griffe's one-line format: "<file>:<line>: <object>: <kind>[: <old> -> <new>]"
_ONE_LINE = re.compile(r"^(?P<place>[^\s:]+:\d+): (?P<change>\S.*)$")


def load_breaks(path: Path = BREAKS) -> dict[str, Any]:
    """The baseline and the allowed breaks, each checked for the fields it needs."""
    with path.open("rb") as file:
        data = tomllib.load(file)
    baseline = data.get("baseline", {})
    if not {"version", "revision"} <= baseline.keys():
        raise ValueError(f"{path.name}: [baseline] needs a version and a revision")
    breaks = data.get("breaks", [])
    for number, entry in enumerate(breaks, 1):
        missing = {"change", "reason", "changelog", "entry"} - entry.keys()
        if missing:
            raise ValueError(f"{path.name}: break {number} lacks {', '.join(sorted(missing))}")
        if entry["changelog"] not in SECTIONS:
            raise ValueError(
                f"{path.name}: break {number}: changelog must be one of {', '.join(SECTIONS)},"
                f" not {entry['changelog']!r}"
            )
    return {"baseline": baseline, "breaks": breaks}


def griffe_changes(lines: list[str]) -> list[str]:
    """The breaks in griffe's one-line output, each without its file and line."""
    return [match["change"] for line in lines if (match := _ONE_LINE.match(line.strip()))]


def release_section(changelog: str, version: str, baseline: str) -> str:
    """The CHANGELOG section of the coming release.

    While ``version`` is still the baseline's, that is [Unreleased]; once a release is cut (the
    version bumped past the baseline), it is the section of that version.
    """
    title = "Unreleased" if version == baseline else version
    found = re.search(rf"^## \[{re.escape(title)}\].*?(?=^## |\Z)", changelog, re.M | re.S)
    if not found:
        raise ValueError(f"CHANGELOG.md has no section [{title}]")
    return found.group(0)


def subsection(section: str, name: str) -> str:
    """The text under ``### name`` in a release section, whitespace collapsed ('' if none)."""
    found = re.search(rf"^### {name}\s*$(.*?)(?=^### |\Z)", section, re.M | re.S)
    return " ".join(found.group(1).split()) if found else ""


def unannounced(breaks: list[dict[str, str]], section: str) -> list[str]:
    """The listed breaks whose entry is not in their CHANGELOG subsection."""
    return [
        f"{entry['change']}: not in ### {entry['changelog']}: {entry['entry']}"
        for entry in breaks
        if " ".join(entry["entry"].split()) not in subsection(section, entry["changelog"])
    ]


def compare(reported: list[str], breaks: list[dict[str, str]]) -> tuple[list[str], list[str]]:
    """The reported breaks that are not listed, and the listed breaks no longer reported."""
    listed = {entry["change"] for entry in breaks}
    return (
        [change for change in reported if change not in listed],
        sorted(listed - set(reported)),
    )


def run_griffe(revision: str) -> tuple[int, list[str]]:
    """griffe check of the working tree's sources against ``revision``: exit code, output lines."""
    command = [
        sys.executable, "-m", "griffe", "check", "cds_indicators",
        "--search", "src", "--against", revision, "--no-color", "--format", "oneline",
    ]  # fmt: skip
    print("$", " ".join(["griffe", *command[3:]]))
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    lines = (done.stdout + done.stderr).splitlines()
    return done.returncode, lines


def version_of(source: str) -> str:
    found = re.search(r'^__version__ = "([^"]+)"', source, re.M)
    if not found:
        raise ValueError("no __version__ in src/cds_indicators/_version.py")
    return found.group(1)


def main() -> int:
    contract = load_breaks()
    baseline, breaks = contract["baseline"], contract["breaks"]
    version = version_of((ROOT / "src" / "cds_indicators" / "_version.py").read_text("utf-8"))
    print(f"baseline: {baseline['version']} at {baseline['revision']}; this tree: {version}")
    code, lines = run_griffe(baseline["revision"])
    for line in lines:
        print(line)
    reported = griffe_changes(lines)
    if code not in (0, 1) or (code == 1 and not reported):
        print(f"griffe check did not run (exit {code})")
        return 2
    unlisted, stale = compare(reported, breaks)
    section = release_section(CHANGELOG.read_text("utf-8"), version, baseline["version"])
    missing = unannounced(breaks, section)
    for change in unlisted:
        print(f"API break not listed in api/breaks.toml: {change}")
    for change in stale:
        print(f"listed in api/breaks.toml, but griffe no longer reports it: {change}")
    for problem in missing:
        print(f"listed break not announced in CHANGELOG.md: {problem}")
    failed = bool(unlisted or stale or missing)
    listed = len(reported) - len(unlisted)
    print(f"API check: {len(reported)} breaks, {listed} listed; {'FAILED' if failed else 'ok'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
