"""Migrations keep data: every revision, populated with the real rows and upgraded, loses none.

And `unami migrate` upgrades an existing database in place only after backing it up beside it,
dropping the derived objects (views, summaries, search indexes) an older build made and
deriving them again from the upgraded facts.
"""

import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from click.testing import CliRunner

from unami import schema
from unami.cli import main
from unami.derived import derive_file, drop_derived_file
from unami.files import connect_read_only
from unami.migrate import alembic_config, downgrade, head_revision, upgrade

REVISIONS = [
    script.revision for script in reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))
]
OLDER_REVISIONS = [revision for revision in REVISIONS if revision != head_revision()]


def declared_tables(connection: sqlite3.Connection) -> list[str]:
    present = {row[0] for row in connection.execute("select name from sqlite_master where type = 'table'")}
    return [name for name in schema.metadata.tables if name in present]


def columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"pragma table_info({table})")]


def source_expressions(connection: sqlite3.Connection, table: str) -> list[str]:
    """What to copy into each column: a NULL the old schema cannot hold ("not stated", added
    later) becomes that column's old default, as a database of that time would have held it."""
    expressions = []
    for _cid, name, _type, not_null, default, _pk in connection.execute(f"pragma main.table_info({table})"):
        expressions.append(f"coalesce({name}, {default})" if not_null and default is not None else name)
    return expressions


def snapshot(path: Path, shape: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """Every row of every table in `shape`, limited to the listed columns, in primary-key order."""
    with connect_read_only(path) as connection:
        return {
            table: connection.execute(f"select {', '.join(names)} from {table} order by rowid").fetchall()
            for table, names in shape.items()
        }


def populate_at(path: Path, revision: str, source: Path) -> dict[str, list[str]]:
    """Migrate a fresh `path` to `revision` and copy into it every row of the built `source`.

    Returns the tables and columns that exist at that revision. A row the older schema cannot hold
    (a value of a vocabulary added later) is left out, with the rows that refer to it, as a database
    of that time could not have held them.
    """
    upgrade(path, revision)
    connection = sqlite3.connect(path)
    try:
        connection.execute("attach database ? as source", (f"file:{source}?mode=ro",))
        shape = {table: columns(connection, table) for table in declared_tables(connection)}
        with connection:
            connection.execute("pragma foreign_keys = off")
            for table, names in shape.items():
                column_list = ", ".join(names)
                selected = ", ".join(source_expressions(connection, table))
                connection.execute(
                    f"insert or ignore into main.{table} ({column_list}) select {selected} from source.{table}"
                )
            while orphans := connection.execute("pragma foreign_key_check").fetchall():
                for table, rowid, *_ in orphans:
                    connection.execute(f"delete from main.{table} where rowid = ?", (rowid,))
        assert connection.execute("pragma foreign_key_check").fetchall() == []
    finally:
        connection.close()
    return shape


def later_tables(connection: sqlite3.Connection) -> list:
    """The fact tables a later revision creates (missing from the database at an older revision)."""
    present = {row[0] for row in connection.execute("select name from main.sqlite_master where type = 'table'")}
    return [table for table in schema.migrated_tables() if table.name not in present]


def stand_in_for_later_tables(connection: sqlite3.Connection) -> None:
    """Empty tables for the fact tables a later revision creates, so that today's derive (whose
    summaries and search indexes read every fact table) runs on a database at an older revision.
    In main, not TEMP: a search index's content table must be in its own schema. `publish_at`
    drops them again, as the older database did not have them."""
    for table in later_tables(connection):
        connection.execute(f"create table {table.name} ({', '.join(table.columns.keys())})")


def publish_at(path: Path, revision: str, source: Path) -> dict[str, list[str]]:
    """A database as a build at `revision` published it: the fact rows of `source` and derived objects.

    Its derived objects are out of date, as an older build's are: a view with other columns,
    a summary with rows of its own, a search index that lost its rows.
    """
    shape = populate_at(path, revision, source)
    with sqlite3.connect(path) as connection:
        later = [table.name for table in later_tables(connection)]
    derive_file(path, on_connect=stand_in_for_later_tables)
    with sqlite3.connect(path) as connection:
        for name in later:
            connection.execute(f"drop table {name}")
        connection.execute("drop view appointments_overview")
        connection.execute("create view appointments_overview as select id as appointment_id from appointments")
        connection.execute("delete from tenure_spans where timeline_rank > 1")
        connection.execute("insert into people_fts(people_fts) values ('delete-all')")
    return shape


def derived_objects(path: Path) -> dict[str, list]:
    """Every derived object of `path`: its DDL, and its rows (a summary) or what it finds (an index)."""
    from unami.derived import VIEWS

    summaries = ", ".join(f"'{name}'" for name in sorted(schema.SUMMARY_TABLE_NAMES))
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        found: dict[str, list] = {
            name: [sql]
            for name, sql in connection.execute(
                "select name, sql from sqlite_master where type = 'view' or sql like 'CREATE VIRTUAL TABLE%'"
                f" or name in ({summaries}) order by name"
            )
        }
        for name in schema.SUMMARY_TABLE_NAMES:
            found[name] += connection.execute(f"select * from {name} order by rowid").fetchall()
        for view in VIEWS:
            found[view.name] += connection.execute(f"select * from {view.name}").fetchall()
        for index in schema.FTS_INDEXES:
            found[index.name] += connection.execute(
                f"select rowid from {index.name} where {index.name} match 'a* OR e* OR i* OR o*' order by rowid"
            ).fetchall()
    return found


def test_every_revision_is_tested():
    assert REVISIONS[0] == "0001"
    assert REVISIONS[-1] == head_revision()


@pytest.mark.parametrize("revision", REVISIONS)
def test_rows_written_at_a_revision_survive_the_upgrade_to_head(tmp_path, built_db, revision):
    path = tmp_path / "unami.db"
    shape = populate_at(path, revision, built_db)
    before = snapshot(path, shape)
    assert sum(len(rows) for rows in before.values()) >= 250  # the real data, not an empty database

    upgrade(path)

    assert snapshot(path, shape) == before
    with sqlite3.connect(path) as connection:
        assert connection.execute("pragma integrity_check").fetchone() == ("ok",)
        assert connection.execute("pragma foreign_key_check").fetchall() == []


@pytest.mark.parametrize("revision", OLDER_REVISIONS)
def test_migrate_backs_up_beside_the_database_then_upgrades_it_in_place(tmp_path, built_db, revision):
    path = tmp_path / "unami.db"
    shape = publish_at(path, revision, built_db)
    before = snapshot(path, shape)
    backup = tmp_path / f"unami.db.backup-{revision}"

    result = CliRunner().invoke(main, ["migrate", "--db", str(path)])

    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Backed up {path} (schema revision {revision}) to {backup}",
        f"Upgraded {path} from schema revision {revision} to {head_revision()}",
    ]
    assert snapshot(backup, shape) == before  # the backup is the old database, at the old revision
    with sqlite3.connect(backup) as connection:
        assert connection.execute("select version_num from alembic_version").fetchone() == (revision,)
    assert snapshot(path, shape) == before
    with sqlite3.connect(path) as connection:
        assert connection.execute("select version_num from alembic_version").fetchone() == (head_revision(),)
        # Full-text indexes are derived again from their tables.
        named = connection.execute("select count(*) from people where name like '%Vieira%'").fetchone()[0]
        assert named == 1  # Sérgio Vieira de Mello
        assert connection.execute("select count(*) from people_fts where people_fts match 'Vieira'").fetchone()[0] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["unami.db", backup.name, "unami.db.lock"]


def test_migrate_does_nothing_at_head(tmp_path, built_db):
    path = tmp_path / "unami.db"
    path.write_bytes(built_db.read_bytes())

    result = CliRunner().invoke(main, ["migrate", "--db", str(path)])

    assert result.exit_code == 0
    assert result.output == f"{path} is already at the newest schema revision {head_revision()}; nothing to do\n"
    assert path.read_bytes() == built_db.read_bytes()
    assert not list(tmp_path.glob("*.backup-*"))


def test_migrate_never_overwrites_a_backup(tmp_path, built_db):
    path = tmp_path / "unami.db"
    path.write_bytes(built_db.read_bytes())
    downgrade(path, OLDER_REVISIONS[0])
    backup = tmp_path / f"unami.db.backup-{OLDER_REVISIONS[0]}"
    backup.write_bytes(b"an earlier backup")
    before = path.read_bytes()

    result = CliRunner().invoke(main, ["migrate", "--db", str(path)])

    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"Error: backup {backup} already exists; move it away (it may be your only copy), then run again"
    ]
    assert backup.read_bytes() == b"an earlier backup"
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "{path} does not exist; `unami build --db {path}` creates it"),
        (b"", "{path} is not a unami database (no such table: alembic_version)"),
        (b"not a database at all, just text" * 100, "{path} is not a unami database (file is not a database)"),
    ],
)
def test_migrate_refuses_what_is_not_a_unami_database(tmp_path, content, message):
    path = tmp_path / "unami.db"
    if content is not None:
        path.write_bytes(content)

    result = CliRunner().invoke(main, ["migrate", "--db", str(path)])

    assert result.exit_code == 1
    assert result.output.splitlines() == ["Error: " + message.format(path=path)]
    assert not list(tmp_path.glob("*.backup-*"))


@pytest.mark.parametrize("revision", OLDER_REVISIONS)
def test_migrate_derives_again_exactly_what_a_build_derives(tmp_path, built_db, revision):
    """Views, summaries and search indexes of an older build are replaced by the ones of this version.

    Compared with this version's derive of the same facts: the older database cannot hold every
    row of today's build (claims of further sources came with revision 0008)."""
    path = tmp_path / "unami.db"
    publish_at(path, revision, built_db)
    assert derived_objects(path) != derived_objects(built_db)  # the older build's are out of date

    result = CliRunner().invoke(main, ["migrate", "--db", str(path)])

    assert result.exit_code == 0, result.output
    built = derived_objects(built_db)
    assert all(built[name][1:] for name in schema.SUMMARY_TABLE_NAMES), "the build filled every summary"
    fresh = tmp_path / "fresh.db"
    fresh.write_bytes(path.read_bytes())
    drop_derived_file(fresh)
    derive_file(fresh)
    assert derived_objects(path) == derived_objects(fresh)
    # What the older database could hold is derived exactly as the build derives it.
    assert derived_objects(path)["contingents_fts"] == built["contingents_fts"]


def test_a_failed_migrate_leaves_the_database_as_it_was_derived_objects_included(tmp_path, built_db, monkeypatch):
    """Dropping the derived objects, upgrading and deriving again is one transaction."""
    from unami import derived

    revision = OLDER_REVISIONS[0]
    path = tmp_path / "unami.db"
    shape = publish_at(path, revision, built_db)
    before, objects = snapshot(path, shape), derived_objects(path)

    def fail(connection):
        raise RuntimeError("derive broke")

    monkeypatch.setattr(derived, "derive", fail)
    result = CliRunner().invoke(main, ["migrate", "--db", str(path)])

    assert result.exit_code == 1
    backup = tmp_path / f"unami.db.backup-{revision}"
    assert result.output.splitlines()[-1] == (
        f"Error: upgrading {path} from {revision} to {head_revision()} failed: derive broke; the backup is {backup}"
    )
    assert snapshot(path, shape) == before
    assert derived_objects(path) == objects
    with sqlite3.connect(path) as connection:
        assert connection.execute("select version_num from alembic_version").fetchone() == (revision,)
