-- The source's list of uniformed contributions, entry by entry.
-- Built on the tables rather than contingents_overview so that the filters pick the contributions first
-- and only their strengths are ranked; the headline rule is the view's.
with listed as (
    select
        contingents.id as contingent_id,
        contingents.status,
        contingents.list_position,
        coalesce(countries.name, 'unknown') as country,
        countries.iso3,
        contingents.country_unknown_reason,
        contingents.duty,
        contingents.deployed_date,
        contingents.withdrawn_date,
        contingents.note,
        source_sections.citation as source_section
    from contingents
    inner join missions on contingents.mission_id = missions.id
    inner join source_sections on contingents.source_section_id = source_sections.id
    left join countries on contingents.country_id = countries.id
    where
        (:status = '' or contingents.status = :status)
        and (
            contingents.country_id in (
                select asked_countries.id from countries as asked_countries
                where
                    :country = ''
                    or asked_countries.name = :country
                    or asked_countries.iso3 = :country
            )
            or (contingents.country_id is null and :country in ('', 'unknown'))
        )
),

ranked_strengths as (
    select
        contingent_id,
        personnel_type,
        personnel_count,
        is_approximate,
        row_number() over (
            partition by contingent_id, personnel_type
            order by observed_date is null desc, observed_latest desc, id asc
        ) as strength_rank
    from contingent_strengths
    where contingent_id in (select listed.contingent_id from listed)
),

headline_strengths as (
    select
        contingent_id,
        sum(case when personnel_type = 'troops' then personnel_count end) as troops,
        sum(case when personnel_type = 'military observers' then personnel_count end) as military_observers,
        sum(case when personnel_type = 'defence civilians' then personnel_count end) as defence_civilians,
        sum(personnel_count) as personnel,
        max(is_approximate) as is_approximate
    from ranked_strengths
    where strength_rank = 1
    group by contingent_id
)

select
    listed.status,
    listed.list_position,
    listed.country,
    listed.iso3,
    listed.country_unknown_reason,
    headline_strengths.troops,
    headline_strengths.military_observers,
    headline_strengths.defence_civilians,
    headline_strengths.personnel,
    headline_strengths.is_approximate,
    listed.deployed_date,
    listed.withdrawn_date,
    listed.duty,
    listed.note,
    listed.source_section,
    listed.contingent_id
from listed
left join headline_strengths on listed.contingent_id = headline_strengths.contingent_id
order by listed.status = 'current' desc, listed.list_position asc
