"""Counted existence and evidence, through every door: the dict, files, frames, the template,
merge, exports and the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cds_indicators as cds

COUNTS = {"4.5": 17, "4.6": 67, "4.7": 0}
EXPECTED = {"4.5": ("PASS", 17), "4.6": ("PASS", 67), "4.7": ("FAIL", 0)}
EVIDENCE = "QĐ 52/QĐ-UBND 17/7/2025 (minh họa)"


def _statuses(report: cds.Report) -> dict[str, tuple[str, int | None]]:
    return {c: (report[c].status.name, report[c].count) for c in EXPECTED}


def test_counts_in_the_dict_door() -> None:
    report = cds.evaluate(COUNTS, 2025)
    assert _statuses(report) == EXPECTED
    assert report["4.5"].text().endswith(": 17 điểm phát (2025) — đạt")
    assert report["4.5"].text("en").endswith(": 17 Điểm phát (2025) — met")
    assert report["4.7"].text().endswith(": 0 đài, yêu cầu Có (2025) — chưa đạt")


def test_the_counted_criteria_come_from_the_framework_data() -> None:
    counted = [c.id for c in cds.load_framework() if c.counted]
    assert counted == ["1.1", "1.7", "4.4", "4.5", "4.6", "4.7"]


BAD = [
    ("1.8", 3,
     "chỉ tiêu 1.8: 3 là một số, nhưng chỉ tiêu này không đếm số lượng (chỉ tiêu đếm có đơn vị "
     "đếm và yêu cầu Có): ghi Có/Không / 'sử dụng hiệu quả'",
     "criterion 1.8: 3 is a number, but this criterion does not count things (a counted one has "
     "a unit that counts and the target Có): give yes/no (Có/Không) / 'sử dụng hiệu quả'"),
    ("4.5", -1,
     "chỉ tiêu 4.5: -1 không phải số lượng (một số nguyên không âm, ví dụ 17; 0 là Không)",
     "criterion 4.5: -1 is not a count (a non-negative whole number, e.g. 17; 0 means no)"),
    ("4.5", 2.5,
     "chỉ tiêu 4.5: 2.5 không phải số lượng (một số nguyên không âm, ví dụ 17; 0 là Không)",
     "criterion 4.5: 2.5 is not a count (a non-negative whole number, e.g. 17; 0 means no)"),
    ("4.6", "2,5",
     "chỉ tiêu 4.6: '2,5' không phải số lượng (một số nguyên không âm, ví dụ 17; 0 là Không)",
     "criterion 4.6: '2,5' is not a count (a non-negative whole number, e.g. 17; 0 means no)"),
    ("4.5", {"value": 2, "evidence": ""},
     "chỉ tiêu 4.5: minh chứng '' phải là một đoạn văn bản không rỗng",
     "criterion 4.5: the evidence '' must be non-empty text"),
    ("4.5", {"value": 2, "proof": "x"},
     "chỉ tiêu 4.5: {'value': 2, 'proof': 'x'} cần đúng các khóa \"value\" và \"evidence\" "
     "(ví dụ { value = 17, evidence = \"QĐ 52/QĐ-UBND\" })",
     "criterion 4.5: {'value': 2, 'proof': 'x'} needs exactly the keys \"value\" and "
     "\"evidence\" (e.g. { value = 17, evidence = \"QĐ 52/QĐ-UBND\" })"),
    ("2.5", cds.measured(cds.measured(50, evidence="a"), evidence="b"),
     "chỉ tiêu 2.5: giá trị measured(measured(50, evidence='a'), evidence='b') đã có minh chứng "
     "lồng bên trong",
     "criterion 2.5: the value measured(measured(50, evidence='a'), evidence='b') already "
     "carries evidence inside"),
    ("4.5", cds.measured(3, evidence=52),
     "chỉ tiêu 4.5: minh chứng 52 phải là một đoạn văn bản không rỗng",
     "criterion 4.5: the evidence 52 must be non-empty text"),
]


@pytest.mark.parametrize(("criterion", "value", "vi", "en"), BAD)
def test_bad_counts_and_evidence_are_refused_with_a_reason(criterion: str, value: Any, vi: str,
                                                           en: str) -> None:
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate({criterion: value}, 2025)
    [problem] = caught.value.problems
    assert (problem.message, problem.message_en) == (vi, en)


def test_a_bool_stays_yes_no_and_is_no_count() -> None:
    report = cds.evaluate({"4.5": True, "4.7": False}, 2025)
    assert (report["4.5"].status.name, report["4.5"].count) == ("PASS", None)
    assert (report["4.7"].status.name, report["4.7"].count) == ("FAIL", None)


@given(st.integers(min_value=0, max_value=10**12))
def test_a_count_exists_exactly_when_it_is_above_zero(count: int) -> None:
    """Rule: a counted criterion given n things passes exactly when n ≥ 1, and keeps n."""
    verdict = cds.evaluate({"4.5": count}, 2025)["4.5"]
    assert (verdict.passed, verdict.count) == (count >= 1, count)


@given(st.text(min_size=1).filter(str.strip), st.integers(min_value=0, max_value=500))
def test_evidence_never_changes_a_verdict(evidence: str, count: int) -> None:
    """Rule: a value with evidence has the status and count of the same value without it, and
    keeps the evidence as given, through to_dict/from_dict."""
    bare = cds.evaluate({"4.5": count, "2.5": cds.ratio(count % 34, 33)}, 2025)
    given_with = cds.evaluate({"4.5": cds.measured(count, evidence=evidence),
                               "2.5": {"numerator": count % 34, "denominator": 33,
                                       "evidence": evidence}}, 2025)
    for criterion in ("4.5", "2.5"):
        assert given_with[criterion].status is bare[criterion].status
        assert given_with[criterion].count == bare[criterion].count
        assert given_with[criterion].evidence == evidence
    assert cds.Report.from_dict(json.loads(json.dumps(given_with.to_dict()))) == given_with


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _door_files(tmp_path: Path) -> list[Path]:
    toml = _write(tmp_path / "a.toml", f'commune = "Xã Minh Họa"\nyear = 2025\n[values]\n'
                  f'"4.5" = {{ value = 17, evidence = "{EVIDENCE}" }}\n"4.6" = 67\n"4.7" = 0\n')
    data = {"commune": "Xã Minh Họa", "year": 2025,
            "values": {"4.5": {"value": 17, "evidence": EVIDENCE}, "4.6": 67, "4.7": 0}}
    js = _write(tmp_path / "a.json", json.dumps(data, ensure_ascii=False))
    long = _write(tmp_path / "long.csv", "Xã,Năm,Mã chỉ tiêu,Giá trị,Minh chứng\n"
                  f"Xã Minh Họa,2025,4.5,17,{EVIDENCE}\nXã Minh Họa,2025,4.6,67,\n"
                  "Xã Minh Họa,2025,4.7,0,\n")
    return [toml, js, long]


def test_counts_and_evidence_in_the_file_doors(tmp_path: Path) -> None:
    for path in _door_files(tmp_path):
        [record] = cds.load_values(path)
        report = cds.evaluate(record.values, 2025)
        assert _statuses(report) == EXPECTED, path
        assert report["4.5"].evidence == EVIDENCE, path
        assert report["4.6"].evidence is None


def test_counts_and_evidence_in_the_template(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = cds.write_template(tmp_path / "t.xlsx", 2025, communes=["Xã Minh Họa"])
    book = openpyxl.load_workbook(path)
    sheet = book.active
    header = [cell.value for cell in sheet[8]]
    assert header[9:] == ["Minh chứng", "Ghi chú"]
    for row in sheet.iter_rows(min_row=9):
        if row[0].value in COUNTS:
            row[6].value = COUNTS[row[0].value]
            if row[0].value == "4.5":
                row[9].value = EVIDENCE
                row[10].value = "ghi chú không được đọc"
    book.save(path)
    [record] = cds.load_values(path)
    report = cds.evaluate(record.values, 2025)
    assert _statuses(report) == EXPECTED
    assert report["4.5"].evidence == EVIDENCE


def test_an_evidence_column_in_a_wide_table_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "wide.csv", "Xã,Năm,4.5,Minh chứng\nXã Minh Họa,2025,17,x\n")
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(path)
    [problem] = caught.value.problems
    assert problem.message == (
        "cột Minh chứng chỉ dùng trong bảng dọc (mỗi dòng một chỉ tiêu, có cột Mã chỉ tiêu)")
    assert problem.column == "D"


def test_counts_in_a_frame() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"commune": ["Xã Minh Họa"], "year": [2025], **{
        c: [v] for c, v in COUNTS.items()}})
    out = cds.evaluate_frame(frame)
    assert {c: out[c][0] for c in COUNTS} == {c: s for c, (s, _) in EXPECTED.items()}


def test_merged_counts_add_up_and_evidence_names_its_part() -> None:
    record = cds.merge({"Xã A": {"4.5": cds.measured(10, evidence="QĐ 1")},
                        "Xã B": {"4.5": {"value": 7, "evidence": "BC 2"}}}, into="Xã C")
    verdict = cds.evaluate(record.values, 2025)["4.5"]
    assert (verdict.status.name, verdict.count) == ("PASS", 17)
    assert verdict.evidence == "Xã A: QĐ 1; Xã B: BC 2"


def test_evidence_in_the_exports(tmp_path: Path) -> None:
    report = cds.evaluate({"4.5": cds.measured(17, evidence=EVIDENCE)}, 2025, commune="Xã X")
    path = cds.write_reports(report, tmp_path / "out.csv")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].endswith(",Cần thêm,Minh chứng")
    [row] = [line for line in lines if ",4.5," in line]
    assert ",17 điểm phát," in row and row.endswith(EVIDENCE)
    assert f"minh chứng: {EVIDENCE}" in report._repr_html_()
    pytest.importorskip("narwhals")
    pytest.importorskip("pandas")
    frame = cds.reports_to_frame([report])
    row_of = frame[frame.criterion == "4.5"].iloc[0]
    assert (row_of["count"], row_of["evidence"]) == (17, EVIDENCE)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cds_indicators", *args], capture_output=True,
                          text=True, encoding="utf-8", check=False)


def test_validate_require_evidence_lists_values_without_one(tmp_path: Path) -> None:
    pytest.importorskip("click")
    [toml, *_] = _door_files(tmp_path)
    done = _cli("validate", "--require-evidence", "--lang", "en", str(toml))
    assert done.returncode == 3
    assert "$.values.4.6: Xã Minh Họa, 2025: criterion 4.6 = 67 has no" in done.stderr
    assert "criterion 4.7 = 0 has no evidence" in " ".join(done.stderr.split())
    assert "4.5" not in done.stderr
    assert _cli("validate", str(toml)).returncode == 0


def test_a_counted_flag_on_another_target_is_refused(tmp_path: Path) -> None:
    text = (cds.dump_framework(cds.load_framework())
            .replace('kind = "yes_no"\ntargets = { 2022 = "Sử dụng hiệu quả"',
                     'kind = "yes_no"\ncounted = true\ntargets = { 2022 = "Sử dụng hiệu quả"'))
    path = _write(tmp_path / "f.toml", text)
    with pytest.raises(cds.FrameworkError) as caught:
        cds.load_framework(path)
    assert [p.message_en for p in caught.value.problems] == [
        'criterion 1.8: counted is only for a yes/no criterion whose every cell is "Có" or "*" '
        "(found 'Sử dụng hiệu quả')"]


def test_counted_survives_dump_and_load() -> None:
    framework = cds.load_framework()
    pytest.importorskip("tomli_w")
    assert 'counted = true' in cds.dump_framework(framework)


def test_one_merged_part_keeps_its_evidence_as_it_is() -> None:
    record = cds.merge({"Xã A": {"4.5": cds.measured(10, evidence="QĐ 1")}}, into="Xã C")
    assert cds.evaluate(record.values, 2025)["4.5"].evidence == "QĐ 1"


def test_evidence_in_the_xlsx_export(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    report = cds.evaluate({"4.5": cds.measured(17, evidence=EVIDENCE)}, 2025, commune="Xã X")
    sheet = openpyxl.load_workbook(cds.write_reports(report, tmp_path / "out.xlsx")).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][-1] == "Minh chứng"
    [row] = [row for row in rows if row[3] == "4.5"]
    assert (row[7], row[-1]) == ("17 điểm phát", EVIDENCE)
