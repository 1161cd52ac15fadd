-- What happened between two days, at the precision the source gives.
-- Events stream in date order from the occurred_earliest index: an event overlapping the window started
-- at most the widest date uncertainty of any event (date_precision_counts) before :from, so the index is
-- read from there, not from the first event. Undated events (no window asked) come first, as NULLs sort.
-- A year or a month is accepted as an edge: `from` its first day, `to` its last (2024 = 2024-01-01 .. 2024-12-31).
with window_edges as (
    select
        first_day(:from) as first_day,
        last_day(:to) as last_day
),

bounds as (
    select
        window_edges.first_day,
        -- from the start of the first month, so that an impossible day (2010-02-30) cannot move the bound later
        coalesce(
            date(window_edges.first_day, 'start of month', '-' || max(date_precision_counts.widest_days) || ' days'),
            '0000-01-01'
        ) as first_earliest,
        case when window_edges.last_day = '' then '9999-12-31' else window_edges.last_day end as last_earliest
    from date_precision_counts
    cross join window_edges
    where date_precision_counts.fact_table = 'events' and date_precision_counts.date_column = 'occurred'
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
    event_id,
    occurred_earliest,
    occurred_latest
from events_joined
where trim(:from) = '' and trim(:to) = '' and occurred_earliest is null
union all
select
    events_joined.occurred_date,
    events_joined.occurred_precision,
    events_joined.event_kind,
    events_joined.name,
    events_joined.description,
    events_joined.mission,
    events_joined.deaths,
    events_joined.participants,
    events_joined.resolutions,
    events_joined.source_section,
    events_joined.event_id,
    events_joined.occurred_earliest,
    events_joined.occurred_latest
from events_joined
where
    -- scalar subqueries, computed once: events stays the only loop, read in occurred_earliest order
    events_joined.occurred_earliest
    between (select bounds.first_earliest from bounds) and (select bounds.last_earliest from bounds)
    and events_joined.occurred_latest >= (select bounds.first_day from bounds)
    -- a set ([2019, 2023]: 2019 or 2023) overlaps the window only if one of its members does
    and (
        events_joined.occurred_precision != 'one of a set'
        or set_overlaps(
            events_joined.occurred_date,
            (select bounds.first_day from bounds),
            (select bounds.last_earliest from bounds)
        )
    )
order by occurred_earliest, occurred_latest, event_id
