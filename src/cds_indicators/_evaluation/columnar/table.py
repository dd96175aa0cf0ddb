"""The table around the values: its column names, its years, and who each row is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from cds_indicators._evaluation.columnar.cells import empty_cells, python_cells, text_or_none
from cds_indicators._model.errors import Problem
from cds_indicators._model.framework import Framework, Kind
from cds_indicators._model.numbers import whole_number
from cds_indicators._model.record import where
from cds_indicators._words.format import commune_label, fold
from cds_indicators._words.headers import ID_LABELS, ROLES, header_role, is_descriptive

__all__ = [
    "ID_COLUMNS",
    "Names",
    "columns_of",
    "duplicate_columns",
    "id_columns",
    "name_problems",
    "repeated_rows",
    "told_apart",
    "year_positions",
]

#: The roles of the columns that say who a row is; the result names its columns so.
ID_COLUMNS = ("commune", "district", "year", "province", "code")
_NAME_FIELDS = (("commune", "tên xã"), ("district", "tên huyện"), ("province", "tên tỉnh"))


def id_columns(names: Sequence[str]) -> tuple[dict[str, str], list[Problem]]:
    """The column holding each row's commune, district and year (role → the table's own name),
    read through the header vocabulary as :func:`~cds_indicators.load_values` reads a file's
    header (``Tên xã``, ``Huyện``, ``NĂM:``, …); and a problem for each column naming a role
    that an earlier column already names."""
    found: dict[str, str] = {}
    problems = []
    for name in names:
        role = header_role(name)
        if role not in ID_COLUMNS:
            continue
        first = found.setdefault(role, name)
        if first != name:
            problems.append(Problem.of("frame_same_role", column=name, name=name, first=first,
                                       role_vi=ID_LABELS[role], role_en=role))
    return found, problems


def _missing(role: str) -> Problem:
    """The table has no column for ``role``: said with the headers that would have named it."""
    accepted = ", ".join(repr(w if w == role else w[:1].upper() + w[1:]) for w in ROLES[role])
    return Problem.of("frame_missing_column", column=role, name=role, accepted=accepted)


def columns_of(
    framework: Framework, names: Sequence[str], has_year: bool
) -> tuple[dict[str, tuple[str, ...]], dict[str, str], list[Problem]]:
    """For each criterion, the column(s) holding its values; the columns of the commune,
    district and year (:func:`id_columns`); and the problems with the names. Columns that
    describe a criterion for people (``STT``, ``Ghi chú``, …) are allowed and not read, as
    :func:`~cds_indicators.load_values` allows them."""
    ids, problems = id_columns(names)
    used: dict[str, tuple[str, ...]] = {}
    present = set(names)
    if "commune" not in ids:
        problems.append(_missing("commune"))
    if not has_year and "year" not in ids:
        problems.append(_missing("year"))
    for criterion in framework:
        cid = criterion.id
        pair = (f"{cid}_num", f"{cid}_den")
        have = [p in present for p in pair]
        if any(have):
            if not all(have):
                given, other = pair if have[0] else pair[::-1]
                problems.append(Problem.of("frame_unpaired_counts", criterion=cid,
                                           column=given, name=given, other=other))
            elif cid in present:
                problems.append(Problem.of("frame_both_forms", criterion=cid, column=cid))
            elif criterion.kind is not Kind.RATE:
                problems.append(Problem.of("frame_unpaired_counts", criterion=cid,
                                           column=pair[0], name=pair[0], other=cid))
            else:
                used[cid] = pair
        elif cid in present:
            used[cid] = (cid,)
    known = {c for cols in used.values() for c in cols}
    known |= {c for c in present if c in framework}
    known |= {c for c in present if c.endswith(("_num", "_den")) and c[:-4] in framework}
    for name in names:
        if name not in known and header_role(name) not in ID_COLUMNS and not is_descriptive(name):
            problems.append(Problem.of("frame_unknown_column", column=str(name),
                                       name=str(name), framework=framework.id))
    return used, ids, problems


def year_positions(np: Any, nw: Any, frame: Any, framework: Framework, year: int | None,
                   column: str | None) -> tuple[Any, list[int], list[Problem]]:
    """Each row's position in ``framework.years``, and the problems with the year column
    (named ``column`` in the table, if it has one)."""
    n = len(frame)
    at = None if year is None else framework.years.index(framework.check_year(year))
    if column is None:
        return np.full(n, at or 0, dtype=np.intp), [] if year is None else [year], []
    series = frame[column]
    null = empty_cells(np, series)  # NaN is empty too, in every library
    problems = []
    position = np.full(n, -1, dtype=np.intp)
    if series.dtype.is_integer() and series.dtype not in (nw.Int128, nw.UInt128):
        values = series.fill_null(0).to_numpy().astype(np.int64)
        for i, y in enumerate(framework.years):
            position[(values == y) & ~null] = i
    else:
        # Years typed otherwise (2024.0 in a float column, "2024") are read cell by cell as a
        # file's year cells are: by the number policy's whole_number.
        index = {y: i for i, y in enumerate(framework.years)}
        for row, cell in enumerate(series.to_list()):
            position[row] = -1 if null[row] else index.get(whole_number(cell), -1)  # type: ignore[arg-type]
    if at is not None:
        # year= fills the empty cells of the rows' own year column and overrides none.
        position[null] = at
    bad = np.flatnonzero((position < 0) | ((position != at) if at is not None else False))
    raw = series.to_list() if len(bad) else []
    for row in bad.tolist():
        value = raw[row]
        conflict = position[row] >= 0
        problems.append(Problem.of("year_conflict" if conflict else "frame_bad_year", row=row,
                                   column=column, value=value, year=year,
                                   framework=framework.id,
                                   years=", ".join(map(str, framework.years))))
    if year is not None:
        return np.full(n, at, dtype=np.intp), [year], problems
    position[position < 0] = 0
    return position, list(framework.years), problems


def duplicate_columns(frame: Any) -> list[Problem]:
    """One problem per column name that the table holds more than once."""
    given = getattr(frame, "column_names", None)  # pyarrow's .columns are the arrays
    names = [str(c) for c in (frame.columns if given is None else given)]
    repeated = sorted({n for n in names if names.count(n) > 1}, key=names.index)
    return [Problem.of("frame_duplicate_column", column=n, name=n, count=names.count(n))
            for n in repeated]


def _typed_as_text(nw: Any, series: Any) -> bool:
    """Whether the column's type holds only text (or nulls); a pandas ``object`` column, though
    read as text, may hold anything."""
    native_type = str(getattr(series.to_native(), "dtype", ""))
    return bool(series.dtype == nw.String) and native_type != "object"


def _classes(np: Any, names: list[str], null: str | None) -> Any:
    """For each distinct name, then for a null cell, its number: names that fold alike (case,
    Unicode form, spaces) share one; a null cell is ``-1``, or the number of ``null``."""
    folded = list(map(fold, names))
    if null is not None:
        folded.append(fold(null))
    if len(set(folded)) == len(folded):
        # No two fold alike (the usual case): each is its own class, numbered in order.
        of_name = np.arange(len(names) + 1, dtype=np.int64)
    else:
        classes: dict[str, int] = {}
        of_name = np.array([classes.setdefault(f, len(classes)) for f in folded]
                           + [-1] * (null is None), dtype=np.int64)
    if null is None:
        of_name[-1] = -1
    return of_name


class Names(NamedTuple):
    """A column of names told apart once, for every step that needs its distinct names (the
    check for codes, the check for repeated rows): the distinct names in the order they first
    appear, each row's position among them (``-1`` for an empty cell), and the distinct names
    as an Arrow array where Arrow told them apart (else ``None``)."""

    names: list[Any]
    rows: Any
    arrow: Any = None


def told_apart(np: Any, nw: Any, series: Any) -> Names | None:
    """The names of a column typed as text (:class:`Names`), told apart by Arrow's hashing
    where Arrow is installed; ``None`` for any other column (read cell by cell)."""
    if not _typed_as_text(nw, series):
        return None
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        array = series.to_arrow()
    except ImportError:
        return _told_from_values(np, series.to_list())
    array = getattr(array, "combine_chunks", lambda: array)()
    dictionary, rows = _arrow_encoded(np, pc, array)
    return Names(_texts(pa, pc, dictionary), rows, dictionary)


def _texts(pa: Any, pc: Any, array: Any) -> list[Any]:
    """``array.to_pylist()`` of an Arrow array of texts, quicker for thousands of them: joined
    by Arrow with a separator no text holds, decoded once and split."""
    texts: list[Any] = []
    if not array.null_count and (pa.types.is_string(array.type)
                                 or pa.types.is_large_string(array.type)):
        whole = pa.LargeListArray.from_arrays(pa.array([0, len(array)], pa.int64()), array)
        texts = pc.binary_join(whole, pa.scalar("\x00", array.type))[0].as_py().split("\x00")
    # As many pieces as texts unless a text held the separator (or there was none at all).
    return texts if len(texts) == len(array) else list(array.to_pylist())


def _told_from_values(np: Any, values: list[Any]) -> Names:
    """:class:`Names` of cells already read (``None`` for an empty one), told apart by hashing."""
    position: dict[Any, int] = {}
    rows = [-1 if v is None else position.setdefault(v, len(position)) for v in values]
    return Names(list(position), np.asarray(rows, dtype=np.intp))


def _arrow_encoded(np: Any, pc: Any, array: Any) -> tuple[Any, Any]:
    """Arrow's dictionary encoding of ``array``: the dictionary, and each row's index in it or
    ``-1``. A column that comes in runs (a district's communes one after another, a commune's
    years) has only the first row of each run hashed: where its first 1,024 rows, then all of
    it, hold at most a quarter as many runs as rows (comparing a row with the one before costs
    a fraction of hashing it)."""
    n = len(array)
    if n >= 64 and len(_run_starts(np, pc, array[:1024])) * 4 <= min(n, 1024):
        starts = _run_starts(np, pc, array)
        if len(starts) * 4 <= n:
            encoded = pc.dictionary_encode(array.take(starts))
            per_run = pc.fill_null(encoded.indices, -1).to_numpy()
            return encoded.dictionary, np.repeat(per_run, np.diff(starts, append=n))
    encoded = pc.dictionary_encode(array)
    return encoded.dictionary, pc.fill_null(encoded.indices, -1).to_numpy()


def _run_starts(np: Any, pc: Any, array: Any) -> Any:
    """The row where each run of equal cells of ``array`` begins (an empty cell is a run of
    its own: it equals nothing)."""
    same = pc.fill_null(pc.equal(array[1:], array[:len(array) - 1]), False)
    return np.concatenate([np.zeros(1, dtype=np.intp),
                           np.flatnonzero(~same.to_numpy(zero_copy_only=False)) + 1])


def name_problems(np: Any, nw: Any, table: Any, ids: dict[str, str],
                  communes: Names | None = None) -> list[Problem]:
    """The name cells that are not text (as :func:`~cds_indicators.evaluate` refuses them; a
    whole-number commune column holds codes), and the rows without a commune, neither a name nor
    a code (as :func:`~cds_indicators.load_values` refuses them). ``communes``: the commune
    column's names where they were told apart already (:func:`told_apart`)."""
    problems = []
    blank = None
    for field, field_vi in _NAME_FIELDS:
        if field not in ids:
            continue
        series = table[ids[field]]
        if field == "commune" and communes is not None:
            # Each distinct name tested once; the last place: an empty cell.
            empty = [not name.strip() for name in communes.names]
            blank = np.array([*empty, True], dtype=bool)[communes.rows]
            continue
        if field != "commune" and _typed_as_text(nw, series):
            continue
        cells = python_cells(np, series)
        # A whole-number commune column holds codes; a number among names is refused.
        if not (field == "commune" and series.dtype.is_integer()):
            problems += [Problem.of("name_not_text", value=v, field=field, field_vi=field_vi,
                                    row=row, column=ids[field])
                         for row, v in enumerate(cells)
                         if v is not None and not isinstance(v, str)]
        if field == "commune":
            blank = np.array([text_or_none(v) is None for v in cells], dtype=bool)
    if blank is not None and blank.any():
        if "code" in ids:  # a code alone names the commune
            blank &= np.array([text_or_none(c) is None
                               for c in python_cells(np, table[ids["code"]])], dtype=bool)
        problems += [Problem.of("missing_commune", row=row, column=ids["commune"])
                     for row in np.flatnonzero(blank).tolist()]
    return problems


def repeated_rows(np: Any, nw: Any, table: Any, framework: Framework, year_position: Any,
                  ids: dict[str, str], communes: Names | None = None) -> list[Problem]:
    """Every row that repeats an earlier row's commune, district and year (as
    :func:`~cds_indicators.load_values` refuses them), named from the first; its names checked
    by :func:`name_problems` first. ``ids`` names the columns of the commune, district and
    year (:func:`id_columns`); ``communes``, the commune column's names where they were told
    apart already (:func:`told_apart`)."""
    names: dict[str, Names] = {}
    for field, _ in _NAME_FIELDS[:2]:
        if field not in ids:
            continue
        series = table[ids[field]]
        told = (communes if field == "commune" and communes is not None
                else told_apart(np, nw, series))
        names[field] = _told_from_values(np, python_cells(np, series)) if told is None else told
    n = len(year_position)
    if not n:
        return []
    told = names["commune"]
    of_commune = _classes(np, told.names, None)
    keys = of_commune[told.rows]  # each row's commune, then its commune-district-year
    unnamed = keys < 0 if told.rows.min(initial=0) < 0 else None
    spread, years = 1, len(framework.years)
    if "district" in names:
        told = names["district"]
        of_district = _classes(np, told.names, "")
        spread = int(of_district.max()) + 1
        keys *= spread
        keys += of_district[told.rows]
    if year_position.min() == year_position.max():
        years = 1  # one year for every row (``year=``, say): it tells no two rows apart
    else:
        keys *= years
        keys += year_position
    if unnamed is not None:
        keys[unnamed] = -1
    counted = keys if unnamed is None else keys[keys >= 0]
    if (int(of_commune.max()) + 1) * spread * years <= 8 * n + 1024:
        # Few enough possible keys to count each one; else sort them.
        if not len(counted) or int(np.bincount(counted).max()) <= 1:
            return []
    elif len(np.unique(counted)) == len(counted):
        return []
    return _repeats(table, framework, year_position, keys.tolist(), ids)


def _repeats(table: Any, framework: Framework, year_position: Any, keys: list[int],
             ids: dict[str, str]) -> list[Problem]:
    """One problem for each row whose key an earlier row has; rows without a key are ``-1``."""
    communes = table[ids["commune"]].to_list()
    districts = table[ids["district"]].to_list() if "district" in ids else None
    first: dict[int, int] = {}
    problems = []
    for row, key in enumerate(keys):
        earlier = first.setdefault(key, row)
        if key < 0 or earlier == row:
            continue
        problems.append(Problem.of(
            "duplicate_commune_year", row=row, column=ids["commune"],
            year=framework.years[int(year_position[row])],
            who=commune_label(communes[row], None if districts is None else districts[row]),
            first=where("vi", row=earlier), first_en=where("en", row=earlier)))
    return problems
