"""The `unami` command line: build, check, diagram, docs, revision, and their errors."""

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import digest

from unami import DEFAULT_DATA_DIR, PROJECT_ROOT
from unami.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unami", *args], capture_output=True, text=True, timeout=120)


def data_copy(directory: Path) -> Path:
    """A copy of the package's data files in `directory`/data, to edit."""
    return shutil.copytree(DEFAULT_DATA_DIR, directory / "data", ignore=shutil.ignore_patterns("__*"))


def test_build_creates_a_verified_database(tmp_path):
    target = tmp_path / "x.db"
    result = run("build", "--db", str(target))
    assert result.returncode == 0, result.stderr
    assert f"Built {target}" in result.stdout
    with sqlite3.connect(target) as connection:
        assert connection.execute("pragma integrity_check").fetchone() == ("ok",)
        assert connection.execute("select abbreviation from missions where id = 1").fetchone() == ("UNAMI",)


def test_two_builds_of_the_same_data_are_identical(tmp_path):
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    for target in (first, second):
        assert CliRunner().invoke(main, ["build", "--db", str(target)]).exit_code == 0
    assert digest(first) == digest(second)


def test_check_validates_without_building(tmp_path):
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0
    assert result.output.startswith("OK: ")
    assert not list(tmp_path.iterdir())


def test_bad_data_fails_with_file_record_and_field_and_keeps_the_old_database(tmp_path):
    target = tmp_path / "x.db"
    assert CliRunner().invoke(main, ["build", "--db", str(target)]).exit_code == 0
    before = digest(target)
    bad = data_copy(tmp_path)
    missions = bad / "missions.yaml"
    missions.write_text(missions.read_text().replace("status: completed", "status: finished"))
    result = run("build", "--db", str(target), "--data", str(bad))
    assert result.returncode == 1
    assert f"{missions}: missions[0] (unami): status: Input should be 'active' or 'completed'" in result.stderr
    assert "nothing was written" in result.stderr
    assert digest(target) == before


def test_every_problem_is_reported_not_only_the_first(tmp_path):
    bad = data_copy(tmp_path)
    missions = bad / "missions.yaml"
    text = missions.read_text().replace("status: completed", "status: finished")
    missions.write_text(text.replace("established: 2003-08-14", "established: 2003-02-30"))
    result = CliRunner().invoke(main, ["check", "--data", str(bad)])
    assert result.exit_code == 1
    assert "status: Input should be" in result.output
    assert "established: '2003-02-30' is not a valid EDTF date" in result.output
    assert "2 problem(s) found" in result.output


def test_a_made_up_second_mission_loads_beside_unami(tmp_path):
    target = tmp_path / "x.db"
    result = CliRunner().invoke(
        main,
        ["build", "--db", str(target), "--data", str(DEFAULT_DATA_DIR), "--data", str(FIXTURES / "second_mission")],
    )
    assert result.exit_code == 0, result.output
    with sqlite3.connect(target) as connection:
        rows = connection.execute("select abbreviation, established_precision from missions order by id").fetchall()
        names = connection.execute(
            "select language from mission_names join missions on missions.id = mission_id where abbreviation = 'EXOM'"
        ).fetchall()
    assert rows == [("UNAMI", "day"), ("EXOM", "month")]
    assert sorted(names) == [("en",), ("fr",)]


def test_a_concurrent_build_is_refused_with_a_clear_message(tmp_path):
    import fcntl

    target = tmp_path / "x.db"
    with open(tmp_path / "x.db.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        result = CliRunner().invoke(main, ["build", "--db", str(target)])
    assert result.exit_code == 1
    assert "another build of" in result.output
    assert not target.exists()


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: unami " + command in result.output


@pytest.mark.parametrize(
    "command",
    [["report", "leaders_timeline"], ["metadata", "--output", "out"], ["export", "out"]],
    ids=lambda command: command[0],
)
@pytest.mark.parametrize("content", [None, b"not a database", b""], ids=["missing", "junk", "empty"])
def test_commands_on_a_file_that_is_not_a_unami_database_fail_in_one_line(tmp_path, command, content):
    target = tmp_path / "x.db"
    if content is not None:
        target.write_bytes(content)
    result = CliRunner().invoke(main, [command[0], "--db", str(target), *command[1:]])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert result.output.startswith(f"Error: {target}: ")
    assert len(result.output.strip().splitlines()) == 1


def test_version_names_the_package_version_and_the_schema_revision_a_build_writes(tmp_path):
    import tomllib

    declared = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["project"]["version"]
    target = tmp_path / "x.db"
    assert run("build", "--db", str(target)).returncode == 0
    with sqlite3.connect(target) as connection:
        (revision,) = connection.execute("select version_num from alembic_version").fetchone()
    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"unami-db {declared}, schema revision {revision}\n"


# --- where data comes from ----------------------------------------------------------------------------


def test_without_data_a_command_reads_the_working_directorys_data_and_says_so(tmp_path, monkeypatch):
    local = data_copy(tmp_path)
    missions = local / "missions.yaml"
    missions.write_text(missions.read_text().replace("status: completed", "status: finished"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert f"{missions}: missions[0] (unami): status:" in result.output
    missions.write_text(missions.read_text().replace("status: finished", "status: completed"))
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"Data: {local} (the working directory's data/)"


def test_without_data_and_without_a_local_data_directory_the_package_data_is_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--db", "x.db"])
    assert result.exit_code == 0, result.output
    said = f"Data: {DEFAULT_DATA_DIR} (the package's data; the working directory has no data/)"
    assert result.output.splitlines()[-1] == said
    assert (tmp_path / "x.db").is_file()


def test_a_reading_command_without_db_opens_the_only_unami_database_here_and_never_guesses(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = ["report", "leaders_timeline", "--format", "csv"]
    assert CliRunner().invoke(main, report).exit_code == 1  # nothing built yet
    assert CliRunner().invoke(main, ["build", "--db", "x.db"]).exit_code == 0
    (tmp_path / "notes.db").write_text("not a database")  # ignored: not built by unami
    named = CliRunner().invoke(main, [*report, "--db", "x.db"])
    found = CliRunner().invoke(main, report)
    assert found.exit_code == 0, found.output
    assert found.stderr == "Database: x.db (the only unami database in the working directory)\n"
    assert found.stdout == named.stdout
    assert found.stdout.startswith("appointment_id,position,")
    assert CliRunner().invoke(main, ["build", "--db", "y.db"]).exit_code == 0
    several = CliRunner().invoke(main, report)
    assert several.exit_code == 1
    assert several.stderr == "Error: no unami.db here and several unami databases (x.db, y.db): name one with --db\n"


def test_data_given_with_the_option_is_named_as_given(tmp_path):
    result = CliRunner().invoke(main, ["check", "--data", str(DEFAULT_DATA_DIR)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"Data: {DEFAULT_DATA_DIR} (given with --data)"


# --- generated documents and new revisions --------------------------------------------------------------


def test_the_generated_documents_are_current():
    result = CliRunner().invoke(main, ["docs", "--check"])
    assert result.exit_code == 0, result.output


def test_the_readme_performance_tables_are_those_of_the_benchmark_results():
    from benchmarks import readme

    assert readme.main([str(PROJECT_ROOT / "benchmarks" / "results.json"), "--check"]) == 0


def test_the_performance_tables_show_every_goal_and_the_run_they_come_from():
    """Rendered from the JSON: a caption with the date, machine and versions; one table per section."""
    from benchmarks import readme

    record = json.loads((PROJECT_ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    rendered = readme.render(record)
    assert rendered.splitlines()[0].startswith(f"Run of {record['date']} (UTC), `--scale 1`, on {record['machine']}.")
    sections = [row[0][3:] for row in record["table"] if row[0].startswith("## ")]
    assert [line[2:-2] for line in rendered.splitlines() if line.startswith("**")] == sections
    goals = [row[3] for row in record["table"] if row[3]]
    assert all(f"| {goal} |" in rendered for goal in goals)


def test_docs_check_names_a_stale_document_and_writes_nothing(tmp_path, monkeypatch):
    from unami import docs

    (tmp_path / "docs").mkdir()
    shutil.copyfile(PROJECT_ROOT / "docs" / "schema.md", tmp_path / "docs" / "schema.md")
    readme = tmp_path / "README.md"
    stale = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8").replace("- **Event timeline**", "- **Old name**")
    readme.write_text(stale, encoding="utf-8")
    monkeypatch.setattr(docs, "PROJECT_ROOT", tmp_path)

    result = CliRunner().invoke(main, ["docs", "--check"])
    assert result.exit_code == 1
    assert result.output == f"Error: stale: {readme}; run `unami docs` to regenerate\n"
    assert readme.read_text(encoding="utf-8") == stale

    result = CliRunner().invoke(main, ["docs"])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {readme}\n"
    assert readme.read_text(encoding="utf-8") == (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_a_new_revision_is_dated_numbered_ruff_clean_and_empty_when_the_schema_did_not_change(tmp_path):
    from unami.migrate import MIGRATIONS_DIR, head_revision, new_revision

    shutil.copyfile(PROJECT_ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(MIGRATIONS_DIR, tmp_path / "unami" / "migrations", ignore=shutil.ignore_patterns("__pycache__"))
    before = sorted(path.name for path in (MIGRATIONS_DIR / "versions").glob("*.py"))

    path = new_revision("add nothing", tmp_path)

    number = f"{int(head_revision()) + 1:04d}"
    assert path.parent == tmp_path / "unami" / "migrations" / "versions"
    assert re.fullmatch(rf"20\d\d_[01]\d_[0-3]\d_[0-2]\d[0-5]\d-{number}_add_nothing\.py", path.name), path.name
    for ruff in (["check"], ["format", "--check"]):
        linted = subprocess.run([sys.executable, "-m", "ruff", *ruff, str(path)], cwd=tmp_path, capture_output=True)
        assert linted.returncode == 0, linted.stdout
    text = path.read_text()
    assert f'revision = "{number}"' in text
    for function in ("upgrade", "downgrade"):
        body = text.split(f"def {function}() -> None:\n", 1)[1].split("\n\n", 1)[0]
        assert [line.strip() for line in body.splitlines() if not line.strip().startswith("#")] == ["pass"]
    assert sorted(path.name for path in (MIGRATIONS_DIR / "versions").glob("*.py")) == before


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_is_in_the_readme_commands_table(command):
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Commands\n", 1)[1].split("\n## ", 1)[0]
    assert f"| `unami {command}" in table


def tree(directory: Path) -> dict[str, str]:
    """Every file below `directory` with its SHA-256: what a command must leave as it found it."""
    return {str(path.relative_to(directory)): digest(path) for path in sorted(directory.rglob("*")) if path.is_file()}


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["report", "leaders_timeline", "--format", "csv"],
        ["report", "--list"],
        ["diagram"],
        ["--version"],
    ],
    ids=" ".join,
)
def test_a_command_that_writes_nothing_leaves_its_working_directory_as_it_was(tmp_path, built_db, command):
    shutil.copytree(DEFAULT_DATA_DIR, tmp_path / "data")  # `check` reads ./data
    shutil.copyfile(built_db, tmp_path / "unami.db")  # `report` reads ./unami.db
    before = tree(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "unami", *command], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert tree(tmp_path) == before
