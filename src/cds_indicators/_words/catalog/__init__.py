"""Words by area, each area one module holding both languages side by side.

An area module defines ``MESSAGES`` (problem codes, rendered by ``messages.render``) and may define
``TEXT`` (interface words, looked up by ``interface.t``), each a mapping ``{"vi": {...}, "en":
{...}}`` with the same keys and ``{placeholders}`` in both languages. The language modules
(:mod:`~cds_indicators._words.vi`, :mod:`~cds_indicators._words.en`) add every area's words to
their own, so a new area is one module here and one line in ``AREAS``; a key is in one place only.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import Final

from cds_indicators._words.catalog import (
    evidence,
    frameworks,
    numbers,
    office,
    places,
    plans,
    refusals,
    reports,
    scoring,
    warnings,
)

__all__ = ["AREAS", "collect"]

#: Every area, in the order its words are added.
AREAS: Final[tuple[ModuleType, ...]] = (
    frameworks, numbers, refusals, evidence, warnings, reports, plans, office, places, scoring,
)


def collect(table: str, lang: str) -> dict[str, str]:
    """Every area's ``table`` (``"MESSAGES"`` or ``"TEXT"``) in ``lang``, each key once."""
    merged: dict[str, str] = {}
    for area in AREAS:
        by_lang: Mapping[str, Mapping[str, str]] = getattr(area, table, {})
        for key, text in by_lang.get(lang, {}).items():
            if key in merged:
                raise AssertionError(f"the word {key!r} is in two areas")  # pragma: no cover
            merged[key] = text
    return merged
