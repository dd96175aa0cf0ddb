"""Comparisons: one rule per comparison, the same verdict whichever evaluator applies it."""

import math
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators._model.comparisons import RULES

NUMERIC = [c for c in cds.Comparison if c is not cds.Comparison.YES]


def test_every_comparison_has_one_rule():
    assert set(RULES) == set(cds.Comparison)
    assert all(rule.comparison is comparison for comparison, rule in RULES.items())
    assert [c.value for c in NUMERIC] == ["at_least", "at_most", "above", "below"]
    for comparison in NUMERIC:
        rule = RULES[comparison]
        assert rule.numeric and rule.needed is not None and rule.printed
    assert not RULES[cds.Comparison.YES].numeric


@pytest.mark.parametrize("comparison", list(cds.Comparison))
def test_the_strategies_generate_every_comparison(comparison):
    """The test kit's criteria come with every comparison, labelled in the decision's words."""
    from hypothesis import find

    from cds_indicators import strategies as cst

    found = find(cst.criteria(), lambda c: c.comparison is comparison
                 and any(t is not None for t in c.targets.values()))
    label = next(t.label for t in found.targets.values() if t is not None)
    if comparison is not cds.Comparison.YES:
        assert any(label == words.format(cell) for words in RULES[comparison].printed
                   for cell in label.split())


@pytest.mark.parametrize(
    ("comparison", "signs", "at", "above", "below"),
    [
        (cds.Comparison.AT_LEAST, ("≥", "<"), True, True, False),
        (cds.Comparison.AT_MOST, ("≤", ">"), True, False, True),
        (cds.Comparison.ABOVE, (">", "≤"), False, True, False),
        (cds.Comparison.BELOW, ("<", "≥"), False, False, True),
        (cds.Comparison.YES, ("=", "≠"), None, None, None),
    ],
)
def test_each_rule_decides_and_signs_as_its_words(comparison, signs, at, above, below):
    """At, just above and just below the threshold 90 %, each comparison says what its
    Vietnamese words say, and writes the sign that is true of the value."""
    target = cds.Target(label="x", kind=cds.Kind.RATE, comparison=comparison,
                        threshold=Fraction(90))
    assert target.signs() == signs
    if comparison is cds.Comparison.YES:
        return
    near = Fraction(1, 10**12)
    assert [target.is_met(Fraction(90) + d) for d in (0, near, -near)] == [at, above, below]


def _with_threshold(threshold):
    criteria = tuple(
        cds.Criterion(id=str(i), pillar="p", name=c.value, unit="%", kind=cds.Kind.RATE,
                      targets={2024: cds.Target(label=f"{c.value} {threshold}", kind=cds.Kind.RATE,
                                                comparison=c, threshold=threshold)})
        for i, c in enumerate(NUMERIC, 1)
    )
    return cds.Framework(id="cmp", title="Comparisons", years=(2024,),
                         pillars=(cds.Pillar(code="p", name="P", criteria=criteria),))


THRESHOLDS = st.one_of(
    st.integers(0, 1000).map(lambda k: Fraction(k, 10)),
    st.fractions(0, 100, max_denominator=10**6),
    st.sampled_from([Fraction(57), Fraction(55), Fraction(80), Fraction(100), Fraction(0)]),
)


def _near(threshold: Fraction) -> list[float]:
    """Floats at and around a threshold: the nearest float, one ulp either side, the noise of
    arithmetic (0.57 * 100), and values that differ in the 12th and 13th digit."""
    at = float(threshold)
    values = [at, math.nextafter(at, math.inf), math.nextafter(at, -math.inf),
              float(threshold / 100) * 100, float(threshold * 3) / 3,
              at * (1 + 1e-12), at * (1 - 1e-12), at * (1 + 1e-11), at * (1 - 1e-11),
              at + 1e-10, at - 1e-10, round(at, 1), round(at)]
    return [v for v in values if 0.0 <= v <= 100.0]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(threshold=THRESHOLDS, extra=st.lists(st.floats(0, 100), max_size=5))
def test_float_columns_decide_every_comparison_as_evaluate_does(threshold, extra):
    """Rule: for every comparison, a float cell at, one ulp beside or a rounding error away from
    the threshold gets from evaluate_frame the status evaluate() gives the same float (read at
    12 significant digits), and the same again as an exact Fraction in an object column."""
    framework = _with_threshold(threshold)
    values = _near(threshold) + extra
    ids = [c.id for c in framework]
    floats = pd.DataFrame({"commune": [f"Xã {i}" for i in range(len(values))],
                           **{cid: np.array(values, dtype=np.float64) for cid in ids}})
    out = cds.evaluate_frame(floats, year=2024, framework=framework)
    exact = [Fraction(cds.evaluate({"1": v}, 2024, framework=framework)["1"].value)
             for v in values]
    objects = floats.assign(**{cid: pd.Series(exact, dtype=object) for cid in ids})
    out_exact = cds.evaluate_frame(objects, year=2024, framework=framework)
    for row, value in enumerate(values):
        report = cds.evaluate(dict.fromkeys(ids, value), 2024, framework=framework)
        expected = {v.criterion: v.status.value for v in report}
        assert {cid: str(out[cid][row]) for cid in ids} == expected, value
        assert {cid: str(out_exact[cid][row]) for cid in ids} == expected, value


@st.composite
def count_pairs(draw):
    threshold = draw(THRESHOLDS)
    den = draw(st.integers(1, 10**6))
    bound = threshold * den / 100
    num = draw(st.sampled_from([math.floor(bound) - 1, math.floor(bound), math.ceil(bound),
                                math.ceil(bound) + 1]) | st.integers(0, den))
    return threshold, min(max(num, 0), den), den


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pair=count_pairs(), more=st.lists(
    st.tuples(st.integers(0, 50), st.integers(1, 50)).map(lambda p: (min(p), max(p))),
    max_size=4))
def test_count_columns_decide_every_comparison_as_evaluate_does(pair, more):
    """Rule: numerator and denominator columns, compared in integers, give for every comparison
    the status evaluate() gives ratio(numerator, denominator); and a failed pair's ``needed``
    units are exactly enough: that many more (or fewer) meets the target, one less does not."""
    threshold, num, den = pair
    framework = _with_threshold(threshold)
    rows = [(num, den), *more]
    ids = [c.id for c in framework]
    frame = pd.DataFrame({"commune": [f"Xã {i}" for i in range(len(rows))],
                          **{f"{cid}_{side}": [r[k] for r in rows]
                             for cid in ids for k, side in enumerate(("num", "den"))}})
    out = cds.evaluate_frame(frame, year=2024, framework=framework)
    for row, (n, d) in enumerate(rows):
        report = cds.evaluate(dict.fromkeys(ids, cds.ratio(n, d)), 2024, framework=framework)
        assert {cid: str(out[cid][row]) for cid in ids} == {
            v.criterion: v.status.value for v in report}
    for verdict in cds.evaluate(dict.fromkeys(ids, cds.ratio(num, den)), 2024,
                                framework=framework):
        if verdict.status is not cds.Status.FAIL:
            continue
        sign = 1 if verdict.target.comparison in (cds.Comparison.AT_LEAST,
                                                  cds.Comparison.ABOVE) else -1
        assert verdict.needed > 0
        enough, short = num + sign * verdict.needed, num + sign * (verdict.needed - 1)
        assume(0 <= enough <= den)
        assert verdict.target.is_met(Fraction(100 * enough, den))
        assert not verdict.target.is_met(Fraction(100 * short, den))


@pytest.mark.parametrize(
    ("comparison", "value", "expected"),
    [
        ("at_least", 3, "3 ≥ 3 (2024) — met"),
        ("above", 3, "3 ≤ trên 3 (2024) — not met, 1 more needed"),
        ("above", 1, "1 ≤ trên 3 (2024) — not met, 3 more needed"),
        ("above", 4, "4 > trên 3 (2024) — met"),
        ("below", 3, "3 ≥ dưới 3 (2024) — not met, 1 fewer needed"),
        ("below", 2, "2 < dưới 3 (2024) — met"),
        ("at_most", 5, "5 > 3 (2024) — not met, 2 fewer needed"),
    ],
)
def test_counts_against_strict_targets(tmp_path, comparison, value, expected):
    """A count against "trên 3" needs 4; against "dưới 3", 2: the remedy counts whole things."""
    label = {"above": "trên 3", "below": "dưới 3"}.get(comparison, "3")
    path = tmp_path / "f.toml"
    path.write_text(f"""schema_version = 2
[framework]
id = "c"
title = "C"
years = [2024]
[[pillars]]
code = "p"
name = "P"
[[criteria]]
id = "1"
pillar = "p"
name = "Lớp tập huấn"
unit = "Lớp"
kind = "count"
comparison = "{comparison}"
targets = {{ 2024 = {{ threshold = "3", label = "{label}" }} }}
""", encoding="utf-8")
    framework = cds.load_framework(path)
    assert framework["1"].comparison is cds.Comparison(comparison)
    verdict = cds.evaluate({"1": value}, 2024, framework=framework)["1"]
    assert verdict.text("en") == f"1 Lớp tập huấn: {expected}"
    assert cds.load_framework(_dumped(tmp_path, framework)) == framework


def _dumped(tmp_path, framework):
    path = tmp_path / "dumped.toml"
    path.write_text(cds.dump_framework(framework), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("comparison", "label", "counts", "expected"),
    [
        ("below", "dưới 50%", (5, 10), "50% ≥ dưới 50% (2024) — not met, 1 fewer of 10 needed"),
        ("below", "dưới 50%", (4, 10), "40% < dưới 50% (2024) — met"),
        ("at_most", "không quá 50%", (7, 10),
         "70% > không quá 50% (2024) — not met, 2 fewer of 10 needed"),
        ("above", "trên 50%", (5, 10), "50% ≤ trên 50% (2024) — not met, 1 more of 10 needed"),
        ("at_least", "50%", (4, 10), "40% < 50% (2024) — not met, 1 more of 10 needed"),
    ],
)
def test_counted_rates_say_how_many_more_or_fewer(comparison, label, counts, expected):
    """A failed rate given as counts says how many of the counted things it must gain, or for
    ``at_most`` and ``below`` lose, to meet the target."""
    target = cds.Target(label=label, kind=cds.Kind.RATE, comparison=cds.Comparison(comparison),
                        threshold=Fraction(50))
    criterion = cds.Criterion(id="1", pillar="p", name="Hộ", unit="%", kind=cds.Kind.RATE,
                              targets={2024: target})
    framework = cds.Framework(id="r", title="R", years=(2024,),
                              pillars=(cds.Pillar(code="p", name="P", criteria=(criterion,)),))
    verdict = cds.evaluate({"1": cds.ratio(*counts)}, 2024, framework=framework)["1"]
    assert verdict.text("en") == f"1 Hộ: {expected}"
