"""Serve the database read-only with Datasette: build when stale, then run unami.site_server.

The database is served immutable (with precomputed counts), so no request can write to it;
ad hoc SQL stays allowed, capped by the site's settings and unami/datasette_limits.py.
No extensions and no cross-database queries, on purpose. Nothing is written beside the file.
"""

import sys
from dataclasses import dataclass
from pathlib import Path

from unami import DEFAULT_DATA_DIR, PACKAGE_DIR, loaders, migrate, release

# Code that shapes the rows: a change here may change the database even when data/ did not.
BUILD_CODE = (PACKAGE_DIR / "schema", PACKAGE_DIR / "loaders", migrate.MIGRATIONS_DIR, PACKAGE_DIR / "derived")
BUILD_CODE_SUFFIXES = {".py", ".sql", ".yml"}  # unami/derived/ declares views and summary fills in SQL and yml


def newest_input_mtime(inputs: tuple[Path, ...] = BUILD_CODE) -> float:
    """Modification time of the newest file of the code the build runs."""
    times = [
        path.stat().st_mtime
        for directory in inputs
        for path in directory.rglob("*")
        if path.suffix in BUILD_CODE_SUFFIXES and path.is_file()
    ]
    return max(times, default=0.0)


def recorded_version(db_path: Path) -> tuple[str, str] | None:
    """(data SHA-256, schema revision) recorded by the build, or None for a file that has none."""
    try:
        recorded = release.dataset_version(db_path)
    except release.ReleaseError:
        return None
    return recorded.data_sha256, recorded.schema_revision


def is_stale(db_path: Path, data_dirs: list[Path] | None = None) -> bool:
    """True when the database is missing, was built from other data (default: the package's) or another schema,
    or predates the code."""
    db_path = Path(db_path)
    if not db_path.exists():
        return True
    expected = (loaders.data_sha256(data_dirs or [DEFAULT_DATA_DIR], loaders.FAMILIES), migrate.head_revision())
    if recorded_version(db_path) != expected:
        return True
    return db_path.stat().st_mtime < newest_input_mtime()


@dataclass(frozen=True)
class Decision:
    """What `unami serve` does with the database before serving it: "build", "serve" or "refuse", and why."""

    action: str
    reason: str


def decide(db_path: Path, data_dirs: list[Path], data_given: bool) -> Decision:
    """Build only what is ours to build: a missing file, or a unami database of these data that is out of date.

    A file that is not a unami database is never overwritten; a database built from other data
    is served as it is unless the data were named with --data (a `unami serve` in another
    directory must not silently replace it with a build of that directory's data/).
    """
    db_path = Path(db_path)
    if not db_path.exists() and not db_path.is_symlink():
        return Decision("build", "is missing")
    if db_path.is_symlink() or not db_path.is_file():
        return Decision("refuse", f"{db_path} is not a regular file (a symbolic link, directory or device); not served")
    recorded = recorded_version(db_path)
    if recorded is None:
        return Decision(
            "refuse", f"{db_path} is not a database built by unami; not overwritten (build one with `unami build`)"
        )
    try:
        data_sha256 = loaders.data_sha256(data_dirs or [DEFAULT_DATA_DIR], loaders.FAMILIES)
    except loaders.DataError:  # e.g. a data file that is a FIFO: the build names it in one line
        return Decision("build", "cannot be compared with data that have problems")
    if recorded[0] != data_sha256:
        if data_given:
            return Decision("build", "was built from other data than --data gave")
        return Decision(
            "serve",
            "was built from other data than "
            + ", ".join(str(path) for path in data_dirs)
            + "; serving it as it is (give --data DIR to rebuild it from DIR)",
        )
    if is_stale(db_path, data_dirs):
        return Decision("build", "was built by another schema or older code")
    return Decision("serve", "is up to date")


def serve_command(db_path: Path, host: str, port: int) -> list[str]:
    """The full command line that serves `db_path` (see unami/site_server.py)."""
    return [sys.executable, "-m", "unami.site_server", "--db", str(db_path), "--host", host, "--port", str(port)]
