"""Friendly views for ad hoc SQL: the common joins done once, so a first query needs none.

Each view is declared here with its description and column descriptions (they feed
Datasette's metadata); migration 0003 copies the SQL so the revision never changes
meaning. A later migration that batch-recreates a table a view reads must drop the
view first and create it again afterwards (alembic cannot recreate a table a view
refers to).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    name: str
    description: str
    columns: dict[str, str]
    sql: str  # the SELECT after "CREATE VIEW name AS"

    def create_sql(self) -> str:
        return f"CREATE VIEW {self.name} AS\n{self.sql.strip()}"


APPOINTMENTS_OVERVIEW = View(
    "appointments_overview",
    "Every tenure with its person, post, mission and nationality already joined, one row per tenure.",
    {
        "appointment_id": "Tenure (appointments.id).",
        "appointment_key": "Natural key of the tenure.",
        "person_id": "Person (people.id).",
        "person": "Preferred form of the person's name.",
        "nationality": "Countries the source links the person to; the basis is given when it is a parent's.",
        "position_id": "Post (positions.id).",
        "position": "Title of the post.",
        "position_level": "Rank of the post within its mission.",
        "mission": "Abbreviation of the mission the post belongs to (NULL: outside any mission).",
        "started_date": "Start of the tenure as EDTF, at the precision the source gives (NULL: not stated).",
        "started_precision": "Precision of the start: day, month, year, ...",
        "started_earliest": "Earliest ISO day the tenure can have started.",
        "started_latest": "Latest ISO day the tenure can have started.",
        "ended_date": "End of the tenure as EDTF (NULL: not stated).",
        "ended_precision": "Precision of the end.",
        "ended_earliest": "Earliest ISO day the tenure can have ended.",
        "ended_latest": "Latest ISO day the tenure can have ended.",
        "heading_years": "Years printed in the article's section heading, kept apart from the text's dates.",
        "served_under_appointment_id": "Tenure of the head this holder served under (appointments.id), for deputies.",
        "served_under": "Head of mission this holder served under, for deputies.",
        "next_position": "The person's next post, if the source names it.",
        "end_reason": "Why the tenure ended, as far as the source says.",
        "note": "What else the source says about the tenure.",
        "source_section": "Source and section that state the tenure.",
    },
    """
select
    appointments.id as appointment_id,
    appointments.key as appointment_key,
    people.id as person_id,
    people.name as person,
    -- per row, not a whole-table aggregate, so a filter on the view reaches the indexes first
    (
        select group_concat(nationality_rows.label, '; ')
        from (
            select
                countries.name
                || case
                    when person_nationalities.basis = 'stated nationality' then ''
                    else ' (' || person_nationalities.basis || ')'
                end as label
            from person_nationalities
            inner join countries on person_nationalities.country_id = countries.id
            where person_nationalities.person_id = people.id
            order by person_nationalities.basis desc, countries.name
        ) as nationality_rows
    ) as nationality,
    positions.id as position_id,
    positions.name as position,
    positions.level as position_level,
    missions.abbreviation as mission,
    appointments.started_date,
    appointments.started_precision,
    appointments.started_earliest,
    appointments.started_latest,
    appointments.ended_date,
    appointments.ended_precision,
    appointments.ended_earliest,
    appointments.ended_latest,
    appointments.heading_years,
    appointments.served_under_appointment_id,
    head_people.name as served_under,
    next_positions.name as next_position,
    appointments.end_reason,
    appointments.note,
    source_sections.citation as source_section
from appointments
inner join people on appointments.person_id = people.id
inner join positions on appointments.position_id = positions.id
inner join source_sections on appointments.source_section_id = source_sections.id
left join missions on positions.mission_id = missions.id
left join appointments as head_appointments on appointments.served_under_appointment_id = head_appointments.id
left join people as head_people on head_appointments.person_id = head_people.id
left join appointments as next_appointments on appointments.next_appointment_id = next_appointments.id
left join positions as next_positions on next_appointments.position_id = next_positions.id
""",
)

CONTINGENTS_OVERVIEW = View(
    "contingents_overview",
    "Every uniformed contribution with its country and headline strength by type, one row per contribution."
    " An unnamed country shows as 'unknown', never guessed.",
    {
        "contingent_id": "Contribution (contingents.id).",
        "contingent_key": "Natural key of the contribution.",
        "mission": "Abbreviation of the mission served.",
        "status": "Current or former participant, as the source lists it.",
        "list_position": "Position in the source's list of contributions.",
        "country_id": "Contributing country (countries.id; NULL: the source does not name it).",
        "country": "Contributing country, or 'unknown' when the source does not name it.",
        "iso3": "ISO 3166-1 alpha-3 code of the country (NULL: unknown).",
        "country_unknown_reason": "Why the country is unknown, when it is.",
        "duty": "What the contingent did.",
        "deployed_date": "First deployment as EDTF (NULL: not stated).",
        "withdrawn_date": "Departure as EDTF (NULL: not stated).",
        "troops": "Headline number of troops (the figure the list gives; else the latest dated count).",
        "military_observers": "Headline number of military observers.",
        "defence_civilians": "Headline number of defence civilians.",
        "personnel": "Headline personnel of all types together.",
        "is_approximate": "1 when a headline figure is given as approximate (around, about).",
        "note": "Other facts about the contribution.",
        "source_section": "Source and section that list the contribution.",
    },
    """
-- headline strengths are summarized once per build (schema/summaries.py), not ranked per request
select
    contingents.id as contingent_id,
    contingents.key as contingent_key,
    missions.abbreviation as mission,
    contingents.status,
    contingents.list_position,
    contingents.country_id,
    coalesce(countries.name, 'unknown') as country,
    countries.iso3,
    contingents.country_unknown_reason,
    contingents.duty,
    contingents.deployed_date,
    contingents.withdrawn_date,
    contingent_headlines.troops,
    contingent_headlines.military_observers,
    contingent_headlines.defence_civilians,
    contingent_headlines.personnel,
    contingent_headlines.is_approximate,
    contingents.note,
    source_sections.citation as source_section
from contingents
inner join missions on contingents.mission_id = missions.id
inner join source_sections on contingents.source_section_id = source_sections.id
left join countries on contingents.country_id = countries.id
left join contingent_headlines on contingents.id = contingent_headlines.contingent_id
""",
)

EVENTS_OVERVIEW = View(
    "events_overview",
    "Every event with its mission, participants and resolutions in one row, one row per event.",
    {
        "event_id": "Event (events.id).",
        "event_key": "Natural key of the event.",
        "occurred_date": "Date of the event as EDTF (NULL: not stated).",
        "occurred_precision": "Precision of the date.",
        "occurred_earliest": "Earliest ISO day the event can have happened.",
        "occurred_latest": "Latest ISO day the event can have happened.",
        "event_kind": "Kind of event.",
        "name": "Short title of the event.",
        "description": "What happened.",
        "mission": "Abbreviation of the mission concerned (NULL: background).",
        "deaths": "People killed, if stated.",
        "participants": "People, bodies and countries that took part, with their role.",
        "resolutions": "Resolutions the event relates to.",
        "source_section": "Source and section that state the event.",
    },
    """
select
    events.id as event_id,
    events.key as event_key,
    events.occurred_date,
    events.occurred_precision,
    events.occurred_earliest,
    events.occurred_latest,
    events.event_kind,
    events.name,
    events.description,
    missions.abbreviation as mission,
    events.deaths,
    -- per row, not whole-table aggregates, so a filter on the view reaches the indexes first
    (
        select group_concat(participant_rows.label, '; ')
        from (
            select
                coalesce(people.name, organizations.name, countries.name)
                || ' (' || event_participants.role || ')' as label
            from event_participants
            left join people on event_participants.person_id = people.id
            left join organizations on event_participants.organization_id = organizations.id
            left join countries on event_participants.country_id = countries.id
            where event_participants.event_id = events.id
            order by event_participants.id
        ) as participant_rows
    ) as participants,
    (
        select group_concat(resolution_rows.name, '; ')
        from (
            select resolutions.name
            from event_resolutions
            inner join resolutions on event_resolutions.resolution_id = resolutions.id
            where event_resolutions.event_id = events.id
            order by resolutions.number
        ) as resolution_rows
    ) as resolutions,
    source_sections.citation as source_section
from events
inner join source_sections on events.source_section_id = source_sections.id
left join missions on events.mission_id = missions.id
""",
)

VIEWS = (APPOINTMENTS_OVERVIEW, CONTINGENTS_OVERVIEW, EVENTS_OVERVIEW)
