"""The words of each language: the same keys and the same placeholders in Vietnamese and English."""

from __future__ import annotations

import string
import sys
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators._words import LANGUAGES, Lang, Words, en, lang_of, vi, words
from cds_indicators._words.format import number
from cds_indicators._words.headers import SIGNATURES
from cds_indicators._words.interface import t
from cds_indicators._words.messages import _MESSAGES, render

TABLES = ("MESSAGES", "TEXT", "STATUS", "COMPLETION", "STANDING", "PLACE", "PLOT")


def placeholders(text: str) -> set[tuple[str, str | None]]:
    """The ``{fields}`` of a text with their conversions (``!r``), as ``str.format`` sees them.

    A parameter that is itself a word comes in each language, ``which`` (or ``which_vi``) and
    ``which_en``: both count as ``which``. ``plural`` is English grammar that ``t`` fills in.
    """
    found = set()
    for _, field, _, conversion in string.Formatter().parse(text):
        if field is None or field == "plural":
            continue
        found.add((field.removesuffix("_vi").removesuffix("_en"), conversion))
    return found


@pytest.mark.parametrize("table", TABLES)
def test_both_languages_have_the_same_keys(table: str) -> None:
    assert list(getattr(vi, table)) == list(getattr(en, table))


@pytest.mark.parametrize("table", TABLES)
def test_each_key_has_the_same_placeholders_in_both_languages(table: str) -> None:
    vi_words, en_words = getattr(vi, table), getattr(en, table)
    differ = {key: (placeholders(vi_words[key]), placeholders(en_words[key]))
              for key in vi_words if placeholders(vi_words[key]) != placeholders(en_words[key])}
    assert differ == {}


def test_the_tuples_of_words_have_the_same_length() -> None:
    assert len(vi.YES_NO) == len(en.YES_NO) == 2
    assert len(vi.EXPORT_HEADERS) == len(en.EXPORT_HEADERS) == 12


def test_a_code_waiting_in_the_catalogue_is_not_also_in_the_word_modules() -> None:
    assert set(_MESSAGES).isdisjoint(vi.MESSAGES)
    assert all(placeholders(v) == placeholders(e) for v, e in _MESSAGES.values())


def test_the_status_and_completion_words_name_every_member() -> None:
    for lang in LANGUAGES:
        assert set(words(lang).STATUS) == {s.value for s in cds.Status}
        assert set(words(lang).COMPLETION) == {c.value for c in cds.Completion}


def test_words_gives_the_module_of_the_language() -> None:
    chosen: dict[str, Words] = {lang: words(lang) for lang in LANGUAGES}
    assert chosen == {"vi": vi, "en": en}


@pytest.mark.parametrize(("text", "lang"), [("vi", "vi"), ("en", "en"), ("fr", None),
                                            ("VI", None), (None, None), ("", None)])
def test_lang_of(text: object, lang: str | None) -> None:
    assert lang_of(text) == lang


def test_render_gives_both_languages() -> None:
    assert render("bad_year", value="20x4") == (
        "'20x4' không phải một năm (ví dụ 2024)", "'20x4' is not a year (e.g. 2024)")


@pytest.mark.parametrize(("key", "lang", "params", "expected"), [
    ("written", "vi", {"path": "a.csv"}, "Đã ghi a.csv"),
    ("written", "en", {"path": "a.csv"}, "Written: a.csv"),
    ("communes_count", "en", {"n": 1}, "1 commune"),
    ("communes_count", "en", {"n": 3}, "3 communes"),
    ("communes_count", "vi", {"n": 3}, "3 xã"),
    ("verdict", "en", {}, "VERDICT"),
])
def test_t(key: str, lang: Lang, params: dict[str, object], expected: str) -> None:
    assert t(key, lang, **params) == expected


def decimal_number(value: Fraction, decimals: int, lang: Lang) -> str:
    """How numbers were always shown: divided as Decimals (28 digits), quantized half up."""
    quantum = Decimal(1).scaleb(-decimals)
    shown = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        quantum, rounding=ROUND_HALF_UP)
    text = f"{shown:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return ("0" if text == "-0" else text).replace(".", words(lang).DECIMAL_MARK)


#: Numbers as reports have them (tenths, counts' rates), half-way points, and any Fraction.
numbers = (st.integers(-10**6, 10**6).map(lambda k: Fraction(k, 10))
           | st.builds(lambda n, d: Fraction(100 * n, d), st.integers(0, 10**4),
                       st.integers(1, 10**4))
           | st.builds(lambda k, e: Fraction(2 * k + 1, 2 * 10**e), st.integers(-10**9, 10**9),
                       st.integers(0, 8))
           | st.fractions() | st.fractions(max_denominator=10**40))


@settings(max_examples=500)
@given(numbers, st.integers(0, 8), st.sampled_from(LANGUAGES))
def test_a_number_is_shown_as_its_decimal_rounded_half_up(value, decimals, lang):
    try:
        expected = decimal_number(value, decimals, lang)
    except InvalidOperation:  # more digits than the Decimal context holds: raised either way
        with pytest.raises(InvalidOperation):
            number(value, decimals, lang)
        return
    assert number(value, decimals, lang) == expected


@pytest.mark.parametrize(("value", "decimals", "shown"), [
    (Fraction(576, 10), 1, "57,6"), (Fraction(5, 100), 1, "0,1"), (Fraction(-5, 100), 1, "-0,1"),
    (Fraction(-4, 100), 1, "0"), (Fraction(1, 3), 2, "0,33"), (Fraction(80), 1, "80"),
    (7, 0, "7"), (Fraction(25, 10), 0, "3"), (Fraction(1, 10**30), 30, "0," + "0" * 29 + "1"),
])
def test_numbers_as_people_read_them(value, decimals, shown):
    assert number(value, decimals, "vi") == shown


def test_folding_never_makes_a_space_where_there_was_none():
    """What lets ``is_signature`` pass over one-word cells: a character that is not a space
    neither folds nor normalizes into one, and no space is made of two characters."""
    made = [c for c in map(chr, range(sys.maxunicode + 1))
            if not c.isspace() and not 0xD800 <= ord(c) <= 0xDFFF
            and any(x.isspace() for x in unicodedata.normalize("NFC", c).casefold())]
    composed = [c for c in map(chr, range(sys.maxunicode + 1))
                if c.isspace() and len(unicodedata.normalize("NFD", c)) > 1]
    assert made == composed == []
    assert all(len(s.split()) > 1 for s in SIGNATURES)
