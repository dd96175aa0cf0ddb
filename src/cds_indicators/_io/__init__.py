"""Files: values in TOML/JSON/CSV/XLSX, the one table reader, templates and exports."""
