-- What a reader browses: the helper columns (date bounds, precisions, keys) stay in appointments_joined.
-- In date order with the undated tenures last (SQLite sorts NULL first); a date known only roughly
-- goes after the precise dates it may equal: by its latest possible day, then its earliest.
select
    appointment_id,
    person_id,
    person,
    nationality,
    position_id,
    position,
    position_level,
    mission,
    started_date,
    ended_date,
    heading_years,
    served_under,
    next_position,
    end_reason,
    note,
    source_section
from appointments_joined
order by started_latest is null, started_latest, started_earliest, appointment_id
