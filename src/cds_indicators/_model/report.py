"""Verdicts and reports: what evaluation found, explained, and kept exactly."""

from __future__ import annotations

import enum
import functools
import math
from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import Any

import attrs

from cds_indicators._model.comparisons import RULES
from cds_indicators._model.errors import InputError, Problem, UnknownCriterionError
from cds_indicators._model.framework import Framework, Kind, Target
from cds_indicators._model.views import show
from cds_indicators._words import Lang, words
from cds_indicators._words import format as _text
from cds_indicators._words.interface import t

__all__ = ["Completion", "Report", "Status", "Verdict", "completion_details"]


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
    pair when the rate came as counts.
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
        name = self.name if lang == "vi" or not self.name_en else self.name_en
        return f"{self.criterion} {_text.strip_period(name)}: {self._finding(lang)}"

    def _shown_value(self, lang: Lang) -> str:
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


@attrs.frozen(kw_only=True)
class Report:
    """Every verdict for one commune in one year, and whether it completed.

    ``report["2.5"]`` is a verdict; ``verdicts`` are in the decision's order.
    """

    framework: str
    year: int
    completion: Completion
    verdicts: tuple[Verdict, ...]
    commune: str | None = None
    district: str | None = None
    score: Fraction | None = None
    max_score: Fraction | None = None
    level: str | None = None
    #: The Framework the report was judged by, as ``evaluate`` had it: the renderers take their
    #: pillar names from it. Not part of equality, nor of :meth:`to_dict`, so a report read
    #: back by :meth:`from_dict` has none.
    _definition: Framework | None = attrs.field(default=None, eq=False, repr=False, hash=False,
                                                alias="definition")
    _index: dict[str, Verdict] = attrs.field(init=False, eq=False, repr=False, hash=False)

    @_index.default
    def _build_index(self) -> dict[str, Verdict]:
        return {v.criterion: v for v in self.verdicts}

    @property
    def completed(self) -> bool:
        """Whether the commune completed digital transformation this year."""
        return self.completion is Completion.COMPLETED

    def _with(self, status: Status) -> tuple[str, ...]:
        return tuple(v.criterion for v in self.verdicts if v.status is status)

    @property
    def failed(self) -> tuple[str, ...]:
        """Ids of the criteria not met, in the decision's order."""
        return self._with(Status.FAIL)

    @property
    def missing(self) -> tuple[str, ...]:
        """Ids of the criteria with a target but no value, in the decision's order."""
        return self._with(Status.MISSING)

    @property
    def pillars(self) -> dict[str, dict[Status, int]]:
        """For each pillar code, in order, how many of its criteria have each status."""
        counts: dict[str, dict[Status, int]] = {}
        for verdict in self.verdicts:
            by_status = counts.setdefault(verdict.pillar, dict.fromkeys(Status, 0))
            by_status[verdict.status] += 1
        return counts

    def __getitem__(self, criterion: str) -> Verdict:
        try:
            return self._index[criterion]
        except (KeyError, TypeError):
            raise UnknownCriterionError(str(criterion), framework=self.framework) from None

    def __iter__(self) -> Iterator[Verdict]:
        return iter(self.verdicts)

    def __len__(self) -> int:
        return len(self.verdicts)

    def text(self, lang: Lang = "vi") -> str:
        """One line: who, which year, and the completion verdict with what is missing."""
        who = self.commune or t("unnamed", lang)
        return (f"{who} — {'năm' if lang == 'vi' else 'year'} {self.year}: "
                f"{completion_word(self.completion, lang)}{completion_details(self, lang)}")

    def __str__(self) -> str:
        return self.text()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict: exact numbers as text (``"288/5"`` or ``"57.6"``), enums by value;
        ``completed``, ``shortfall`` and ``needed`` are added for readers and ignored by
        :meth:`from_dict`."""
        data: dict[str, Any] = _converter().unstructure(self)
        data["completed"] = self.completed
        _drop_unscored(data, ("score", "max_score", "level"))
        for verdict, row in zip(self.verdicts, data["verdicts"], strict=True):
            row["shortfall"] = _text.exact(verdict.shortfall)
            row["needed"] = verdict.needed
            _drop_unscored(row, ("points", "max_points"))
        return data

    def to_frame(self, *, backend: str = "pandas") -> Any:
        """This report as a long table, one row per criterion (see :func:`reports_to_frame`)."""
        return show("report_frame", [self], backend=backend)

    def _repr_html_(self) -> str:
        """A compact table grouped by pillar, for notebooks."""
        html: str = show("report_html", self)
        return html

    def plot(self, lang: Lang = "vi") -> Any:
        """Per-pillar bars of this report's statuses (needs the ``[plot]`` extra); returns the
        matplotlib ``Figure``."""
        return show("report_plot", self, lang=lang)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """The report :meth:`to_dict` gave, exactly."""
        plain = {k: v for k, v in data.items() if k != "completed"}
        plain["verdicts"] = [
            {k: v for k, v in row.items() if k not in ("shortfall", "needed")}
            for row in data.get("verdicts", ())
        ]
        import cattrs

        try:
            report: Report = _converter().structure(plain, cls)
        except (cattrs.BaseValidationError, KeyError, TypeError, ValueError) as exc:
            raise InputError(_structure_problems(exc)) from None
        return report


def completion_details(report: Report, lang: Lang = "vi") -> str:
    """What follows a report's completion verdict, with its leading separator: the criteria not
    met and those without a value in parentheses, then the score and level of a points
    framework (`` (2 chỉ tiêu chưa đạt: CQ3, KT1); 69,1/100 điểm, mức Khá``); empty when
    there is nothing to add. Every renderer that states a report's verdict uses it."""
    vi = lang == "vi"
    lacking = []
    if report.failed:
        lacking.append(f"{len(report.failed)} {'chỉ tiêu chưa đạt' if vi else 'not met'}: "
                       + ", ".join(report.failed))
    if report.missing:
        lacking.append(f"{len(report.missing)} {'thiếu số liệu' if vi else 'without a value'}: "
                       + ", ".join(report.missing))
    details = f" ({'; '.join(lacking)})" if lacking else ""
    if report.score is not None and report.max_score is not None:
        details += "; " + t("score", lang, score=_text.number(report.score, 2, lang),
                            max=_text.number(report.max_score, 2, lang))
        if report.level is not None:
            details += f", {t('level', lang)} {report.level}"
    return details


def _drop_unscored(row: dict[str, Any], keys: tuple[str, ...]) -> None:
    # Points only exist in a points framework; elsewhere the dict keeps its plain shape.
    for key in keys:
        if row.get(key, 0) is None:
            del row[key]


def _structure_problems(exc: BaseException) -> list[Problem]:
    import cattrs

    if not isinstance(exc, cattrs.BaseValidationError):
        return [Problem.of("schema", detail=str(exc) or type(exc).__name__, path="$")]
    problems = []
    for line in cattrs.transform_error(exc, path="$", format_exception=_describe):
        detail, _, path = line.rpartition(" @ ")
        problems.append(Problem.of("schema", detail=detail, path=path))
    return problems


def _describe(exc: BaseException, kind: type | None) -> str:
    import cattrs

    if isinstance(exc, KeyError):
        return "required key missing"
    if isinstance(exc, TypeError | ValueError):
        return str(exc)
    return str(cattrs.v.format_exception(exc, kind))


def _parse_fraction(value: Any, _: Any) -> Fraction:
    if not isinstance(value, str):
        raise TypeError(f"expected an exact number as text, got {value!r}")
    return Fraction(value)


def _value_text(value: Fraction | bool | None) -> str | bool | None:
    return value if value is None or isinstance(value, bool) else _text.exact(value)


def _parse_value(value: Any, _: Any) -> Fraction | bool | None:
    if value is None or isinstance(value, bool):
        return value
    return _parse_fraction(value, None)


@functools.cache
def _converter() -> Any:
    import cattrs
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    converter = cattrs.Converter(unstruct_collection_overrides={tuple: list})
    converter.register_unstructure_hook(Fraction, _text.exact)
    converter.register_structure_hook(Fraction, _parse_fraction)
    converter.register_structure_hook(Fraction | bool | None, _parse_value)
    converter.register_unstructure_hook(Fraction | bool | None, _value_text)
    # The hooks above are in place before these are made; the definition a report was judged
    # by is held, never written or read.
    converter.register_unstructure_hook(Report, make_dict_unstructure_fn(
        Report, converter, _definition=override(omit=True)))
    converter.register_structure_hook(Report, make_dict_structure_fn(
        Report, converter, _definition=override(omit=True)))
    return converter
