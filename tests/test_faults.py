"""Faults: a killed build, a full disk or two builds at once never leave a partial database.

The target is always either the old database or the complete new one (compared by checksum:
builds of the same data are byte-identical), and what a dead build leaves behind does not
stop the next one.
"""

import fcntl
import multiprocessing
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import digest

from unami import DEFAULT_DATA_DIR, loaders
from unami.build import MAX_PAGE_COUNT_VARIABLE, SWAP_HOOK_VARIABLE, SWAP_PAUSE, at_swap, build
from unami.cli import main
from unami.files import connect_read_only

FIXTURES = Path(__file__).parent / "fixtures"
KILL_TRIALS = 30
SEED = 20261127  # fixed, so a failing trial can be replayed


def integrity(path: Path) -> str:
    with connect_read_only(path) as connection:
        return connection.execute("pragma integrity_check").fetchone()[0]


def leftovers(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir() if ".building-" in path.name)


@pytest.fixture(scope="module")
def old_and_new(tmp_path_factory) -> tuple[Path, Path]:
    """An old database (with a made-up second mission) and the new one a build of data/ produces."""
    directory = tmp_path_factory.mktemp("faults")
    old, new = directory / "old.db", directory / "new.db"
    build(old, [DEFAULT_DATA_DIR, FIXTURES / "second_mission"])
    build(new, [DEFAULT_DATA_DIR])
    assert digest(old) != digest(new)
    return old, new


@pytest.fixture
def validated_once(monkeypatch):
    """Make builds reuse one validated plan of data/.

    Validation reads data/ and touches no file; skipping its second of CPU puts every kill
    and every race into the part of the build that writes: lock, migrate, load, verify,
    fsync, rename.
    """
    plan = loaders.plan_load([DEFAULT_DATA_DIR], loaders.FAMILIES)
    monkeypatch.setattr(loaders, "plan_load", lambda data_dirs, families: plan)


def _build_command_in_child(target: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--db", str(target)])
    target.with_name(f"output-{os.getpid()}").write_text(result.output)
    os._exit(result.exit_code)


def start_build(target: Path) -> multiprocessing.Process:
    """`unami build` in a forked process (no interpreter start-up, so kills land inside the build)."""
    process = multiprocessing.get_context("fork").Process(target=_build_command_in_child, args=(target,))
    process.start()
    return process


def test_a_build_killed_at_random_moments_leaves_the_old_or_the_new_database(tmp_path, old_and_new, validated_once):
    old, new = old_and_new
    old_digest, new_digest = digest(old), digest(new)
    target = tmp_path / "unami.db"

    started = time.perf_counter()
    reference = start_build(tmp_path / "reference.db")
    reference.join(60)
    duration = time.perf_counter() - started
    assert reference.exitcode == 0

    rng = random.Random(SEED)
    outcomes = {"old": 0, "new": 0}
    killed_while_writing = 0
    for trial in range(KILL_TRIALS):
        shutil.copyfile(old, target)
        delay = rng.uniform(0, duration)
        process = start_build(target)
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        process.join(60)
        if leftovers(tmp_path):
            killed_while_writing += 1
        found = digest(target)
        assert found in (old_digest, new_digest), f"trial {trial} (kill after {delay:.3f} s) left a partial database"
        assert integrity(target) == "ok"
        outcomes["old" if found == old_digest else "new"] += 1

    # The next build runs beside whatever the killed ones left, succeeds, and cleans up.
    build(target, [DEFAULT_DATA_DIR])
    assert digest(target) == new_digest
    assert leftovers(tmp_path) == []
    assert killed_while_writing >= 1, f"no kill landed while the temporary file existed: {outcomes}"
    print(f"{KILL_TRIALS} kills: {outcomes}, {killed_while_writing} while the temporary file existed")


def wait_for(marker: Path, process: multiprocessing.Process, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not marker.exists():
        assert process.is_alive() and time.monotonic() < deadline, f"the build never reached {marker.name}"
        time.sleep(0.002)


@pytest.mark.parametrize("moment", ["before-swap", "after-swap"])
def test_a_build_killed_on_either_side_of_the_swap_leaves_the_old_or_the_new_database(
    tmp_path, old_and_new, validated_once, monkeypatch, moment
):
    """Kills placed by the swap hook: just before the rename the old database must remain, whole;
    just after it the new one must be there, whole (both outcomes, every time, not by chance)."""
    old, new = old_and_new
    expected = digest(old) if moment == "before-swap" else digest(new)
    hook = tmp_path / "hook"
    hook.mkdir()
    monkeypatch.setenv(SWAP_HOOK_VARIABLE, str(hook))
    target = tmp_path / "unami.db"
    rng = random.Random(SEED)
    for _trial in range(3):
        shutil.copyfile(old, target)
        for marker in hook.iterdir():
            marker.unlink()
        process = start_build(target)
        wait_for(hook / moment, process)
        time.sleep(rng.uniform(0, SWAP_PAUSE / 2))
        os.kill(process.pid, signal.SIGKILL)
        process.join(60)
        assert process.exitcode == -signal.SIGKILL  # killed inside the pause, not finished
        assert digest(target) == expected
        assert integrity(target) == "ok"
        # The rename moved the temporary file (a copy would have left it behind).
        waiting = [f".unami.db.building-{process.pid}"] if moment == "before-swap" else []
        assert leftovers(tmp_path) == waiting
        for leftover in waiting:
            (tmp_path / leftover).unlink()


@pytest.mark.parametrize("pages", [5, 100, 200, 250])  # 250: the migration (204 pages) fits, the derive step not
def test_a_full_disk_gives_one_clear_line_and_keeps_the_old_database(tmp_path, old_and_new, monkeypatch, pages):
    old, _new = old_and_new
    target = tmp_path / "unami.db"
    shutil.copyfile(old, target)
    before = digest(target)
    monkeypatch.setenv(MAX_PAGE_COUNT_VARIABLE, str(pages))

    result = CliRunner().invoke(main, ["build", "--db", str(target)])

    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert line.startswith(f"Error: building {target} failed: ")
    assert line.endswith("database or disk is full; the previous database is unchanged")
    assert digest(target) == before
    assert leftovers(tmp_path) == []


def test_the_disk_hook_is_off_unless_set(tmp_path, old_and_new, monkeypatch):
    _old, new = old_and_new
    monkeypatch.delenv(MAX_PAGE_COUNT_VARIABLE, raising=False)
    build(tmp_path / "unami.db", [DEFAULT_DATA_DIR])
    assert digest(tmp_path / "unami.db") == digest(new)


def test_a_build_refuses_to_start_while_another_holds_the_lock(tmp_path, old_and_new):
    old, _new = old_and_new
    target = tmp_path / "unami.db"
    shutil.copyfile(old, target)
    with open(tmp_path / "unami.db.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # what a running build holds
        process = subprocess.run(
            [sys.executable, "-m", "unami", "build", "--db", str(target)], capture_output=True, text=True, timeout=120
        )

    assert process.returncode == 1
    assert process.stderr.splitlines() == [
        f"Error: another build of {target} is running (lock held on {target}.lock); try again later"
    ]
    assert digest(target) == digest(old)


def test_two_builds_started_at_once_leave_one_complete_database(tmp_path, old_and_new, validated_once):
    old, new = old_and_new
    target = tmp_path / "unami.db"
    shutil.copyfile(old, target)
    message = f"Error: another build of {target} is running (lock held on {target}.lock); try again later"

    processes = [start_build(target), start_build(target)]
    for process in processes:
        process.join(60)
    outputs = [(tmp_path / f"output-{process.pid}").read_text().splitlines() for process in processes]

    # Either one found the lock taken and said so in one line, or it ran after the other.
    assert sorted(process.exitcode for process in processes) in ([0, 0], [0, 1]), outputs
    for process, output in zip(processes, outputs, strict=True):
        if process.exitcode == 1:
            assert output == [message]
    assert digest(target) == digest(new)
    assert integrity(target) == "ok"
    assert leftovers(tmp_path) == []
    print(f"two builds at once: exit codes {[process.exitcode for process in processes]}")


def test_the_swap_hook_marks_the_moment_in_its_directory_and_pauses(tmp_path, monkeypatch):
    hook = tmp_path / "hook"
    hook.mkdir()
    monkeypatch.setenv(SWAP_HOOK_VARIABLE, str(hook))
    started = time.monotonic()
    at_swap("before-swap")
    assert time.monotonic() - started >= SWAP_PAUSE
    assert sorted(path.name for path in tmp_path.rglob("*")) == ["before-swap", "hook"]
    assert (hook / "before-swap").is_file()


def test_a_build_in_process_returns_what_it_wrote_and_clears_what_killed_builds_left(tmp_path, monkeypatch):
    """Leftovers of this target's killed builds (temporary files and their journals) go; other files stay.

    The swap hook, set, marks both moments."""
    hook = tmp_path / "hook"
    hook.mkdir()
    monkeypatch.setenv(SWAP_HOOK_VARIABLE, str(hook))
    target = tmp_path / "unami.db"
    left = [".unami.db.building-4242", ".unami.db.building-4242-journal", ".unami.db.building-7"]
    kept = [".unami.db.other", ".other.db.building-4242", "unami.db.building-1"]
    for name in left + kept:
        (tmp_path / name).write_text("a killed build's file\n")
    started = time.perf_counter()
    result = build(target, [DEFAULT_DATA_DIR])
    elapsed = time.perf_counter() - started
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(kept + ["hook", "unami.db", "unami.db.lock"])
    assert sorted(path.name for path in hook.iterdir()) == ["after-swap", "before-swap"]
    assert result.db_path == target
    with connect_read_only(target) as connection:
        assert result.data_version == connection.execute("select data_version from dataset_versions").fetchone()[0]
        for table, count in result.counts.items():
            assert connection.execute(f"select count(*) from [{table}]").fetchone()[0] == count, table
    assert {"people", "appointments", "contingent_strengths"} <= set(result.counts)
    stages = ["validate", "migrate", "load", "summarize", "index", "verify"]
    assert sorted(result.seconds) == sorted([*stages, "total"])
    assert all(0 < result.seconds[stage] <= result.seconds["total"] <= elapsed for stage in stages)
