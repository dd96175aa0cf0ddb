"""The exception family: every refusal is a :class:`CdsError`.

Each concrete error also subclasses the builtin that fits, carries the structured fields its
message is built from, and, where a whole input was checked, every :class:`Problem` found in it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

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
    """Root of every error this library raises on purpose."""

    # Tracebacks name the public path (``cds_indicators.MeasurementError``), not this module.
    __module__ = "cds_indicators"


class FrameworkError(CdsError, ValueError):
    """A framework file is not valid; ``problems`` lists every mistake with its key path."""

    __module__ = "cds_indicators"

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        head = f"khung tiêu chí không hợp lệ{f' ({source})' if source else ''}"
        super().__init__(_listing(head, self.problems))


class MeasurementError(CdsError, ValueError):
    """A measured value cannot be read for its criterion.

    ``criterion`` and ``value`` are those of the first problem; ``problems`` holds every bad value
    of the same call, so that one error reports them all.
    """

    __module__ = "cds_indicators"

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("a MeasurementError needs at least one problem")
        self.criterion = self.problems[0].criterion
        self.value = self.problems[0].value
        super().__init__(_listing("giá trị không hợp lệ", self.problems))


class InputError(CdsError, ValueError):
    """An input file cannot be read; ``problems`` lists everything wrong with it, located."""

    __module__ = "cds_indicators"

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(_listing("dữ liệu đầu vào có lỗi", self.problems))


class UnknownCriterionError(CdsError, LookupError):
    """A criterion id the framework does not have."""

    __module__ = "cds_indicators"

    def __init__(self, criterion: str, *, framework: str | None = None) -> None:
        self.criterion = criterion
        self.framework = framework
        where = f" trong khung {framework}" if framework else ""
        super().__init__(f"không có chỉ tiêu {criterion!r}{where}")

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
        where = f"khung {framework}" if framework else "khung tiêu chí"
        super().__init__(f"năm {year!r} không thuộc {where} (các năm có chỉ tiêu: {have})")


class MissingExtraError(CdsError, ImportError):
    """An optional dependency is not installed; the message names the extra that installs it."""

    __module__ = "cds_indicators"

    def __init__(self, extra: str, module: str) -> None:
        self.extra = extra
        super().__init__(
            f"{module} chưa được cài đặt: pip install \"cds-indicators[{extra}]\" "
            f"({module} is not installed)",
            name=module,
        )


def require(module: str, extra: str) -> Any:
    """Import ``module`` or raise :class:`MissingExtraError` naming ``extra``.

    Optional dependencies are imported here, where they are used, never on ``import
    cds_indicators``."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(extra, module) from None
