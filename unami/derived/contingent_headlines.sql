insert into contingent_headlines
(contingent_id, troops, military_observers, defence_civilians, personnel, is_approximate)
with ranked_strengths as (
    select
        contingent_id,
        personnel_type,
        personnel_count,
        is_approximate,
        row_number() over (
            partition by contingent_id, personnel_type
            order by observed_date is null desc, observed_latest desc, id asc
        ) as strength_rank
    from contingent_strengths
)

select
    contingent_id,
    sum(case when personnel_type = 'troops' then personnel_count end),
    sum(case when personnel_type = 'military observers' then personnel_count end),
    sum(case when personnel_type = 'defence civilians' then personnel_count end),
    sum(personnel_count),
    max(is_approximate)
from ranked_strengths
where strength_rank = 1
group by contingent_id;
