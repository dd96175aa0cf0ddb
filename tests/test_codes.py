"""A commune given by its official code (mã đơn vị hành chính) in every door ([admin]), and
``official_unit``, the public name check."""

from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cds_indicators as cds

pytest.importorskip("vietnamadminunits")
pd = pytest.importorskip("pandas")

# Xã Vĩnh Long (Huyện Vĩnh Lộc) until 2024; after the 2025 arrangement the code is Xã Tây Đô's.
THANH_HOA = "Tỉnh Thanh Hóa"
BEFORE = ("Xã Vĩnh Long", "15361", "Huyện Vĩnh Lộc", THANH_HOA)
AFTER = ("Xã Tây Đô", "15361", None, THANH_HOA)


# --- the doors -------------------------------------------------------------------------------
# Each door takes (commune, code, province, year) and gives who the record or report is:
# (commune, code, district, province), or raises.

Who = tuple[Any, Any, Any, Any]


def _who(found: Any) -> Who:
    return (found.commune, found.code, found.district, found.province)


def _evaluate(commune: Any, code: Any, province: Any, year: int, tmp_path: Path) -> Who:
    return _who(cds.evaluate({"1.1": True}, year, commune=commune, code=code, province=province))


def _csv(commune: Any, code: Any, province: Any, year: int, tmp_path: Path) -> Who:
    path = tmp_path / "values.csv"
    path.write_text(f"Xã,Mã xã,Tỉnh,Năm,1.1\n{commune or ''},{code or ''},{province or ''},"
                    f"{year},Có\n", encoding="utf-8")
    [record] = cds.load_values(path)
    return _who(record)


def _toml(commune: Any, code: Any, province: Any, year: int, tmp_path: Path) -> Who:
    path = tmp_path / "values.json"
    data = {k: v for k, v in {"commune": commune, "code": code, "province": province,
                              "year": year, "values": {"1.1": True}}.items() if v is not None}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    [record] = cds.load_values(path)
    return _who(record)


def _frame(commune: Any, code: Any, province: Any, year: int, tmp_path: Path) -> Who:
    columns: dict[str, Any] = {"commune": [commune], "district": [None], "province": [province],
                               "year": [year], "1.1": ["Có"]}
    if code is not None:
        columns["Mã xã"] = [code]
    out = cds.evaluate_frame(pd.DataFrame(columns))
    return tuple(None if pd.isna(v) else v
                 for v in out.loc[0, ["commune", "code", "district", "province"]])


def _merge(commune: Any, code: Any, province: Any, year: int, tmp_path: Path) -> Who:
    part = cds.Record(commune="Xã A", year=year, values={"1.1": True})
    return _who(cds.merge([part], into=commune))


DOORS = {"evaluate": _evaluate, "csv": _csv, "json": _toml, "frame": _frame, "merge": _merge}

CASES = [
    # (id, commune, code, province, year, expected who or the message of the refusal)
    ("code", "15361", None, None, 2025, AFTER),
    ("code-2024", "15361", None, None, 2024, BEFORE),
    ("leading-zero", "015361", None, None, 2024, BEFORE),
    ("code-column", None, "15361", None, 2025, AFTER),
    ("code-and-name", "Vĩnh Long", "15361", None, 2024, BEFORE),
    ("code-and-province", "15361", None, "Thanh Hóa", 2025, (*AFTER[:3], "Thanh Hóa")),
    ("unknown", "99999", None, None, 2025,
     "mã xã '99999' không có trong danh sách chính thức năm 2025"),
    ("conflicting-name", "Xã Vĩnh Long", "15361", None, 2025,
     "mã xã '15361' năm 2025 là 'Xã Tây Đô', không phải 'Xã Vĩnh Long'"),
    ("conflicting-province", "15361", None, "Nghệ An", 2025,
     "mã xã '15361' (Xã Tây Đô) năm 2025 thuộc 'Tỉnh Thanh Hóa', không phải 'Nghệ An'"),
    ("two-codes", "15364", "15361", None, 2024,
     "tên xã là mã '15364' nhưng cột mã xã là '15361'; chỉ giữ một mã"),
]


@pytest.mark.parametrize(("door", "commune", "code", "province", "year", "expected"), [
    pytest.param(door, *case[1:], id=f"{door}-{case[0]}") for door in sorted(DOORS)
    for case in CASES
    if door != "merge" or case[2:4] == (None, None)  # merge names the merged commune only
])
def test_every_door_reads_a_code(door, commune, code, province, year, expected, tmp_path):
    if isinstance(expected, tuple):
        assert DOORS[door](commune, code, province, year, tmp_path) == expected
        return
    with pytest.raises(cds.InputError) as caught:
        DOORS[door](commune, code, province, year, tmp_path)
    assert [p.message for p in caught.value.problems] == [expected]


@pytest.mark.parametrize("door", ["evaluate", "json", "frame"])
def test_a_whole_number_is_a_code(door, tmp_path):
    assert DOORS[door](15361, None, None, 2025, tmp_path) == AFTER


def test_the_refusals_are_placed_and_said_in_both_languages(tmp_path):
    path = tmp_path / "values.csv"
    path.write_text("Xã,Năm,1.1\n99999,2025,Có\nXã A,2025,Có\n015361,2024,Có\n88888,2024,Có\n",
                    encoding="utf-8")
    loaded = cds.load_values(path, errors="collect")
    assert [r.commune for r in loaded.records] == ["Xã A", "Xã Vĩnh Long"]
    assert [(p.code, p.row, str(p)) for p in loaded.problems] == [
        ("admin_unknown_code", 2,
         f"{path}, dòng 2: mã xã '99999' không có trong danh sách chính thức năm 2025"),
        ("admin_unknown_code", 5,
         f"{path}, dòng 5: mã xã '88888' không có trong danh sách chính thức năm 2024")]
    assert loaded.problems[0].message_en == (
        "commune code '99999' is not in the official list of 2025")
    document = tmp_path / "values.toml"
    document.write_text('[[communes]]\ncommune = "Xã A"\nyear = 2025\n'
                        '[[communes]]\ncode = "99999"\nyear = 2024\n', encoding="utf-8")
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(document)
    assert [str(p) for p in caught.value.problems] == [
        f"{document}, $.communes[1].code: mã xã '99999' không có trong danh sách chính thức "
        "năm 2024"]


def test_a_frame_refusal_names_its_row_and_column():
    frame = pd.DataFrame({"Tên xã": ["Xã A", "77777"], "Năm": [2025, 2025]})
    with pytest.raises(cds.InputError) as caught:
        cds.evaluate_frame(frame)
    assert [(p.row, p.column, p.code) for p in caught.value.problems] == [
        (1, "Tên xã", "admin_unknown_code")]


def test_a_name_is_never_looked_up_in_the_doors():
    """Only all-digit names are codes: a misspelt name stays a name (``validate --official``
    checks names), and a report of a name has no code."""
    report = cds.evaluate({}, 2025, commune="Xã Vĩnh Lọc 2")
    assert (report.commune, report.code, report.province) == ("Xã Vĩnh Lọc 2", None, None)
    assert "code" not in report.to_dict()


def test_the_code_survives_to_dict_and_the_exports(tmp_path):
    report = cds.evaluate({"1.1": True}, 2025, commune="015361")
    assert report.to_dict()["code"] == "15361"
    assert cds.Report.from_dict(report.to_dict()) == report
    path = cds.write_reports([report, cds.evaluate({}, 2025, commune="Xã A")],
                             tmp_path / "out.csv", lang="en")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("commune,code,district,year,")
    assert lines[1].startswith("Xã Tây Đô,15361,,2025,1.1,")
    plain = cds.write_reports([cds.evaluate({}, 2025, commune="Xã A")], tmp_path / "plain.csv")
    assert plain.read_text(encoding="utf-8-sig").startswith("Xã,Huyện,Năm,")
    assert list(cds.reports_to_frame([report]).columns[:3]) == ["commune", "code", "district"]


def test_merge_into_a_code_needs_a_year():
    with pytest.raises(cds.InputError) as caught:
        cds.merge({"Xã A": {"1.1": True}}, into="15361")
    assert [p.message_en for p in caught.value.problems] == [
        "commune code '15361': a year is needed to choose the official list"]


def test_merge_reads_the_codes_of_its_parts():
    """A part given as a record named by its code is the official commune: merged with its
    counts, a second part naming the same commune is the same part given twice, and an
    unknown code is refused with the rest."""
    by_code = cds.Record(commune="015361", year=2025, values={"2.5": cds.ratio(1, 2)})
    other = cds.Record(commune="Xã Vĩnh Lộc", year=2025, values={"2.5": cds.ratio(1, 4)})
    assert cds.merge([by_code, other], into="Xã X").values == {"2.5": cds.ratio(2, 6)}
    same = cds.Record(commune="Xã Tây Đô", year=2025, values={"2.5": cds.ratio(1, 4)})
    unknown = cds.Record(commune="99999", year=2025, values={})
    with pytest.raises(cds.InputError) as caught:
        cds.merge([by_code, same, unknown], into="Xã X")
    assert [p.message_en for p in caught.value.problems] == [
        "commune 'Xã Tây Đô' is given twice",
        "commune code '99999' is not in the official list of 2025"]


def test_rebase_reads_the_codes_of_former_communes():
    successors = cds.Successors({"Xã Vĩnh Long": "Xã Tây Đô", "Xã Vĩnh Phúc": "Xã Tây Đô"})
    records = [cds.Record(commune=c, year=2024, values={"1.1": True})
               for c in ("15361", "015364")]
    [rebased] = cds.rebase(records, successors)
    assert rebased.commune == "Xã Tây Đô"
    assert rebased.parts == (("Huyện Vĩnh Lộc", "Xã Vĩnh Long"), ("Huyện Vĩnh Lộc",
                                                                   "Xã Vĩnh Phúc"))
    with pytest.raises(cds.InputError) as caught:
        cds.rebase([cds.Record(commune="99999", year=2024, values={})], successors)
    assert [p.code for p in caught.value.problems] == ["admin_unknown_code"]


def test_summarize_groups_by_code():
    reports = [cds.evaluate({}, 2025, commune="15361"), cds.evaluate({}, 2025, commune="Xã A")]
    summary = cds.summarize(reports, by="code")
    assert [(g.key, g.undetermined) for g in summary.groups] == [
        ("15361", ("Xã Tây Đô",)), (None, ("Xã A",))]


# --- the same record for a code as for its official name --------------------------------------


def _units() -> list[cds.OfficialUnit]:
    from cds_indicators._model.official import units

    return [u for year in (2024, 2025) for u in units(year) if u.code][::37]


@given(unit=st.sampled_from(_units()), zeros=st.integers(0, 2), data=st.data())
def test_every_door_gives_the_same_for_a_code_as_for_its_official_name(unit, zeros, data):
    """A commune given by its code is the commune given by its official name, district and
    province, with the code kept: in every door."""
    year = 2025 if unit.district is None else data.draw(st.sampled_from([2022, 2023, 2024]))
    code = "0" * zeros + unit.code
    by_code = cds.evaluate({"1.1": True}, year, commune=code)
    by_name = cds.evaluate({"1.1": True}, year, commune=unit.name, district=unit.district,
                           province=unit.province)
    assert by_code.to_dict() == {**by_name.to_dict(), "code": unit.code}
    frame = cds.evaluate_frame(pd.DataFrame({"commune": [code], "year": [year], "1.1": ["Có"]}))
    assert (frame.loc[0, "commune"], frame.loc[0, "code"]) == (unit.name, unit.code)
    assert frame.loc[0, "completion"] == by_name.completion.value
    record = cds.merge([cds.Record(commune="Xã A", year=year, values={"1.1": True})], into=code)
    assert _who(record) == (unit.name, unit.code, unit.district, unit.province)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "values.json"
        path.write_text(json.dumps({"commune": code, "year": year, "values": {"1.1": True}}),
                        encoding="utf-8")
        [loaded] = cds.load_values(path)
    assert _who(loaded) == _who(record)
    assert cds.evaluate(loaded.values, year, commune=loaded.commune, code=loaded.code,
                        district=loaded.district, province=loaded.province) == by_code


# --- official_unit -----------------------------------------------------------------------------


@pytest.mark.parametrize(("given", "year", "province", "expected"), [
    ("15361", 2025, None, AFTER),
    (15361, 2024, None, BEFORE),
    ("015361", 2024, "Thanh Hóa", BEFORE),
    ("Tây Đô", 2025, None, AFTER),
    ("xã vĩnh long", 2024, "Tỉnh Thanh Hoá", BEFORE),
])
def test_official_unit(given, year, province, expected):
    unit = cds.official_unit(given, year, province=province)
    assert (unit.name, unit.code, unit.district, unit.province) == expected


@pytest.mark.parametrize(("given", "year", "province", "vi", "en"), [
    ("Xã Vĩnh Lọc", 2024, None,
     "xã 'Xã Vĩnh Lọc' không có trong danh sách chính thức năm 2024; có phải ý bạn là "
     "'Xã Vĩnh Lộc'?",
     "commune 'Xã Vĩnh Lọc' is not in the official list of 2024; did you mean 'Xã Vĩnh Lộc'?"),
    ("Xã Không Có", 2025, None,
     "xã 'Xã Không Có' không có trong danh sách chính thức năm 2025",
     "commune 'Xã Không Có' is not in the official list of 2025"),
    ("Tây Đô", 2025, "Thanh Hoa",
     "tỉnh 'Thanh Hoa' không có trong danh sách chính thức năm 2025; có phải ý bạn là "
     "'Tỉnh Thanh Hóa'?",
     "province 'Thanh Hoa' is not in the official list of 2025; did you mean "
     "'Tỉnh Thanh Hóa'?"),
    ("99999", 2025, None, "mã xã '99999' không có trong danh sách chính thức năm 2025",
     "commune code '99999' is not in the official list of 2025"),
    ("15361", 2025, "Nghệ An",
     "mã xã '15361' (Xã Tây Đô) năm 2025 thuộc 'Tỉnh Thanh Hóa', không phải 'Nghệ An'",
     "commune code '15361' (Xã Tây Đô) is in 'Tỉnh Thanh Hóa' in 2025, not 'Nghệ An'"),
])
def test_official_unit_refuses_with_the_nearest_name(given, year, province, vi, en):
    with pytest.raises(cds.InputError) as caught:
        cds.official_unit(given, year, province=province)
    assert [(p.message, p.message_en) for p in caught.value.problems] == [(vi, en)]


def test_a_name_of_several_units_asks_for_the_province():
    with pytest.raises(cds.InputError) as caught:
        cds.official_unit("Xã Vĩnh Lộc", 2024)
    assert caught.value.problems[0].code == "admin_ambiguous"
    assert cds.official_unit("Xã Vĩnh Lộc", 2024, province="An Giang").code == "30361"


# --- without the extra -------------------------------------------------------------------------


@pytest.fixture
def without_admin(monkeypatch):
    """The ``[admin]`` extra as if it were not installed (its data read afresh)."""
    from cds_indicators._model import official

    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None
                        if name == "vietnamadminunits" else find_spec(name, *a))
    caches = (official.read_json, official.units, official._by_code, official._by_name)
    for cache in caches:
        cache.cache_clear()
    yield
    for cache in caches:
        cache.cache_clear()


@pytest.mark.usefixtures("without_admin")
@pytest.mark.parametrize("door", ["evaluate", "csv", "json", "frame"])
def test_a_code_without_the_extra_names_the_extra(door, tmp_path):
    with pytest.raises(cds.MissingExtraError) as caught:
        DOORS[door]("15361", None, None, 2025, tmp_path)
    assert caught.value.extra == "admin"
    assert "[admin]" in str(caught.value)


@pytest.mark.usefixtures("without_admin")
def test_a_name_without_the_extra_is_read_as_before(tmp_path):
    assert _evaluate("Xã Vĩnh Lọc", None, None, 2025, tmp_path) == (
        "Xã Vĩnh Lọc", None, None, None)
    with pytest.raises(cds.MissingExtraError):
        cds.official_unit("Tây Đô", 2025)


def test_a_province_that_is_another_units_is_placed_at_the_province(tmp_path):
    document = tmp_path / "values.json"
    document.write_text(json.dumps({"code": "15361", "province": "Nghệ An", "year": 2025}),
                        encoding="utf-8")
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(document)
    assert [p.path for p in caught.value.problems] == ["$.province"]
    frame = pd.DataFrame({"Xã": ["15361"], "Tỉnh": ["Nghệ An"], "Năm": [2025]})
    with pytest.raises(cds.InputError) as caught:
        cds.evaluate_frame(frame)
    assert [(p.row, p.column) for p in caught.value.problems] == [(0, "Tỉnh")]


def test_a_workbook_names_communes_by_a_code_column(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Mã ĐVHC", "Năm", "1.1"], ["015361", 2024, "Có"], [15388, 2024, "Có"]):
        sheet.append(row)
    book.save(tmp_path / "values.xlsx")
    records = cds.load_values(tmp_path / "values.xlsx")
    assert [(r.commune, r.code, r.district) for r in records] == [
        ("Xã Vĩnh Long", "15361", "Huyện Vĩnh Lộc"), ("Xã Vĩnh Thịnh", "15388", "Huyện Vĩnh Lộc")]


def test_successors_read_codes_as_the_communes_they_stand_for(tmp_path: Path):
    """A former commune's code is read in the list before the arrangement, a new commune's in
    the list after it, in a mapping and in a file; a bad code is refused at its row."""
    given = cds.Successors({"15361": "15361", "015364": {"Xã Tây Đô": None}})
    assert dict(given.entries) == {("Huyện Vĩnh Lộc", "Xã Vĩnh Long"): {"Xã Tây Đô": None},
                                   ("Huyện Vĩnh Lộc", "Xã Vĩnh Phúc"): {"Xã Tây Đô": None}}
    path = tmp_path / "successors.csv"
    path.write_text("Xã cũ,Huyện cũ,Xã mới\n15361,,15361\n015364,Vĩnh Lộc,Xã Tây Đô\n"
                    "99998,,Xã Tây Đô\n", encoding="utf-8")
    with pytest.raises(cds.InputError) as caught:
        cds.Successors.load(path)
    assert [(p.row, p.message_en) for p in caught.value.problems] == [
        (4, "commune code '99998' is not in the official list of 2024")]
    path.write_text("Xã cũ,Huyện cũ,Xã mới\n15361,,15361\n015364,Vĩnh Lộc,Xã Tây Đô\n",
                    encoding="utf-8")
    assert cds.Successors.load(path).of("Xã Vĩnh Long", "Vĩnh Lộc") == {"Xã Tây Đô": None}


def test_a_schedule_reads_codes_in_the_list_of_their_year(tmp_path: Path):
    """A scheduled commune given by its code is the commune that code stands for in the list
    used for its year, as a record's code is; the same commune given twice is refused."""
    schedule = cds.Schedule({"15361": 2024, "015361": 2025})
    assert schedule.year_of("Xã Vĩnh Long") == 2024
    assert schedule.year_of("Xã Tây Đô") == 2025
    path = tmp_path / "schedule.csv"
    path.write_text("commune,district,year\n15361,,2024\nXã Vĩnh Long,,2024\n99999,,2025\n",
                    encoding="utf-8")
    with pytest.raises(cds.InputError) as caught:
        cds.Schedule.load(path)
    assert [(p.row, p.code) for p in caught.value.problems] == [
        (3, "schedule_duplicate"), (4, "admin_unknown_code")]
