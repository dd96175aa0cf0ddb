"""The docstrings' Sphinx roles (:func:`ratio`, :class:`Report`, :meth:`to_dict`) as links in the
reference, for the site build (mkdocs.yml loads this as a griffe extension).

A role names a public object: a name in ``cds_indicators.__all__``, a member of the class or of the
public module (``cds_indicators.strategies``, ``cds_indicators.units``) whose docstring holds it,
or a full ``cds_indicators.…`` path. It becomes a cross-reference to that object's reference entry.
A builtin or standard-library name stays plain code. Any other name also becomes a
cross-reference, which fails the strict build: a docstring that names something that does not
exist (any more) is found before it is published. ``KNOWN_UNRESOLVED`` lists the few that are
known and waiting for their docstring to be fixed.
"""

from __future__ import annotations

import builtins
import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(?:func|class|meth|attr|data|exc|obj|mod|const):`~?\.?([\w.]+)`")

# Names from the standard library the docstrings mention; they stay code, without a link.
STANDARD = {"Fraction", "Decimal", "Path", "Mapping", "Iterable", "datetime", "date"}

# (object path, role target) waiting for a docstring fix; each stays code, without a link.
KNOWN_UNRESOLVED: set[tuple[str, str]] = set()


class SphinxRoles(griffe.Extension):
    """Rewrites Sphinx roles in every docstring of the package into cross-references."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        if pkg.path != "cds_indicators":
            return
        public = _public_paths(pkg)
        exports = {str(name) for name in pkg.exports or ()}
        for obj in _walk(pkg):
            if obj.docstring is not None:
                obj.docstring.value = _rewrite(obj.docstring.value, obj, public, exports)


def _public_paths(pkg: griffe.Module) -> dict[str, str]:
    """Canonical path → the public path it is documented under."""
    public: dict[str, str] = {}
    for name in pkg.exports or ():
        member = pkg.members.get(str(name))
        if member is not None:
            public[member.final_target.path if member.is_alias else member.path] = member.path
    for module in ("strategies", "units"):
        if module in pkg.members:
            public[f"cds_indicators.{module}"] = f"cds_indicators.{module}"
    return public


def _walk(obj: griffe.Object | griffe.Alias) -> list[griffe.Object]:
    """Every object defined in the package (aliases are the objects they point to)."""
    found: list[griffe.Object] = []
    for member in obj.members.values():
        if member.is_alias:
            continue
        assert isinstance(member, griffe.Object)
        found.append(member)
        found.extend(_walk(member))
    return found


def _public(path: str, public: dict[str, str]) -> str | None:
    """The public path of a canonical path, or of a member of a public object."""
    if path in public:
        return public[path]
    parent, _, name = path.rpartition(".")
    return f"{public[parent]}.{name}" if parent in public else None


def _rewrite(text: str, obj: griffe.Object, public: dict[str, str], exports: set[str]) -> str:
    return ROLE.sub(lambda role: _link(role[1], obj, public, exports), text)


def _link(target: str, obj: griffe.Object, public: dict[str, str], exports: set[str]) -> str:
    """The Markdown for one role's target, seen from the docstring of ``obj``."""
    first = target.split(".")[0]
    scopes = [obj] + ([obj.parent] if obj.parent is not None else [])
    for scope in scopes:
        if (scope.is_class or scope.is_module) and first in scope.members:
            path = _public(f"{scope.path}.{target}", public)
            if path is not None:
                return f"[`{target}`][{path}]"
    if target.startswith("cds_indicators.") or first in exports:
        path = target if target.startswith("cds_indicators.") else f"cds_indicators.{target}"
        return f"[`{target}`][{path}]"
    if first in STANDARD or hasattr(builtins, first):
        return f"`{target}`"
    if (obj.path, target) in KNOWN_UNRESOLVED:
        return f"`{target}`"
    return f"[`{target}`][{target}]"
