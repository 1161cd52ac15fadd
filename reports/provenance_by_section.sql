-- How many facts each source section supports, table by table.
-- each table counted by section on its own, where its source_section_id index covers the count
with facts as (
    select
        'countries' as fact_table,
        source_section_id,
        count(*) as facts
    from countries
    group by source_section_id
    union all
    select
        'organizations',
        source_section_id,
        count(*)
    from organizations
    group by source_section_id
    union all
    select
        'missions',
        source_section_id,
        count(*)
    from missions
    group by source_section_id
    union all
    select
        'mission_names',
        source_section_id,
        count(*)
    from mission_names
    group by source_section_id
    union all
    select
        'mission_organizations',
        source_section_id,
        count(*)
    from mission_organizations
    group by source_section_id
    union all
    select
        'people',
        source_section_id,
        count(*)
    from people
    group by source_section_id
    union all
    select
        'person_names',
        source_section_id,
        count(*)
    from person_names
    group by source_section_id
    union all
    select
        'person_nationalities',
        source_section_id,
        count(*)
    from person_nationalities
    group by source_section_id
    union all
    select
        'person_educations',
        source_section_id,
        count(*)
    from person_educations
    group by source_section_id
    union all
    select
        'positions',
        source_section_id,
        count(*)
    from positions
    group by source_section_id
    union all
    select
        'appointments',
        source_section_id,
        count(*)
    from appointments
    group by source_section_id
    union all
    select
        'resolutions',
        source_section_id,
        count(*)
    from resolutions
    group by source_section_id
    union all
    select
        'resolution_actions',
        source_section_id,
        count(*)
    from resolution_actions
    group by source_section_id
    union all
    select
        'mandate_areas',
        source_section_id,
        count(*)
    from mandate_areas
    group by source_section_id
    union all
    select
        'mandate_tasks',
        source_section_id,
        count(*)
    from mandate_tasks
    group by source_section_id
    union all
    select
        'events',
        source_section_id,
        count(*)
    from events
    group by source_section_id
    union all
    select
        'event_participants',
        source_section_id,
        count(*)
    from event_participants
    group by source_section_id
    union all
    select
        'event_resolutions',
        source_section_id,
        count(*)
    from event_resolutions
    group by source_section_id
    union all
    select
        'outcomes',
        source_section_id,
        count(*)
    from outcomes
    group by source_section_id
    union all
    select
        'staffing_counts',
        source_section_id,
        count(*)
    from staffing_counts
    group by source_section_id
    union all
    select
        'contingents',
        source_section_id,
        count(*)
    from contingents
    group by source_section_id
    union all
    select
        'contingent_strengths',
        source_section_id,
        count(*)
    from contingent_strengths
    group by source_section_id
    union all
    select
        'contingent_links',
        source_section_id,
        count(*)
    from contingent_links
    group by source_section_id
    union all
    select
        'discrepancy_claims',
        source_section_id,
        count(*)
    from discrepancy_claims
    group by source_section_id
),

section_totals as (
    select
        source_section_id,
        sum(facts) as section_facts
    from facts
    group by source_section_id
)

select
    sources.name as source,
    sources.key as source_key,
    source_sections.position as section_position,
    source_sections.name as section,
    facts.fact_table,
    facts.facts,
    section_totals.section_facts,
    sources.url as source_url,
    sources.licence
from facts
inner join source_sections on facts.source_section_id = source_sections.id
inner join sources on source_sections.source_id = sources.id
inner join section_totals on facts.source_section_id = section_totals.source_section_id
where :source = '' or sources.key = :source
order by sources.key, source_sections.position, facts.fact_table
