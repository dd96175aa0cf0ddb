"""A value given with its evidence: :class:`Measured`, and the mapping form of files.

Verification by the district or province works from evidence — the decision number, the system
report, the count. A value may carry it in two forms, read by every door alike:

* ``measured(17, evidence="QĐ 52/QĐ-UBND 17/7/2025")`` in the API (a :class:`Measured`);
* the mapping ``{"value": 17, "evidence": "QĐ 52/QĐ-UBND 17/7/2025"}``, which is what a TOML
  inline table ``{ value = 17, evidence = "…" }`` or a JSON object is read as; a rate given as
  counts may carry it beside them: ``{ numerator = 19, denominator = 33, evidence = "…" }``.

The value inside is read by the criterion's own reader, exactly as if it were given alone; the
reading then keeps the evidence, and so does the verdict. Evidence is text and is never read for
meaning; an empty one, or evidence inside evidence, is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from cds_indicators._model.errors import Problem
from cds_indicators._model.record import Reading

__all__ = ["Measured", "carries_evidence", "measured", "read_evidenced", "with_evidence"]

_VALUE: Final = "value"
_EVIDENCE: Final = "evidence"
_COUNTS: Final = frozenset({"numerator", "denominator"})


@attrs.frozen(repr=False)
class Measured:
    """A measured value with the evidence it was given with; made by :func:`measured`.

    Checked when it is evaluated against a criterion, so that a bad value or evidence is
    reported with the criterion it was given for.
    """

    value: Any
    evidence: Any = None

    def __repr__(self) -> str:
        return f"measured({self.value!r}, evidence={self.evidence!r})"

    def __str__(self) -> str:
        return f"{self.value}" if self.evidence is None else f"{self.value} ({self.evidence})"


def measured(value: Any, evidence: str | None = None) -> Measured:
    """``value`` given with its ``evidence``: ``measured(17, evidence="QĐ 52/QĐ-UBND")``.

    ``value`` is anything the criterion reads alone (a number, text, :func:`ratio`, yes/no);
    ``evidence`` is non-empty text (a decision number, a report, a link) or ``None``.
    """
    return Measured(value, evidence)


def with_evidence(value: Any, evidence: Any) -> Any:
    """``value`` given with the ``evidence`` a table's ``Minh chứng`` cell holds (text as
    written, stripped); ``value`` alone when the cell is empty or there is no value."""
    if evidence is None or value is None:
        return value
    return Measured(value, evidence.strip() if isinstance(evidence, str) else evidence)


def carries_evidence(value: Any) -> bool:
    """Whether ``value`` is given in one of the evidence forms (a :class:`Measured`, or a
    mapping with a ``value`` or ``evidence`` key)."""
    if value.__class__ is Measured:
        return True
    return isinstance(value, Mapping) and (_VALUE in value or _EVIDENCE in value)


def _unwrapped(criterion: str, given: Any) -> tuple[Any, Any] | Problem:
    """(the value inside ``given``, its evidence), or the problem with the form."""
    if given.__class__ is Measured:
        return given.value, given.evidence
    keys = set(given)
    evidence = given.get(_EVIDENCE)
    rest = keys - {_EVIDENCE}
    if rest == {_VALUE}:
        return given[_VALUE], evidence
    if rest == _COUNTS:
        return {key: given[key] for key in _COUNTS}, evidence
    return Problem.of("bad_evidence_mapping", criterion=criterion, value=given)


def read_evidenced(
    criterion: str, given: Any, read: Callable[[Any], Reading | Problem]
) -> Reading | Problem:
    """``given`` (a value with its evidence) read by ``read``, the evidence kept."""
    found = _unwrapped(criterion, given)
    if isinstance(found, Problem):
        return found
    value, evidence = found
    if evidence is not None and (not isinstance(evidence, str) or not evidence.strip()):
        return Problem.of("evidence_not_text", criterion=criterion, value=given,
                          evidence=evidence)
    if value is not None and carries_evidence(value):
        return Problem.of("nested_evidence", criterion=criterion, value=given)
    reading = read(value) if value is not None else Reading(None)
    if isinstance(reading, Problem) or evidence is None:
        return reading
    return attrs.evolve(reading, evidence=evidence)
