-- What happened between two days, at the precision the source gives.
-- Events stream in date order from the occurred_earliest index: an event overlapping the window started
-- at most the widest date uncertainty of any event (date_precision_counts) before :from, so the index is
-- read from there, not from the first event. Undated events (no window asked) come first, as NULLs sort.
with bounds as (
    select
        -- from the start of :from's month, so that an impossible day (2010-02-30) cannot move the bound later
        coalesce(
            date(:from, 'start of month', '-' || max(widest_days) || ' days'), '0000-01-01'
        ) as first_earliest,
        case when :to = '' then '9999-12-31' else :to end as last_earliest
    from date_precision_counts
    where fact_table = 'events' and date_column = 'occurred'
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
where :from = '' and :to = '' and occurred_earliest is null
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
    and events_overview.occurred_latest >= :from
order by occurred_earliest, occurred_latest, event_id
