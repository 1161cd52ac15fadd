-- Where a source disagrees with itself or sources disagree with each other: each claim beside the section making it.
with claims as (
    select
        discrepancy_claims.discrepancy_id,
        discrepancy_claims.claim,
        source_sections.citation,
        source_sections.position as section_position
    from discrepancy_claims
    inner join source_sections on discrepancy_claims.source_section_id = source_sections.id
)

select
    discrepancies.key as discrepancy_key,
    discrepancies.discrepancy_kind,
    discrepancies.name as discrepancy,
    discrepancies.description,
    people.name as person,
    resolutions.name as resolution,
    positions.name as position,
    claims.claim,
    claims.citation as source_section,
    discrepancies.id as discrepancy_id
from discrepancies
inner join claims on discrepancies.id = claims.discrepancy_id
left join people on discrepancies.person_id = people.id
left join resolutions on discrepancies.resolution_id = resolutions.id
left join positions on discrepancies.position_id = positions.id
-- a kind or any part of one (date, name), any case, accents and surrounding spaces ignored
where trim(:kind) = '' or instr(discrepancies.discrepancy_kind, folded(:kind)) > 0
order by discrepancies.discrepancy_kind, discrepancies.name, claims.section_position, claims.claim
