"""Only regular files are data files: a link, a FIFO, a device or a directory under a data file's name
is refused in one line, without hanging, without a traceback and without echoing what it points at.

Each case puts the odd entry in a copy of data/ (or in a second data directory for record and bulk
files), runs a real `unami build` over an existing database, and checks that no file changed.
"""

import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import digest
from test_targets import tree

from unami import DEFAULT_DATA_DIR, serve
from unami.cli import main
from unami.loaders import DataError
from unami.loaders.reading import read_capped


def symlink_to(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def fifo(path: Path) -> None:
    os.mkfifo(path)


def directory(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_text("not data\n")


def null_device(path: Path) -> None:
    try:
        os.mknod(path, 0o600 | 0o020000, os.makedev(1, 3))  # S_IFCHR: /dev/null's numbers
    except PermissionError:
        pytest.skip("creating a device node needs privileges")


KINDS = {
    "a symbolic link to /etc/passwd": (symlink_to("/etc/passwd"), "is a symbolic link"),
    "a symbolic link to a good copy": (symlink_to(str(DEFAULT_DATA_DIR / "posts.yaml")), "is a symbolic link"),
    "a dangling symbolic link": (symlink_to("/nonexistent/posts.yaml"), "is a symbolic link"),
    "a FIFO": (fifo, "is a FIFO (named pipe)"),
    "a directory": (directory, "is a directory"),
    "a character device": (null_device, "is a character device"),
}
# A family's YAML file in data/ itself, a record file and a bulk file in a second data directory.
FILES = ["posts.yaml", "events.jsonl", "contingent_strengths.jsonl"]


@pytest.fixture(scope="module")
def existing_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("existing") / "unami.db"
    assert CliRunner().invoke(main, ["build", "--db", str(path)]).exit_code == 0
    return path


@pytest.fixture
def no_hang():
    """Fail instead of waiting forever on a FIFO."""

    def give_up(*_):
        raise TimeoutError("the build waited on a data file")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def odd_data(tmp_path: Path, name: str, make: Callable[[Path], None]) -> tuple[list[str], Path]:
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    if name.endswith(".yaml"):
        (data / name).unlink()
        target, arguments = data / name, ["--data", str(data)]
    else:
        extra = tmp_path / "extra"
        extra.mkdir()
        target, arguments = extra / name, ["--data", str(data), "--data", str(extra)]
    make(target)
    return arguments, target


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("kind", KINDS, ids=list(KINDS))
@pytest.mark.parametrize("command", ["build", "check"])
def test_a_data_file_that_is_not_a_regular_file_is_refused_in_one_line(
    tmp_path, existing_db, no_hang, command, kind, name
):
    make, message = KINDS[kind]
    arguments, target = odd_data(tmp_path / "in", name, make)
    before, db_before = tree(tmp_path), digest(existing_db)
    given = ["--db", str(existing_db)] if command == "build" else []
    result = CliRunner().invoke(main, [command, *given, *arguments])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.output  # a clean exit, not a traceback
    problems = result.output.strip().splitlines()[:-1]
    assert problems == [f"{target}: (file): (type): {message}; data files must be regular files"], result.output
    assert "root:" not in result.output  # nothing of what a link points at is echoed
    assert tree(tmp_path) == before
    assert digest(existing_db) == db_before


def test_serve_compares_data_holding_a_fifo_without_hanging(tmp_path, existing_db, no_hang):
    arguments, _ = odd_data(tmp_path, "posts.yaml", fifo)
    assert serve.decide(existing_db, [Path(arguments[1])], data_given=True).action == "build"


def test_a_size_limit_is_checked_on_the_bytes_read(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a" * 10)
    assert read_capped(path, "x.yaml", 10, "too large") == b"a" * 10
    path.write_bytes(b"a" * 11)
    with pytest.raises(DataError, match="x.yaml: \\(file\\): \\(size\\): too large"):
        read_capped(path, "x.yaml", 10, "too large")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_data_file_is_one_line(tmp_path, existing_db):
    arguments, target = odd_data(tmp_path, "posts.yaml", lambda path: path.write_text("positions: []\n"))
    target.chmod(0)
    result = CliRunner().invoke(main, ["build", "--db", str(existing_db), *arguments])
    assert result.exit_code == 1
    assert result.output.startswith(f"{target}: (file): (read): cannot read: Permission denied"), result.output


# --- every family is present, or declared empty -------------------------------


@pytest.mark.parametrize("name", ["posts.yaml", "outcomes.yaml", "sources.yaml"])
def test_a_missing_family_file_is_refused_not_loaded_as_an_empty_table(tmp_path, existing_db, name):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    (data / name).unlink()
    before, db_before = tree(tmp_path), digest(existing_db)
    result = CliRunner().invoke(main, ["build", "--db", str(existing_db), "--data", str(data)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    first = result.output.splitlines()[0]
    assert first.startswith(f"{data / name}: (file): (missing): no data directory has {name}"), result.output
    assert "to load none of its facts, write it with `" in first
    assert tree(tmp_path) == before
    assert digest(existing_db) == db_before


def test_a_family_declared_empty_builds_without_its_facts(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    (data / "outcomes.yaml").write_text("outcomes: []\n", encoding="utf-8")
    db = tmp_path / "unami.db"
    result = CliRunner().invoke(main, ["build", "--db", str(db), "--data", str(data)])
    assert result.exit_code == 0, result.output
    import sqlite3

    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from outcomes").fetchone() == (0,)
    connection.close()
