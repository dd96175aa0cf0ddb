"""The public names are a contract: changing them is a decision, made here."""

import cds_indicators

PUBLIC = {
    "NOT_APPLICABLE",
    "CdsError",
    "Comparison",
    "Completion",
    "Criterion",
    "Framework",
    "FrameworkError",
    "InputError",
    "Kind",
    "MeasurementError",
    "Pillar",
    "Problem",
    "Ratio",
    "Report",
    "Status",
    "Target",
    "UnknownCriterionError",
    "UnknownYearError",
    "Verdict",
    "available_frameworks",
    "evaluate",
    "load_framework",
    "ratio",
}


def test_all_is_exactly_the_public_names():
    assert set(cds_indicators.__all__) == PUBLIC
    assert len(cds_indicators.__all__) == len(PUBLIC)


def test_every_public_name_exists():
    missing = [name for name in PUBLIC if not hasattr(cds_indicators, name)]
    assert missing == []
