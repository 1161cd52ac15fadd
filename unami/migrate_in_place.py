"""Upgrade an existing database to the newest schema in place, after backing it up beside it.

`unami build` never needs this (it migrates a fresh file); it is for a database that is kept
and upgraded, e.g. one holding rows that were added by hand. The backup's name depends only
on the old revision (`unami.db.backup-<old revision>`), so running the command twice never leaves a
pile of timestamped copies, and an existing backup is never overwritten.
"""

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util import CommandError

from unami import derived, migrate
from unami.build import BuildError, build_lock, verify
from unami.files import connect_read_only, fsync


class MigrateError(Exception):
    """The database could not be upgraded; it is as it was (and the backup, if written, says so)."""


@dataclass
class MigrateResult:
    db_path: Path
    from_revision: str
    to_revision: str
    backup_path: Path | None  # None when the database was already at head


def current_revision(db_path: Path) -> str:
    """The revision recorded in the database's alembic_version table."""
    connection = connect_read_only(db_path)
    try:
        row = connection.execute("select version_num from alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise MigrateError(f"{db_path} is not a unami database ({error})") from error
    finally:
        connection.close()
    if row is None:
        raise MigrateError(f"{db_path} records no schema revision (alembic_version is empty)")
    return row[0]


def backup_path_for(db_path: Path, revision: str) -> Path:
    return db_path.with_name(f"{db_path.name}.backup-{revision}")


def back_up(db_path: Path, backup_path: Path) -> None:
    """Copy `db_path` to `backup_path` with SQLite's online backup API, then rename it into place."""
    partial = backup_path.with_name(backup_path.name + ".partial")
    source = connect_read_only(db_path)
    target = sqlite3.connect(partial)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    fsync(partial)
    os.replace(partial, backup_path)


def migrate_in_place(db_path: Path, say: Callable[[str], None] = print) -> MigrateResult:
    """Back up `db_path` beside itself, tell `say` where, then upgrade it to head and verify it.

    The migrations own the fact tables only: every derived object (views, summary tables,
    full-text indexes) is dropped first, as its older version may read what a revision
    changes, and derived again from the upgraded facts.

    Example: migrate_in_place(Path("unami.db"))  # writes unami.db.backup-<its revision>, upgrades to head
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise MigrateError(f"{db_path} does not exist; `unami build --db {db_path}` creates it")
    head = migrate.head_revision()
    try:
        with build_lock(db_path):
            revision = current_revision(db_path)
            if revision == head:
                say(f"{db_path} is already at the newest schema revision {head}; nothing to do")
                return MigrateResult(db_path, revision, head, None)
            try:
                ScriptDirectory.from_config(migrate.alembic_config()).get_revision(revision)
            except CommandError as error:
                raise MigrateError(
                    f"{db_path} is at schema revision {revision!r}, which this version of unami does not know"
                ) from error
            backup_path = backup_path_for(db_path, revision)
            if backup_path.exists():
                raise MigrateError(
                    f"backup {backup_path} already exists; move it away (it may be your only copy), then run again"
                )
            back_up(db_path, backup_path)
            say(f"Backed up {db_path} (schema revision {revision}) to {backup_path}")
            try:
                # One transaction: a failure leaves the file as it was, derived objects included.
                migrate.upgrade_in_one_transaction(db_path, before=derived.drop_derived, after=derived.derive)
                verify(db_path)
            except Exception as error:
                reason = str(getattr(error, "orig", None) or error).splitlines()[0]  # SQLAlchemy adds lines
                raise MigrateError(
                    f"upgrading {db_path} from {revision} to {head} failed: {reason}; the backup is {backup_path}"
                ) from error
    except BuildError as error:  # another build or migration holds the lock
        raise MigrateError(str(error)) from error
    say(f"Upgraded {db_path} from schema revision {revision} to {head}")
    return MigrateResult(db_path, revision, head, backup_path)
