"""Alembic environment for unami-db (SQLite only).

Why the connection is set up the way it is:
- migrations/engine.py: foreign keys OFF while migrating, checked with
  `PRAGMA foreign_key_check` before commit; BEGIN emitted by hand, so DDL is
  transactional and a failed migration rolls back whole;
- batch mode, because SQLite can barely ALTER;
- only the tables the migrations own are compared: summary tables, views and FTS5
  tables (with their shadow tables) are derived objects, created by unami.derived after
  the migrations, never by a revision.
"""

from alembic import context
from sqlalchemy import text

from unami import schema
from unami.migrations.engine import make_engine

config = context.config
target_metadata = schema.metadata

MIGRATED = {table.name for table in schema.migrated_tables()}


def include_name(name, type_, parent_names):
    """Reflected names: a table of the database is compared only if the migrations own it."""
    if type_ == "table":
        return name in MIGRATED
    return True


def include_object(object_, name, type_, reflected, compare_to):
    """Declared objects: a summary table is declared (for export and the site) but not migrated."""
    if type_ == "table":
        return name in MIGRATED
    return True


def check_foreign_keys(connection) -> None:
    problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
    if problems:
        raise RuntimeError(f"migration left {len(problems)} foreign-key violation(s), first: {problems[0]}")


def configure(**options) -> None:
    """Compare only migration-owned tables, in batch mode (SQLite can barely ALTER)."""
    context.configure(
        target_metadata=target_metadata,
        render_as_batch=True,
        include_name=include_name,
        include_object=include_object,
        **options,
    )


def run_migrations_offline() -> None:
    configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    # Tests hand in an Engine, or pytest-alembic a wrapper of an open connection
    # that only offers connect(); both are entered the same way. `unami migrate`
    # hands in a Connection already in its transaction, which the migrations join.
    handed_in = config.attributes.get("connection")
    if handed_in is not None and hasattr(handed_in, "connect"):
        with handed_in.connect() as connection:
            _run(connection)
        return
    if handed_in is not None:
        _run(handed_in)
        return
    url = config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError(
            "no sqlalchemy.url: run migrations through `unami build` or `unami migrate`, new revisions through"
            " `unami revision`"
        )
    engine = make_engine(url)
    with engine.connect() as connection:
        _run(connection)


def _run(connection) -> None:
    configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
        check_foreign_keys(connection)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
