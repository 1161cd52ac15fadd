-- How the mandate's tasks and the mission's outcomes spread over the components.
with -- the components asked for: key or name in any case, with spaces or hyphens ('electoral assistance',
-- 'Human Rights', accents ignored); failing that, those whose key or name starts with what was typed ('electoral')
asked_components as (
    select
        id,
        case
            when
                replace(key, '-', ' ') = replace(lower(trim(:component)), '-', ' ')
                or folded(name) = folded(:component)
                then 1
            when
                replace(key, '-', ' ') like replace(trim(:component), '-', ' ') || '%'
                or name like trim(:component) || '%'
                then 2
        end as closeness
    from mandate_components
    where trim(:component) != ''
),

nearest_components as (
    select asked_components.id from asked_components
    where asked_components.closeness = (select min(nearest.closeness) from asked_components as nearest)
),

task_counts as (
    select
        component_id,
        count(*) as tasks,
        count(distinct mandate_area_id) as areas
    from mandate_tasks
    group by component_id
),

outcome_counts as (
    select
        component_id,
        count(*) as outcomes
    from outcomes
    where component_id is not null
    group by component_id
),

totals as (
    select count(*) as all_tasks
    from mandate_tasks
)

select
    mandate_components.key as component_key,
    mandate_components.name as component,
    mandate_components.description,
    coalesce(task_counts.tasks, 0) as tasks,
    coalesce(task_counts.areas, 0) as areas,
    round(100.0 * coalesce(task_counts.tasks, 0) / nullif(totals.all_tasks, 0), 1) as share_of_tasks_percent,
    coalesce(outcome_counts.outcomes, 0) as outcomes
from mandate_components
cross join totals
left join task_counts on mandate_components.id = task_counts.component_id
left join outcome_counts on mandate_components.id = outcome_counts.component_id
where trim(:component) = '' or mandate_components.id in (select nearest_components.id from nearest_components)
order by tasks desc, mandate_components.name asc
