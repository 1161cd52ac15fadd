-- What happened between two days, at the precision the source gives.
with window_events as (
    select
        event_id,
        occurred_date,
        occurred_precision,
        occurred_earliest,
        occurred_latest,
        event_kind,
        name,
        description,
        mission,
        deaths,
        participants,
        resolutions,
        source_section
    from events_overview
    where
        (:from = '' or occurred_latest >= :from)
        and (:to = '' or occurred_earliest <= :to)
)

select
    occurred_date,
    occurred_precision,
    event_kind,
    name,
    description,
    mission,
    deaths,
    participants,
    resolutions,
    source_section,
    event_id
from window_events
order by occurred_earliest, occurred_latest, event_id
