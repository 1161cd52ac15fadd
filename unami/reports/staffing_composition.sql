-- Staff by category with each category's share of the total for the same date.
with counts as (
    select
        staffing_counts.mission_id,
        staffing_counts.observed_date,
        staffing_counts.observed_earliest,
        staffing_counts.category,
        staffing_counts.personnel_count,
        staffing_counts.is_approximate,
        source_sections.citation
    from staffing_counts
    inner join source_sections on staffing_counts.source_section_id = source_sections.id
    -- a range on the indexed day rather than substr() of it, so the index finds the year
    -- a year, or a month or day of it (2023-06, 2023-06-30): the year it falls in
    where
        (trim(:year) = '' and staffing_counts.observed_earliest is null)
        or (
            (trim(:year) = '' or trim(:year) glob '[0-9][0-9][0-9][0-9]*')
            and staffing_counts.observed_earliest
            between coalesce(nullif(substr(trim(:year), 1, 4), ''), '0000') || '-01-01'
            and coalesce(nullif(substr(trim(:year), 1, 4), ''), '9999') || '-12-31'
        )
),

totals as (
    select
        mission_id,
        observed_date,
        personnel_count as total
    from counts
    where category = 'total'
)

select
    missions.abbreviation as mission,
    counts.observed_date,
    counts.category,
    counts.personnel_count,
    counts.is_approximate,
    round(100.0 * counts.personnel_count / nullif(totals.total, 0), 1) as share_percent,
    counts.citation as source_section
from counts
inner join missions on counts.mission_id = missions.id
left join totals
    on
        counts.mission_id = totals.mission_id
        and counts.observed_date = totals.observed_date
order by counts.observed_earliest asc, counts.category = 'total' desc, counts.personnel_count desc
