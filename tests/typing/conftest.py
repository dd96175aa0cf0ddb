"""The files here are checked by the type checkers (.ci/run: mypy --strict and basedpyright), not
run by pytest."""

collect_ignore_glob = ["*.py"]
