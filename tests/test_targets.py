"""The file a build writes: only a unami database is replaced, and only by a build of that database.

A build swaps a new file in with one rename, which would silently destroy a note, another program's
database or a symbolic link given as --db by mistake. Each refusal is one line, exit 1, and every
file in the directory is left as it was.
"""

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, digest, people_in_data

from unami import DEFAULT_DATA_DIR, serve
from unami.build import BuildError
from unami.build import build as build_in_process
from unami.cli import main


def tree(directory: Path) -> dict[str, str]:
    """Every entry of `directory` (recursively) with its content digest or link target."""
    return {
        str(path.relative_to(directory)): (
            f"-> {path.readlink()}" if path.is_symlink() else digest(path) if path.is_file() else "dir"
        )
        for path in sorted(directory.rglob("*"))
    }


def build(*arguments: str):
    return CliRunner().invoke(main, ["build", "--data", str(DEFAULT_DATA_DIR), *arguments])


def assert_refused_in_one_line(result, *expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not a traceback
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert all(text in lines[0] for text in expected), result.output


def another_programs_database(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("create table notes (id integer primary key, body text)")
        connection.execute("insert into notes (body) values ('keep me')")
    connection.close()


@pytest.mark.parametrize(
    "make",
    [
        lambda path: path.write_text("my notes, not a database\n"),
        lambda path: path.write_bytes(b""),
        another_programs_database,
    ],
    ids=["text file", "empty file", "another program's SQLite database"],
)
def test_a_build_refuses_to_replace_a_file_that_is_not_a_unami_database(tmp_path, make):
    target = tmp_path / "unami.db"
    make(target)
    before = tree(tmp_path)
    result = build("--db", str(target))
    assert_refused_in_one_line(result, f"{target} exists and is not a database built by unami", "--force")
    assert tree(tmp_path) == before


def test_force_replaces_a_file_that_is_not_a_unami_database(tmp_path):
    target = tmp_path / "unami.db"
    another_programs_database(target)
    result = build("--db", str(target), "--force")
    assert result.exit_code == 0, result.output
    with sqlite3.connect(target) as connection:
        assert connection.execute("select count(*) from people").fetchone() == (people_in_data(),)
    connection.close()


def test_a_build_replaces_a_unami_database_without_force(tmp_path, built_db):
    target = tmp_path / "unami.db"
    target.write_bytes(built_db.read_bytes())
    assert build("--db", str(target)).exit_code == 0


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "with --force"])
def test_a_symbolic_link_given_as_db_is_refused_and_left_a_link(tmp_path, built_db, force):
    real = tmp_path / "real.db"
    real.write_bytes(built_db.read_bytes())
    link = tmp_path / "unami.db"
    link.symlink_to(real)
    dangling = tmp_path / "dangling.db"
    dangling.symlink_to(tmp_path / "nowhere.db")
    for path in (link, dangling):
        before = tree(tmp_path)
        result = build("--db", str(path), *force)
        assert_refused_in_one_line(result, f"{path} is a symbolic link")
        assert tree(tmp_path) == before


@pytest.mark.parametrize(
    "where, expected",
    [
        (lambda tmp: tmp / "a-file" / "unami.db", "Not a directory"),
        (lambda tmp: tmp / ("x" * 300) / "unami.db", "File name too long"),
        (lambda tmp: tmp / ("y" * 300 + ".db"), "File name too long"),
    ],
    ids=["a parent that is a file", "a directory name too long", "a file name too long"],
)
def test_a_path_the_build_cannot_write_is_one_line(tmp_path, where, expected):
    (tmp_path / "a-file").write_text("a file, not a directory\n")
    before = tree(tmp_path)
    result = build("--db", str(where(tmp_path)))
    assert_refused_in_one_line(result, "cannot", expected)
    assert tree(tmp_path) == before


def test_serve_never_overwrites_a_file_that_is_not_a_unami_database(tmp_path):
    target = tmp_path / "unami.db"
    another_programs_database(target)
    before = tree(tmp_path)
    result = CliRunner().invoke(main, ["serve", "--db", str(target), "--data", str(DEFAULT_DATA_DIR)])
    assert_refused_in_one_line(result, f"{target} is not a database built by unami; not overwritten")
    assert tree(tmp_path) == before


def test_serve_serves_a_database_of_other_data_as_it_is_unless_data_is_given(tmp_path):
    target = tmp_path / "unami.db"
    data = [str(DEFAULT_DATA_DIR), str(FIXTURES / "second_mission")]
    assert build("--db", str(target), "--data", data[1]).exit_code == 0
    decision = serve.decide(target, [DEFAULT_DATA_DIR], data_given=False)
    assert decision.action == "serve"
    assert decision.reason == (
        f"was built from other data than {DEFAULT_DATA_DIR}; "
        "serving it as it is (give --data DIR to rebuild it from DIR)"
    )
    assert serve.decide(target, [DEFAULT_DATA_DIR, FIXTURES / "second_mission"], data_given=False).action == "serve"
    assert serve.decide(target, [DEFAULT_DATA_DIR], data_given=True).action == "build"
    assert serve.decide(tmp_path / "missing.db", [DEFAULT_DATA_DIR], data_given=False).action == "build"


def test_a_build_called_without_force_refuses_what_is_not_a_unami_database(tmp_path):
    target = tmp_path / "unami.db"
    target.write_text("my notes, not a database\n")
    with pytest.raises(BuildError) as raised:
        build_in_process(target, [DEFAULT_DATA_DIR])
    expected = f"{target} exists and is not a database built by unami; refusing to replace it (give --force to do so)"
    assert str(raised.value) == expected
    assert target.read_text() == "my notes, not a database\n"


def test_a_directory_given_as_db_is_refused_in_one_line(tmp_path):
    """The command line refuses a directory itself; a caller of build() is refused by the build."""
    target = tmp_path / "unami.db"
    target.mkdir()
    before = tree(tmp_path)
    with pytest.raises(BuildError) as raised:
        build_in_process(target, [DEFAULT_DATA_DIR], force=True)
    expected = f"{target} is not a regular file (a directory, FIFO or device); give a database file path"
    assert str(raised.value) == expected
    assert tree(tmp_path) == before


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux's /proc, where no file can be made")
def test_a_directory_where_no_file_can_be_made_is_named_with_its_reason():
    """/proc accepts no new file: the lock file beside the target is the first the build cannot write."""
    with pytest.raises(BuildError) as raised:
        build_in_process(Path("/proc/unami.db"), [DEFAULT_DATA_DIR])
    assert str(raised.value) == "/proc/unami.db.lock: cannot write the database here: No such file or directory"


def test_a_build_makes_the_missing_directories_of_its_target(tmp_path):
    target = tmp_path / "new" / "nested" / "unami.db"
    result = build_in_process(target, [DEFAULT_DATA_DIR])
    assert result.db_path == target and target.is_file()
