-- How many facts each source section supports, table by table.
with facts as (
    select
        'countries' as fact_table,
        source_section_id
    from countries
    union all
    select
        'organizations',
        source_section_id
    from organizations
    union all
    select
        'missions',
        source_section_id
    from missions
    union all
    select
        'mission_names',
        source_section_id
    from mission_names
    union all
    select
        'mission_organizations',
        source_section_id
    from mission_organizations
    union all
    select
        'people',
        source_section_id
    from people
    union all
    select
        'person_names',
        source_section_id
    from person_names
    union all
    select
        'person_nationalities',
        source_section_id
    from person_nationalities
    union all
    select
        'person_educations',
        source_section_id
    from person_educations
    union all
    select
        'positions',
        source_section_id
    from positions
    union all
    select
        'appointments',
        source_section_id
    from appointments
    union all
    select
        'resolutions',
        source_section_id
    from resolutions
    union all
    select
        'resolution_actions',
        source_section_id
    from resolution_actions
    union all
    select
        'mandate_areas',
        source_section_id
    from mandate_areas
    union all
    select
        'mandate_tasks',
        source_section_id
    from mandate_tasks
    union all
    select
        'events',
        source_section_id
    from events
    union all
    select
        'event_participants',
        source_section_id
    from event_participants
    union all
    select
        'event_resolutions',
        source_section_id
    from event_resolutions
    union all
    select
        'outcomes',
        source_section_id
    from outcomes
    union all
    select
        'staffing_counts',
        source_section_id
    from staffing_counts
    union all
    select
        'contingents',
        source_section_id
    from contingents
    union all
    select
        'contingent_strengths',
        source_section_id
    from contingent_strengths
    union all
    select
        'contingent_links',
        source_section_id
    from contingent_links
    union all
    select
        'discrepancy_claims',
        source_section_id
    from discrepancy_claims
),

section_totals as (
    select
        source_section_id,
        count(*) as section_facts
    from facts
    group by source_section_id
)

select
    sources.name as source,
    sources.key as source_key,
    source_sections.position as section_position,
    source_sections.name as section,
    facts.fact_table,
    count(*) as facts,
    section_totals.section_facts,
    sources.url as source_url,
    sources.licence
from facts
inner join source_sections on facts.source_section_id = source_sections.id
inner join sources on source_sections.source_id = sources.id
inner join section_totals on facts.source_section_id = section_totals.source_section_id
where :source = '' or sources.key = :source
group by sources.id, source_sections.id, facts.fact_table
order by sources.key, source_sections.position, facts.fact_table
