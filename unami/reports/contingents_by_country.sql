-- Uniformed contributions by country and personnel type; unnamed countries counted as unknown, never guessed.
-- "not stated" stands for a listed contribution whose strength the source does not give:
-- it still counts as a contribution
with personnel_types as (
    select 'troops' as personnel_type
    union all
    select 'military observers' as personnel_type
    union all
    select 'defence civilians' as personnel_type
    union all
    select 'not stated' as personnel_type
),

strengths as (
    select
        contingents_joined.contingent_id,
        contingents_joined.status,
        contingents_joined.country,
        contingents_joined.iso3,
        contingents_joined.country_id,
        contingents_joined.is_approximate,
        contingents_joined.personnel as contribution_personnel,
        personnel_types.personnel_type,
        case personnel_types.personnel_type
            when 'troops' then contingents_joined.troops
            when 'military observers' then contingents_joined.military_observers
            when 'defence civilians' then contingents_joined.defence_civilians
        end as personnel
    from contingents_joined
    cross join personnel_types
    -- any case; 'both' or 'all' as blank
    where lower(trim(:status)) in ('', 'both', 'all') or contingents_joined.status = lower(trim(:status))
),

all_rows as (
    select
        contingent_id,
        status,
        country,
        iso3,
        country_id,
        is_approximate,
        personnel_type,
        personnel
    from strengths
    where personnel is not null or (personnel_type = 'not stated' and contribution_personnel is null)
)

select
    status,
    country,
    iso3,
    personnel_type,
    count(distinct contingent_id) as contributions,
    sum(personnel) as personnel,
    -- "around 550": the sum includes a figure the source gives as approximate
    max(is_approximate) as includes_approximate,
    max(country_id is null) as is_country_unknown
from all_rows
group by status, country_id, country, iso3, personnel_type
order by status = 'current' desc, is_country_unknown, personnel desc, country asc, personnel_type asc
