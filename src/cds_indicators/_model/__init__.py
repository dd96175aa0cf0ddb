"""The model: errors, frameworks and criteria, values, verdicts, reports,
and the rules that decide."""
