"""The frameworks shipped in the package, by name, and loading a framework by name or path."""

from __future__ import annotations

import importlib
import os
import threading
from pathlib import Path
from typing import Any

from cds_indicators._frameworks.built import kept
from cds_indicators._model.errors import FrameworkError, Problem
from cds_indicators._model.fileerrors import file_error
from cds_indicators._model.framework import Framework

__all__ = ["available_frameworks", "framework_or_default", "load_framework"]

#: Frameworks shipped in the package, by name: the file under ``cds_indicators/data``.
_SHIPPED: dict[str, str] = {
    "thanh-hoa-1829": "criteria_1829.toml",
    "tinh-long-2024": "tinh_long_2024.toml",
    "dti-example": "dti_example.toml",
}
_ALIASES: dict[str, str] = {"1829": "thanh-hoa-1829"}
_DEFAULT = "thanh-hoa-1829"
#: A framework written as a spreadsheet (a plan) is read by the files layer, which reads every
#: CSV file and workbook of the package; it is reached by name, as ``_model/views.py`` reaches
#: the renderers, so that this layer holds no import of a layer above it.
_SHEET_SUFFIXES = (".xlsx", ".csv")
_SHEET_READER = "cds_indicators._io.plan:read_plan"


_BUILT: dict[str, Framework] = {}
_BUILDING = threading.Lock()


def _shipped(name: str) -> Framework:
    """The shipped framework ``name``, read once (as kept built beside its file,
    :mod:`~cds_indicators._frameworks.built`, when that matches the file): the first call from
    many threads at once builds one object, which every caller gets (``functools.cache`` would
    let each thread that missed the cache build its own)."""
    built = _BUILT.get(name)
    if built is not None:
        return built
    with _BUILDING:
        built = _BUILT.get(name)
        if built is None:
            file = _SHIPPED[name]
            text = _data_text(file)
            built = kept(file, text)
            if built is None:
                from cds_indicators._frameworks.parse import parse_framework

                built = parse_framework(text, source=file)
            _BUILT[name] = built
    return built


def _data_text(file: str) -> str:
    """A file of the package's ``data`` folder: read from beside the package where it is
    installed as files (light: ``importlib.resources`` imports tempfile, zipfile, …), through
    ``importlib.resources`` otherwise (a zipped install)."""
    path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", file)
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        from importlib import resources

        return resources.files("cds_indicators").joinpath("data", file).read_text("utf-8")


def available_frameworks() -> tuple[str, ...]:
    """The names of the frameworks shipped with the library, for :func:`load_framework`."""
    return tuple(_SHIPPED)


def load_framework(source: str | os.PathLike[str] | None = None) -> Framework:
    """The framework named ``source``, or read from the file at ``source``.

    No argument gives the shipped Decision 1829/QĐ-UBND (read once, then cached); a name from
    :func:`available_frameworks` gives that shipped framework; a path loads a framework file of
    the same schema (see ``docs/framework-schema.md``), or a plan written in a spreadsheet when
    it ends in ``.xlsx`` or ``.csv`` (see ``docs/plans.md``; ``.xlsx`` needs the ``[excel]``
    extra).
    """
    if source is None:
        return _shipped(_DEFAULT)
    if isinstance(source, str) and _ALIASES.get(source, source) in _SHIPPED:
        return _shipped(_ALIASES.get(source, source))
    path = os.fspath(source)
    if Path(path).suffix.lower() in _SHEET_SUFFIXES:
        module, _, name = _SHEET_READER.partition(":")
        read: Any = getattr(importlib.import_module(module), name)
        found: Framework = read(Path(path), str(path))
        return found
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError) as exc:
        problem = (file_error(exc, str(path)) if isinstance(exc, OSError) else
                   Problem.of("file_unreadable", detail=_os_reason(exc), source=str(path)))
        raise FrameworkError([problem], source=str(path)) from None
    from cds_indicators._frameworks.parse import parse_framework

    return parse_framework(text, source=str(path))


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__


def framework_or_default(framework: Any) -> Framework:
    """``framework``, or the shipped Decision 1829 when it is None; anything else (a name, a
    path) is refused, since the caller meant ``load_framework(...)``."""
    if framework is None:
        return load_framework()
    if not isinstance(framework, Framework):
        raise FrameworkError([Problem.of("framework_not_loaded", value=framework)])
    return framework
