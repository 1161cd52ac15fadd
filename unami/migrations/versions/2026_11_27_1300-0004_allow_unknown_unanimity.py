"""allow unknown unanimity of a resolution

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

`resolutions.is_unanimous` was NOT NULL with default 0, so a resolution whose vote the
source does not describe read as "not unanimous". It becomes nullable (NULL: not
stated). Existing values are kept as they are; a rebuild from data/ writes NULL where
the source is silent. See migrations/rebuild.py for why this is not a batch operation.
"""

from alembic import op

from unami.migrations.rebuild import rebuild_table

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

OLD = "is_unanimous INTEGER DEFAULT '0' NOT NULL,"
NEW = "is_unanimous INTEGER,"


def upgrade() -> None:
    rebuild_table("resolutions", OLD, NEW)


def downgrade() -> None:
    # NULL ("not stated") has no place in the old column: it goes back to the old default, 0.
    op.execute("UPDATE resolutions SET is_unanimous = 0 WHERE is_unanimous IS NULL")
    rebuild_table("resolutions", NEW, OLD)
