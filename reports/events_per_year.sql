-- Events by year and kind; an event whose year is uncertain is counted apart, not placed in a year.
with dated as (
    select
        event_kind,
        case
            when substr(occurred_earliest, 1, 4) = substr(occurred_latest, 1, 4)
                then cast(substr(occurred_earliest, 1, 4) as integer)
        end as event_year
    from events
    where :kind = '' or event_kind = :kind
)

select
    event_year,
    event_kind,
    count(*) as events
from dated
group by event_year, event_kind
order by event_year is null, event_year, event_kind
