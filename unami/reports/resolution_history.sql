-- Security Council resolutions and what each did to the mission.
-- the number asked for, in any of the forms people write it: 1500, S/RES/1500, S/RES/1500 (2003),
-- resolution 1500, Resolution 1500 (2003)
with asked as (
    select
        trim(replace(replace(replace(lower(trim(:resolution)), 's/res/', ''), 'resolution', ''), 'no.', ''))
            as number
),

asked_number as (
    select
        trim(case when instr(number, '(') > 0 then substr(number, 1, instr(number, '(') - 1) else number end)
            as number
    from asked
)

select
    resolutions.number,
    resolutions.name as resolution,
    resolutions.symbol,
    resolutions.adopted_date,
    resolutions.adopted_precision,
    resolutions.is_unanimous,
    resolutions.votes_for,
    resolutions.votes_against,
    resolutions.abstentions,
    missions.abbreviation as mission,
    resolution_actions.action,
    resolution_actions.mandate_end_date,
    resolution_actions.description as what_it_did,
    coalesce(action_sections.citation, resolution_sections.citation) as source_section
from resolutions
inner join source_sections as resolution_sections on resolutions.source_section_id = resolution_sections.id
-- an action's mission and section are never missing (NOT NULL foreign keys): the left joins only keep
-- a resolution without a recorded action
left join resolution_actions on resolutions.id = resolution_actions.resolution_id
left join missions on resolution_actions.mission_id = missions.id
left join source_sections as action_sections on resolution_actions.source_section_id = action_sections.id
where trim(:resolution) = '' or cast(resolutions.number as text) = (select asked_number.number from asked_number)
order by resolutions.adopted_earliest, resolutions.number, resolution_actions.action
