-- What happened between two days, at the precision the source gives.
-- Events stream in date order from the occurred_earliest index: an event overlapping the window started
-- at most the widest date uncertainty of any event (date_precision_counts) before :from, so the index is
-- read from there, not from the first event. Undated events (no window asked) come first, as NULLs sort.
-- A year or a month is accepted as an edge: `from` its first day, `to` its last (2024 = 2024-01-01 .. 2024-12-31).
with window_edges as (
    select
        case
            when trim(:from) glob '[0-9][0-9][0-9][0-9]' then trim(:from) || '-01-01'
            when trim(:from) glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]' then trim(:from) || '-01'
            else trim(:from)
        end as first_day,
        case
            when trim(:to) glob '[0-9][0-9][0-9][0-9]' then trim(:to) || '-12-31'
            when trim(:to) glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]' then date(trim(:to) || '-01', '+1 month', '-1 day')
            else trim(:to)
        end as last_day
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
from events_overview
where trim(:from) = '' and trim(:to) = '' and occurred_earliest is null
union all
select
    events_overview.occurred_date,
    events_overview.occurred_precision,
    events_overview.event_kind,
    events_overview.name,
    events_overview.description,
    events_overview.mission,
    events_overview.deaths,
    events_overview.participants,
    events_overview.resolutions,
    events_overview.source_section,
    events_overview.event_id,
    events_overview.occurred_earliest,
    events_overview.occurred_latest
from events_overview
where
    -- scalar subqueries, computed once: events stays the only loop, read in occurred_earliest order
    events_overview.occurred_earliest
    between (select bounds.first_earliest from bounds) and (select bounds.last_earliest from bounds)
    and events_overview.occurred_latest >= (select bounds.first_day from bounds)
order by occurred_earliest, occurred_latest, event_id
