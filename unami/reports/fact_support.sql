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
),

-- each fact's claims, read once: those of other sources that agree, those that disagree, the inferences
claim_lists as (
    select
        fact_claims.fact_table,
        fact_claims.fact_id,
        group_concat(
            case
                when fact_claims.stance = 'agrees' and fact_claims.basis = 'stated'
                    then coalesce(sources.publisher, sources.name) || ': ' || fact_claims.claim
            end,
            ' | '
        ) as agreeing_claims,
        group_concat(
            case
                when fact_claims.stance = 'disagrees'
                    then coalesce(sources.publisher, sources.name) || ': ' || fact_claims.claim
            end,
            ' | '
        ) as disagreeing_claims,
        group_concat(
            case when fact_claims.basis = 'inferred' then fact_claims.claim || ' (' || fact_claims.rule || ')' end,
            ' | '
        ) as inferences
    from fact_claims
    inner join source_sections on fact_claims.source_section_id = source_sections.id
    inner join sources on source_sections.source_id = sources.id
    group by fact_claims.fact_table, fact_claims.fact_id
)

select
    asked.fact_table,
    asked.fact_id,
    asked.label,
    asked.sources,
    asked.disagreeing_sources,
    asked.inferred_claims,
    source_sections.citation as cited_by,
    claim_lists.agreeing_claims,
    claim_lists.disagreeing_claims,
    claim_lists.inferences
from asked
inner join source_sections on asked.source_section_id = source_sections.id
left join claim_lists on asked.fact_table = claim_lists.fact_table and asked.fact_id = claim_lists.fact_id
order by asked.sources asc, asked.fact_table asc, asked.fact_id asc
