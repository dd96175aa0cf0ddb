"""Hypothesis strategies for testing tools built on cds-indicators.

Install with ``pip install "cds-indicators[testing]"``. The strategies give valid random
frameworks of every kind the schema allows, valid values for them in every accepted form, values
that must be refused, and reports; ``st.from_type(Report)`` (and ``Framework``, ``Criterion``,
``Verdict``, ``Ratio``) use them once the package is installed. See ``docs/testing-kit.md``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

try:
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - exercised in a subprocess by the tests
    from cds_indicators._model.errors import MissingExtraError

    raise MissingExtraError("testing", "hypothesis") from None

from cds_indicators._evaluation.reading import NOT_APPLICABLE, Ratio, ratio
from cds_indicators._evaluation.scalar import evaluate
from cds_indicators._model.comparisons import RULES
from cds_indicators._model.framework import (
    Band,
    Comparison,
    Criterion,
    Framework,
    Kind,
    Level,
    Pillar,
    Scoring,
    Target,
)
from cds_indicators._model.report import Report, Verdict
from cds_indicators._words import format as _text

__all__ = [
    "YES_NO_LABELS",
    "bad_values_for",
    "criteria",
    "exact_values",
    "forms_of",
    "frameworks",
    "ratios",
    "reports",
    "values_for",
    "verdicts",
]

#: Labels that generated yes/no targets print (each means "yes" for its criterion).
YES_NO_LABELS = ("Có", "Sử dụng hiệu quả", "Đáp ứng", "Triển khai sử dụng", "Hoàn thành")
_YES_TEXT = ("Có", "có", "CÓ", "Đạt", "yes", "true")
_NO_TEXT = ("Không", "không", "Chưa đạt", "no", "false")
_HUNDRED = Fraction(100)

_tenths = st.integers(0, 1000).map(lambda k: Fraction(k, 10))


# --- frameworks ----------------------------------------------------------------------------------


def _target(kind: Kind, comparison: Comparison) -> st.SearchStrategy[Target]:
    if kind is Kind.YES_NO:
        return st.sampled_from(YES_NO_LABELS).map(
            lambda label: Target(label=label, kind=kind, comparison=Comparison.YES)
        )
    threshold = _tenths if kind is Kind.RATE else st.integers(0, 30).map(Fraction)

    def build(value: Fraction, printed: str) -> Target:
        cell = (
            f"{_text.number(value, 1)}%" if kind is Kind.RATE else str(int(value))
        )
        return Target(label=printed.format(cell), kind=kind, comparison=comparison,
                      threshold=value)

    return st.builds(build, threshold, st.sampled_from(RULES[comparison].printed))


def _thresholds(kind: Kind) -> st.SearchStrategy[Fraction]:
    return _tenths if kind is Kind.RATE else st.integers(0, 30).map(Fraction)


@st.composite
def _bands(draw: st.DrawFn, kind: Kind, points: Fraction) -> tuple[Band, ...]:
    """1–4 bands, starts and points both decreasing, no band above the maximum."""
    size = draw(st.integers(1, 4))
    starts = sorted(draw(st.sets(_thresholds(kind), min_size=size, max_size=size)),
                    reverse=True)
    halves = st.integers(0, int(points * 2)).map(lambda k: Fraction(k, 2))
    earned = sorted(draw(st.sets(halves, min_size=min(size, int(points * 2) + 1),
                                 max_size=size)), reverse=True)
    return tuple(Band(start=a, points=b) for a, b in zip(starts, earned, strict=False))


@st.composite
def _partial(draw: st.DrawFn, kind: Kind, comparison: Comparison,
             targets: dict[int, Target | None]) -> Fraction | None:
    """A second threshold easier to meet than every year's target, or ``None`` if there is
    none (a target of 0 for ``at_least``)."""
    rule = RULES[comparison]
    candidates = draw(st.lists(_thresholds(kind), min_size=1, max_size=5))
    for found in candidates:
        if all(t is None or t.threshold is None or (
                t.threshold != found and rule.meets(t.threshold, found))
               for t in targets.values()):
            return found
    return None


@st.composite
def criteria(
    draw: st.DrawFn,
    *,
    id: str = "c1",
    pillar: str = "p0",
    years: tuple[int, ...] = (2024,),
    scored: bool = False,
) -> Criterion:
    """A valid criterion of any kind, comparison and scoring, with a target cell for each of
    ``years`` (some ``None``: no target that year)."""
    kind = draw(st.sampled_from(Kind))
    comparison = (
        Comparison.YES if kind is Kind.YES_NO else draw(st.sampled_from(
            [c for c, rule in RULES.items() if rule.numeric]))
    )
    targets = {
        year: draw(st.none() | _target(kind, comparison) if len(years) > 1 else
                   _target(kind, comparison))
        for year in years
    }
    points = scoring = None
    scored_keys: dict[str, Any] = {}
    if scored:
        points = Fraction(draw(st.integers(1, 20)), draw(st.sampled_from([1, 2])))
        upward_ok = kind is not Kind.YES_NO and RULES[comparison].upward
        partial = None if kind is Kind.YES_NO else draw(_partial(kind, comparison, targets))
        scoring = draw(st.sampled_from(
            [Scoring.ALL_OR_NOTHING]
            + ([Scoring.PROPORTIONAL, Scoring.BANDS] if upward_ok else [])
            + ([Scoring.PARTIAL] if partial is not None else [])))
        if scoring is Scoring.BANDS:
            scored_keys["bands"] = draw(_bands(kind, points))
        if scoring is Scoring.PARTIAL:
            denominator = draw(st.integers(2, 4))
            scored_keys["partial"] = partial
            scored_keys["partial_share"] = Fraction(draw(st.integers(1, denominator - 1)),
                                                    denominator)
    return Criterion(
        id=id,
        pillar=pillar,
        name=draw(st.sampled_from(["Tỷ lệ hồ sơ trực tuyến", "Lớp tập huấn", "Kênh giao tiếp"])),
        unit={Kind.RATE: "%", Kind.COUNT: "Lớp", Kind.YES_NO: "Hệ thống"}[kind],
        kind=kind,
        conditional=draw(st.booleans()),
        mandatory=scored and draw(st.booleans()),
        targets=targets,
        points=points,
        scoring=scoring or Scoring.ALL_OR_NOTHING,
        **scored_keys,
    )


@st.composite
def frameworks(
    draw: st.DrawFn,
    *,
    completion: str | None = None,
    max_criteria: int = 8,
) -> Framework:
    """A valid framework: 1–3 pillars, 1–``max_criteria`` criteria of every kind, 1–4 years,
    and the ``completion`` policy given or any (``all``, ``share``, ``points`` with levels)."""
    policy = completion or draw(st.sampled_from(["all", "share", "points"]))
    first = draw(st.integers(2020, 2030))
    years = tuple(sorted(draw(st.sets(st.integers(first, first + 5), min_size=1, max_size=4))))
    codes = [f"p{i}" for i in range(draw(st.integers(1, 3)))]
    count = draw(st.integers(1, max_criteria))
    made = [
        draw(criteria(id=f"{i + 1}", pillar=draw(st.sampled_from(codes)), years=years,
                      scored=policy == "points"))
        for i in range(count)
    ]
    if policy != "all":
        made = [_with_mandatory(c, draw(st.booleans()) and draw(st.booleans())) for c in made]
    pillars = tuple(
        Pillar(code=code, name=f"Nhóm {code}", criteria=tuple(c for c in made if c.pillar == code))
        for code in codes
    )
    share = pass_score = None
    levels: tuple[Level, ...] = ()
    if policy == "share":
        share = Fraction(draw(st.integers(0, 100)))
    if policy == "points":
        total = sum((c.points or Fraction(0) for c in made), Fraction(0))
        pass_score = Fraction(draw(st.integers(0, int(total))))
        cuts = sorted(draw(st.sets(st.integers(0, int(total)), max_size=4)), reverse=True)
        names = ["Tốt", "Khá", "Trung bình", "Yếu"]
        levels = tuple(Level(name=names[i], min_score=Fraction(cut)) for i, cut in enumerate(cuts))
    return Framework(
        id="generated",
        title="Khung tiêu chí thử",
        years=years,
        pillars=pillars,
        completion=policy,
        schema_version=2,
        share=share,
        pass_score=pass_score,
        levels=levels,
    )


def _with_mandatory(criterion: Criterion, mandatory: bool) -> Criterion:
    import attrs

    return attrs.evolve(criterion, mandatory=mandatory)


# --- values --------------------------------------------------------------------------------------


def _rate_forms(value: Fraction) -> list[st.SearchStrategy[Any]]:
    share = value / _HUNDRED
    forms: list[st.SearchStrategy[Any]] = [
        st.just(value),
        st.integers(1, 3).map(lambda m: ratio(share.numerator * m, share.denominator * m)),
        st.just({"numerator": share.numerator, "denominator": share.denominator}),
        st.just(f"{share.numerator}/{share.denominator}"),
    ]
    if value.denominator == 1:
        forms.append(st.just(int(value)))
    try:
        text = _text.decimal(value)
    except ValueError:
        return forms
    forms += [
        st.just(Decimal(text)),
        st.just(text),
        st.just(f"{text}%"),
        st.just(f"{text.replace('.', ',')} %"),
    ]
    if len(text.replace(".", "").lstrip("0")) <= 12:
        forms.append(st.just(float(text)))
    return forms


def _count_forms(value: Fraction) -> list[st.SearchStrategy[Any]]:
    n = int(value)
    return [st.just(n), st.just(str(n)), st.just(f" {n} "), st.just(float(n)),
            st.just(Decimal(n)), st.just(Fraction(n))]


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _yes_no_forms(criterion: Criterion, value: bool) -> list[st.SearchStrategy[Any]]:
    words = list(_YES_TEXT if value else _NO_TEXT)
    if value:
        words += [t.label for t in criterion.targets.values() if t is not None]
    forms = [st.just(value), st.sampled_from(words), st.sampled_from(words).map(_nfd)]
    if criterion.counted:
        # A counted criterion (Điểm phát) is also written as how many: 0 is Không.
        counts = st.integers(1, 60) if value else st.just(0)
        forms.append(counts.flatmap(lambda n: st.one_of(_count_forms(Fraction(n)))))
    return forms


def forms_of(criterion: Criterion, value: Fraction | bool) -> st.SearchStrategy[Any]:
    """Every accepted way of writing the exact ``value`` (percent for a rate, a whole number for
    a count, a bool for yes/no) for ``criterion``: numbers of each type, text in both decimal
    marks with and without ``%``, counts as :func:`ratio`, dicts or ``"n/d"``, Có/Không in NFC
    and NFD, the criterion's own labels, and a count of things for a counted criterion."""
    if criterion.kind is Kind.YES_NO:
        assert isinstance(value, bool)
        return st.one_of(_yes_no_forms(criterion, value))
    assert isinstance(value, Fraction)
    forms = _rate_forms(value) if criterion.kind is Kind.RATE else _count_forms(value)
    return st.one_of(forms)


def exact_values(criterion: Criterion) -> st.SearchStrategy[Fraction | bool]:
    """Valid exact values for ``criterion`` (what :func:`forms_of` writes out)."""
    if criterion.kind is Kind.YES_NO:
        return st.booleans()
    if criterion.kind is Kind.RATE:
        return _tenths | st.builds(Fraction, st.integers(0, 100), st.integers(1, 7)).filter(
            lambda f: f <= _HUNDRED)
    return st.integers(0, 60).map(Fraction)


@st.composite
def values_for(
    draw: st.DrawFn,
    framework: Framework,
    year: int,
    *,
    missing: bool = True,
    exempt: bool = True,
    at_threshold: bool = False,
) -> dict[str, Any]:
    """Valid values for ``framework`` in ``year``, each in any accepted form.

    With ``missing`` some criteria are left out or ``None``; with ``exempt`` some conditional
    criteria are declared :data:`NOT_APPLICABLE` (or ``"không áp dụng"``); with
    ``at_threshold`` every criterion with a target that year gets exactly its threshold (yes
    for a yes/no criterion).
    """
    values: dict[str, Any] = {}
    for criterion in framework:
        if missing and draw(st.integers(0, 5)) == 0:
            if draw(st.booleans()):
                values[criterion.id] = draw(st.sampled_from([None, "", float("nan")]))
            continue
        if exempt and criterion.conditional and draw(st.integers(0, 5)) == 0:
            values[criterion.id] = draw(st.sampled_from([NOT_APPLICABLE, "không áp dụng"]))
            continue
        target = criterion.targets.get(year)
        exact: Fraction | bool
        if at_threshold and target is not None:
            exact = True if target.threshold is None else target.threshold
        else:
            exact = draw(exact_values(criterion))
        values[criterion.id] = draw(forms_of(criterion, exact))
    return values


def _bad(criterion: Criterion) -> list[Any]:
    common: list[Any] = [object(), [1, 2], "???", "80%%"]
    if not criterion.conditional:
        common += [NOT_APPLICABLE, "không áp dụng"]
    if criterion.kind is Kind.RATE:
        return [
            *common, True, False, -1, Fraction(-1, 3), 100.5, 101, Decimal("100.01"), "101%", "-5%",
            float("inf"), float("-inf"), Decimal("Infinity"), ratio(1, 0), ratio(0, 0),
            ratio(5, 3), ratio(1.5, 3), ratio(-1, 3), ratio("a", 3), "5/3", "1/0",
            {"numerator": 1}, {"numerator": 1, "denominator": 0},
        ]
    if criterion.kind is Kind.COUNT:
        return [
            *common, True, False, -1, 2.5, Fraction(5, 2), Decimal("0.5"), "2%", "2,5", "-3",
            float("inf"), Decimal("-Infinity"), ratio(1, 2), {"numerator": 1, "denominator": 2},
        ]
    return [*common, 1, 0, 1.0, Fraction(1), Decimal(1), ratio(1, 1), "có lẽ", "50%"]


@st.composite
def bad_values_for(draw: st.DrawFn, framework: Framework) -> tuple[str, Any]:
    """A criterion id of ``framework`` and a value that must be refused for it, with a
    :class:`CdsError` naming that criterion: bools for rates, numbers for yes/no, rates out of
    0–100 %, infinities, zero denominators, numerators above denominators, counts that are not
    whole, garbage text, :data:`NOT_APPLICABLE` for a criterion that is not conditional."""
    criterion = draw(st.sampled_from(framework.criteria))
    return criterion.id, draw(st.sampled_from(_bad(criterion)))


@st.composite
def reports(draw: st.DrawFn, framework: Framework | None = None) -> Report:
    """Reports of random communes against ``framework`` (or a random framework)."""
    chosen = framework if framework is not None else draw(frameworks())
    year = draw(st.sampled_from(chosen.years))
    values = draw(values_for(chosen, year))
    commune = draw(st.none() | st.sampled_from(["Xã Vĩnh Long", "Xã Tịnh Long", "Phường A"]))
    return evaluate(values, year, framework=chosen, commune=commune)


def verdicts() -> st.SearchStrategy[Verdict]:
    """Verdicts taken from :func:`reports`."""
    return reports().flatmap(lambda report: st.sampled_from(report.verdicts))


def ratios() -> st.SearchStrategy[Ratio]:
    """Valid counts: a numerator no greater than a positive denominator."""
    return st.integers(1, 10_000).flatmap(
        lambda d: st.integers(0, d).map(lambda n: ratio(n, d)))


#: Strategies registered for the public classes by the hypothesis plugin.
TYPE_STRATEGIES: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    Framework: frameworks,
    Criterion: criteria,
    Report: reports,
    Verdict: verdicts,
    Ratio: ratios,
}
