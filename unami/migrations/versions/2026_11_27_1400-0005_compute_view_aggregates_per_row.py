"""compute view aggregates per row

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

This revision replaced two views by versions that aggregate per output row. Views are
derived objects now (unami/derived/), created after every build and every `unami migrate`,
so it changes no fact table. The revision stays, so a database recorded at 0005 keeps its
place in the history.
"""

from unami.migrations.rebuild import no_change

revision = "0005"
down_revision = "0004"
branch_labels = depends_on = None
# It no longer changes any table (see above); alembic still calls both.
upgrade = downgrade = no_change
