"""Which values of a commune-year came without their evidence (``validate --require-evidence``).

Verification by the district or province works from evidence; before a file is sent up, the
office can list every value given without one. A value missing altogether is not listed (there
is nothing to prove), nor one declared not applicable.
"""

from __future__ import annotations

from cds_indicators._io.values import _placed, read_record
from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Framework
from cds_indicators._model.record import Record

__all__ = ["unevidenced"]


def unevidenced(record: Record, framework: Framework, year: int | None = None) -> list[Problem]:
    """A ``no_evidence`` problem, placed in the record's file, for each value of ``record``
    read without evidence, in the order the record gives them; none when the record cannot be
    read (its problems are :func:`check_record`'s)."""
    found = read_record(record, framework, year)
    if isinstance(found, list):
        return []
    readings = found._readings
    problems = []
    for key, value in record.values.items():
        reading = readings.get(key)
        if reading is None or reading.exempt or reading.evidence is not None:
            continue
        problems.append(_placed(record, Problem.of(
            "no_evidence", criterion=key, value=value, commune=record.commune,
            year=found.year), f"values.{key}"))
    return problems
