"""The result table in the library the input came in: a status column per criterion (a
categorical where the library has one), ``completion``, ``failed`` and a policy's own columns."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from cds_indicators._evaluation.columnar.failed import FailedSets, repeats
from cds_indicators._model.framework import Framework
from cds_indicators._model.report import Completion, Status

__all__ = ["build"]

_STATUSES = tuple(Status)
_COMPLETIONS = tuple(Completion)


def build(np: Any, nw: Any, table: Any, ids: dict[str, str], framework: Framework,
          year: int | None, codes: Any, completion: Any, failed: FailedSets,
          scores: dict[str, Any]) -> Any:
    """The result table. Its ``commune``, ``district`` and ``year`` columns are named so
    whatever headed them in ``table`` (``ids``: role → the table's own name), so that every
    result has the same columns."""
    implementation = table.implementation
    n = codes.shape[1]
    columns: dict[str, Any] = {"commune": table[ids["commune"]].to_native()}
    if "district" in ids:
        columns["district"] = table[ids["district"]].to_native()
    if "province" in ids:
        columns["province"] = table[ids["province"]].to_native()
    if "code" in ids:
        columns["code"] = table[ids["code"]].to_native()
    columns["year"] = (np.full(n, year, dtype=np.int64) if year is not None
                       else table[ids["year"]].to_native())
    status_names = [s.value for s in _STATUSES]
    completion_names = [c.value for c in _COMPLETIONS]
    native = nw.get_native_namespace(table)
    categorical = _CATEGORICAL.get(implementation.name.lower(), _categorical_generic)
    for k, criterion in enumerate(framework):
        columns[criterion.id] = categorical(native, np, codes[k], status_names)
    columns["completion"] = categorical(native, np, completion, completion_names)
    columns["failed"] = _failed(native, implementation.name.lower(), np, failed)
    for name, values in scores.items():
        columns[name] = _plain(native, implementation.name.lower(), values)
    return _assemble(native, implementation.name.lower(), columns, table)


def _categorical_pandas(pd: Any, np: Any, codes: Any, names: list[str]) -> Any:
    # The codes are positions in ``names`` by construction: not checked again.
    return pd.Categorical.from_codes(codes, dtype=_pandas_dtype(pd, tuple(names)), validate=False)


def _distinct_pandas(pd: Any, np: Any, codes: Any, failed: FailedSets, uniques: Any) -> Any:
    """A categorical of the texts of the distinct sets ``uniques`` (distinct by construction:
    each is one set of criteria), not checked again where pandas allows it. The texts are held
    as pandas holds its own text: built by Arrow where pandas' text is Arrow's (pandas' ``str``
    with pyarrow), else as Python strings (not converted one by one)."""
    text = _pandas_text(pd)
    if text is not None and uniques.ndim == 1:
        import pyarrow as pa

        categories = pd.Index(pd.array(failed.arrow_texts(pa, uniques), dtype=text), copy=False)
    else:
        categories = pd.Index(np.asarray(failed.python_texts(uniques), dtype=object),
                              dtype=object, copy=False)
    fastpath = getattr(pd.CategoricalDtype, "_from_fastpath", None)
    if fastpath is None:
        return pd.Categorical.from_codes(codes, categories=categories)
    return pd.Categorical.from_codes(codes, dtype=fastpath(categories, False), validate=False)


def _pandas_text(pd: Any) -> Any:
    """pandas' own type for text where Arrow holds it (pandas' ``str`` with pyarrow), else
    ``None`` (text as Python objects); asked each time, as pandas' options may change it."""
    own = pd.Index([""]).dtype
    return own if getattr(own, "storage", None) == "pyarrow" else None


@functools.cache
def _pandas_dtype(pd: Any, names: tuple[str, ...]) -> Any:
    return pd.CategoricalDtype(list(names))


def _categorical_polars(pl: Any, np: Any, codes: Any, names: list[str]) -> Any:
    # Each category once, as an Enum; the rows take theirs by position.
    return _polars_enum(pl, tuple(names)).gather(codes)


@functools.cache
def _polars_enum(pl: Any, names: tuple[str, ...]) -> Any:
    return pl.Series(list(names), dtype=pl.Enum(list(names)))


def _categorical_pyarrow(pa: Any, np: Any, codes: Any, names: list[str]) -> Any:
    # The codes are positions in ``names`` by construction: not checked again.
    return pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int32)),
                                          _arrow_names(pa, tuple(names)), safe=False)


@functools.cache
def _arrow_names(pa: Any, names: tuple[str, ...]) -> Any:
    return pa.array(names, type=pa.string())


def _categorical_generic(native: Any, np: Any, codes: Any, names: list[str]) -> Any:
    return np.array(names, dtype=object)[codes]


_CATEGORICAL: dict[str, Callable[[Any, Any, Any, list[str]], Any]] = {
    "pandas": _categorical_pandas,
    "polars": _categorical_polars,
    "pyarrow": _categorical_pyarrow,
}


def _failed(native: Any, implementation: str, np: Any, failed: FailedSets) -> Any:
    if len(failed.ids) <= 64 and implementation == "polars":
        return failed.polars_texts(native, failed.keys())
    if len(failed.ids) <= 64 and implementation == "pyarrow":
        keys = failed.keys()
        if not repeats(np, keys):
            return failed.arrow_texts(native, keys)
        # Each distinct set's text once (the sets told apart by Arrow's hashing), then taken.
        import pyarrow.compute as pc

        encoded = pc.dictionary_encode(native.array(keys))
        return failed.arrow_texts(native, encoded.dictionary.to_numpy()).take(encoded.indices)
    # The distinct texts are made once each; rows take theirs by index, in the library.
    uniques, codes = failed.distinct(getattr(native, "factorize", None)
                                     if implementation == "pandas" else None)
    if implementation == "pandas":
        return _distinct_pandas(native, np, codes, failed, uniques)
    texts = failed.python_texts(uniques)
    if implementation == "polars":
        return native.Series(texts, dtype=native.String).gather(codes)
    if implementation == "pyarrow":
        return native.array(texts, type=native.string()).take(native.array(codes))
    return np.asarray(texts, dtype=object)[codes]


def _plain(native: Any, implementation: str, values: Any) -> Any:
    """A float column as it is; a column of texts (``None`` for none) in the library's form."""
    if values.dtype != object:
        return values
    if implementation == "polars":
        return native.Series(values.tolist(), dtype=native.String)
    if implementation == "pyarrow":
        return native.array(values.tolist(), type=native.string())
    return values


def _assemble(native: Any, implementation: str, columns: dict[str, Any], table: Any) -> Any:
    if implementation == "pandas":
        frame = native.DataFrame(columns, copy=False)
        frame.index = table.to_native().index
        return frame
    if implementation == "polars":
        return native.DataFrame(columns)
    if implementation == "pyarrow":
        return native.table(columns)
    import narwhals as nw

    return nw.from_dict(columns, backend=table.implementation).to_native()

