-- How many facts each source section supports, table by table.
-- counted once per build by the section_fact_counts summary (every fact table)
with facts as (
    select
        fact_table,
        source_section_id,
        facts
    from section_fact_counts
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
-- key or name of the source, any case, accents ignored
where trim(:source) = '' or sources.key = lower(trim(:source)) or folded(sources.name) = folded(:source)
order by sources.key, source_sections.position, facts.fact_table
