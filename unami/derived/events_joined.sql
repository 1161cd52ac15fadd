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
