"""Every message a refusal can carry, in Vietnamese and English.

A problem is recorded with a code and its parameters; both languages are rendered from the word
modules (``vi.MESSAGES``, ``en.MESSAGES``), so the command line can speak either and tests can name
the exact text.
"""

from __future__ import annotations

from typing import Any

from cds_indicators._words import LANGUAGES, en, vi
from cds_indicators._words.shorten import cap, shown

__all__ = ["LANGUAGES", "render"]

_MESSAGES: dict[str, tuple[str, str]] = {
    # A new code goes into an area module of cds_indicators._words.catalog (both languages side by
    # side, the same {placeholders} in both). A pair (vi, en) added here is rendered too until it
    # moves there; no code is in both places.
}


def render(code: str, **params: Any) -> tuple[str, str]:
    """The message ``code`` in Vietnamese and in English, every value it quotes shortened and
    the whole capped (:mod:`cds_indicators._words.shorten`)."""
    pair = _MESSAGES.get(code)
    if pair is None:
        pair = vi.MESSAGES[code], en.MESSAGES[code]
    return _said(pair[0], "vi", params), _said(pair[1], "en", params)


#: Parameters that list the names a reader may choose from (columns, kinds, criteria): said
#: whole, since a cut list hides the name wanted; only the message's cap applies to them.
_LISTS = frozenset({"known", "choices", "names", "expected"})


def _said(template: str, lang: str, params: dict[str, Any]) -> str:
    return cap(template.format(**{k: v if k in _LISTS and type(v) is str else shown(v, lang)
                                  for k, v in params.items()}), lang)
