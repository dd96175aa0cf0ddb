"""Every word the library says in English.

The keys and ``{placeholders}`` are those of :mod:`cds_indicators._words.vi`.
"""

from __future__ import annotations

from typing import Final

from cds_indicators._words.catalog import collect

#: The problems an input can have, by code (rendered by ``messages.render``).
MESSAGES: Final[dict[str, str]] = {
    # values
    "bool_for_rate": "criterion {criterion}: {value!r} is a yes/no value, not a rate",
    "rate_out_of_range": "criterion {criterion}: {value!r} is outside 0–100%",
    "bool_for_count": "criterion {criterion}: {value!r} is a yes/no value, not a count",
    "bad_count": (
        "criterion {criterion}: {value!r} is not a count (a non-negative whole number, e.g. 2)"
    ),
    "not_finite": "criterion {criterion}: {value!r} is not a finite number",
    "bad_rate_text": (
        "criterion {criterion}: cannot read {value!r} as a rate (e.g. 80, 80%, 57,5%, 19/33)"
    ),
    "bad_yes_no_text": "criterion {criterion}: cannot read {value!r} as yes/no (Có/Không){labels}",
    "unsupported_type": "criterion {criterion}: values of type {type} are not accepted ({value!r})",
    "count_not_whole": (
        "criterion {criterion}: the {which_en} {count!r} is not a non-negative whole number"
    ),
    "denominator_not_positive": (
        "criterion {criterion}: the denominator {count!r} must be greater than 0"
    ),
    "numerator_above_denominator": (
        "criterion {criterion}: the numerator {numerator} is greater than the denominator "
        "{denominator}"
    ),
    "bad_ratio_mapping": (
        "criterion {criterion}: {value!r} needs exactly the keys numerator and denominator"
    ),
    "not_conditional": (
        "criterion {criterion} is not conditional (“nếu có”) and cannot be declared not applicable"
    ),
    "wrong_dimension": "criterion {criterion}: {value!r} is in {units}; a rate is dimensionless",
    "wrong_count_units": (
        "criterion {criterion}: {numerator_units} over {denominator_units} is not a rate of like "
        "counts"
    ),
    "unexpected_count_units": "criterion {criterion}: this rate counts {expected}, not {units}",
    "unknown_criterion": "there is no criterion {criterion!r} in framework {framework}",
    "no_such_criterion": "there is no criterion {criterion!r}",
    "year_without_targets": (
        "the year {value!r} is not in the framework (years with targets: {years})"
    ),
    "values_not_mapping": "values must map criterion ids to values, not {value!r}",
    "framework_not_loaded": (
        "framework must be a loaded framework, not {value!r} (use load_framework({value!r}))"
    ),
    "name_not_text": "the {field} name must be a string, not {value!r}",
    "criterion_id_not_text": "criterion ids are strings, not {value!r}",
    # tables of many communes (evaluate_frame), merging, schedules
    "frame_not_a_table": "cannot read a table of type {type} (use pandas, polars or pyarrow)",
    "frame_missing_column": "the table has no column {name!r} (accepted, in any case: {accepted})",
    "frame_same_role": (
        "columns {first!r} and {name!r} both hold the {role_en} ({role_vi}); keep one"
    ),
    "frame_unknown_column": "column {name!r} is not a criterion of framework {framework}",
    "frame_duplicate_column": (
        "the table has {count} columns named {name!r}; each column needs its own name"
    ),
    "frame_column_not_text": "column names must be strings, not {value!r} (e.g. \"2.5\", not 2.5)",
    "frame_unpaired_counts": (
        "criterion {criterion}: column {name!r} needs the column {other!r} beside it"
    ),
    "frame_both_forms": (
        "criterion {criterion}: given both as a rate column and as count columns; use one"
    ),
    "frame_bad_year": (
        "year {value!r} is not in framework {framework} (years with targets: {years})"
    ),
    "merge_no_parts": "there are no communes to merge",
    "merge_parts_type": (
        "expected a list of parts (Records or mappings of criterion id → value) or a mapping of "
        "commune name → values, not {type} ({value!r})"
    ),
    "merge_part_type": "{part}: neither a Record nor a mapping of criterion id → value: {value!r}",
    "merge_part_name": "a commune's name is a string, not {value!r}",
    "merge_duplicate_part": "commune {value!r} is given twice",
    "merge_bad_into": "the merged commune's name (into) must be a non-empty string, not {value!r}",
    "merge_percent_only": (
        "criterion {criterion}: {value!r} is only a percentage and cannot be merged exactly; give "
        "counts (numerator/denominator) or pass this commune's weights (its denominator)"
    ),
    "merge_weights_type": "weights must map commune names to denominators, not {value!r}",
    "merge_bad_weight": (
        "weights: the weight (denominator) {value!r} of {commune} must be a positive whole number"
    ),
    "merge_bad_weight_of": (
        "weights: criterion {criterion} of {commune}: the weight (denominator) {value!r} must be a "
        "positive whole number"
    ),
    "merge_weight_unknown_part": "weights: {value!r} is not one of the merged communes ({parts})",
    "merge_weight_unknown_criterion": (
        "weights: there is no criterion {criterion!r} (of {commune}) in framework {framework}"
    ),
    "merge_weight_not_rate": (
        "weights: criterion {criterion} of {commune} is not a rate; weights are for rates only"
    ),
    "merge_weight_conflict": (
        "criterion {criterion}: the weight {value!r} differs from the denominator {denominator} "
        "given"
    ),
    "merge_years_differ": "the merged communes' values are for different years: {parts}",
    "merge_bad_policy": "unknown yes/no merge rule {value!r} (use \"all\" or \"any\")",
    "merge_bad_missing": (
        "unknown rule for missing values {value!r} (use \"propagate\" or \"skip\")"
    ),
    "schedule_bad_year": "the year to complete by, {value!r}, is not a year",
    "schedule_bad_commune": "the commune's name {value!r} is not valid",
    "schedule_duplicate": "commune {value!r} is assigned a year twice",
    "schedule_columns": "a schedule file needs the columns commune and year (found: {found})",
    "summary_not_report": "{value!r} is not a Report from evaluate()",
    "summary_frameworks_differ": (
        "the reports come from several frameworks ({frameworks}); a summary takes one"
    ),
    "summary_duplicate": "commune {value!r} in {year} already appears at {first}",
    # input files
    "file_too_large": "the file is too large ({size} bytes; the limit is {limit} bytes)",
    "not_utf8": "the file is not UTF-8 text (save it again as UTF-8)",
    "json_syntax": "not valid JSON: {detail}",
    "unknown_format": (
        "cannot read files ending in {suffix} (use .toml, .json, .csv, .xlsx, .ods or .xls)"
    ),
    "not_a_table": "expected a table of keys and values",
    "unknown_keys": "unknown keys: {keys}",
    "missing_commune": "the commune's name is missing (commune)",
    "bad_field": "invalid value: {value!r}",
    "missing_year": "the year is missing (year in the file, or --year)",
    "year_not_in_framework": (
        "the year {value!r} is not in framework {framework} (years with targets: {years})"
    ),
    # input files: many communes, CSV and XLSX tables (load_values)
    "xlsx_formula_without_value": (
        "the formula {value} has no computed value saved; open the file in Excel or LibreOffice "
        "and save it again"
    ),
    "not_xlsx": (
        "the file is not an .xlsx workbook (not a zip archive; save an old .xls file as .xlsx)"
    ),
    "xlsx_unreadable": "cannot read the workbook: {detail}",
    "xlsx_too_large": (
        "the workbook unpacks to too much data ({size} bytes; the limit is {limit} bytes)"
    ),
    "csv_syntax": "not valid CSV: {detail}",
    "not_a_list": "expected a list",
    "no_records": "the file holds no commune's values",
    "no_header": "no header row found (commune, year, criterion ids, …)",
    "missing_column": "the table has no column {column_en}",
    "unknown_column": (
        "column {header!r} is not a known column (commune, district, year, …) and framework "
        "{framework} has no criterion {header!r}"
    ),
    "duplicate_column": "column {header!r} repeats column {first}",
    "criterion_column_in_long_table": (
        "a table with a criterion column (one row per criterion) cannot also have a column for "
        "criterion {criterion}"
    ),
    "ambiguous_criterion_number": (
        "the number {value!r} may be criterion {first} or {second}; write criterion ids as text "
        "(e.g. '1.10)"
    ),
    "extra_cell": "the cell {value!r} is outside the titled columns",
    "bad_year": "{value!r} is not a year (e.g. 2024)",
    "duplicate_commune_year": "{who} in {year} already appears at {first_en}",
    "duplicate_value": (
        "criterion {criterion} of {who} in {year} already has a value at row {first}"
    ),
    "missing_criterion_id": "the criterion id is missing",
    "value_and_counts": (
        "criterion {criterion}: give a value or a numerator and denominator, not both"
    ),
    "half_counts": "criterion {criterion}: the {present_en} is given but not the {absent_en}",
    "unknown_export_format": "cannot write files ending in {suffix} (use .csv or .xlsx)",
    # the areas' words (cds_indicators._words.catalog)
    **collect("MESSAGES", "en"),
}

#: The command line's and the reports' words, by key (looked up by ``interface.t``).
TEXT: Final[dict[str, str]] = {
    # --- help: the program and its options -----------------------------------------------------
    "prog_help": (
        "Commune digital-transformation criteria (Thanh Hóa Decision 1829/QĐ-UBND): list the "
        "criteria, hand out entry templates, check files, evaluate communes and roll up a district."
    ),
    "exit_codes": (
        "Exit status: 0 success; 1 a commune has not completed (with --fail-on-incomplete); 2 "
        "usage error; 3 input error; 4 internal error of the program."
    ),
    "usage": "Usage: ",
    "options": "Options",
    "commands": "Commands",
    "options_metavar": "[OPTIONS]",
    "command_metavar": "COMMAND [ARGS]...",
    "files_metavar": "FILE...",
    "help_help": "Show this message and exit.",
    "version_help": "Show the version and exit.",
    "lang_help": (
        "Language of labels and messages: vi (default) or en; the CDS_LANG environment variable "
        "sets it too."
    ),
    "debug_help": "On an internal error, print the traceback too (for bug reports).",
    "framework_help": (
        "The criteria framework: a shipped name ({names}) or the path of a TOML file; default "
        "Decision 1829/QĐ-UBND."
    ),
    "year_help": "The year to evaluate.",
    "year_eval_help": "The year to evaluate for the communes whose file gives none.",
    "pillar_help": (
        "List one pillar only, by its number, name or code (for example 1, "
        '"Digital government" or chinh_quyen_so).'
    ),
    "format_help": "Output format (default: table).",
    "output_help": "Write the output to FILE instead of the terminal (required for xlsx).",
    "fail_help": "Exit with status 1 when a commune has not completed digital transformation.",
    "communes_help": (
        "A file listing communes (one name a line, or a CSV with a commune/Xã column): one sheet "
        "per commune."
    ),
    "template_output_help": "The XLSX file to write.",
    "schedule_help": (
        "The assignment schedule (Decision 969/QĐ-UBND: commune → year it must complete), CSV or "
        "TOML."
    ),
    "criteria_help": "List the criteria with their unit, responsible office and yearly targets.",
    "template_help": "Write the Excel entry template for one year (needs the [excel] extra).",
    "validate_help": (
        "Check input files without evaluating; list every problem with its place. Exit status 0 "
        "only when there is none."
    ),
    "evaluate_help": (
        "Evaluate the communes in the FILEs (TOML, JSON, CSV, XLSX): by pillar, failures first, "
        "the verdict for each commune last. JSON is a list of reports shaped as Report.to_dict()."
    ),
    "summarize_help": (
        "The district roll-up: communes completed, the criteria blocking most communes, on time / "
        "late against the schedule."
    ),
    # --- errors -----------------------------------------------------------------------------
    "error": "Error",
    "usage_error": "Usage error",
    "no_such_option": "no such option: {name}",
    "no_such_command": "no such command: {name}",
    "did_you_mean": "did you mean {names}?",
    "template_not_xlsx": "the entry template is an Excel file: {name} needs the .xlsx suffix",
    "missing_option": "missing option {name}",
    "missing_argument": "missing argument {name}",
    "help_hint": "Try '{prog} --help' for help.",
    "problems_heading": "Error: {n} problems in the input:",
    "internal_error": (
        "Internal error in cds-indicators ({kind}: {detail}). This is a bug in the program, not in "
        "your data: please report it with the command you ran (run again with --debug for the "
        "traceback)."
    ),
    "bad_choice": "{value!r} is not valid for {param} (choose one of: {choices})",
    "bad_year": "{value!r} is not a year for {param}",
    "bad_pillar": "there is no pillar {value!r} (there are: {codes})",
    "xlsx_needs_output": (
        "the xlsx format needs -o FILE.xlsx (a workbook is not printed to the terminal)"
    ),
    "cannot_write": "cannot write {path}: {detail}",
    "written": "Written: {path}",
    "interrupted": "Interrupted.",
    # --- reports ----------------------------------------------------------------------------
    "year": "year",
    "year_header": "Year",
    "unnamed": "(unnamed)",
    "verdict": "VERDICT",
    "verdicts": "VERDICT PER COMMUNE",
    "not_met": "not met",
    "no_value": "no value",
    "score": "{score}/{max} points",
    "level": "level",
    "responsible": "Responsible",
    "id": "Id",
    "criterion": "Criterion",
    "unit": "Unit",
    "target": "Target {year}",
    "pillar": "Pillar",
    "kind": "Kind",
    "conditional": "(where applicable)",
    "no_target": "no target",
    "valid_ok": "No problems: {files} files, {records} commune-years.",
    "summary_title": "Commune digital transformation summary",
    "commune": "Commune",
    "district": "District",
    "completion": "Result",
    "failed_ids": "Criteria not met",
    "missing_ids": "Without a value",
    "passed_of": "{passed}/{total} met",
    "report_title": "Digital transformation evaluation",
    "per_pillar": "By pillar",
    "status": "Status",
    "value": "Value",
    "finding": "Finding",
    "generated": "Made with cds-indicators {version}",
    "communes_count": "{n} commune{plural}",
    "blocking": "Criteria blocking most communes",
    "one_away": "Communes one criterion away",
    "schedule": "Against the schedule",
    "progress": "Working",
    # the areas' words (cds_indicators._words.catalog)
    **collect("TEXT", "en"),
}

#: A criterion's status (by ``Status`` value).
STATUS: Final[dict[str, str]] = {
    "PASS": "met",
    "FAIL": "not met",
    "MISSING": "no value",
    "EXEMPT": "not applicable",
    "NO_TARGET": "no target",
}
#: A commune's completion (by ``Completion`` value).
COMPLETION: Final[dict[str, str]] = {
    "COMPLETED": "completed digital transformation",
    "NOT_COMPLETED": "has not completed digital transformation",
    "UNDETERMINED": "undetermined (values missing)",
}
#: A commune's standing against its assigned year (by ``Standing`` value).
STANDING: Final[dict[str, str]] = {
    "on_time": "on time",
    "early": "early",
    "late": "late",
    "not_due": "not yet due",
    "unscheduled": "not in the schedule",
}
#: Yes and no.
YES_NO: Final = ("Yes", "No")
#: The decimal mark: 57.6%.
DECIMAL_MARK: Final = "."
#: The words of a problem's place: ``data.csv, row 4, column 2.5``.
PLACE: Final[dict[str, str]] = {"sheet": "sheet", "row": "row", "line": "line", "column": "column"}
#: The columns of an exported report, and the label of a commune's summary row.
EXPORT_HEADERS: Final = (
    "commune", "district", "year", "criterion", "name", "result", "status", "value", "counts",
    "target", "shortfall (points)", "needed",
)
EXPORT_SUMMARY: Final = "Summary"
#: The words on a plot's axes and legends.
PLOT: Final[dict[str, str]] = {
    "criteria": "criteria",
    "communes": "communes",
    "year": "year",
    "district": "District",
    "completion": "Result per year",
}
