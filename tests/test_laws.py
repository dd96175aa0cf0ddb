"""Laws of one commune-year's evaluation, checked on random values of every accepted form."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

import cds_indicators as cds

FRAMEWORK = cds.load_framework()
RATES = [c.id for c in FRAMEWORK if c.kind is cds.Kind.RATE]
YES_NO = [c.id for c in FRAMEWORK if c.kind is cds.Kind.YES_NO]
CONDITIONAL = [c.id for c in FRAMEWORK if c.conditional]

percents = st.fractions(min_value=0, max_value=100, max_denominator=1000)
counts = st.integers(min_value=1, max_value=10_000).flatmap(
    lambda d: st.tuples(st.integers(min_value=0, max_value=d), st.just(d))
)


def _rate_forms(percent: Fraction) -> st.SearchStrategy[object]:
    forms: list[object] = [percent]
    if percent.denominator in (1, 2, 4, 5, 10, 20, 25, 50, 100):
        decimal = Decimal(percent.numerator) / Decimal(percent.denominator)
        forms += [decimal, f"{decimal}%", f"{decimal}".replace(".", ",") + " %"]
        if percent.denominator == 1:
            forms.append(int(percent))
    return st.sampled_from(forms)


rate_values = st.one_of(
    percents.flatmap(_rate_forms),
    counts.map(lambda c: cds.ratio(*c)),
    st.none(),
)
yes_no_values = st.sampled_from([True, False, "Có", "Không", "có", "đạt", "chưa đạt", None])
years = st.sampled_from(FRAMEWORK.years)


@st.composite
def commune_values(draw: st.DrawFn) -> dict[str, object]:
    chosen = draw(st.lists(st.sampled_from([c.id for c in FRAMEWORK]), unique=True))
    values: dict[str, object] = {}
    for criterion in chosen:
        if criterion in CONDITIONAL and draw(st.booleans()):
            values[criterion] = cds.NOT_APPLICABLE
        elif criterion in RATES:
            values[criterion] = draw(rate_values)
        else:
            values[criterion] = draw(yes_no_values)
    return values


@given(st.sampled_from(RATES), years, percents, percents)
def test_raising_a_rate_never_turns_pass_into_fail(criterion, year, a, b):
    """If a rate passes, any higher rate for the same criterion and year passes too."""
    low, high = sorted((a, b))
    before = cds.evaluate({criterion: low}, year)[criterion].status
    after = cds.evaluate({criterion: high}, year)[criterion].status
    assert not (before is cds.Status.PASS and after is cds.Status.FAIL)


@given(st.sampled_from(RATES), years, counts, st.integers(min_value=0, max_value=10_000))
def test_more_counted_units_never_turn_pass_into_fail(criterion, year, pair, more):
    """Adding units to the numerator (within the denominator) never turns a pass into a fail."""
    numerator, denominator = pair
    raised = min(denominator, numerator + more)
    before = cds.evaluate({criterion: cds.ratio(numerator, denominator)}, year)[criterion]
    after = cds.evaluate({criterion: cds.ratio(raised, denominator)}, year)[criterion]
    assert not (before.passed and after.status is cds.Status.FAIL)


@given(commune_values(), commune_values(), years)
def test_adding_values_never_completes_a_failed_commune(values, extra, year):
    """Values for other criteria never turn NOT_COMPLETED into COMPLETED."""
    before = cds.evaluate(values, year)
    others = {k: v for k, v in extra.items() if k not in values}
    after = cds.evaluate(values | others, year)
    if before.completion is cds.Completion.NOT_COMPLETED:
        assert after.completion is cds.Completion.NOT_COMPLETED


@given(commune_values(), years)
def test_completed_only_when_nothing_with_a_target_fails_or_is_missing(values, year):
    """COMPLETED exactly when no criterion with a target is FAIL or MISSING."""
    report = cds.evaluate(values, year)
    blocking = [
        v for v in report.verdicts
        if v.target is not None and v.status in (cds.Status.FAIL, cds.Status.MISSING)
    ]
    assert report.completed == (not blocking)
    assert (report.completion is cds.Completion.NOT_COMPLETED) == bool(report.failed)


@given(commune_values(), years)
def test_report_round_trips_through_its_dict(values, year):
    """Report.from_dict(r.to_dict()) == r."""
    report = cds.evaluate(values, year, commune="Xã Vĩnh Long")
    assert cds.Report.from_dict(report.to_dict()) == report


@given(commune_values(), years, st.randoms())
def test_order_of_values_does_not_matter(values, year, random):
    """The report does not depend on the order the values were given in."""
    items = list(values.items())
    random.shuffle(items)
    assert cds.evaluate(dict(items), year) == cds.evaluate(values, year)


@given(st.sampled_from(RATES), years)
def test_the_threshold_itself_passes_in_every_form(criterion, year):
    """A value exactly at the threshold passes whatever form it is given in."""
    target = FRAMEWORK[criterion].target(year)
    if target is None:
        return
    threshold = target.percent
    assert threshold is not None
    forms = [threshold, int(threshold), float(threshold), str(threshold), f"{threshold}%",
             target.label, cds.ratio(int(threshold), 100), cds.ratio(int(threshold) * 3, 300)]
    for form in forms:
        assert cds.evaluate({criterion: form}, year)[criterion].passed, form
