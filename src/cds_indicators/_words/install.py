"""How to install an extra, said in one place (the ``missing_extra`` message fills it in).

The package is not published on PyPI yet, so ``pip install "cds-indicators[excel]"`` fails; the
hint names the two ways that work: from the source folder (``pip install ".[excel]"``) and from
a wheel built with ``python -m build``
(``pip install "cds_indicators-0.1.0-py3-none-any.whl[excel]"``).
"""

from __future__ import annotations

from typing import Final

from cds_indicators._version import __version__

__all__ = ["WHEEL"]

#: The file name of the wheel ``python -m build`` makes of this version.
WHEEL: Final = f"cds_indicators-{__version__}-py3-none-any.whl"
