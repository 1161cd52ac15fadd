insert into event_year_counts (event_year, event_kind, events)
select
    case
        when substr(occurred_earliest, 1, 4) = substr(occurred_latest, 1, 4)
            then cast(substr(occurred_earliest, 1, 4) as integer)
    end as event_year,
    event_kind,
    count(*)
from events
group by 1, 2
order by 1, 2;
