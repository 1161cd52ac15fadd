"""compute view aggregates per row

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

`appointments_overview` (nationality) and `events_overview` (participants, resolutions)
aggregated every row of their detail tables before any filter, so a report filtering the
view read the whole table at the scale of the field. They now compute those columns with
a correlated subquery per output row; the rows and columns are the same. The SQL is
copied here (new for upgrade, 0003's for downgrade) so this revision never changes meaning.
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

NEW_VIEWS = (
    (
        "appointments_overview",
        """CREATE VIEW appointments_overview AS
select
    appointments.id as appointment_id,
    appointments.key as appointment_key,
    people.id as person_id,
    people.name as person,
    -- per row, not a whole-table aggregate, so a filter on the view reaches the indexes first
    (
        select group_concat(nationality_rows.label, '; ')
        from (
            select
                countries.name
                || case
                    when person_nationalities.basis = 'stated nationality' then ''
                    else ' (' || person_nationalities.basis || ')'
                end as label
            from person_nationalities
            inner join countries on person_nationalities.country_id = countries.id
            where person_nationalities.person_id = people.id
            order by person_nationalities.basis desc, countries.name
        ) as nationality_rows
    ) as nationality,
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
left join appointments as head_appointments on appointments.served_under_appointment_id = head_appointments.id
left join people as head_people on head_appointments.person_id = head_people.id
left join appointments as next_appointments on appointments.next_appointment_id = next_appointments.id
left join positions as next_positions on next_appointments.position_id = next_positions.id
""",
    ),
    (
        "events_overview",
        """CREATE VIEW events_overview AS
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
    -- per row, not whole-table aggregates, so a filter on the view reaches the indexes first
    (
        select group_concat(participant_rows.label, '; ')
        from (
            select
                coalesce(people.name, organizations.name, countries.name)
                || ' (' || event_participants.role || ')' as label
            from event_participants
            left join people on event_participants.person_id = people.id
            left join organizations on event_participants.organization_id = organizations.id
            left join countries on event_participants.country_id = countries.id
            where event_participants.event_id = events.id
            order by event_participants.id
        ) as participant_rows
    ) as participants,
    (
        select group_concat(resolution_rows.name, '; ')
        from (
            select resolutions.name
            from event_resolutions
            inner join resolutions on event_resolutions.resolution_id = resolutions.id
            where event_resolutions.event_id = events.id
            order by resolutions.number
        ) as resolution_rows
    ) as resolutions,
    source_sections.citation as source_section
from events
inner join source_sections on events.source_section_id = source_sections.id
left join missions on events.mission_id = missions.id
""",
    ),
)

OLD_VIEWS = (
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


def replace_views(views: tuple[tuple[str, str], ...]) -> None:
    for name, create_sql in views:
        op.execute(f"DROP VIEW {name}")
        op.execute(create_sql)


def upgrade() -> None:
    replace_views(NEW_VIEWS)


def downgrade() -> None:
    replace_views(OLD_VIEWS)
