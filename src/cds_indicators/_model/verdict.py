"""Verdicts: one criterion judged, with its status, its value, its target and what is missing."""

from __future__ import annotations

import enum
import math
from fractions import Fraction

import attrs

from cds_indicators._model.comparisons import RULES
from cds_indicators._model.framework import Kind, Target
from cds_indicators._words import Lang, words
from cds_indicators._words import format as _text
from cds_indicators._words.interface import t

__all__ = [
    "Completion", "Status", "Verdict", "completion_word", "counted_value", "remedy", "status_word",
    "text_parts",
]


class Status(enum.Enum):
    """The outcome for one criterion in one year."""

    PASS = "PASS"
    """The value meets the year's target."""
    FAIL = "FAIL"
    """The value does not meet the year's target."""
    MISSING = "MISSING"
    """No value was given."""
    EXEMPT = "EXEMPT"
    """Declared not applicable ("không áp dụng") for a conditional criterion."""
    NO_TARGET = "NO_TARGET"
    """The decision sets no target that year (``*``); a value given is kept but does not count."""

    # Members are singletons compared by identity; hashing by identity keeps sets and dicts of
    # statuses (built for every report) cheap. Hash values are never stored.
    __hash__ = object.__hash__


class Completion(enum.Enum):
    """Whether a commune completed digital transformation in a year."""

    COMPLETED = "COMPLETED"
    """Every criterion with a target that year is met (or declared not applicable)."""
    NOT_COMPLETED = "NOT_COMPLETED"
    """At least one criterion with a target that year is not met."""
    UNDETERMINED = "UNDETERMINED"
    """None failed, but some criterion with a target has no value yet."""


def remedy(verdict: Verdict, lang: Lang = "vi") -> str:
    """What a failed verdict still lacks: ``cần thêm 8/33``, ``thiếu 2,5 điểm %``."""
    target, value = verdict.target, verdict.value
    assert isinstance(value, Fraction) and target is not None and target.threshold is not None
    rule = RULES[target.comparison]
    if verdict.needed is not None and verdict.counts is not None:
        needed, of = verdict.needed, verdict.counts[1]
        if lang == "vi":
            return f"cần {'thêm' if rule.upward else 'giảm'} {needed}/{of}"
        return f"{needed} {'more' if rule.upward else 'fewer'} of {of} needed"
    if verdict.kind is Kind.COUNT:
        count = _text.number(rule.units(math.floor(value), target.threshold), 0, lang)
        if lang == "vi":
            return f"cần {'thêm' if rule.upward else 'giảm'} {count}"
        return f"{count} {'more' if rule.upward else 'fewer'} needed"
    points = _text.number(abs(target.threshold - value), 2, lang)
    if lang == "vi":
        return f"thiếu {'trên ' if rule.strict else ''}{points} điểm %"
    return f"{'more than ' if rule.strict else ''}{points} points short"


def counted_value(count: int, unit: str | None, lang: Lang = "vi") -> str:
    """A count of things with its unit: ``17 điểm phát``; in English the unit as printed,
    ``17 Điểm phát``."""
    shown = _text.number(count, 0, lang)
    if not unit:
        return shown
    return f"{shown} {unit[:1].lower()}{unit[1:]}" if lang == "vi" else f"{shown} {unit}"


def status_word(status: Status, lang: Lang = "vi") -> str:
    """The status as a district office says it: ``đạt``, ``chưa đạt``, …"""
    return words(lang).STATUS[status.value]


def completion_word(completion: Completion, lang: Lang = "vi") -> str:
    """The completion verdict in words: ``hoàn thành chuyển đổi số``, …"""
    return words(lang).COMPLETION[completion.value]


@attrs.frozen(kw_only=True)
class Verdict:
    """The outcome for one criterion in one year, with everything needed to explain it.

    ``value`` is what was measured, read exactly: a Fraction of percent for a rate, a bool for a
    yes/no criterion, ``None`` when missing or exempt. ``counts`` is the (numerator, denominator)
    pair when the rate came as counts. ``count`` is the number of things a counted yes/no
    criterion was given as (17 hotspots), ``unit`` what it counts (``Điểm phát``, as printed);
    ``evidence`` what the value was given with (``QĐ 52/QĐ-UBND 17/7/2025``).
    """

    criterion: str
    name: str
    pillar: str
    year: int
    kind: Kind
    status: Status
    value: Fraction | bool | None = None
    target: Target | None = None
    counts: tuple[int, int] | None = None
    name_en: str | None = None
    points: Fraction | None = None
    max_points: Fraction | None = None
    count: int | None = None
    unit: str | None = None
    evidence: str | None = None

    @property
    def passed(self) -> bool:
        return self.status is Status.PASS

    @property
    def shortfall(self) -> Fraction | None:
        """Percentage points still missing for a failed rate; ``None`` otherwise."""
        if self.status is not Status.FAIL or self.target is None or self.target.threshold is None:
            return None
        assert isinstance(self.value, Fraction)
        return abs(self.target.threshold - self.value)

    @property
    def needed(self) -> int | None:
        """For a failed rate given as counts: how many more numerator units reach the target.

        19 of 33 enterprises against 80 % needs 8 more (27 of 33); against ``at_most`` or
        ``below``, how many fewer. ``None`` when not counted or not failed.
        """
        if self.shortfall is None or self.counts is None:
            return None
        assert self.target is not None and self.target.threshold is not None
        numerator, denominator = self.counts
        bound = self.target.threshold * denominator / 100
        return RULES[self.target.comparison].units(numerator, bound)

    def text(self, lang: Lang = "vi") -> str:
        """One line saying what was measured against what, and the outcome."""
        head, finding = text_parts(self, lang)
        return head + finding

    def _shown_value(self, lang: Lang) -> str:
        if self.count is not None:
            return counted_value(self.count, self.unit, lang)
        if isinstance(self.value, bool):
            if self.value and self.target is not None and lang == "vi":
                return self.target.label
            return _text.yes_no(self.value, lang)
        assert self.value is not None
        if self.kind is Kind.COUNT:
            return _text.number(self.value, 0, lang)
        apart = self.target.threshold if self.target is not None else None
        return _text.percent(self.value, lang, apart_from=apart)

    def _finding(self, lang: Lang) -> str:
        vi = lang == "vi"
        word = status_word(self.status, lang)
        year = f"({self.year})"
        target = self.target
        if self.status is Status.NO_TARGET:
            shown = "" if self.value is None else f"{self._shown_value(lang)} — "
            return f"{shown}{word} {'năm' if vi else 'in'} {self.year}"
        assert target is not None
        if self.status is Status.EXEMPT:
            return f"{word} {year}"
        if self.status is Status.MISSING:
            required = "yêu cầu" if vi else "target"
            return f"{word}, {required} {target.label} {year}"
        shown = self._shown_value(lang)
        if target.kind is Kind.YES_NO:
            if self.status is Status.PASS:
                return f"{shown} {year} — {word}"
            required = "yêu cầu" if vi else "required:"
            return f"{shown}, {required} {target.label} {year} — {word}"
        meets, misses = target.signs()
        sign = meets if self.status is Status.PASS else misses
        line = f"{shown} {sign} {target.label} {year} — {word}"
        if self.status is Status.FAIL:
            line += f", {remedy(self, lang)}"
        return line

    def __str__(self) -> str:
        return self.text()


def text_parts(verdict: Verdict, lang: Lang = "vi") -> tuple[str, str]:
    """A verdict's line in two parts that :meth:`Verdict.text` joins: the criterion it is about,
    ending in a space (``1.2 Lãnh đạo, …: ``), the same for every verdict on the criterion, and
    what was found (``57,6% < 100% (2024) — chưa đạt, thiếu 42,4 điểm %``, with the evidence).
    A renderer laying out many verdicts lays out the first part once per criterion."""
    name = verdict.name if lang == "vi" or not verdict.name_en else verdict.name_en
    finding = verdict._finding(lang)
    if verdict.evidence is not None:
        finding += f"; {t('evidence', lang)}: {verdict.evidence}"
    return f"{verdict.criterion} {_text.strip_period(name)}: ", finding
