-- What happened between two days, at the precision the source gives.
-- Materialized so the planner seeks the window by index instead of walking the order-by index whole.
with window_events as materialized (
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
    -- not `:from = '' or ...`, which no index serves: this form seeks occurred_latest from :from
    where
        (
            (:from = '' and occurred_latest is null)
            or occurred_latest >= :from
        )
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
