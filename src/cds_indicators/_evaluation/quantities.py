"""pint quantities given as values: read once into exact numbers, never in the evaluation loop.

Imported only when a value is a pint quantity, so ``import cds_indicators`` never imports pint.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from numbers import Integral, Real
from typing import Any

from cds_indicators._model.errors import Problem
from cds_indicators._model.numbers import exact_decimal, exact_float, is_missing

__all__ = ["counts_magnitudes", "percent_of"]


def _exact(number: Any) -> Fraction:
    """A magnitude read by the number policy; ``ValueError`` when it cannot be read."""
    if isinstance(number, Decimal):
        exact = exact_decimal(number) if number.is_finite() else None
        if exact is None:
            raise ValueError(number)
        return exact
    if isinstance(number, Integral | Fraction):
        return Fraction(number)
    if isinstance(number, Real):
        # Every other real number is a binary float (float, NumPy floats of any width).
        return exact_float(number)
    return Fraction(number)


def percent_of(criterion: str, quantity: Any) -> Fraction | Problem:
    """A dimensionless quantity (``0.8``, ``80 percent``) as an exact Fraction of percent."""
    if not quantity.dimensionless:
        return Problem.of(
            "wrong_dimension", criterion=criterion, value=quantity, units=f"{quantity.units:~P}"
        )
    magnitude = quantity.magnitude
    if is_missing(magnitude):
        return Problem.of("not_finite", criterion=criterion, value=quantity)
    try:
        exact = _exact(magnitude)
    except (TypeError, ValueError, OverflowError):
        return Problem.of("not_finite", criterion=criterion, value=quantity)
    # The factor to a pure number is a float in pint (percent: 0.01); it is read exactly.
    factor = _exact(quantity._REGISTRY.Quantity(1, quantity.units).to("").magnitude)
    return exact * factor * 100


def counts_magnitudes(
    criterion: str, numerator: Any, denominator: Any, given: Any,
    expected: tuple[str, str] | None = None,
) -> tuple[Any, Any] | Problem:
    """The plain counts of a ratio of quantities, once their units are checked.

    Both counts must be in the same unit (enterprises over households is no rate), and that
    unit must be the one the criterion counts (``expected``, from its ``counts``) when known.
    """
    num_units = _unit_name(numerator)
    den_units = _unit_name(denominator)
    if num_units != den_units:
        return Problem.of(
            "wrong_count_units", criterion=criterion, value=given,
            numerator_units=num_units, denominator_units=den_units,
        )
    if expected is not None:
        for found, wanted in zip((num_units, den_units), expected, strict=True):
            if found != wanted:
                return Problem.of(
                    "unexpected_count_units", criterion=criterion, value=given,
                    expected=wanted, units=found,
                )
    return _magnitude(numerator), _magnitude(denominator)


def _magnitude(count: Any) -> Any:
    return getattr(count, "magnitude", count)


def _unit_name(count: Any) -> str:
    """The canonical name of a count's unit (``people`` is ``person``); a plain number is
    ``dimensionless``, as pint names it.

    Compared by name, so that quantities of another registry are judged by what they count.
    """
    units = getattr(count, "units", None)
    return "dimensionless" if units is None else str(units)
