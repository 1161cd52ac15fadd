-- Every source with what it supports: the fact rows that cite it, the claims it makes about other rows
-- (agreeing, disagreeing, inferred) and the disagreements it takes part in.
with table_facts as (
    select
        source_sections.source_id,
        section_fact_counts.fact_table,
        sum(section_fact_counts.facts) as facts
    from section_fact_counts
    inner join source_sections on section_fact_counts.source_section_id = source_sections.id
    where section_fact_counts.fact_table not in ('fact_claims', 'discrepancy_claims')
    group by source_sections.source_id, section_fact_counts.fact_table
    order by source_sections.source_id asc, section_fact_counts.fact_table asc
),

-- one entry per table (summed over the source's sections), in table-name order
section_facts as (
    select
        source_id,
        sum(facts) as fact_rows,
        group_concat(fact_table || ' ' || facts, ', ') as fact_tables
    from table_facts
    group by source_id
),

claims as (
    select
        source_sections.source_id,
        count(
            distinct case
                when fact_claims.stance = 'agrees' and fact_claims.basis = 'stated'
                    then fact_claims.fact_table || '#' || fact_claims.fact_id
            end
        ) as rows_corroborated,
        sum(fact_claims.stance = 'disagrees') as disagreeing_claims,
        sum(fact_claims.basis = 'inferred') as inferences
    from fact_claims
    inner join source_sections on fact_claims.source_section_id = source_sections.id
    group by source_sections.source_id
),

disagreements as (
    select
        source_sections.source_id,
        count(distinct discrepancy_claims.discrepancy_id) as discrepancies
    from discrepancy_claims
    inner join source_sections on discrepancy_claims.source_section_id = source_sections.id
    group by source_sections.source_id
)

select
    sources.key as source_key,
    sources.name as title,
    sources.publisher,
    sources.source_kind,
    sources.published_date,
    sources.accessed_date,
    sources.revision,
    sources.licence,
    sources.url,
    coalesce(section_facts.fact_rows, 0) + coalesce(claims.rows_corroborated, 0) as facts_supported,
    coalesce(section_facts.fact_rows, 0) as fact_rows,
    section_facts.fact_tables,
    coalesce(claims.rows_corroborated, 0) as rows_corroborated,
    coalesce(claims.disagreeing_claims, 0) as disagreeing_claims,
    coalesce(claims.inferences, 0) as inferences,
    coalesce(disagreements.discrepancies, 0) as discrepancies
from sources
left join section_facts on sources.id = section_facts.source_id
left join claims on sources.id = claims.source_id
left join disagreements on sources.id = disagreements.source_id
-- kind in any case, or a source's key
where
    trim(:kind) = ''
    or lower(sources.source_kind) = lower(trim(:kind))
    or sources.key = lower(trim(:kind))
order by sources.published_earliest is null, sources.published_earliest, sources.key
