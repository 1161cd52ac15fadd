"""Run alembic programmatically against one SQLite file."""

import sqlite3
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from unami.migrations.engine import make_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(db_path: Path | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if db_path is not None:
        config.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}")
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no alembic revisions found in {MIGRATIONS_DIR}")
    return head


def upgrade(db_path: Path, revision: str = "head") -> None:
    command.upgrade(alembic_config(db_path), revision)


def downgrade(db_path: Path, revision: str) -> None:
    command.downgrade(alembic_config(db_path), revision)


def upgrade_in_one_transaction(
    db_path: Path,
    before: Callable[[sqlite3.Connection], object],
    after: Callable[[sqlite3.Connection], object],
) -> None:
    """Run `before`, upgrade to head, run `after`, all in one transaction: a failure anywhere leaves the file as it was.

    Example: upgrade_in_one_transaction(path, before=derived.drop_derived, after=derived.derive)
    """
    engine = make_engine(f"sqlite:///{db_path}")
    try:
        with engine.connect() as connection, connection.begin():
            raw = connection.connection.dbapi_connection
            if not isinstance(raw, sqlite3.Connection):
                raise RuntimeError(f"expected a sqlite3 connection to {db_path}, got {raw!r}")
            before(raw)
            config = alembic_config()
            config.attributes["connection"] = connection  # env.py joins this transaction
            command.upgrade(config, "head")
            after(raw)
    finally:
        engine.dispose()
