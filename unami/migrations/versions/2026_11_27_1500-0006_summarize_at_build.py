"""summarize at build

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

Summary tables (schema/summaries.py): each contribution's headline strength, facts per
source section, date precision counts, events per year. Every build fills them after the
facts are loaded; here they are also filled for the rows already in the database, so an
in-place `unami migrate` leaves no summary empty. `contingents_overview` reads its headline
strengths from `contingent_headlines` instead of ranking every strength per request.
The fill and view SQL are copied here as of this revision, so it never changes meaning.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

FILLS = (
    """INSERT INTO contingent_headlines
    (contingent_id, troops, military_observers, defence_civilians, personnel, is_approximate)
with ranked_strengths as (
    select
        contingent_id,
        personnel_type,
        personnel_count,
        is_approximate,
        row_number() over (
            partition by contingent_id, personnel_type
            order by observed_date is null desc, observed_latest desc, id
        ) as strength_rank
    from contingent_strengths
)
select
    contingent_id,
    sum(case when personnel_type = 'troops' then personnel_count end),
    sum(case when personnel_type = 'military observers' then personnel_count end),
    sum(case when personnel_type = 'defence civilians' then personnel_count end),
    sum(personnel_count),
    max(is_approximate)
from ranked_strengths
where strength_rank = 1
group by contingent_id
""",
    """INSERT INTO section_fact_counts (source_section_id, fact_table, facts)
    select source_section_id, 'countries', count(*) from countries group by source_section_id
    union all
    select source_section_id, 'organizations', count(*) from organizations group by source_section_id
    union all
    select source_section_id, 'missions', count(*) from missions group by source_section_id
    union all
    select source_section_id, 'mission_names', count(*) from mission_names group by source_section_id
    union all
    select source_section_id, 'mission_organizations', count(*) from mission_organizations group by source_section_id
    union all
    select source_section_id, 'people', count(*) from people group by source_section_id
    union all
    select source_section_id, 'person_names', count(*) from person_names group by source_section_id
    union all
    select source_section_id, 'person_nationalities', count(*) from person_nationalities group by source_section_id
    union all
    select source_section_id, 'person_educations', count(*) from person_educations group by source_section_id
    union all
    select source_section_id, 'positions', count(*) from positions group by source_section_id
    union all
    select source_section_id, 'appointments', count(*) from appointments group by source_section_id
    union all
    select source_section_id, 'resolutions', count(*) from resolutions group by source_section_id
    union all
    select source_section_id, 'resolution_actions', count(*) from resolution_actions group by source_section_id
    union all
    select source_section_id, 'mandate_areas', count(*) from mandate_areas group by source_section_id
    union all
    select source_section_id, 'mandate_tasks', count(*) from mandate_tasks group by source_section_id
    union all
    select source_section_id, 'events', count(*) from events group by source_section_id
    union all
    select source_section_id, 'event_participants', count(*) from event_participants group by source_section_id
    union all
    select source_section_id, 'event_resolutions', count(*) from event_resolutions group by source_section_id
    union all
    select source_section_id, 'outcomes', count(*) from outcomes group by source_section_id
    union all
    select source_section_id, 'staffing_counts', count(*) from staffing_counts group by source_section_id
    union all
    select source_section_id, 'contingents', count(*) from contingents group by source_section_id
    union all
    select source_section_id, 'contingent_strengths', count(*) from contingent_strengths group by source_section_id
    union all
    select source_section_id, 'contingent_links', count(*) from contingent_links group by source_section_id
    union all
    select source_section_id, 'discrepancy_claims', count(*) from discrepancy_claims group by source_section_id
""",
    """INSERT INTO date_precision_counts (fact_table, date_column, date_precision, facts, widest_days)
    select 'missions', 'established', coalesce(established_precision, 'not stated'), count(*), cast(max(julianday(established_latest) - julianday(established_earliest)) as integer) from missions group by 3
    union all
    select 'missions', 'ended', coalesce(ended_precision, 'not stated'), count(*), cast(max(julianday(ended_latest) - julianday(ended_earliest)) as integer) from missions group by 3
    union all
    select 'person_educations', 'completed', coalesce(completed_precision, 'not stated'), count(*), cast(max(julianday(completed_latest) - julianday(completed_earliest)) as integer) from person_educations group by 3
    union all
    select 'appointments', 'started', coalesce(started_precision, 'not stated'), count(*), cast(max(julianday(started_latest) - julianday(started_earliest)) as integer) from appointments group by 3
    union all
    select 'appointments', 'ended', coalesce(ended_precision, 'not stated'), count(*), cast(max(julianday(ended_latest) - julianday(ended_earliest)) as integer) from appointments group by 3
    union all
    select 'resolutions', 'adopted', coalesce(adopted_precision, 'not stated'), count(*), cast(max(julianday(adopted_latest) - julianday(adopted_earliest)) as integer) from resolutions group by 3
    union all
    select 'resolution_actions', 'mandate_end', coalesce(mandate_end_precision, 'not stated'), count(*), cast(max(julianday(mandate_end_latest) - julianday(mandate_end_earliest)) as integer) from resolution_actions group by 3
    union all
    select 'events', 'occurred', coalesce(occurred_precision, 'not stated'), count(*), cast(max(julianday(occurred_latest) - julianday(occurred_earliest)) as integer) from events group by 3
    union all
    select 'outcomes', 'started', coalesce(started_precision, 'not stated'), count(*), cast(max(julianday(started_latest) - julianday(started_earliest)) as integer) from outcomes group by 3
    union all
    select 'staffing_counts', 'observed', coalesce(observed_precision, 'not stated'), count(*), cast(max(julianday(observed_latest) - julianday(observed_earliest)) as integer) from staffing_counts group by 3
    union all
    select 'contingents', 'deployed', coalesce(deployed_precision, 'not stated'), count(*), cast(max(julianday(deployed_latest) - julianday(deployed_earliest)) as integer) from contingents group by 3
    union all
    select 'contingents', 'withdrawn', coalesce(withdrawn_precision, 'not stated'), count(*), cast(max(julianday(withdrawn_latest) - julianday(withdrawn_earliest)) as integer) from contingents group by 3
    union all
    select 'contingent_strengths', 'observed', coalesce(observed_precision, 'not stated'), count(*), cast(max(julianday(observed_latest) - julianday(observed_earliest)) as integer) from contingent_strengths group by 3
""",
    """INSERT INTO event_year_counts (event_year, event_kind, events)
select
    case
        when substr(occurred_earliest, 1, 4) = substr(occurred_latest, 1, 4)
            then cast(substr(occurred_earliest, 1, 4) as integer)
    end as event_year,
    event_kind,
    count(*)
from events
group by 1, 2
order by 1, 2
""",
)

OLD_CONTINGENTS_OVERVIEW = """CREATE VIEW contingents_overview AS
with ranked_strengths as (
    select
        contingent_id,
        personnel_type,
        personnel_count,
        is_approximate,
        row_number() over (
            partition by contingent_id, personnel_type
            order by observed_date is null desc, observed_latest desc, id
        ) as strength_rank
    from contingent_strengths
),

headline_strengths as (
    select
        contingent_id,
        sum(case when personnel_type = 'troops' then personnel_count end) as troops,
        sum(case when personnel_type = 'military observers' then personnel_count end) as military_observers,
        sum(case when personnel_type = 'defence civilians' then personnel_count end) as defence_civilians,
        sum(personnel_count) as personnel,
        max(is_approximate) as is_approximate
    from ranked_strengths
    where strength_rank = 1
    group by contingent_id
)

select
    contingents.id as contingent_id,
    contingents.key as contingent_key,
    missions.abbreviation as mission,
    contingents.status,
    contingents.list_position,
    contingents.country_id,
    coalesce(countries.name, 'unknown') as country,
    countries.iso3,
    contingents.country_unknown_reason,
    contingents.duty,
    contingents.deployed_date,
    contingents.withdrawn_date,
    headline_strengths.troops,
    headline_strengths.military_observers,
    headline_strengths.defence_civilians,
    headline_strengths.personnel,
    headline_strengths.is_approximate,
    contingents.note,
    source_sections.citation as source_section
from contingents
inner join missions on contingents.mission_id = missions.id
inner join source_sections on contingents.source_section_id = source_sections.id
left join countries on contingents.country_id = countries.id
left join headline_strengths on contingents.id = headline_strengths.contingent_id
"""

NEW_CONTINGENTS_OVERVIEW = """CREATE VIEW contingents_overview AS
-- headline strengths are summarized once per build (schema/summaries.py), not ranked per request
select
    contingents.id as contingent_id,
    contingents.key as contingent_key,
    missions.abbreviation as mission,
    contingents.status,
    contingents.list_position,
    contingents.country_id,
    coalesce(countries.name, 'unknown') as country,
    countries.iso3,
    contingents.country_unknown_reason,
    contingents.duty,
    contingents.deployed_date,
    contingents.withdrawn_date,
    contingent_headlines.troops,
    contingent_headlines.military_observers,
    contingent_headlines.defence_civilians,
    contingent_headlines.personnel,
    contingent_headlines.is_approximate,
    contingents.note,
    source_sections.citation as source_section
from contingents
inner join missions on contingents.mission_id = missions.id
inner join source_sections on contingents.source_section_id = source_sections.id
left join countries on contingents.country_id = countries.id
left join contingent_headlines on contingents.id = contingent_headlines.contingent_id
"""


def upgrade() -> None:
    op.create_table(
        "date_precision_counts",
        sa.Column("fact_table", sa.Text(), nullable=False, comment="Fact table the dates are in."),
        sa.Column(
            "date_column",
            sa.Text(),
            nullable=False,
            comment="Which date of the table: established, started, observed, ...",
        ),
        sa.Column(
            "date_precision", sa.Text(), nullable=False, comment="Precision: day, month, year, ..., or 'not stated'."
        ),
        sa.Column("facts", sa.Integer(), nullable=False, comment="Rows of the table whose date has this precision."),
        sa.Column(
            "widest_days",
            sa.Integer(),
            nullable=True,
            comment="Widest gap, in days, between a date's earliest and latest possible day among these facts"
            " (0: exact days; NULL: not stated). It bounds date-window searches.",
        ),
        sa.CheckConstraint("facts >= 0", name=op.f("ck_date_precision_counts_facts_not_negative")),
        sa.PrimaryKeyConstraint("fact_table", "date_column", "date_precision", name=op.f("pk_date_precision_counts")),
        comment="Summary, derived at build: how many facts give each kind of date at each precision, one row per table, date and precision.",
        sqlite_strict=True,
    )
    op.create_table(
        "event_year_counts",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column(
            "event_year",
            sa.Integer(),
            nullable=True,
            comment="Year the event certainly falls in (NULL: the source's date spans more than one year or none).",
        ),
        sa.Column("event_kind", sa.Text(), nullable=False, comment="Kind of event."),
        sa.Column("events", sa.Integer(), nullable=False, comment="Events of that kind in that year."),
        sa.CheckConstraint("events >= 0", name=op.f("ck_event_year_counts_events_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_year_counts")),
        comment="Summary, derived at build: how many events of each kind fall in each year, one row per year and kind; an event whose year is uncertain has a NULL year.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("event_year_counts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_year_counts_event_kind"), ["event_kind"], unique=False)

    op.create_table(
        "section_fact_counts",
        sa.Column(
            "source_section_id", sa.Integer(), nullable=False, comment="Section of a source (source_sections.id)."
        ),
        sa.Column("fact_table", sa.Text(), nullable=False, comment="Fact table the rows are in."),
        sa.Column("facts", sa.Integer(), nullable=False, comment="Rows of that table the section states."),
        sa.CheckConstraint("facts >= 0", name=op.f("ck_section_fact_counts_facts_not_negative")),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_section_fact_counts_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("source_section_id", "fact_table", name=op.f("pk_section_fact_counts")),
        comment="Summary, derived at build: how many rows of each fact table each source section states, one row per section and table.",
        sqlite_strict=True,
    )
    op.create_table(
        "contingent_headlines",
        sa.Column("contingent_id", sa.Integer(), nullable=False, comment="Contribution (contingents.id)."),
        sa.Column("troops", sa.Integer(), nullable=True, comment="Headline number of troops (NULL: no troop figure)."),
        sa.Column(
            "military_observers",
            sa.Integer(),
            nullable=True,
            comment="Headline number of military observers (NULL: none given).",
        ),
        sa.Column(
            "defence_civilians",
            sa.Integer(),
            nullable=True,
            comment="Headline number of defence civilians (NULL: none given).",
        ),
        sa.Column("personnel", sa.Integer(), nullable=True, comment="Headline personnel of all types together."),
        sa.Column(
            "is_approximate",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="1 when a headline figure is given as approximate (around, about).",
        ),
        sa.CheckConstraint(
            "defence_civilians >= 0", name=op.f("ck_contingent_headlines_defence_civilians_not_negative")
        ),
        sa.CheckConstraint("is_approximate IN (0, 1)", name=op.f("ck_contingent_headlines_is_approximate_is_flag")),
        sa.CheckConstraint(
            "military_observers >= 0", name=op.f("ck_contingent_headlines_military_observers_not_negative")
        ),
        sa.CheckConstraint("personnel >= 0", name=op.f("ck_contingent_headlines_personnel_not_negative")),
        sa.CheckConstraint("troops >= 0", name=op.f("ck_contingent_headlines_troops_not_negative")),
        sa.ForeignKeyConstraint(
            ["contingent_id"], ["contingents.id"], name=op.f("fk_contingent_headlines_contingent_id_contingents")
        ),
        sa.PrimaryKeyConstraint("contingent_id", name=op.f("pk_contingent_headlines")),
        comment="Summary, derived at build: each contribution's headline strength by type, one row per contribution with a strength. For each personnel type the headline is the figure the source lists without a date, else the latest dated one.",
        sqlite_strict=True,
    )
    for fill in FILLS:
        op.execute(fill)
    op.execute("DROP VIEW contingents_overview")
    op.execute(NEW_CONTINGENTS_OVERVIEW)


def downgrade() -> None:
    op.execute("DROP VIEW contingents_overview")
    op.execute(OLD_CONTINGENTS_OVERVIEW)
    op.drop_table("contingent_headlines")
    op.drop_table("section_fact_counts")
    with op.batch_alter_table("event_year_counts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_year_counts_event_kind"))
    op.drop_table("event_year_counts")
    op.drop_table("date_precision_counts")
