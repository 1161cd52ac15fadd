-- How precisely each kind of date is known: day, month, year, ... or not stated at all.
-- counted once per build by the date_precision_counts summary (every EDTF date of every fact table);
-- the share is taken before the precision filter, so a filtered row keeps its share of all dates
with counted as (
    select
        fact_table,
        date_column,
        date_precision,
        facts,
        round(100.0 * facts / sum(facts) over (partition by fact_table, date_column), 1) as share_percent
    from date_precision_counts
)

select
    fact_table,
    date_column,
    date_precision,
    facts,
    share_percent,
    date_precision in ('month', 'year', 'decade', 'interval', 'one of a set') as is_coarser_than_day
from counted
-- any case, surrounding spaces ignored; 'days', 'months', 'years' for day, month, year
where
    trim(:precision) = ''
    or date_precision = lower(trim(:precision))
    or date_precision || 's' = lower(trim(:precision))
order by
    fact_table,
    date_column,
    case date_precision
        when 'day' then 1 when 'month' then 2 when 'year' then 3 when 'decade' then 4
        when 'interval' then 5 when 'one of a set' then 6 else 7
    end
