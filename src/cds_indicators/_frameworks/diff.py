"""Editions: what a new framework changes against an old one, as data and as text."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import attrs

from cds_indicators._model.framework import Criterion, Framework, Target

__all__ = ["Change", "FrameworkDiff", "diff"]

#: Framework-wide fields compared, in the order changes are listed.
_FRAMEWORK_FIELDS = (
    "title", "decision", "issuer", "issued", "province", "years", "completion", "share",
    "pass_score", "levels",
)
#: Criterion fields compared (targets are compared year by year after these).
_CRITERION_FIELDS = (
    "name", "unit", "pillar", "kind", "comparison", "conditional", "mandatory", "points",
    "scoring", "bands", "partial", "partial_share", "responsible", "counts", "counted",
)
_FIELD_WORDS = {
    "target": "chỉ tiêu", "label": "nhãn", "name": "tên", "unit": "đơn vị tính",
    "pillar": "nhóm", "kind": "loại", "comparison": "so sánh", "conditional": "(nếu có)",
    "mandatory": "bắt buộc", "points": "điểm tối đa", "scoring": "cách chấm",
    "bands": "các bậc điểm", "partial": "ngưỡng đạt một phần",
    "partial_share": "tỷ lệ điểm khi đạt một phần",
    "responsible": "đơn vị chủ trì", "counts": "đếm", "counted": "đếm số lượng",
    "title": "tên khung",
    "decision": "văn bản", "issuer": "cơ quan ban hành", "issued": "ngày ban hành",
    "province": "tỉnh", "years": "các năm", "completion": "cách xét hoàn thành",
    "share": "tỷ lệ chỉ tiêu cần đạt", "pass_score": "điểm hoàn thành", "levels": "các mức",
}


def _shown(value: Any) -> Any:
    """A changed value as plain data: labels for targets, text for numbers and enums."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Target):
        return value.label
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, tuple):
        return [_shown(v) for v in value]
    if hasattr(value, "value"):  # enums
        return value.value
    if hasattr(value, "min_score"):  # levels
        return f"{value.name} ≥ {value.min_score}"
    return str(value)


@attrs.frozen(kw_only=True)
class Change:
    """One difference: ``field`` of ``criterion`` (``None`` for the framework itself) in
    ``year`` (for a target or its label) went from ``old`` to ``new``, shown as plain data."""

    field: str
    old: Any
    new: Any
    criterion: str | None = None
    year: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)

    def __str__(self) -> str:
        where = f"{self.criterion} " if self.criterion else ""
        year = f" {self.year}" if self.year is not None else ""
        old = "—" if self.old is None else self.old
        new = "—" if self.new is None else self.new
        return f"~ {where}{_FIELD_WORDS.get(self.field, self.field)}{year}: {old} → {new}"


@attrs.frozen(kw_only=True)
class FrameworkDiff:
    """What changed from ``old`` to ``new``: criteria added and removed (ids, in each
    framework's order) and every change of a kept criterion or of the framework."""

    old: str
    new: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changes: tuple[Change, ...] = ()
    _names: dict[str, str] = attrs.field(factory=dict, eq=False, repr=False)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def to_dict(self) -> dict[str, Any]:
        """The differences as JSON-safe data."""
        return {
            "old": self.old,
            "new": self.new,
            "added": list(self.added),
            "removed": list(self.removed),
            "changes": [change.to_dict() for change in self.changes],
        }

    def __str__(self) -> str:
        lines = [f"{self.old} → {self.new}"]
        lines += [f"+ {c} {self._names.get(c, '')}".rstrip() for c in self.added]
        lines += [f"- {c} {self._names.get(c, '')}".rstrip() for c in self.removed]
        lines += [str(change) for change in self.changes]
        if len(lines) == 1:
            lines.append("(không có thay đổi)")
        return "\n".join(lines)


def _target_changes(old: Criterion, new: Criterion) -> Iterator[Change]:
    for year in sorted(set(old.targets) | set(new.targets)):
        before, after = old.targets.get(year), new.targets.get(year)
        if before == after:
            continue
        same_rule = (
            before is not None
            and after is not None
            and (before.kind, before.comparison, before.threshold)
            == (after.kind, after.comparison, after.threshold)
        )
        field = "label" if same_rule else "target"
        yield Change(field=field, criterion=new.id, year=year, old=_shown(before),
                     new=_shown(after))


def diff(old: Framework, new: Framework) -> FrameworkDiff:
    """The differences between two editions of a criteria set.

    >>> import cds_indicators as cds
    >>> same = cds.load_framework()
    >>> bool(cds.diff(same, same))
    False
    """
    changes = [
        Change(field=key, old=_shown(getattr(old, key)), new=_shown(getattr(new, key)))
        for key in _FRAMEWORK_FIELDS
        if getattr(old, key) != getattr(new, key)
    ]
    for criterion in new:
        if criterion.id not in old:
            continue
        before = old[criterion.id]
        changes.extend(
            Change(field=key, criterion=criterion.id, old=_shown(getattr(before, key)),
                   new=_shown(getattr(criterion, key)))
            for key in _CRITERION_FIELDS
            if getattr(before, key) != getattr(criterion, key)
        )
        changes.extend(_target_changes(before, criterion))
    names = {c.id: c.name for c in old} | {c.id: c.name for c in new}
    return FrameworkDiff(
        old=old.id,
        new=new.id,
        added=tuple(c.id for c in new if c.id not in old),
        removed=tuple(c.id for c in old if c.id not in new),
        changes=tuple(changes),
        names=names,
    )
