"""The shipped examples are honest: every value file says where its figures come from or that
they are illustrative (*minh họa*), and a commune-year named in two files has the same values in
both. The ``source`` and ``note`` keys that say so are read in every format and never as values."""

from __future__ import annotations

from pathlib import Path

import pytest

import cds_indicators as cds

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
VALUE_FILES = sorted(
    p for p in EXAMPLES.rglob("*")
    if p.suffix in (".toml", ".json", ".csv") and "plans" not in p.relative_to(EXAMPLES).parts
    and not p.name.startswith("schedule")
    and not p.read_text(encoding="utf-8").startswith("Xã cũ")  # a successors file, no values
    and "[[criteria]]" not in p.read_text(encoding="utf-8")  # a framework, no values
)


def test_the_value_files_are_the_ones_described():
    names = sorted(str(p.relative_to(EXAMPLES)) for p in VALUE_FILES)
    assert names == ["communes-long.csv", "communes-wide.csv", "district/vinh-loc.csv",
                     "rebase/vinh-loc-history.csv", "vinh-long-2022.toml", "vinh-long-2024.toml",
                     "xa-mau-2022.json"]
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in names)


@pytest.mark.parametrize("path", VALUE_FILES, ids=lambda p: p.name)
def test_every_value_file_names_its_source_or_says_it_is_illustrative(path):
    """The file itself says it (a comment, a ``source``/``note`` key, a ``Ghi chú`` column), or
    the README of its folder does."""
    text = path.read_text(encoding="utf-8")
    folder_readme = path.parent / "README.md"
    said_beside = folder_readme.is_file() and path.parent != EXAMPLES and (
        "minh họa" in folder_readme.read_text(encoding="utf-8"))
    assert "minh họa" in text or "Nguồn:" in text or "source =" in text or said_beside


def _by_commune_year():
    found: dict[tuple[str, int | None], list[tuple[str, dict[str, object]]]] = {}
    for path in VALUE_FILES:
        for record in cds.load_values(path):
            report = cds.evaluate(record.values, record.year)
            given = {v.criterion: v.value for v in report.verdicts if v.criterion in record.values}
            found.setdefault((record.commune, record.year), []).append((path.name, given))
    return found


def test_a_commune_year_has_the_same_values_in_every_file_that_names_it():
    """Read exactly (``78,4%``, ``78,4`` and ``"78,4%"`` are one value), every criterion two
    files both give for one commune-year has the same value in both."""
    shared = 0
    for (commune, year), files in _by_commune_year().items():
        first_name, first = files[0]
        for name, given in files[1:]:
            for criterion in first.keys() & given.keys():
                shared += 1
                assert first[criterion] == given[criterion], (
                    commune, year, criterion, first_name, name)
    assert shared >= 20


def test_no_example_shows_a_real_commune_with_a_plan_s_targets():
    """Nga Trung's 2022 plan (seed 004) sets targets and gives no result: no example shows it."""
    for path in VALUE_FILES:
        assert all(r.commune != "Xã Nga Trung" for r in cds.load_values(path))


# -- the source and note keys -------------------------------------------------------------------

@pytest.mark.parametrize(("name", "text"), [
    ("a.toml", 'commune = "Xã A"\nyear = 2024\nsource = "KH 09/KH-UBND, mục II"\n'
               'note = "minh họa"\n[values]\n"1.1" = "Có"\n'),
    ("a.json", '{"commune": "Xã A", "year": 2024, "source": "KH 09/KH-UBND, mục II",'
               ' "note": "minh họa", "values": {"1.1": "Có"}}'),
    ("a.csv", "Xã,Năm,1.1,Nguồn,Ghi chú\nXã A,2024,Có,\"KH 09/KH-UBND, mục II\",minh họa\n"),
])
def test_source_and_note_are_read_in_every_format_and_never_as_values(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (record,) = cds.load_values(path)
    assert (record.commune, record.year, dict(record.values)) == ("Xã A", 2024, {"1.1": "Có"})


@pytest.mark.parametrize(("text", "path", "vi", "en"), [
    ('commune = "Xã A"\nyear = 2024\nsource = 52\n[values]\n', "$.source",
     "giá trị không hợp lệ: 52", "invalid value: 52"),
    ('commune = "Xã A"\nyear = 2024\nnote = ["minh họa"]\n[values]\n', "$.note",
     "giá trị không hợp lệ: ['minh họa']", "invalid value: ['minh họa']"),
])
def test_a_source_or_note_that_is_not_text_is_refused(tmp_path, text, path, vi, en):
    file = tmp_path / "a.toml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(cds.InputError) as caught:
        cds.load_values(file)
    assert [(p.path, p.message, p.message_en) for p in caught.value.problems] == [(path, vi, en)]
