"""Reports as JSON-safe dicts and back: exact numbers as text, enums by value.

Reading back validates: every field of its exact type (no ``"2022"``, ``2022.7`` or ``true`` for a
year), no unknown key, each verdict and the completion recomputed against the framework and year
(``cds_indicators._evaluation.recheck``), the fields written for readers (``completed``,
``shortfall``, ``needed``, ``warnings``) recomputed too; every disagreement is reported at once,
located by its key path (``$.verdicts[3].status``).
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from cds_indicators._model.errors import InputError, Problem
from cds_indicators._model.record import Reading
from cds_indicators._model.warnings import warning_dict
from cds_indicators._words import format as _text

__all__ = ["report_from_dict", "report_to_dict", "shown"]

#: Keys written for readers and recomputed on reading back, never taken from the document.
_REPORT_DERIVED = ("completed", "warnings")
_VERDICT_DERIVED = ("shortfall", "needed")


def report_to_dict(report: Any) -> dict[str, Any]:
    """``report`` as a JSON-safe dict (see ``Report.to_dict``)."""
    report_class: Any = type(report)
    data: dict[str, Any] = _converter(report_class).unstructure(report)
    data["completed"] = report.completed
    _drop_unscored(data, ("score", "max_score", "level"))
    for key in ("province", "code"):
        if data.get(key) is None:
            data.pop(key, None)  # the dict keeps its shape for reports without them
    for verdict, row in zip(report.verdicts, data["verdicts"], strict=True):
        row["shortfall"] = _text.exact(verdict.shortfall)
        row["needed"] = verdict.needed
        _drop_unscored(row, ("points", "max_points"))
        _drop_unscored(row, ("count", "unit", "evidence"))  # kept only where a value has them
    if report.warnings:
        data["warnings"] = [warning_dict(w) for w in report.warnings]
    return data


def report_from_dict(cls: type, data: Any, framework: Any = None) -> Any:
    """The report of class ``cls`` that :func:`report_to_dict` gave, exactly; refused, with
    every problem located, when it is not one (see the module's docstring). ``framework`` is
    the framework it was judged by; without it, the shipped framework of its id."""
    if not isinstance(data, Mapping):
        raise InputError([Problem.of("report_not_a_mapping", value=data, path="$",
                                     type=type(data).__name__)])
    plain = {k: v for k, v in data.items() if k not in _REPORT_DERIVED}
    rows = data.get("verdicts")
    if isinstance(rows, list):
        plain["verdicts"] = [{k: v for k, v in row.items() if k not in _VERDICT_DERIVED}
                             if isinstance(row, Mapping) else row for row in rows]
    import cattrs

    try:
        report = _converter(cls).structure(plain, cls)
    except (cattrs.BaseValidationError, KeyError, TypeError, ValueError) as exc:
        raise InputError(_structure_problems(exc)) from None
    stated = _stated(data.get("warnings"))
    if stated:
        report = type(report)(**{**_fields(report), "readings": stated})
    # What is written for readers is compared only with a report that is itself right.
    problems: list[Problem] = _recheck()(report, framework) or _derived(report, data)
    if problems:
        raise InputError(problems)
    if framework is not None:
        report = type(report)(**{**_fields(report), "definition": framework})
    return report


#: The engine that judges a report again lives above the model (in ``_evaluation``); like the
#: renderers of ``views.py``, it is named here and imported on first use, never by an import
#: statement, so the layers stay one-directional.
_RECHECK = "cds_indicators._evaluation.recheck:recheck"


@functools.cache
def _recheck() -> Any:
    import importlib

    module, _, name = _RECHECK.partition(":")
    return getattr(importlib.import_module(module), name)


def _fields(report: Any) -> dict[str, Any]:
    import attrs

    return {f.alias: getattr(report, f.name) for f in attrs.fields(type(report)) if f.init}


def _stated(warnings: Any) -> dict[str, Reading]:
    """The percentages stated beside counts, as the document's warnings name them: the one
    thing a warning holds that the verdicts do not."""
    if not isinstance(warnings, list):
        return {}
    return {w["criterion"]: Reading(None, stated=w["value"]) for w in warnings
            if isinstance(w, Mapping) and w.get("code") == "stated_percent_disagrees"
            and isinstance(w.get("criterion"), str) and isinstance(w.get("value"), str)
            and _is_printed(w["value"])}


def _is_printed(text: str) -> bool:
    try:
        Fraction(text)
    except (ValueError, ZeroDivisionError):
        return False
    return len(text) <= 40


def _derived(report: Any, data: Mapping[str, Any]) -> list[Problem]:
    """A problem for each field written for readers that the report does not give."""
    problems = []
    if "completed" in data and data["completed"] is not report.completed:
        problems.append(_disagrees("$.completed", data["completed"], report.completed))
    if "warnings" in data:
        # A document written before warnings existed has none; one that lists them must list
        # what the report gives, in order.
        given, listed = data["warnings"], [warning_dict(w) for w in report.warnings]
        if not isinstance(given, list):
            problems.append(_disagrees("$.warnings", given, listed))
        else:
            problems.extend(_disagrees(f"$.warnings[{i}]", _at(given, i), _at(listed, i))
                            for i in range(max(len(given), len(listed)))
                            if _at(given, i) != _at(listed, i))
    for index, (verdict, row) in enumerate(zip(report.verdicts, data["verdicts"], strict=True)):
        for key, expected in (("shortfall", _text.exact(verdict.shortfall)),
                              ("needed", verdict.needed)):
            if key in row and (row[key] != expected or type(row[key]) is not type(expected)):
                problems.append(_disagrees(f"$.verdicts[{index}].{key}", row[key], expected,
                                           criterion=verdict.criterion))
    return problems


def _at(items: list[Any], index: int) -> Any:
    return items[index] if index < len(items) else None


def _disagrees(path: str, found: Any, expected: Any, criterion: str | None = None) -> Problem:
    return Problem.of("report_self_disagrees", criterion=criterion, value=found, path=path,
                      found=shown(found), expected=shown(expected))


def shown(value: Any) -> str:
    """A field's value as a document writes it: ``"PASS"``, ``"57.5"``, ``null``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, Fraction):
        return repr(_text.exact(value))
    if hasattr(value, "label") and hasattr(value, "comparison"):
        return repr(value.label)  # a target, as the decision prints it
    if isinstance(value, Mapping) and "code" in value:
        return repr(f"{value['code']} ({value.get('criterion')})")
    if isinstance(value, list) and len(value) > 3:
        return f"[… {len(value)}]"
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:77]}…"


def _drop_unscored(row: dict[str, Any], keys: tuple[str, ...]) -> None:
    # Points only exist in a points framework; elsewhere the dict keeps its plain shape.
    for key in keys:
        if row.get(key, 0) is None:
            del row[key]


def _structure_problems(exc: BaseException) -> list[Problem]:
    import cattrs

    if not isinstance(exc, cattrs.BaseValidationError):
        return [Problem.of("schema", detail=str(exc) or type(exc).__name__, path="$")]
    problems = []
    for line in cattrs.transform_error(exc, path="$", format_exception=_describe):
        detail, _, path = line.rpartition(" @ ")
        problems.append(Problem.of("schema", detail=detail, path=path))
    return problems


def _describe(exc: BaseException, kind: type | None) -> str:
    import cattrs

    if isinstance(exc, KeyError):
        return "required key missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown key{'s' if len(exc.extra_fields) > 1 else ''} " + ", ".join(
            sorted(map(repr, exc.extra_fields)))
    if isinstance(exc, TypeError | ValueError):
        return str(exc)
    return str(cattrs.v.format_exception(exc, kind))


def _parse_fraction(value: Any, _: Any) -> Fraction:
    if not isinstance(value, str):
        raise TypeError(f"expected an exact number as text, got {value!r}")
    if len(value) > 200:
        raise ValueError(f"an exact number of {len(value)} characters is too long")
    try:
        return Fraction(value)
    except ZeroDivisionError:
        raise ValueError(f"{value!r} divides by zero") from None


def _value_text(value: Fraction | bool | None) -> str | bool | None:
    return value if value is None or isinstance(value, bool) else _text.exact(value)


def _parse_value(value: Any, _: Any) -> Fraction | bool | None:
    if value is None or isinstance(value, bool):
        return value
    return _parse_fraction(value, None)


def _exactly(kind: type) -> Any:
    """A structure hook taking values of exactly ``kind`` (no bool for an int, no text)."""
    def structure(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, got {value!r}")
        return value
    return structure


def _member(value: Any, kind: Any) -> Any:
    if type(value) is not str:
        raise TypeError(f"expected one of {', '.join(repr(m.value) for m in kind)}, got {value!r}")
    return kind(value)


@functools.cache
def _converter(report_class: Any) -> Any:
    import cattrs
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    converter = cattrs.Converter(unstruct_collection_overrides={tuple: list},
                                 forbid_extra_keys=True)
    for kind in (int, str, bool):
        converter.register_structure_hook(kind, _exactly(kind))
    converter.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _member)
    converter.register_unstructure_hook(Fraction, _text.exact)
    converter.register_structure_hook(Fraction, _parse_fraction)
    converter.register_structure_hook(Fraction | bool | None, _parse_value)
    converter.register_unstructure_hook(Fraction | bool | None, _value_text)
    # The hooks above are in place before these are made; the definition a report was judged
    # by and the readings it was judged from are held, never written or read.
    converter.register_unstructure_hook(report_class, make_dict_unstructure_fn(
        report_class, converter, _definition=override(omit=True),
        _readings=override(omit=True)))
    converter.register_structure_hook(report_class, make_dict_structure_fn(
        report_class, converter, _cattrs_forbid_extra_keys=True,
        _definition=override(omit=True), _readings=override(omit=True)))
    return converter
