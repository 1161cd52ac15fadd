-- Who led the mission and its deputies, in order, at the precision the source gives.
with mission_tenures as (
    select
        appointments_overview.appointment_id,
        appointments_overview.person_id,
        appointments_overview.person,
        appointments_overview.nationality,
        appointments_overview.position,
        appointments_overview.position_level,
        appointments_overview.started_date,
        appointments_overview.started_precision,
        appointments_overview.started_earliest,
        appointments_overview.started_latest,
        appointments_overview.ended_date,
        appointments_overview.ended_precision,
        appointments_overview.ended_earliest,
        appointments_overview.ended_latest,
        appointments_overview.heading_years,
        appointments_overview.served_under_appointment_id,
        appointments_overview.served_under,
        appointments_overview.next_position,
        appointments_overview.source_section,
        missions.ended_latest as mission_ended_latest,
        lead(appointments_overview.started_earliest) over (
            partition by appointments_overview.position_id
            order by appointments_overview.started_earliest
        ) as next_holder_started_earliest
    from appointments_overview
    inner join missions on appointments_overview.mission = missions.abbreviation
    -- posts first (a small table), then their tenures by index
    where appointments_overview.position_id in (
        select positions.id from positions
        where :position = '' or positions.name = :position or positions.level = :position
    )
),

-- chart bounds only: where the source states no date, the bar is drawn to the nearest stated fact
bars as (
    select
        mission_tenures.appointment_id,
        coalesce(mission_tenures.started_earliest, heads.started_earliest) as bar_start,
        case
            when mission_tenures.ended_latest is not null then mission_tenures.ended_latest
            when mission_tenures.started_earliest is null then heads.ended_latest
            when mission_tenures.next_holder_started_earliest is not null
                then mission_tenures.next_holder_started_earliest
            else mission_tenures.mission_ended_latest
        end as bar_end,
        case
            when mission_tenures.started_earliest is null then 'dates not stated: drawn over the tenure served under'
            when mission_tenures.ended_latest is not null then 'stated dates'
            when mission_tenures.next_holder_started_earliest is not null
                then 'end not stated: drawn to the next holder''s start'
            else 'end not stated: drawn to the mission''s end'
        end as bar_basis
    from mission_tenures
    left join appointments as heads on mission_tenures.served_under_appointment_id = heads.id
)

select
    mission_tenures.appointment_id,
    mission_tenures.position,
    mission_tenures.position_level,
    mission_tenures.person,
    mission_tenures.person_id,
    mission_tenures.nationality,
    mission_tenures.started_date,
    mission_tenures.started_precision,
    mission_tenures.ended_date,
    coalesce(mission_tenures.ended_precision, 'not stated') as ended_precision,
    mission_tenures.heading_years,
    cast(julianday(mission_tenures.ended_earliest) - julianday(mission_tenures.started_latest) as integer)
        as days_in_office_at_least,
    cast(julianday(mission_tenures.ended_latest) - julianday(mission_tenures.started_earliest) as integer)
        as days_in_office_at_most,
    mission_tenures.served_under,
    mission_tenures.next_position,
    bars.bar_start,
    bars.bar_end,
    bars.bar_basis,
    mission_tenures.source_section
from mission_tenures
inner join bars on mission_tenures.appointment_id = bars.appointment_id
order by
    mission_tenures.position_level = 'head of mission' desc,
    coalesce(mission_tenures.started_earliest, bars.bar_start) asc,
    mission_tenures.position asc,
    mission_tenures.person asc
