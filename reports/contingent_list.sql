-- The source's list of uniformed contributions, entry by entry.
with listed as (
    select
        contingent_id,
        status,
        list_position,
        country,
        iso3,
        country_unknown_reason,
        duty,
        deployed_date,
        withdrawn_date,
        troops,
        military_observers,
        defence_civilians,
        personnel,
        is_approximate,
        note,
        source_section
    from contingents_overview
    where
        (:status = '' or status = :status)
        and (:country = '' or country = :country or iso3 = :country)
)

select
    status,
    list_position,
    country,
    iso3,
    country_unknown_reason,
    troops,
    military_observers,
    defence_civilians,
    personnel,
    is_approximate,
    deployed_date,
    withdrawn_date,
    duty,
    note,
    source_section,
    contingent_id
from listed
order by status = 'current' desc, list_position
