"""What the public API promises beyond its names: frozen, slotted classes with their attributes;
deprecations that warn with the replacement and the version they go away in; a version, a
CHANGELOG and an API baseline that agree. (The names themselves: test_public_api.py.)"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import textwrap
import types
import warnings
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest

import cds_indicators as cds
from cds_indicators._deprecation import renamed_keyword, renamed_names

ROOT = Path(__file__).resolve().parents[1]


def _api_check() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("api_check", ROOT / ".ci" / "api_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


api_check = _api_check()

# Every public attrs class and the attributes it promises (more may be added; none taken away).
ATTRIBUTES = {
    "Band": ("start", "points"),
    "Change": ("field", "old", "new", "criterion", "year"),
    "Criterion": (
        "id", "pillar", "name", "unit", "kind", "responsible", "conditional", "name_en",
        "counts", "targets", "mandatory", "points", "scoring", "bands", "partial",
        "partial_share", "counted", "labels",
    ),
    "CriterionTrajectory": (
        "criterion", "name", "kind", "value", "observed", "meets_until", "fails_from", "pace",
        "next_year", "required_pace", "on_track",
    ),
    "DistrictSummary": (
        "district", "year", "reports", "completed", "not_completed", "undetermined", "criteria",
        "blocking", "pillars", "one_away", "by", "key",
    ),
    "Framework": (
        "id", "title", "years", "pillars", "completion", "decision", "issuer", "issued",
        "province", "source", "schema_version", "share", "pass_score", "levels",
    ),
    "FrameworkDiff": ("old", "new", "added", "removed", "changes"),
    "Level": ("name", "min_score"),
    "Pillar": ("code", "name", "criteria", "name_en"),
    "Problem": (
        "code", "message", "message_en", "criterion", "value", "source", "sheet", "row",
        "column", "line", "path",
    ),
    "LoadedValues": ("records", "problems"),
    "Measured": ("value", "evidence"),
    "Rank": ("rank", "commune", "year", "score", "max_score", "index", "district", "level"),
    "Ranking": ("by", "ranks"),
    "Ratio": ("numerator", "denominator"),
    "OfficialUnit": ("name", "code", "district", "province"),
    "Record": ("commune", "year", "values", "district", "province", "code", "parts", "source",
               "sheet", "row", "path"),
    "Report": (
        "framework", "year", "completion", "verdicts", "commune", "district", "province", "code",
        "score", "max_score", "level",
    ),
    "Schedule": ("entries",),
    "ScheduleCheck": ("standings",),
    "Successors": ("entries", "source"),
    "Summary": ("framework", "groups", "by"),
    "Target": ("label", "kind", "comparison", "threshold"),
    "Trajectory": ("framework", "criteria"),
    "Verdict": (
        "criterion", "name", "pillar", "year", "kind", "status", "value", "target", "counts",
        "name_en", "points", "max_points", "count", "unit", "evidence",
    ),
}  # fmt: skip


def _instances() -> dict[str, Any]:
    """One real instance of every public attrs class, made through the public API."""
    framework = cds.load_framework()
    report = cds.evaluate({"2.5": cds.ratio(19, 33)}, 2025, commune="Xã A", district="Huyện B")
    summary = cds.summarize([report])
    schedule = cds.Schedule({"Xã A": 2025})
    history = cds.trajectory({2024: {"2.5": cds.ratio(19, 33)}, 2025: {"2.5": cds.ratio(20, 33)}})
    changes = cds.diff(framework, cds.load_framework("tinh-long-2024"))
    with pytest.raises(cds.CdsError) as refused:
        cds.evaluate({"2.5": "abc"}, 2025)
    dti = cds.load_framework("dti-example")
    ranking = cds.summarize([cds.evaluate({}, 2024, framework=dti, commune="Xã A")]).ranking()
    return {
        "Band": cds.Band(start=Fraction(4), points=Fraction(20)),
        "Change": changes.changes[0],
        "Criterion": framework["2.5"],
        "CriterionTrajectory": history.criteria[0],
        "DistrictSummary": summary.groups[0],
        "Framework": framework,
        "FrameworkDiff": changes,
        "Level": cds.load_framework("dti-example").levels[0],
        "Pillar": framework.pillars[0],
        "OfficialUnit": cds.OfficialUnit(name="Xã Tây Đô", code="15361", district=None,
                                         province="Tỉnh Thanh Hóa"),
        "Problem": refused.value.problems[0],
        "LoadedValues": cds.LoadedValues(records=(cds.Record(commune="Xã A", year=2025,
                                                             values={}),)),
        "Measured": cds.measured(17, evidence="QĐ 52/QĐ-UBND (minh họa)"),
        "Rank": ranking.ranks[0],
        "Ranking": ranking,
        "Ratio": cds.ratio(19, 33),
        "Record": cds.Record(commune="Xã A", year=2025, values={"2.5": 80}),
        "Report": report,
        "Schedule": schedule,
        "Successors": cds.Successors({"Xã A": "Xã X"}, source="example"),
        "ScheduleCheck": summary.against(schedule),
        "Summary": summary,
        "Target": framework["2.5"].target(2025),
        "Trajectory": history,
        "Verdict": report["2.5"],
    }


INSTANCES = _instances()


def test_every_public_attrs_class_is_pinned():
    public = {
        name
        for name in cds.__all__
        if isinstance(getattr(cds, name), type) and attrs.has(getattr(cds, name))
    }
    assert public == set(ATTRIBUTES) == set(INSTANCES)


@pytest.mark.parametrize("name", sorted(ATTRIBUTES))
def test_public_class_keeps_its_attributes(name):
    cls = getattr(cds, name)
    fields = [field.name for field in attrs.fields(cls)]
    assert [field for field in ATTRIBUTES[name] if field not in fields] == []
    assert all(hasattr(INSTANCES[name], field) for field in ATTRIBUTES[name])


@pytest.mark.parametrize("name", sorted(ATTRIBUTES))
def test_public_class_is_slotted(name):
    cls = getattr(cds, name)
    assert "__slots__" in vars(cls)
    assert type(INSTANCES[name]) is cls
    assert not hasattr(INSTANCES[name], "__dict__")


@pytest.mark.parametrize("name", sorted(ATTRIBUTES))
def test_public_class_is_frozen(name):
    instance = INSTANCES[name]
    first = ATTRIBUTES[name][0]
    before = getattr(instance, first)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(instance, first, None)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        delattr(instance, first)
    assert getattr(instance, first) == before


def test_measured_takes_its_value_then_its_evidence():
    assert cds.Measured(17, "QĐ 52") == cds.measured(17, evidence="QĐ 52")
    assert repr(cds.measured(17, evidence="QĐ 52")) == "measured(17, evidence='QĐ 52')"


def test_ratio_takes_its_counts_in_order():
    assert cds.Ratio(19, 33) == cds.ratio(19, 33)
    assert (cds.Ratio(19, 33).numerator, cds.Ratio(19, 33).denominator) == (19, 33)


# Deprecations ---------------------------------------------------------------------------------


def test_renamed_name_warns_with_its_replacement_and_still_works():
    module = types.ModuleType("cds_example")
    module.__getattr__ = renamed_names(  # type: ignore[method-assign]
        "cds_example", {"Rational": ("fractions.Fraction", "0.3.0")}
    )
    with pytest.warns(DeprecationWarning, match="use fractions.Fraction instead") as caught:
        assert module.Rational is Fraction
    assert [str(warning.message) for warning in caught] == [
        "cds_example.Rational is deprecated; use fractions.Fraction instead."
        " It will be removed in cds-indicators 0.3.0."
    ]
    assert caught[0].filename == __file__
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(AttributeError, match="module 'cds_example' has no attribute 'Other'"):
            _ = module.Other


@renamed_keyword("commune_name", "commune", removed_in="0.3.0")
def _label(year: int, *, commune: str = "") -> str:
    return f"{commune} {year}"


def test_renamed_keyword_warns_and_passes_the_value_on():
    with pytest.warns(DeprecationWarning, match="commune_name") as caught:
        assert _label(2025, commune_name="Xã A") == "Xã A 2025"  # type: ignore[call-arg]
    assert [str(warning.message) for warning in caught] == [
        "_label(commune_name=...) is deprecated; use _label(commune=...) instead."
        " It will be removed in cds-indicators 0.3.0."
    ]
    assert caught[0].filename == __file__


def test_new_keyword_does_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _label(2025, commune="Xã A") == "Xã A 2025"


def test_old_and_new_keyword_together_are_refused():
    with pytest.raises(TypeError, match="got values for both 'commune' and its deprecated name"):
        _label(2025, commune="Xã A", commune_name="Xã B")  # type: ignore[call-arg]


@pytest.fixture
def moved_package(tmp_path, monkeypatch):
    """A package ``deprecated_example`` whose module ``old_place`` moved to ``new_place``."""
    package = tmp_path / "deprecated_example"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "new_place.py").write_text("VALUE = 42\n")
    (package / "old_place.py").write_text(
        textwrap.dedent(
            """\
            from cds_indicators._deprecation import moved_module

            __getattr__ = moved_module(
                __name__, "deprecated_example.new_place", removed_in="0.3.0"
            )
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield
    for name in [name for name in sys.modules if name.startswith("deprecated_example")]:
        del sys.modules[name]


@pytest.mark.usefixtures("moved_package")
def test_importing_a_moved_module_warns_with_the_new_path():
    with pytest.warns(DeprecationWarning, match="new_place") as caught:
        import deprecated_example.old_place as old_place
    assert [str(warning.message) for warning in caught] == [
        "deprecated_example.old_place is deprecated; use deprecated_example.new_place instead."
        " It will be removed in cds-indicators 0.3.0."
    ]
    assert caught[0].filename == __file__
    assert old_place.VALUE == 42


def test_the_librarys_own_deprecated_calls_are_errors():
    """A deprecation the library triggers from its own modules fails the suite (pyproject.toml)."""
    own = {"__name__": "cds_indicators._example", "label": _label}
    with pytest.raises(DeprecationWarning, match="_label"):
        exec("label(2025, commune_name='Xã A')", own)
    assert _label.__wrapped__(2025, commune="Xã A") == "Xã A 2025"  # type: ignore[attr-defined]


# Version, CHANGELOG and API baseline ----------------------------------------------------------


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def test_changelog_has_a_section_for_the_coming_release():
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    headings = re.findall(r"^## \[([^\]]+)\]", changelog, re.M)
    assert headings and headings[0] in {"Unreleased", cds.__version__}


def test_version_is_the_baseline_or_a_release_after_it():
    baseline = api_check.load_breaks()["baseline"]
    assert _version(cds.__version__) >= _version(baseline["version"])
    if cds.__version__ != baseline["version"]:
        changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
        assert f"## [{cds.__version__}]" in changelog


def test_baseline_revision_is_the_baseline_version():
    baseline = api_check.load_breaks()["baseline"]
    shown = subprocess.run(
        ["git", "show", f"{baseline['revision']}:src/cds_indicators/__init__.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if shown.returncode != 0 and not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    assert shown.returncode == 0, shown.stderr
    assert api_check.version_of(shown.stdout) == baseline["version"]


def test_every_listed_break_is_announced_in_the_changelog():
    contract = api_check.load_breaks()
    section = api_check.release_section(
        (ROOT / "CHANGELOG.md").read_text("utf-8"), cds.__version__, contract["baseline"]["version"]
    )
    assert api_check.unannounced(contract["breaks"], section) == []


CHANGELOG = """\
# Changelog

## [Unreleased]

### Added

- `evaluate(place=...)`.

### Changed

- `evaluate()`: the `commune` keyword is now
  `place`; `commune` warns until 0.3.0.

## [0.1.0]

### Removed

- `old()`.
"""

RENAMED = {
    "change": "evaluate(commune): Parameter was removed",
    "reason": "named for what it holds",
    "changelog": "Changed",
    "entry": "`evaluate()`: the `commune` keyword is now `place`; `commune` warns until 0.3.0.",
}


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (RENAMED, []),
        (
            {**RENAMED, "changelog": "Removed"},
            [
                "evaluate(commune): Parameter was removed: not in ### Removed: `evaluate()`: the"
                " `commune` keyword is now `place`; `commune` warns until 0.3.0."
            ],
        ),
        (
            {**RENAMED, "entry": "`old()`."},
            ["evaluate(commune): Parameter was removed: not in ### Changed: `old()`."],
        ),
    ],
)
def test_a_listed_break_needs_its_entry_in_the_coming_release(entry, expected):
    section = api_check.release_section(CHANGELOG, "0.1.0", "0.1.0")
    assert api_check.unannounced([entry], section) == expected


def test_the_coming_release_is_unreleased_until_the_version_is_cut():
    unreleased = api_check.release_section(CHANGELOG, "0.1.0", "0.1.0")
    assert "`evaluate(place=...)`" in unreleased
    assert "`old()`" not in unreleased
    cut = CHANGELOG.replace("## [Unreleased]", "## [0.2.0] - 2026-12-02")
    assert "`evaluate(place=...)`" in api_check.release_section(cut, "0.2.0", "0.1.0")
    with pytest.raises(ValueError, match=re.escape("CHANGELOG.md has no section [Unreleased]")):
        api_check.release_section(cut, "0.1.0", "0.1.0")
    with pytest.raises(ValueError, match=re.escape("CHANGELOG.md has no section [0.3.0]")):
        api_check.release_section(cut, "0.3.0", "0.1.0")


def test_breaks_are_read_from_griffe_one_line_output():
    output = [
        "src/cds_indicators/_evaluation/scalar.py:126: evaluate(commune): Parameter was removed",
        "src/cds_indicators/_report.py:0: Report.district: Public object was removed",
        "src/cds_indicators/_model/framework.py:80: Target.is_met(value): Parameter default"
        " was changed: None -> 1",
        "WARNING  Could not resolve alias",
    ]
    assert api_check.griffe_changes(output) == [
        "evaluate(commune): Parameter was removed",
        "Report.district: Public object was removed",
        "Target.is_met(value): Parameter default was changed: None -> 1",
    ]


def test_unlisted_and_stale_breaks_both_fail():
    reported = [
        "evaluate(commune): Parameter was removed",
        "Report.district: Public object was removed",
    ]
    stale = {**RENAMED, "change": "merge(weights): Parameter was removed"}
    assert api_check.compare(reported, [RENAMED]) == (
        ["Report.district: Public object was removed"],
        [],
    )
    assert api_check.compare(reported[:1], [RENAMED, stale]) == (
        [],
        ["merge(weights): Parameter was removed"],
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[baseline]\nversion = '0.1.0'\n",
            "breaks.toml: [baseline] needs a version and a revision",
        ),
        (
            "[baseline]\nversion = '0.1.0'\nrevision = 'c747e2a'\n[[breaks]]\nchange = 'x'\n",
            "breaks.toml: break 1 lacks changelog, entry, reason",
        ),
        (
            "[baseline]\nversion = '0.1.0'\nrevision = 'c747e2a'\n[[breaks]]\nchange = 'x'\n"
            "reason = 'r'\nentry = 'e'\nchangelog = 'Fixed'\n",
            "breaks.toml: break 1: changelog must be one of Changed, Removed, not 'Fixed'",
        ),
    ],
)
def test_a_bad_breaks_file_is_refused(tmp_path, text, message):
    path = tmp_path / "breaks.toml"
    path.write_text(text)
    with pytest.raises(ValueError, match=re.escape(message)):
        api_check.load_breaks(path)


# The reference site -----------------------------------------------------------------------------


def _reference_pages() -> dict[str, Path]:
    return {path.stem: path for path in (ROOT / "docs" / "reference").glob("*/*.md")}


def test_every_public_name_has_a_reference_page_in_the_site():
    expected = {*cds.__all__, "units", "strategies"}
    pages = _reference_pages()
    assert set(pages) == expected
    site = (ROOT / "mkdocs.yml").read_text("utf-8")
    for name, path in pages.items():
        prefix = "" if name in cds.__all__ else "cds_indicators."
        assert f"::: cds_indicators.{name}\n" in path.read_text("utf-8")
        assert f"- {prefix}{name}: {path.relative_to(ROOT / 'docs').as_posix()}\n" in site


def test_every_guide_page_is_in_the_site():
    site = (ROOT / "mkdocs.yml").read_text("utf-8")
    listed = set(re.findall(r": ([\w-]+\.md)$", site, re.M))
    pages = {path.name for path in (ROOT / "docs").glob("*.md")}
    assert pages - listed == set(), "add these pages to the nav in mkdocs.yml"
    assert listed - pages == set(), "the nav in mkdocs.yml lists pages that do not exist"


def test_the_errors_module_of_0_1_0_warns_and_still_serves_the_errors():
    """0.1.0's tracebacks named ``cds_indicators._errors.MeasurementError``: importing from there
    keeps working for a minor release, with a warning that names the replacement."""
    import importlib
    import sys

    sys.modules.pop("cds_indicators._errors", None)
    with pytest.warns(DeprecationWarning, match="cds_indicators._errors is deprecated") as caught:
        old = importlib.import_module("cds_indicators._errors")
    assert str(caught[0].message) == (
        "cds_indicators._errors is deprecated; use cds_indicators instead. "
        "It will be removed in cds-indicators 0.3.0."
    )
    assert old.MeasurementError is cds.MeasurementError
    assert old.InputError is cds.InputError
