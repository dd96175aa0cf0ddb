"""The shipped frameworks kept built beside their files (``_frameworks/built.py``): each is,
exactly, the framework its file parses into, and is used only while the file is unchanged."""

import pickle

import attrs
import pytest

import cds_indicators as cds
from cds_indicators._frameworks import built
from cds_indicators._frameworks.parse import parse_framework
from cds_indicators._frameworks.registry import _SHIPPED, _data_text

pytestmark = pytest.mark.shipped_data

FILES = sorted(_SHIPPED.values())


def typed(thing):
    """``thing`` with the type of every value in it, fields not compared included: equality
    alone would let ``1`` stand for ``True`` or ``Fraction(1)``."""
    if attrs.has(type(thing)):
        return type(thing), tuple((f.name, typed(getattr(thing, f.name)))
                                  for f in attrs.fields(type(thing)))
    if isinstance(thing, dict):
        return type(thing), tuple((typed(k), typed(v)) for k, v in thing.items())
    if isinstance(thing, list | tuple):
        return type(thing), tuple(typed(item) for item in thing)
    if isinstance(thing, set | frozenset):
        return type(thing), frozenset(typed(item) for item in thing)
    return type(thing), thing


@pytest.mark.parametrize("file", FILES)
def test_a_kept_framework_is_exactly_the_one_its_file_parses_into(file):
    text = _data_text(file)
    kept = built.kept(file, text)
    assert kept is not None, (
        f"data/{file} changed since it was kept: run python -m cds_indicators._frameworks.built")
    parsed = parse_framework(text, source=file)
    assert kept == parsed
    assert typed(kept) == typed(parsed)


@pytest.mark.parametrize("name", cds.available_frameworks())
def test_load_framework_gives_the_framework_of_the_file(name):
    file = _SHIPPED[name]
    loaded = cds.load_framework(name)
    parsed = parse_framework(_data_text(file), source=file)
    assert typed(loaded) == typed(parsed)


def test_a_file_changed_since_it_was_kept_is_read_again():
    file = FILES[0]
    assert built.kept(file, _data_text(file) + "\n") is None


@pytest.mark.parametrize("content", [None, b"", b"not a pickle", pickle.dumps(("text", 42))])
def test_a_missing_or_unreadable_kept_framework_is_ignored(tmp_path, monkeypatch, content):
    monkeypatch.setattr(built, "_DATA", str(tmp_path))
    if content is not None:
        (tmp_path / "x.pickle").write_bytes(content)
    assert built.kept("x.toml", "text") is None
