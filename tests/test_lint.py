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


def test_no_tracked_file_holds_a_merge_conflict_marker():
    # A marker inside a docstring or a SQL comment passes every other check (one did, once).
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=PROJECT_ROOT, capture_output=True, check=True)
    marked = []
    for name in filter(None, listed.stdout.decode().split("\0")):
        path = PROJECT_ROOT / name
        if path.is_file() and path.suffix not in {".png", ".db"}:
            lines = path.read_text(errors="replace").splitlines()
            marked += [f"{name}:{number}" for number, line in enumerate(lines, 1) if is_conflict_marker(line)]
    assert marked == []


def is_conflict_marker(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(("<<<<<<< ", ">>>>>>> ")) or stripped == "======="
