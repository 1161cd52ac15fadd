-- Who held each mission post on a given day; unknown ends are shown as such, not guessed.
with tenures as (
    select
        appointments_overview.appointment_id,
        appointments_overview.position_id,
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
        -- no tenure in a mission outlives the mission itself
        missions.ended_latest as mission_ended_latest
    from appointments_overview
    inner join positions on appointments_overview.position_id = positions.id
    inner join missions on positions.mission_id = missions.id
),

-- a tenure with no stated end is over once a later holder of the same post has certainly started
succeeded as (
    select distinct earlier.appointment_id
    from tenures as earlier
    inner join tenures as later
        on
            earlier.position_id = later.position_id
            and earlier.started_latest < later.started_earliest
    where later.started_latest <= :date
),

judged as (
    select
        tenures.appointment_id,
        tenures.position,
        tenures.position_level,
        tenures.person,
        tenures.nationality,
        tenures.started_date,
        tenures.ended_date,
        case
            when :date = '' then 'no date asked'
            when tenures.started_latest <= :date and tenures.ended_earliest >= :date then 'certainly in office'
            when
                tenures.started_latest <= :date and tenures.ended_date is null and succeeded.appointment_id is null
                and (tenures.mission_ended_latest is null or :date <= tenures.mission_ended_latest)
                then 'in office unless the tenure ended earlier (end not stated)'
            when
                tenures.started_earliest <= :date
                and (tenures.ended_latest >= :date or tenures.ended_date is null)
                and (tenures.mission_ended_latest is null or :date <= tenures.mission_ended_latest)
                and succeeded.appointment_id is null
                then 'possibly in office (dates known only roughly)'
        end as in_office
    from tenures
    left join succeeded on tenures.appointment_id = succeeded.appointment_id
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
order by position_level = 'head of mission' desc, position, in_office = 'certainly in office' desc, person
