-- Events by year and kind; an event whose year is uncertain is counted apart, not placed in a year.
-- Counted once per build by the event_year_counts summary.
select
    event_year,
    event_kind,
    events
from event_year_counts
where :kind = '' or event_kind = :kind
order by event_year is null, event_year, event_kind
