-- Who held each mission post on a given day; unknown ends are shown as such, not guessed.
with tenures as (
    select
        appointment_id,
        position_id,
        position,
        position_level,
        person,
        nationality,
        started_date,
        started_earliest,
        started_latest,
        ended_date,
        ended_earliest,
        ended_latest
    from appointments_overview
    where mission is not null
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
                then 'in office unless the tenure ended earlier (end not stated)'
            when
                tenures.started_earliest <= :date
                and (tenures.ended_latest >= :date or tenures.ended_date is null)
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
where in_office is not null
order by position_level = 'head of mission' desc, position, in_office = 'certainly in office' desc, person
