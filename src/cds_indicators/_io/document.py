"""TOML and JSON values documents parsed, with nothing kept silently that the text does not say.

JSON's own parser keeps the last of a repeated key and reads ``NaN`` and ``Infinity``; here a
key given twice in one object is refused at its key path (as TOML refuses it), ``NaN`` and
``Infinity`` are refused as not JSON, and a whole number longer than the number policy allows
(:data:`~cds_indicators._model.numbers.MAX_DIGITS`) is kept as a
:class:`~decimal.Decimal`, so that it is refused at its value's place by the number policy,
never converted digit by digit. A document nested too deeply is refused in its own format's
words, and a key or text holding a lone half of a UTF-16 pair (``"\\ud800"``, which JSON's
parser reads but no file can hold) at its key path.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any, Final

from cds_indicators._model.errors import InputError, Problem
from cds_indicators._model.numbers import MAX_DIGITS

__all__ = ["parse_document"]


class _Constant(Exception):
    """``NaN``, ``Infinity`` or ``-Infinity`` in a JSON text."""


def _constant(name: str) -> Any:
    raise _Constant(name)


class _LongWhole(Decimal):
    """A JSON whole number longer than the number policy reads: quoted as it is written."""

    def __repr__(self) -> str:
        return str(self)


def _whole(text: str) -> int | Decimal:
    # One sign at most: a longer text has more digits than the policy reads.
    return int(text) if len(text) <= MAX_DIGITS + 1 else _LongWhole(text)


class _Objects:
    """The objects of one JSON text, and the keys repeated in any of them."""

    def __init__(self) -> None:
        self.repeated: dict[int, tuple[dict[str, Any], list[str]]] = {}

    def __call__(self, pairs: Sequence[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(pairs)
        if len(found) != len(pairs):
            seen: set[str] = set()
            twice = []
            for key, _ in pairs:
                if key in seen:
                    twice.append(key)
                seen.add(key)
            # The object is kept alive with its id, so that the id names it until the walk.
            self.repeated[id(found)] = (found, list(dict.fromkeys(twice)))
        return found

    def problems(self, data: Any, source: str) -> list[Problem]:
        """A problem for each repeated key, at its key path, in the document's order."""
        if not self.repeated:
            return []
        return [Problem.of("duplicate_key", source=source, path=f"{path}.{_shown(key)}", key=key)
                for path, item in _walk(data) if isinstance(item, dict)
                for key in self.repeated.get(id(item), (None, []))[1]]


def _walk(data: Any) -> Iterator[tuple[str, Any]]:
    """Every object, list and value of a document with its key path (``$.communes[1].commune``),
    in the document's order, each before what it holds."""
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, item = stack.pop()
        yield path, item
        if isinstance(item, dict):
            stack.extend((f"{path}.{_shown(key)}", value)
                         for key, value in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]", value) for i, value in reversed(list(enumerate(item))))


def parse_document(text: str, suffix: str, source: str) -> Any:
    """The TOML (``suffix`` ``.toml``) or JSON document ``text``; an :class:`InputError` placed in
    ``source`` says what cannot be read."""
    kind = "toml_syntax" if suffix == ".toml" else "json_syntax"
    objects = _Objects()
    try:
        if suffix == ".toml":
            return tomllib.loads(text)
        data = json.loads(text, object_pairs_hook=objects, parse_int=_whole,
                          parse_constant=_constant)
    except tomllib.TOMLDecodeError as exc:
        raise InputError([Problem.of(kind, source=source, detail=str(exc))]) from None
    except json.JSONDecodeError as exc:
        raise InputError([Problem.of(kind, source=source, detail=exc.msg,
                                     line=exc.lineno)]) from None
    except _Constant as exc:
        raise InputError([Problem.of("json_constant", source=source, value=exc.args[0])]) from None
    except RecursionError:
        raise InputError([Problem.of("nested_too_deeply", source=source)]) from None
    except ValueError:
        # tomllib reads a whole number of more digits than Python converts as an error.
        raise InputError([Problem.of("document_number_too_long", source=source,
                                     limit=sys.get_int_max_str_digits())]) from None
    problems = objects.problems(data, source) + _not_unicode(text, data, source)
    if problems:
        raise InputError(problems)
    return data


#: A JSON escape of half a UTF-16 pair: a lone one makes a text no file can hold.
_HALF_PAIR: Final = re.compile(r"\\u[dD][89a-fA-F]")


def _shown(text: str) -> str:
    """``text`` with each lone half of a pair written as its escape (``\\ud800``), so it prints."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _not_unicode(text: str, data: Any, source: str) -> list[Problem]:
    """A problem for each key or text of a JSON document holding a lone half of a UTF-16 pair
    (``"\\ud800"``), at its key path, in the document's order: JSON's parser reads it, but it is
    no character, and every file written from it would fail. Only a document whose text has such
    an escape is walked."""
    if _HALF_PAIR.search(text) is None:
        return []
    problems = []
    for path, item in _walk(data):
        if isinstance(item, str) and not _is_unicode(item):
            problems.append(Problem.of("text_not_unicode", source=source, path=path, value=item))
        elif isinstance(item, dict):
            problems += [Problem.of("text_not_unicode", source=source,
                                    path=f"{path}.{_shown(key)}", value=key)
                         for key in item if not _is_unicode(key)]
    return problems
