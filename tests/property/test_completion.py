"""The completion laws of each policy, and of points."""

import math
from fractions import Fraction

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators import strategies as cst

C = cds.Completion
S = cds.Status


def _report(framework, data, **options):
    year = data.draw(st.sampled_from(framework.years))
    return cds.evaluate(data.draw(cst.values_for(framework, year, **options)), year,
                        framework=framework)


def _mandatory(framework, report):
    return {v.status for v in report if framework[v.criterion].mandatory}


@given(cst.frameworks(completion="all"), st.data())
def test_all_completes_exactly_when_nothing_fails_or_is_missing(framework, data):
    """Policy ``all``: NOT_COMPLETED iff some criterion fails; otherwise UNDETERMINED iff some
    criterion with a target has no value; otherwise COMPLETED."""
    report = _report(framework, data)
    statuses = {v.status for v in report}
    expected = (C.NOT_COMPLETED if S.FAIL in statuses
                else C.UNDETERMINED if S.MISSING in statuses else C.COMPLETED)
    assert report.completion is expected


@given(cst.frameworks(completion="share"), st.data())
def test_share_of_100_percent_is_all(framework, data):
    """Policy ``share`` at 100 % without mandatory criteria decides exactly as ``all``."""
    plain = [attrs.evolve(c, mandatory=False) for c in framework]
    pillars = tuple(
        attrs.evolve(p, criteria=tuple(c for c in plain if c.pillar == p.code))
        for p in framework.pillars
    )
    share = attrs.evolve(framework, pillars=pillars, share=100)
    every = attrs.evolve(share, completion="all", share=None)
    year = data.draw(st.sampled_from(framework.years))
    values = data.draw(cst.values_for(framework, year))
    assert (cds.evaluate(values, year, framework=share).completion
            is cds.evaluate(values, year, framework=every).completion)


@given(cst.frameworks(completion="share"), st.data())
def test_share_completes_by_the_share_of_criteria_met(framework, data):
    """Policy ``share``: with every value given, COMPLETED iff the met criteria are at least
    ``share`` percent of those with a target (not exempt) and no mandatory criterion fails."""
    report = _report(framework, data, missing=False)
    counted = [v for v in report if v.status in (S.PASS, S.FAIL)]
    met = sum(v.status is S.PASS for v in counted)
    reached = met * 100 >= framework.share * len(counted)
    expected = reached and S.FAIL not in _mandatory(framework, report)
    assert report.completion is (C.COMPLETED if expected else C.NOT_COMPLETED)


@given(cst.frameworks(), st.data())
def test_a_failed_mandatory_criterion_never_completes(framework, data):
    """Whatever the policy, a mandatory criterion that fails means NOT_COMPLETED, and a commune
    with every value given is never UNDETERMINED."""
    report = _report(framework, data)
    if S.FAIL in _mandatory(framework, report):
        assert report.completion is C.NOT_COMPLETED
    if S.MISSING not in {v.status for v in report}:
        assert report.completion is not C.UNDETERMINED


@given(cst.frameworks(), st.data())
def test_undetermined_means_missing_values_could_still_decide(framework, data):
    """UNDETERMINED only when missing values could still decide: giving each missing criterion
    its best value (100 % or 0 %, the count's threshold, one more when strict, or 0, yes)
    completes, and a decided completion is never changed by filling in the missing values that
    way. A strict target no value can meet ("dưới 0", "trên 100%") is left out."""
    year = data.draw(st.sampled_from(framework.years))
    values = data.draw(cst.values_for(framework, year, exempt=False))
    before = cds.evaluate(values, year, framework=framework)
    filled = dict(values)
    for verdict in before:
        if verdict.status is S.MISSING:
            filled[verdict.criterion] = _best(verdict.target, framework[verdict.criterion])
            assume(verdict.target.is_met(Fraction(filled[verdict.criterion])
                                         if verdict.target.threshold is not None else True))
    after = cds.evaluate(filled, year, framework=framework)
    if before.completion is C.UNDETERMINED:
        assert after.completion is C.COMPLETED
    if before.completion is not C.UNDETERMINED:
        assert after.completion is before.completion


def _best(target, criterion=None):
    """The value most likely to meet ``target`` (and, for a banded criterion, to reach its top
    band); a strict target at the end of the scale ("dưới 0", "trên 100%") has none that
    meets it."""
    if target.threshold is None:
        return True
    if target.comparison in (cds.Comparison.AT_MOST, cds.Comparison.BELOW):
        return 0
    if target.kind is cds.Kind.RATE:
        return 100
    best = int(target.threshold) + 1
    if criterion is not None and criterion.bands:
        best = max(best, math.ceil(max(band.start for band in criterion.bands)))
    return best


@given(cst.frameworks(completion="points"), st.data())
def test_points_add_up_and_decide_level_and_completion(framework, data):
    """Policy ``points``: 0 ≤ points ≤ maximum for each criterion; the score is their sum and
    the maximum the sum of maxima; the level is the highest whose cut-off the score reaches;
    with every value given, COMPLETED iff the score reaches the pass score and no mandatory
    criterion fails."""
    report = _report(framework, data, missing=False)
    scored = [v for v in report if v.max_points is not None]
    assert all(0 <= v.points <= v.max_points for v in scored)
    assert report.score == sum(v.points for v in scored)
    assert report.max_score == sum(v.max_points for v in scored)
    reached = [lv.name for lv in framework.levels if report.score >= lv.min_score]
    assert report.level == (reached[0] if reached else None)
    expected = (report.score >= framework.pass_score
                and S.FAIL not in _mandatory(framework, report))
    assert report.completion is (C.COMPLETED if expected else C.NOT_COMPLETED)


@given(cst.frameworks(completion="points"), st.data())
def test_all_or_nothing_points_follow_the_verdict(framework, data):
    """An all-or-nothing criterion earns its maximum when met and 0 otherwise."""
    report = _report(framework, data)
    for verdict in report:
        criterion = framework[verdict.criterion]
        if verdict.max_points is not None and criterion.scoring is cds.Scoring.ALL_OR_NOTHING:
            assert verdict.points == (verdict.max_points if verdict.passed else 0)
