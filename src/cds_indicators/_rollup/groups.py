"""What a roll-up groups by: the province, the former district, today's commune, or any key the
reports carry.

``summarize(reports, by=...)`` takes ``by`` as a level's name (``"district"``, the default,
``"province"``, ``"commune"``), the name of any other text field of a report (``"level"``,
``"framework"``), or a function of a report that returns its group's name (or ``None``).
A group is titled by its level: ``Huyện Vĩnh Lộc``, ``Tỉnh Thanh Hóa``, ``Xã Tây Đô``, the
prefix never doubled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import attrs

from cds_indicators._model.errors import InputError, Problem
from cds_indicators._model.report import Report
from cds_indicators._words import Lang
from cds_indicators._words.format import district_label
from cds_indicators._words.headers import header_role
from cds_indicators._words.interface import t
from cds_indicators._words.names import place_label

__all__ = ["LEVELS", "By", "by_name", "check_by", "group_label", "key_of"]

#: What ``summarize`` takes as ``by``.
By = str | Callable[[Report], "str | None"]

#: The named levels, each with the word that titles its groups.
LEVELS: Final = ("district", "province", "commune")

#: A report's fields that may name a group: its text fields.
_TEXT_FIELDS: Final = frozenset(
    f.name for f in attrs.fields(Report) if not f.name.startswith("_")
    and f.name not in ("year", "completion", "verdicts", "score", "max_score")
)


def check_by(by: Any) -> By:
    """``by`` if it names something a report carries, else an :class:`InputError` naming what
    it may be; a value that is neither text nor a function is a :class:`TypeError`."""
    if callable(by):
        function: By = by
        return function
    if not isinstance(by, str):
        raise TypeError(f"by must be a level's name or a function of a report, not {by!r}")
    role = header_role(by)
    name: str = role if role in LEVELS else by  # "Tỉnh", "Huyện", "Xã"
    if name not in _TEXT_FIELDS:
        raise InputError([Problem.of("summary_bad_by", value=by,
                                     known=", ".join(sorted(_TEXT_FIELDS)))])
    return name


def key_of(report: Report, by: By) -> str | None:
    """The name of ``report``'s group."""
    key = by(report) if callable(by) else getattr(report, by)
    if key is not None and not isinstance(key, str):
        raise InputError([Problem.of("summary_bad_key", value=key, commune=report.commune,
                                     year=report.year)])
    return key


def by_name(by: By) -> str:
    """``by`` as the text a summary keeps: the level's name, or the function's name."""
    return by if isinstance(by, str) else getattr(by, "__name__", "key")


def group_label(by: str, key: str, lang: Lang = "vi") -> str:
    """A group's name as its title says it: ``Huyện Vĩnh Lộc``, ``Tỉnh Thanh Hóa``, ``Xã Tây
    Đô``, or the key itself for any other grouping."""
    if by == "district":
        return district_label(key, lang)
    if by == "province":
        return place_label(t("province", lang), key)
    return key
