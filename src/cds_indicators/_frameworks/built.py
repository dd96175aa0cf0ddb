"""The shipped frameworks as built, kept beside their files so that loading one builds nothing.

Reading a framework file parses TOML, structures it with cattrs and checks it: work, and imports
(tomllib, cattrs and the schema), that a shipped file, the same from one start to the next, need
not repeat. Each shipped ``data/<name>.toml`` has a ``data/<name>.pickle`` beside it holding the
text it was built from and the :class:`Framework` built (pickled as the package's own data, like
its code). It is used only when that text is the file's text, character for character, so an
edited file is read anew; a missing or unreadable one is ignored. ``tests/test_frameworks.py``
holds each kept framework equal, field by field, to the one its file parses into, and fails on a
stale one; ``python -m cds_indicators._frameworks.built`` writes them again.
"""

from __future__ import annotations

import os
import pickle

from cds_indicators._model.framework import Framework

__all__ = ["built_path", "kept", "write"]

_DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data")


def built_path(file: str) -> str:
    """Where the framework built from the shipped ``file`` is kept."""
    return os.path.join(_DATA, os.path.splitext(file)[0] + ".pickle")


def kept(file: str, text: str) -> Framework | None:
    """The framework kept for the shipped ``file`` if it was built from ``text``, else None."""
    try:
        with open(built_path(file), "rb") as handle:
            source, framework = pickle.load(handle)
    except Exception:  # missing, or written by another version: the file is read instead
        return None
    if source != text or type(framework) is not Framework:
        return None
    return framework


def write(file: str, text: str, framework: Framework) -> None:
    """Keep ``framework``, built from the shipped ``file``'s ``text``."""
    with open(built_path(file), "wb") as handle:
        pickle.dump((text, framework), handle, protocol=5)


def _write_all() -> None:
    from cds_indicators._frameworks.parse import parse_framework

    for file in sorted(os.listdir(_DATA)):
        if file.endswith(".toml"):
            with open(os.path.join(_DATA, file), encoding="utf-8") as handle:
                text = handle.read()
            write(file, text, parse_framework(text, source=file))


if __name__ == "__main__":
    _write_all()
