"""create full-text search tables

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

External-content FTS5 tables over the text columns declared in schema/fts.py
(the SQL is copied here so this revision never changes meaning). The loader
fills them with 'rebuild'; this migration never writes into them, since rows
written into FTS5 here would leave traces a downgrade cannot remove.
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FTS_TABLES = (
    (
        "people_fts",
        "CREATE VIRTUAL TABLE people_fts USING fts5(name, note, content='people', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    ),
    (
        "events_fts",
        "CREATE VIRTUAL TABLE events_fts USING fts5(name, description, content='events', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    ),
    (
        "mandate_tasks_fts",
        "CREATE VIRTUAL TABLE mandate_tasks_fts USING fts5(description, content='mandate_tasks', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    ),
    (
        "outcomes_fts",
        "CREATE VIRTUAL TABLE outcomes_fts USING fts5(description, unit, content='outcomes', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    ),
    (
        "contingents_fts",
        "CREATE VIRTUAL TABLE contingents_fts USING fts5(duty, note, content='contingents', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    ),
    (
        "discrepancies_fts",
        "CREATE VIRTUAL TABLE discrepancies_fts USING fts5(name, description, content='discrepancies', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    ),
)


def upgrade() -> None:
    for _name, create_sql in FTS_TABLES:
        op.execute(create_sql)


def downgrade() -> None:
    for name, _create_sql in reversed(FTS_TABLES):
        op.execute(f"DROP TABLE {name}")
