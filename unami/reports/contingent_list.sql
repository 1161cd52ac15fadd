-- The source's list of uniformed contributions, entry by entry, with the headline strengths summarized at build.
with listed as (
    select
        contingents_joined.contingent_id,
        contingents_joined.status,
        contingents_joined.list_position,
        contingents_joined.country,
        contingents_joined.iso3,
        contingents_joined.country_unknown_reason,
        contingents_joined.duty,
        contingents_joined.deployed_date,
        contingents_joined.withdrawn_date,
        contingents_joined.note,
        contingents_joined.source_section
    from contingents_joined
    where
        (lower(trim(:status)) in ('', 'both', 'all') or contingents_joined.status = lower(trim(:status)))
        and (
            contingents_joined.country_id in (
                select asked_countries.id from countries as asked_countries
                -- name (any case, accents ignored) or ISO3 code (countries is a short lookup table)
                where
                    trim(:country) = ''
                    or folded(asked_countries.name) = folded(:country)
                    or asked_countries.iso3 = upper(trim(:country))
            )
            or (contingents_joined.country_id is null and folded(:country) in ('', 'unknown'))
        )
)

select
    listed.status,
    listed.list_position,
    listed.country,
    listed.iso3,
    listed.country_unknown_reason,
    contingent_headlines.troops,
    contingent_headlines.military_observers,
    contingent_headlines.defence_civilians,
    contingent_headlines.personnel,
    contingent_headlines.is_approximate,
    -- every source's figure beside its date (summarized at build: the first ten of a monthly series)
    contingent_headlines.figures_by_source as strengths_by_source,
    listed.deployed_date,
    listed.withdrawn_date,
    listed.duty,
    listed.note,
    listed.source_section,
    listed.contingent_id
from listed
left join contingent_headlines on listed.contingent_id = contingent_headlines.contingent_id
order by listed.status = 'current' desc, listed.list_position asc
