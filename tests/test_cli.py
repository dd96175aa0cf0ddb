"""The ``cds-indicators`` command line, driven through its real entry point in a subprocess.

Outputs are checked against what the library's own API says about the same files, so the command
line can never disagree with ``evaluate()`` silently.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest

import cds_indicators as cds
from cds_indicators._io.values import read_commune_file

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "cli"
VINH_LONG = "examples/vinh-long-2024.toml"
XA_MAU = "examples/xa-mau-2022.json"


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without the variables that change the command's language or colour."""
    drop = ("CDS_LANG", "NO_COLOR", "COLUMNS", "CDS_PROGRESS_AFTER")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(extra)
    return env


def cli(*args: str, env: dict[str, str] | None = None,
        cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m cds_indicators ARGS`` from the repository root, output captured."""
    return subprocess.run(
        [sys.executable, "-m", "cds_indicators", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd,
        env=clean_env() if env is None else env, timeout=120, check=False,
    )


def api_reports(*paths: str) -> list[cds.Report]:
    """What the library's API says about the example files."""
    reports = []
    for path in paths:
        record = read_commune_file(ROOT / path)
        assert record.year is not None
        reports.append(cds.evaluate(record.values, record.year, commune=record.commune,
                                    district=record.district))
    return reports


def flat(text: str) -> str:
    """Text with every run of whitespace made one space (undoing the wrapping of a table)."""
    return " ".join(text.split())


def columns(line: str) -> int:
    """Terminal columns of a line of (NFC) Vietnamese text: one per character but marks."""
    return sum(not unicodedata.combining(c) for c in unicodedata.normalize("NFC", line))


# --- the README's run command -------------------------------------------------------------------


def readme_run_command() -> list[str]:
    """The command the README gives to evaluate the examples (after its install step)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if "examples/vinh-long-2024.toml" in line
                and "evaluate" in line)
    command = shlex.split(line.split("&&")[-1])
    if command[0] == "cds-indicators":
        return [sys.executable, "-m", "cds_indicators", *command[1:]]
    assert command[:3] == ["python", "-m", "cds_indicators"], command
    return [sys.executable, *command[1:]]


def test_the_readme_run_command_evaluates_both_examples() -> None:
    done = subprocess.run(readme_run_command(), capture_output=True, text=True, cwd=ROOT,
                          env=clean_env(), timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no refusal, no warning: the examples are clean
    out = flat(done.stdout)
    for report in api_reports(VINH_LONG, XA_MAU):
        verdict = cds.Completion(report.completion)
        who = f"{report.commune} ({report.district})"
        assert f"KẾT LUẬN: {who} {_completion(verdict, 'vi').upper()}" in out
        for verdict_line in report:
            assert flat(verdict_line.text("vi")) in out


def _completion(completion: cds.Completion, lang: str) -> str:
    from cds_indicators._model.report import completion_word

    return completion_word(completion, lang)


# --- evaluate ------------------------------------------------------------------------------------


def test_evaluate_table_fits_80_columns_failures_first_and_ends_with_each_verdict() -> None:
    done = cli("evaluate", VINH_LONG, XA_MAU)
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert max(columns(line) for line in lines) <= 80
    reports = api_reports(VINH_LONG, XA_MAU)
    # Within each pillar, every failure is listed before anything else.
    pillars = [chunk.split("\n\n")[0] for chunk in re.split(r"\n\d\. ", done.stdout)[1:]]
    assert len(pillars) == 8
    for block in pillars:
        seen = [line[2] for line in block.splitlines() if re.match(r"  [✗?✓–·] ", line)]
        assert seen == sorted(seen, key=lambda mark: mark != "✗")
    assert sum("✗" in block for block in pillars) == 3
    # The last block gives the completion verdict of every commune, in order.
    tail = done.stdout.split("KẾT LUẬN TỪNG XÃ")[-1]
    found = [line for line in tail.splitlines() if line.startswith("  ")
             and line[2] in "✓✗?"]
    assert len(found) == len(reports)
    for line, report in zip(found, reports, strict=True):
        assert report.commune is not None and report.commune in line
    assert flat(f"{_completion(reports[0].completion, 'vi')} ({len(reports[0].failed)} chỉ "
                f"tiêu chưa đạt: {', '.join(reports[0].failed)})") in flat(tail)


def test_evaluate_shows_the_shortfall_and_what_is_needed_for_failures() -> None:
    report = api_reports(VINH_LONG)[0]
    out = flat(cli("evaluate", VINH_LONG).stdout)
    failures = [v for v in report if v.status is cds.Status.FAIL]
    assert failures
    for verdict in failures:
        assert flat(verdict.text("vi")) in out
    assert any(v.needed for v in failures)


def test_evaluate_json_is_the_list_of_to_dict_reports() -> None:
    done = cli("evaluate", VINH_LONG, XA_MAU, "--format", "json")
    assert done.returncode == 0
    assert json.loads(done.stdout) == [r.to_dict() for r in api_reports(VINH_LONG, XA_MAU)]


def test_evaluate_json_of_one_commune_is_still_a_list(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    done = cli("evaluate", XA_MAU, "--format", "json", "-o", str(target))
    assert done.returncode == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [cds.Report.from_dict(d) for d in data] == api_reports(XA_MAU)


def test_evaluate_csv_has_a_row_per_criterion_and_commune_with_the_api_statuses() -> None:
    done = cli("evaluate", VINH_LONG, XA_MAU, "--format", "csv", "--lang", "en")
    assert done.returncode == 0
    assert done.stdout.startswith("\ufeffcommune,district,year,criterion,")
    rows = list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    reports = api_reports(VINH_LONG, XA_MAU)
    expected = {(r.commune, v.criterion, v.status.value) for r in reports for v in r}
    expected |= {(r.commune, "", r.completion.value) for r in reports}
    assert len(rows) == len(expected)
    assert {(row["commune"], row["criterion"], row["status"]) for row in rows} == expected


def test_evaluate_xlsx_is_written_to_the_output_file(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "reports.xlsx"
    done = cli("evaluate", VINH_LONG, "--format", "xlsx", "-o", str(target), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"Written: {target}\n"
    sheet = openpyxl.load_workbook(target).worksheets[0]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header = values[0]
    statuses = {r[header.index("criterion")]: r[header.index("status")] for r in values[1:]
                if r[header.index("criterion")]}
    assert statuses == {v.criterion: v.status.value for v in api_reports(VINH_LONG)[0]}


def test_exports_neutralise_cells_that_would_run_as_formulas() -> None:
    done = cli("evaluate", str(DATA / "markup.toml"), "--format", "csv", "--lang", "en")
    assert done.returncode == 0
    rows = list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert {row["district"] for row in rows} == {"'=HYPERLINK(\"http://example.invalid\")"}


@pytest.mark.parametrize(
    ("args", "status"),
    [
        ((VINH_LONG, XA_MAU, "--fail-on-incomplete"), 1),
        ((XA_MAU, "--fail-on-incomplete"), 0),
        ((VINH_LONG,), 0),
    ],
)
def test_fail_on_incomplete_sets_exit_status_one(args: tuple[str, ...], status: int) -> None:
    reports = api_reports(*[a for a in args if a.startswith("examples/")])
    assert status == int("--fail-on-incomplete" in args and not all(r.completed for r in reports))
    assert cli("evaluate", *args).returncode == status


def test_year_option_is_the_year_of_files_that_give_none() -> None:
    done = cli("evaluate", "tests/data/cli/no-year.json", "--year", "2025", "--format", "json")
    assert done.returncode == 0, done.stderr
    expected = [cds.evaluate({"1.6": "80%"}, 2025, commune="Xã Không Năm")]
    assert json.loads(done.stdout) == [r.to_dict() for r in expected]


def test_year_option_never_re_dates_a_file_that_states_another_year() -> None:
    done = cli("evaluate", "tests/data/cli/no-year.json", XA_MAU, "--year", "2025",
               "--lang", "en")
    assert done.returncode == 3
    assert f"{XA_MAU}, $.year: the year 2022 differs from the year 2025 asked for" in (
        " ".join(done.stderr.split()))


# --- languages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["option", "env"])
def test_english_labels_and_verdicts(how: str) -> None:
    if how == "option":
        done = cli("evaluate", VINH_LONG, "--lang", "en")
    else:
        done = cli("evaluate", VINH_LONG, env=clean_env(CDS_LANG="en"))
    assert done.returncode == 0
    report = api_reports(VINH_LONG)[0]
    out = flat(done.stdout)
    assert "VERDICT: Xã Vĩnh Long (Vĩnh Lộc) HAS NOT COMPLETED DIGITAL TRANSFORMATION" in out
    assert "1. Digital government:" in out
    for verdict in report:
        assert flat(verdict.text("en")) in out


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", ["Cách dùng: cds-indicators evaluate [TÙY CHỌN] TỆP...", "Tùy chọn:",
                "--fail-on-incomplete", "Mã thoát: 0 thành công; 1 có xã chưa hoàn thành (với",
                "3 dữ liệu đầu vào có lỗi; 4 lỗi nội bộ của chương trình.",
                "Xem hướng dẫn này rồi thoát."]),
        ("en", ["Usage: cds-indicators evaluate [OPTIONS] FILE...", "Options:",
                "Exit status: 0 success; 1 a commune has not completed (with",
                "input error; 4 internal error of the program.",
                "Show this message and exit."]),
    ],
)
def test_help_speaks_the_chosen_language(lang: str, expected: list[str]) -> None:
    done = cli("evaluate", "--help", "--lang", lang)
    assert done.returncode == 0
    for text in expected:
        assert text in done.stdout
    assert max(columns(line) for line in done.stdout.splitlines()) <= 80


def test_main_help_lists_the_commands_in_the_order_of_the_work() -> None:
    done = cli("--help", env=clean_env(CDS_LANG="en"))
    assert done.returncode == 0
    listed = re.findall(r"^  (\w+)  ", done.stdout.split("Commands:")[1], re.MULTILINE)
    assert listed == ["criteria", "template", "validate", "evaluate", "summarize", "framework"]


# --- criteria ------------------------------------------------------------------------------------


def test_criteria_table_lists_every_criterion_with_unit_targets_and_office() -> None:
    done = cli("criteria")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert max(columns(line) for line in lines) <= 80
    framework = cds.load_framework()
    ids = [line.split()[0] for line in lines if re.match(r"\d+\.\d+ ", line)]
    assert ids == [c.id for c in framework]
    out = flat(done.stdout)
    for criterion in framework:
        assert flat(f"Chủ trì: {criterion.responsible}") in out


def test_criteria_for_one_year_and_pillar_in_english() -> None:
    done = cli("criteria", "--year", "2024", "--pillar", "kinh_te_so", "--lang", "en")
    assert done.returncode == 0
    framework = cds.load_framework()
    pillar = framework.pillar("kinh_te_so")
    ids = [line.split()[0] for line in done.stdout.splitlines() if re.match(r"\d+\.\d+ ", line)]
    assert ids == [c.id for c in pillar.criteria]
    assert "Target 2024" in done.stdout and "2. Digital economy" in done.stdout


def test_criteria_json_carries_every_target_as_printed() -> None:
    done = cli("criteria", "--format", "json")
    items = json.loads(done.stdout)
    framework = cds.load_framework()
    assert [i["id"] for i in items] == [c.id for c in framework]
    for item, criterion in zip(items, framework, strict=True):
        assert item["unit"] == criterion.unit and item["responsible"] == criterion.responsible
        assert item["targets"] == {
            str(y): None if t is None else t.label for y, t in criterion.targets.items()
        }


def test_criteria_csv_and_xlsx(tmp_path: Path) -> None:
    done = cli("criteria", "--year", "2025", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    framework = cds.load_framework()
    assert [(r["Mã chỉ tiêu"], r["Chỉ tiêu năm 2025"]) for r in rows] == [
        (c.id, "*" if c.targets[2025] is None else c.targets[2025].label) for c in framework
    ]
    assert (rows[0]["Nhóm"], rows[0]["Loại"], rows[0]["Có điều kiện"]) == (
        "Chính quyền số", "Có/Không", "Không")
    english = cli("criteria", "--year", "2025", "--format", "csv", "--lang", "en")
    assert english.stdout.lstrip("\ufeff").splitlines()[0] == (
        "Criterion,Pillar,Name (Vietnamese),Name,Unit,Kind,Conditional,Responsible,Target 2025")
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "criteria.xlsx"
    assert cli("criteria", "--format", "xlsx", "-o", str(target)).returncode == 0
    sheet = openpyxl.load_workbook(target).worksheets[0]
    assert (sheet.title, sheet.freeze_panes) == ("Chỉ tiêu", "A2")
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == [c.id for c in framework]


def test_criteria_of_a_shipped_framework_by_name() -> None:
    name = next(n for n in cds.available_frameworks() if n != "thanh-hoa-1829")
    done = cli("criteria", "--framework", name, "--format", "json")
    assert done.returncode == 0
    assert [i["id"] for i in json.loads(done.stdout)] == [
        c.id for c in cds.load_framework(name)
    ]


# --- validate ------------------------------------------------------------------------------------


def test_validate_good_files() -> None:
    done = cli("validate", VINH_LONG, XA_MAU)
    assert (done.returncode, done.stdout, done.stderr) == (
        0, "Không có lỗi: 2 tệp, 2 xã-năm.\n", "")
    done = cli("validate", VINH_LONG, "--lang", "en")
    assert done.stdout == "No problems: 1 files, 1 commune-years.\n"


BAD_VALUES_VI = """\
Lỗi: dữ liệu đầu vào có 5 vấn đề:
  - tests/data/cli/bad-values.toml, $.values.1.8: chỉ tiêu 1.8: 75 là một số,
    nhưng chỉ tiêu này không đếm số lượng (chỉ tiêu đếm có đơn vị đếm và yêu
    cầu Có): ghi Có/Không / 'sử dụng hiệu quả'
  - tests/data/cli/bad-values.toml, $.values.1.6: chỉ tiêu 1.6: không đọc được
    'abc' là một tỷ lệ (ví dụ: 80, 80%, 57,5%, 19/33)
  - tests/data/cli/bad-values.toml, $.values.2.5: chỉ tiêu 2.5: tử số 40 lớn
    hơn mẫu số 33
  - tests/data/cli/bad-values.toml, $.values.3.10: chỉ tiêu 3.10: 120 nằm ngoài
    khoảng 0–100%
  - tests/data/cli/bad-values.toml, $.values.3.1O: không có chỉ tiêu '3.1O'
    trong khung thanh-hoa-1829
"""
BAD_VALUES_EN = """\
Error: 5 problems in the input:
  - tests/data/cli/bad-values.toml, $.values.1.8: criterion 1.8: 75 is a
    number, but this criterion does not count things (a counted one has a unit
    that counts and the target Có): give yes/no (Có/Không) / 'sử dụng hiệu quả'
  - tests/data/cli/bad-values.toml, $.values.1.6: criterion 1.6: cannot read
    'abc' as a rate (e.g. 80, 80%, 57,5%, 19/33)
  - tests/data/cli/bad-values.toml, $.values.2.5: criterion 2.5: the numerator
    40 is greater than the denominator 33
  - tests/data/cli/bad-values.toml, $.values.3.10: criterion 3.10: 120 is
    outside 0–100%
  - tests/data/cli/bad-values.toml, $.values.3.1O: there is no criterion '3.1O'
    in framework thanh-hoa-1829
"""


@pytest.mark.parametrize("command", ["validate", "evaluate"])
@pytest.mark.parametrize(("lang", "expected"), [("vi", BAD_VALUES_VI), ("en", BAD_VALUES_EN)])
def test_every_bad_value_is_listed_with_its_place(command: str, lang: str,
                                                  expected: str) -> None:
    done = cli(command, "tests/data/cli/bad-values.toml", VINH_LONG, "--lang", lang)
    assert (done.returncode, done.stdout, done.stderr) == (3, "", expected)


def test_validate_reports_problems_of_several_files_at_once() -> None:
    done = cli("validate", "tests/data/cli/no-year.json", "tests/data/cli/year-2030.toml",
               "--lang", "en")
    assert done.returncode == 3
    assert done.stderr == (
        "Error: 2 problems in the input:\n"
        "  - tests/data/cli/no-year.json, $.year: the year is missing (year in the file,\n"
        "    or --year)\n"
        "  - tests/data/cli/year-2030.toml, $.year: the year 2030 is not in framework\n"
        "    thanh-hoa-1829 (years with targets: 2022, 2023, 2024, 2025)\n"
    )
    assert cli("validate", "tests/data/cli/no-year.json", "--year", "2024").returncode == 0


# --- HTML ----------------------------------------------------------------------------------------


def test_html_report_is_self_contained_and_escapes_data(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    done = cli("evaluate", VINH_LONG, str(DATA / "markup.toml"), "--format", "html",
               "-o", str(target))
    assert done.returncode == 0, done.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co" in page
    # No network: the only URL is the SVG namespace, which is a name, not a fetch.
    urls = set(re.findall(r"https?://[\w.-]+", page))
    assert urls == {"http://www.w3.org", "http://example.invalid"}
    assert "=HYPERLINK(&quot;http://example.invalid&quot;)" in page
    assert not re.search(r"<(link|img|iframe)\b|@import|url\(", page)
    assert "@media print" in page and "size: A4" in page
    assert page.count("<svg") == 2
    for report in api_reports(VINH_LONG):
        for verdict in report:
            assert f">{verdict.criterion}</td>" in page


@pytest.mark.skipif(shutil.which("chromium") is None,
                    reason="chromium is not installed (apt-get install chromium)")
def test_html_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    assert cli("evaluate", VINH_LONG, "--format", "html", "-o", str(page)).returncode == 0
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={tempfile.mkdtemp(dir=tmp_path)}"]
    dom = subprocess.run(["chromium", *flags, "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120, check=False)
    assert "Xã Vĩnh Long (Vĩnh Lộc)" in dom.stdout
    assert dom.stdout.count("<rect") >= 4
    shot = tmp_path / "report.png"
    subprocess.run(["chromium", *flags, f"--screenshot={shot}", "--window-size=1000,1400",
                    page.as_uri()], capture_output=True, timeout=120, check=False)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000


# --- the terminal: colour and progress ----------------------------------------------------------


def run_on_terminal(*args: str, env: dict[str, str]) -> tuple[bytes, bytes]:
    """Run the command with stdout and stderr each on a pseudo-terminal; what each showed."""
    pty = pytest.importorskip("pty")
    out_master, out_slave = pty.openpty()
    err_master, err_slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "cds_indicators", *args], cwd=ROOT,
                               stdout=out_slave, stderr=err_slave, env=env)
    os.close(out_slave)
    os.close(err_slave)
    shown = {out_master: b"", err_master: b""}
    for fd in shown:
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown[fd] += chunk
        os.close(fd)
    process.wait(timeout=120)
    return shown[out_master], shown[err_master]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_colour_and_progress_only_on_a_terminal(tmp_path: Path) -> None:
    # Six commune-years, each once: a commune-year given in two files is refused.
    text = (ROOT / VINH_LONG).read_text(encoding="utf-8")
    files = [VINH_LONG, XA_MAU]
    for i in range(4):
        other = tmp_path / f"xa-{i}.toml"
        other.write_text(text.replace('"Xã Vĩnh Long"', f'"Xã Vĩnh Long {i}"'), encoding="utf-8")
        files.append(str(other))
    out, err = run_on_terminal("evaluate", *files, env=clean_env(CDS_PROGRESS_AFTER="0"))
    assert b"\x1b[" in out
    assert "Đang xử lý [".encode() in err and b"6/6" in err
    out, err = run_on_terminal("evaluate", *files, env=clean_env(NO_COLOR="1"))
    assert b"\x1b[" not in out and b"\x1b[" not in err and "Đang xử lý".encode() not in err
    piped = cli("evaluate", *files, env=clean_env(CDS_PROGRESS_AFTER="0"))
    assert "\x1b[" not in piped.stdout and piped.stderr == ""  # no progress when piped


def test_import_does_not_import_click() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys, cds_indicators; print('click' in sys.modules)"],
        capture_output=True, text=True, check=True,
    )
    assert done.stdout.strip() == "False"


# --- summarize -----------------------------------------------------------------------------------


def test_summarize_against_the_schedule() -> None:
    """A commune completed before its assigned year is early, in it on time, after it late; one
    not completed by its year is late, before it not yet due."""
    done = cli("summarize", VINH_LONG, XA_MAU, "--schedule", "tests/data/cli/schedule.csv",
               "--format", "json")
    assert done.returncode == 0, done.stderr
    groups = json.loads(done.stdout)
    reports = api_reports(VINH_LONG, XA_MAU)
    assert [(g["district"], g["year"], g["communes"]) for g in groups] == [
        (r.district, r.year, 1) for r in reports]
    due = {"Xã Vĩnh Long": 2024, "Xã Mẫu": 2023}
    for group, report in zip(groups, reports, strict=True):
        assert group[report.completion.value.lower()] == [report.commune]
        assert [b["criterion"] for b in group["blocking"]] == list(report.failed)
        assert report.commune is not None
        if report.completed:
            expected = "early" if report.year < due[report.commune] else "on_time"
        else:
            expected = "late" if report.year >= due[report.commune] else "not_due"
        assert group["schedule"][expected] == [report.commune]


def test_summarize_table_html_and_csv(tmp_path: Path) -> None:
    done = cli("summarize", VINH_LONG, XA_MAU, "--schedule", "tests/data/cli/schedule.csv",
               "--lang", "en")
    assert done.returncode == 0
    assert max(columns(line) for line in done.stdout.splitlines()) <= 80
    assert "  ✗ has not completed digital transformation (1): Xã Vĩnh Long" in done.stdout
    assert "  - late: Xã Vĩnh Long" in done.stdout and "  - early: Xã Mẫu" in done.stdout
    page = tmp_path / "district.html"
    assert cli("summarize", VINH_LONG, XA_MAU, "--format", "html", "-o",
               str(page)).returncode == 0
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.count("<svg") == 2
    done = cli("summarize", VINH_LONG, XA_MAU, "--format", "csv", "--schedule",
               "tests/data/cli/schedule.csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert [(r["Xã"], r["Hoàn thành"], r["Tiến độ"]) for r in rows] == [
        ("Xã Vĩnh Long", "chưa hoàn thành chuyển đổi số", "trễ hạn"),
        ("Xã Mẫu", "hoàn thành chuyển đổi số", "sớm")]
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "tong-hop.xlsx"
    assert cli("summarize", VINH_LONG, XA_MAU, "--format", "xlsx", "-o", str(target),
               "--schedule", "tests/data/cli/schedule.csv").returncode == 0
    sheet = openpyxl.load_workbook(target).active
    assert (sheet.title, sheet.freeze_panes) == ("Tổng hợp", "A2")
    assert [c.value for c in sheet[1]] == [
        "Xã", "Huyện", "Năm", "Hoàn thành", "Chưa đạt", "Chưa có số liệu", "Hạn hoàn thành",
        "Tiến độ"]
    assert [c.value for c in sheet[2]][2:4] == [2024, "chưa hoàn thành chuyển đổi số"]
