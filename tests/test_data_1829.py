"""The shipped Decision 1829 against the appendix of the source document, cell for cell.

These tests also run against the installed wheel in CI, so a data file missing from the wheel fails.
"""

from __future__ import annotations

import os
import re
import unicodedata
from fractions import Fraction
from pathlib import Path

import pytest

import cds_indicators as cds

pytestmark = pytest.mark.shipped_data

SEEDS = Path(os.environ.get("CDS_SEEDS", Path(__file__).resolve().parents[2] / "shared" / "seeds"))
APPENDIX_FILE = SEEDS / "003_f915bf2d86d4aa07.txt"


def _normalised_appendix() -> str:
    if not APPENDIX_FILE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"the source document is not at {APPENDIX_FILE}")
        pytest.skip(f"the source document is not at {APPENDIX_FILE}")
    text = APPENDIX_FILE.read_text(encoding="utf-8")
    appendix = text[text.index("PHỤ LỤC") :]
    # The PDF extraction breaks cells across lines; a word broken after a hyphen
    # ("HĐND-\nUBND") is one word, any other run of white space is one space.
    appendix = re.sub(r"(?<=\S)-\s*\n\s*", "-", appendix)
    return " ".join(unicodedata.normalize("NFC", appendix).split())


@pytest.fixture(scope="module")
def appendix() -> str:
    return _normalised_appendix()


FRAMEWORK = cds.load_framework()


def _row(criterion: cds.Criterion) -> str:
    cells = ["*" if t is None else t.label for t in criterion.targets.values()]
    return " ".join([criterion.id, criterion.name, criterion.unit, *cells, criterion.responsible])


@pytest.mark.parametrize("criterion", FRAMEWORK.criteria, ids=lambda c: c.id)
def test_each_row_reads_as_printed_in_the_appendix(appendix: str, criterion: cds.Criterion):
    """Id, name, unit, the four year cells and the responsible office stand in the appendix in
    this order, exactly as printed."""
    assert _row(criterion) in appendix


def test_rows_follow_the_appendix_order(appendix: str):
    positions = [appendix.index(_row(c)) for c in FRAMEWORK.criteria]
    assert positions == sorted(positions)


def test_pillar_headings_are_printed_before_their_criteria(appendix: str):
    for number, pillar in enumerate(FRAMEWORK.pillars, start=1):
        heading = f"{number} {pillar.name} {pillar.criteria[0].id} "
        assert heading in appendix


def test_the_appendix_has_no_criterion_the_data_file_lacks(appendix: str):
    ids_in_appendix = re.findall(r"(?<= )([1-4]\.\d{1,2})(?= \S)", appendix)
    assert [c.id for c in FRAMEWORK.criteria] == list(dict.fromkeys(ids_in_appendix))


def test_framework_metadata():
    assert FRAMEWORK.id == "thanh-hoa-1829"
    assert FRAMEWORK.decision == "1829/QĐ-UBND"
    assert str(FRAMEWORK.issued) == "2023-05-30"
    assert FRAMEWORK.province == "Thanh Hóa"
    assert FRAMEWORK.years == (2022, 2023, 2024, 2025)
    assert FRAMEWORK.completion == "all"


def test_four_pillars_of_eleven_six_twelve_and_eight():
    assert [(p.code, p.name, len(p.criteria)) for p in FRAMEWORK.pillars] == [
        ("chinh_quyen_so", "Chính quyền số", 11),
        ("kinh_te_so", "Kinh tế số", 6),
        ("xa_hoi_so", "Xã hội số", 12),
        ("ha_tang_so", "Hạ tầng số", 8),
    ]
    assert len(FRAMEWORK) == 37
    assert [c.id for c in FRAMEWORK] == [c.id for p in FRAMEWORK.pillars for c in p.criteria]


def test_every_label_is_nfc_with_single_spaces():
    for criterion in FRAMEWORK:
        for text in (criterion.name, criterion.unit, criterion.responsible):
            assert unicodedata.is_normalized("NFC", text)
            assert text == " ".join(text.split())


# The `*` cells of the appendix: the years each criterion has no target.
NO_TARGET = {
    "1.11": (2023, 2024, 2025),
    "2.5": (2022,),
    "3.3": (2022,),
    "3.6": (2022,),
    "3.7": (2022,),
    "3.8": (2022,),
    "3.9": (2022,),
    "3.10": (2022,),
    "3.11": (2022,),
    "3.12": (2022,),
    "4.2": (2022,),
    "4.7": (2022,),
    "4.8": (2023, 2024, 2025),
}


def test_star_cells_are_no_target():
    found = {
        c.id: tuple(y for y, t in c.targets.items() if t is None)
        for c in FRAMEWORK
        if None in c.targets.values()
    }
    assert found == NO_TARGET


def test_only_4_8_is_conditional():
    assert [c.id for c in FRAMEWORK if c.conditional] == ["4.8"]
    assert "(nếu có)" in FRAMEWORK["4.8"].name


def test_rate_targets_are_exact_fractions_of_their_label():
    for criterion in FRAMEWORK:
        for target in criterion.targets.values():
            if target is None:
                continue
            if criterion.unit == "%":
                assert criterion.kind is cds.Kind.RATE
                assert target.percent == Fraction(target.label.rstrip("%"))
            else:
                assert criterion.kind is cds.Kind.YES_NO
                assert target.percent is None


def test_qualitative_labels_as_printed():
    labels = {
        c.id: sorted({t.label for t in c.targets.values() if t is not None})
        for c in FRAMEWORK
        if c.kind is cds.Kind.YES_NO
    }
    assert labels == {
        "1.1": ["Có"],
        "1.7": ["Có"],
        "1.8": ["Sử dụng hiệu quả"],
        "1.9": ["Cung cấp đầy đủ thông tin theo quy định"],
        "1.11": ["Triển khai sử dụng"],
        "4.2": ["Đáp ứng"],
        "4.4": ["Có"],
        "4.5": ["Có"],
        "4.6": ["Có"],
        "4.7": ["Có"],
        "4.8": ["Có"],
    }


def test_the_2_5_row_of_the_issue():
    criterion = FRAMEWORK["2.5"]
    assert criterion.name == "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử"
    assert criterion.unit == "%"
    assert criterion.responsible == "Phòng Kinh tế Hạ Tầng"
    assert criterion.target(2022) is None
    assert [criterion.target(y).label for y in (2023, 2024, 2025)] == ["50%", "70%", "80%"]


def test_the_data_file_is_read_from_the_package():
    from importlib import resources

    shipped = resources.files("cds_indicators").joinpath("data", "criteria_1829.toml")
    assert shipped.is_file()
    assert 'decision = "1829/QĐ-UBND"' in shipped.read_text("utf-8")
