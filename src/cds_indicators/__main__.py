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
        from cds_indicators._model.errors import MissingExtraError

        hint = MissingExtraError("cli", "click").problems[0]
        print(f"cds-indicators: {hint.message}\n{hint.message_en}", file=sys.stderr)
        return 2
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
