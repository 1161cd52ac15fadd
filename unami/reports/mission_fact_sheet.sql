-- One mission on one page: identity, dates and headline counts, each with its source.
-- Every count is taken for the selected missions only, by their indexes.
with selected_missions as (
    select
        missions.id,
        missions.name,
        missions.abbreviation,
        missions.mission_type,
        missions.status,
        missions.leader_title,
        missions.mandate_review_cycle,
        missions.established_date,
        missions.ended_date,
        organizations.name as parent_organization,
        source_sections.citation,
        source_sections.source_id
    from missions
    inner join source_sections on missions.source_section_id = source_sections.id
    left join organizations on missions.parent_organization_id = organizations.id
    -- abbreviation, key or English name in any case, accents ignored
    where
        trim(:mission) = ''
        or missions.abbreviation = upper(trim(:mission))
        or missions.key = lower(trim(:mission))
        or folded(missions.name) = folded(:mission)
),

other_names as (
    select
        mission_names.mission_id,
        group_concat(mission_names.name || ' (' || mission_names.language || ')', '; ') as names,
        min(source_sections.citation) as citation
    from mission_names
    inner join source_sections on mission_names.source_section_id = source_sections.id
    where
        mission_names.language != 'en'
        and mission_names.mission_id in (select selected_missions.id from selected_missions)
    group by mission_names.mission_id
),

-- A column the row's own source states in another section than the row cites (fact_claims).
column_citations as (
    select
        fact_claims.fact_id as mission_id,
        fact_claims.fact_column,
        min(source_sections.citation) as citation
    from fact_claims
    inner join source_sections on fact_claims.source_section_id = source_sections.id
    inner join selected_missions
        on
            fact_claims.fact_id = selected_missions.id
            and source_sections.source_id = selected_missions.source_id
    where
        fact_claims.fact_table = 'missions'
        and fact_claims.basis = 'stated'
        and fact_claims.stance = 'agrees'
    group by fact_claims.fact_id, fact_claims.fact_column
),

-- the computed counts, one fact per mission each
counts as (
    select
        positions.mission_id,
        11 as position,
        'Heads of mission (people)' as fact,
        cast(count(distinct appointments.person_id) as text) as value
    from appointments
    inner join positions on appointments.position_id = positions.id
    where
        positions.level = 'head of mission'
        and positions.mission_id in (select selected_missions.id from selected_missions)
    group by positions.mission_id
    union all
    select
        mission_id,
        12,
        'Resolutions acting on the mission',
        cast(count(distinct resolution_id) as text)
    from resolution_actions
    where mission_id in (select selected_missions.id from selected_missions)
    group by mission_id
    union all
    select
        mission_id,
        14,
        'Uniformed contributions',
        sum(status = 'current') || ' current, ' || sum(status = 'former') || ' former ('
        || sum(country_id is null) || ' from countries the source does not name)'
    from contingents
    where mission_id in (select selected_missions.id from selected_missions)
    group by mission_id
),

latest_staffing as (
    select
        staffing_counts.mission_id,
        staffing_counts.observed_date,
        staffing_counts.personnel_count,
        staffing_counts.is_approximate,
        source_sections.citation,
        row_number() over (
            partition by staffing_counts.mission_id order by staffing_counts.observed_latest desc
        ) as recency
    from staffing_counts
    inner join source_sections on staffing_counts.source_section_id = source_sections.id
    where
        staffing_counts.category = 'total'
        and staffing_counts.mission_id in (select selected_missions.id from selected_missions)
),

facts as (
    select
        id as mission_id,
        1 as position,
        'Name' as fact,
        name as value,
        citation
    from selected_missions
    union all
    select
        id,
        2,
        'Abbreviation',
        abbreviation,
        citation
    from selected_missions
    union all
    select
        selected_missions.id,
        3,
        'Other names',
        other_names.names,
        other_names.citation
    from selected_missions inner join other_names on selected_missions.id = other_names.mission_id
    union all
    select
        id,
        4,
        'Type',
        mission_type,
        citation
    from selected_missions
    union all
    select
        id,
        5,
        'Status',
        status,
        citation
    from selected_missions
    union all
    select
        id,
        6,
        'Head of mission',
        leader_title,
        citation
    from selected_missions
    union all
    select
        id,
        7,
        'Parent organization',
        parent_organization,
        citation
    from selected_missions
    union all
    select
        id,
        8,
        'Established',
        established_date,
        citation
    from selected_missions
    union all
    select
        id,
        9,
        'Ended',
        selected_missions.ended_date,
        coalesce(column_citations.citation, selected_missions.citation)
    from selected_missions
    left join column_citations
        on selected_missions.id = column_citations.mission_id and column_citations.fact_column = 'ended'
    union all
    select
        id,
        10,
        'Mandate review',
        selected_missions.mandate_review_cycle,
        coalesce(column_citations.citation, selected_missions.citation)
    from selected_missions
    left join column_citations
        on
            selected_missions.id = column_citations.mission_id
            and column_citations.fact_column = 'mandate_review_cycle'
    union all
    select
        mission_id,
        position,
        fact,
        value,
        'computed'
    from counts
    union all
    select
        selected_missions.id,
        13,
        'Latest staff count',
        case when latest_staffing.is_approximate = 1 then 'about ' else '' end
        || latest_staffing.personnel_count || ' (' || latest_staffing.observed_date || ')',
        latest_staffing.citation
    from selected_missions
    inner join latest_staffing on selected_missions.id = latest_staffing.mission_id
    where latest_staffing.recency = 1
)

select
    selected_missions.abbreviation as mission,
    facts.position,
    facts.fact,
    facts.value,
    facts.citation as source_section
from facts
inner join selected_missions on facts.mission_id = selected_missions.id
where facts.value is not null
order by selected_missions.abbreviation, facts.position
