"""What the counts of a rate count, as pint units: ``19 * units.enterprise``.

The units are defined in the data file ``units.txt`` shipped in this package (pint's definitions
syntax; its header documents the grammar). They are loaded on first use, never on
``import cds_indicators``, into pint's *application registry* (``pint.get_application_registry()``),
so quantities made with this module, with ``pint.Quantity`` or with a registry the user set with
``pint.set_application_registry()`` all belong to one registry and mix::

    >>> import pint
    >>> import cds_indicators as cds
    >>> u = cds.units
    >>> print(19 * u.enterprise + pint.Quantity(2, "enterprise"))
    21 enterprise
    >>> cds.ratio(19 * u.enterprise, 33 * u.enterprise)
    ratio(<Quantity(19, 'enterprise')>, <Quantity(33, 'enterprise')>)

Any attribute of this module that is not its own is looked up in the registry (``u.household``,
``u.percent``, ``u.Quantity``). If the application registry is replaced later, the units are
loaded into the new one on its first use through this module.
"""

from __future__ import annotations

import functools
import threading
from importlib import resources
from typing import Any

__all__ = ["DEFINITIONS", "registry", "unit_names"]

#: The name of the definitions file inside the package.
DEFINITIONS = "units.txt"

_LOCK = threading.Lock()
_prepared: list[Any] = []  # the underlying registry our units were last loaded into


@functools.cache
def _definitions() -> tuple[tuple[str, str], ...]:
    """(name, definition) for every unit of the definitions file, in order."""
    text = resources.files(__package__).joinpath(DEFINITIONS).read_text(encoding="utf-8")
    found = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            found.append((line.split("=", 1)[0].strip(), line))
    return tuple(found)


def unit_names() -> tuple[str, ...]:
    """The names of the counted units this package defines, read without importing pint."""
    return tuple(name for name, _ in _definitions())


def registry() -> Any:
    """pint's application registry, with this package's units defined in it.

    Defining is done once per registry; a unit the registry already has (because the user
    defined it first) is left as the user defined it.
    """
    import pint

    application: Any = pint.get_application_registry()  # type: ignore[no-untyped-call]
    underlying = application.get()
    with _LOCK:
        if not _prepared or _prepared[0] is not underlying:
            for name, definition in _definitions():
                if ("", name, "") not in underlying.parse_unit_name(name):
                    underlying.define(definition)
            _prepared[:] = [underlying]
    return application


def __getattr__(name: str) -> Any:
    if name.startswith("_"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(registry(), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *unit_names()})
