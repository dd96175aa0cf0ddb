"""Words: the message catalogue, interface words, number and label formatting.

Each language's words live in one module (:mod:`~cds_indicators._words.vi`,
:mod:`~cds_indicators._words.en`) with the same names and keys; :func:`words` gives the module of a
language, typed by :class:`Words`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal, Protocol

from cds_indicators._words import en, vi

__all__ = ["LANGUAGES", "Lang", "Words", "lang_of", "words"]

#: A language the library speaks: Vietnamese (the default everywhere) or English.
Lang = Literal["vi", "en"]
LANGUAGES: Final[tuple[Lang, ...]] = ("vi", "en")


class Words(Protocol):
    """What a language module holds."""

    @property
    def MESSAGES(self) -> Mapping[str, str]: ...
    @property
    def TEXT(self) -> Mapping[str, str]: ...
    @property
    def STATUS(self) -> Mapping[str, str]: ...
    @property
    def COMPLETION(self) -> Mapping[str, str]: ...
    @property
    def STANDING(self) -> Mapping[str, str]: ...
    @property
    def YES_NO(self) -> tuple[str, str]: ...
    @property
    def DECIMAL_MARK(self) -> str: ...
    @property
    def PLACE(self) -> Mapping[str, str]: ...
    @property
    def EXPORT_HEADERS(self) -> tuple[str, ...]: ...
    @property
    def EXPORT_SUMMARY(self) -> str: ...
    @property
    def PLOT(self) -> Mapping[str, str]: ...


_BY_LANG: Final[dict[str, Words]] = {"vi": vi, "en": en}


def lang_of(text: object) -> Lang | None:
    """``text`` as a language the library speaks, or ``None``."""
    return next((lang for lang in LANGUAGES if lang == text), None)


def words(lang: Lang) -> Words:
    """The words of ``lang``."""
    return _BY_LANG[lang]
