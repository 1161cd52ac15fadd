"""Lint and type checks in the test command: ruff's lint rules, its formatter and mypy must be clean."""

import subprocess
import sys

import pytest

from unami import PROJECT_ROOT


@pytest.mark.parametrize(
    "arguments",
    [["check", "."], ["format", "--check", "."]],
    ids=["ruff check", "ruff format --check"],
)
def test_ruff_finds_nothing(arguments):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *arguments],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"ruff {' '.join(arguments)} found problems:\n{result.stdout}{result.stderr}"


def test_mypy_finds_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],  # files and settings: [tool.mypy] in pyproject.toml
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"mypy found problems:\n{result.stdout}{result.stderr}"
