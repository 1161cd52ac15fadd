"""Entity pages: a row of people, posts, tenures, resolutions, events, contingents or countries
read like a profile, headed by its name, with its facts labelled and linked and its related rows.

Each entity is declared here once: the SQL of its heading and of each list of related rows.
Related SQL takes the entity's id as :id and follows two conventions the template relies on:
a column `<name>_path` turns column `<name>` into a link, and a column `source` names the
source and section the row comes from.
"""

from dataclasses import dataclass

from markupsafe import Markup, escape

from unami.readable import NOT_STATED, readable_date

# The source and section of a row of table `alias`, as one readable string.
SOURCE = """(select sources.name || ', section “' || source_sections.name || '”'
    from source_sections join sources on sources.id = source_sections.source_id
    where source_sections.id = {alias}.source_section_id) as source"""


def source(alias: str) -> str:
    return SOURCE.format(alias=alias)


def link(table: str, id_column: str) -> str:
    """SQL for the path of a row of `table` whose id is `id_column` (NULL stays NULL)."""
    return f"case when {id_column} is not null then '/{{db}}/{table}/' || {id_column} end"


def in_date_order(earliest: str, tiebreak: str) -> str:
    """Dated rows in date order, undated rows last (SQLite sorts NULL first)."""
    return f"order by {earliest} is null, {earliest}, {tiebreak}"


@dataclass(frozen=True)
class Related:
    title: str
    sql: str


@dataclass(frozen=True)
class Entity:
    heading: str  # SQL over the entity's own table (aliased `entity`), giving its name
    related: tuple[Related, ...] = ()


def tenures(title: str, of: str) -> Related:
    """The tenures of a person (of="person_id": the posts held) or of a post (of="position_id": its holders)."""
    other, name = ("positions", "post") if of == "person_id" else ("people", "person")
    other_id = "position_id" if of == "person_id" else "person_id"
    return Related(
        title,
        f"""select {other}.name as {name}, {link(other, f"{other}.id")} as {name}_path,
            readable_date(appointments.started_date) as started, readable_date(appointments.ended_date) as ended,
            coalesce(appointments.end_reason, '{NOT_STATED}') as end_reason,
            'tenure' as tenure, {link("appointments", "appointments.id")} as tenure_path, {source("appointments")}
        from appointments join {other} on {other}.id = appointments.{other_id}
        where appointments.{of} = :id {in_date_order("appointments.started_earliest", "appointments.id")}""",
    )


CONTRADICTIONS = """
select discrepancies.name as contradiction, '/{{db}}/discrepancies/' || discrepancies.id as contradiction_path,
    discrepancies.discrepancy_kind as kind,
    (select group_concat(claim, ' | ') from discrepancy_claims where discrepancy_id = discrepancies.id) as claims
from discrepancies where discrepancies.{column} = :id order by discrepancies.id
"""

ENTITIES: dict[str, Entity] = {
    "people": Entity(
        "entity.name",
        (
            tenures("Posts held", of="person_id"),
            Related(
                "Names",
                f"""select name, name_form as form, {source("person_names")}
                from person_names where person_id = :id order by person_names.id""",
            ),
            Related(
                "Nationalities",
                f"""select countries.name as country, {link("countries", "countries.id")} as country_path, basis,
                    {source("person_nationalities")}
                from person_nationalities join countries on countries.id = person_nationalities.country_id
                where person_id = :id order by person_nationalities.id""",
            ),
            Related(
                "Education",
                f"""select institution, field, degree, readable_date(completed_date) as completed,
                    {source("person_educations")}
                from person_educations where person_id = :id order by person_educations.id""",
            ),
            Related(
                "Events",
                f"""select events.name as event, {link("events", "events.id")} as event_path,
                    readable_date(events.occurred_date) as date, event_participants.role,
                    {source("event_participants")}
                from event_participants join events on events.id = event_participants.event_id
                where event_participants.person_id = :id {in_date_order("events.occurred_earliest", "events.id")}""",
            ),
            Related("Contradictions", CONTRADICTIONS.format(column="person_id")),
        ),
    ),
    "positions": Entity(
        "entity.name",
        (
            tenures("Holders", of="position_id"),
            Related("Contradictions", CONTRADICTIONS.format(column="position_id")),
        ),
    ),
    "appointments": Entity(
        "(select name from people where id = entity.person_id) || ' as '"
        " || (select name from positions where id = entity.position_id)",
        (Related("Contradictions", CONTRADICTIONS.format(column="appointment_id")),),
    ),
    "resolutions": Entity(
        "coalesce(entity.symbol, 'Resolution ' || entity.number)",
        (
            Related(
                "What it did",
                f"""select resolution_actions.action, missions.abbreviation as mission,
                    readable_date(resolution_actions.mandate_end_date) as mandate_until,
                    resolution_actions.description, {source("resolution_actions")}
                from resolution_actions left join missions on missions.id = resolution_actions.mission_id
                where resolution_actions.resolution_id = :id order by resolution_actions.id""",
            ),
            Related(
                "Events",
                f"""select events.name as event, {link("events", "events.id")} as event_path,
                    readable_date(events.occurred_date) as date, {source("event_resolutions")}
                from event_resolutions join events on events.id = event_resolutions.event_id
                where event_resolutions.resolution_id = :id
                {in_date_order("events.occurred_earliest", "events.id")}""",
            ),
            Related("Contradictions", CONTRADICTIONS.format(column="resolution_id")),
        ),
    ),
    "events": Entity(
        "entity.name",
        (
            Related(
                "Who took part",
                f"""select coalesce(people.name, organizations.name, countries.name) as participant,
                    coalesce({link("people", "people.id")}, {link("countries", "countries.id")}) as participant_path,
                    event_participants.role, event_participants.stated_position, {source("event_participants")}
                from event_participants
                left join people on people.id = event_participants.person_id
                left join organizations on organizations.id = event_participants.organization_id
                left join countries on countries.id = event_participants.country_id
                where event_participants.event_id = :id order by event_participants.id""",
            ),
            Related(
                "Resolutions",
                f"""select coalesce(resolutions.symbol, 'Resolution ' || resolutions.number) as resolution,
                    {link("resolutions", "resolutions.id")} as resolution_path, {source("event_resolutions")}
                from event_resolutions join resolutions on resolutions.id = event_resolutions.resolution_id
                where event_resolutions.event_id = :id order by resolutions.number""",
            ),
        ),
    ),
    "contingents": Entity(
        "coalesce((select name from countries where id = entity.country_id), 'Country not stated')"
        " || ': ' || coalesce(entity.duty, 'contribution')",
        (
            Related(
                "Strength over time",
                f"""select personnel_type as type, personnel_count as personnel,
                    case is_approximate when 1 then 'yes' else 'no' end as approximate,
                    readable_date(observed_date) as as_of, note, {source("contingent_strengths")}
                from contingent_strengths where contingent_id = :id
                {in_date_order("observed_earliest", "contingent_strengths.id")}""",
            ),
            Related(
                "Trained, equipped or commanded by",
                f"""select coalesce(countries.name, organizations.name) as partner,
                    {link("countries", "countries.id")} as partner_path, contingent_links.role, contingent_links.note,
                    {source("contingent_links")}
                from contingent_links
                left join countries on countries.id = contingent_links.country_id
                left join organizations on organizations.id = contingent_links.organization_id
                where contingent_links.contingent_id = :id order by contingent_links.id""",
            ),
        ),
    ),
    "countries": Entity(
        "entity.name",
        (
            Related(
                "Contingents",
                f"""select coalesce(contingents.duty, 'contribution') as contingent,
                    {link("contingents", "contingents.id")} as contingent_path, contingents.status,
                    {source("contingents")}
                from contingents where contingents.country_id = :id order by contingents.list_position""",
            ),
            Related(
                "People of this nationality",
                f"""select people.name as person, {link("people", "people.id")} as person_path,
                    person_nationalities.basis, {source("person_nationalities")}
                from person_nationalities join people on people.id = person_nationalities.person_id
                where person_nationalities.country_id = :id order by people.name""",
            ),
        ),
    ),
}

# Columns a profile does not show: the row's id and natural key, and helper columns that
# exist for SQL (date bounds and precision, sort positions, derived years).
HELPER_SUFFIXES = ("_earliest", "_latest", "_precision")
HELPER_COLUMNS = {"id", "key", "source_section_id", "list_position", "heading_start_year", "heading_end_year"}


async def entity_page(datasette, database, table: str, pk: str) -> dict | None:
    """The heading, labelled fields and related rows of one entity, or None for other tables."""
    entity = ENTITIES.get(table)
    if entity is None or not pk.isdigit():
        return None
    row = (
        await database.execute(f"select *, {entity.heading} as heading from {table} as entity where id = ?", [pk])
    ).first()
    if row is None:
        return None
    fields = await _fields(datasette, database, table, dict(row))
    related = []
    for part in entity.related:
        result = await database.execute(part.sql.replace("{db}", database.name), {"id": int(pk)})
        related.append({"title": part.title, "columns": _shown_columns(result.columns), "rows": _cells(result)})
    return {"heading": row["heading"], "fields": fields, "related": related}


async def _fields(datasette, database, table: str, row: dict) -> list[tuple[str, Markup]]:
    foreign = {key["column"]: key for key in await database.foreign_keys_for_table(table)}
    fields = []
    for column, value in row.items():
        if column in HELPER_COLUMNS or column == "heading" or column.endswith(HELPER_SUFFIXES):
            continue
        label = column.removesuffix("_id").removesuffix("_date").replace("_", " ")
        if column in foreign and value is not None:
            shown = await _linked_label(database, foreign[column]["other_table"], value)
        elif column.endswith("_date") or value is None:
            shown = escape(readable_date(value))  # readable_date(None) is "not stated"
        elif column.startswith(("is_", "has_")) and value in (0, 1):
            shown = Markup("yes" if value else "no")
        else:
            shown = Markup(escape(value))
        fields.append((label, shown))
    if "source_section_id" in row:
        text = (
            await database.execute(f"select {source('entity')} from {table} as entity where id = ?", [row["id"]])
        ).first()
        fields.append(("source", Markup(escape(text[0] if text and text[0] else NOT_STATED))))
    return fields


async def _linked_label(database, other_table: str, value) -> Markup:
    label_column = await database.label_column_for_table(other_table)
    heading = ENTITIES[other_table].heading if other_table in ENTITIES else f"entity.{label_column or 'id'}"
    row = (await database.execute(f"select {heading} from {other_table} as entity where id = ?", [value])).first()
    text = row[0] if row and row[0] is not None else f"#{value}"
    return Markup(f'<a href="/{escape(database.name)}/{escape(other_table)}/{escape(value)}">{escape(text)}</a>')


def _shown_columns(columns: list[str]) -> list[str]:
    return [column for column in columns if not column.endswith("_path")]


def _cells(result) -> list[Markup]:
    """Each related row as its table cells, labelled for a phone's card layout; `<name>_path` makes `<name>`
    a link; a missing value reads 'not stated'. Written here rather than cell by cell in the template: Jinja's
    async rendering costs about 0.1 ms a cell, 100 ms for a contingent's 333 monthly strengths."""
    shown = _shown_columns(result.columns)
    labels = {column: escape(column.replace("_", " ")) for column in shown}
    rows = []
    for row in result.rows:
        values = dict(zip(result.columns, row, strict=True))
        cells = []
        for column in shown:
            value = values[column]
            text = escape(NOT_STATED if value is None else value)
            path = values.get(f"{column}_path")
            cell = f'<a href="{escape(path)}">{text}</a>' if path else text
            cells.append(f'<td data-label="{labels[column]}">{cell}</td>')
        rows.append(Markup("".join(cells)))
    return rows
