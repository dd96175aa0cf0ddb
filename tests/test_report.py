"""Verdicts and reports explain themselves, and round-trip exactly."""

from __future__ import annotations

import ast
import json
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

import cds_indicators as cds

VALUES = {
    "1.6": 82,
    "2.5": cds.ratio(19, 33),
    "3.5": "98,2%",
    "4.5": "Có",
    "4.7": "Không",
    "4.8": "không áp dụng",
    "1.8": "Sử dụng hiệu quả",
    "3.6": "29,96%",
}


@pytest.fixture(scope="module")
def report() -> cds.Report:
    return cds.evaluate(VALUES, 2025, commune="Xã Vĩnh Long", district="Vĩnh Lộc")


# (criterion, the Vietnamese line, the English line)
LINES = [
    ("2.5", "2.5 Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử: 57,6% < 80% (2025) — chưa đạt, "
     "cần thêm 8/33",
     "2.5 Enterprises using electronic contracts: 57.6% < 80% (2025) — not met, 8 more of 33 needed"),
    ("1.6", "1.6 Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến: 82% ≥ 80% (2025) — đạt",
     "1.6 Administrative case files received and settled online: 82% ≥ 80% (2025) — met"),
    ("3.5", "3.5 Tỷ lệ người dân có hồ sơ sức khỏe điện tử, được cập nhật, bổ sung thông tin thường "
     "xuyên: 98,2% < 100% (2025) — chưa đạt, thiếu 1,8 điểm %",
     "3.5 Residents with an up-to-date electronic health record: 98.2% < 100% (2025) — not met, "
     "1.8 points short"),
    ("3.6", "3.6 Tỷ lệ dân số trưởng thành dùng dịch vụ tư vấn sức khỏe trực tuyến, khám chữa bệnh từ "
     "xa: 29,96% < 30% (2025) — chưa đạt, thiếu 0,04 điểm %",
     "3.6 Adults using online health consultation or telemedicine: 29.96% < 30% (2025) — not met, "
     "0.04 points short"),
    ("4.7", "4.7 Hệ thống đài truyền thanh có ứng dụng viễn thông - CNTT: Không, yêu cầu Có (2025) — "
     "chưa đạt",
     "4.7 Loudspeaker radio system using telecom and IT: No, required: Có (2025) — not met"),
    ("1.8", "1.8 Khai thác, sử dụng các cơ sở dữ liệu chuyên ngành, phần mềm, nền tảng ứng dụng dùng "
     "chung từ Trung ương đến địa phương đảm bảo thông suốt, hiệu quả: Sử dụng hiệu quả (2025) — đạt",
     "1.8 Effective use of shared databases and platforms: Yes (2025) — met"),
    ("1.1", "1.1 Xây dựng và tổ chức triển khai thực hiện các chỉ tiêu về chuyển đổi số theo giai đoạn "
     "và hàng năm: chưa có số liệu, yêu cầu Có (2025)",
     "1.1 Digital transformation plan with phased and annual targets: no value, target Có (2025)"),
    ("4.8", "4.8 Điểm cung cấp dịch vụ bưu chính, viễn thông tại xã (nếu có) trở thành điểm tư vấn, "
     "hỗ trợ, triển khai các dịch vụ chuyển đổi số: không có chỉ tiêu năm 2025",
     "4.8 Postal and telecom service point acting as a digital-transformation help point: no "
     "target in 2025"),
]


@pytest.mark.parametrize(("criterion", "vi", "en"), LINES, ids=[row[0] for row in LINES])
def test_a_verdict_says_what_it_found_in_one_line(report, criterion, vi, en):
    assert str(report[criterion]) == vi
    assert report[criterion].text("en") == en


def test_a_value_given_without_a_target_is_shown():
    report = cds.evaluate({"2.5": 40}, 2022)
    assert str(report["2.5"]) == (
        "2.5 Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử: 40% — không có chỉ tiêu năm 2022"
    )


def test_exempt_line():
    report = cds.evaluate({"4.8": cds.NOT_APPLICABLE}, 2022)
    assert str(report["4.8"]).endswith(": không áp dụng (2022)")


def test_report_line(report):
    assert str(report) == (
        "Xã Vĩnh Long — năm 2025: chưa hoàn thành chuyển đổi số (4 chỉ tiêu chưa đạt: 2.5, 3.5, "
        "3.6, 4.7; 28 thiếu số liệu: 1.1, 1.2, 1.3, 1.4, 1.5, 1.7, 1.9, 1.10, 2.1, 2.2, 2.3, 2.4, "
        "2.6, 3.1, 3.2, 3.3, 3.4, 3.7, 3.8, 3.9, 3.10, 3.11, 3.12, 4.1, 4.2, 4.3, 4.4, 4.6)"
    )


def test_verdict_fields(report):
    verdict = report["2.5"]
    assert verdict.criterion == "2.5"
    assert verdict.pillar == "kinh_te_so"
    assert verdict.year == 2025
    assert verdict.kind is cds.Kind.RATE
    assert verdict.status is cds.Status.FAIL
    assert verdict.value == Fraction(1900, 33)
    assert verdict.target == cds.load_framework()["2.5"].target(2025)
    assert verdict.target.percent == 80
    assert verdict.target.label == "80%"


def test_to_dict_is_json_safe_and_exact(report):
    data = report.to_dict()
    text = json.dumps(data, ensure_ascii=False)
    again = json.loads(text)
    assert again == data
    row = next(r for r in again["verdicts"] if r["criterion"] == "2.5")
    assert row["value"] == "1900/33"
    assert row["counts"] == [19, 33]
    assert row["status"] == "FAIL"
    assert row["needed"] == 8
    assert row["target"] == {"label": "80%", "kind": "rate", "comparison": "at_least",
                             "threshold": "80"}
    assert Fraction(row["shortfall"]) == 80 - Fraction(1900, 33)
    assert next(r for r in again["verdicts"] if r["criterion"] == "3.5")["value"] == "98.2"
    assert again["completion"] == "NOT_COMPLETED"
    assert again["completed"] is False


def test_from_dict_round_trips_exactly(report):
    assert cds.Report.from_dict(json.loads(json.dumps(report.to_dict()))) == report


def test_a_report_keeps_the_framework_it_was_judged_by_but_never_writes_it(report):
    """The framework a report was judged by goes with the report and its evolved copies, and is
    no part of its equality, its text form or its dict: a report read back has none, and is
    equal all the same."""
    points = cds.load_framework("dti-example")
    scored = cds.evaluate({"CQ2": 50}, 2025, framework=points)
    assert scored._definition is points
    assert cds.evaluate({}, 2025)._definition is cds.load_framework()
    for kept in (report, scored):
        assert attrs.evolve(kept, commune="Xã khác")._definition is kept._definition
        read_back = cds.Report.from_dict(kept.to_dict())
        assert read_back._definition is None
        assert read_back == kept and hash(read_back) == hash(kept)
        assert read_back.to_dict() == kept.to_dict()
        assert repr(read_back) == repr(kept)
    assert list(report.to_dict()) == ["framework", "year", "completion", "verdicts", "commune",
                                      "district", "completed"]
    assert list(scored.to_dict()) == ["framework", "year", "completion", "verdicts", "commune",
                                      "district", "score", "max_score", "level", "completed"]
    given = {**report.to_dict(), "definition": "1829-thanh-hoa"}
    with pytest.raises(cds.InputError, match="unknown key 'definition'"):
        cds.Report.from_dict(given)


def test_from_dict_refuses_a_float_for_an_exact_number(report):
    data = report.to_dict()
    data["verdicts"][0]["target"] = {"label": "80%", "kind": "rate", "comparison": "at_least",
                                     "threshold": 80.0}
    with pytest.raises(cds.InputError) as caught:
        cds.Report.from_dict(data)
    assert str(caught.value) == (
        "$.verdicts[0].target.threshold: sai cấu trúc: expected an exact number as text, got 80.0"
    )


def test_reports_compare_by_exact_value():
    assert cds.evaluate({"2.5": "57,5%"}, 2025) == cds.evaluate({"2.5": Fraction(115, 2)}, 2025)
    assert cds.evaluate({"2.5": "57,5%"}, 2025) != cds.evaluate({"2.5": "57,6%"}, 2025)


def test_report_is_immutable(report):
    with pytest.raises(AttributeError):
        report.year = 2024  # type: ignore[misc]
    assert hash(report["2.5"].target) == hash(report["2.5"].target)


# --- the model owns no presentation --------------------------------------------------------

SRC = Path(__file__).resolve().parents[1] / "src" / "cds_indicators"


def _imported(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("layer", ["_words", "_model", "_frameworks", "_evaluation", "_io",
                                   "_rollup"])
def test_no_layer_below_render_imports_a_renderer(layer):
    """Function-level imports count: the model reaches its renderers only through its views."""
    importers = {path.name: sorted(m for m in _imported(path) if ".".join(m.split(".")[:2])
                                   in ("cds_indicators._render", "cds_indicators._cli"))
                 for path in sorted((SRC / layer).glob("*.py"))}
    assert {name: found for name, found in importers.items() if found} == {}


def test_every_view_names_a_renderer_of_the_render_layer():
    from cds_indicators._model.views import VIEWS, _renderer

    for view, target in VIEWS.items():
        assert target.startswith("cds_indicators._render."), view
        assert callable(_renderer(view)), view


def test_a_report_line_and_its_details_come_from_one_function(report):
    from cds_indicators._model.report import completion_details, completion_word

    for lang in ("vi", "en"):
        assert report.text(lang).endswith(
            completion_word(report.completion, lang) + completion_details(report, lang))
    assert completion_details(report, "en").startswith(" (4 not met: 2.5, 3.5, 3.6, 4.7; 28 "
                                                        "without a value: 1.1, 1.2,")
