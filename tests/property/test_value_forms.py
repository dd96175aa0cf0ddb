"""A value decides as its exact reading does, whatever form it comes in.

``evaluate()`` decides the common forms (``int``, ``float``, plain text such as ``"57,5%"``,
``Decimal``, ``ratio`` of ints, yes/no words) straight from the value; a ``Fraction`` is read by
the readers and compared. These properties hold each form against the ``Fraction`` of its exact
reading, at, just beside and far from every threshold of Decision 1829 and of a framework with
"at most" and "above" targets.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import cds_indicators as cds

FRAMEWORKS = [cds.load_framework(name) for name in ("thanh-hoa-1829", "tinh-long-2024")]
CASES = [(framework, criterion, year, criterion.targets[year])
         for framework in FRAMEWORKS for year in framework.years for criterion in framework
         if criterion.kind is cds.Kind.RATE]


def _outcome(framework: cds.Framework, criterion: str, year: int, value: Any) -> Any:
    try:
        report = cds.evaluate({criterion: value}, year, framework=framework)
    except cds.MeasurementError as error:
        return [problem.code for problem in error.problems]
    verdict = report[criterion]
    return verdict.status, verdict.value, report.completion


def _near(threshold: Fraction | None) -> st.SearchStrategy[Fraction]:
    """Exact percentages at, just beside (by 10^-k) and away from ``threshold``."""
    base = Fraction(50) if threshold is None else threshold
    steps = st.sampled_from([Fraction(0), *(Fraction(s, 10**k) for k in (1, 2, 6, 11, 13)
                                            for s in (1, -1))])
    return st.one_of(st.builds(lambda step: base + step, steps),
                     st.builds(Fraction, st.integers(0, 10**5), st.sampled_from([1, 10, 1000])))


@given(st.sampled_from(CASES), st.data())
@example(CASES[0], None)
def test_every_form_decides_as_its_exact_reading(case, data):
    """For each form of an exact percentage near a threshold (an int, its decimal text with a
    comma or a point and an optional ``%``, a ``Decimal``, counts out of 10^k, the nearest
    float), ``evaluate()`` gives the status, value and completion that the ``Fraction`` of its
    exact reading gives (the float's reading is its 12-digit decimal), or the same refusal."""
    framework, criterion, year, target = case
    if data is None:
        exact, form = Fraction(100), 100.00000000001
    else:
        exact = data.draw(_near(None if target is None else target.threshold))
        places = 0
        while (exact * 10**places).denominator != 1:
            places += 1
        digits = f"{abs(exact.numerator) * 10**places // exact.denominator:0{places + 1}d}"
        text = digits if not places else f"{digits[:-places]}.{digits[-places:]}"
        text = ("-" if exact < 0 else "") + text
        forms = [text, text.replace(".", ","), text + "%", f" {text.replace('.', ',')} % ",
                 Decimal(text), float(exact)]
        if exact.denominator == 1:
            forms.append(int(exact))
        if 0 <= exact <= 100:
            forms.append(cds.ratio(int(exact * 10**places), 100 * 10**places))
        form = data.draw(st.sampled_from(forms))
    reading = (Fraction(format(form, ".12g")) if isinstance(form, float)
               else exact)
    assert _outcome(framework, criterion.id, year, form) == _outcome(
        framework, criterion.id, year, reading)


@given(st.sampled_from(CASES),
       st.floats(allow_nan=True, allow_infinity=True, allow_subnormal=True))
def test_any_float_decides_as_its_twelve_digit_reading(case, value):
    """Any float at all (negative, subnormal, beyond 100, infinite, NaN) gives what its 12-digit
    reading given as a ``Fraction`` gives, NaN what a missing value gives, and infinity the
    refusal of a number that is not finite."""
    framework, criterion, year, _ = case
    if value != value:
        assert _outcome(framework, criterion.id, year, value) == _outcome(
            framework, criterion.id, year, None)
        return
    if value in (float("inf"), float("-inf")):
        assert _outcome(framework, criterion.id, year, value) == ["not_finite"]
        return
    reading = Fraction(format(value, ".12g"))
    ours, exact = (_outcome(framework, criterion.id, year, value),
                   _outcome(framework, criterion.id, year, reading))
    assert ours == exact


@pytest.mark.parametrize(("value", "reading"), [
    ("57,5%", Fraction(115, 2)),
    ("  57.5 % ", Fraction(115, 2)),
    ("100,0", Fraction(100)),
    ("0", Fraction(0)),
    (Decimal("-0"), Fraction(0)),
    (Decimal("1E+1"), Fraction(10)),
    (Decimal("57.50"), Fraction(115, 2)),
    (-0.0, Fraction(0)),
    (100.00000000001, Fraction(100)),
    ("٥٧", Fraction(57)),
])
def test_forms_at_the_edges_of_the_quick_decision(value, reading):
    """Forms at the edges of what ``evaluate()`` decides straight from the value (signs,
    exponents, spaces, digits of other scripts, floats a hair above 100) give what the exact
    reading gives."""
    framework = FRAMEWORKS[0]
    for _, criterion, year, _ in CASES[:26]:
        assert _outcome(framework, criterion.id, year, value) == _outcome(
            framework, criterion.id, year, reading)
