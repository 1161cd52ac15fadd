"""Lint and type checks in the test command: ruff's lint rules, its formatter and mypy must be clean."""

import subprocess
import sys

import pytest

from unami import PROJECT_ROOT


@pytest.mark.parametrize(
    "arguments",
    # mypy's files and settings: [tool.mypy] in pyproject.toml.
    [["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]],
    ids=" ".join,
)
def test_the_linters_and_the_type_checker_find_nothing(arguments):
    result = subprocess.run(
        [sys.executable, "-m", *arguments],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"{' '.join(arguments)} found problems:\n{result.stdout}{result.stderr}"


def test_no_source_file_holds_a_merge_conflict_marker():
    # A marker inside a docstring or a SQL comment passes every other check (one did, once).
    marked = []
    for path in sorted(PROJECT_ROOT.rglob("*")):
        parts = path.relative_to(PROJECT_ROOT).parts
        if not path.is_file() or path.suffix not in SOURCE_SUFFIXES or any(part in SKIPPED for part in parts):
            continue
        lines = path.read_text(errors="replace").splitlines()
        marked += [f"{path}:{number}" for number, line in enumerate(lines, 1) if is_conflict_marker(line)]
    assert marked == []


SOURCE_SUFFIXES = {".py", ".sql", ".yml", ".yaml", ".md", ".html", ".css", ".toml", ".cfg", ".txt", ".json"}
SKIPPED = {".git", ".venv", "venv", "build", "dist", "mutants", "node_modules", "__pycache__", ".mypy_cache"}


def is_conflict_marker(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(("<<<<<<< ", ">>>>>>> ")) or stripped == "======="
