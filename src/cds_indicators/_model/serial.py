"""Reports as JSON-safe dicts and back: exact numbers as text, enums by value."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from cds_indicators._model.errors import InputError, Problem
from cds_indicators._words import format as _text

__all__ = ["report_from_dict", "report_to_dict"]


def report_to_dict(report: Any) -> dict[str, Any]:
    """``report`` as a JSON-safe dict (see ``Report.to_dict``)."""
    report_class: Any = type(report)
    data: dict[str, Any] = _converter(report_class).unstructure(report)
    data["completed"] = report.completed
    _drop_unscored(data, ("score", "max_score", "level"))
    if data.get("province") is None:
        data.pop("province", None)  # the dict keeps its shape for reports without a province
    for verdict, row in zip(report.verdicts, data["verdicts"], strict=True):
        row["shortfall"] = _text.exact(verdict.shortfall)
        row["needed"] = verdict.needed
        _drop_unscored(row, ("points", "max_points"))
    return data


def report_from_dict(cls: type, data: Mapping[str, Any]) -> Any:
    """The report of class ``cls`` that :func:`report_to_dict` gave, exactly."""
    plain = {k: v for k, v in data.items() if k != "completed"}
    plain["verdicts"] = [
        {k: v for k, v in row.items() if k not in ("shortfall", "needed")}
        for row in data.get("verdicts", ())
    ]
    import cattrs

    try:
        return _converter(cls).structure(plain, cls)
    except (cattrs.BaseValidationError, KeyError, TypeError, ValueError) as exc:
        raise InputError(_structure_problems(exc)) from None


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
    if isinstance(exc, TypeError | ValueError):
        return str(exc)
    return str(cattrs.v.format_exception(exc, kind))


def _parse_fraction(value: Any, _: Any) -> Fraction:
    if not isinstance(value, str):
        raise TypeError(f"expected an exact number as text, got {value!r}")
    return Fraction(value)


def _value_text(value: Fraction | bool | None) -> str | bool | None:
    return value if value is None or isinstance(value, bool) else _text.exact(value)


def _parse_value(value: Any, _: Any) -> Fraction | bool | None:
    if value is None or isinstance(value, bool):
        return value
    return _parse_fraction(value, None)


@functools.cache
def _converter(report_class: Any) -> Any:
    import cattrs
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    converter = cattrs.Converter(unstruct_collection_overrides={tuple: list})
    converter.register_unstructure_hook(Fraction, _text.exact)
    converter.register_structure_hook(Fraction, _parse_fraction)
    converter.register_structure_hook(Fraction | bool | None, _parse_value)
    converter.register_unstructure_hook(Fraction | bool | None, _value_text)
    # The hooks above are in place before these are made; the definition a report was judged
    # by is held, never written or read.
    converter.register_unstructure_hook(report_class, make_dict_unstructure_fn(
        report_class, converter, _definition=override(omit=True)))
    converter.register_structure_hook(report_class, make_dict_structure_fn(
        report_class, converter, _definition=override(omit=True)))
    return converter
