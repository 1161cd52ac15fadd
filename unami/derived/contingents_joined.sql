-- headline strengths are summarized once per build (contingent_headlines), not ranked per request
select
    contingents.id as contingent_id,
    contingents.key as contingent_key,
    missions.abbreviation as mission,
    contingents.status,
    contingents.list_position,
    contingents.country_id,
    coalesce(countries.name, 'unknown') as country,
    countries.iso3,
    contingents.country_unknown_reason,
    contingents.duty,
    contingents.deployed_date,
    contingents.withdrawn_date,
    contingent_headlines.troops,
    contingent_headlines.military_observers,
    contingent_headlines.defence_civilians,
    contingent_headlines.personnel,
    contingent_headlines.is_approximate,
    contingents.note,
    source_sections.citation as source_section
from contingents
inner join missions on contingents.mission_id = missions.id
inner join source_sections on contingents.source_section_id = source_sections.id
left join countries on contingents.country_id = countries.id
left join contingent_headlines on contingents.id = contingent_headlines.contingent_id
