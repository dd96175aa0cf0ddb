"""The exception family: every refusal is a :class:`CdsError`.

Each concrete error also subclasses the builtin that fits, carries the structured fields its
message is built from, and, where a whole input was checked, every :class:`Problem` found in it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any, Final, NoReturn

import attrs

from cds_indicators._words import Lang, words
from cds_indicators._words.messages import render

__all__ = [
    "CdsError",
    "FrameworkError",
    "InputError",
    "MeasurementError",
    "MissingExtraError",
    "Problem",
    "UnknownCriterionError",
    "UnknownYearError",
    "error_for",
    "raise_problems",
    "require",
]


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input, and where it is.

    ``code`` names the kind of problem; ``message`` says it in Vietnamese and ``message_en`` in
    English. The other fields say where, as far as they are known: ``source`` (a file name),
    ``sheet``, ``row`` and ``column`` (a table cell; rows numbered as a spreadsheet shows them),
    ``line`` (a text file), ``path`` (a key path such as ``criteria[3].targets.2024``), and the
    ``criterion`` and ``value`` concerned.
    """

    code: str
    message: str
    message_en: str
    criterion: str | None = None
    value: Any = attrs.field(default=None, hash=False)
    source: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    line: int | None = None
    path: str | None = None

    @classmethod
    def of(
        cls, code: str, *, criterion: str | None = None, value: Any = None, **fields: Any
    ) -> Problem:
        """The problem ``code`` with its message rendered from ``criterion``, ``value`` and
        ``fields``; fields that name a place (``source``, ``row``, …) are kept as the place."""
        place = {k: fields.pop(k) for k in _PLACE_FIELDS if k in fields}
        vi, en = render(code, criterion=criterion, value=value, **fields)
        return cls(code=code, message=vi, message_en=en, criterion=criterion, value=value, **place)

    def place(self, lang: Lang = "vi") -> str:
        """Where the problem is, as people read it: ``data.csv, dòng 4, cột 2.5``."""
        place = words(lang).PLACE
        parts = [] if self.source is None else [self.source]
        for name in ("sheet", "row", "line", "column"):
            found = getattr(self, name)
            if found is not None:
                parts.append(f"{place[name]} {found}")
        if self.path is not None:
            parts.append(self.path)
        return ", ".join(parts)

    def text(self, lang: Lang = "vi") -> str:
        """The place and the message in ``lang`` (``"vi"`` or ``"en"``)."""
        place = self.place(lang)
        message = self.message if lang == "vi" else self.message_en
        return f"{place}: {message}" if place else message

    def __str__(self) -> str:
        return self.text()


_PLACE_FIELDS = ("source", "sheet", "row", "column", "line", "path")


def _listing(headline: str, problems: tuple[Problem, ...]) -> str:
    if len(problems) == 1:
        return str(problems[0])
    return "\n".join([f"{headline} ({len(problems)}):", *(f"  - {p}" for p in problems)])


class CdsError(Exception):
    """Root of every error this library raises on purpose.

    ``problems`` holds what went wrong, each a :class:`Problem` with its code, its place and its
    message in Vietnamese and English; the command line lists them in either language.
    """

    # Tracebacks name the public path (``cds_indicators.MeasurementError``), not this module.
    __module__ = "cds_indicators"

    problems: tuple[Problem, ...] = ()

    def _report(self, problems: Iterable[Problem], headline: str) -> None:
        self.problems = tuple(problems)
        # Not super().__init__: in a class that is two of these errors at once, the next
        # __init__ in line would be the other error's, which takes problems, not a message.
        Exception.__init__(self, _listing(headline, self.problems))


class FrameworkError(CdsError, ValueError):
    """A framework file is not valid; ``problems`` lists every mistake with its key path."""

    __module__ = "cds_indicators"

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None) -> None:
        self.source = source
        self._report(problems, f"khung tiêu chí không hợp lệ{f' ({source})' if source else ''}")


class InputError(CdsError, ValueError):
    """An input cannot be read (a file, a table, an argument); ``problems`` lists everything wrong
    with it, located. A bad measured value is the :class:`MeasurementError` kind of it."""

    __module__ = "cds_indicators"

    def __init__(self, problems: Iterable[Problem]) -> None:
        self._report(problems, "dữ liệu đầu vào có lỗi")


class MeasurementError(InputError, CdsError, ValueError):
    """A measured value cannot be read for its criterion.

    ``criterion`` and ``value`` are those of the first problem; ``problems`` holds every bad value
    of the same call, so that one error reports them all. It is an :class:`InputError` too: the
    same bad value raises it through every door, a values file's as well as ``evaluate()``'s.
    """

    __module__ = "cds_indicators"

    criterion: str | None
    value: Any

    def __init__(self, problems: Iterable[Problem]) -> None:
        self._report(problems, "giá trị không hợp lệ")
        self._first()

    def _first(self) -> None:
        if not self.problems:
            raise ValueError("a MeasurementError needs at least one problem")
        self.criterion = self.problems[0].criterion
        self.value = self.problems[0].value


class UnknownCriterionError(CdsError, LookupError):
    """A criterion id the framework does not have."""

    __module__ = "cds_indicators"

    def __init__(self, criterion: str, *, framework: str | None = None) -> None:
        self.criterion = criterion
        self.framework = framework
        if framework:
            problem = Problem.of("unknown_criterion", criterion=criterion, framework=framework)
        else:
            problem = Problem.of("no_such_criterion", criterion=criterion)
        self._report([problem], "")

    def __str__(self) -> str:
        # LookupError would quote the message as a key; say it plainly instead.
        return str(self.args[0])


class UnknownYearError(CdsError, ValueError):
    """A year the framework has no targets for; ``years`` are the ones it has."""

    __module__ = "cds_indicators"

    def __init__(self, year: object, years: Iterable[int], *, framework: str | None = None) -> None:
        self.year = year
        self.years = tuple(years)
        self.framework = framework
        have = ", ".join(str(y) for y in self.years)
        if framework:
            problem = Problem.of("year_not_in_framework", value=year, framework=framework,
                                 years=have)
        else:
            problem = Problem.of("year_without_targets", value=year, years=have)
        self._report([problem], "")


class MissingExtraError(CdsError, ImportError):
    """An optional dependency is not installed; the message names the extra that installs it."""

    __module__ = "cds_indicators"

    def __init__(self, extra: str, module: str) -> None:
        self.extra = extra
        from cds_indicators._words.install import WHEEL

        self.problems = (Problem.of("missing_extra", module=module, extra=extra, wheel=WHEEL),)
        super().__init__(f"{self.problems[0].message} ({module} is not installed)", name=module)


# --- which error reports a problem ---------------------------------------------------------------

#: Problems with a measured value (what a commune reports for a criterion): an error that
#: reports one is a MeasurementError, whichever door the value came in by.
_MEASURED: Final = frozenset({
    "bool_for_rate", "rate_out_of_range", "bool_for_count", "bad_count",
    "not_finite", "bad_rate_text", "bad_yes_no_text", "unsupported_type", "count_not_whole",
    "count_comma_grouped", "both_counts_wrong",
    "denominator_not_positive", "numerator_above_denominator", "bad_ratio_mapping",
    "not_conditional", "wrong_dimension", "wrong_count_units", "unexpected_count_units",
    "unknown_criterion", "criterion_id_not_text", "values_not_mapping", "merge_percent_only",
    "merge_bad_weight", "merge_bad_weight_of", "merge_weight_conflict", "merge_years_differ",
    "number_too_long", "text_too_long", "number_not_counted", "bad_counted", "bad_evidence_mapping",
    "evidence_not_text", "nested_evidence",
})
#: Problems with the type of an argument: an error that reports one is also a TypeError.
_ARGUMENT_TYPE: Final = frozenset({
    "values_not_mapping", "name_not_text", "frame_not_a_table", "merge_parts_type",
    "merge_part_type", "merge_weights_type", "merge_shares_type", "merge_bad_into",
})


class _InputTypeError(InputError, TypeError):
    """An :class:`InputError` one of whose problems is an argument of the wrong type."""

    __module__ = "cds_indicators"


class _MeasurementTypeError(MeasurementError, TypeError):
    """A :class:`MeasurementError` one of whose problems is an argument of the wrong type."""

    __module__ = "cds_indicators"


def error_for(problems: Iterable[Problem], *,
              promised: type[MeasurementError] | None = None) -> InputError:
    """The one error that reports every problem in ``problems``: a :class:`MeasurementError`
    when one of them is a bad measured value (or the door has always promised one, as
    ``merge`` has), else an :class:`InputError`; either is also a ``TypeError`` when one of them
    is an argument of the wrong type. Every :class:`MeasurementError` is an :class:`InputError`,
    so code catching the one a door documents keeps working."""
    problems = tuple(problems)
    if not problems:
        raise ValueError("an error needs at least one problem")
    measured = promised is not None or any(p.code in _MEASURED for p in problems)
    typed = any(p.code in _ARGUMENT_TYPE for p in problems)
    kind: type[InputError] = (
        (_MeasurementTypeError if typed else MeasurementError) if measured
        else (_InputTypeError if typed else InputError)
    )
    return kind(problems)


def raise_problems(problems: Iterable[Problem], *,
                   promised: type[MeasurementError] | None = None) -> NoReturn:
    """Raise :func:`error_for` ``problems``."""
    raise error_for(problems, promised=promised)


def require(module: str, extra: str) -> Any:
    """Import ``module`` or raise :class:`MissingExtraError` naming ``extra``.

    Optional dependencies are imported here, where they are used, never on ``import
    cds_indicators``."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(extra, module) from None
