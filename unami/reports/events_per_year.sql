-- Events by year and kind; an event whose year is uncertain is counted apart, not placed in a year.
-- Counted once per build by the event_year_counts summary.
select
    event_year,
    event_kind,
    events
from event_year_counts
-- any case, surrounding spaces ignored; 'resolutions' (a plural) as 'resolution'
where
    trim(:kind) = ''
    or event_kind = lower(trim(:kind))
    or event_kind || 's' = lower(trim(:kind))
order by event_year is null, event_year, event_kind
