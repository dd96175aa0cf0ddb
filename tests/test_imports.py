"""``import cds_indicators`` stays light: heavy libraries load only where they are used."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ["pint", "pandas", "polars", "pyarrow", "numpy", "narwhals", "openpyxl", "matplotlib",
         "click", "rich", "hypothesis"]


def _modules_after(code: str) -> set[str]:
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_import_loads_no_heavy_library():
    loaded = _modules_after("import cds_indicators")
    assert [name for name in HEAVY if name in loaded] == []


def test_loading_and_evaluating_load_no_heavy_library():
    loaded = _modules_after(
        "import cds_indicators as cds\n"
        "cds.evaluate({'2.5': cds.ratio(19, 33), '1.6': '80%', '4.5': 'Có'}, 2025)"
    )
    assert [name for name in HEAVY if name in loaded] == []
