"""Writing a framework file and reading it back: every framework, every text it may hold, the
shipped ones exactly; the writer's extra; names checked against the model's own tables."""

import os
import subprocess
import sys
import tempfile
import textwrap
import tomllib
import unicodedata
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators import strategies as cst


def _load_text(text):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "framework.toml")
        with open(path, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        return cds.load_framework(path)


def _nfc(text):
    return unicodedata.normalize("NFC", text)


# Characters a hand-written TOML writer gets wrong: quotes, backslashes, every control
# character (U+007F among them), line breaks, non-BMP characters, TOML's own punctuation.
_AWKWARD = st.sampled_from(
    ['"', "\\", "'", "\x7f", "\x00", "\x08", "\x1b", "\x1f", "\n", "\r", "\r\n", "\t",
     "\u2028", "\U0001f600", "\U00020000", '"""', "'''", "#", "=", "[[", "]]", "{", "}", " ",
     "Đ", "ố", "e\u0301"]
)
_CHARACTERS = st.characters(codec="utf-8")  # every character a UTF-8 file can hold
_TEXT = st.text(_CHARACTERS, max_size=12) | st.lists(_AWKWARD | _CHARACTERS, max_size=8).map(
    "".join
)
#: Text that reads back as itself where the loader composes it (NFC) and needs it non-blank.
_NAMES = _TEXT.map(_nfc).filter(str.strip)
#: A cell label: the loader also strips it, and a bare "*" means "no target".
_LABELS = _TEXT.map(lambda t: _nfc(t.strip())).filter(
    lambda t: t and _nfc(t.strip()) == t and t != "*"
)


@st.composite
def _awkward_frameworks(draw):
    """A valid framework whose every free text (ids, names, titles, labels, counts) may hold
    any character a TOML writer must escape."""
    framework = draw(cst.frameworks())

    def criterion(crit):
        targets = {
            year: None if t is None else attrs.evolve(t, label=draw(_LABELS))
            for year, t in crit.targets.items()
        }
        counts = None
        if crit.kind is cds.Kind.RATE and draw(st.booleans()):
            counts = (draw(_TEXT), draw(_TEXT))
        return attrs.evolve(
            crit,
            id=f"{draw(_TEXT)}#{crit.id}",
            name=draw(_NAMES),
            unit=draw(_NAMES),
            responsible=draw(_TEXT.map(_nfc)),
            name_en=draw(st.none() | _TEXT),
            counts=counts,
            targets=targets,
        )

    pillars = []
    for pillar in framework.pillars:
        criteria = tuple(criterion(c) for c in pillar.criteria)
        pillars.append(attrs.evolve(pillar, name=draw(_NAMES), name_en=draw(st.none() | _TEXT),
                                    criteria=criteria))
    names = draw(st.lists(_NAMES, min_size=len(framework.levels),
                          max_size=len(framework.levels), unique=True))
    levels = tuple(attrs.evolve(level, name=name) for level, name in zip(framework.levels, names, strict=True))
    optional = {key: draw(st.none() | _TEXT) for key in ("decision", "issuer", "province",
                                                         "source")}
    return attrs.evolve(framework, id=draw(_TEXT.filter(str.strip)), title=draw(_NAMES),
                        pillars=tuple(pillars), levels=levels, **optional)


@given(_awkward_frameworks())
def test_every_framework_and_any_text_it_holds_loads_back_equal(framework):
    """``load(dump(f)) == f`` for every valid framework, whatever characters its texts hold;
    and writing the loaded framework again gives the same text."""
    text = cds.dump_framework(framework)
    again = _load_text(text)
    assert again == framework
    assert not cds.diff(framework, again)
    assert cds.dump_framework(again) == text


@pytest.mark.parametrize("name", cds.available_frameworks())
def test_a_shipped_framework_round_trips_exactly(name):
    framework = cds.load_framework(name)
    text = cds.dump_framework(framework)
    again = _load_text(text)
    assert again == framework
    assert cds.dump_framework(again) == text


@pytest.mark.parametrize(
    ("title", "line"),
    [
        ("Chuyển đổi số", 'title = "Chuyển đổi số"'),
        ("a\x7fb", 'title = "a\\u007fb"'),
        ("a\x00b\x1bc", 'title = "a\\u0000b\\u001bc"'),
        ('say "có"', 'title = "say \\"có\\""'),
        ("C:\\dữ liệu", 'title = "C:\\\\dữ liệu"'),
        ("hai\ndòng\r\n", 'title = "hai\\ndòng\\r\\n"'),
        ("tab\there", 'title = "tab\there"'),
        ("\U0001f600 \U00020000", 'title = "\U0001f600 \U00020000"'),
    ],
)
def test_text_is_written_on_one_line_with_the_escapes_toml_requires(title, line):
    framework = attrs.evolve(cds.load_framework("dti-example"), title=title)
    text = cds.dump_framework(framework)
    assert line in text.splitlines()
    assert tomllib.loads(text)["framework"]["title"] == title


def test_the_written_file_keeps_the_layout_people_read():
    text = cds.dump_framework(cds.load_framework("dti-example"))
    assert text.startswith(textwrap.dedent("""\
        schema_version = 2

        [framework]
        id = "dti-example"
        """))
    assert "years = [2024, 2025]" in text
    assert 'counts = { numerator = "case_file", denominator = "case_file" }' in text
    assert ('targets = { 2024 = { threshold = "0", label = "không xảy ra sự cố" }, '
            '2025 = { threshold = "0", label = "không xảy ra sự cố" } }') in text
    headers = [line for line in text.splitlines() if line.startswith("[")]
    assert headers == ["[framework]", *["[[levels]]"] * 4, *["[[pillars]]"] * 3,
                       *["[[criteria]]"] * 7]


@pytest.mark.parametrize(
    ("points", "written"),
    [(Fraction(20), "points = 20"), (Fraction(25, 2), 'points = "12.5"'),
     (Fraction(1, 8), 'points = "0.125"'), (Fraction(1, 3), 'points = "1/3"')],
)
def test_points_are_written_as_exact_numbers_the_schema_reads(points, written):
    framework = cds.load_framework("dti-example")
    first = framework.criteria[0]
    pillars = tuple(
        attrs.evolve(p, criteria=tuple(attrs.evolve(c, points=points) if c is first else c
                                       for c in p.criteria))
        for p in framework.pillars
    )
    changed = attrs.evolve(framework, pillars=pillars)
    text = cds.dump_framework(changed)
    assert written in text.splitlines()
    assert _load_text(text)[first.id].points == points


def test_without_tomli_w_writing_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "tomli_w", None)  # import tomli_w now raises ImportError
    with pytest.raises(cds.MissingExtraError) as caught:
        cds.dump_framework(cds.load_framework())
    assert caught.value.extra == "toml"
    assert isinstance(caught.value, ImportError)
    assert 'python -m pip install ".[toml]"' in str(caught.value)


def test_reading_a_framework_needs_no_writer(monkeypatch):
    monkeypatch.setitem(sys.modules, "tomli_w", None)
    text = (
        'schema_version = 2\n[framework]\nid = "x"\ntitle = "X"\nyears = [2024]\n'
        '[[pillars]]\ncode = "p"\nname = "P"\n'
        '[[criteria]]\nid = "1"\npillar = "p"\nname = "N"\nunit = "%"\nkind = "rate"\n'
        'targets = { 2024 = "50%" }\n'
    )
    assert _load_text(text)["1"].target(2024).threshold == 50


def test_importing_and_loading_leave_the_writer_unloaded():
    script = ("import sys, cds_indicators as cds\n"
              "cds.load_framework('dti-example')\n"
              "print('tomli_w' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False"]


# --- names are the model's own ------------------------------------------------------------------

_NUMERIC = [c for c in cds.Comparison if c is not cds.Comparison.YES]


def _criterion_file(comparison):
    return (
        'schema_version = 2\n[framework]\nid = "x"\ntitle = "X"\nyears = [2024]\n'
        '[[pillars]]\ncode = "p"\nname = "P"\n'
        '[[criteria]]\nid = "1"\npillar = "p"\nname = "N"\nunit = "Lớp"\nkind = "count"\n'
        f'comparison = "{comparison}"\ntargets = {{ 2024 = "2" }}\n'
    )


@pytest.mark.parametrize("comparison", _NUMERIC, ids=lambda c: c.value)
def test_every_numeric_comparison_of_the_model_is_read_and_written(comparison):
    framework = _load_text(_criterion_file(comparison.value))
    assert framework["1"].comparison is comparison
    assert _load_text(cds.dump_framework(framework)) == framework


@pytest.mark.parametrize("found", ["yes", "roughly", "AT_LEAST", ""])
def test_an_unknown_comparison_lists_the_models_names(found):
    with pytest.raises(cds.FrameworkError) as caught:
        _load_text(_criterion_file(found))
    known = ", ".join(c.value for c in _NUMERIC)
    assert [(p.line, p.path, p.message_en) for p in caught.value.problems] == [
        (15, "$.criteria[0].comparison",
         f"criterion 1: unknown comparison {found!r} (known: {known})"),
    ]
