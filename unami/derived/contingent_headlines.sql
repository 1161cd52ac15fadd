insert into contingent_headlines
(contingent_id, troops, military_observers, defence_civilians, personnel, is_approximate, figures, figures_by_source)
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
    sum(case when strength_rank = 1 and personnel_type = 'troops' then personnel_count end),
    sum(case when strength_rank = 1 and personnel_type = 'military observers' then personnel_count end),
    sum(case when strength_rank = 1 and personnel_type = 'defence civilians' then personnel_count end),
    sum(case when strength_rank = 1 then personnel_count end),
    max(case when strength_rank = 1 then is_approximate end),
    count(*),
    -- every source's figure beside its date, oldest first (an undated figure last); past ten figures (a
    -- monthly series), the first ten and how many more: the full series is in contingent_strengths
    (
        select group_concat(shown.figure, '; ')
        from (
            select
                contingent_strengths.personnel_count || ' ' || contingent_strengths.personnel_type || ' ('
                || coalesce(contingent_strengths.observed_date, 'undated') || ', '
                || coalesce(sources.publisher, sources.name) || ')'
                    as figure
            from contingent_strengths
            inner join source_sections on contingent_strengths.source_section_id = source_sections.id
            inner join sources on source_sections.source_id = sources.id
            where contingent_strengths.contingent_id = ranked_strengths.contingent_id
            order by contingent_strengths.observed_earliest asc nulls last
            limit 10
        ) as shown
    ) || iif(count(*) > 10, '; and ' || (count(*) - 10) || ' more in contingent_strengths', '')
from ranked_strengths
group by contingent_id;
