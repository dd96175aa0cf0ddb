"""Objects of a frozen attrs class made with their slots set directly.

Where thousands of objects whose every value is already checked are made at once (a report
whose verdicts wait, the records of a run of CSV rows), running the class's ``__init__`` for
each costs more than the work itself. The slots are then set as ``__init__`` would set them;
the list of fields they are set from is checked against the class when the module that sets
them is imported, so that a field added to the class cannot be left unset.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["slot_setters"]


def slot_setters(cls: type, names: tuple[str, ...], *, unset: tuple[str, ...] = ()
                 ) -> tuple[Callable[[Any, Any], None], ...]:
    """The setter of each slot ``names`` names in the frozen, slotted attrs class ``cls``;
    ``names`` must be, in order, every field of the class but those in ``unset``."""
    fields = tuple(field.name for field in attrs.fields(cls) if field.name not in unset)
    if fields != names:
        raise AssertionError(f"the fields of {cls.__name__} changed: {fields}")
    return tuple(getattr(cls, name).__set__ for name in names)
