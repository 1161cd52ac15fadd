-- The mandate as the source lists it: areas, their tasks, and the component each task is coded to.
with tasks as (
    select
        mandate_tasks.mandate_area_id,
        mandate_tasks.position,
        mandate_tasks.description,
        mandate_components.name as component,
        mandate_components.id as component_id,
        source_sections.citation
    from mandate_tasks
    inner join mandate_components on mandate_tasks.component_id = mandate_components.id
    inner join source_sections on mandate_tasks.source_section_id = source_sections.id
)

select
    missions.abbreviation as mission,
    mandate_areas.area_kind,
    mandate_areas.position as area_position,
    mandate_areas.name as area,
    resolutions.name as set_by_resolution,
    tasks.position as task_position,
    tasks.description as task,
    tasks.component,
    coalesce(tasks.citation, source_sections.citation) as source_section
from mandate_areas
inner join missions on mandate_areas.mission_id = missions.id
inner join source_sections on mandate_areas.source_section_id = source_sections.id
left join resolutions on mandate_areas.resolution_id = resolutions.id
left join tasks on mandate_areas.id = tasks.mandate_area_id
-- the components asked for, by key or name (closeness() ignores case, accents, hyphens against spaces);
-- failing an exact match, those whose key or name starts with what was typed ('electoral')
where
    trim(:component) = '' or tasks.component_id in (
        select asked.id from mandate_components as asked
        where closeness(:component, asked.key, asked.name) = (
            select min(closeness(:component, key, name)) from mandate_components
        )
    )
order by missions.abbreviation asc, mandate_areas.area_kind desc, mandate_areas.position asc, tasks.position asc
