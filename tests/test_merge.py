"""merge(): the values of communes merged into one (the 1 July 2025 merger)."""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators import NOT_APPLICABLE, MeasurementError, Record, merge, ratio
from cds_indicators.strategies import values_for

FRAMEWORK = cds.load_framework()
DTI = cds.load_framework("dti-example")


def merged(parts: Any, **options: Any) -> dict[str, Any]:
    return dict(merge(parts, into="Xã Mới", **options).values)


# --- what a merged value is -------------------------------------------------------------------

# (parts as {name: values}, options, framework, the merged values expected)
RULES = [
    pytest.param(
        {"A": {"2.5": ratio(19, 33)}, "B": {"2.5": ratio(5, 10)}, "C": {"2.5": ratio(0, 4)}},
        {}, FRAMEWORK, {"2.5": ratio(19 + 5 + 0, 33 + 10 + 4)}, id="rates-as-counts-summed",
    ),
    pytest.param(
        {"A": {"2.5": "19/33"}, "B": {"2.5": {"numerator": 5, "denominator": 10}}},
        {}, FRAMEWORK, {"2.5": ratio(19 + 5, 33 + 10)}, id="every-counts-form",
    ),
    pytest.param(
        {"A": {"1.6": 80}, "B": {"1.6": ratio(3, 4)}},
        {"weights": {"A": {"1.6": 10}}}, FRAMEWORK, {"1.6": ratio(80 * 10 // 100 + 3, 10 + 4)},
        id="percent-with-weight-whole",
    ),
    pytest.param(
        {"A": {"1.6": 82}, "B": {"1.6": ratio(3, 4)}},
        {"weights": {"A": 7}}, FRAMEWORK,
        {"1.6": 100 * (Fraction(82 * 7, 100) + 3) / (7 + 4)}, id="percent-with-weight-inexact",
    ),
    pytest.param(
        {"A": {"1.6": "82%"}, "B": {"1.6": Decimal("57.5")}},
        {"weights": {"A": 50, "B": 41}}, FRAMEWORK,
        {"1.6": 100 * (Fraction(82 * 50, 100) + Fraction(575 * 41, 1000)) / (50 + 41)},
        id="percentages-with-weights",
    ),
    pytest.param(
        {"A": {"1.6": "82%"}, "B": {"1.6": Decimal("57.5")}},
        {"weights": {"A": 50, "B": 40}}, FRAMEWORK, {"1.6": ratio(41 + 23, 50 + 40)},
        id="percentages-with-weights-whole",
    ),
    pytest.param(
        {"A": {"CQ3": 2}, "B": {"CQ3": "3"}, "C": {"CQ4": 0}, "D": {"CQ4": 1}},
        {"missing": "skip"}, DTI, {"CQ3": 2 + 3, "CQ4": 0 + 1}, id="counts-summed",
    ),
    pytest.param(
        {"A": {"4.7": True}, "B": {"4.7": "Không"}}, {}, FRAMEWORK, {"4.7": False},
        id="yes-no-all",
    ),
    pytest.param(
        {"A": {"4.7": True}, "B": {"4.7": "Không"}}, {"yes_no": "any"}, FRAMEWORK,
        {"4.7": True}, id="yes-no-any",
    ),
    pytest.param(
        {"A": {"4.7": "Có"}, "B": {"4.7": True}}, {}, FRAMEWORK, {"4.7": True}, id="yes-no-both",
    ),
    pytest.param(
        {"A": {"4.8": NOT_APPLICABLE}, "B": {"4.8": "Không"}}, {}, FRAMEWORK, {"4.8": False},
        id="not-applicable-part-left-out",
    ),
    pytest.param(
        {"A": {"4.8": NOT_APPLICABLE}, "B": {"4.8": "không áp dụng"}}, {}, FRAMEWORK,
        {"4.8": NOT_APPLICABLE}, id="not-applicable-everywhere",
    ),
    pytest.param(
        {"A": {"2.5": ratio(1, 2)}, "B": {}}, {}, FRAMEWORK, {}, id="missing-propagates",
    ),
    pytest.param(
        {"A": {"2.5": ratio(1, 2)}, "B": {"2.5": None}, "C": {"2.5": ratio(2, 3)}},
        {"missing": "skip"}, FRAMEWORK, {"2.5": ratio(1 + 2, 2 + 3)}, id="missing-skipped",
    ),
    pytest.param(
        {"A": {"1.6": 82}, "B": {"1.6": ""}}, {"missing": "skip"}, FRAMEWORK, {"1.6": 82},
        id="one-value-kept-without-weights",
    ),
]


@pytest.mark.parametrize(("parts", "options", "framework", "expected"), RULES)
def test_rules(parts, options, framework, expected):
    assert merged(parts, framework=framework, **options) == expected


def test_counts_are_summed_not_counted_as_yes_no():
    """A count criterion (schema 2) is summed: 2 classes and 3 classes make 5."""
    result = merged([{"CQ3": 2}, {"CQ3": 3}], framework=DTI)
    assert result == {"CQ3": 5}
    assert cds.evaluate(result, 2025, framework=DTI)["CQ3"].value == 5


def test_inexact_weighted_rate_is_an_exact_percentage():
    """82 % of 7 is 5.74: the merged rate is the exact percentage, and the report has no counts."""
    result = merged({"A": {"1.6": 82}, "B": {"1.6": ratio(3, 4)}}, weights={"A": 7})
    verdict = cds.evaluate(result, 2025)["1.6"]
    assert verdict.value == Fraction(874, 11)
    assert verdict.counts is None


def test_records_named_by_their_commune_and_year_district_kept():
    parts = [
        Record(commune="Xã Vĩnh Long", year=2024, district="Vĩnh Lộc", values={"1.6": 82}),
        Record(commune="Xã Vĩnh Thịnh", year=2024, district="Vĩnh Lộc",
               values={"1.6": ratio(3, 4)}),
    ]
    record = merge(parts, into="Xã Vĩnh Long Mới", weights={"Xã Vĩnh Long": {"1.6": 50}})
    assert record == Record(commune="Xã Vĩnh Long Mới", year=2024, district="Vĩnh Lộc",
                            values={"1.6": ratio(41 + 3, 50 + 4)})


def test_district_given_and_districts_differing():
    parts = [Record(commune="A", year=None, district="Vĩnh Lộc", values={}),
             Record(commune="B", year=None, district="Nga Sơn", values={})]
    assert merge(parts, into="X").district is None
    assert merge(parts, into="X", district="Vĩnh Lộc").district == "Vĩnh Lộc"


def test_quantities_of_counted_units_are_summed_and_checked():
    pytest.importorskip("pint")
    u = cds.units
    parts = {
        "A": {"2.5": ratio(19 * u.enterprise, 33 * u.enterprise)},
        "B": {"2.5": ratio(5, 10)},
        "C": {"2.5": {"numerator": 2 * u.enterprise, "denominator": 4 * u.enterprise}},
    }
    assert merged(parts) == {"2.5": ratio(19 + 5 + 2, 33 + 10 + 4)}
    with pytest.raises(MeasurementError) as caught:
        merge({**parts, "D": {"2.5": ratio(1 * u.household, 2 * u.household)}}, into="X")
    assert [p.message_en for p in caught.value.problems] == [
        "D: criterion 2.5: this rate counts enterprise, not household"]


def test_percent_quantity_is_a_percentage():
    pytest.importorskip("pint")
    parts = {"A": {"1.6": 82 * cds.units.percent}, "B": {"1.6": ratio(3, 4)}}
    assert merged(parts, weights={"A": 50}) == {"1.6": ratio(41 + 3, 50 + 4)}


# --- refusals -------------------------------------------------------------------------------

PERCENT_ONLY = (
    "{part}: criterion {criterion}: {value!r} is only a percentage and cannot be merged exactly; "
    "give counts (numerator/denominator) or pass this commune's weights (its denominator)"
)

# (parts, options, every problem in English, whether the error is also a TypeError)
REFUSALS = [
    pytest.param([], {}, ["there are no communes to merge"], False, id="no-parts"),
    pytest.param({}, {}, ["there are no communes to merge"], False, id="no-named-parts"),
    pytest.param(
        5, {},
        ["expected a list of parts (Records or mappings of criterion id → value) or a mapping "
         "of commune name → values, not int (5)"], True, id="not-a-list",
    ),
    pytest.param(
        "Xã A", {},
        ["expected a list of parts (Records or mappings of criterion id → value) or a mapping "
         "of commune name → values, not str ('Xã A')"], True, id="a-string",
    ),
    pytest.param(
        [{"1.6": 1}, 5], {}, ["#2: neither a Record nor a mapping of criterion id → value: 5"],
        True, id="a-part-not-a-mapping",
    ),
    pytest.param(
        {"A": {}, 3: {}}, {}, ["a commune's name is a string, not 3"], False, id="name-not-text",
    ),
    pytest.param(
        [Record(commune="A", year=None, values={}), Record(commune="A", year=None, values={})],
        {}, ["commune 'A' is given twice"], False, id="duplicate-part",
    ),
    pytest.param(
        {"A": {}}, {"yes_no": "most"},
        ["unknown yes/no merge rule 'most' (use \"all\" or \"any\")"], False, id="bad-yes-no",
    ),
    pytest.param(
        {"A": {}}, {"missing": "zero"},
        ["unknown rule for missing values 'zero' (use \"propagate\" or \"skip\")"], False,
        id="bad-missing",
    ),
    pytest.param(
        {"A": {}}, {"into": ""},
        ["the merged commune's name (into) must be a non-empty string, not ''"], True,
        id="bad-into",
    ),
    pytest.param(
        [Record(commune="A", year=2024, values={}), Record(commune="B", year=None, values={}),
         Record(commune="C", year=2025, values={})], {},
        ["the merged communes' values are for different years: A (2024), C (2025)"], False,
        id="years-differ",
    ),
    pytest.param(
        {"A": {"1.6": 82}, "B": {"1.6": "70%"}, "C": {"1.6": ratio(1, 2)}}, {},
        [PERCENT_ONLY.format(part="A", criterion="1.6", value=82),
         PERCENT_ONLY.format(part="B", criterion="1.6", value="70%")], False,
        id="percentages-without-weights",
    ),
    pytest.param(
        {"A": {"1.6": 82, "9.9": 7}, "B": {"1.6": 101, "4.2": 1}}, {},
        ["A: there is no criterion '9.9' in framework thanh-hoa-1829",
         "B: criterion 1.6: 101 is outside 0–100%",
         PERCENT_ONLY.format(part="A", criterion="1.6", value=82),
         "B: criterion 4.2: 1 is a number, but this criterion does not count things (a counted one has a unit that counts and the target Có): give yes/no (Có/Không) / 'đáp ứng'"], False,
        id="bad-values-named-by-part",
    ),
    pytest.param(
        {"A": {"1.6": ratio(1, 2)}, "B": {"1.6": NOT_APPLICABLE}}, {},
        ["B: criterion 1.6 is not conditional (“nếu có”) and cannot be declared not applicable"],
        False, id="not-applicable-for-an-unconditional-criterion",
    ),
    pytest.param(
        {"A": {"1.6": ratio(1, 2)}, "B": {"1.6": ratio(3, 4)}}, {"weights": [7, 8]},
        ["weights must map commune names to denominators, not [7, 8]"], True,
        id="weights-not-a-mapping",
    ),
    pytest.param(
        {"A": {"1.6": 82}, "B": {"1.6": ratio(3, 4)}},
        {"weights": {"A": 7, "Z": 3, "B": {"4.7": 1, "1.6": 5, "1.99": 2}}},
        ["weights: 'Z' is not one of the merged communes (A, B)",
         "weights: criterion 4.7 of B is not a rate; weights are for rates only",
         "weights: there is no criterion '1.99' (of B) in framework thanh-hoa-1829",
         "B: criterion 1.6: the weight 5 differs from the denominator 4 given"], False,
        id="weights-unknown-commune-non-rate-conflict",
    ),
    pytest.param(
        {"A": {"1.6": 82}, "B": {"1.6": ratio(3, 4)}},
        {"weights": {"A": 0, "B": {"1.6": 2.5}}},
        ["weights: the weight (denominator) 0 of A must be a positive whole number",
         "weights: criterion 1.6 of B: the weight (denominator) 2.5 must be a positive whole "
         "number",
         PERCENT_ONLY.format(part="A", criterion="1.6", value=82)], False, id="bad-weights",
    ),
    pytest.param(
        {"A": {}}, {"yes_no": None, "missing": None, "into": None},
        ["the merged commune's name (into) must be a non-empty string, not None",
         "unknown yes/no merge rule None (use \"all\" or \"any\")",
         "unknown rule for missing values None (use \"propagate\" or \"skip\")"], True,
        id="every-argument-at-once",
    ),
]


@pytest.mark.parametrize(("parts", "options", "messages", "type_error"), REFUSALS)
def test_refusals(parts, options, messages, type_error):
    options = {"into": "Xã Mới", **options}
    with pytest.raises(MeasurementError) as caught:
        merge(parts, **options)
    assert [p.message_en for p in caught.value.problems] == messages
    assert isinstance(caught.value, TypeError) is type_error
    assert isinstance(caught.value, cds.CdsError) and isinstance(caught.value, ValueError)


def test_refusal_in_vietnamese_names_part_criterion_and_file():
    parts = [
        Record(commune="Xã Vĩnh Long", year=2024, values={"2.5": ratio(5, 4)},
               source="vinh-long.toml"),
        Record(commune="Xã Vĩnh Thịnh", year=2024, values={"2.5": ratio(1, 4)}),
    ]
    with pytest.raises(MeasurementError) as caught:
        merge(parts, into="X")
    (problem,) = caught.value.problems
    assert (problem.criterion, problem.source, problem.code) == (
        "2.5", "vinh-long.toml", "numerator_above_denominator")
    assert str(caught.value) == (
        "vinh-long.toml: Xã Vĩnh Long: chỉ tiêu 2.5: tử số 5 lớn hơn mẫu số 4")


def test_unknown_criterion_keeps_its_value():
    with pytest.raises(MeasurementError) as caught:
        merge({"A": {"3.1O": "Có"}}, into="X")
    (problem,) = caught.value.problems
    assert (problem.criterion, problem.value) == ("3.1O", "Có")


# --- properties -----------------------------------------------------------------------------

counts = st.integers(1, 500).flatmap(lambda d: st.tuples(st.integers(0, d), st.just(d)))


@st.composite
def rate_parts(draw: st.DrawFn) -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
    """2–6 parts for 1.6, each as counts or as a percentage with its weight."""
    parts: dict[str, dict[str, Any]] = {}
    weights: dict[str, int] = {}
    for i in range(draw(st.integers(2, 6))):
        num, den = draw(counts)
        name = f"Xã {i}"
        if draw(st.booleans()):
            parts[name] = {"1.6": ratio(num, den)}
        else:
            parts[name] = {"1.6": Fraction(draw(st.integers(0, 1000)), 10)}
            weights[name] = den
    return parts, weights


def rate_of(value: Any) -> Fraction:
    found = cds.evaluate({"1.6": value}, 2025)["1.6"].value
    assert isinstance(found, Fraction)
    return found


@settings(max_examples=150)
@given(rate_parts())
def test_merged_rate_lies_between_its_parts(drawn):
    """A merged rate is never below its lowest part's rate nor above its highest."""
    parts, weights = drawn
    rates = [rate_of(values["1.6"]) for values in parts.values()]
    result = rate_of(merged(parts, weights=weights)["1.6"])
    assert min(rates) <= result <= max(rates)


@settings(max_examples=100)
@given(st.lists(counts, min_size=1, max_size=6), st.lists(st.integers(0, 40), min_size=1,
                                                           max_size=6))
def test_merged_counts_are_the_sums(rates, classes):
    """Merging rates given as counts gives ratio(Σ numerators, Σ denominators); merging counts
    gives their sum."""
    n = max(len(rates), len(classes))
    parts = {
        f"Xã {i}": {"KT1": ratio(*rates[i % len(rates)]), "CQ3": classes[i % len(classes)]}
        for i in range(n)
    }
    result = merged(parts, framework=DTI)
    numerators = sum(rates[i % len(rates)][0] for i in range(n))
    denominators = sum(rates[i % len(rates)][1] for i in range(n))
    assert result["KT1"] == ratio(numerators, denominators)
    assert result["CQ3"] == sum(classes[i % len(classes)] for i in range(n))


@settings(max_examples=100)
@given(st.sampled_from([FRAMEWORK, DTI]).flatmap(
    lambda f: st.tuples(st.just(f), st.sampled_from(f.years)).flatmap(
        lambda fy: st.tuples(st.just(fy[0]), st.just(fy[1]), values_for(fy[0], fy[1])))))
def test_merging_one_part_is_the_identity(drawn):
    """Merging a single commune gives a commune whose report is the same as the part's."""
    framework, year, values = drawn
    record = merge([values], into="Xã", framework=framework)
    assert cds.evaluate(record.values, year, framework=framework) == cds.evaluate(
        values, year, framework=framework)


@st.composite
def mixed_parts(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    """2–5 parts with counted rates, yes/no and not-applicable values of Decision 1829."""
    parts = {}
    for i in range(draw(st.integers(2, 5))):
        parts[f"Xã {i}"] = {
            "2.5": ratio(*draw(counts)),
            "4.7": draw(st.booleans()),
            "4.8": draw(st.sampled_from([True, False, NOT_APPLICABLE])),
        }
    return parts


@settings(max_examples=100)
@given(mixed_parts(), st.sampled_from(["all", "any"]), st.randoms(use_true_random=False))
def test_merging_does_not_depend_on_the_order(parts, yes_no, rnd: random.Random):
    """Merging the same parts listed in another order gives the same commune."""
    names = list(parts)
    rnd.shuffle(names)
    shuffled = {name: parts[name] for name in names}
    assert merge(parts, into="X", yes_no=yes_no) == merge(shuffled, into="X", yes_no=yes_no)


def test_a_loaded_record_is_merged_from_its_readings_not_read_again(tmp_path):
    """Values are read once, at their door: merging loaded records judges the readings they
    carry. Garbling the typed values after loading changes nothing."""
    path = tmp_path / "parts.json"
    path.write_text(
        '[{"commune": "A", "year": 2025, "values": {"2.5": "19/33", "1.6": "8/10", "4.5": "Có"}},'
        ' {"commune": "B", "year": 2025, "values": {"2.5": "5/10", "1.6": "9/10", "4.5": "Có"}}]',
        encoding="utf-8",
    )
    records = cds.load_values(path)
    garbled = [attrs.evolve(r, values={k: object() for k in r.values}) for r in records]
    assert cds.merge(garbled, into="AB").values == cds.merge(records, into="AB").values
    assert cds.merge(records, into="AB").values["2.5"] == cds.ratio(24, 43)
