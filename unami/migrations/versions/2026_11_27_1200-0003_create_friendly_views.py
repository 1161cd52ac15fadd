"""create friendly views

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

This revision created the friendly views (appointments, contingents and events overviews).
They are derived objects now, declared in unami/derived/ and created by unami.derived after
every build and every `unami migrate` (which drops them before upgrading), so it changes no
fact table. The revision stays, so a database recorded at 0003 keeps its place in the history.
"""

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
