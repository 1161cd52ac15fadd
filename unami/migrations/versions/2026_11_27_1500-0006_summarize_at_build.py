"""summarize at build

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

This revision created and filled the summary tables (contingent_headlines,
section_fact_counts, date_precision_counts, event_year_counts). They are derived objects now,
declared in schema/summaries.py and created and filled by unami.derived after every build and
every `unami migrate`, so it changes no fact table. The revision stays, so a database recorded
at 0006 keeps its place in the history.
"""

from unami.migrations.rebuild import no_change

revision = "0006"
down_revision = "0005"
branch_labels = depends_on = None
# It no longer changes any table (see above); alembic still calls both.
upgrade = downgrade = no_change
