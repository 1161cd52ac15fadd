-- Who led the mission and its deputies, in order, at the precision the source gives.
-- Order and successors are summarized at build (tenure_spans, which also holds the chart's bars, see
-- unami/dashboard.py): the rows stream in timeline order.
-- The posts asked for (positions is a short lookup table): an exact title or level in any case (accents ignored), the
-- abbreviations people use (SRSG, DSRSG, head, deputy); failing those, every post whose title holds the text.
with asked_positions as (
    select
        id,
        case
            when
                folded(name) = folded(:position)
                or level = lower(trim(:position))
                or (lower(trim(:position)) in ('head', 'heads', 'heads of mission') and level = 'head of mission')
                or (
                    lower(trim(:position)) in ('deputy', 'deputies', 'deputy heads of mission')
                    and level = 'deputy head of mission'
                )
                or (
                    upper(trim(:position)) = 'SRSG'
                    and name like 'Special Representative of the Secretary-General%'
                )
                or (
                    upper(replace(trim(:position), ' ', '')) in ('DSRSG', 'DEPUTYSRSG')
                    and name like 'Deputy Special Representative%'
                )
                then 1
            when instr(folded(name), folded(:position)) > 0 then 2
        end as closeness
    from positions
)

select
    appointments_joined.appointment_id,
    appointments_joined.position,
    appointments_joined.position_level,
    appointments_joined.person,
    appointments_joined.person_id,
    appointments_joined.nationality,
    appointments_joined.started_date,
    appointments_joined.started_precision,
    appointments_joined.ended_date,
    coalesce(appointments_joined.ended_precision, 'not stated') as ended_precision,
    appointments_joined.heading_years,
    cast(julianday(appointments_joined.ended_earliest) - julianday(appointments_joined.started_latest) as integer)
        as days_in_office_at_least,
    cast(julianday(appointments_joined.ended_latest) - julianday(appointments_joined.started_earliest) as integer)
        as days_in_office_at_most,
    appointments_joined.served_under,
    appointments_joined.next_position,
    -- what other sources (and the project's inferences) say of the start and end, each with its date
    (
        select group_concat(by_source.claim, ' | ')
        from (
            select
                fact_claims.fact_column || ': ' || fact_claims.claim
                || ' (' || coalesce(sources.publisher, sources.name)
                || coalesce(', ' || sources.published_date, '')
                || case when fact_claims.basis = 'inferred' then ', inferred' else '' end
                || case when fact_claims.stance = 'disagrees' then ', disagrees' else '' end || ')' as claim
            from fact_claims
            inner join source_sections on fact_claims.source_section_id = source_sections.id
            inner join sources on source_sections.source_id = sources.id
            where
                fact_claims.fact_table = 'appointments'
                and fact_claims.fact_id = tenure_spans.appointment_id
                and fact_claims.fact_column in ('started', 'ended')
            order by fact_claims.fact_column desc, sources.published_earliest asc
        ) as by_source
    ) as dates_by_source,
    appointments_joined.source_section
from tenure_spans
inner join appointments_joined on tenure_spans.appointment_id = appointments_joined.appointment_id
where
    tenure_spans.timeline_rank is not null  -- mission posts
    -- unary + keeps the planner on the timeline_rank index (rows stream in order, no sort of every tenure)
    and +tenure_spans.position_id in (
        select asked_positions.id from asked_positions
        where
            trim(:position) = ''
            or asked_positions.closeness = (select min(nearest.closeness) from asked_positions as nearest)
    )
order by tenure_spans.timeline_rank
