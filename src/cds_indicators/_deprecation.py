"""Deprecations that warn: a name, a keyword or a module path that keeps working, for at least one
minor release, behind a :class:`DeprecationWarning` that names its replacement and the version it
goes away in (the policy is in ``docs/deprecation.md``).

This module imports only the standard library, so every layer of the package may use it.

A renamed public name, in the module that used to hold it::

    __getattr__ = renamed_names(__name__, {"old_name": ("cds_indicators.new_name", "0.3.0")})

A renamed keyword::

    @renamed_keyword("commune_name", "commune", removed_in="0.3.0")
    def evaluate(values, year, *, commune=None): ...

A module that moved, as the whole body of the old module::

    __getattr__ = moved_module(__name__, "cds_indicators.new_module", removed_in="0.3.0")

Each warning is attributed to the caller's line, so the test suite, which turns the library's own
warnings into errors, fails if the library itself still uses what it deprecated.
"""

from __future__ import annotations

import functools
import importlib
import warnings
from collections.abc import Callable, Mapping
from typing import Any, ParamSpec, TypeVar

__all__ = ["deprecation_message", "moved_module", "renamed_keyword", "renamed_names", "warn"]

P = ParamSpec("P")
R = TypeVar("R")


def deprecation_message(old: str, new: str, removed_in: str) -> str:
    """The one wording of every deprecation: what is deprecated, what replaces it, and when it goes.

    >>> print(deprecation_message("cds_indicators.old", "cds_indicators.new", "0.3.0"))
    cds_indicators.old is deprecated; use cds_indicators.new instead.
    It will be removed in cds-indicators 0.3.0.
    """
    return (
        f"{old} is deprecated; use {new} instead. "
        f"It will be removed in cds-indicators {removed_in}."
    )


def warn(old: str, new: str, removed_in: str, *, stacklevel: int = 1) -> None:
    """Warn that ``old`` is deprecated for ``new``.

    The warning is attributed to the caller of the function that calls :func:`warn` (``stacklevel``
    1), or to a frame further up.
    """
    warnings.warn(
        deprecation_message(old, new, removed_in), DeprecationWarning, stacklevel=stacklevel + 2
    )


def _resolve(dotted: str) -> Any:
    """The object at a dotted path: a module, or a name in a module (``package.module.name``)."""
    try:
        return importlib.import_module(dotted)
    except ModuleNotFoundError:
        module, _, name = dotted.rpartition(".")
        return getattr(importlib.import_module(module), name)


def renamed_names(module: str, renamed: Mapping[str, tuple[str, str]]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that still serves renamed names, with a warning.

    ``renamed`` maps each old name to the dotted path of its replacement and the version the old
    name goes away in. Any other missing name is the usual :class:`AttributeError`.
    """
    table = dict(renamed)

    def __getattr__(name: str) -> Any:
        if name not in table:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        new, removed_in = table[name]
        warn(f"{module}.{name}", new, removed_in)
        return _resolve(new)

    return __getattr__


def renamed_keyword(
    old: str, new: str, *, removed_in: str
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """A decorator: the function still accepts keyword ``old`` for ``new``, with a warning.

    Passing both is the :class:`TypeError` Python raises for an argument given twice.
    """

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        name = getattr(function, "__qualname__", repr(function))

        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            if old in kwargs:
                if new in kwargs:
                    raise TypeError(
                        f"{name}() got values for both {new!r} and its deprecated name {old!r}"
                    )
                warn(f"{name}({old}=...)", f"{name}({new}=...)", removed_in)
                kwargs[new] = kwargs.pop(old)
            return function(*args, **kwargs)

        return wrapper

    return decorate


def moved_module(old: str, new: str, *, removed_in: str) -> Callable[[str], Any]:
    """Warn that module ``old`` moved to ``new``, and return the old module's ``__getattr__``.

    Called from the old module's body, the warning names the line that imported it; the returned
    ``__getattr__`` serves every name of the new module, so old imports keep working.
    """
    # The module body runs inside the import machinery, whose frames warnings skip in counting.
    warn(old, new, removed_in, stacklevel=2)

    def __getattr__(name: str) -> Any:
        return getattr(importlib.import_module(new), name)

    return __getattr__
