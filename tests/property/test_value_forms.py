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


class _Text(str):
    """Text that no quick decision takes (it is not exactly a ``str``): read by the readers."""


class _Decimal(Decimal):
    """A Decimal that no quick decision takes: read by the readers."""


def _digits(most: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=1, max_size=most)


def _percent_text() -> st.SearchStrategy[str]:
    """Percentages as text, plain and not: whole parts near every threshold and beyond 100,
    leading zeros, 0 to 25 decimals (so 1 to more than 12 significant digits), a comma or a
    point, ``%`` (once or twice), spaces, signs, exponents, marks at either end, digits of
    another script."""
    wholes = st.one_of(st.integers(0, 120).map(str), _digits(4))
    decimals = st.one_of(st.just(""), _digits(3), _digits(25))
    marks = st.sampled_from([",", "."])
    affixes = st.sampled_from(["", "", "", "%", " %", "%%", " ", "e1", "E-2", "_0", ".", ","])
    prefixes = st.sampled_from(["", "", "", " ", "+", "-", "0", ".", ",", "٥"])
    plain = st.builds(lambda w, m, d: f"{w}{m}{d}" if d else w, wholes, marks, decimals)
    return st.builds(lambda pre, text, post: pre + text + post, prefixes, plain, affixes)


@given(st.sampled_from(CASES), _percent_text())
@example(CASES[0], "57,5%")
@example(CASES[0], "100,0%")
@example(CASES[0], "100,05")
@example(CASES[0], "99,99999999999999999999")
@example(CASES[0], "8.100")
@example(CASES[0], "8,100")
def test_percent_text_decides_as_the_readers_read_it(case, text):
    """Text decided straight from the value (looked up, or by its whole part) gives what the
    readers give for the same text: the same status, value and completion, or the same
    refusal."""
    framework, criterion, year, _ = case
    assert _outcome(framework, criterion.id, year, text) == _outcome(
        framework, criterion.id, year, _Text(text))


@given(st.sampled_from(CASES), st.one_of(
    _percent_text().filter(lambda text: "%" not in text and "_" not in text).map(
        lambda text: text.replace(",", ".").strip()),
    st.sampled_from(["NaN", "-NaN", "sNaN", "Infinity", "-Infinity", "1E-500", "0E-500",
                     "1E+2", "1.00E+2", "-0", "-0.0", "0.000001", "0.0000001"])))
@example(CASES[0], "57.50")
@example(CASES[0], "1" + "0" * 40)
def test_a_decimal_decides_as_the_readers_read_it(case, text):
    """A Decimal compared straight with the threshold gives what the readers give for the same
    Decimal: the same status, value and completion, or the same refusal."""
    framework, criterion, year, _ = case
    try:
        value = Decimal(text)
    except ArithmeticError:
        return
    assert _outcome(framework, criterion.id, year, value) == _outcome(
        framework, criterion.id, year, _Decimal(value))


YES_NO = [(framework, criterion, year) for framework in FRAMEWORKS for year in framework.years
          for criterion in framework if criterion.kind is cds.Kind.YES_NO]


@given(st.sampled_from(YES_NO), st.one_of(
    st.sampled_from(["Có", "có", "CÓ", " Có ", "Không", "KHÔNG", "không đạt", "Chưa Đạt",
                     "Đạt", "yes", "No", "True", "FALSE", "không áp dụng", "Có!", "", "57"]),
    st.text(max_size=6)))
def test_yes_no_words_decide_as_the_readers_read_them(case, word):
    """A yes/no word decided straight from the value (looked up among the usual spellings, or
    folded) gives what the readers give for the same word."""
    framework, criterion, year = case
    assert _outcome(framework, criterion.id, year, word) == _outcome(
        framework, criterion.id, year, _Text(word))


def _rate_framework(comparison: cds.Comparison, threshold: Fraction) -> cds.Framework:
    target = cds.Target(label=f"{float(threshold)}%", kind=cds.Kind.RATE, comparison=comparison,
                        threshold=threshold)
    criterion = cds.Criterion(id="1", pillar="p0", name="Tỷ lệ", unit="%", kind=cds.Kind.RATE,
                              conditional=False, mandatory=False, targets={2024: target})
    return cds.Framework(id="generated", title="Khung thử", years=(2024,),
                         pillars=(cds.Pillar(code="p0", name="Nhóm", criteria=(criterion,)),),
                         completion="all", schema_version=2)


_THRESHOLDS = st.one_of(
    st.integers(0, 1000).map(lambda k: Fraction(k, 10)),
    st.integers(0, 10_000).map(lambda k: Fraction(k, 100)),
    st.builds(Fraction, st.integers(0, 300), st.sampled_from([3, 7, 11, 64, 1024])).filter(
        lambda t: t <= 100))


@given(st.sampled_from([c for c in cds.Comparison if c is not cds.Comparison.YES]),
       _THRESHOLDS, st.data())
@example(cds.Comparison.AT_LEAST, Fraction(115, 2), None)
@example(cds.Comparison.ABOVE, Fraction(229, 4), None)
@example(cds.Comparison.BELOW, Fraction(229, 4), None)
@example(cds.Comparison.AT_MOST, Fraction(0), None)
def test_any_threshold_decides_text_and_decimals_as_the_readers_do(comparison, threshold, data):
    """For any threshold (tenths, hundredths, thirds and sevenths that no decimal ends) and every
    comparison, percentage text near it and its Decimal give what the readers give."""
    framework = _rate_framework(comparison, threshold)
    if data is None:
        texts = ["57,5%", "57,49", "57,50001", "57", "58", "57,5 %", "57,25%", "57.25",
                 "57,24", "57,26%", "57,250", "0,00", "0.01%", "100,00%", "100,01"]
    else:
        near = data.draw(_near(threshold))
        places = data.draw(st.integers(0, 14))
        whole, rest = divmod(abs(near.numerator) * 10**places // near.denominator, 10**places)
        text = f"{whole},{rest:0{places}d}" if places else str(whole)
        texts = [data.draw(st.sampled_from([text, text + "%", text.replace(",", ".")])),
                 data.draw(_percent_text())]
    for text in texts:
        assert _outcome(framework, "1", 2024, text) == _outcome(
            framework, "1", 2024, _Text(text))
        try:
            value = Decimal(text.replace(",", "."))
        except ArithmeticError:
            continue
        assert _outcome(framework, "1", 2024, value) == _outcome(
            framework, "1", 2024, _Decimal(value))
