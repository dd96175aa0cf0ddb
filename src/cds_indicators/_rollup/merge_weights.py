"""How much of each part counts in a merge: ``weights`` (a part's denominator for rates given
only as percentages) and ``shares`` (the share of a split commune that went into the merged one),
each checked as :func:`~cds_indicators.merge` is given them.

Both are exact: a weight is a positive whole number below the number policy's limit, a share an
``int`` or :class:`~fractions.Fraction` in (0, 1]. A binary float is refused rather than read,
for a weight and a share alike (``0.1`` is not one tenth), and so is every other number that is
not exact.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from numbers import Integral, Rational
from typing import Any

from cds_indicators._evaluation.reading import is_bool
from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Framework, Kind
from cds_indicators._model.numbers import too_long
from cds_indicators._words.names import same_place

__all__ = ["Weights", "checked_shares", "checked_weights", "weight_of"]

Weights = dict[str, int | dict[str, int]]


def _part_named(given: Any, names: list[str]) -> Any:
    """The part ``given`` names, with or without its prefix ("Vĩnh Thịnh" is the part "Xã Vĩnh
    Thịnh"), or ``given`` itself when it names none."""
    return next((n for n in names if isinstance(given, str) and same_place(n, given)), given)


def _whole_weight(weight: Any) -> int | None:
    if is_bool(weight) or not isinstance(weight, Integral) or int(weight) <= 0:
        return None
    return int(weight)


def checked_weights(weights: Any, names: list[str], framework: Framework,
                    problems: list[Problem]) -> Weights:
    """``weights`` checked: every commune one of the parts (``names``), every weight a positive
    whole number, every criterion a rate of ``framework``. A weight past the number policy's
    limit is refused where it is used, by :func:`weight_of`'s caller, for the criterion it
    weighs."""
    if weights is None:
        return {}
    if not isinstance(weights, Mapping):
        problems.append(Problem.of("merge_weights_type", value=weights))
        return {}
    checked: Weights = {}
    for given, weight in weights.items():
        commune = _part_named(given, names)
        if commune not in names:
            problems.append(Problem.of("merge_weight_unknown_part", value=commune,
                                       parts=", ".join(names)))
            continue
        if not isinstance(weight, Mapping):
            whole = _whole_weight(weight)
            if whole is None:
                problems.append(Problem.of("merge_bad_weight", value=weight, commune=commune))
            else:
                checked[commune] = whole
            continue
        per: dict[str, int] = {}
        for criterion, value in weight.items():
            if criterion not in framework:
                problems.append(Problem.of("merge_weight_unknown_criterion", value=value,
                                           criterion=str(criterion), commune=commune,
                                           framework=framework.id))
            elif framework[criterion].kind is not Kind.RATE:
                problems.append(Problem.of("merge_weight_not_rate", criterion=criterion,
                                           value=value, commune=commune))
            elif (whole := _whole_weight(value)) is None:
                problems.append(Problem.of("merge_bad_weight_of", criterion=criterion,
                                           value=value, commune=commune))
            else:
                per[criterion] = whole
        checked[commune] = per
    return checked


def weight_of(weights: Weights, commune: str, criterion: str) -> tuple[int | None, bool]:
    """The weight of ``criterion`` for ``commune``, and whether it was given for that criterion
    alone (rather than as the commune's one weight for every rate)."""
    weight = weights.get(commune)
    if isinstance(weight, dict):
        return weight.get(criterion), True
    return weight, False


def _share(share: Any) -> Fraction | None:
    """``share`` exactly, or ``None`` when it is no exact number in (0, 1] within the number
    policy's limits (a float, NaN, a bool, ``Fraction(1, 10**500)``)."""
    if is_bool(share) or not isinstance(share, Rational):
        return None
    exact = Fraction(share)
    return exact if 0 < exact <= 1 and not too_long(exact) else None


def checked_shares(shares: Any, names: list[str],
                   problems: list[Problem]) -> dict[str, Fraction]:
    """``shares`` checked: every commune one of the parts (``names``), given once, every share an
    exact number above 0 and at most 1. Keyed by the part's name."""
    if shares is None:
        return {}
    if not isinstance(shares, Mapping):
        problems.append(Problem.of("merge_shares_type", value=shares))
        return {}
    checked: dict[str, Fraction] = {}
    seen: set[str] = set()
    for given, share in shares.items():
        commune = _part_named(given, names)
        if commune not in names:
            problems.append(Problem.of("merge_share_unknown_part", value=commune,
                                       parts=", ".join(names)))
        elif commune in seen:
            problems.append(Problem.of("merge_share_twice", value=given, commune=commune))
        elif (exact := _share(share)) is None:
            problems.append(Problem.of("merge_bad_share", value=share, commune=commune))
        else:
            checked[commune] = exact
        seen.add(commune)
    return checked
