-- Each fact row with the number of sources stating it, fewest first: single-source facts lead.
-- Counted once per build (fact_source_counts); the agreeing and disagreeing sources are named from fact_claims.
with asked as (
    select
        fact_source_counts.fact_table,
        fact_source_counts.fact_id,
        fact_source_counts.label,
        fact_source_counts.sources,
        fact_source_counts.disagreeing_sources,
        fact_source_counts.inferred_claims,
        fact_source_counts.source_section_id
    from fact_source_counts
    where trim(:fact_table) = '' or fact_source_counts.fact_table = lower(trim(:fact_table))
)

select
    asked.fact_table,
    asked.fact_id,
    asked.label,
    asked.sources,
    asked.disagreeing_sources,
    asked.inferred_claims,
    source_sections.citation as cited_by,
    (
        select group_concat(sources.publisher || ': ' || fact_claims.claim, ' | ')
        from fact_claims
        inner join source_sections as claim_sections on fact_claims.source_section_id = claim_sections.id
        inner join sources on claim_sections.source_id = sources.id
        where
            fact_claims.fact_table = asked.fact_table
            and fact_claims.fact_id = asked.fact_id
            and fact_claims.stance = 'agrees'
            and fact_claims.basis = 'stated'
    ) as agreeing_claims,
    (
        select group_concat(sources.publisher || ': ' || fact_claims.claim, ' | ')
        from fact_claims
        inner join source_sections as claim_sections on fact_claims.source_section_id = claim_sections.id
        inner join sources on claim_sections.source_id = sources.id
        where
            fact_claims.fact_table = asked.fact_table
            and fact_claims.fact_id = asked.fact_id
            and fact_claims.stance = 'disagrees'
    ) as disagreeing_claims,
    (
        select group_concat(fact_claims.claim || ' (' || fact_claims.rule || ')', ' | ')
        from fact_claims
        where
            fact_claims.fact_table = asked.fact_table
            and fact_claims.fact_id = asked.fact_id
            and fact_claims.basis = 'inferred'
    ) as inferences
from asked
inner join source_sections on asked.source_section_id = source_sections.id
order by asked.sources asc, asked.fact_table asc, asked.fact_id asc
