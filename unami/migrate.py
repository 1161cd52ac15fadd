"""Run alembic programmatically against one SQLite file."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

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
