"""create full-text search tables

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

This revision created the FTS5 tables over the text columns. They are derived objects now,
declared in schema/fts.py and created by unami.derived after every build and every
`unami migrate` (which drops them before upgrading), so it changes no fact table. The
revision stays, so a database recorded at 0002 keeps its place in the history.
"""

from unami.migrations.rebuild import no_change

revision = "0002"
down_revision = "0001"
branch_labels = depends_on = None
# It no longer changes any table (see above); alembic still calls both.
upgrade = downgrade = no_change
