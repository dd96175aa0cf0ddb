"""Properties of single verdicts: monotonicity, exactness at the threshold, order, refusals."""

from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators import strategies as cst

# A framework with exactly one criterion, so that a property talks about that criterion.
single = cst.frameworks(max_criteria=1)
DOWNWARD = {cds.Comparison.AT_MOST, cds.Comparison.BELOW}
STRICT = {cds.Comparison.ABOVE, cds.Comparison.BELOW}


def _status(framework, year, value):
    criterion = framework.criteria[0]
    return cds.evaluate({criterion.id: value}, year, framework=framework)[criterion.id].status


@given(single, st.data())
def test_improving_a_value_never_turns_pass_into_fail(framework, data):
    """For an at_least or above criterion a larger value, for an at_most or below criterion a
    smaller one, and for yes/no "yes" instead of "no", never turns PASS into FAIL (in any
    accepted form)."""
    criterion = framework.criteria[0]
    year = data.draw(st.sampled_from(framework.years))
    assume(criterion.targets[year] is not None)
    a, b = sorted([data.draw(cst.exact_values(criterion)), data.draw(cst.exact_values(criterion))])
    worse, better = (b, a) if criterion.comparison in DOWNWARD else (a, b)
    before = _status(framework, year, data.draw(cst.forms_of(criterion, worse)))
    after = _status(framework, year, data.draw(cst.forms_of(criterion, better)))
    assert {before, after} <= {cds.Status.PASS, cds.Status.FAIL}
    assert not (before is cds.Status.PASS and after is cds.Status.FAIL)


@given(single, st.data())
def test_the_threshold_itself_decides_alike_in_every_form(framework, data):
    """A value exactly at the threshold, written in any accepted form, passes ``at_least`` and
    ``at_most`` and fails the strict ``above`` and ``below``; the smallest step past it, on the
    side the target asks for, passes a strict target, and on the other side fails an inclusive
    one."""
    criterion = framework.criteria[0]
    year = data.draw(st.sampled_from(framework.years))
    target = criterion.targets[year]
    assume(target is not None)
    exact = True if target.threshold is None else target.threshold
    strict = target.comparison in STRICT
    at = cds.Status.FAIL if strict else cds.Status.PASS
    assert _status(framework, year, data.draw(cst.forms_of(criterion, exact))) is at
    if target.threshold is None:
        assert _status(framework, year, False) is cds.Status.FAIL
        return
    step = Fraction(1, 10**9) if criterion.kind is cds.Kind.RATE else Fraction(1)
    # Past the threshold towards the values a strict target wants, away from them otherwise.
    towards_smaller = (target.comparison in DOWNWARD) == strict
    past = exact - step if towards_smaller else exact + step
    upper = Fraction(100) if criterion.kind is cds.Kind.RATE else None
    assume(past >= 0 and (upper is None or past <= upper))
    value = past if criterion.kind is cds.Kind.RATE else int(past)
    assert _status(framework, year, value) is (cds.Status.PASS if strict else cds.Status.FAIL)


@given(cst.frameworks(), st.data())
def test_the_order_of_values_does_not_matter(framework, data):
    """Evaluating the same values given in another order gives the same report."""
    year = data.draw(st.sampled_from(framework.years))
    values = data.draw(cst.values_for(framework, year))
    shuffled = dict(data.draw(st.permutations(list(values.items()))))
    first = cds.evaluate(values, year, framework=framework)
    second = cds.evaluate(shuffled, year, framework=framework)
    assert first == second


@given(cst.frameworks(), st.data())
def test_every_bad_value_is_refused_naming_its_criterion(framework, data):
    """Every value from ``bad_values_for`` is refused with a CdsError whose problem names the
    criterion it was given for, whatever valid values surround it."""
    year = data.draw(st.sampled_from(framework.years))
    values = data.draw(cst.values_for(framework, year))
    criterion, bad = data.draw(cst.bad_values_for(framework))
    values[criterion] = bad
    with pytest.raises(cds.CdsError) as caught:
        cds.evaluate(values, year, framework=framework)
    assert [p.criterion for p in caught.value.problems] == [criterion]
