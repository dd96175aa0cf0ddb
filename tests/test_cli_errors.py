"""Mistakes on the command line and in files: one readable block, the documented exit status,
never a Python traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from test_cli import ROOT, VINH_LONG, XA_MAU, clean_env, cli

USAGE, INPUT, INTERNAL = 2, 3, 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["evaluate"], "Lỗi cách dùng: thiếu đối số TỆP..."),
        (["evaluate", "--lang", "en"], "Usage error: missing argument FILE..."),
        (["frob"], "Lỗi cách dùng: không có lệnh frob"),
        (["evalute", "x"],
         "Lỗi cách dùng: không có lệnh evalute; có phải ý bạn là evaluate, validate?"),
        (["--lang", "en", "evalute", "x"],
         "Usage error: no such command: evalute; did you mean evaluate, validate?"),
        (["evaluate", "--frob", VINH_LONG], "Lỗi cách dùng: không có tùy chọn --frob"),
        (["evaluate", "--frame", VINH_LONG],
         "Lỗi cách dùng: không có tùy chọn --frame; có phải ý bạn là --framework, --format?"),
        (["evaluate", "--year"], "Lỗi cách dùng: tùy chọn --year cần một giá trị"),
        (["evaluate", "--year", "abc", VINH_LONG],
         "Lỗi cách dùng: 'abc' không phải một năm cho --year"),
        (["evaluate", "--year", "20x4", VINH_LONG, "--lang", "en"],
         "Usage error: '20x4' is not a year for --year"),
        (["evaluate", "--year", "2030", VINH_LONG],
         "Lỗi cách dùng: năm 2030 không thuộc khung thanh-hoa-1829 (các năm có chỉ tiêu: "
         "2022, 2023, 2024, 2025)"),
        (["evaluate", "--format", "pdf", VINH_LONG],
         "Lỗi cách dùng: 'pdf' không hợp lệ cho --format (chọn một trong: table, json, csv, "
         "xlsx, html)"),
        (["evaluate", "--format", "xlsx", VINH_LONG],
         "Lỗi cách dùng: định dạng xlsx cần -o TỆP.xlsx (không in bảng tính ra màn hình)"),
        (["criteria", "extra"], "Lỗi cách dùng: thừa đối số: extra"),
        (["criteria", "--debug=3"], "Lỗi cách dùng: tùy chọn --debug không nhận giá trị"),
        (["criteria", "--pillar", "xx", "--lang", "en"],
         "Usage error: there is no pillar 'xx' (there are: 1 Digital government "
         "(chinh_quyen_so), 2 Digital economy (kinh_te_so), 3 Digital society (xa_hoi_so), "
         "4 Digital infrastructure (ha_tang_so))"),
        (["template", "-o", "x.xlsx"], "Lỗi cách dùng: thiếu tùy chọn --year"),
        (["template", "--year", "2024"], "Lỗi cách dùng: thiếu tùy chọn -o / --output"),
        (["template", "--year", "2024", "-o", "t.csv", "--lang", "en"],
         "Usage error: the entry template is an Excel file: t.csv needs the .xlsx suffix"),
        (["--lang", "fr", "criteria"],
         "Lỗi cách dùng: 'fr' không hợp lệ cho --lang (chọn một trong: vi, en)"),
    ],
)
def test_usage_errors_exit_2_with_one_message(args: list[str], message: str) -> None:
    done = cli(*args)
    assert done.returncode == USAGE
    assert done.stdout == ""
    assert done.stderr.splitlines()[-1] == message
    assert "Traceback" not in done.stderr


def test_a_bad_language_in_the_environment_is_a_usage_error() -> None:
    done = cli("criteria", env=clean_env(CDS_LANG="de"))
    assert (done.returncode, done.stderr) == (
        USAGE, "Lỗi cách dùng: 'de' không hợp lệ cho CDS_LANG (chọn một trong: vi, en)\n")


def test_no_arguments_shows_the_help() -> None:
    done = cli()
    assert done.returncode == USAGE
    assert done.stderr.startswith("Cách dùng: cds-indicators [TÙY CHỌN] LỆNH [ĐỐI SỐ]...")


# Files that cannot be read as commune values: every one is an input error, told in one block
# that names the file.
BROKEN = [
    "empty.toml",
    "broken-syntax.toml",
    "broken-syntax.json",
    "latin1.toml",
    "wrong-types.toml",
    "not-a-table.json",
    "communes.txt",
    "garbage.xlsx",
    "no-year.json",
    "year-2030.toml",
    "bad-values.toml",
    "does-not-exist.toml",
    "a-folder.toml",
]


@pytest.mark.parametrize("command", ["evaluate", "validate", "summarize"])
def test_every_broken_file_is_an_input_error_without_traceback(command: str) -> None:
    paths = [f"tests/data/cli/{name}" for name in BROKEN]
    done = cli(command, *paths, VINH_LONG)
    assert done.returncode == INPUT, done.stderr
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    head, *problems = done.stderr.splitlines()
    assert head.startswith("Lỗi: dữ liệu đầu vào có ")
    listed = "\n".join(problems)
    for path in paths:
        assert f"  - {path}" in listed
    assert VINH_LONG not in listed


@pytest.mark.parametrize("name", BROKEN)
def test_each_broken_file_alone_in_english(name: str) -> None:
    done = cli("evaluate", f"tests/data/cli/{name}", "--lang", "en")
    assert done.returncode == INPUT
    assert done.stderr.startswith(("Error: tests/data/cli/", "Error: ")), done.stderr
    assert f"tests/data/cli/{name}" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_framework_file_that_does_not_exist() -> None:
    done = cli("criteria", "--framework", "tests/data/cli/nope.toml", "--lang", "en")
    assert done.returncode == INPUT
    assert done.stderr == (
        "Error: tests/data/cli/nope.toml: there is no such file (check the file name and\n"
        "       the folder)\n"
    )


def test_a_broken_framework_file_lists_its_problems(tmp_path: Path) -> None:
    framework = tmp_path / "framework.toml"
    framework.write_text('schema_version = 1\n[framework]\nid = ""\n', encoding="utf-8")
    done = cli("evaluate", "--framework", "framework.toml", str(ROOT / VINH_LONG), cwd=tmp_path)
    assert done.returncode == INPUT
    assert done.stderr.startswith("Lỗi: dữ liệu đầu vào có 4 vấn đề:\n")
    assert done.stderr.count("  - framework.toml") == 4 and "Traceback" not in done.stderr


@pytest.mark.parametrize("command", ["validate", "evaluate", "summarize"])
@pytest.mark.parametrize(("files", "said"), [
    ((("a.csv", "Xã,Năm,1.1\nXã Vĩnh Long,2024,Có\n"),
      ("b.toml", 'commune = "xã vĩnh long"\nyear = 2024\n[values]\n"1.1" = "Không"\n')),
     "Error: b.toml, $: xã vĩnh long in 2024 already appears at a.csv, row 2\n"),
    ((("a.csv", "Xã,Năm,1.1\nXã A,2024,Có\nXã B,2024,Có\n"),
      ("b.csv", "Xã,Năm,1.1\nXã B,2025,Có\nXã B,2024,Không\n")),
     "Error: b.csv, row 3: Xã B in 2024 already appears at a.csv, row 3\n"),
    ((("a.csv", "Xã,Năm,1.1\nXã A,2024,Có\n"), ("a.csv", "")),
     "Error: a.csv, row 2: Xã A in 2024 already appears at a.csv, row 2\n"),
])
def test_every_command_refuses_a_commune_year_given_in_two_files_naming_both_places(
    tmp_path: Path, command: str, files: tuple[tuple[str, str], ...], said: str
) -> None:
    for name, text in files:
        if text:
            (tmp_path / name).write_text(text, encoding="utf-8")
    done = cli(command, *(name for name, _ in files), "--lang", "en", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (INPUT, "", said)


def test_commune_years_apart_in_two_files_are_read_together(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("Xã,Năm,1.1\nXã A,2024,Có\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("Xã,Huyện,Năm,1.1\nXã A,Nga Sơn,2024,Có\n"
                                    "Xã A,,2025,Có\n", encoding="utf-8")
    done = cli("validate", "a.csv", "b.csv", "--lang", "en", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (
        0, "No problems: 2 files, 3 commune-years.\n", "")


def test_an_output_that_cannot_be_written(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "out.json"
    done = cli("evaluate", VINH_LONG, "--format", "json", "-o", str(target), "--lang", "en")
    assert (done.returncode, done.stderr) == (
        INPUT, f"Error: cannot write {target}: No such file or directory\n")


INTERNAL_RUN = (
    "import sys, cds_indicators._cli.main as cli\n"
    "def broken(*args, **kwargs):\n"
    "    raise RuntimeError('the evaluation broke')\n"
    "cli.evaluate = broken\n"
    "sys.exit(cli.run(sys.argv[1:]))\n"
)


@pytest.mark.parametrize("debug", [False, True])
def test_an_internal_error_says_so_and_shows_the_traceback_only_under_debug(debug: bool) -> None:
    args = [VINH_LONG, "--lang", "en", *(["--debug"] if debug else [])]
    done = subprocess.run([sys.executable, "-c", INTERNAL_RUN, "evaluate", *args],
                          capture_output=True, text=True, cwd=ROOT, env=clean_env(),
                          check=False)
    assert done.returncode == INTERNAL
    assert done.stderr.splitlines()[-1] == (
        "Internal error in cds-indicators (RuntimeError: the evaluation broke). This is a bug in "
        "the program, not in your data: please report it with the command you ran (run again "
        "with --debug for the traceback)."
    )
    assert ("Traceback (most recent call last)" in done.stderr) is debug


LIBRARY_ERROR_RUN = (
    "import sys, cds_indicators._cli.main as cli\n"
    "from cds_indicators import MissingExtraError, UnknownYearError\n"
    "error = {'extra': MissingExtraError('excel', 'openpyxl'),\n"
    "         'year': UnknownYearError(2030, [2024, 2025])}[sys.argv.pop(1)]\n"
    "def refuse(*args, **kwargs):\n"
    "    raise error\n"
    "cli.evaluate = refuse\n"
    "sys.exit(cli.run(sys.argv[1:]))\n"
)


@pytest.mark.parametrize(("which", "lang", "said"), [
    ("extra", "en", "Error: examples/vinh-long-2024.toml, $: openpyxl is not installed: it needs "
                    'the [excel] extra (in the source folder: python -m pip install ".[excel]"; '
                    "from a built wheel: python -m pip install "
                    '"cds_indicators-0.1.0-py3-none-any.whl[excel]")'),
    ("extra", "vi", "Lỗi: examples/vinh-long-2024.toml, $: openpyxl chưa được cài đặt: cần gói bổ "
                    "sung [excel] (trong thư mục mã nguồn: python -m pip install "
                    '".[excel]"; từ tệp wheel đã dựng: python -m pip install '
                    '"cds_indicators-0.1.0-py3-none-any.whl[excel]")'),
    ("year", "en", "Error: examples/vinh-long-2024.toml, $: the year 2030 is not in the framework\n"
                   "       (years with targets: 2024, 2025)\n"),
])
def test_a_library_error_is_told_from_its_problems_in_the_chosen_language(
    which: str, lang: str, said: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", LIBRARY_ERROR_RUN, which, "evaluate", VINH_LONG, "--lang", lang],
        capture_output=True, text=True, cwd=ROOT, env=clean_env(), check=False)
    shown = " ".join(done.stderr.split()) if which == "extra" else done.stderr
    assert (done.returncode, shown) == (INPUT, said)


def test_template_then_evaluate_the_unfilled_template(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    target = tmp_path / "mau-2024.xlsx"
    done = cli("template", "--year", "2024", "--communes", "tests/data/cli/communes.csv",
               "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"Đã ghi {target}\n"
    assert cli("validate", str(target)).returncode == 0
    done = cli("evaluate", str(target), "--format", "json")
    reports = json.loads(done.stdout)
    assert [(r["commune"], r["district"], r["year"], r["completion"]) for r in reports] == [
        ("Xã Vĩnh Long", "Vĩnh Lộc", 2024, "UNDETERMINED"),
        ("Xã Vĩnh Tiến", "Vĩnh Lộc", 2024, "UNDETERMINED"),
    ]


def test_piping_into_a_closed_reader_is_quiet() -> None:
    command = [sys.executable, "-m", "cds_indicators", "evaluate", VINH_LONG, XA_MAU]
    with subprocess.Popen(command, cwd=ROOT, env=clean_env(), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()
        error = process.stderr.read().decode()
        process.wait(timeout=60)
    assert "Traceback" not in error
