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
            order by person_nationalities.basis desc, countries.name asc
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
