"""The public names are a contract: changing them is a decision, made here."""

import cds_indicators

PUBLIC = {
    "NOT_APPLICABLE",
    "Band",
    "CdsError",
    "Change",
    "Comparison",
    "Completion",
    "Criterion",
    "CriterionTrajectory",
    "DistrictSummary",
    "Framework",
    "FrameworkDiff",
    "FrameworkError",
    "InputError",
    "Kind",
    "Level",
    "LoadedValues",
    "Measured",
    "MeasurementError",
    "MissingExtraError",
    "OfficialUnit",
    "Pillar",
    "Problem",
    "Rank",
    "Ranking",
    "Ratio",
    "Record",
    "Report",
    "Scoring",
    "Schedule",
    "ScheduleCheck",
    "Standing",
    "Status",
    "Successors",
    "Summary",
    "Target",
    "Trajectory",
    "UnknownCriterionError",
    "UnknownYearError",
    "Verdict",
    "available_frameworks",
    "diff",
    "dump_framework",
    "evaluate",
    "evaluate_frame",
    "load_framework",
    "measured",
    "merge",
    "official_unit",
    "load_values",
    "ratio",
    "rebase",
    "summarize",
    "reports_to_frame",
    "trajectory",
    "write_reports",
    "write_template",
}


def test_all_is_exactly_the_public_names():
    assert set(cds_indicators.__all__) == PUBLIC
    assert len(cds_indicators.__all__) == len(PUBLIC)


def test_every_public_name_exists():
    missing = [name for name in PUBLIC if not hasattr(cds_indicators, name)]
    assert missing == []


def test_every_public_name_is_in_the_api_reference():
    import re
    from pathlib import Path

    reference = (Path(__file__).resolve().parents[1] / "docs" / "api.md").read_text("utf-8")
    undocumented = [
        name for name in PUBLIC if not re.search(rf"(?<![\w.]){name}(?!\w)", reference)
    ]
    assert undocumented == []
