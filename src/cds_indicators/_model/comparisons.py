"""Every way a value is held against a target's threshold, each written once.

A :class:`Comparison` names the rule a framework file gives (``comparison = "above"``); its
:class:`Rule` in :data:`RULES` carries everything about it: the test on exact rationals that
:func:`~cds_indicators.evaluate` uses, the same test on whole columns that
:func:`~cds_indicators.evaluate_frame` uses (NumPy arrays, passed in: NumPy is never imported
here), the signs a verdict line writes, and how many units a failed count still needs. A new
comparison is one enum member and one row of :data:`RULES`.

Why one float comparison per cell decides a rate exactly. A float ``v`` is read as
:func:`~cds_indicators._model.numbers.exact_float` ``(v)`` (the float at 12 significant digits).
That reading never decreases as a non-negative float grows, and non-negative floats are ordered
as their bit patterns. So for an *upward* rule (``at_least``, ``above``) the set of floats whose
reading meets a threshold ``t`` is closed upwards: it is every float from the first one that
meets it (found once, by bisecting the bit patterns: :func:`float_bound`), and
``reading(v) >= t`` (or ``> t``) holds exactly when ``v >= bound``. For a *downward* rule
(``at_most``, ``below``) the set is closed downwards, and the test is ``v <= bound`` with the
last float that meets it. One exact float comparison per cell decides what the exact rational
comparison decides, with no rounding noise.
"""

from __future__ import annotations

import enum
import functools
import math
import operator
import struct
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import attrs

from cds_indicators._model.numbers import exact_float

__all__ = ["RULES", "Comparison", "Rule", "first_float", "float_bound", "last_float"]


class Comparison(enum.Enum):
    """How a value is held against a target's threshold."""

    AT_LEAST = "at_least"
    """``tối thiểu X%``, ``từ X% trở lên``, ``đạt X%``: the value reaches the threshold."""
    AT_MOST = "at_most"
    """``không quá X%``: the value does not exceed the threshold."""
    ABOVE = "above"
    """``trên X%``: the value is strictly above the threshold."""
    BELOW = "below"
    """``dưới X%``: the value is strictly below the threshold."""
    YES = "yes"
    """A yes/no target: the value is ``Có``."""


_Test = Callable[[Any, Any], Any]


def _exact(test: _Test) -> Callable[[Any, Any], bool]:
    def meets(value: Any, threshold: Any) -> bool:
        # Exact rationals (Fraction or int) compared by cross-multiplying their integer parts:
        # the same answer as ``value >= threshold``, without Fraction's slower rich comparison.
        return bool(test(value.numerator * threshold.denominator,
                         threshold.numerator * value.denominator))

    return meets


def _is_yes(value: Any, threshold: Any) -> bool:
    return value is True


@attrs.frozen(kw_only=True)
class Rule:
    """Everything about one :class:`Comparison`.

    ``test`` is the order it asks for (``operator.ge`` for ``at_least``), applied to integers or
    to arrays alike; ``None`` for a yes/no rule, which compares no numbers. ``upward`` says that
    a larger value is better (``at_least``, ``above``). ``signs`` are written between a value
    and the threshold when it meets it and when not; ``printed`` are the ways a decision words
    the threshold ``{}`` in a target cell. ``needed`` gives, for a failed whole number
    ``n`` and the exact bound it is held against, how many units it must gain (upward) or lose.
    """

    comparison: Comparison
    signs: tuple[str, str]
    printed: tuple[str, ...] = ()
    test: _Test | None = None
    upward: bool = True
    needed: Callable[[int, Fraction], int] | None = None
    meets: Callable[[Any, Any], bool] = attrs.field(init=False)
    """The scalar form: whether an exact ``value`` meets ``threshold``."""

    @meets.default
    def _meets(self) -> Callable[[Any, Any], bool]:
        return _is_yes if self.test is None else _exact(self.test)

    @property
    def strict(self) -> bool:
        """Whether a value equal to the threshold misses it (``above``, ``below``)."""
        return self.test is not None and not self.test(0, 0)

    def units(self, whole: int, bound: Fraction) -> int:
        """How many units a failed whole number still needs (:attr:`needed`)."""
        assert self.needed is not None, f"{self.comparison} counts no units"
        return self.needed(whole, bound)

    @property
    def numeric(self) -> bool:
        """Whether the rule compares numbers (a rate or a count), not a yes/no value."""
        return self.test is not None

    def meets_floats(self, values: Any, threshold: Fraction) -> Any:
        """The columnar form on a float array: which cells' readings meet ``threshold``."""
        bound = float_bound(self.comparison, threshold)
        return values >= bound if self.upward else values <= bound

    def meets_counts(self, numerators: Any, denominators: Any, threshold: Fraction) -> Any:
        """The columnar form on whole-number count columns: which rates ``n / d × 100`` meet
        ``threshold`` (``p / q`` percent), as ``n × 100 × q  ?  p × d`` in integers."""
        assert self.test is not None
        return self.test(numerators * (100 * threshold.denominator),
                         denominators * threshold.numerator)


#: Every comparison's rule; the evaluators, the framework loader, the verdict text and the test
#: strategies all read this table.
RULES: dict[Comparison, Rule] = {rule.comparison: rule for rule in (
    Rule(comparison=Comparison.AT_LEAST, signs=("≥", "<"), test=operator.ge,
         printed=("{}", "tối thiểu {}", "từ {} trở lên"),
         needed=lambda n, bound: math.ceil(bound) - n),
    Rule(comparison=Comparison.AT_MOST, signs=("≤", ">"), test=operator.le, upward=False,
         printed=("không quá {}",),
         needed=lambda n, bound: n - math.floor(bound)),
    Rule(comparison=Comparison.ABOVE, signs=(">", "≤"), test=operator.gt, printed=("trên {}",),
         needed=lambda n, bound: math.floor(bound) + 1 - n),
    Rule(comparison=Comparison.BELOW, signs=("<", "≥"), test=operator.lt, upward=False,
         printed=("dưới {}",),
         needed=lambda n, bound: n - (math.ceil(bound) - 1)),
    Rule(comparison=Comparison.YES, signs=("=", "≠")),
)}


# --- the float that decides a threshold ----------------------------------------------------------

_MAX_FINITE_BITS = 0x7FEFFFFFFFFFFFFF


def _float_of(bits: int) -> float:
    value: float = struct.unpack("<d", struct.pack("<q", bits))[0]
    return value


def first_float(holds: Callable[[Fraction], bool]) -> float:
    """The smallest non-negative finite float whose reading satisfies ``holds`` (an upward-closed
    condition), or ``inf`` when none does. Non-negative floats are ordered as their bit patterns."""
    lo, hi = 0, _MAX_FINITE_BITS
    if not holds(exact_float(_float_of(hi))):
        return float("inf")
    while lo < hi:
        mid = (lo + hi) // 2
        if holds(exact_float(_float_of(mid))):
            hi = mid
        else:
            lo = mid + 1
    return _float_of(lo)


def last_float(holds: Callable[[Fraction], bool]) -> float:
    """The largest non-negative finite float whose reading satisfies ``holds`` (a
    downward-closed condition), or ``-1.0`` when none does."""
    lo, hi = 0, _MAX_FINITE_BITS
    if not holds(exact_float(_float_of(lo))):
        return -1.0
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if holds(exact_float(_float_of(mid))):
            lo = mid
        else:
            hi = mid - 1
    return _float_of(lo)


@functools.cache
def float_bound(comparison: Comparison, threshold: Fraction) -> float:
    """The float that decides ``comparison`` with ``threshold``: a non-negative float ``v``
    meets an upward rule exactly when ``v >= bound``, a downward one when ``v <= bound``."""
    rule = RULES[comparison]
    if not rule.numeric:
        raise TypeError(f"no float comparison for {comparison}")
    meets = rule.meets
    if rule.upward:
        return first_float(lambda x: meets(x, threshold))
    return last_float(lambda x: meets(x, threshold))
