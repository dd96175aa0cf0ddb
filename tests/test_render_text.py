"""Reports as text laid out once per distinct verdict (``_render/text.py``): byte for byte what
wrapping each verdict's whole line gives, whatever the language, the colours or the names."""

import sys
import unicodedata
from fractions import Fraction

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators import strategies as cst
from cds_indicators._model.framework import Comparison, Kind, Target
from cds_indicators._render import text as render
from cds_indicators._render import wrapping
from cds_indicators._render.palette import STATUS_ROLES

FRAMEWORK = cds.load_framework()

#: Styles as the command line's: none, and one that marks every role (as colours do).
#: Reports take a while to draw (each is an evaluation).
SLOW = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}

STYLES = {"plain": lambda text, role: text, "marked": lambda text, role: f"<{role}>{text}</>"}

#: Words that wrap unevenly: wide characters, combining marks, a word longer than a line.
words = st.sampled_from(["Xã", "Vĩnh", "Lộc", "ừ", "e\u0301", "中文字", "a" * 90, "điểm", "%",
                         "(2024)", "—", "x"])
names = st.lists(words, min_size=1, max_size=20).map(" ".join) | st.text(min_size=1)


def uncached(verdict, lang, style):
    """A verdict's lines as they were made before any laying out was kept: the whole line
    wrapped after ``"  x "``, the status's mark for ``x``."""
    marks = {cds.Status.FAIL: "✗", cds.Status.MISSING: "?", cds.Status.PASS: "✓",
             cds.Status.EXEMPT: "–", cds.Status.NO_TARGET: "·"}
    body = render.hanging("  x ", verdict.text(lang), render.WIDTH - 1)
    mark = style(marks[verdict.status], STATUS_ROLES[verdict.status])
    return [f"  {mark} {body[0][4:]}", *body[1:]]


@settings(max_examples=60, **SLOW)
@given(st.lists(cst.reports(), min_size=1, max_size=4), st.sampled_from(["vi", "en"]),
       st.sampled_from(sorted(STYLES)))
def test_each_verdict_is_laid_out_as_its_whole_line_wrapped(reports, lang, style):
    layout = render._Layout(lang, STYLES[style])
    for report in reports * 2:  # twice: the second time, every verdict is looked up
        for verdict in report:
            assert layout.verdict(verdict) == uncached(verdict, lang, STYLES[style])


@settings(max_examples=100, **SLOW)
@given(cst.verdicts(), names, st.none() | names, st.none() | names)
def test_any_name_and_evidence_wrap_as_the_whole_line(verdict, name, name_en, evidence):
    verdict = attrs.evolve(verdict, name=name, name_en=name_en, evidence=evidence)
    for lang in ("vi", "en"):
        assert render._Layout(lang, STYLES["plain"]).verdict(verdict) == uncached(
            verdict, lang, STYLES["plain"])


@settings(max_examples=30, **SLOW)
@given(st.lists(cst.reports(FRAMEWORK), min_size=2, max_size=5))
def test_reports_rendered_together_read_as_each_rendered_alone(reports):
    for lang in ("vi", "en"):
        for style in STYLES.values():
            alone = [render.report_text(r, FRAMEWORK, lang, style) for r in reports]
            together = render.reports_text(reports, FRAMEWORK, lang, style)
            assert together == "\n\n".join([*alone, render.verdicts_text(reports, lang, style)])


def test_languages_and_styles_never_share_lines():
    report = cds.evaluate({"1.1": True, "2.5": cds.ratio(19, 33)}, 2024, commune="Xã Vĩnh Long")
    seen = {}
    for lang in ("vi", "en", "vi"):
        for name, style in STYLES.items():
            shown = render.reports_text([report, report], FRAMEWORK, lang, style)
            assert shown == render.reports_text([report, report], FRAMEWORK, lang, style)
            seen.setdefault((lang, name), shown)
            assert seen[(lang, name)] == shown
    assert len(set(seen.values())) == 4


BASE = cds.Verdict(criterion="2.5", name="Tỷ lệ", pillar="kt", year=2024, kind=Kind.RATE,
                   status=cds.Status.FAIL, value=Fraction(576, 10),
                   target=Target(label="70%", kind=Kind.RATE, comparison=Comparison.AT_LEAST,
                                 threshold=Fraction(70)),
                   counts=(19, 33), name_en="Share", evidence="QĐ 52")

#: Another value of every field a verdict's line shows.
SHOWN = {
    "criterion": "2.6", "name": "Số", "name_en": "Count", "year": 2025, "kind": Kind.COUNT,
    "status": cds.Status.PASS, "value": Fraction(1, 3), "counts": (20, 33), "count": 5,
    "unit": "Điểm", "evidence": "QĐ 53",
    "target": Target(label="71%", kind=Kind.RATE, comparison=Comparison.AT_LEAST,
                     threshold=Fraction(71)),
}
#: Another value of every field it does not show.
UNSHOWN = {"pillar": "cq", "points": Fraction(1), "max_points": Fraction(2)}


def test_every_field_of_a_verdict_is_shown_or_known_not_to_be():
    assert set(SHOWN) | set(UNSHOWN) == {f.name for f in attrs.fields(cds.Verdict)}
    assert set(UNSHOWN) == render._Layout.UNSHOWN


@pytest.mark.parametrize("field", sorted(SHOWN))
def test_a_field_the_line_shows_is_part_of_the_key(field):
    layout = render._Layout("vi", STYLES["plain"])
    assert layout.key(attrs.evolve(BASE, **{field: SHOWN[field]})) != layout.key(BASE)


@pytest.mark.parametrize("field", sorted(UNSHOWN))
def test_a_field_the_line_does_not_show_is_not(field):
    other = attrs.evolve(BASE, **{field: UNSHOWN[field]})
    assert render._Layout("vi", STYLES["plain"]).key(other) == render._Layout(
        "vi", STYLES["plain"]).key(BASE)
    assert other.text("vi") == BASE.text("vi") and other.text("en") == BASE.text("en")


def test_true_and_one_are_told_apart():
    layout = render._Layout("vi", STYLES["plain"])
    assert layout.key(attrs.evolve(BASE, value=True)) != layout.key(
        attrs.evolve(BASE, value=Fraction(1)))


def test_no_character_joins_a_space_before_it_under_nfc():
    """What lets a verdict's criterion part be wrapped alone: it ends in a space, so the NFC of
    the whole line is the NFC of the part and the NFC of the rest, joined."""
    joined = [c for c in map(chr, range(sys.maxunicode + 1))
              if not 0xD800 <= ord(c) <= 0xDFFF
              and unicodedata.normalize("NFC", " " + c) != " " + unicodedata.normalize("NFC", c)]
    assert joined == []


@given(st.text(), st.text(), st.integers(1, 40), st.booleans())
def test_laying_text_after_text_ending_in_a_space_wraps_the_two_as_one(first, then, width, cut):
    first = unicodedata.normalize("NFC", first + " ")
    then = unicodedata.normalize("NFC", then)
    lines: list[str] = []
    line, used = wrapping.lay(lines, "", 0, first, width, cut)
    line, _ = wrapping.lay(lines, line, used, then, width, cut)
    assert [*lines, line] == wrapping.wrap(first + then, width, cut)
