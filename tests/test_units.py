"""cds_indicators.units: counted units with pint, checked against what each criterion counts."""

import subprocess
import sys
import tomllib
from fractions import Fraction
from importlib import resources

import pytest

import cds_indicators as cds

pint = pytest.importorskip("pint")
u = cds.units
FRAMEWORK = cds.load_framework()


def _error(values, year=2025):
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate(values, year)
    return [p.text("en") for p in caught.value.problems]


def test_import_does_not_build_the_registry():
    code = (
        "import sys, cds_indicators; assert 'pint' not in sys.modules; "
        "u = cds_indicators.units; assert 'pint' not in sys.modules; "
        "u.enterprise; assert 'pint' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_counted_unit_of_the_framework_is_defined():
    named = {name for c in FRAMEWORK if c.counts for name in c.counts}
    assert named <= set(u.unit_names())
    for name in named:
        assert str((1 * getattr(u, name)).units) == name


def test_the_definitions_file_ships_in_the_package_with_its_grammar():
    text = resources.files("cds_indicators").joinpath("units.txt").read_text(encoding="utf-8")
    assert text.startswith("# What the counts of a rate count")
    assert "Grammar" in text


def test_ratios_of_like_counts_read_like_whole_numbers():
    report = cds.evaluate(
        {"2.5": cds.ratio(19 * u.enterprise, 33 * u.enterprises),
         "3.12": cds.ratio(21042 * u.household, 21420 * u.household)},
        2025,
    )
    plain = cds.evaluate({"2.5": cds.ratio(19, 33), "3.12": cds.ratio(21042, 21420)}, 2025)
    assert report == plain
    assert report["2.5"].needed == 8


def test_the_application_registry_is_ours():
    assert u.registry() is pint.get_application_registry()
    theirs = pint.Quantity(2, "enterprise") + 19 * u.enterprise
    assert cds.evaluate({"2.5": cds.ratio(theirs, 33 * u.enterprise)}, 2025)["2.5"].passed is False


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (cds.ratio(19 * u.enterprise, 33 * u.household),
         "criterion 2.5: enterprise over household is not a rate of like counts"),
        (cds.ratio(19, 33 * u.enterprise),
         "criterion 2.5: dimensionless over enterprise is not a rate of like counts"),
        (cds.ratio(19 * u.household, 33 * u.household),
         "criterion 2.5: this rate counts enterprise, not household"),
        ({"numerator": 3 * u.person, "denominator": 4 * u.person},
         "criterion 2.5: this rate counts enterprise, not person"),
        (cds.ratio(19.5 * u.enterprise, 33 * u.enterprise),
         "criterion 2.5: the numerator 19.5 is not a non-negative whole number"),
        (5 * u.enterprise,
         "criterion 2.5: <Quantity(5, 'enterprise')> is in enterprise; a rate is dimensionless"),
    ],
)
def test_counts_of_the_wrong_things_are_refused_naming_them(value, message):
    assert _error({"2.5": value}) == [message]


def test_enterprises_over_households_says_it_in_vietnamese_too():
    with pytest.raises(cds.MeasurementError) as caught:
        cds.evaluate({"2.5": cds.ratio(19 * u.enterprise, 33 * u.household)}, 2025)
    assert str(caught.value) == (
        "chỉ tiêu 2.5: enterprise chia cho household không phải một tỷ lệ cùng loại"
    )
    assert caught.value.criterion == "2.5"


@pytest.mark.parametrize(
    ("value", "percent"),
    [(82 * u.percent, Fraction(82)), (575 * u.permille, Fraction(115, 2)),
     (0.5 * u.dimensionless, Fraction(50))],
)
def test_percent_and_permille_quantities_are_rates(value, percent):
    assert cds.evaluate({"1.6": value}, 2025)["1.6"].value == percent


def test_a_criterion_without_counts_takes_any_like_units():
    assert "2.1" in FRAMEWORK and FRAMEWORK["2.1"].counts is None
    report = cds.evaluate({"2.1": cds.ratio(3 * u.cooperative, 4 * u.cooperative)}, 2025)
    assert report["2.1"].value == 75


def test_unit_names_are_read_without_pint():
    code = (
        "import sys; from cds_indicators import units; names = units.unit_names(); "
        "assert 'enterprise' in names and 'pint' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_framework_counts_name_only_defined_units():
    data = tomllib.loads(
        resources.files("cds_indicators").joinpath("data/criteria_1829.toml").read_text("utf-8")
    )
    named = {n for c in data["criteria"] if "counts" in c for n in c["counts"].values()}
    assert named and named <= set(u.unit_names())
