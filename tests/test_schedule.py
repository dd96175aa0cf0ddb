"""Schedule (Decision 969/QĐ-UBND's assigned years) and Summary.against()."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators.strategies import values_for

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORK = cds.load_framework()


@pytest.mark.parametrize(("name", "text", "entries"), [
    ("s.csv", "commune,year\nXã Vĩnh Long,2024\n", {(None, "Xã Vĩnh Long"): 2024}),
    ("s.csv", "\ufeffXã;Năm\nXã Vĩnh Long;2024\n\nXã Vĩnh Thịnh; 2023\n",
     {(None, "Xã Vĩnh Long"): 2024, (None, "Xã Vĩnh Thịnh"): 2023}),
    ("s.csv", "Huyện,Xã,Năm\nVĩnh Lộc,Xã Vĩnh Long,2024\n,Xã Nga Trung,2023\n",
     {("Vĩnh Lộc", "Xã Vĩnh Long"): 2024, (None, "Xã Nga Trung"): 2023}),
    ("s.toml", '[schedule]\n"Xã Vĩnh Long" = 2024\n', {(None, "Xã Vĩnh Long"): 2024}),
    ("s.toml", '"Xã Vĩnh Long" = 2024\n', {(None, "Xã Vĩnh Long"): 2024}),
    ("s.toml", '[schedule."Vĩnh Lộc"]\n"Xã Vĩnh Long" = 2024\n',
     {("Vĩnh Lộc", "Xã Vĩnh Long"): 2024}),
])
def test_load(tmp_path: Path, name: str, text: str, entries: dict[object, int]) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert dict(cds.Schedule.load(path).entries) == entries


@pytest.mark.parametrize(("name", "text", "messages"), [
    ("s.csv", "name,deadline\nXã A,2024\n",
     ["s.csv, row 1: a schedule file needs the columns commune and year (found: name, "
      "deadline)"]),
    ("s.csv", "commune,year\nXã A,soon\n,2024\nXã A,2023\nXã B,2024.0\n",
     ["s.csv, row 2: the year to complete by, 'soon', is not a year",
      "s.csv, row 3: the commune's name is missing (commune)",
      "s.csv, row 5: the year to complete by, '2024.0', is not a year"]),
    ("s.csv", "commune,year\nXã A,2024\nXã A,2025\n",
     ["s.csv, row 3: commune 'Xã A' is assigned a year twice"]),
    ("s.toml", '[schedule]\n"Xã A" = "soon"\n"Xã B" = true\n',
     ["s.toml, $.schedule.Xã A: the year to complete by, 'soon', is not a year",
      "s.toml, $.schedule.Xã B: the year to complete by, True, is not a year"]),
    ("s.toml", "[schedule\n", None),
])
def test_load_refusals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str,
                       messages: list[str] | None) -> None:
    monkeypatch.chdir(tmp_path)
    Path(name).write_text(text, encoding="utf-8")
    with pytest.raises(cds.InputError) as caught:
        cds.Schedule.load(name)
    if messages is None:
        assert [p.code for p in caught.value.problems] == ["toml_syntax"]
    else:
        assert [p.text("en") for p in caught.value.problems] == messages


def test_unreadable_files(tmp_path: Path) -> None:
    (tmp_path / "latin.csv").write_bytes("commune,year\nX\xe3 A,2024\n".encode("latin-1"))
    with pytest.raises(cds.InputError) as caught:
        cds.Schedule.load(tmp_path / "latin.csv")
    assert caught.value.problems[0].code == "not_utf8"
    with pytest.raises(cds.InputError) as caught:
        cds.Schedule.load(tmp_path / "nowhere.csv")
    assert caught.value.problems[0].code == "file_missing"


def test_mapping_refusals_all_at_once() -> None:
    with pytest.raises(cds.InputError) as caught:
        cds.Schedule({"": 2024, "Xã A": True, "Xã B": 24, ("Vĩnh Lộc", " "): 2024})
    assert [p.text("en") for p in caught.value.problems] == [
        "the commune's name '' is not valid",
        "$['Xã A']: the year to complete by, True, is not a year",
        "$['Xã B']: the year to complete by, 24, is not a year",
        "the commune's name ('Vĩnh Lộc', ' ') is not valid",
    ]
    with pytest.raises(cds.InputError):
        cds.Schedule([("Xã A", 2024)])  # type: ignore[arg-type]


def test_names_match_whatever_their_unicode_form() -> None:
    schedule = cds.Schedule({unicodedata.normalize("NFD", "Xã Vĩnh Long"): 2024})
    assert schedule.year_of("Xã Vĩnh Long") == 2024
    assert schedule.year_of("Xã Vĩnh Long", "Vĩnh Lộc") == 2024
    assert schedule.year_of(None) is None
    district = cds.Schedule({("Vĩnh Lộc", "Xã A"): 2023, "Xã A": 2025})
    assert district.year_of("Xã A", "Vĩnh Lộc") == 2023
    assert district.year_of("Xã A", "Nga Sơn") == 2025
    assert json.loads(json.dumps(district.to_dict()))["schedule"][0] == {
        "district": "Vĩnh Lộc", "commune": "Xã A", "year": 2023}


# --- against ---------------------------------------------------------------------------------


def expected_standing(report: cds.Report, due: int | None, first: int | None) -> cds.Standing:
    """The rule, written out once more: a completion counts from the first year it happened."""
    if due is None:
        return cds.Standing.UNSCHEDULED
    if report.completed:
        assert first is not None
        return (cds.Standing.EARLY if first < due else
                cds.Standing.ON_TIME if first == due else cds.Standing.LATE)
    return cds.Standing.LATE if report.year >= due else cds.Standing.NOT_DUE


def test_the_vinh_loc_example() -> None:
    records = cds.load_values(ROOT / "examples" / "district" / "vinh-loc.csv")
    reports = [cds.evaluate(r.values, r.year, commune=r.commune, district=r.district)
               for r in records]
    schedule = cds.Schedule.load(ROOT / "examples" / "schedule-vinh-loc.csv")
    check = cds.summarize(reports).against(schedule)
    first: dict[str | None, int] = {}
    for report in sorted(reports, key=lambda r: r.year):
        if report.completed:
            first.setdefault(report.commune, report.year)
    for report, found in zip(reports, check.standings, strict=True):
        due = schedule.year_of(report.commune, report.district)
        assert (found.commune, found.year, found.due) == (report.commune, report.year, due)
        assert found.standing is expected_standing(report, due, first.get(report.commune))
    assert check.on_time and check.early and check.late and check.not_due
    for which in cds.Standing:
        assert check.with_(which) == tuple(s.commune for s in check.standings
                                           if s.standing is which)
    data = json.loads(json.dumps(check.to_dict()))
    assert data["late"] == list(check.late)
    assert "Theo lịch giao — Huyện Vĩnh Lộc, năm 2024:" in check.text()
    assert "  - on time: " in check.text("en")


@pytest.mark.parametrize(("year", "completed", "due", "standing"), [
    (2023, True, 2024, cds.Standing.EARLY),
    (2024, True, 2024, cds.Standing.ON_TIME),
    (2025, True, 2024, cds.Standing.LATE),
    (2023, False, 2024, cds.Standing.NOT_DUE),
    (2024, False, 2024, cds.Standing.LATE),
    (2024, False, None, cds.Standing.UNSCHEDULED),
])
def test_one_commune(year: int, completed: bool, due: int | None,
                     standing: cds.Standing) -> None:
    values = {c.id: True if c.kind is cds.Kind.YES_NO else 100 for c in FRAMEWORK}
    if not completed:
        values["2.5"] = 0
    report = cds.evaluate(values, year, commune="Xã A")
    assert report.completed is completed
    schedule = {} if due is None else {"Xã A": due}
    assert cds.summarize([report]).against(schedule).standings[0].standing is standing


# Drawing whole commune-years is slow on a loaded machine; the rule, not the speed, is tested.
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["Xã A", "Xã B"]), st.sampled_from(FRAMEWORK.years)),
                unique=True, max_size=6),
       st.data())
def test_every_commune_year_has_one_standing(keys: list[tuple[str, int]],
                                             data: st.DataObject) -> None:
    """Each commune-year gets exactly one standing, which follows the rule from the first year
    the commune completed; the standings partition the commune-years."""
    reports = [cds.evaluate(data.draw(values_for(FRAMEWORK, year)), year, commune=name)
               for name, year in keys]
    schedule = cds.Schedule({"Xã A": data.draw(st.sampled_from(FRAMEWORK.years))})
    check = cds.summarize(reports).against(schedule)
    assert sum(len(check.with_(s)) for s in cds.Standing) == len(reports)
    summary_order = cds.summarize(reports).reports
    for report, found in zip(summary_order, check.standings, strict=True):
        done = [r.year for r in reports if r.commune == report.commune and r.completed]
        due = schedule.year_of(report.commune)
        assert found.standing is expected_standing(report, due, min(done) if done else None)


def test_a_schedule_headed_ten_xa_huyen_nam_loads(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("Tên xã;Huyện;Năm\nXã Vĩnh Long;Vĩnh Lộc;2024\nXã Vĩnh Thịnh;;2023\n",
                    encoding="utf-8")
    assert dict(cds.Schedule.load(path).entries) == {
        ("Vĩnh Lộc", "Xã Vĩnh Long"): 2024, (None, "Xã Vĩnh Thịnh"): 2023}


def test_a_schedule_separated_by_tabs_loads_as_load_values_reads_it(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("Xã\tNăm\nXã Vĩnh Long\t2024\n", encoding="utf-8")
    assert dict(cds.Schedule.load(path).entries) == {(None, "Xã Vĩnh Long"): 2024}
