"""The fuzzing suite: broken files of every format, generated, and what reading them may do.

Each property here states the one promise: :func:`cds_indicators.load_values` answers a file with
records or a :class:`cds_indicators.CdsError`, never another exception, never a hang, never a
cell silently dropped. A hang is caught by a per-example alarm (``fuzzing.within``), not by timing
the test: an example that has not finished in ``LIMIT_SECONDS`` fails with its input.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def folder(tmp_path_factory: pytest.TempPathFactory):
    return tmp_path_factory.mktemp("fuzz")
