-- What a reader browses, in the order of the source's list; keys and list positions stay in contingents_joined.
select
    contingent_id,
    mission,
    status,
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
from contingents_joined
order by list_position, contingent_id
