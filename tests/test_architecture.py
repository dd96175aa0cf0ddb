"""The layout is a rule, checked here: layers stacked in one direction, no cycle, small modules.

The private subpackages stack from the bottom up (``docs/architecture.md``)::

    _version, _deprecation → _words → _model → _frameworks → _evaluation → _io → _rollup
    → _render → the public modules (the facade, units, strategies, the hypothesis plugin) → _cli

A module imports only from its own layer or below, imports inside functions included, and no two
modules import each other, directly or around a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "src" / "cds_indicators"
LAYERS = ["_version", "_words", "_model", "_frameworks", "_evaluation", "_io", "_rollup",
          "_render", "public", "_cli"]
BOTTOM = {"_deprecation": "_version"}
PUBLIC = {"", "units", "strategies", "_hypothesis_plugin", "_errors"}
TOP = {"__main__": "_cli"}


def _name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {_name(path): path for path in sorted(ROOT.rglob("*.py"))}


def _layer(module: str) -> int:
    first = module.split(".")[1] if "." in module else ""
    first = BOTTOM.get(first, TOP.get(first, first))
    return LAYERS.index("public" if first in PUBLIC else first)


def _imports(module: str) -> set[str]:
    """The package's modules that ``module`` imports, anywhere in its text."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            continue
        found.update(t for t in targets if t in MODULES and t != module)
    # The facade re-exports everything: it is the top of the public layer, not a dependency.
    found.discard("cds_indicators")
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def test_the_layers_are_known():
    assert all(_layer(module) >= 0 for module in MODULES)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_its_own_layer_or_below(module):
    above = sorted(t for t in GRAPH[module] if _layer(t) > _layer(module))
    assert above == []


def test_no_module_is_part_of_an_import_cycle():
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target):], target])
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)
    assert cycles == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_over_400_lines(module):
    assert len(MODULES[module].read_text(encoding="utf-8").splitlines()) <= 400


def test_the_check_sees_a_cycle_and_an_upward_import(tmp_path, monkeypatch):
    """The rule can fail: a model module importing a renderer is caught, and so is the circle
    it closes."""
    monkeypatch.setitem(GRAPH, "cds_indicators._model.report",
                        GRAPH["cds_indicators._model.report"] | {"cds_indicators._render.text"})
    assert _layer("cds_indicators._render.text") > _layer("cds_indicators._model.report")
    with pytest.raises(AssertionError):
        test_no_module_is_part_of_an_import_cycle()
