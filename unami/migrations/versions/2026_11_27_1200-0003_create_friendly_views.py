"""create friendly views

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

This revision created the friendly views (appointments, contingents and events overviews).
They are derived objects now, declared in unami/derived/ and created by unami.derived after
every build and every `unami migrate` (which drops them before upgrading), so it changes no
fact table. The revision stays, so a database recorded at 0003 keeps its place in the history.
"""

from unami.migrations.rebuild import no_change

revision = "0003"
down_revision = "0002"
branch_labels = depends_on = None
# It no longer changes any table (see above); alembic still calls both.
upgrade = downgrade = no_change
