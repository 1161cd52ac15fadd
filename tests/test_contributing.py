"""CONTRIBUTING.md's walk-through works as written: its snippets, applied to a copy, build and answer.

The table, the family and the report are taken from the guide's code blocks (a fence such as
```python unami/loaders/budgets.py names the file the block goes to) and applied to a copy of
the package in a temporary directory; the repository is never written. The rows come from the
made-up fixture tests/fixtures/budgets, never from data/.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from unami import DEFAULT_DATA_DIR, PROJECT_ROOT

GUIDE = PROJECT_ROOT / "CONTRIBUTING.md"
FIXTURE = Path(__file__).parent / "fixtures" / "budgets"
SNIPPET = re.compile(r"^```\w+ (\S+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
TABLES, FAMILY = "unami/schema/tables.py", "unami/loaders/budgets.py"
REPORT_SQL, REPORT_YML = "unami/reports/budgets_by_year.sql", "unami/reports/budgets_by_year.yml"


def snippets() -> dict[str, str]:
    """The guide's code blocks that name their file, by file."""
    return dict(SNIPPET.findall(GUIDE.read_text(encoding="utf-8")))


# Runs the copy's commands in one process (one import instead of one per command), and first
# makes sure it is the copy's package that runs: `unami revision` writes into its own checkout.
DRIVER = """
import json, sys
from pathlib import Path
from click.testing import CliRunner
import unami
from unami.cli import main
assert Path(unami.__file__).resolve().is_relative_to(Path(sys.argv[1]).resolve()), unami.__file__
for args in json.loads(sys.argv[2]):
    result = CliRunner().invoke(main, args)
    print(json.dumps({"exit_code": result.exit_code, "output": result.output}))
"""


def unami(copy: Path, *commands: list[str]) -> list[str]:
    """Run each command with the copy's `unami` (not the installed one) in the copy; return their output."""
    path = os.pathsep.join(filter(None, [str(copy), os.environ.get("PYTHONPATH")]))
    process = subprocess.run(
        [sys.executable, "-c", DRIVER, str(copy), json.dumps(commands)],
        cwd=copy,
        env={**os.environ, "PYTHONPATH": path},
        capture_output=True,
        text=True,
    )
    assert process.returncode == 0, process.stdout + process.stderr
    outputs = []
    for args, line in zip(commands, process.stdout.splitlines(), strict=True):
        result = json.loads(line)
        assert result["exit_code"] == 0, f"unami {' '.join(args)}:\n{result['output']}"
        outputs.append(result["output"])
    return outputs


def register(init: Path) -> None:
    """Step 3's registration: import the module, and append its FAMILY to FAMILIES."""
    text = init.read_text(encoding="utf-8")
    text = text.replace("from unami.loaders import (\n", "from unami.loaders import (\n    budgets,\n", 1)
    text = re.sub(r"(FAMILIES: list\[Family\] = \[\n(?:    .*\n)*)\]", r"\1    budgets.FAMILY,\n]", text, count=1)
    assert "budgets.FAMILY" in text, "unami/loaders/__init__.py no longer declares FAMILIES as the test expects"
    init.write_text(text, encoding="utf-8")


def test_the_guide_names_the_files_of_its_snippets():
    assert set(snippets()) == {TABLES, FAMILY, REPORT_SQL, REPORT_YML}


def test_the_walk_through_builds_the_fixture_rows_and_the_report_answers(tmp_path):
    copy = tmp_path / "checkout"
    shutil.copytree(PROJECT_ROOT / "unami", copy / "unami", ignore=shutil.ignore_patterns("__pycache__", "data"))
    shutil.copytree(DEFAULT_DATA_DIR, copy / "data")
    shutil.copy(PROJECT_ROOT / "pyproject.toml", copy)  # ruff's settings, for `unami revision`
    found = snippets()
    tables = copy / TABLES
    tables.write_text(tables.read_text(encoding="utf-8") + "\n" + found[TABLES], encoding="utf-8")
    for name in (FAMILY, REPORT_SQL, REPORT_YML):
        (copy / name).write_text(found[name], encoding="utf-8")
    register(copy / "unami" / "loaders" / "__init__.py")

    database = str(tmp_path / "try.db")
    *_, printed = unami(
        copy,
        ["revision", "create mission budgets table"],
        ["check", "--data", "data", "--data", str(FIXTURE)],
        ["build", "--db", database, "--data", "data", "--data", str(FIXTURE)],
        ["report", "budgets_by_year", "--db", database, "--param", "mission=UNAMI", "--format", "json"],
    )
    (revision,) = (copy / "unami" / "migrations" / "versions").glob("*_create_mission_budgets_table.py")
    assert 'op.create_table(\n        "mission_budgets"' in revision.read_text(encoding="utf-8")

    rows = json.loads(printed)
    assert [(row["mission"], row["year"], row["amount_usd"]) for row in rows] == [
        ("UNAMI", 2020, 1000),
        ("UNAMI", 2021, 2000),
    ]
    assert rows[0]["source_section"].endswith("section Fixture")
