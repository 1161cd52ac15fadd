-- Everything the sources say about one person: names, nationality, studies, posts and events.
with chosen_people as materialized (
    select
        id,
        name
    from people
    where
        :person = ''
        or key = :person
        or cast(id as text) = :person
        or name like '%' || :person || '%'
        or id in (
            select person_id from person_names
            where name like '%' || :person || '%'
        )
),

-- each branch is filtered by person so that only the chosen people's facts are read
facts as (
    select
        person_names.person_id,
        1 as position,
        'name' as fact,
        person_names.name_form as detail,
        person_names.name as value,
        null as sort_date,
        person_names.source_section_id
    from person_names
    where person_names.person_id in (select chosen_people.id from chosen_people)
    union all
    select
        person_nationalities.person_id,
        2,
        'nationality',
        person_nationalities.basis,
        countries.name,
        null,
        person_nationalities.source_section_id
    from person_nationalities
    inner join countries on person_nationalities.country_id = countries.id
    where person_nationalities.person_id in (select chosen_people.id from chosen_people)
    union all
    select
        person_educations.person_id,
        3,
        'education',
        trim(coalesce(person_educations.degree || ' ', '') || coalesce(person_educations.field, '')),
        person_educations.institution
        || coalesce(' (' || person_educations.completed_date || ')', ''),
        person_educations.completed_earliest,
        person_educations.source_section_id
    from person_educations
    where person_educations.person_id in (select chosen_people.id from chosen_people)
    union all
    select
        appointments.person_id,
        4,
        'post',
        coalesce(appointments.started_date, '?') || ' to ' || coalesce(appointments.ended_date, 'not stated'),
        positions.name,
        appointments.started_earliest,
        appointments.source_section_id
    from appointments
    inner join positions on appointments.position_id = positions.id
    where appointments.person_id in (select chosen_people.id from chosen_people)
    union all
    select
        event_participants.person_id,
        5,
        'event',
        event_participants.role || coalesce(' ' || events.occurred_date, ''),
        events.name,
        events.occurred_earliest,
        event_participants.source_section_id
    from event_participants
    inner join events on event_participants.event_id = events.id
    where event_participants.person_id in (select chosen_people.id from chosen_people)
    union all
    select
        discrepancies.person_id,
        6,
        'contradiction',
        discrepancies.discrepancy_kind,
        discrepancies.name,
        null,
        null
    from discrepancies
    where discrepancies.person_id in (select chosen_people.id from chosen_people)
)

select
    chosen_people.name as person,
    facts.fact,
    facts.detail,
    facts.value,
    coalesce(source_sections.citation, 'see the contradictions report') as source_section,
    chosen_people.id as person_id
from facts
inner join chosen_people on facts.person_id = chosen_people.id
left join source_sections on facts.source_section_id = source_sections.id
order by chosen_people.name, facts.position, facts.sort_date, facts.value
