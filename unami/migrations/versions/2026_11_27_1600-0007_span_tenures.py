"""span tenures

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27

An index on events (occurred_earliest, occurred_latest), the order of the event timeline.
This revision also created and filled the summary table `tenure_spans`; it is a derived
object now, declared in schema/summaries.py and created and filled by unami.derived after
every build and every `unami migrate`.
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_events_occurred_earliest_occurred_latest", "events", ["occurred_earliest", "occurred_latest"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_events_occurred_earliest_occurred_latest", table_name="events")
