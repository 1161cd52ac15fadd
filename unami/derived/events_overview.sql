-- What a reader browses: the date bounds and precision stay in events_joined.
-- In date order with undated events last; a date known only roughly (2003) goes after the precise
-- dates it may equal (2003-08-14): by its latest possible day, then its earliest.
select
    event_id,
    occurred_date,
    event_kind,
    name,
    description,
    mission,
    deaths,
    participants,
    resolutions,
    source_section
from events_joined
order by occurred_latest is null, occurred_latest, occurred_earliest, event_id
