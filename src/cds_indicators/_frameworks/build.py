"""Checked definitions of a framework file, built into the runtime model."""

from __future__ import annotations

from fractions import Fraction

from cds_indicators._frameworks.cells import (
    NO_TARGET_CELL,
    THRESHOLD,
    cell_parts,
    comparison_of,
    nfc,
    number,
    percent_cell,
)
from cds_indicators._frameworks.schema import Cell, CriterionDef, FileDef
from cds_indicators._frameworks.scored import threshold_key
from cds_indicators._model.framework import (
    Band,
    Comparison,
    Criterion,
    Framework,
    Kind,
    Level,
    Pillar,
    Scoring,
    Target,
)
from cds_indicators._model.scoring import DEFAULT_PARTIAL_SHARE

__all__ = ["build"]


def _target(kind: Kind, comparison: Comparison, cell: Cell) -> Target | None:
    threshold_text, label = cell_parts(cell)
    if threshold_text.strip() == NO_TARGET_CELL:
        return None
    convert = THRESHOLD.get(kind)
    threshold = None if convert is None else convert(threshold_text)
    return Target(label=nfc(label.strip()), kind=kind, comparison=comparison, threshold=threshold)


def _criterion(spec: CriterionDef) -> Criterion:
    kind = Kind(spec.kind)
    comparison = comparison_of(kind, spec.comparison)
    assert comparison is not None, "checked before building"
    scoring = Scoring(spec.scoring) if spec.scoring else Scoring.ALL_OR_NOTHING
    return Criterion(
        id=spec.id,
        pillar=spec.pillar,
        name=nfc(spec.name),
        unit=nfc(spec.unit),
        kind=kind,
        responsible=nfc(spec.responsible),
        conditional=spec.conditional,
        name_en=spec.name_en,
        counts=None if spec.counts is None else (spec.counts.numerator, spec.counts.denominator),
        targets={
            int(year): _target(kind, comparison, cell) for year, cell in spec.targets.items()
        },
        mandatory=spec.mandatory,
        points=None if spec.points is None else number(spec.points),
        scoring=scoring,
        bands=tuple(Band(start=threshold_key(kind, b.from_) or Fraction(0),
                         points=number(b.points) or Fraction(0)) for b in spec.bands or ()),
        partial=None if spec.partial is None else threshold_key(kind, spec.partial),
        partial_share=(None if scoring is not Scoring.PARTIAL else DEFAULT_PARTIAL_SHARE
                       if spec.partial_share is None else number(spec.partial_share)),
        counted=spec.counted,
    )


def build(spec: FileDef) -> Framework:
    """The framework that checked definitions describe (``checks.check`` found no problem)."""
    criteria = [_criterion(c) for c in spec.criteria]
    pillars = tuple(
        Pillar(
            code=p.code,
            name=nfc(p.name),
            name_en=p.name_en,
            criteria=tuple(c for c in criteria if c.pillar == p.code),
        )
        for p in spec.pillars
    )
    meta = spec.framework
    return Framework(
        id=meta.id,
        title=nfc(meta.title),
        years=tuple(meta.years),
        pillars=pillars,
        completion=meta.completion,
        decision=meta.decision,
        issuer=meta.issuer,
        issued=meta.issued,
        province=meta.province,
        source=meta.source,
        schema_version=spec.schema_version,
        share=None if meta.share is None else percent_cell(meta.share),
        pass_score=None if meta.pass_score is None else number(meta.pass_score),
        levels=tuple(
            Level(name=nfc(level.name), min_score=number(level.min_score) or Fraction(0))
            for level in spec.levels
        ),
    )
