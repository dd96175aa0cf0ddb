"""Places: names with or without their prefix, the province on every door, roll-ups by any
level, the official lists ([admin])."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators import InputError
from cds_indicators._words.names import PREFIXES, place_label, same_place, split_prefix

HAS_ADMIN = importlib.util.find_spec("vietnamadminunits") is not None
ROOT = Path(__file__).resolve().parents[1]


# --- names as people write them ---------------------------------------------------------------


@pytest.mark.parametrize(("district", "vi", "en"), [
    ("Vĩnh Lộc", "Huyện Vĩnh Lộc", "District Vĩnh Lộc"),
    ("Huyện Vĩnh Lộc", "Huyện Vĩnh Lộc", "Huyện Vĩnh Lộc"),
    ("huyện Vĩnh Lộc", "Huyện Vĩnh Lộc", "Huyện Vĩnh Lộc"),
    ("Thành phố Thanh Hóa", "Thành phố Thanh Hóa", "Thành phố Thanh Hóa"),
    ("Thị xã Bỉm Sơn", "Thị xã Bỉm Sơn", "Thị xã Bỉm Sơn"),
])
def test_a_district_title_never_doubles_its_prefix(district, vi, en):
    report = cds.evaluate({}, 2024, commune="Xã A", district=district)
    summary = cds.summarize([report])
    assert summary.groups[0].title() == f"Tổng hợp chuyển đổi số cấp xã — {vi}, năm 2024"
    assert summary.groups[0].title("en") == (
        f"Commune digital transformation summary — {en}, year 2024")
    check = summary.against({"Xã A": 2024})
    assert check.text().splitlines()[0] == f"Theo lịch giao — {vi}, năm 2024:"


@pytest.mark.parametrize(("one", "other", "same"), [
    ("Xã Vĩnh Thịnh", "Vĩnh Thịnh", True),
    ("xã  vĩnh thịnh", "Xã Vĩnh Thịnh", True),
    ("Thị trấn Vĩnh Lộc", "Xã Vĩnh Lộc", False),
    ("Thành phố Thanh Hóa", "Tỉnh Thanh Hóa", False),
    ("Tỉnh Thanh Hoá", "Thanh Hóa", True),
    ("Xã Vĩnh Thịnh", "Xã Vĩnh Thinh", False),
])
def test_same_place(one, other, same):
    assert same_place(one, other) is same


@given(st.sampled_from(PREFIXES), st.text("abcdeĩộơư ", min_size=1).filter(str.strip))
def test_a_prefix_is_written_once(prefix, name):
    """Rule: labelling a name with a prefix, once or twice, gives the name with that prefix
    once; and the prefix is found again by split_prefix."""
    once = place_label(prefix, name)
    assert place_label(prefix, once) == once
    assert split_prefix(once) == (prefix, " ".join(name.split()))


def test_the_schedule_matches_names_with_or_without_their_prefix_and_suggests_a_near_one():
    schedule = cds.Schedule({("Vĩnh Lộc", "Xã Vĩnh Thịnh"): 2023, "Thị trấn Vĩnh Lộc": 2023})
    assert schedule.year_of("Vĩnh Thịnh", "Huyện Vĩnh Lộc") == 2023
    assert schedule.year_of("XÃ VĨNH THỊNH", "Vĩnh Lộc") == 2023
    assert schedule.year_of("Xã Vĩnh Lộc") is None  # a commune, not the township
    reports = [cds.evaluate({}, 2024, commune="Vĩnh Thinh", district="Vĩnh Lộc")]
    check = cds.summarize(reports).against(schedule)
    assert check.standings[0].suggestion == "Xã Vĩnh Thịnh"
    assert check.text().splitlines()[1] == (
        "  - không có trong lịch giao: Vĩnh Thinh (có phải ý bạn là Xã Vĩnh Thịnh?)")
    assert check.text("en").splitlines()[1] == (
        "  - not in the schedule: Vĩnh Thinh (did you mean Xã Vĩnh Thịnh?)")


def test_merge_and_rebase_find_a_part_written_without_its_prefix():
    today = cds.rebase([cds.Record(commune="Vĩnh Thịnh", year=2024, values={})],
                       {"Xã Vĩnh Thịnh": "Xã Biện Thượng"})
    assert today[0].commune == "Xã Biện Thượng"


# --- the province on every door -----------------------------------------------------------------


def test_the_province_is_read_by_every_door(tmp_path):
    toml = tmp_path / "a.toml"
    toml.write_text('commune = "Xã A"\nprovince = "Thanh Hóa"\nyear = 2024\n[values]\n',
                    encoding="utf-8")
    jsn = tmp_path / "a.json"
    jsn.write_text(json.dumps({"commune": "Xã A", "province": "Thanh Hóa", "year": 2024}),
                   encoding="utf-8")
    csv = tmp_path / "a.csv"
    csv.write_text("Xã,Tỉnh,Năm,2.5\nXã A,Thanh Hóa,2024,19/33\n", encoding="utf-8")
    for path in (toml, jsn, csv):
        (record,) = cds.load_values(path)
        assert record.province == "Thanh Hóa", path
    report = cds.evaluate({}, 2024, commune="Xã A", province="Thanh Hóa")
    assert report.province == "Thanh Hóa"
    assert cds.Report.from_dict(report.to_dict()) == report
    assert "province" not in cds.evaluate({}, 2024).to_dict()


def test_the_province_of_a_frame_is_kept():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"Xã": ["Xã A"], "Tỉnh": ["Thanh Hóa"], "Năm": [2024]})
    assert list(cds.evaluate_frame(frame)["province"]) == ["Thanh Hóa"]


@pytest.mark.parametrize(("value", "vi", "en"), [
    (3, "tên tỉnh phải là văn bản", "province"),
])
def test_a_province_that_is_not_text_is_refused(value, vi, en):
    with pytest.raises(cds.CdsError) as caught:
        cds.evaluate({}, 2024, province=value)
    assert en in caught.value.problems[0].message_en


# --- roll-ups by any level -----------------------------------------------------------------------


def _reports():
    rows = [("Xã A", "Vĩnh Lộc", "Thanh Hóa"), ("Xã B", "Vĩnh Lộc", "Thanh Hóa"),
            ("Xã C", "Nga Sơn", "Thanh Hóa"), ("Xã A", "Tư Nghĩa", "Quảng Ngãi")]
    return [cds.evaluate({}, 2024, commune=c, district=d, province=p) for c, d, p in rows]


def test_summarize_by_any_level():
    reports = _reports()
    assert [(g.key, len(g.reports)) for g in cds.summarize(reports)] == [
        ("Vĩnh Lộc", 2), ("Nga Sơn", 1), ("Tư Nghĩa", 1)]
    by_province = cds.summarize(reports, by="province")
    assert [(g.key, g.district, len(g.reports)) for g in by_province] == [
        ("Thanh Hóa", None, 3), ("Quảng Ngãi", "Tư Nghĩa", 1)]
    assert [g.key for g in cds.summarize(reports, by="commune")] == ["Xã A", "Xã B", "Xã C"]
    custom = cds.summarize(reports, by=lambda r: r.commune[-1])
    assert [g.key for g in custom] == ["A", "B", "C"]


@pytest.mark.parametrize(("by", "error", "message"), [
    ("tinh", InputError, "không tổng hợp theo 'tinh' được (theo một trong: code, commune, "
                         "district, framework, level, province)"),
    (3, TypeError, "by must be a level's name or a function of a report, not 3"),
])
def test_a_bad_grouping_is_refused(by, error, message):
    with pytest.raises(error) as caught:
        cds.summarize(_reports(), by=by)
    assert message in str(caught.value)


def test_the_district_summary_keeps_its_shape_by_district():
    group = cds.summarize(_reports()).groups[0]
    assert (group.by, group.key, group.district) == ("district", "Vĩnh Lộc", "Vĩnh Lộc")
    assert "by" not in group.to_dict()


# --- the official lists ([admin]) ---------------------------------------------------------------


@pytest.mark.skipif(not HAS_ADMIN, reason="the [admin] extra is not installed")
@pytest.mark.parametrize(("commune", "province", "year", "vi", "en"), [
    ("Xã Vĩnh Lọc", "Thanh Hóa", 2025,
     "xã 'Xã Vĩnh Lọc' không có trong danh sách chính thức năm 2025; có phải ý bạn là "
     "'Xã Vĩnh Lộc'?",
     "commune 'Xã Vĩnh Lọc' is not in the official list of 2025; did you mean 'Xã Vĩnh Lộc'?"),
    ("Xã Vĩnh Thinh", "Thanh Hoá", 2024,
     "xã 'Xã Vĩnh Thinh' không có trong danh sách chính thức năm 2024; có phải ý bạn là "
     "'Xã Vĩnh Thịnh'?",
     "commune 'Xã Vĩnh Thinh' is not in the official list of 2024; did you mean "
     "'Xã Vĩnh Thịnh'?"),
    ("Xã Tây Đô", "Tỉnh Thanh Hoa", 2025,
     "tỉnh 'Tỉnh Thanh Hoa' không có trong danh sách chính thức năm 2025; có phải ý bạn là "
     "'Tỉnh Thanh Hóa'?",
     "province 'Tỉnh Thanh Hoa' is not in the official list of 2025; did you mean "
     "'Tỉnh Thanh Hóa'?"),
])
def test_official_names_with_the_nearest_one(commune, province, year, vi, en):
    from cds_indicators._rollup.admin import official_problems

    record = cds.Record(commune=commune, province=province, year=year, values={})
    assert [(p.message, p.message_en) for p in official_problems([record])] == [(vi, en)]


@pytest.mark.skipif(not HAS_ADMIN, reason="the [admin] extra is not installed")
def test_official_names_and_codes_pass():
    from cds_indicators._rollup.admin import official_problems, resolve_code

    records = [cds.Record(commune=c, province=p, year=y, values={}) for c, p, y in (
        ("Xã Tây Đô", "Thanh Hóa", 2025), ("Vĩnh Thịnh", "Tỉnh Thanh Hóa", 2024),
        ("15361", None, 2025), ("Thị trấn Vĩnh Lộc", None, 2023))]
    assert official_problems(records) == []
    assert resolve_code("015361", 2025).name == "Xã Tây Đô"
    assert resolve_code("15349", 2024).district == "Huyện Vĩnh Lộc"


@pytest.mark.skipif(not HAS_ADMIN, reason="the [admin] extra is not installed")
def test_rebase_takes_a_code_for_a_former_commune():
    history = cds.load_values(ROOT / "examples" / "rebase" / "vinh-loc-history.csv")
    coded = [attrs.evolve(r, commune="15379") if r.commune == "Xã Vĩnh Hùng" else r
             for r in history]
    mapping = ROOT / "examples" / "rebase" / "vinh-loc-2025.csv"
    assert cds.rebase(coded, mapping) == cds.rebase(history, mapping)


# --- the command line ---------------------------------------------------------------------------


def test_summarize_by_province_on_today_communes_from_the_command_line():
    from test_cli import cli

    done = cli("summarize", "examples/rebase/vinh-loc-history.csv", "--successors",
               "examples/rebase/vinh-loc-2025.csv", "--by", "province", "--format", "json")
    assert done.returncode == 0, done.stderr
    groups = json.loads(done.stdout)
    today = cds.rebase(cds.load_values("examples/rebase/vinh-loc-history.csv"),
                       "examples/rebase/vinh-loc-2025.csv")
    reports = [cds.evaluate(r.values, r.year, commune=r.commune, province=r.province)
               for r in today]
    expected = cds.summarize(reports, by="province")
    assert [(g["key"], g["year"], g["completed"]) for g in groups] == [
        (g.key, g.year, list(g.completed)) for g in expected.groups]
    assert [g["key"] for g in groups] == ["Thanh Hóa"] * 4


@pytest.mark.skipif(not HAS_ADMIN, reason="the [admin] extra is not installed")
def test_validate_official_names_from_the_command_line(tmp_path):
    from test_cli import cli

    path = tmp_path / "a.csv"
    path.write_text("Xã,Tỉnh,Năm,2.5\nXã Vĩnh Lọc,Thanh Hóa,2025,19/33\n"
                    "Xã Tây Đô,Thanh Hóa,2025,19/33\n", encoding="utf-8")
    done = cli("validate", "--official", str(path))
    assert done.returncode == 3
    assert ("dòng 2: xã 'Xã Vĩnh Lọc' không có trong danh sách chính thức năm 2025; có phải ý "
            "bạn là 'Xã Vĩnh Lộc'?") in " ".join(done.stderr.split())


def test_merge_weights_and_shares_name_a_part_with_or_without_its_prefix():
    parts = {"Xã A": {"1.6": 80}, "Xã B": {"1.6": cds.ratio(3, 4)}}
    assert cds.merge(parts, into="X", weights={"A": 10}).values == {"1.6": cds.ratio(11, 14)}
    assert cds.merge(parts, into="X", weights={"xã a": 10}).values == {"1.6": cds.ratio(11, 14)}
    with pytest.raises(cds.MeasurementError, match="'Phường A'"):
        cds.merge(parts, into="X", weights={"Phường A": 10})
