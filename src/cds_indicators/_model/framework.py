"""The immutable model of a criteria set: Framework, Pillar, Criterion, Target."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator, Mapping
from fractions import Fraction
from numbers import Integral

import attrs

from cds_indicators._model.comparisons import RULES, Comparison
from cds_indicators._model.errors import UnknownCriterionError, UnknownYearError
from cds_indicators._words.format import fold

__all__ = ["Band", "Comparison", "Criterion", "Framework", "Kind", "Level", "Pillar", "Scoring",
           "Target"]


class Kind(enum.Enum):
    """What a criterion measures."""

    RATE = "rate"
    """A share in percent (0–100), given as a percentage or as counts."""
    YES_NO = "yes_no"
    """Whether something exists or is done; its target is printed as a label (``Có``)."""
    COUNT = "count"
    """A whole number of things (training classes, security incidents), never a percentage."""


class Scoring(enum.Enum):
    """How a criterion of a points framework turns its value into points."""

    ALL_OR_NOTHING = "all_or_nothing"
    """The maximum when the target is met, else 0."""
    PROPORTIONAL = "proportional"
    """``Điểm = Tỷ lệ × Điểm tối đa``: a rate scores ``value / 100 × maximum``, a count
    ``value / threshold × maximum``, capped at the maximum."""
    BANDS = "bands"
    """Steps: a value from a band's start up earns that band's points (the highest band it
    reaches), whether or not it meets the target; below every band, 0."""
    PARTIAL = "partial"
    """The maximum when the target is met; ``partial_share`` of it when the value meets the
    second, less demanding threshold ``partial`` by the same comparison; else 0."""


@attrs.frozen(kw_only=True)
class Band:
    """One step of a ``bands`` criterion: a value of at least ``start`` earns ``points``.

    ``start`` is read like the criterion's thresholds (percent for a rate, a whole number for a
    count) and is always inclusive (``từ … trở lên``).
    """

    start: Fraction
    points: Fraction

    def __str__(self) -> str:
        return f"{self.start} → {self.points}"


@attrs.frozen(kw_only=True)
class Target:
    """One year's target of a criterion: the cell as printed and what it demands.

    ``label`` is the cell as printed (``80%``, ``Có``, ``Sử dụng hiệu quả``); ``threshold`` the
    exact number a rate (percent) or a count is compared with, ``None`` for a yes/no target.
    """

    label: str
    kind: Kind
    comparison: Comparison
    threshold: Fraction | None = None

    @property
    def percent(self) -> Fraction | None:
        """The threshold as an exact Fraction of percent for a rate target, else ``None``."""
        return self.threshold if self.kind is Kind.RATE else None

    def is_met(self, value: Fraction | bool) -> bool:
        """Whether ``value`` (already read exactly) meets this target."""
        return RULES[self.comparison].meets(value, self.threshold)

    def signs(self) -> tuple[str, str]:
        """The signs written between a value and the threshold when it meets it, and when not."""
        return RULES[self.comparison].signs

    def __str__(self) -> str:
        return self.label


def _by_year(targets: Mapping[int, Target | None]) -> dict[int, Target | None]:
    return dict(sorted(targets.items()))


@attrs.frozen(kw_only=True)
class Criterion:
    """One measurable criterion (chỉ tiêu) with its target for each year of its framework.

    ``responsible`` is the office a framework file names as responsible for the criterion
    (``Đơn vị chủ trì thực hiện``), as printed, or ``""``. In the shipped Decision 1829 it is
    Vĩnh Lộc district's own assignment (section III.2 of the district's plan, whose appendix the
    file is transcribed from), not a rule of the province: another district assigns its own.
    """

    id: str
    pillar: str
    name: str
    unit: str
    kind: Kind
    responsible: str = ""
    """The responsible office as the framework file prints it; for Decision 1829, Vĩnh Lộc
    district's assignment (its plan, section III.2), not the decision's."""
    conditional: bool = False
    name_en: str | None = None
    counts: tuple[str, str] | None = None
    targets: Mapping[int, Target | None] = attrs.field(
        factory=dict, hash=False, converter=_by_year
    )
    mandatory: bool = False
    points: Fraction | None = None
    scoring: Scoring = Scoring.ALL_OR_NOTHING
    #: A yes/no criterion whose target ``Có`` counts things (``Điểm phát``): takes a count too.
    counted: bool = False
    bands: tuple[Band, ...] = ()
    """The steps of a ``bands`` criterion, from the highest start down."""
    partial: Fraction | None = None
    """The second threshold of a ``partial`` criterion: a value that meets it (by the
    criterion's comparison) but not the target is partly met."""
    partial_share: Fraction | None = None
    """The share of the maximum a partly met ``partial`` criterion earns (``1/2``)."""
    labels: frozenset[str] = attrs.field(init=False, eq=False, repr=False, hash=False)

    @labels.default
    def _labels(self) -> frozenset[str]:
        return frozenset(fold(t.label) for t in self.targets.values() if t is not None)

    def target(self, year: int) -> Target | None:
        """The target for ``year``; ``None`` where the decision prints ``*`` (no target)."""
        try:
            return self.targets[year]
        except (KeyError, TypeError):
            raise UnknownYearError(year, self.targets) from None

    @property
    def comparison(self) -> Comparison:
        """How values are held against this criterion's thresholds."""
        for target in self.targets.values():
            if target is not None:
                return target.comparison
        return Comparison.YES if self.kind is Kind.YES_NO else Comparison.AT_LEAST

    def __str__(self) -> str:
        return f"{self.id} {self.name}"


@attrs.frozen(kw_only=True)
class Level:
    """A grade of a points framework (``Tốt``, ``Khá``, …) reached from ``min_score`` points."""

    name: str
    min_score: Fraction

    def __str__(self) -> str:
        return self.name


@attrs.frozen(kw_only=True)
class Pillar:
    """A group of criteria (tiêu chí): ``Chính quyền số``, ``Kinh tế số``, …"""

    code: str
    name: str
    criteria: tuple[Criterion, ...] = ()
    name_en: str | None = None

    def __str__(self) -> str:
        return self.name


@attrs.frozen(kw_only=True)
class Framework:
    """A criteria set: its pillars and criteria in the decision's order, and its years.

    ``completion`` names the policy that decides completion (``all``, ``share``, ``points``);
    ``share`` is the percentage of criteria a ``share`` policy needs, ``pass_score`` the points a
    ``points`` policy needs, ``levels`` its grades from the highest cut-off down.

    ``framework["2.5"]`` is a criterion; ``len()`` and iteration go over the criteria.
    """

    id: str
    title: str
    years: tuple[int, ...]
    pillars: tuple[Pillar, ...]
    completion: str = "all"
    decision: str | None = None
    issuer: str | None = None
    issued: datetime.date | None = None
    province: str | None = None
    source: str | None = None
    schema_version: int = 1
    share: Fraction | None = None
    pass_score: Fraction | None = None
    levels: tuple[Level, ...] = ()
    _index: dict[str, Criterion] = attrs.field(init=False, eq=False, repr=False, hash=False)

    @_index.default
    def _build_index(self) -> dict[str, Criterion]:
        return {c.id: c for p in self.pillars for c in p.criteria}

    @property
    def scored(self) -> bool:
        """Whether criteria carry points (a ``points`` framework)."""
        return self.completion == "points"

    def level(self, score: Fraction) -> Level | None:
        """The highest level ``score`` reaches; ``None`` below every cut-off."""
        for level in self.levels:
            if score >= level.min_score:
                return level
        return None

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """Every criterion, in the decision's order."""
        return tuple(self._index.values())

    def pillar(self, code: str) -> Pillar:
        """The pillar with this code."""
        for pillar in self.pillars:
            if pillar.code == code:
                return pillar
        raise LookupError(f"no pillar {code!r} in framework {self.id}")

    def check_year(self, year: object) -> int:
        """``year`` if the framework has targets for it; else :class:`UnknownYearError`."""
        if isinstance(year, Integral) and not isinstance(year, bool) and int(year) in self.years:
            return int(year)
        raise UnknownYearError(year, self.years, framework=self.id)

    def __getitem__(self, criterion: str) -> Criterion:
        try:
            return self._index[criterion]
        except (KeyError, TypeError):
            raise UnknownCriterionError(str(criterion), framework=self.id) from None

    def __contains__(self, criterion: object) -> bool:
        return criterion in self._index

    def __iter__(self) -> Iterator[Criterion]:
        return iter(self._index.values())

    def __len__(self) -> int:
        return len(self._index)

    def __str__(self) -> str:
        return f"{self.title} ({self.decision or self.id})"
