-- Who held each mission post on a given day; unknown ends are shown as such, not guessed.
-- Each tenure's reach is summarized at build (tenure_spans): for a day, only the tenures that started
-- within the longest reach before it are read, by index, instead of every tenure of every post.
-- A year (2010) or a month (2010-01) asks about the whole period, from its first to its last day;
-- a day is a period of one day. Anything else (2010-13, 2010-02-30, x) has no first day and matches nothing.
with period as (
    select
        first_day(:date) as first_day,
        last_day(:date) as last_day
),

candidates as (
    select tenure_spans.appointment_id
    from tenure_spans
    where
        trim(:date) != ''
        and tenure_spans.started_earliest
        -- a reach past year 0000 (a tenure that may never have ended) reads from the first tenure on
        between coalesce(
            date((select period.first_day from period), '-' || (
                select max(longest.span_days) from tenure_spans as longest
                where longest.timeline_rank is not null  -- mission posts
            ) || ' days'), '0000-01-01'
        )
        and (select period.last_day from period)
        and tenure_spans.possible_until >= (select period.first_day from period)
    union all
    -- a tenure with no stated dates, over the reach of the tenure it served under (as the chart draws it)
    select tenure_spans.appointment_id
    from tenure_spans
    where
        trim(:date) != ''
        and tenure_spans.started_earliest is null
        and tenure_spans.bar_start <= (select period.last_day from period)
        and tenure_spans.bar_end >= (select period.first_day from period)
),

tenures as (
    select
        appointments_joined.appointment_id,
        appointments_joined.position,
        appointments_joined.person,
        appointments_joined.nationality,
        appointments_joined.started_date,
        appointments_joined.started_earliest,
        appointments_joined.started_latest,
        appointments_joined.ended_date,
        appointments_joined.ended_earliest,
        appointments_joined.ended_latest,
        -- a tenure with no stated end is over once a later holder of the same post has certainly started
        tenure_spans.succeeded_by,
        -- no tenure in a mission outlives the mission itself
        missions.ended_latest as mission_ended_latest,
        tenure_spans.bar_start,
        tenure_spans.post_rank,
        tenure_spans.holders_rank,
        period.first_day,
        period.last_day
    from candidates
    cross join period
    inner join appointments_joined on candidates.appointment_id = appointments_joined.appointment_id
    inner join tenure_spans on candidates.appointment_id = tenure_spans.appointment_id
    inner join positions on appointments_joined.position_id = positions.id
    inner join missions on positions.mission_id = missions.id
),

judged as (
    select
        appointment_id,
        position,
        person,
        nationality,
        started_date,
        ended_date,
        -- in office at some time in the period: started by its last day, not ended before its first
        case
            when started_earliest is null and bar_start is not null
                then 'possibly in office (dates not stated; served under the head then in office)'
            when started_latest <= last_day and ended_earliest >= first_day then 'certainly in office'
            when
                started_latest <= last_day and ended_date is null
                and (succeeded_by is null or succeeded_by > first_day)
                and (mission_ended_latest is null or first_day <= mission_ended_latest)
                then 'in office unless the tenure ended earlier (end not stated)'
            when
                started_earliest <= last_day
                and (ended_latest >= first_day or ended_date is null)
                and (mission_ended_latest is null or first_day <= mission_ended_latest)
                -- a successor's start ends only a tenure whose own end is not stated
                and (ended_date is not null or succeeded_by is null or succeeded_by > first_day)
                then 'possibly in office (dates known only roughly)'
        end as in_office,
        post_rank,
        holders_rank,
        first_day
    from tenures
)

-- A blank date lists every tenure of every mission post, read in order from the index on holders_rank (no
-- sort of every tenure: a page shows the first 1,000 at once). A compound's ORDER BY names a result
-- column, so both branches give listing_order: heads of mission first, then by post, the certainly in
-- office first within a post (with a date), then by person and tenure (tenure_spans' ranks, set at build).
select
    :date as asked_date,
    appointments_joined.position,
    appointments_joined.person,
    appointments_joined.nationality,
    appointments_joined.started_date,
    coalesce(appointments_joined.ended_date, 'not stated') as ended_date,
    'no date asked' as in_office,
    appointments_joined.appointment_id,
    tenure_spans.holders_rank as listing_order
from tenure_spans
inner join appointments_joined on tenure_spans.appointment_id = appointments_joined.appointment_id
where trim(:date) = '' and tenure_spans.holders_rank is not null
union all
select
    :date as asked_date,
    position,
    person,
    nationality,
    started_date,
    coalesce(ended_date, 'not stated') as ended_date,
    in_office,
    appointment_id,
    (post_rank * 2 + (in_office != 'certainly in office')) * 1000000000 + holders_rank as listing_order
from judged
where
    trim(:date) != ''
    and in_office is not null
    -- a period that does not begin on a real ISO day (2010-13, 2010-02-30, x) matches nothing;
    -- '+0 days' normalizes 2010-02-30 to 2010-03-02, which plain date() would pass through
    and date(first_day, '+0 days') = first_day
order by listing_order
