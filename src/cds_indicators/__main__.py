"""``python -m cds_indicators`` and the ``cds-indicators`` command."""

from __future__ import annotations

import sys

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    try:
        from cds_indicators._cli.main import run
    except ImportError as exc:
        if exc.name not in {"click"}:
            raise
        print(
            "cds-indicators: dòng lệnh cần gói bổ sung [cli] / the command line needs the [cli] "
            'extra: python -m pip install "cds-indicators[cli]"',
            file=sys.stderr,
        )
        return 2
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
