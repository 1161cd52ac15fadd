insert into tenure_spans (
    appointment_id, position_id, started_earliest, started_latest, later_started_latest_min,
    bar_start, bar_end, bar_basis, timeline_rank, post_rank, holders_rank
)
with tenures as (
    select
        appointments.id,
        appointments.position_id,
        appointments.started_earliest,
        appointments.started_latest,
        appointments.ended_latest,
        positions.level,
        positions.name as position,
        people.name as person,
        missions.id as mission_id,
        missions.ended_latest as mission_ended_latest,
        heads.started_earliest as head_started_earliest,
        lead(appointments.started_earliest) over (
            partition by appointments.position_id order by appointments.started_earliest
        ) as next_holder_started_earliest,
        -- with ties, RANGE takes in every holder who started on the same earliest day
        min(appointments.started_latest) over (
            partition by appointments.position_id
            order by appointments.started_earliest desc
            range between unbounded preceding and current row
        ) as later_started_latest_min
    from appointments
    inner join positions on appointments.position_id = positions.id
    inner join people on appointments.person_id = people.id
    left join missions on positions.mission_id = missions.id
    left join appointments as heads on appointments.served_under_appointment_id = heads.id
),

bars as (
    select
        *,
        -- bar_end is set below, from the reach (possible_until) post_holders_on_date also reads
        coalesce(started_earliest, head_started_earliest) as bar_start,
        case
            when started_earliest is null then 'dates not stated: drawn over the tenure served under'
            when ended_latest is not null then 'stated dates'
            when next_holder_started_earliest is not null
                then 'end not stated: drawn until a later holder has certainly started'
            else 'end not stated: drawn to the mission''s end'
        end as bar_basis
    from tenures
)

-- the timeline (bars and rank) shows mission posts only
select
    id,
    position_id,
    started_earliest,
    started_latest,
    later_started_latest_min,
    case when mission_id is not null then bar_start end,
    null,
    case when mission_id is not null then bar_basis end,
    case when mission_id is not null then row_number() over (
        partition by mission_id is not null
        order by level = 'head of mission' desc, coalesce(started_earliest, bar_start) asc, position asc, person asc
    ) end,
    -- post_holders_on_date's order: heads of mission first, then by post, person and tenure
    case when mission_id is not null then dense_rank() over (
        partition by mission_id is not null
        order by level = 'head of mission' desc, position asc
    ) end,
    case when mission_id is not null then row_number() over (
        partition by mission_id is not null
        order by level = 'head of mission' desc, position asc, person asc, id asc
    ) end
from bars;

-- Succession: the first later holder (by earliest start) after this tenure's latest start, and
-- the smallest latest-start from there on; found by the index on (position_id, started_earliest)
-- instead of comparing every pair of tenures of a post.
update tenure_spans set
    succeeded_by = (
        select later.later_started_latest_min
        from tenure_spans as later
        where
            later.position_id = tenure_spans.position_id
            and later.started_earliest > tenure_spans.started_latest
        order by later.started_earliest
        limit 1
    )
where started_latest is not null;

update tenure_spans set
    possible_until = (
        select
            case
                when appointments.ended_date is not null then appointments.ended_latest
                else min(
                    coalesce(date(tenure_spans.succeeded_by, '-1 day'), '9999-12-31'),
                    coalesce(missions.ended_latest, '9999-12-31')
                )
            end
        from appointments
        inner join positions on appointments.position_id = positions.id
        left join missions on positions.mission_id = missions.id
        where appointments.id = tenure_spans.appointment_id
    )
where started_earliest is not null;

-- 9999-12-31 means "no bound known" (an open tenure outside any mission): it has no span in days.
update tenure_spans set span_days = cast(julianday(possible_until) - julianday(started_earliest) as integer)
where possible_until is not null and possible_until != '9999-12-31';

-- A bar ends where the tenure's reach ends, so the chart shows in office on a day exactly the tenures
-- post_holders_on_date lists for it; a tenure with no stated dates is drawn over the reach of the tenure
-- it served under (the report lists it as possibly in office then).
update tenure_spans set
    bar_end = coalesce(nullif(possible_until, '9999-12-31'), (
        select heads.possible_until
        from appointments
        inner join tenure_spans as heads on appointments.served_under_appointment_id = heads.appointment_id
        where appointments.id = tenure_spans.appointment_id
    ))
where bar_start is not null;
