"""Scored indexes: bands, partial credit, points for yes/no, the normalised index, the ranking,
and the illustrative index file that uses every rule."""

import textwrap
from fractions import Fraction
from html import escape
from pathlib import Path

import pytest

import cds_indicators as cds

ROOT = Path(__file__).resolve().parents[1]
INDEX = cds.load_framework(ROOT / "examples" / "index-minh-hoa.toml")
ALL_MET = {"CQ1": "Có", "CQ2": 4, "CQ3": "100%", "XH1": "90%", "XH2": 2, "XH3": "Có"}


def _points(criterion, value, year=2024):
    return cds.evaluate({**ALL_MET, criterion: value}, year, framework=INDEX)[criterion].points


# --- the illustrative file -----------------------------------------------------------------


def test_the_illustrative_index_uses_every_scoring_rule_and_says_it_is_illustrative():
    text = (ROOT / "examples" / "index-minh-hoa.toml").read_text("utf-8")
    assert "MINH HỌA" in text.splitlines()[0]
    assert "minh họa" in INDEX.title
    assert {c.scoring for c in INDEX} == set(cds.Scoring)
    assert any(c.kind is cds.Kind.YES_NO and c.points for c in INDEX)
    assert INDEX["CQ2"].bands == tuple(
        cds.Band(start=Fraction(a), points=Fraction(b)) for a, b in ((4, 20), (3, 15), (2, 10),
                                                                      (1, 5)))
    assert (INDEX["XH1"].partial, INDEX["XH1"].partial_share) == (Fraction(50), Fraction(1, 2))
    assert INDEX["XH2"].partial_share == Fraction(1, 2), "the share defaults to one half"


def test_the_illustrative_index_round_trips_through_dump_framework(tmp_path):
    path = tmp_path / "again.toml"
    path.write_text(cds.dump_framework(INDEX), encoding="utf-8")
    assert cds.load_framework(path) == INDEX


# --- points, rule by rule ------------------------------------------------------------------


@pytest.mark.parametrize(("criterion", "value", "points"), [
    # bands: 4 meetings → 20, 3 → 15, 2 → 10, 1 → 5, none → 0; above the top band stays 20
    ("CQ2", 0, 0), ("CQ2", 1, 5), ("CQ2", 2, 10), ("CQ2", 3, 15), ("CQ2", 4, 20), ("CQ2", 9, 20),
    # partial, rate, "trên": above 80 % full, above 50 % half; 50 % itself is not above 50 %
    ("XH1", "50%", 0), ("XH1", "50,1%", 10), ("XH1", "80%", 10), ("XH1", "80,1%", 20),
    # partial, count: 2 classes full, 1 half
    ("XH2", 0, 0), ("XH2", 1, 5), ("XH2", 2, 10),
    # yes/no, all or nothing
    ("XH3", "Có", 10), ("XH3", "Không", 0),
    # proportional: Điểm = Tỷ lệ × Điểm tối đa
    ("CQ3", "60%", 18), ("CQ3", cds.ratio(1, 3), 10),
])
def test_each_rule_gives_its_exact_points(criterion, value, points):
    assert _points(criterion, value) == Fraction(points)


def test_a_missing_value_scores_nothing_under_every_rule():
    report = cds.evaluate({}, 2024, framework=INDEX)
    assert {v.criterion: v.points for v in report} == dict.fromkeys(
        (c.id for c in INDEX), Fraction(0))
    assert report.index == 0


def test_the_partial_threshold_is_the_same_every_year_while_the_target_rises():
    assert _points("XH1", "84%", 2024) == 20
    assert _points("XH1", "84%", 2025) == 10


def test_report_index_is_score_over_maximum_exactly():
    report = cds.evaluate({"CQ1": "Có", "CQ2": 3, "CQ3": "60%", "XH1": "70%", "XH2": 1,
                           "XH3": "Không"}, 2024, framework=INDEX)
    assert (report.score, report.max_score, report.level) == (58, 100, "Trung bình")
    assert report.index == Fraction(29, 50)
    assert cds.evaluate({}, 2024).index is None, "no index outside a points framework"


def test_evaluate_frame_gives_the_points_and_index_evaluate_gives():
    pd = pytest.importorskip("pandas")
    rows = [("A", 2024, "Có", 3, 60.0, "70%", 1, "Không"),
            ("B", 2025, "Có", 0, 81.0, "85%", 2, "Có"),
            ("C", 2024, None, 7, None, "50%", None, "Có")]
    table = pd.DataFrame(rows, columns=["commune", "year", "CQ1", "CQ2", "CQ3", "XH1", "XH2",
                                        "XH3"])
    out = cds.evaluate_frame(table, framework=INDEX)
    for (_, year, *values), (_, row) in zip(rows, out.iterrows(), strict=True):
        given = {c.id: v for c, v in zip(INDEX, values, strict=True) if v is not None}
        report = cds.evaluate(given, year, framework=INDEX)
        assert Fraction(row["score_exact"]) == report.score
        assert row["index"] == pytest.approx(float(report.index))
        assert row["level"] == report.level


# --- the framework file's checks -------------------------------------------------------------

HEAD = """\
    schema_version = 2
    [framework]
    id = "x"
    title = "X"
    years = [2024]
    completion = "points"
    pass_score = 5
    [[pillars]]
    code = "p"
    name = "P"
    [[criteria]]
    id = "1"
    pillar = "p"
    name = "N"
    unit = "U"
    points = 20
    {criterion}
"""


@pytest.mark.parametrize(("criterion", "expected"), [
    ('kind = "count"\nscoring = "bands"\ntargets = { 2024 = "4" }',
     [("$.criteria[0].bands", "criterion 1: scoring 'bands' needs the key bands",
       "chỉ tiêu 1: cách chấm 'bands' cần khóa bands")]),
    ('kind = "yes_no"\nscoring = "bands"\nbands = [{ from = 1, points = 5 }]\n'
     'targets = { 2024 = "Có" }',
     [("$.criteria[0].scoring",
       "criterion 1: bands scoring is only for at_least or above rates and counts",
       'chỉ tiêu 1: chấm theo bậc chỉ dùng cho tỷ lệ hoặc số lượng "at_least" hay "above"')]),
    ('kind = "count"\nscoring = "bands"\n'
     'bands = [{ from = 2, points = 10 }, { from = 3, points = 15 }]\ntargets = { 2024 = "4" }',
     [("$.criteria[0].bands[1]",
       "criterion 1: bands go from the highest down; from and points must decrease",
       "chỉ tiêu 1: các bậc xếp từ cao xuống thấp, from và points phải giảm dần")]),
    ('kind = "count"\nscoring = "bands"\nbands = [{ from = 4, points = 25 }]\n'
     'targets = { 2024 = "4" }',
     [("$.criteria[0].bands[0].points",
       "criterion 1: band points 25 must not exceed the maximum 20",
       "chỉ tiêu 1: bậc 25 điểm không được vượt điểm tối đa 20")]),
    ('kind = "rate"\nscoring = "bands"\nbands = [{ from = "120%", points = 5 }]\n'
     'targets = { 2024 = "80%" }',
     [("$.criteria[0].bands[0].from",
       "criterion 1: from '120%' is not a threshold (e.g. \"50%\" for a rate, 2 for a count)",
       'chỉ tiêu 1: from \'120%\' không phải một ngưỡng (ví dụ "50%" cho tỷ lệ, 2 cho số '
       "lượng)")]),
    ('kind = "count"\nscoring = "bands"\nbands = [{ start = 4, points = 5 }]\n'
     'targets = { 2024 = "4" }',
     [("$.criteria[0].bands[0]", "invalid structure: unknown keys: start",
       "sai cấu trúc: unknown keys: start")]),
    ('kind = "rate"\nscoring = "partial"\ntargets = { 2024 = "80%" }',
     [("$.criteria[0].partial", "criterion 1: scoring 'partial' needs the key partial",
       "chỉ tiêu 1: cách chấm 'partial' cần khóa partial")]),
    ('kind = "rate"\nscoring = "partial"\npartial = "90%"\ntargets = { 2024 = "80%" }',
     [("$.criteria[0].partial",
       "criterion 1: partial '90%' must be easier to meet than the 2024 target (80%)",
       "chỉ tiêu 1: partial '90%' phải dễ đạt hơn chỉ tiêu năm 2024 (80%)")]),
    ('kind = "rate"\ncomparison = "above"\nscoring = "partial"\npartial = "80%"\n'
     'targets = { 2024 = { threshold = "80%", label = "trên 80%" } }',
     [("$.criteria[0].partial",
       "criterion 1: partial '80%' must be easier to meet than the 2024 target (trên 80%)",
       "chỉ tiêu 1: partial '80%' phải dễ đạt hơn chỉ tiêu năm 2024 (trên 80%)")]),
    ('kind = "count"\ncomparison = "at_most"\nscoring = "partial"\npartial = 2\n'
     'partial_share = "3/2"\ntargets = { 2024 = "0" }',
     [("$.criteria[0].partial_share",
       "criterion 1: partial_share '3/2' must be above 0 and below 1 (e.g. \"1/2\")",
       'chỉ tiêu 1: partial_share \'3/2\' phải lớn hơn 0 và nhỏ hơn 1 (ví dụ "1/2")')]),
    ('kind = "yes_no"\nscoring = "partial"\npartial = 1\ntargets = { 2024 = "Có" }',
     [("$.criteria[0].scoring", "criterion 1: partial scoring is only for rates and counts",
       "chỉ tiêu 1: chấm đạt một phần chỉ dùng cho tỷ lệ hoặc số lượng")]),
    ('kind = "rate"\npartial = "50%"\ntargets = { 2024 = "80%" }',
     [("$.criteria[0].partial", "criterion 1: partial is only used with scoring 'partial'",
       "chỉ tiêu 1: partial chỉ dùng với cách chấm 'partial'")]),
])
def test_a_wrong_scored_criterion_is_refused_with_its_place_in_both_languages(
        criterion, expected, tmp_path):
    path = tmp_path / "framework.toml"
    path.write_text(textwrap.dedent(HEAD).format(criterion=criterion), encoding="utf-8")
    with pytest.raises(cds.FrameworkError) as caught:
        cds.load_framework(path)
    assert [(p.path, p.message_en, p.message) for p in caught.value.problems] == expected


def test_bands_outside_a_points_framework_are_refused(tmp_path):
    text = textwrap.dedent(HEAD).replace('completion = "points"\npass_score = 5\n', "")
    text = text.replace("points = 20\n", "").format(
        criterion='kind = "count"\nbands = [{ from = 1, points = 5 }]\ntargets = { 2024 = "4" }')
    path = tmp_path / "framework.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(cds.FrameworkError) as caught:
        cds.load_framework(path)
    assert [p.message_en for p in caught.value.problems] == [
        "bands is only used with completion policy 'points'"]


# --- the ranking -------------------------------------------------------------------------------


def _reports(values_by_commune, year=2024):
    return [cds.evaluate({**ALL_MET, **values}, year, framework=INDEX, commune=commune,
                         district="Minh họa")
            for commune, values in values_by_commune.items()]


def test_ties_share_a_rank_and_the_next_rank_skips_standard_competition_ranking():
    reports = _reports({"Xã A": {"CQ2": 3}, "Xã B": {}, "Xã C": {"CQ2": 3},
                        "Xã D": {"XH3": "Không"}})
    ranking = cds.summarize(reports).ranking()
    assert [(r.rank, r.commune, r.score) for r in ranking] == [
        (1, "Xã B", 100), (2, "Xã A", 95), (2, "Xã C", 95), (4, "Xã D", 90)]
    assert ranking.of("Xã C", 2024).rank == 2
    assert ranking.to_dict()["ranks"][1] == {
        "rank": 2, "commune": "Xã A", "district": "Minh họa", "year": 2024, "score": "95",
        "max_score": "100", "index": "0.95", "level": "Tốt"}


def test_each_year_is_ranked_apart():
    reports = _reports({"Xã A": {"CQ2": 1}, "Xã B": {}}) + _reports(
        {"Xã A": {}, "Xã B": {"CQ2": 1}}, 2025)
    ranking = cds.summarize(reports).ranking()
    assert ranking.years == (2024, 2025)
    assert [r.commune for r in ranking.year(2024)] == ["Xã B", "Xã A"]
    assert [r.commune for r in ranking.year(2025)] == ["Xã A", "Xã B"]


def test_ranking_by_index_puts_communes_with_fewer_applicable_criteria_on_one_scale():
    framework = cds.load_framework("dti-example")
    full = {"CQ1": "Có", "CQ2": "100%", "CQ3": 2, "CQ4": 0, "KT1": "100%", "XH1": "100%",
            "XH2": "Có"}
    reports = [cds.evaluate(dict(full), 2024, framework=framework, commune="Xã A")]
    reports.append(cds.evaluate({**full, "CQ1": "Không"}, 2024, framework=framework,
                                commune="Xã B"))
    by_score = cds.summarize(reports).ranking()
    by_index = cds.summarize(reports).ranking(by="index")
    assert [r.commune for r in by_score] == [r.commune for r in by_index] == ["Xã A", "Xã B"]
    assert by_index.by == "index"


def test_a_summary_without_points_cannot_be_ranked_and_says_which_report():
    summary = cds.summarize([cds.evaluate({}, 2024, commune="Xã A")])
    with pytest.raises(cds.InputError) as caught:
        summary.ranking()
    (problem,) = caught.value.problems
    assert problem.message == ('chỉ xếp hạng được theo khung chấm điểm (completion = "points"); '
                               "báo cáo của Xã A không có điểm")
    assert problem.message_en == ('only reports of a points framework (completion = "points") '
                                  "can be ranked; the report of Xã A has no score")
    with pytest.raises(cds.InputError) as caught:
        cds.summarize(_reports({"Xã A": {}})).ranking(by="level")
    assert caught.value.problems[0].message_en == (
        "no ranking by 'level' (known: \"score\", \"index\")")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_rank_is_shown_in_the_summary_text_html_and_plot(lang):
    pytest.importorskip("matplotlib")
    summary = cds.summarize(_reports({"Xã A": {"CQ2": 3}, "Xã B": {}, "Xã C": {"CQ2": 3}}))
    text = summary.text(lang)
    if lang == "vi":
        assert "Xếp hạng theo điểm — năm 2024:" in text
        assert "  1. Xã B — 100/100 điểm, chỉ số 1, mức Tốt" in text
        assert "  2. Xã C — 95/100 điểm, chỉ số 0,95, mức Tốt" in text
        assert escape("Xếp hạng theo điểm — năm 2024") in summary._repr_html_()
    else:
        assert "  2. Xã A — 95/100 points, index 0.95, level Tốt" in text
    figure = summary.plot(lang)
    heat = figure.axes[0]
    assert [t.get_text() for t in heat.get_yticklabels()] == ["2. Xã A", "1. Xã B", "2. Xã C"]
    ranking_panel = figure.axes[3]
    assert [t.get_text() for t in ranking_panel.get_yticklabels()][:3] == [
        "1. Xã B", "2. Xã A", "2. Xã C"]


def test_a_summary_without_points_shows_no_ranking():
    summary = cds.summarize([cds.evaluate({}, 2024, commune="Xã A")])
    assert "Xếp hạng" not in summary.text()
    assert "Xếp hạng" not in summary._repr_html_()


def test_the_command_line_summary_table_and_page_carry_score_index_and_rank(tmp_path):
    import csv
    import io
    import os
    import subprocess
    import sys

    values = tmp_path / "index.csv"
    values.write_text("commune,year,CQ1,CQ2,CQ3,XH1,XH2,XH3\n"
                      "Xã A,2024,Có,3,60%,70%,1,Không\n"
                      "Xã B,2024,Có,4,100%,90%,2,Có\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("CDS_LANG", "NO_COLOR", "COLUMNS")}

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "cds_indicators", "summarize", str(values), "--framework",
             str(ROOT / "examples" / "index-minh-hoa.toml"), *args],
            capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False)

    header, *rows = csv.reader(io.StringIO(run("--format", "csv").stdout.lstrip("\ufeff")))
    assert header[-4:] == ["score", "max_score", "index", "rank"]
    assert [(row[0], *row[-4:]) for row in rows] == [
        ("Xã A", "58.0", "100.0", "0.58", "2"), ("Xã B", "100.0", "100.0", "1.0", "1")]
    page = run("--format", "html", "--lang", "en").stdout
    assert "Ranking by score — year 2024" in page
    assert "<td >1</td><td >Xã B</td><td >100/100 points</td>" in page


def test_diff_names_a_change_of_bands_and_of_partial_credit():
    import attrs

    cq2, xh1 = INDEX["CQ2"], INDEX["XH1"]
    new_cq2 = attrs.evolve(cq2, bands=cq2.bands[:2])
    new_xh1 = attrs.evolve(xh1, partial=Fraction(60), partial_share=Fraction(1, 4))
    pillars = tuple(attrs.evolve(p, criteria=tuple(
        {"CQ2": new_cq2, "XH1": new_xh1}.get(c.id, c) for c in p.criteria))
        for p in INDEX.pillars)
    change = cds.diff(INDEX, attrs.evolve(INDEX, pillars=pillars))
    assert [str(c) for c in change.changes] == [
        "~ CQ2 các bậc điểm: ['4 → 20', '3 → 15', '2 → 10', '1 → 5'] → ['4 → 20', '3 → 15']",
        "~ XH1 ngưỡng đạt một phần: 50 → 60",
        "~ XH1 tỷ lệ điểm khi đạt một phần: 1/2 → 1/4",
    ]
