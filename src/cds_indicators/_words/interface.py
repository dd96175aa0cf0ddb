"""Every word the command line says, in Vietnamese and English.

Help texts, headings and the command line's own messages live in the word modules (``vi.TEXT``,
``en.TEXT``) so that ``--lang`` (or the ``CDS_LANG`` environment variable) switches all of them,
``--help`` included. Problems found in input files come from
:mod:`cds_indicators._words.messages` like everywhere else in the library.
"""

from __future__ import annotations

import re
from typing import Any

from cds_indicators._words import LANGUAGES, Lang, words

__all__ = ["LANGS", "t", "translate_usage"]

LANGS = LANGUAGES


def t(key: str, lang: Lang = "vi", **params: Any) -> str:
    """The text ``key`` in ``lang``, with ``params`` filled in."""
    text = words(lang).TEXT[key]
    if "n" in params:
        # English counts agree in number; Vietnamese nouns do not change.
        params.setdefault("plural", "" if params["n"] == 1 else "s")
    return text.format(**params) if params else text


# click's own usage messages (English) that carry no structured fields, and how to say them in
# Vietnamese. Anything not listed is shown as click says it.
_CLICK_VI: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), vi)
    for pattern, vi in (
        (r"Missing command\.", "thiếu lệnh"),
        (r"Option '(?P<a>.+)' requires an argument\.", "tùy chọn {a} cần một giá trị"),
        (r"Option '(?P<a>.+)' requires (?P<b>\d+) arguments\.", "tùy chọn {a} cần {b} giá trị"),
        (r"Got unexpected extra arguments? \((?P<a>.+)\)", "thừa đối số: {a}"),
        (r"Option '(?P<a>.+)' does not take a value\.", "tùy chọn {a} không nhận giá trị"),
    )
)


def translate_usage(message: str, lang: Lang) -> str:
    """click's usage message ``message`` in ``lang``."""
    if lang != "vi":
        return message
    for pattern, vi in _CLICK_VI:
        match = pattern.fullmatch(message.strip())
        if match:
            return vi.format(**match.groupdict())
    return message
