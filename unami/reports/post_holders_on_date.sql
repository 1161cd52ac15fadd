-- Who held each mission post on a given day; unknown ends are shown as such, not guessed.
-- Each tenure's reach is summarized at build (tenure_spans): for a day, only the tenures that started
-- within the longest reach before it are read, by index, instead of every tenure of every post.
with candidates as (
    select tenure_spans.appointment_id
    from tenure_spans
    where :date = ''
    union all
    select tenure_spans.appointment_id
    from tenure_spans
    where
        :date != ''
        and tenure_spans.started_earliest
        -- a reach past year 0000 (a tenure that may never have ended) reads from the first tenure on
        between coalesce(
            date(:date, '-' || (
                select max(longest.span_days) from tenure_spans as longest
                where longest.timeline_rank is not null  -- mission posts
            ) || ' days'), '0000-01-01'
        )
        and :date
        and tenure_spans.possible_until >= :date
),

tenures as (
    select
        appointments_overview.appointment_id,
        appointments_overview.position,
        appointments_overview.position_level,
        appointments_overview.person,
        appointments_overview.nationality,
        appointments_overview.started_date,
        appointments_overview.started_earliest,
        appointments_overview.started_latest,
        appointments_overview.ended_date,
        appointments_overview.ended_earliest,
        appointments_overview.ended_latest,
        -- a tenure with no stated end is over once a later holder of the same post has certainly started
        tenure_spans.succeeded_by,
        -- no tenure in a mission outlives the mission itself
        missions.ended_latest as mission_ended_latest
    from candidates
    inner join appointments_overview on candidates.appointment_id = appointments_overview.appointment_id
    inner join tenure_spans on candidates.appointment_id = tenure_spans.appointment_id
    inner join positions on appointments_overview.position_id = positions.id
    inner join missions on positions.mission_id = missions.id
),

judged as (
    select
        appointment_id,
        position,
        position_level,
        person,
        nationality,
        started_date,
        ended_date,
        case
            when :date = '' then 'no date asked'
            when started_latest <= :date and ended_earliest >= :date then 'certainly in office'
            when
                started_latest <= :date and ended_date is null
                and (succeeded_by is null or succeeded_by > :date)
                and (mission_ended_latest is null or :date <= mission_ended_latest)
                then 'in office unless the tenure ended earlier (end not stated)'
            when
                started_earliest <= :date
                and (ended_latest >= :date or ended_date is null)
                and (mission_ended_latest is null or :date <= mission_ended_latest)
                and (succeeded_by is null or succeeded_by > :date)
                then 'possibly in office (dates known only roughly)'
        end as in_office
    from tenures
)

select
    :date as asked_date,
    position,
    person,
    nationality,
    started_date,
    coalesce(ended_date, 'not stated') as ended_date,
    in_office,
    appointment_id
from judged
where
    in_office is not null
    -- anything but a real ISO day (2010, 2010-13-01, 2010-02-30, x) matches nothing;
    -- '+0 days' normalizes 2010-02-30 to 2010-03-02, which plain date() would pass through
    and (:date = '' or date(:date, '+0 days') = :date)
order by
    position_level = 'head of mission' desc,
    position asc,
    in_office = 'certainly in office' desc,
    person asc,
    appointment_id asc
