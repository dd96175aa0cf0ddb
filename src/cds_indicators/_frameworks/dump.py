"""Writing a framework back as the text of a framework file.

Every key and value is written by ``tomli-w`` (the ``toml`` extra), so that any text a framework
holds (quotes, backslashes, control characters, U+007F) is escaped as TOML requires. The layout
is kept for people: ``[framework]``, ``[[levels]]``, ``[[pillars]]`` and ``[[criteria]]`` in the
framework's order, one key per line, targets and counts as one inline table, numbers exact.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from cds_indicators._frameworks.cells import DEFAULT_COMPARISON, NO_TARGET_CELL, THRESHOLD
from cds_indicators._model.errors import require
from cds_indicators._model.framework import Criterion, Framework, Kind, Scoring, Target
from cds_indicators._words import format as _text

__all__ = ["bound_cell", "dump_framework", "exact_number", "target_cell"]

#: A written value: TOML text, number, flag or date, or an inline table of them.
Value = Any


class _Writer:
    """Keys and values of TOML, each written by ``tomli_w``; tables and arrays stay on one
    line (``tomli_w`` writes a table's table under its own header and an array one item a line).
    """

    def __init__(self) -> None:
        self._dumps = require("tomli_w", "toml").dumps

    def _line(self, key: str, value: Value) -> str:
        line: str = self._dumps({key: value})  # "key = value\n"
        return line[:-1]

    def value(self, value: Value) -> str:
        """One TOML value; a dict is an inline table, a list an array on one line."""
        if isinstance(value, dict):
            return "{ " + ", ".join(self.pair(k, v) for k, v in value.items()) + " }"
        if isinstance(value, list):
            return "[" + ", ".join(self.value(item) for item in value) + "]"
        return self._line("v", value)[len("v = "):]

    def pair(self, key: str, value: Value) -> str:
        """``key = value`` on one line."""
        if isinstance(value, dict | list):
            return f"{self._line(key, True)[: -len(' = true')]} = {self.value(value)}"
        return self._line(key, value)


def exact_number(value: Fraction) -> int | str:
    """An exact number as the schema reads it back: a TOML integer, else decimal text (or the
    fraction's text, ``"1/3"``, when it has no decimal form)."""
    if value.denominator == 1:
        return int(value)
    try:
        return _text.decimal(value)
    except ValueError:
        return str(value)


def target_cell(target: Target | None) -> Value:
    """A year's target as the cell that reads back as ``target``."""
    if target is None:
        return NO_TARGET_CELL
    if target.threshold is None or THRESHOLD[target.kind](target.label) == target.threshold:
        return target.label
    suffix = "%" if target.kind is Kind.RATE else ""
    return {"threshold": _text.decimal(target.threshold) + suffix, "label": target.label}


def bound_cell(kind: Kind, value: Fraction) -> int | str:
    """A ``from`` or ``partial`` value as the schema reads it back (``"50%"``, ``2``)."""
    return _text.decimal(value) + "%" if kind is Kind.RATE else int(value)


def _bands(criterion: Criterion, write: _Writer) -> list[str]:
    """The ``[[criteria.bands]]`` tables of a ``bands`` criterion, after its keys."""
    out: list[str] = []
    for band in criterion.bands:
        start = bound_cell(criterion.kind, band.start)
        out += ["", "[[criteria.bands]]", write.pair("from", start),
                write.pair("points", exact_number(band.points))]
    return out


def _meta(framework: Framework) -> list[tuple[str, Value]]:
    pairs: list[tuple[str, Value]] = [("id", framework.id), ("title", framework.title)]
    for key in ("decision", "issuer", "province", "source", "issued"):
        if getattr(framework, key) is not None:
            pairs.append((key, getattr(framework, key)))
    pairs += [("years", list(framework.years)), ("completion", framework.completion)]
    if framework.share is not None:
        pairs.append(("share", _text.decimal(framework.share) + "%"))
    if framework.pass_score is not None:
        pairs.append(("pass_score", exact_number(framework.pass_score)))
    return pairs


def _criterion(criterion: Criterion) -> list[tuple[str, Value]]:
    pairs: list[tuple[str, Value]] = []
    for key in ("id", "pillar", "name", "name_en", "unit", "responsible"):
        value = getattr(criterion, key)
        if value is not None and (key != "responsible" or value):
            pairs.append((key, value))
    pairs.append(("kind", criterion.kind.value))
    if criterion.kind is not Kind.YES_NO and criterion.comparison is not DEFAULT_COMPARISON:
        pairs.append(("comparison", criterion.comparison.value))
    if criterion.conditional:
        pairs.append(("conditional", True))
    if criterion.mandatory:
        pairs.append(("mandatory", True))
    if criterion.counted:
        pairs.append(("counted", True))
    if criterion.points is not None:
        pairs.append(("points", exact_number(criterion.points)))
        if criterion.scoring is not Scoring.ALL_OR_NOTHING:
            pairs.append(("scoring", criterion.scoring.value))
        if criterion.partial is not None:
            pairs.append(("partial", bound_cell(criterion.kind, criterion.partial)))
        if criterion.partial_share is not None:
            pairs.append(("partial_share", str(criterion.partial_share)))
    if criterion.counts is not None:
        numerator, denominator = criterion.counts
        pairs.append(("counts", {"numerator": numerator, "denominator": denominator}))
    targets = {str(year): target_cell(t) for year, t in criterion.targets.items()}
    pairs.append(("targets", targets))
    return pairs


def dump_framework(framework: Framework) -> str:
    """The text of a framework file that :func:`load_framework` reads back as ``framework``.

    Needs ``tomli-w``: ``pip install "cds-indicators[toml]"``.
    """
    write = _Writer()
    out = [write.pair("schema_version", framework.schema_version), "", "[framework]"]
    out += [write.pair(key, value) for key, value in _meta(framework)]
    for level in framework.levels:
        out += ["", "[[levels]]", write.pair("name", level.name),
                write.pair("min_score", exact_number(level.min_score))]
    for pillar in framework.pillars:
        out += ["", "[[pillars]]", write.pair("code", pillar.code), write.pair("name", pillar.name)]
        if pillar.name_en is not None:
            out.append(write.pair("name_en", pillar.name_en))
    for criterion in framework:
        out += ["", "[[criteria]]", *(write.pair(k, v) for k, v in _criterion(criterion)),
                *_bands(criterion, write)]
    return "\n".join(out) + "\n"
