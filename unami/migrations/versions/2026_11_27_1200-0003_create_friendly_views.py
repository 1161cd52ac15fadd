"""create friendly views

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

Views that join tenures with people, posts and countries, contributions with
countries and strengths, and events with participants, so a newcomer's first
query needs no joins (declared in schema/views.py; the SQL is copied here so
this revision never changes meaning).

Future migrations: alembic's batch mode cannot recreate a table that a view
refers to (alembic issue 1207). A revision that batch-alters appointments,
people, positions, countries, contingents, events or any other table read here
must drop these views first and create them again afterwards.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

VIEWS = (
    (
        "appointments_overview",
        """CREATE VIEW appointments_overview AS
with nationality_rows as (
    select
        person_nationalities.person_id,
        countries.name
        || case
            when person_nationalities.basis = 'stated nationality' then ''
            else ' (' || person_nationalities.basis || ')'
        end as label
    from person_nationalities
    inner join countries on person_nationalities.country_id = countries.id
    order by person_nationalities.person_id, person_nationalities.basis desc, countries.name
),

nationalities as (
    select
        person_id,
        group_concat(label, '; ') as nationality
    from nationality_rows
    group by person_id
)

select
    appointments.id as appointment_id,
    appointments.key as appointment_key,
    people.id as person_id,
    people.name as person,
    nationalities.nationality,
    positions.id as position_id,
    positions.name as position,
    positions.level as position_level,
    missions.abbreviation as mission,
    appointments.started_date,
    appointments.started_precision,
    appointments.started_earliest,
    appointments.started_latest,
    appointments.ended_date,
    appointments.ended_precision,
    appointments.ended_earliest,
    appointments.ended_latest,
    appointments.heading_years,
    appointments.served_under_appointment_id,
    head_people.name as served_under,
    next_positions.name as next_position,
    appointments.end_reason,
    appointments.note,
    source_sections.citation as source_section
from appointments
inner join people on appointments.person_id = people.id
inner join positions on appointments.position_id = positions.id
inner join source_sections on appointments.source_section_id = source_sections.id
left join missions on positions.mission_id = missions.id
left join nationalities on people.id = nationalities.person_id
left join appointments as head_appointments on appointments.served_under_appointment_id = head_appointments.id
left join people as head_people on head_appointments.person_id = head_people.id
left join appointments as next_appointments on appointments.next_appointment_id = next_appointments.id
left join positions as next_positions on next_appointments.position_id = next_positions.id
""",
    ),
    (
        "contingents_overview",
        """CREATE VIEW contingents_overview AS
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
""",
    ),
    (
        "events_overview",
        """CREATE VIEW events_overview AS
with participant_rows as (
    select
        event_participants.event_id,
        coalesce(people.name, organizations.name, countries.name) || ' (' || event_participants.role || ')' as label
    from event_participants
    left join people on event_participants.person_id = people.id
    left join organizations on event_participants.organization_id = organizations.id
    left join countries on event_participants.country_id = countries.id
    order by event_participants.event_id, event_participants.id
),

participants as (
    select
        event_id,
        group_concat(label, '; ') as participants
    from participant_rows
    group by event_id
),

resolution_rows as (
    select
        event_resolutions.event_id,
        resolutions.name
    from event_resolutions
    inner join resolutions on event_resolutions.resolution_id = resolutions.id
    order by event_resolutions.event_id, resolutions.number
),

related_resolutions as (
    select
        event_id,
        group_concat(name, '; ') as resolutions
    from resolution_rows
    group by event_id
)

select
    events.id as event_id,
    events.key as event_key,
    events.occurred_date,
    events.occurred_precision,
    events.occurred_earliest,
    events.occurred_latest,
    events.event_kind,
    events.name,
    events.description,
    missions.abbreviation as mission,
    events.deaths,
    participants.participants,
    related_resolutions.resolutions,
    source_sections.citation as source_section
from events
inner join source_sections on events.source_section_id = source_sections.id
left join missions on events.mission_id = missions.id
left join participants on events.id = participants.event_id
left join related_resolutions on events.id = related_resolutions.event_id
""",
    ),
)


def upgrade() -> None:
    for _name, create_sql in VIEWS:
        op.execute(create_sql)


def downgrade() -> None:
    for name, _create_sql in reversed(VIEWS):
        op.execute(f"DROP VIEW {name}")
