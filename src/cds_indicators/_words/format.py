"""Numbers and labels as people read them: ``57,6%`` in Vietnamese, ``57.6%`` in English."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from cds_indicators._words import Lang, words
from cds_indicators._words.interface import t
from cds_indicators._words.names import fold, place_label

__all__ = ["column_letter", "commune_label", "decimal", "district_label", "exact", "fold",
           "is_empty", "number", "percent", "strip_period", "yes_no"]


#: Below this bound on ``denominator * 10**decimals * (|value| + 1)`` a number is rounded with
#: integers, exactly as the Decimal route rounds it (see :func:`number`).
_EXACT_BOUND = 10**26


def number(value: Fraction | int, decimals: int = 1, lang: Lang = "vi") -> str:
    """``value`` rounded half up to at most ``decimals`` places, trailing zeros dropped.

    The rule is the Decimal one: ``num / den`` divided in the default context (28 significant
    digits), then quantized ``ROUND_HALF_UP``. For the numbers a report shows (small
    denominators) integers give the same digits far faster: ``num * 10**decimals`` divided by
    ``den`` with half rounded away from zero. They agree whenever ``den * 10**decimals *
    (|value| + 1) < 10**26``: a value that is not a half-way point lies at least
    ``1 / (2 * den * 10**decimals)`` from one, more than the division's rounding (half a unit in
    the 28th digit, below ``|value| * 10**-27``) can move it; a half-way point has at most 27
    digits and is divided exactly. Other numbers take the Decimal route itself.
    """
    exact = value if value.__class__ is Fraction or value.__class__ is int else Fraction(value)
    numerator, denominator = exact.numerator, exact.denominator
    size = abs(numerator)
    if decimals >= 0 and denominator * 10**decimals * (size // denominator + 1) < _EXACT_BOUND:
        quotient, rest = divmod(size * 10**decimals, denominator)
        if 2 * rest >= denominator:
            quotient += 1
        digits = str(quotient)
        if decimals:
            digits = digits.rjust(decimals + 1, "0")
            whole, fraction = digits[:-decimals], digits[-decimals:].rstrip("0")
            digits = f"{whole}{words(lang).DECIMAL_MARK}{fraction}" if fraction else whole
        return f"-{digits}" if numerator < 0 and quotient else digits
    return _decimal_number(numerator, denominator, decimals, lang)


def _decimal_number(numerator: int, denominator: int, decimals: int, lang: Lang) -> str:
    quantum = Decimal(1).scaleb(-decimals)
    shown = (Decimal(numerator) / Decimal(denominator)).quantize(
        quantum, rounding=ROUND_HALF_UP
    )
    text = f"{shown:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text.replace(".", words(lang).DECIMAL_MARK)


def percent(value: Fraction | int, lang: Lang = "vi", *, apart_from: Fraction | None = None) -> str:
    """``value`` as a percentage; with ``apart_from``, enough decimals that a value which differs
    from it never prints the same (79,96% is not shown as 80%)."""
    decimals = 1
    while (
        apart_from is not None
        and value != apart_from
        and decimals < 6
        and number(value, decimals) == number(apart_from, decimals)
    ):
        decimals += 1
    return f"{number(value, decimals, lang)}%"


def yes_no(value: bool, lang: Lang = "vi") -> str:
    """``Có`` / ``Không`` (``Yes`` / ``No``)."""
    return words(lang).YES_NO[0 if value else 1]


def commune_label(commune: str, district: str | None) -> str:
    """A commune as people name it: ``Vĩnh Hùng (Vĩnh Lộc)``, or the commune alone; a district
    written with its prefix keeps it once (``Xã Vĩnh Hùng (Huyện Vĩnh Lộc)``)."""
    return f"{commune} ({district})" if district else commune


def district_label(district: str, lang: Lang = "vi") -> str:
    """A district with its prefix, never doubled: ``Huyện Vĩnh Lộc`` from ``Vĩnh Lộc`` or from
    ``Huyện Vĩnh Lộc``; ``Thành phố Thanh Hóa`` stays as it is (``District Vĩnh Lộc`` in
    English, where a Vietnamese prefix is kept as written)."""
    return place_label(t("district", lang), district)


def strip_period(name: str) -> str:
    """A name without its closing full stop, to be followed by a colon."""
    return name[:-1].rstrip() if name.endswith(".") else name


def exact(value: Fraction | None) -> str | None:
    """An exact number as text: a decimal where it terminates, else ``n/d``."""
    if value is None:
        return None
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    digits = 0
    while (value * 10**digits).denominator != 1:
        digits += 1
    return number(value, digits, "en")


def decimal(value: Fraction) -> str:
    """An exact number as decimal text; thresholds that do not end cannot be written as cells."""
    digits = 0
    while (value * 10**digits).denominator != 1:
        digits += 1
        if digits > 30:
            raise ValueError(f"{value} has no decimal form to write in a framework file")
    if digits == 0:
        return str(int(value))
    text = f"{value.numerator * 10**digits // value.denominator:0{digits + 1}d}"
    return f"{text[:-digits]}.{text[-digits:]}"


def column_letter(index: int) -> str:
    """The spreadsheet letter of the 0-based column ``index``, as a place is said: 0 → ``A``,
    27 → ``AB``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def is_empty(cell: object) -> bool:
    """Whether a cell holds nothing (``None`` or only spaces)."""
    return cell is None or (isinstance(cell, str) and not cell.strip())
