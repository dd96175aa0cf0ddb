"""evaluate_frame: a whole table at once, with exactly the verdicts evaluate() gives row by row."""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cds_indicators as cds

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

FRAMEWORK = cds.load_framework()
RATES = [c for c in FRAMEWORK if c.kind is cds.Kind.RATE]
YES_NO = [c for c in FRAMEWORK if c.kind is cds.Kind.YES_NO]
THRESHOLDS = sorted({t.threshold for c in RATES for t in c.targets.values()
                     if t is not None and t.threshold is not None})


def near_thresholds() -> st.SearchStrategy[float]:
    """Floats at, and a hair either side of, every threshold: where a float reading could slip."""
    def around(t: Fraction, step: int, scale: float) -> float:
        x = float(t)
        for _ in range(abs(step)):
            x = math.nextafter(x, math.inf if step > 0 else -math.inf)
        return x * scale
    return st.builds(around, st.sampled_from(THRESHOLDS), st.integers(-3, 3),
                     st.sampled_from([1.0, 1 + 1e-12, 1 - 1e-12, 1 + 5e-13, 1 - 5e-13, 1 + 1e-11]))


FLOATS = st.one_of(near_thresholds(), st.floats(0, 100), st.none())
INTS = st.one_of(st.integers(0, 100), st.none())
RATE_TEXT = st.one_of(st.sampled_from(["80%", "57,5%", "79,9", "100", "19/33", "0%", " 65 % ",
                                       "không áp dụng", ""]), st.none())
YES_NO_TEXT = st.one_of(st.sampled_from(["Có", "không", "Đạt", "chưa đạt", "Sử dụng hiệu quả",
                                         "Đáp ứng", "không áp dụng"]), st.none())
BOOLS = st.one_of(st.booleans(), st.none())
COUNTS = st.one_of(st.tuples(st.integers(0, 60), st.integers(1, 60)).map(
    lambda p: (min(p), max(p))), st.just((None, None)))

RATE_COLUMNS = {"float": (FLOATS, pa.float64()), "int": (INTS, pa.int64()),
                "text": (RATE_TEXT, pa.string()), "counts": (COUNTS, None)}
YES_NO_COLUMNS = {"bool": (BOOLS, pa.bool_()), "text": (YES_NO_TEXT, pa.string())}


@st.composite
def tables(draw: st.DrawFn, bad: st.SearchStrategy[object] | None = None) -> pa.Table:
    """A table of random commune-years: each criterion's column of a random kind, or absent."""
    n = draw(st.integers(1, 12))
    columns: dict[str, pa.Array] = {
        "commune": pa.array([f"Xã {i}" for i in range(n)]),
        "year": pa.array(draw(st.lists(st.sampled_from(FRAMEWORK.years), min_size=n,
                                       max_size=n)), pa.int64()),
    }
    for criterion in FRAMEWORK:
        choices = RATE_COLUMNS if criterion.kind is cds.Kind.RATE else YES_NO_COLUMNS
        kind = draw(st.sampled_from([*choices, "absent"]))
        if kind == "absent":
            continue
        cells, arrow_type = choices[kind]
        values = draw(st.lists(cells, min_size=n, max_size=n))
        if kind == "counts":
            columns[f"{criterion.id}_num"] = pa.array([v[0] for v in values], pa.int64())
            columns[f"{criterion.id}_den"] = pa.array([v[1] for v in values], pa.int64())
        else:
            columns[criterion.id] = pa.array(values, arrow_type)
    return pa.table(columns)


def rows_of(native: object) -> list[dict[str, object]]:
    if isinstance(native, pd.DataFrame):
        return native.to_dict("records")
    if isinstance(native, pl.DataFrame):
        return native.rows(named=True)
    assert isinstance(native, pa.Table)
    return native.to_pylist()


def values_of(row: dict[str, object]) -> dict[str, object]:
    """A table row as evaluate() takes it: count pairs become ratio(), nulls are absent."""
    values: dict[str, object] = {}
    for criterion in FRAMEWORK:
        cid = criterion.id
        if f"{cid}_num" in row:
            num, den = row[f"{cid}_num"], row[f"{cid}_den"]
            if not (_null(num) and _null(den)):
                values[cid] = cds.ratio(None if _null(num) else num, None if _null(den) else den)
        elif cid in row:
            values[cid] = row[cid]
    return values


def _null(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def as_library(table: pa.Table, library: str) -> object:
    if library == "pandas":
        return table.to_pandas()
    if library == "polars":
        return pl.from_arrow(table)
    return table


def statuses(out: object) -> list[dict[str, object]]:
    frame = out.to_pandas() if isinstance(out, pa.Table | pl.DataFrame) else out
    return [{k: str(v) for k, v in row.items()} for row in frame.to_dict("records")]


LIBRARIES = ["pandas", "polars", "pyarrow"]


@pytest.mark.parametrize("library", LIBRARIES)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=tables())
def test_frame_verdicts_equal_evaluate_row_by_row(library: str, table: pa.Table) -> None:
    """Rule: for every row, each status, the completion and the failed ids of evaluate_frame are
    those evaluate() gives for that row's values, whatever the library or column types; and when
    some rows hold bad values, evaluate_frame refuses with every problem evaluate() finds in
    every row, each located at its row."""
    native = as_library(table, library)
    reports, problems = [], []
    for position, row in enumerate(rows_of(native)):
        try:
            reports.append(cds.evaluate(values_of(row), row["year"], commune=row["commune"]))
        except cds.MeasurementError as error:
            problems += [(position, p.criterion, p.message) for p in error.problems]
    if problems:
        with pytest.raises(cds.MeasurementError) as caught:
            cds.evaluate_frame(native)
        found = [(p.row, p.criterion, p.message) for p in caught.value.problems]
        assert sorted(found) == sorted(problems)
        return
    out = cds.evaluate_frame(native)
    assert type(out) is type(native)
    got = statuses(out)
    for position, report in enumerate(reports):
        expected = {v.criterion: v.status.value for v in report}
        assert {k: got[position][k] for k in expected} == expected
        assert got[position]["completion"] == report.completion.value
        assert got[position]["failed"] == ", ".join(report.failed)


def _float_rows() -> st.SearchStrategy[list[float]]:
    return st.lists(st.one_of(near_thresholds(), st.floats(-1, 101), st.just(math.inf),
                              st.just(-0.0), st.just(100.0000000000001)), min_size=1,
                    max_size=20)


@settings(max_examples=200, deadline=None)
@given(values=_float_rows(), year=st.sampled_from(FRAMEWORK.years))
def test_float_columns_decide_like_the_exact_reading(values: list[float], year: int) -> None:
    """Rule: a float cell passes, fails or is refused exactly as evaluate() reading the float
    at 12 significant digits and comparing the exact Fraction decides; never by float noise."""
    frame = pd.DataFrame({"commune": [f"Xã {i}" for i in range(len(values))], "1.6": values,
                          "3.1": values})
    expected, problems = [], []
    for row, value in enumerate(values):
        try:
            report = cds.evaluate({"1.6": value, "3.1": value}, year)
        except cds.MeasurementError as error:
            problems += [(row, p.criterion, p.message) for p in error.problems]
            continue
        expected.append((row, report["1.6"].status.value, report["3.1"].status.value))
    if problems:
        with pytest.raises(cds.MeasurementError) as caught:
            cds.evaluate_frame(frame, year=year)
        assert sorted((p.row, p.column, p.message) for p in caught.value.problems) == sorted(
            problems)
        return
    out = cds.evaluate_frame(frame, year=year)
    assert [(i, str(out["1.6"][i]), str(out["3.1"][i])) for i in range(len(values))] == expected


@pytest.mark.parametrize(
    ("value", "status"),
    [
        (65.0, "PASS"),              # the 2022 threshold of 1.6 exactly
        (64.99999999999999, "PASS"),  # float noise of 65: read at 12 digits it is 65
        (64.9999999999, "FAIL"),     # a real shortfall, typed by a person
        (0.65 * 100, "PASS"),        # 65.00000000000001
        ("65%", "PASS"),
        ("64,9%", "FAIL"),
        (65, "PASS"),
        (64, "FAIL"),
    ],
)
def test_threshold_is_exact(value: object, status: str) -> None:
    frame = pd.DataFrame({"commune": ["Xã A"], "1.6": [value]})
    assert str(cds.evaluate_frame(frame, year=2022)["1.6"][0]) == status
    assert cds.evaluate({"1.6": value}, 2022)["1.6"].status.value == status


def test_counts_are_compared_in_whole_numbers() -> None:
    frame = pl.DataFrame({"commune": ["A", "B", "C"], "year": [2025] * 3,
                          "2.5_num": [27, 26, None], "2.5_den": [33, 33, None]})
    out = cds.evaluate_frame(frame)
    # 27/33 = 81.8% >= 80%; 26/33 = 78.8% < 80%
    assert out["2.5"].cast(pl.String).to_list() == ["PASS", "FAIL", "MISSING"]


def test_every_bad_cell_is_reported_with_row_and_column() -> None:
    frame = pd.DataFrame({
        "commune": ["A", "B", "C"],
        "year": [2024, 2024, 2024],
        "1.6": ["80%", "tám mươi", "120"],
        "1.1": ["Có", "có lẽ", None],
        "2.5_num": [3, 5, 1],
        "2.5_den": [4, 4, 0],
        "4.7": [True, None, False],
    })
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate_frame(frame)
    got = [(p.row, p.column, p.message_en) for p in caught.value.problems]
    assert got == [
        (1, "1.1", "criterion 1.1: cannot read 'có lẽ' as yes/no (Có/Không)"),
        (1, "1.6", "criterion 1.6: cannot read 'tám mươi' as a rate (e.g. 80, 80%, 57,5%, 19/33)"),
        (2, "1.6", "criterion 1.6: '120' is outside 0–100%"),
        (1, "2.5_num", "criterion 2.5: the numerator 5 is greater than the denominator 4"),
        (2, "2.5_den", "criterion 2.5: the denominator 0 must be greater than 0"),
    ]
    assert str(caught.value.problems[0]) == (
        "dòng 1, cột 1.1: chỉ tiêu 1.1: không đọc được 'có lẽ' là Có/Không")


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        ({"year": [2024], "1.6": [80]},
         ["the table has no column 'commune' (accepted, in any case: 'commune', 'Xã', "
          "'Tên xã', 'Xã, phường, thị trấn', 'Xã/phường/thị trấn')"]),
        ({"commune": ["A"], "1.6": [80]},
         ["the table has no column 'year' (accepted, in any case: 'year', 'Năm')"]),
        ({"commune": ["A"], "year": [2024], "9.9": [1]},
         ["column '9.9' is not a criterion of framework thanh-hoa-1829"]),
        ({"commune": ["A"], "year": [2024], "2.5_num": [1]},
         ["criterion 2.5: column '2.5_num' needs the column '2.5_den' beside it"]),
        ({"commune": ["A"], "year": [2024], "2.5": [1], "2.5_num": [1], "2.5_den": [2]},
         ["criterion 2.5: given both as a rate column and as count columns; use one"]),
        ({"commune": ["A", "B"], "year": [2021, None]},
         ["year 2021 is not in framework thanh-hoa-1829 (years with targets: 2022, 2023, "
          "2024, 2025)",
          "year None is not in framework thanh-hoa-1829 (years with targets: 2022, 2023, "
          "2024, 2025)"]),
    ],
)
def test_bad_columns_and_years_are_input_errors(columns: dict[str, list[object]],
                                                 expected: list[str]) -> None:
    frame = pl.DataFrame(columns, strict=False)
    with pytest.raises(cds.InputError) as caught:
        cds.evaluate_frame(frame)
    assert [p.message_en for p in caught.value.problems] == expected


def _duplicated_pandas() -> object:
    return pd.DataFrame([["A", 2024, 80, 70]], columns=["commune", "year", "2.5", "2.5"])


def _duplicated_pyarrow() -> object:
    return pa.table([pa.array(["A"]), pa.array([2024]), pa.array([80]), pa.array([70])],
                    names=["commune", "year", "2.5", "2.5"])


def _number_named_pandas() -> object:
    return pd.DataFrame({"commune": ["A"], "year": [2024], 2.5: [80]})


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_duplicated_pandas,
         ["cột 2.5: bảng có 2 cột cùng tên '2.5'; mỗi cột cần một tên riêng"]),
        (_duplicated_pyarrow,
         ["cột 2.5: bảng có 2 cột cùng tên '2.5'; mỗi cột cần một tên riêng"]),
        (_number_named_pandas,
         ['cột 2.5: tên cột phải là chuỗi ký tự, không phải 2.5 (ví dụ: "2.5", không phải 2.5)']),
    ],
)
def test_duplicate_and_non_text_column_names_are_input_errors(
    make: Callable[[], object], expected: list[str]
) -> None:
    """A repeated column or a column named by a number is refused, not read by guesswork."""
    with pytest.raises(cds.InputError) as caught:
        cds.evaluate_frame(make())
    assert [str(p) for p in caught.value.problems] == expected


def test_not_a_table_is_refused() -> None:
    with pytest.raises(cds.InputError) as caught:
        cds.evaluate_frame({"commune": ["A"]})
    assert str(caught.value) == "không đọc được bảng kiểu dict (dùng pandas, polars hoặc pyarrow)"


def test_year_argument_and_district_are_kept() -> None:
    frame = pa.table({"commune": ["Xã Vĩnh Long"], "district": ["Vĩnh Lộc"], "1.6": [78.4]})
    out = cds.evaluate_frame(frame, year=2024)
    assert isinstance(out, pa.Table)
    assert out.column_names[:3] == ["commune", "district", "year"]
    assert out.column("year").to_pylist() == [2024]
    assert out.column("1.6").to_pylist() == ["PASS"]
    with pytest.raises(cds.UnknownYearError):
        cds.evaluate_frame(frame, year=2030)


def test_mixed_object_column_tells_true_from_one() -> None:
    frame = pd.DataFrame({"commune": ["A", "B"], "1.6": pd.Series([1, True], dtype=object)})
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate_frame(frame, year=2024)
    assert [(p.row, p.code) for p in caught.value.problems] == [(1, "bool_for_rate")]


def _policy_rows(framework: cds.Framework, year: int,
                 rows: list[dict[str, object]]) -> tuple[pd.DataFrame, list[cds.Report]]:
    frame = pd.DataFrame({"commune": [f"Xã {i}" for i in range(len(rows))],
                          **{c.id: pd.Series([r.get(c.id) for r in rows], dtype=object)
                             for c in framework}})
    reports = [cds.evaluate(r, year, framework=framework) for r in rows]
    return frame, reports


def _assert_same(out: pd.DataFrame, reports: list[cds.Report], scored: bool) -> None:
    for position, report in enumerate(reports):
        row = out.iloc[position]
        assert {v.criterion: str(row[v.criterion]) for v in report} == {
            v.criterion: v.status.value for v in report}
        assert str(row["completion"]) == report.completion.value
        assert str(row["failed"]) == ", ".join(report.failed)
        if scored:
            assert report.score is not None and report.max_score is not None
            assert Fraction(row["score_exact"]) == report.score
            assert row["score"] == float(report.score)
            assert row["max_score"] == float(report.max_score)
            assert (None if pd.isna(row["level"]) else row["level"]) == report.level
        else:
            assert "score" not in out.columns


@pytest.mark.parametrize("policy", ["all", "share", "points"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_share_and_points_frameworks_equal_evaluate_row_by_row(policy: str,
                                                               data: st.DataObject) -> None:
    """Rule: for a random framework (every comparison: at_least, at_most, above, below, yes)
    completed by every criterion, a share of criteria or points, each row's statuses,
    completion and failed ids (and for points its score, maximum and level, exactly) are those
    evaluate() gives for that row."""
    from cds_indicators import strategies as cst

    framework = data.draw(cst.frameworks(completion=policy))
    year = data.draw(st.sampled_from(framework.years))
    rows = data.draw(st.lists(cst.values_for(framework, year), min_size=1, max_size=8))
    frame, reports = _policy_rows(framework, year, rows)
    out = cds.evaluate_frame(frame, year=year, framework=framework)
    _assert_same(out, reports, scored=policy == "points")


@pytest.mark.parametrize("name", ["dti-example", "tinh-long-2024"])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_shipped_frameworks_equal_evaluate_row_by_row(name: str, data: st.DataObject) -> None:
    """Rule: the frameworks shipped beside Decision 1829 (one scored in points, one with count
    criteria) give in a table exactly what evaluate() gives row by row."""
    from cds_indicators import strategies as cst

    framework = cds.load_framework(name)
    year = data.draw(st.sampled_from(framework.years))
    rows = data.draw(st.lists(cst.values_for(framework, year), min_size=1, max_size=8))
    frame, reports = _policy_rows(framework, year, rows)
    out = cds.evaluate_frame(frame, year=year, framework=framework)
    _assert_same(out, reports, scored=framework.completion == "points")


def _set_order(framework: cds.Framework, text: str) -> tuple[bool, ...]:
    """The place of a set of failed criteria among the ``failed`` categories: up to 64
    criteria, the order of the set as a number whose lowest bit is the first criterion; beyond,
    the order of its bits read from the first criterion."""
    failed = set(text.split(", ")) if text else set()
    bits = tuple(c.id in failed for c in framework)
    return bits[::-1] if len(bits) <= 64 else bits


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_failed_sets_of_many_criteria_equal_evaluate_row_by_row(data: st.DataObject) -> None:
    """Rule: with up to 80 criteria (the sets beside their row numbers in one word, or not;
    more than 64 criteria, a set kept as bytes), the rows repeating a few sets or all
    different, each row's failed ids are those evaluate() gives, and the ``failed`` categories
    come in the order of the sets (up to 64 criteria, the empty set always first)."""
    from cds_indicators import strategies as cst

    framework = data.draw(cst.frameworks(completion="all", max_criteria=80))
    year = data.draw(st.sampled_from(framework.years))
    sets = data.draw(st.lists(cst.values_for(framework, year), min_size=1, max_size=6))
    rows = [sets[i] for i in data.draw(st.lists(st.integers(0, len(sets) - 1), min_size=1,
                                                max_size=80))]
    frame, reports = _policy_rows(framework, year, rows)
    out = cds.evaluate_frame(frame, year=year, framework=framework)
    _assert_same(out, reports, scored=False)
    categories = list(out["failed"].cat.categories)
    assert categories[0] == "" or len(framework) > 64
    assert categories == sorted(categories, key=lambda t: _set_order(framework, t))


def _doubled() -> cds.Framework:
    """Decision 1829 with each criterion twice (``2.5`` and ``2.5b``): 74 criteria."""
    import attrs

    return attrs.evolve(FRAMEWORK, pillars=tuple(
        attrs.evolve(p, criteria=(*p.criteria, *(attrs.evolve(c, id=f"{c.id}b")
                                                 for c in p.criteria)))
        for p in FRAMEWORK.pillars))


@pytest.mark.parametrize("passing", [0.5, 0.97])
def test_more_than_64_criteria_give_the_same_table_in_every_library(passing: float) -> None:
    """With 74 criteria (a set of failed criteria no longer fits one word), rows all different
    or repeating a few sets: polars and pyarrow give the table pandas gives, and the failed
    ids of a row are those evaluate() gives."""
    import random

    framework = _doubled()
    draw = random.Random(1829)
    rows = 300
    columns: dict[str, list[object]] = {"commune": [f"Xã {i}" for i in range(rows)]}
    for c in framework:
        if c.kind is cds.Kind.RATE:
            columns[c.id] = [None if draw.random() < 0.02 else
                             round(draw.uniform(80, 100) if draw.random() < passing
                                   else draw.uniform(0, 100), 1) for _ in range(rows)]
        else:
            columns[c.id] = [draw.random() < passing for _ in range(rows)]
    table = pa.table(columns)
    results = [statuses(cds.evaluate_frame(as_library(table, library), year=2024,
                                           framework=framework)) for library in LIBRARIES]
    assert results[1] == results[0] and results[2] == results[0]
    for row in range(0, rows, 37):
        values = {k: v[row] for k, v in columns.items() if k != "commune"}
        report = cds.evaluate(values, 2024, framework=framework)
        assert results[0][row]["failed"] == ", ".join(report.failed)


@pytest.mark.parametrize("own_text", ["default", "objects"])
@pytest.mark.parametrize("passing", [0.5, 0.97])
def test_pandas_failed_categories_are_held_as_pandas_holds_its_text(passing: float,
                                                                    own_text: str) -> None:
    """pandas' ``failed`` is a categorical whose categories have the type pandas gives text of
    its own (``str``, Arrow's, with pandas 3 and pyarrow; Python objects where pandas is told
    to keep text as objects), each row's text the ids evaluate() gives, whether the rows share
    a few sets or nearly none."""
    import warnings

    if own_text == "default":
        _failed_categories_as_own_text(passing)
        return
    with warnings.catch_warnings():
        # pandas 3 still takes the option, and says it will not for long.
        warnings.filterwarnings("ignore", message=".*future.infer_string")
        try:
            pd.get_option("future.infer_string")
        except KeyError:
            pytest.skip("this pandas always holds text as str")
        with pd.option_context("future.infer_string", False):
            _failed_categories_as_own_text(passing)


def _failed_categories_as_own_text(passing: float) -> None:
    import random

    draw = random.Random(37)
    rows = 500
    columns: dict[str, list[object]] = {"commune": [f"Xã {i}" for i in range(rows)]}
    for c in FRAMEWORK:
        columns[c.id] = ([round(draw.uniform(0, 100) if draw.random() > passing else 100, 1)
                          for _ in range(rows)] if c.kind is cds.Kind.RATE
                         else [draw.random() < passing for _ in range(rows)])
    out = cds.evaluate_frame(pd.DataFrame(columns), year=2024)
    assert out["failed"].cat.categories.dtype == pd.Index(["1.1"]).dtype
    assert out["failed"].cat.categories.is_unique
    for row in range(0, rows, 7):
        report = cds.evaluate({k: v[row] for k, v in columns.items() if k != "commune"}, 2024)
        assert out["failed"][row] == ", ".join(report.failed)


def test_points_columns_in_polars_and_pyarrow() -> None:
    framework = cds.load_framework("dti-example")
    values = {"CQ1": "Có", "CQ2": 70.5, "CQ3": 2, "CQ4": 0, "KT1": 80, "XH1": 61, "XH2": True}
    report = cds.evaluate(values, 2024, framework=framework)
    table = pa.table({"commune": ["Xã A"], **{k: [v] for k, v in values.items()}})
    for native in (table, pl.from_arrow(table)):
        out = cds.evaluate_frame(native, year=2024, framework=framework)
        rows = rows_of(out)
        assert report.score is not None
        assert (Fraction(rows[0]["score_exact"]), rows[0]["level"]) == (report.score,
                                                                        report.level)


# --- who each row is -----------------------------------------------------------------------------


@pytest.mark.parametrize("library", [*LIBRARIES, "pandas-object"])
@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        ({"commune": ["Xã A", "Xã B", "Xã A"], "year": [2024, 2024, 2024]},
         [(2, "commune", "Xã A năm 2024 đã có ở dòng 0", "Xã A in 2024 already appears at row 0")]),
        ({"commune": ["Xã A", " xã  a ", "XÃ A", "Xã A"], "year": [2024, 2024, 2025, 2025]},
         [(1, "commune", " xã  a  năm 2024 đã có ở dòng 0",
           " xã  a  in 2024 already appears at row 0"),
          (3, "commune", "Xã A năm 2025 đã có ở dòng 2", "Xã A in 2025 already appears at row 2")]),
        ({"commune": ["Xã A", "Xã A", "Xã A"], "district": ["H1", "H2", "h1"],
          "year": [2024, 2024, 2024]},
         [(2, "commune", "Xã A (h1) năm 2024 đã có ở dòng 0",
           "Xã A (h1) in 2024 already appears at row 0")]),
        ({"commune": ["Xã A", "Xã A"], "year": [2024, 2025]}, []),
        # Rows without a commune are no commune-year: refused as load_values refuses them.
        ({"commune": ["Xã A", "Xã A", None, None], "year": [2024, 2025, 2024, 2024]},
         [(2, "commune", "thiếu tên xã (commune)", "the commune's name is missing (commune)"),
          (3, "commune", "thiếu tên xã (commune)", "the commune's name is missing (commune)")]),
    ],
)
def test_a_commune_year_given_twice_is_refused(library, columns, expected):
    """As load_values: a row repeating an earlier row's commune, district and year (names
    compared case, spacing and Unicode form aside) is refused at each repeat, naming the first."""
    if library == "pandas-object":
        native = pa.table(columns).to_pandas().astype({"commune": object})
    else:
        native = as_library(pa.table(columns), library)
    if not expected:
        assert len(rows_of(cds.evaluate_frame(native))) == len(columns["commune"])
        return
    for _ in range(2):  # the second time with the names' classes already known
        with pytest.raises(cds.InputError) as caught:
            cds.evaluate_frame(native)
        found = [(p.row, p.column, p.message, p.message_en) for p in caught.value.problems]
        assert found == expected
    assert {p.code for p in caught.value.problems} == (
        {"duplicate_commune_year"} if columns["commune"][2] is not None else {"missing_commune"})


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        ({"commune": ["Xã A", 7, 2.5]},
         [(1, "commune", "tên xã (commune) phải là chuỗi ký tự, không phải 7",
           "the commune name must be a string, not 7"),
          (2, "commune", "tên xã (commune) phải là chuỗi ký tự, không phải 2.5",
           "the commune name must be a string, not 2.5")]),
        ({"commune": ["Xã A", "Xã B"], "district": ["H", True]},
         [(1, "district", "tên huyện (district) phải là chuỗi ký tự, không phải True",
           "the district name must be a string, not True")]),
        ({"commune": [1.5, 2.5]},
         [(0, "commune", "tên xã (commune) phải là chuỗi ký tự, không phải 1.5",
           "the commune name must be a string, not 1.5"),
          (1, "commune", "tên xã (commune) phải là chuỗi ký tự, không phải 2.5",
           "the commune name must be a string, not 2.5")]),
    ],
)
def test_a_name_that_is_not_text_is_refused(columns, expected):
    """As evaluate(commune=7.5): a commune or district cell that is not text is refused (a
    whole number is a commune's code: tests/test_codes.py)."""
    frame = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in columns.items()})
    with pytest.raises(cds.InputError) as caught:
        cds.evaluate_frame(frame, year=2024)
    assert [(p.row, p.column, p.message, p.message_en) for p in caught.value.problems] == expected
    with pytest.raises(cds.InputError) as scalar:
        cds.evaluate({}, 2024, commune=7.5)
    assert scalar.value.problems[0].code == caught.value.problems[0].code == "name_not_text"


# --- the header vocabulary -----------------------------------------------------------------------

#: Headers that name the commune, district and year as load_values reads them, each with its role.
HEADERS = {role: [*names, *(n.upper() for n in names), *(f" {n.title()} :" for n in names)]
           for role, names in (("commune", ["commune", "Xã", "Tên xã", "Xã, phường, thị trấn",
                                            "xã/phường/thị trấn"]),
                               ("district", ["district", "Huyện", "Tên huyện",
                                             "Huyện, thị xã, thành phố"]),
                               ("year", ["year", "Năm"]))}
DESCRIPTIVE = ["STT", "Ghi chú", "Tên chỉ tiêu", "Đơn vị chủ trì", "Chỉ tiêu năm 2025"]


@pytest.mark.parametrize("library", LIBRARIES)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=tables(), data=st.data())
def test_any_header_of_the_vocabulary_gives_the_same_table(library: str, table: pa.Table,
                                                           data: st.DataObject) -> None:
    """Renaming the commune, district and year columns to any header load_values accepts, and
    adding columns that describe criteria for people, changes nothing in the result: its
    columns are still named commune, district and year."""
    table = table.append_column("district", pa.array(["Vĩnh Lộc"] * table.num_rows))
    expected = _outcome(as_library(table, library))
    renamed = {role: data.draw(st.sampled_from(names), label=role)
               for role, names in HEADERS.items()}
    extra = data.draw(st.lists(st.sampled_from(DESCRIPTIVE), unique=True), label="descriptive")
    spelled = table.rename_columns([renamed.get(name, name) for name in table.column_names])
    for name in extra:
        spelled = spelled.append_column(name, pa.array(["ghi chú"] * table.num_rows))
    assert _outcome(as_library(spelled, library)) == expected


def _outcome(native: object) -> object:
    """The statuses, or the problems (at criterion columns) of a table that is refused."""
    try:
        return statuses(cds.evaluate_frame(native))
    except cds.CdsError as error:
        return [(p.code, p.row, p.column, p.message) for p in error.problems]


def test_a_csv_file_and_a_frame_with_the_same_headers_give_the_same_verdicts(tmp_path) -> None:
    text = "STT,Tên xã,Huyện,Năm,1.6,2.5,Ghi chú\n1,Xã A,Vĩnh Lộc,2024,78.4,19/33,\n"
    path = tmp_path / "xa.csv"
    path.write_text(text, encoding="utf-8")
    record = cds.load_values(path)[0]
    report = cds.evaluate(record.values, record.year, commune=record.commune,
                          district=record.district)
    frame = pd.read_csv(path, dtype={"1.6": str, "2.5": str})
    row = rows_of(cds.evaluate_frame(frame))[0]
    assert (row["commune"], row["district"], row["year"]) == ("Xã A", "Vĩnh Lộc", 2024)
    assert {v.criterion: str(row[v.criterion]) for v in report} == {
        v.criterion: v.status.value for v in report}
    assert str(row["completion"]) == report.completion.value


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        ({"commune": ["A"], "Xã": ["A"], "year": [2024]},
         [("Xã", "cột 'commune' và cột 'Xã' đều là cột Xã (commune); chỉ giữ một cột",
           "columns 'commune' and 'Xã' both hold the commune (Xã); keep one")]),
        ({"Tên xã": ["A"], "Huyện": ["H"], "district:": ["H"], "NĂM": [2024], "year": [2024]},
         [("district:", "cột 'Huyện' và cột 'district:' đều là cột Huyện (district); "
           "chỉ giữ một cột", "columns 'Huyện' and 'district:' both hold the district (Huyện); "
           "keep one"),
          ("year", "cột 'NĂM' và cột 'year' đều là cột Năm (year); chỉ giữ một cột",
           "columns 'NĂM' and 'year' both hold the year (Năm); keep one")]),
        ({"Xã, phường, thị trấn": ["A"], "xã/phường/thị trấn": ["B"], "Năm": [2024]},
         [("xã/phường/thị trấn", "cột 'Xã, phường, thị trấn' và cột 'xã/phường/thị trấn' đều "
           "là cột Xã (commune); chỉ giữ một cột", "columns 'Xã, phường, thị trấn' and "
           "'xã/phường/thị trấn' both hold the commune (Xã); keep one")]),
    ],
)
@pytest.mark.parametrize("library", LIBRARIES)
def test_two_columns_naming_one_role_are_refused(library: str, columns: dict[str, list[object]],
                                                 expected: list[tuple[str, str, str]]) -> None:
    """A table that names its commune, district or year twice is refused, not read from one of
    the two by guesswork; the problem is at the second column and names the first."""
    with pytest.raises(cds.InputError) as caught:
        cds.evaluate_frame(as_library(pa.table(columns), library))
    assert [(p.code, p.column, p.message, p.message_en) for p in caught.value.problems] == [
        ("frame_same_role", *e) for e in expected]


def test_problems_name_the_columns_as_the_table_heads_them() -> None:
    """A bad year, a repeated commune-year and a name that is not text are located at the
    table's own headers, not at commune, district or year."""
    bad_year = pl.DataFrame({"Tên xã": ["A", "B"], "Năm:": [2024, 2030]})
    with pytest.raises(cds.InputError) as caught:
        cds.evaluate_frame(bad_year)
    assert [(p.row, p.column) for p in caught.value.problems] == [(1, "Năm:")]
    twice = pd.DataFrame({"Xã": ["A", "a"], "HUYỆN": pd.Series(["H", 7], dtype=object)})
    with pytest.raises(cds.InputError) as caught:
        cds.evaluate_frame(twice, year=2024)
    assert [(p.row, p.column, p.code) for p in caught.value.problems] == [
        (1, "HUYỆN", "name_not_text")]
    with pytest.raises(cds.InputError) as caught:
        cds.evaluate_frame(pd.concat([twice.head(1)] * 2, ignore_index=True), year=2024)
    assert [(p.row, p.column, str(p)) for p in caught.value.problems] == [
        (1, "Xã", "dòng 1, cột Xã: A (H) năm 2024 đã có ở dòng 0")]


def test_a_column_that_is_neither_a_header_nor_a_criterion_is_still_refused() -> None:
    """The vocabulary widens the headers read, not the columns let through: a misspelt header
    is an unknown column, as before."""
    with pytest.raises(cds.InputError) as caught:
        cds.evaluate_frame(pd.DataFrame({"Tên xa": ["A"], "Năm": [2024]}))
    assert [p.message_en for p in caught.value.problems] == [
        "the table has no column 'commune' (accepted, in any case: 'commune', 'Xã', "
        "'Tên xã', 'Xã, phường, thị trấn', 'Xã/phường/thị trấn')",
        "column 'Tên xa' is not a criterion of framework thanh-hoa-1829"]


# --- names told apart once, on shapes that could trip the shortcuts ------------------------------
# A text column's names are told apart once by Arrow (runs of equal names only at their first
# row; the bytes of the distinct names looked at for codes); an object column's cells are read
# one by one. Both must give the same table, or the same refusal.

def _runs_of(names: list[str], length: int, rows: int) -> list[str]:
    return [names[(i // length) % len(names)] for i in range(rows)]


#: name → (columns, year=): shapes on which the names' shortcuts must change nothing.
SHAPES: dict[str, tuple[dict[str, list[object]], int | None]] = {
    "districts in runs": ({"commune": [f"Xã {i % 50}" for i in range(300)],
                           "district": [f"Huyện {i // 50}" for i in range(300)]}, 2024),
    "communes in runs over the years": (
        {"commune": [f"Xã {i // 4}" for i in range(256)],
         "year": [FRAMEWORK.years[i % 4] for i in range(256)]}, None),
    "a repeat inside a run": ({"commune": _runs_of(["Xã A", "Xã B", "XÃ  A"], 40, 120),
                               "district": ["H"] * 120}, 2024),
    "runs broken by empty cells": (
        {"commune": [f"Xã {i}" for i in range(200)],
         "district": [None if i % 25 == 0 else f"Huyện {i // 40}" for i in range(200)]}, 2024),
    "names of digits": ({"commune": ["15361", " 15361 ", "15361\u3000", "15361\x1f",
                                     "１５３６１", "Xã 15361", "15361a"],
                         "year": [2022, 2023, 2024, 2025, 2024, 2024, 2024]}, None),
    "a code repeating a name": ({"commune": ["Xã Vĩnh Long", "15361"],
                                 "year": [2024, 2024]}, None),
    "names holding NUL": ({"commune": ["Xã A\x00B", "Xã A", "\x00", "A\x00", "\x00\x00"],
                           "district": ["H", "H", "H", "\x00", "H"]}, 2024),
    "a NUL name folding like another": ({"commune": ["Xã A\x00B", "Xã A", "XÃ  A\x00B "],
                                         "district": ["H"] * 3}, 2024),
    "many names, two folding alike": ({"commune": [*(f"Xã Vĩnh {i}" for i in range(300)),
                                                   "XÃ VĨNH  7 ", "Xã Vĩnh 300"],
                                       "district": ["H"] * 302}, 2024),
    "no rows": ({"commune": [], "district": []}, 2024),
    "every name empty": ({"commune": [None] * 70, "district": [None] * 70}, 2024),
}


def _result_or_refusal(frame: object, year: int | None) -> object:
    try:
        out = cds.evaluate_frame(frame, year=year)
    except cds.CdsError as error:
        return [(p.code, p.row, p.column, p.message, p.message_en) for p in error.problems]
    # An empty name cell comes back as the table held it (None, NaN): compared as empty.
    return [{k: "None" if v in ("nan", "<NA>") else v for k, v in row.items()}
            for row in statuses(out)]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("library", [*LIBRARIES, "pandas-str"])
def test_names_told_apart_at_once_give_what_each_cell_gives(shape: str, library: str) -> None:
    """Whatever the shape of the names (runs, repeats within a run, empty cells, names of
    digits, no rows), a table whose name columns are typed as text gives the table, or the
    refusal, that the same names in a pandas ``object`` column (read cell by cell) give."""
    if shape.startswith(("names of digits", "a code")):
        pytest.importorskip("vietnamadminunits")
    columns, year = SHAPES[shape]
    rows = len(columns["commune"])
    values = {"1.1": [i % 3 == 0 for i in range(rows)],
              "2.5": [float(i % 101) for i in range(rows)]}
    general = pd.DataFrame({**{k: pd.Series(v, dtype=object) for k, v in columns.items()},
                            **values})
    if library == "pandas-str":
        native: object = pd.DataFrame({**{k: pd.Series(v, dtype="str")
                                          for k, v in columns.items() if k != "year"},
                                       **{k: v for k, v in columns.items() if k == "year"},
                                       **values})
    else:
        arrow = pa.table({**{k: pa.array(v, pa.string() if k != "year" else pa.int64())
                             for k, v in columns.items()}, **values})
        native = as_library(arrow, library)
    assert _result_or_refusal(native, year) == _result_or_refusal(general, year)


def test_names_of_digits_are_read_as_codes_whatever_spaces_surround_them() -> None:
    """A code is ASCII digits within spaces (any space Python strips: ``\\u3000``, ``\\x1f``);
    fullwidth digits, or digits beside a letter, are a name."""
    pytest.importorskip("vietnamadminunits")
    columns, _ = SHAPES["names of digits"]
    out = cds.evaluate_frame(pd.DataFrame({k: pd.Series(v, dtype="str" if k == "commune"
                                                        else None)
                                           for k, v in columns.items()}))
    assert out["commune"].tolist()[:7] == [*["Xã Vĩnh Long"] * 3, "Xã Tây Đô", "１５３６１",
                                           "Xã 15361", "15361a"]
    assert out["code"].tolist()[:4] == ["15361"] * 4
    assert out["code"][4:].isna().all()
