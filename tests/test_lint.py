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
