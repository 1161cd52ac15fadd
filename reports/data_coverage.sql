-- How precisely each kind of date is known: day, month, year, ... or not stated at all.
with dates as (
    select
        'missions' as fact_table,
        'established' as date_column,
        established_precision as date_precision
    from missions
    union all
    select
        'missions',
        'ended',
        ended_precision
    from missions
    union all
    select
        'person_educations',
        'completed',
        completed_precision
    from person_educations
    union all
    select
        'appointments',
        'started',
        started_precision
    from appointments
    union all
    select
        'appointments',
        'ended',
        ended_precision
    from appointments
    union all
    select
        'resolutions',
        'adopted',
        adopted_precision
    from resolutions
    union all
    select
        'resolution_actions',
        'mandate_end',
        mandate_end_precision
    from resolution_actions
    union all
    select
        'events',
        'occurred',
        occurred_precision
    from events
    union all
    select
        'outcomes',
        'started',
        started_precision
    from outcomes
    union all
    select
        'staffing_counts',
        'observed',
        observed_precision
    from staffing_counts
    union all
    select
        'contingents',
        'deployed',
        deployed_precision
    from contingents
    union all
    select
        'contingents',
        'withdrawn',
        withdrawn_precision
    from contingents
    union all
    select
        'contingent_strengths',
        'observed',
        observed_precision
    from contingent_strengths
),

counted as (
    select
        fact_table,
        date_column,
        coalesce(date_precision, 'not stated') as date_precision,
        count(*) as facts
    from dates
    group by fact_table, date_column, coalesce(date_precision, 'not stated')
)

select
    fact_table,
    date_column,
    date_precision,
    facts,
    round(100.0 * facts / sum(facts) over (partition by fact_table, date_column), 1) as share_percent,
    date_precision in ('month', 'year', 'decade', 'interval', 'one of a set') as is_coarser_than_day
from counted
where :precision = '' or date_precision = :precision
order by
    fact_table,
    date_column,
    case date_precision
        when 'day' then 1 when 'month' then 2 when 'year' then 3 when 'decade' then 4
        when 'interval' then 5 when 'one of a set' then 6 else 7
    end
