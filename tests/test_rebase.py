"""rebase() and Successors: a history put on today's communes (the 1 July 2025 arrangement)."""

from __future__ import annotations

import importlib.util
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators import InputError, MeasurementError, Record, Successors, ratio, rebase

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "rebase"
HISTORY = EXAMPLES / "vinh-loc-history.csv"
MAPPING = EXAMPLES / "vinh-loc-2025.csv"
HAS_ADMIN = importlib.util.find_spec("vietnamadminunits") is not None


def rec(commune: str, year: int = 2023, district: str | None = None, **values: object) -> Record:
    return Record(commune=commune, year=year, district=district,
                  values={k.replace("_", "."): v for k, v in values.items()})


# --- the Vĩnh Lộc example -------------------------------------------------------------------


def test_the_vinh_loc_history_becomes_three_communes_a_year():
    today = rebase(cds.load_values(HISTORY), MAPPING)
    assert [(r.year, r.commune) for r in today] == [
        (year, commune) for year in (2022, 2023, 2024, 2025)
        for commune in ("Xã Vĩnh Lộc", "Xã Tây Đô", "Xã Biện Thượng")]
    assert [len(r.parts) for r in today] == [5, 4, 4] * 3 + [0, 0, 0]
    assert {r.province for r in today} == {"Thanh Hóa"}
    assert {r.district for r in today} == {None}


def test_a_rebased_rate_is_the_sum_of_its_parts_counts():
    history = cds.load_values(HISTORY)
    today = rebase(history, MAPPING)
    tay_do = next(r for r in today if (r.year, r.commune) == (2023, "Xã Tây Đô"))
    parts = [r for r in history if r.year == 2023 and (r.district, r.commune) in tay_do.parts]
    counts = [tuple(map(int, str(r.values["3.4"]).split("/"))) for r in parts]
    assert tay_do.values["3.4"] == ratio(sum(n for n, _ in counts), sum(d for _, d in counts))


def test_the_rebased_trajectory_is_trajectory_of_the_rebased_years():
    today = rebase(cds.load_values(HISTORY), MAPPING)
    years = {r.year: r.values for r in today if r.commune == "Xã Biện Thượng"}
    path = cds.trajectory(years)
    assert sorted(years) == [2022, 2023, 2024, 2025]
    assert (path["3.12"].meets_until, path["3.12"].fails_from) == (2024, 2025)


def test_records_and_frames_rebase_to_the_same_verdicts():
    pd = pytest.importorskip("pandas")
    records = cds.load_values(HISTORY)
    frame = pd.read_csv(HISTORY, dtype=str)
    frame["Năm"] = frame["Năm"].astype(int)
    rebased = rebase(frame, MAPPING)
    assert list(rebased.columns[:4]) == ["commune", "province", "year", "parts"]
    table = cds.evaluate_frame(rebased)
    expected = [cds.evaluate(r.values, r.year).completion.value
                for r in rebase(records, MAPPING)]
    assert [str(c) for c in table["completion"]] == expected


def test_summaries_by_today_commune_and_by_province():
    today = rebase(cds.load_values(HISTORY), MAPPING)
    reports = [cds.evaluate(r.values, r.year, commune=r.commune, province=r.province)
               for r in today]
    by_commune = cds.summarize(reports, by="commune")
    assert by_commune.by == "commune"
    assert by_commune.group("Xã Vĩnh Lộc", 2024).completed == ("Xã Vĩnh Lộc",)
    assert by_commune.group("Xã Tây Đô", 2024).completed == ()
    by_province = cds.summarize(reports, by="Tỉnh")
    group = by_province.group("Thanh Hóa", 2025)
    assert group.title() == "Tổng hợp chuyển đổi số cấp xã — Tỉnh Thanh Hóa, năm 2025"
    assert group.title("en") == "Commune digital transformation summary — Province Thanh Hóa, " \
        "year 2025"
    assert group.to_dict()["by"] == "province"


@pytest.mark.skipif(not HAS_ADMIN, reason="the [admin] extra is not installed")
def test_the_official_mapping_rebases_the_example_as_the_file_does():
    official = Successors.official("Thanh Hóa")
    assert official.source == "vietnamadminunits 1.0.4: Tỉnh Thanh Hóa"
    assert len(official.communes) == 166
    history = cds.load_values(HISTORY)
    assert rebase(history, official) == rebase(history, MAPPING)
    from_file = Successors.load(MAPPING)
    for district, commune in from_file:
        assert official.of(commune, district) == from_file.of(commune, district)


@pytest.mark.skipif(not HAS_ADMIN, reason="the [admin] extra is not installed")
def test_an_unknown_province_is_refused_with_the_nearest_name():
    with pytest.raises(LookupError, match="did you mean 'Tỉnh Thanh Hóa'"):
        Successors.official("Thanh Hòa")


# --- the rules ----------------------------------------------------------------------------


def test_a_split_commune_counts_for_its_share_in_each_new_commune():
    parts = [rec("Xã A", **{"2_5": ratio(10, 20)}), rec("Xã B", **{"2_5": ratio(40, 80)})]
    split = {"Xã A": "Xã X", "Xã B": {"Xã X": Fraction(1, 4), "Xã Y": "75%"}}
    assert [(r.commune, r.values["2.5"]) for r in rebase(parts, split)] == [
        ("Xã X", ratio(10 + 10, 20 + 20)), ("Xã Y", ratio(30, 60))]


def test_a_share_that_leaves_no_whole_count_gives_the_exact_percentage():
    """No counts are made up: 1 of 3 split in halves is 33⅓ %, not a ratio of halves."""
    parts = [rec("Xã B", **{"2_5": ratio(1, 3)})]
    (x, y) = rebase(parts, {"Xã B": {"Xã X": "1/2", "Xã Y": "1/2"}})
    assert x.values["2.5"] == y.values["2.5"] == Fraction(100, 3)


@pytest.mark.parametrize(("records", "successors", "vi", "en"), [
    pytest.param([rec("Xã B")], {"Xã B": ["Xã X", "Xã Y"]},
                 "xã cũ 'Xã B' được chia cho Xã X, Xã Y; cần tỷ lệ (cột Tỷ lệ) cho từng xã mới",
                 "former commune 'Xã B' is split between Xã X, Xã Y; give each new commune its "
                 "share (column Tỷ lệ)", id="split-without-shares"),
    pytest.param([rec("Xã Vĩnh Thinh")], {"Xã Vĩnh Thịnh": "Xã Biện Thượng"},
                 "xã 'Xã Vĩnh Thinh' không có trong bảng xã cũ → xã mới; có phải ý bạn là "
                 "'Xã Vĩnh Thịnh'?",
                 "commune 'Xã Vĩnh Thinh' is not in the former → new communes table; did you "
                 "mean 'Xã Vĩnh Thịnh'?", id="unknown-with-near-name"),
    pytest.param([rec("Xã Khác")], {"Xã Vĩnh Thịnh": "Xã Biện Thượng"},
                 "xã 'Xã Khác' không có trong bảng xã cũ → xã mới",
                 "commune 'Xã Khác' is not in the former → new communes table", id="unknown"),
    pytest.param([rec("Xã A"), rec("xã a")], {"Xã A": "Xã X"},
                 "xã cũ 'xã a' năm 2023 có hai lần", "former commune 'xã a' appears twice in 2023",
                 id="twice"),
    pytest.param([rec("Xã A")], {"Xã A": "Xã X", "Xã B": "Xã X"},
                 "xã 'Xã X' năm 2023: thiếu số liệu của xã cũ Xã B (gộp thiếu xã sẽ sai kết quả)",
                 "commune 'Xã X' in 2023: no values of the former communes Xã B (a merge without "
                 "them would be wrong)", id="missing-part"),
    pytest.param([rec("Xã A"), rec("Xã X")], {"Xã A": "Xã X"},
                 "xã 'Xã X' năm 2023 có số liệu của chính nó và của xã cũ Xã A; chỉ giữ một",
                 "commune 'Xã X' in 2023 has values of its own and of its former communes Xã A; "
                 "keep one", id="new-and-former"),
    pytest.param([Record(commune="Xã A", year=None, values={})], {"Xã A": "Xã X"},
                 "xã 'Xã A' không có năm", "commune 'Xã A' has no year", id="no-year"),
    pytest.param([{"2.5": 1}], {"Xã A": "Xã X"},
                 "{'2.5': 1} không phải một bản ghi (Record) hay bảng giá trị",
                 "{'2.5': 1} is not a Record nor a mapping of values", id="not-a-record"),
])
def test_refused(records, successors, vi, en):
    with pytest.raises(InputError) as caught:
        rebase(records, successors)
    assert [(p.message, p.message_en) for p in caught.value.problems] == [(vi, en)]


@pytest.mark.parametrize(("successors", "vi", "en"), [
    pytest.param({"Xã B": {"Xã X": "1/2", "Xã Y": "1/3"}},
                 "xã cũ 'Xã B': các tỷ lệ cộng lại 5/6, phải bằng 1",
                 "former commune 'Xã B': the shares add up to 5/6, not 1", id="shares-sum"),
    pytest.param({"Xã B": {"Xã X": "2", "Xã Y": "1/3"}},
                 "xã cũ 'Xã B' → 'Xã X': tỷ lệ '2' phải lớn hơn 0 và không quá 1",
                 "former commune 'Xã B' → 'Xã X': the share '2' must be above 0 and at most 1",
                 id="share-above-one"),
    pytest.param({"Xã B": 3}, "xã cũ 'Xã B': xã mới phải là tên hoặc bảng tên → tỷ lệ",
                 "former commune 'Xã B': the new commune must be a name or a table of name → "
                 "share", id="not-a-name"),
])
def test_bad_successors_are_refused(successors, vi, en):
    with pytest.raises(InputError) as caught:
        Successors(successors)
    assert [(p.message, p.message_en) for p in caught.value.problems][:1] == [(vi, en)]


def test_a_merge_problem_is_said_of_its_part():
    parts = [rec("Xã A", **{"2_5": 50}), rec("Xã B", **{"2_5": ratio(1, 2)})]
    with pytest.raises(MeasurementError, match=r"Xã A: chỉ tiêu 2\.5"):
        rebase(parts, {"Xã A": "Xã X", "Xã B": "Xã X"})


def test_a_successors_file_with_every_problem_at_its_row(tmp_path):
    path = tmp_path / "successors.csv"
    path.write_text("Xã cũ,Huyện cũ,Xã mới,Tỷ lệ\nXã A,H,Xã X,1/2\nXã A,H,Xã Y,1/3\n"
                    "Xã B,H,Xã X,\nXã B,H,Xã X,\n,H,Xã Z,\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        Successors.load(path)
    assert [(p.row, p.message) for p in caught.value.problems] == [
        (2, "xã cũ 'Xã A': các tỷ lệ cộng lại 5/6, phải bằng 1"),
        (5, "xã cũ 'Xã B' → 'Xã X' đã có ở dòng 4"),
        (6, "xã cũ 'Xã Z': xã mới phải là tên hoặc bảng tên → tỷ lệ"),
    ]


def test_a_successors_file_without_its_columns(tmp_path):
    path = tmp_path / "successors.csv"
    path.write_text("Xã,Huyện\nXã A,H\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"thiếu cột Xã cũ, Xã mới \(có: Xã, Huyện\)"):
        Successors.load(path)


def test_a_successors_workbook(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (["Xã cũ", "Huyện cũ", "Xã mới", "Tỷ lệ"], ["Xã B", "H", "Xã X", 0.25],
                ["Xã B", "H", "Xã Y", 0.75]):
        book.active.append(row)
    book.save(tmp_path / "s.xlsx")
    assert Successors.load(tmp_path / "s.xlsx").of("B", "Huyện H") == {
        "Xã X": Fraction(1, 4), "Xã Y": Fraction(3, 4)}


def test_the_schedule_gives_today_commune_the_earliest_year_of_its_parts():
    schedule = cds.Schedule({"Xã A": 2024, "Xã B": 2023, "Xã Z": 2025, "Xã W": 2022})
    rebased = schedule.rebased({"Xã A": "Xã X", "Xã B": "Xã X", "Xã W": "Xã Z"})
    assert (rebased.year_of("Xã X"), rebased.year_of("Xã Z"), rebased.year_of("B")) == (
        2023, 2025, 2023)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 50)), min_size=1, max_size=5),
       st.integers(2023, 2025))
def test_rebasing_never_averages_rates(counts, year):
    """Rule: the rate of today's commune is Σ numerators / Σ denominators of its former
    communes, whatever their sizes; it lies between the lowest and the highest part's rate."""
    counts = [(min(n, d), d) for n, d in counts]
    parts = [rec(f"Xã {i}", year, **{"2_5": ratio(n, d)}) for i, (n, d) in enumerate(counts)]
    (today,) = rebase(parts, {f"Xã {i}": "Xã Mới" for i in range(len(counts))})
    merged = today.values["2.5"]
    assert merged == ratio(sum(n for n, _ in counts), sum(d for _, d in counts))
    rates = [Fraction(n, d) for n, d in counts]
    assert min(rates) <= Fraction(merged.numerator, merged.denominator) <= max(rates)
