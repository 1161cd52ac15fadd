"""Build the database: migrate a temporary file, load it, derive from it, verify it, then swap it in.

The target is replaced with one atomic rename only after every check passed,
so a failed or interrupted build leaves the previous database as it was.
"""

import fcntl
import glob
import os
import sqlite3
import stat
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy.exc
from sqlalchemy import event
from sqlalchemy.pool import Pool

from unami import derived, loaders, migrate, release, schema
from unami.files import fsync

# Test hook, read by tests only: cap every SQLite connection a build opens through SQLAlchemy
# (the migration of the temporary file) and the derive step's, where the file grows, at this many
# pages, which makes SQLite fail exactly as on a full disk ("database or disk is full").
MAX_PAGE_COUNT_VARIABLE = "UNAMI_BUILD_MAX_PAGE_COUNT"
# Test hook, read by tests only: a directory in which the build marks the moments just before and
# just after its rename ("before-swap", "after-swap") and pauses SWAP_PAUSE seconds at each, so a
# fault test can place kills on either side of the swap instead of hoping a random one lands there.
SWAP_HOOK_VARIABLE = "UNAMI_BUILD_SWAP_HOOK"
SWAP_PAUSE = 0.3


class BuildError(Exception):
    """A build could not run or did not verify; the old database is untouched."""


@dataclass
class BuildResult:
    db_path: Path
    counts: dict[str, int]
    data_version: str
    seconds: dict[str, float] = field(default_factory=dict)


@contextmanager
def build_lock(db_path: Path):
    """Hold an exclusive lock beside the target so two builds cannot race."""
    lock_path = db_path.with_name(db_path.name + ".lock")
    # Opened without following a link and without truncating: the lock file is never anyone else's file.
    descriptor = os.open(lock_path, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    with os.fdopen(descriptor, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(
                f"another build of {db_path} is running (lock held on {lock_path}); try again later"
            ) from None
        yield


def verify(db_path: Path) -> None:
    """Raise BuildError unless integrity, foreign keys and full-text indexes are sound."""
    try:
        problems = integrity_problems(db_path)
        if problems:
            raise BuildError(f"integrity_check failed: {problems[:3]}")
        connection = sqlite3.connect(db_path)
        try:
            violations = connection.execute("PRAGMA foreign_key_check").fetchall()
            if violations:
                raise BuildError(f"foreign_key_check found {len(violations)} violation(s), first: {violations[0]}")
            for index in schema.FTS_INDEXES:
                # rank 1 also compares the index with its content table: without it an external-content
                # index is only checked for internal consistency, and a stale index passes.
                try:
                    connection.execute(f"INSERT INTO {index.name}({index.name}, rank) VALUES ('integrity-check', 1)")
                except sqlite3.DatabaseError as error:
                    raise BuildError(f"full-text index {index.name} does not match {index.table}: {error}") from error
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise BuildError(f"verification failed: {error}") from error


def _last_rowid(connection: sqlite3.Connection, table: str) -> int:
    """The last rowid of `table`, which stands for its size (ids are dense); 0 for a table without rowids."""
    try:
        return connection.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0] or 0
    except sqlite3.OperationalError:  # WITHOUT ROWID (the full-text indexes' small _idx and _config tables)
        return 0


def integrity_problems(db_path: Path) -> list[tuple]:
    """What `PRAGMA integrity_check` reports, in two thirds of its time on two cores ([] when sound).

    It is the longest step of a large build's verification, and one connection checks on one core.
    The same checks, split: `quick_check` of the whole file (every page, each used once) and
    `integrity_check(<table>)` of each table (its rows against its indexes, UNIQUE constraints),
    on two connections at once (SQLite lets go of the GIL), the largest tables first. On the
    full-scale benchmark file: 7.5 s against 11.1 s for one `integrity_check`.
    """

    def run(pragma: str) -> list[tuple]:
        connection = sqlite3.connect(db_path)
        try:
            return [row for row in connection.execute(pragma).fetchall() if row != ("ok",)]
        finally:
            connection.close()

    connection = sqlite3.connect(db_path)
    try:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")]
        sizes = {name: _last_rowid(connection, name) for name in tables}
    finally:
        connection.close()
    pragmas = ["PRAGMA quick_check"] + [
        f'PRAGMA integrity_check("{name}")' for name in sorted(tables, key=lambda name: sizes[name], reverse=True)
    ]
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="verify") as pool:
        results = list(pool.map(run, pragmas))
    # A broken page is reported by quick_check and again by its table's check: each problem once.
    return list(dict.fromkeys(problem for result in results for problem in result))


@contextmanager
def simulated_disk_size():
    """Apply the MAX_PAGE_COUNT_VARIABLE test hook, if it is set, for the duration of a build.

    Yields what to call on a sqlite3 connection the build opens without SQLAlchemy.
    """
    pages = os.environ.get(MAX_PAGE_COUNT_VARIABLE)

    def limit(dbapi_connection, connection_record=None):
        if pages:
            dbapi_connection.execute(f"PRAGMA max_page_count = {int(pages)}")

    if not pages:
        yield limit
        return
    event.listen(Pool, "connect", limit)
    try:
        yield limit
    finally:
        event.remove(Pool, "connect", limit)


def is_unami_database(db_path: Path) -> bool:
    """True when `db_path` is a database `unami build` wrote (it records one data version)."""
    try:
        release.dataset_version(db_path)
    except release.ReleaseError:
        return False
    return True


def refuse_target(db_path: Path, force: bool = False) -> None:
    """Raise BuildError when replacing `db_path` would destroy something that is not ours to replace.

    A build swaps a new regular file in with a rename: a symbolic link would be replaced by a file
    (and its target left stale), and any other file (a note, another program's database) would be lost.
    """
    try:
        mode = db_path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise BuildError(f"{db_path}: cannot use this path: {error.strerror}") from None
    if stat.S_ISLNK(mode):
        raise BuildError(
            f"{db_path} is a symbolic link; a build would replace the link with a file: give the real path"
        )
    if not stat.S_ISREG(mode):
        raise BuildError(f"{db_path} is not a regular file (a directory, FIFO or device); give a database file path")
    if not force and not is_unami_database(db_path):
        raise BuildError(
            f"{db_path} exists and is not a database built by unami; refusing to replace it (give --force to do so)"
        )


def build(db_path: Path, data_dirs: list[Path], force: bool = False) -> BuildResult:
    """Build `db_path` from `data_dirs`; raise loaders.DataError or BuildError on failure.

    `force` replaces an existing file that is not a unami database (never a symbolic link).
    """
    db_path = Path(db_path)
    seconds = {}
    started = time.perf_counter()
    refuse_target(db_path, force)
    plan = loaders.plan_load(data_dirs, loaders.FAMILIES)  # every problem surfaces before any file is touched
    seconds["validate"] = time.perf_counter() - started
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        with build_lock(db_path):
            refuse_target(db_path, force)  # again under the lock: the path may have changed while we validated
            return _build_locked(db_path, plan, seconds, started)
    except OSError as error:  # a read-only or missing directory, a parent that is a file, a name too long
        where = error.filename or db_path
        raise BuildError(f"{where}: cannot write the database here: {error.strerror}") from None


def at_swap(moment: str) -> None:
    """The swap hook (see SWAP_HOOK_VARIABLE); does nothing unless a test set it."""
    directory = os.environ.get(SWAP_HOOK_VARIABLE)
    if directory:
        Path(directory, moment).touch()
        time.sleep(SWAP_PAUSE)


def _build_locked(db_path: Path, plan: loaders.LoadPlan, seconds: dict[str, float], started: float) -> BuildResult:
    """The part of a build that writes: temporary file, migrate, load, derive, verify, fsync, rename."""
    temporary = db_path.with_name(f".{db_path.name}.building-{os.getpid()}")
    # We hold the lock, so any other temporary file was left by a build that was killed.
    for leftover in glob.glob(glob.escape(str(db_path.with_name(f".{db_path.name}.building-"))) + "*"):
        Path(leftover).unlink(missing_ok=True)
    try:
        with simulated_disk_size() as limit:
            mark = time.perf_counter()
            migrate.upgrade(temporary)
            seconds["migrate"] = time.perf_counter() - mark
            revision = migrate.head_revision()
            counts = loaders.write(temporary, plan, revision, seconds)  # load: fact rows only
            # Views, summaries and search indexes follow from the facts: made once they are all in.
            counts.update(derived.derive_file(temporary, seconds, on_connect=limit))  # summarize, index
        mark = time.perf_counter()
        verify(temporary)
        version = release.data_version(temporary)  # as the loaders recorded it, not a second formatting
        seconds["verify"] = time.perf_counter() - mark
        fsync(temporary)
        at_swap("before-swap")
        os.replace(temporary, db_path)
        fsync(db_path.parent)
        at_swap("after-swap")
    # A full disk, a lock, a constraint the validation missed, or the bulk files' validating process
    # killed: one line, old database kept.
    except (sqlite3.DatabaseError, sqlalchemy.exc.DBAPIError, ChildProcessError) as error:
        reason = getattr(error, "orig", None) or error  # SQLAlchemy wraps the sqlite3 error (migrations)
        raise BuildError(f"building {db_path} failed: {reason}; the previous database is unchanged") from error
    finally:
        temporary.unlink(missing_ok=True)
        Path(str(temporary) + "-journal").unlink(missing_ok=True)
    seconds["total"] = time.perf_counter() - started
    return BuildResult(db_path, counts, version, seconds)
