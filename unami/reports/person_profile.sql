-- Everything the sources say about one person: names, nationality, studies, posts and events.
-- One branch per kind of fact, each reading the chosen people in name order and their facts by
-- person_id, merged in that order: rows stream out (blank, everyone, is not sorted as a whole).

-- the people asked for, found once (not once per branch): by key, id, or part of any spelling
-- (LIKE ignores the case of ASCII letters only)
with spelled_people as materialized (
    select id from people
    where
        trim(:person) != ''
        and (
            key = :person
            or cast(id as text) = :person
            or name like '%' || trim(:person) || '%'
            or id in (
                select person_id from person_names
                where name like '%' || trim(:person) || '%'
            )
        )
),

-- failing that, the words of the name as typed, in any case and without accents (Kubis finds Ján Kubiš),
-- each word the start of a word of the name: the people_fts index folds case and diacritics, and the
-- text is quoted word by word so that nothing typed is read as FTS5 syntax
asked_people as materialized (
    select spelled_people.id from spelled_people
    union all
    select people_fts.rowid from people_fts
    where
        trim(:person) != ''
        and not exists (select 1 from spelled_people)
        -- a NUL would end the FTS5 query text inside its quotes: such a value finds nobody here
        and instr(cast(:person as blob), x'00') = 0
        and people_fts.name match '"' || replace(replace(trim(:person), '"', ''), ' ', '"* "') || '"*'
),

-- inlined in each branch, which reads people in name order (the CROSS JOINs keep people first)
chosen_people as not materialized (
    select
        id,
        name
    from people
    where :person = '' or id in (select asked_people.id from asked_people)
)

select
    chosen_people.name as person,
    'name' as fact,
    person_names.name_form as detail,
    person_names.name as value,
    source_sections.citation as source_section,
    chosen_people.id as person_id,
    1 as fact_order,
    null as fact_date
from chosen_people
cross join person_names on chosen_people.id = person_names.person_id
inner join source_sections on person_names.source_section_id = source_sections.id
union all
select
    chosen_people.name,
    'nationality',
    person_nationalities.basis,
    countries.name as value,
    source_sections.citation,
    chosen_people.id,
    2,
    null
from chosen_people
cross join person_nationalities on chosen_people.id = person_nationalities.person_id
inner join countries on person_nationalities.country_id = countries.id
inner join source_sections on person_nationalities.source_section_id = source_sections.id
union all
-- no source read gives the person's nationality: said so, not left out
select
    chosen_people.name,
    'nationality',
    'not stated by any source read',
    null,
    null,
    chosen_people.id,
    2,
    null
from chosen_people
where
    not exists (
        select 1 from person_nationalities
        where person_nationalities.person_id = chosen_people.id
    )
union all
select
    chosen_people.name,
    'education',
    trim(coalesce(person_educations.degree || ' ', '') || coalesce(person_educations.field, '')),
    person_educations.institution
    || coalesce(' (' || person_educations.completed_date || ')', ''),
    source_sections.citation,
    chosen_people.id,
    3,
    person_educations.completed_earliest
from chosen_people
cross join person_educations on chosen_people.id = person_educations.person_id
inner join source_sections on person_educations.source_section_id = source_sections.id
union all
select
    chosen_people.name,
    'post',
    coalesce(appointments.started_date, '?') || ' to ' || coalesce(appointments.ended_date, 'not stated'),
    positions.name as value,
    source_sections.citation,
    chosen_people.id,
    4,
    appointments.started_earliest
from chosen_people
cross join appointments on chosen_people.id = appointments.person_id
inner join positions on appointments.position_id = positions.id
inner join source_sections on appointments.source_section_id = source_sections.id
union all
select
    chosen_people.name,
    'event',
    event_participants.role || coalesce(' ' || events.occurred_date, ''),
    events.name as value,
    source_sections.citation,
    chosen_people.id,
    5,
    events.occurred_earliest
from chosen_people
cross join event_participants on chosen_people.id = event_participants.person_id
inner join events on event_participants.event_id = events.id
inner join source_sections on event_participants.source_section_id = source_sections.id
union all
select
    chosen_people.name,
    'contradiction',
    discrepancies.discrepancy_kind,
    discrepancies.name as value,
    'see the contradictions report',
    chosen_people.id,
    6,
    null
from chosen_people
cross join discrepancies on chosen_people.id = discrepancies.person_id
order by person, person_id, fact_order, fact_date, value
