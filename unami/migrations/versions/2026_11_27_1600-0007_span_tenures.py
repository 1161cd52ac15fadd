"""span tenures

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27

Summary table `tenure_spans` (schema/summaries.py): how far each tenure can reach (its
latest end, or the day before a later holder certainly started, within its mission), its
successor's start and its place and bars in the leadership timeline. Reports
`post_holders_on_date` and `leaders_timeline` read it instead of comparing every pair of
tenures of a post per request. Filled here for the rows already in the database (SQL copied
as of this revision); every build fills it again after loading. Also an index on
events (occurred_earliest, occurred_latest), the order of the event timeline.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

FILLS = (
    """INSERT INTO tenure_spans (
    appointment_id, position_id, started_earliest, started_latest, later_started_latest_min,
    bar_start, bar_end, bar_basis, timeline_rank
)
with tenures as (
    select
        appointments.id,
        appointments.position_id,
        appointments.started_earliest,
        appointments.started_latest,
        appointments.ended_latest,
        positions.level,
        positions.name as position,
        people.name as person,
        missions.id as mission_id,
        missions.ended_latest as mission_ended_latest,
        heads.started_earliest as head_started_earliest,
        heads.ended_latest as head_ended_latest,
        lead(appointments.started_earliest) over (
            partition by appointments.position_id order by appointments.started_earliest
        ) as next_holder_started_earliest,
        -- with ties, RANGE takes in every holder who started on the same earliest day
        min(appointments.started_latest) over (
            partition by appointments.position_id
            order by appointments.started_earliest desc
            range between unbounded preceding and current row
        ) as later_started_latest_min
    from appointments
    inner join positions on appointments.position_id = positions.id
    inner join people on appointments.person_id = people.id
    left join missions on positions.mission_id = missions.id
    left join appointments as heads on appointments.served_under_appointment_id = heads.id
),

bars as (
    select
        *,
        coalesce(started_earliest, head_started_earliest) as bar_start,
        case
            when ended_latest is not null then ended_latest
            when started_earliest is null then head_ended_latest
            when next_holder_started_earliest is not null then next_holder_started_earliest
            else mission_ended_latest
        end as bar_end,
        case
            when started_earliest is null then 'dates not stated: drawn over the tenure served under'
            when ended_latest is not null then 'stated dates'
            when next_holder_started_earliest is not null then 'end not stated: drawn to the next holder''s start'
            else 'end not stated: drawn to the mission''s end'
        end as bar_basis
    from tenures
)

-- the timeline (bars and rank) shows mission posts only
select
    id,
    position_id,
    started_earliest,
    started_latest,
    later_started_latest_min,
    case when mission_id is not null then bar_start end,
    case when mission_id is not null then bar_end end,
    case when mission_id is not null then bar_basis end,
    case when mission_id is not null then row_number() over (
        partition by mission_id is not null
        order by level = 'head of mission' desc, coalesce(started_earliest, bar_start), position, person
    ) end
from bars
""",
    """UPDATE tenure_spans SET succeeded_by = (
    select later.later_started_latest_min
    from tenure_spans as later
    where
        later.position_id = tenure_spans.position_id
        and later.started_earliest > tenure_spans.started_latest
    order by later.started_earliest
    limit 1
)
WHERE started_latest IS NOT NULL
""",
    """UPDATE tenure_spans SET possible_until = (
    select
        case
            when appointments.ended_date is not null then appointments.ended_latest
            else min(
                coalesce(date(tenure_spans.succeeded_by, '-1 day'), '9999-12-31'),
                coalesce(missions.ended_latest, '9999-12-31')
            )
        end
    from appointments
    inner join positions on appointments.position_id = positions.id
    left join missions on positions.mission_id = missions.id
    where appointments.id = tenure_spans.appointment_id
)
WHERE started_earliest IS NOT NULL
""",
    """UPDATE tenure_spans SET span_days = cast(julianday(possible_until) - julianday(started_earliest) as integer)
WHERE possible_until IS NOT NULL
""",
)


def upgrade() -> None:
    op.create_table(
        "tenure_spans",
        sa.Column("appointment_id", sa.Integer(), nullable=False, comment="Tenure (appointments.id)."),
        sa.Column("position_id", sa.Integer(), nullable=False, comment="Post held."),
        sa.Column(
            "started_earliest",
            sa.Text(),
            nullable=True,
            comment="Earliest ISO day the tenure can have started (NULL: start not stated).",
        ),
        sa.Column(
            "started_latest",
            sa.Text(),
            nullable=True,
            comment="Latest ISO day the tenure can have started (NULL: start not stated).",
        ),
        sa.Column(
            "later_started_latest_min",
            sa.Text(),
            nullable=True,
            comment="Smallest latest-start among the holders of the post who may have started no earlier than this one.",
        ),
        sa.Column(
            "succeeded_by",
            sa.Text(),
            nullable=True,
            comment="Latest start of the first later holder of the post who certainly started after this tenure began (NULL: none): a tenure with no stated end is over by that day.",
        ),
        sa.Column(
            "possible_until",
            sa.Text(),
            nullable=True,
            comment="Last ISO day the tenure can still cover: its latest end, or, end not stated, the day before succeeded_by and no later than the mission's end (NULL: start not stated).",
        ),
        sa.Column(
            "span_days",
            sa.Integer(),
            nullable=True,
            comment="Days from started_earliest to possible_until (NULL: either unknown).",
        ),
        sa.Column(
            "bar_start",
            sa.Text(),
            nullable=True,
            comment="Leadership chart: where the tenure's bar starts (see bar_basis; NULL: not a mission post).",
        ),
        sa.Column(
            "bar_end",
            sa.Text(),
            nullable=True,
            comment="Leadership chart: where the tenure's bar ends (see bar_basis; NULL: not a mission post).",
        ),
        sa.Column(
            "bar_basis",
            sa.Text(),
            nullable=True,
            comment="How the bar was drawn where the source gives no date (NULL: not a mission post).",
        ),
        sa.Column(
            "timeline_rank",
            sa.Integer(),
            nullable=True,
            comment="Order of the leadership timeline: heads of mission first, then by start, post and person (NULL: a post outside any mission).",
        ),
        sa.ForeignKeyConstraint(
            ["appointment_id"], ["appointments.id"], name=op.f("fk_tenure_spans_appointment_id_appointments")
        ),
        sa.ForeignKeyConstraint(["position_id"], ["positions.id"], name=op.f("fk_tenure_spans_position_id_positions")),
        sa.PrimaryKeyConstraint("appointment_id", name=op.f("pk_tenure_spans")),
        comment="Summary, derived at build: how far each tenure can reach given its stated dates, its successors and its mission's end, and its place in the leadership timeline, one row per tenure.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("tenure_spans", schema=None) as batch_op:
        batch_op.create_index(
            "ix_tenure_spans_position_id_started_earliest", ["position_id", "started_earliest"], unique=False
        )
        batch_op.create_index("ix_tenure_spans_span_days", ["span_days"], unique=False)
        batch_op.create_index(
            "ix_tenure_spans_started_earliest_possible_until", ["started_earliest", "possible_until"], unique=False
        )
        batch_op.create_index(
            "ix_tenure_spans_timeline_rank_position_id", ["timeline_rank", "position_id"], unique=False
        )
    for fill in FILLS:
        op.execute(fill)
    op.create_index(
        "ix_events_occurred_earliest_occurred_latest", "events", ["occurred_earliest", "occurred_latest"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_events_occurred_earliest_occurred_latest", table_name="events")
    with op.batch_alter_table("tenure_spans", schema=None) as batch_op:
        batch_op.drop_index("ix_tenure_spans_timeline_rank_position_id")
        batch_op.drop_index("ix_tenure_spans_started_earliest_possible_until")
        batch_op.drop_index("ix_tenure_spans_span_days")
        batch_op.drop_index("ix_tenure_spans_position_id_started_earliest")

    op.drop_table("tenure_spans")
