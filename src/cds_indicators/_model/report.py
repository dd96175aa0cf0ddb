"""Reports: a commune-year's verdicts, its completion, and its points."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs

from cds_indicators._model import serial
from cds_indicators._model.errors import Problem, UnknownCriterionError
from cds_indicators._model.framework import Framework
from cds_indicators._model.record import Reading
from cds_indicators._model.scoring import index_of
from cds_indicators._model.slots import slot_setters
from cds_indicators._model.verdict import (
    Completion,
    Status,
    Verdict,
    completion_word,
    remedy,
    status_word,
)
from cds_indicators._model.views import show
from cds_indicators._model.warnings import report_warnings
from cds_indicators._words import Lang
from cds_indicators._words import format as _text
from cds_indicators._words.interface import t

__all__ = [
    "Completion",
    "Report",
    "Status",
    "Verdict",
    "completion_details",
    "completion_word",
    "remedy",
    "status_word",
    "waiting_report",
]

_STATUSES = tuple(Status)


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
    #: The province, when the evaluation was given one; ``summarize(by="province")`` groups by it.
    province: str | None = None
    #: The commune's official code (*mã đơn vị hành chính*), when it was given by its code.
    code: str | None = None
    score: Fraction | None = None
    max_score: Fraction | None = None
    level: str | None = None
    #: The Framework the report was judged by, as ``evaluate`` had it: the renderers take their
    #: pillar names from it. Not part of equality, nor of :meth:`to_dict`, so a report read
    #: back by :meth:`from_dict` has none.
    _definition: Framework | None = attrs.field(default=None, eq=False, repr=False, hash=False,
                                                alias="definition")
    #: The readings the verdicts were judged from (only the percentages stated beside counts
    #: are used, by :attr:`warnings`); not part of equality.
    _readings: Mapping[str, Reading] | None = attrs.field(default=None, eq=False, repr=False,
                                                          hash=False, alias="readings")
    _index: dict[str, Verdict] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _warned: tuple[Problem, ...] | None = attrs.field(init=False, default=None, eq=False,
                                                      repr=False, hash=False)

    #: Verdicts not built yet: :func:`evaluate` decides the statuses and the completion first and
    #: leaves here how to build the verdicts, which happens when they are first looked at.
    _pending: Any = attrs.field(init=False, default=None, eq=False, repr=False, hash=False)

    @_index.default
    def _build_index(self) -> dict[str, Verdict]:
        return {v.criterion: v for v in self.verdicts}

    if not TYPE_CHECKING:
        def __getattr__(self, name: str) -> Any:
            # Called only for a slot not set: the verdicts of a report whose building waits.
            pending = object.__getattribute__(self, "_pending")
            if pending is None or name not in ("verdicts", "_index"):
                raise AttributeError(name)
            object.__setattr__(self, "verdicts", pending())
            object.__setattr__(self, "_index", self._build_index())
            object.__setattr__(self, "_pending", None)
            return object.__getattribute__(self, name)

    @property
    def completed(self) -> bool:
        """Whether the commune completed digital transformation this year."""
        return self.completion is Completion.COMPLETED

    @property
    def index(self) -> Fraction | None:
        """The normalised index, ``score / max_score`` (exact, 0 to 1); ``None`` outside a
        points framework or when no criterion counts."""
        return index_of(self.score, self.max_score)

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
            by_status = counts.get(verdict.pillar)
            if by_status is None:
                by_status = counts[verdict.pillar] = dict.fromkeys(_STATUSES, 0)
            by_status[verdict.status] += 1
        return counts

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """What is legal but probably wrong in the values judged (``docs/reliability.md``):
        found on first use, never changing a verdict."""
        warned = self._warned
        if warned is None:
            # Kept once found; the report stays immutable to its users (the slot is private).
            warned = report_warnings(self)
            object.__setattr__(self, "_warned", warned)
        return warned

    def __getitem__(self, criterion: str) -> Verdict:
        if not isinstance(criterion, str):
            # A criterion id is text ("2.5"); a number here is a programmer's mistake.
            raise TypeError(f"criterion ids are str, not {type(criterion).__name__}")
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
        return serial.report_to_dict(self)

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
    def from_dict(cls, data: Mapping[str, Any], *, framework: Framework | None = None) -> Report:
        """The report :meth:`to_dict` gave, exactly; an :class:`InputError` listing every
        problem, located (``$.verdicts[3].status``), when the document is not such a report:
        a field of the wrong type, an unknown key, or a verdict, completion or score that
        ``framework`` (default: the shipped framework of the report's id) does not give."""
        report: Report = serial.report_from_dict(cls, data, framework)
        return report


#: The fields of a report whose verdicts wait (every field but ``verdicts`` and ``_index``, which
#: ``Report.__getattr__`` sets when they are first looked at), and the setter of each one's slot.
_WAITING: Final = ("framework", "year", "completion", "commune", "district", "province", "code",
                   "score", "max_score", "level", "_definition", "_readings", "_warned",
                   "_pending")
(_set_framework, _set_year, _set_completion, _set_commune, _set_district, _set_province,
 _set_code, _set_score, _set_max_score, _set_level, _set_definition, _set_readings, _set_warned,
 _set_pending) = slot_setters(Report, _WAITING, unset=("verdicts", "_index"))


def waiting_report(pending: Callable[[], tuple[Verdict, ...]], framework: str, year: int,
                   completion: Completion, commune: str | None, district: str | None,
                   province: str | None, code: str | None, definition: Framework,
                   readings: Mapping[str, Reading] | None) -> Report:
    """A report whose verdicts ``pending()`` builds when they are first looked at: what
    :func:`evaluate` returns when it decided the completion from the statuses alone. Its slots
    are set directly, as the frozen class's ``__init__`` would set them, without running it for
    every commune-year: every value here is already checked."""
    report: Report = object.__new__(Report)
    _set_framework(report, framework)
    _set_year(report, year)
    _set_completion(report, completion)
    _set_commune(report, commune)
    _set_district(report, district)
    _set_province(report, province)
    _set_code(report, code)
    _set_score(report, None)
    _set_max_score(report, None)
    _set_level(report, None)
    _set_definition(report, definition)
    _set_readings(report, readings)
    _set_warned(report, None)
    _set_pending(report, pending)
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


