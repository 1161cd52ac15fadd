-- The mandate as the source lists it: areas, their tasks, and the component each task is coded to.
select
    missions.abbreviation as mission,
    mandate_areas.area_kind,
    mandate_areas.position as area_position,
    mandate_areas.name as area,
    resolutions.name as set_by_resolution,
    mandate_tasks.position as task_position,
    mandate_tasks.description as task,
    mandate_components.name as component,
    coalesce(task_sections.citation, area_sections.citation) as source_section
from mandate_areas
inner join missions on mandate_areas.mission_id = missions.id
inner join source_sections as area_sections on mandate_areas.source_section_id = area_sections.id
left join resolutions on mandate_areas.resolution_id = resolutions.id
-- a task's component and section are never missing (NOT NULL foreign keys): the left joins only keep
-- an area without tasks
left join mandate_tasks on mandate_areas.id = mandate_tasks.mandate_area_id
left join mandate_components on mandate_tasks.component_id = mandate_components.id
left join source_sections as task_sections on mandate_tasks.source_section_id = task_sections.id
-- the components asked for, by key or name (closeness() ignores case, accents, hyphens against spaces);
-- failing an exact match, those whose key or name starts with what was typed ('electoral')
where
    trim(:component) = '' or mandate_tasks.component_id in (
        select asked.id from mandate_components as asked
        where closeness(:component, asked.key, asked.name) = (
            select min(closeness(:component, key, name)) from mandate_components
        )
    )
order by missions.abbreviation asc, mandate_areas.area_kind desc, mandate_areas.position asc, mandate_tasks.position asc
