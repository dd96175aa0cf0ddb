"""summarize(): the district roll-up, checked against what evaluate() says about each commune."""

from __future__ import annotations

import json
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators.strategies import values_for

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORK = cds.load_framework()


def district_reports() -> list[cds.Report]:
    records = cds.load_values(ROOT / "examples" / "district" / "vinh-loc.csv")
    return [cds.evaluate(r.values, r.year, commune=r.commune, district=r.district)
            for r in records]


REPORTS = district_reports()


def test_groups_are_district_years_in_order_of_first_appearance() -> None:
    summary = cds.summarize(REPORTS)
    keys = list(dict.fromkeys((r.district, r.year) for r in REPORTS))
    assert [(g.district, g.year) for g in summary] == keys
    assert summary.reports == tuple(REPORTS)


@pytest.mark.parametrize("year", [2023, 2024])
def test_group_matches_the_reports(year: int) -> None:
    """Every figure of a group is recomputed here from the reports evaluate() gave."""
    mine = [r for r in REPORTS if r.year == year]
    group = cds.summarize(REPORTS).group("Vĩnh Lộc", year)
    assert group.communes == tuple(r.commune for r in mine)
    for completion in cds.Completion:
        assert group.with_(completion) == tuple(r.commune for r in mine
                                                if r.completion is completion)
    for criterion in FRAMEWORK:
        counts = Counter(r[criterion.id].status for r in mine)
        assert group.criteria[criterion.id] == {s: counts[s] for s in cds.Status}
    fails = Counter(c for r in mine for c in r.failed)
    order = [c.id for c in FRAMEWORK]
    assert list(group.blocking) == sorted(fails.items(),
                                          key=lambda kv: (-kv[1], order.index(kv[0])))
    for pillar in FRAMEWORK.pillars:
        counted = [r.pillars[pillar.code] for r in mine]
        passed = sum(c[cds.Status.PASS] for c in counted)
        total = sum(c[cds.Status.PASS] + c[cds.Status.FAIL] + c[cds.Status.MISSING]
                    for c in counted)
        assert group.pillars[pillar.code] == Fraction(passed, total)
        assert isinstance(group.pillars[pillar.code], Fraction)
    assert group.one_away == tuple((r.commune, (r.failed + r.missing)[0]) for r in mine
                                   if len(r.failed) + len(r.missing) == 1)


def test_the_example_district_has_every_completion() -> None:
    group = cds.summarize(REPORTS).group("Vĩnh Lộc", 2024)
    assert group.completed and group.not_completed and group.undetermined and group.one_away


def test_empty() -> None:
    summary = cds.summarize([])
    assert len(summary) == 0 and summary.text() == "" and summary.to_dict() == {
        "framework": None, "groups": []}


def test_to_dict_is_json_and_exact() -> None:
    summary = cds.summarize(REPORTS)
    data = json.loads(json.dumps(summary.to_dict()))
    group = summary.groups[1]
    shown = data["groups"][1]
    assert shown["communes"] == len(group.reports)
    assert shown["completed"] == list(group.completed)
    assert {k: Fraction(v) for k, v in shown["pillars"].items()} == group.pillars
    assert shown["blocking"] == [{"criterion": c, "communes": n} for c, n in group.blocking]
    assert shown["criteria"]["2.5"] == {s.value: n for s, n in group.criteria["2.5"].items()}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_text(lang: str) -> None:
    summary = cds.summarize(REPORTS)
    text = summary.text(lang)
    group = summary.group("Vĩnh Lộc", 2024)
    assert text.splitlines()[0] == (
        "Tổng hợp chuyển đổi số cấp xã — Huyện Vĩnh Lộc, năm 2023" if lang == "vi"
        else "Commune digital transformation summary — District Vĩnh Lộc, year 2023")
    assert str(summary) == summary.text("vi")
    commune, criterion = group.one_away[0]
    one_away = "Xã chỉ còn một chỉ tiêu" if lang == "vi" else "Communes one criterion away"
    assert f"{one_away}: {commune} ({criterion})" in text
    assert max(len(line) for line in text.splitlines()) <= 80


# --- refusals ----------------------------------------------------------------------------------

TINH_LONG = cds.load_framework("tinh-long-2024")


@pytest.mark.parametrize(("reports", "messages"), [
    (["not a report"],
     ["$[0]: 'not a report' is not a Report from evaluate()"]),
    ([REPORTS[0], REPORTS[0], REPORTS[1], REPORTS[1]],
     ["$[1]: commune 'Thị trấn Vĩnh Lộc' in 2023 already appears at $[0]",
      "$[3]: commune 'Xã Vĩnh Thịnh' in 2023 already appears at $[2]"]),
    ([REPORTS[0], cds.evaluate({}, TINH_LONG.years[0], framework=TINH_LONG)],
     ["the reports come from several frameworks (thanh-hoa-1829, tinh-long-2024); a summary "
      "takes one"]),
])
def test_refusals(reports: list[object], messages: list[str]) -> None:
    with pytest.raises(cds.InputError) as caught:
        cds.summarize(reports)  # type: ignore[arg-type]
    assert [p.text("en") for p in caught.value.problems] == messages


def test_framework_must_match() -> None:
    with pytest.raises(cds.InputError, match="nhiều khung tiêu chí"):
        cds.summarize(REPORTS, framework=TINH_LONG)


# --- properties --------------------------------------------------------------------------------

NAMES = ["Xã A", "Xã B", "Xã C", "Thị trấn D"]


@st.composite
def commune_reports(draw: st.DrawFn) -> list[cds.Report]:
    year = draw(st.sampled_from(FRAMEWORK.years))
    chosen = draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=4))
    districts = draw(st.lists(st.sampled_from([None, "Vĩnh Lộc", "Nga Sơn"]),
                              min_size=len(chosen), max_size=len(chosen)))
    return [cds.evaluate(draw(values_for(FRAMEWORK, year)), year, commune=name, district=d)
            for name, d in zip(chosen, districts, strict=True)]


@given(commune_reports())
def test_counts_add_up(reports: list[cds.Report]) -> None:
    """In every group, the communes completed, not completed and undetermined are the communes
    evaluated, each once; each criterion's status counts add up to the communes; a pillar's pass
    rate lies between 0 and 1."""
    summary = cds.summarize(reports)
    assert sum(len(g.reports) for g in summary) == len(reports)
    for group in summary:
        names = group.completed + group.not_completed + group.undetermined
        assert sorted(names) == sorted(group.communes)
        for counts in group.criteria.values():
            assert sum(counts.values()) == len(group.reports)
        assert all(n >= 1 for _, n in group.blocking)
        assert all(r is None or 0 <= r <= 1 for r in group.pillars.values())
