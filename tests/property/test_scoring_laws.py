"""The laws of scored indexes: points never fall as a value improves, ranks follow scores, scored
frameworks round-trip through their file."""

import os
import tempfile
from fractions import Fraction

from hypothesis import assume, given
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators import strategies as cst

_HUNDRED = Fraction(100)


def _better(criterion, value, step):
    """``value`` improved by ``step`` in the direction the criterion prefers, kept valid."""
    upward = criterion.comparison in (cds.Comparison.AT_LEAST, cds.Comparison.ABOVE)
    moved = value + step if upward else value - step
    top = _HUNDRED if criterion.kind is cds.Kind.RATE else Fraction(10**6)
    return min(max(moved, Fraction(0)), top)


@given(cst.frameworks(completion="points", max_criteria=4), st.data())
def test_improving_a_value_never_lowers_its_points_nor_the_score(framework, data):
    """For every scoring (all or nothing, proportional, bands, partial): a value that is better
    for its criterion (higher for ``at_least``/``above``, lower for ``at_most``/``below``) never
    earns fewer points, so raising a value never lowers the score or the index."""
    year = data.draw(st.sampled_from(framework.years))
    numeric = [c for c in framework if c.kind is not cds.Kind.YES_NO and c.target(year)]
    assume(numeric)
    criterion = data.draw(st.sampled_from(numeric))
    values = data.draw(cst.values_for(framework, year, missing=False, exempt=False))
    value = data.draw(cst.exact_values(criterion))
    steps = [Fraction(1), Fraction(7)]
    step = data.draw(st.sampled_from(
        [*steps, Fraction(1, 10)] if criterion.kind is cds.Kind.RATE else steps))
    before = cds.evaluate({**values, criterion.id: value}, year, framework=framework)
    after = cds.evaluate({**values, criterion.id: _better(criterion, value, step)}, year,
                         framework=framework)
    assert after[criterion.id].points >= before[criterion.id].points
    assert after.score >= before.score
    if before.index is not None:
        assert after.index >= before.index


@given(cst.frameworks(completion="points", max_criteria=4), st.data())
def test_the_rank_order_is_the_score_order(framework, data):
    """In a ranking by score, a commune ranks before another exactly when its score is higher,
    and equal scores share a rank (standard competition ranking: the rank is one more than the
    number of communes scoring strictly more)."""
    year = data.draw(st.sampled_from(framework.years))
    size = data.draw(st.integers(1, 8))
    reports = [cds.evaluate(data.draw(cst.values_for(framework, year)), year,
                            framework=framework, commune=f"Xã {i}") for i in range(size)]
    ranking = cds.summarize(reports).ranking()
    scores = [r.score for r in ranking]
    assert scores == sorted(scores, reverse=True)
    every = [r.score for r in reports]
    for found in ranking:
        assert found.rank == 1 + sum(score > found.score for score in every)


@given(cst.frameworks(completion="points"))
def test_a_scored_framework_round_trips_through_dump_framework(framework):
    """``load_framework(dump_framework(f)) == f`` for scored frameworks with bands and partial
    credit: every band, partial threshold and share read back exactly."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "framework.toml")
        with open(path, "w", encoding="utf-8") as file:
            file.write(cds.dump_framework(framework))
        again = cds.load_framework(path)
    assert again == framework
    assert [c.bands for c in again] == [c.bands for c in framework]
