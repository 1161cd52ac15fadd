-- How the mandate's tasks and the mission's outcomes spread over the components.
with task_counts as (
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
-- the components asked for, by key or name (closeness() ignores case, accents, hyphens against spaces);
-- failing an exact match, those whose key or name starts with what was typed ('electoral')
where
    trim(:component) = ''
    or closeness(:component, mandate_components.key, mandate_components.name) = (
        select min(closeness(:component, candidates.key, candidates.name)) from mandate_components as candidates
    )
order by tasks desc, mandate_components.name asc
