"""allow unknown unanimity of a resolution

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

`resolutions.is_unanimous` was NOT NULL with default 0, so a resolution whose vote the
source does not describe read as "not unanimous". It becomes nullable (NULL: not
stated). Existing values are kept as they are; a rebuild from data/ writes NULL where
the source is silent. The views refer to `resolutions`, so they are set aside while
batch mode recreates the table (foreign keys are off during migrations: see env.py).
"""

import sqlalchemy as sa
from alembic import op

from migrations.preserved_views import views_set_aside

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with views_set_aside(), op.batch_alter_table("resolutions") as batch_op:
        batch_op.alter_column("is_unanimous", existing_type=sa.Integer(), nullable=True, server_default=None)


def downgrade() -> None:
    # NULL ("not stated") has no place in the old column: it goes back to the old default, 0.
    op.execute("UPDATE resolutions SET is_unanimous = 0 WHERE is_unanimous IS NULL")
    with views_set_aside(), op.batch_alter_table("resolutions") as batch_op:
        batch_op.alter_column("is_unanimous", existing_type=sa.Integer(), nullable=False, server_default="0")
