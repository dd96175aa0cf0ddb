"""Values quoted in messages, shortened: no message grows with the value it names.

Every message is rendered by :func:`cds_indicators._words.messages.render`, which passes each of
its parameters through :func:`shown` first: text longer than :data:`MAX_QUOTED` characters keeps
its beginning and says how long it was; a number too long to print (a Python ``int`` past
:data:`MAX_INT_DIGITS` digits, which ``str()`` refuses or takes long to write) is shown as its
order of magnitude; any other value whose ``repr`` is too long is cut the same way. A message is
never longer than :data:`MAX_MESSAGE` characters.
"""

from __future__ import annotations

import math
from typing import Any, Final

from cds_indicators._words import en, vi

__all__ = ["MAX_INT_DIGITS", "MAX_MESSAGE", "MAX_QUOTED", "cap", "shown"]

#: Characters of a quoted value kept in a message.
MAX_QUOTED: Final = 200
#: Digits of a whole number printed in full in a message.
MAX_INT_DIGITS: Final = 200
#: The longest message (characters).
MAX_MESSAGE: Final = 2000

_LOG10_2: Final = math.log10(2)
_BITS: Final = int(MAX_INT_DIGITS / _LOG10_2)


def _mark(length: int, lang: str) -> str:
    table = vi.TEXT if lang == "vi" else en.TEXT
    return table["shortened"].format(n=length)


def _cut(text: str, lang: str, length: int | None = None) -> str:
    """``text`` cut at :data:`MAX_QUOTED` characters; the mark says ``length`` (the length of the
    value itself, when ``text`` was made from a part of it) or the length of ``text``."""
    if len(text) <= MAX_QUOTED and length is None:
        return text
    return text[:MAX_QUOTED] + _mark(len(text) if length is None else length, lang)


def _magnitude(number: int) -> str:
    """A whole number too long to print, as ``≈9.99e+4999``: computed on its bits, never on
    its decimal digits."""
    shift = number.bit_length() - 64
    top = abs(number) >> shift
    exponent = math.log10(top) + shift * _LOG10_2
    whole = math.floor(exponent)
    sign = "-" if number < 0 else ""
    return f"{sign}≈{10 ** (exponent - whole):.2f}e+{whole}"


class _Shown:
    """A value standing in a message: its ``str``, ``repr`` and formatting, shortened."""

    __slots__ = ("lang", "length", "value")

    def __init__(self, value: Any, lang: str, length: int | None = None) -> None:
        self.value = value
        self.lang = lang
        self.length = length

    def __repr__(self) -> str:
        return self._text(repr)

    def __format__(self, spec: str) -> str:
        return self._text(lambda value: format(value, spec))

    def __str__(self) -> str:
        return self._text(str)

    def _text(self, how: Any) -> str:
        try:
            return _cut(how(self.value), self.lang, self.length)
        except ValueError:
            # An object holding a whole number too long to print (Python refuses past 4300
            # digits): named by its type.
            return f"<{type(self.value).__name__}>"


class _Huge(_Shown):
    __slots__ = ()

    def __str__(self) -> str:
        return _magnitude(self.value)

    __repr__ = __str__

    def __format__(self, spec: str) -> str:
        return _magnitude(self.value)


def shown(value: Any, lang: str) -> Any:
    """``value`` as a message in ``lang`` quotes it: itself when it is short (a short ``str``,
    a number, ``None``), else a stand-in whose text is shortened."""
    kind = type(value)
    if kind is str:
        if len(value) <= MAX_QUOTED:
            return value
        # Quoted from its beginning only: escapes (\x1f) may make the quote longer than the
        # part, so the quote is cut again, and the mark says the length of the whole value.
        return _Shown(value[:MAX_QUOTED], lang, len(value))
    if kind is int:
        return value if value.bit_length() <= _BITS else _Huge(value, lang)
    if value is None or kind in (bool, float):
        return value
    return _Shown(value, lang)


def cap(message: str, lang: str) -> str:
    """``message``, cut at :data:`MAX_MESSAGE` characters."""
    if len(message) <= MAX_MESSAGE:
        return message
    return message[:MAX_MESSAGE] + _mark(len(message), lang)
