"""The declared schema: every table of unami-db as SQLAlchemy Core, STRICT.

Each table and column carries a one-line description (`comment=`); they feed
Datasette's column descriptions and the data dictionary. Nothing here is
specific to UNAMI: the mission is the first row of `missions`.
"""

from sqlalchemy import CheckConstraint, Index, Table, UniqueConstraint

from unami.schema import vocabularies as v
from unami.schema.columns import (
    coded,
    count,
    dates_in_order,
    edtf_date,
    flag,
    integer,
    iso_day,
    key_column,
    metadata,
    primary_key,
    provenance,
    reference,
    text,
)

# Tables whose rows a claim may point at (fact_claims.fact_table): the tables with natural keys.
FACT_TABLE_NAMES = (
    "missions",
    "people",
    "positions",
    "appointments",
    "resolutions",
    "events",
    "outcomes",
    "contingents",
    "countries",
    "organizations",
)


def strict_table(name: str, description: str, *items) -> Table:
    """A STRICT table whose first column is `id INTEGER PRIMARY KEY`, then `items`."""
    return Table(name, metadata, primary_key(), *items, comment=description, sqlite_strict=True)


# --- Provenance -------------------------------------------------------------

sources = strict_table(
    "sources",
    "Published works the facts come from, one row per work.",
    key_column("source"),
    text("name", "Title of the work.", nullable=False),
    text("publisher", "Who publishes the work."),
    text("url", "Where a reader can check the work."),
    text("language", "Language of the work (BCP 47 tag, e.g. en)."),
    text("licence", "Licence the work is published under."),
    text("licence_url", "Where the licence text can be read."),
    *iso_day("accessed_date", "ISO day the work was read for this database (NULL: not recorded)."),
    text("description", "What the work is and how this database uses it."),
    *coded(
        "source_kind",
        v.SOURCE_KINDS,
        "Kind of work (NULL: not recorded, in a database upgraded from before revision 0008).",
        nullable=True,
    ),
    *edtf_date("published", "Date the work was published (or, for a revision, dated)"),
    text(
        "revision",
        "Which revision or snapshot of an encyclopedia article the work is (NULL: not recorded or not a revision).",
    ),
)

source_sections = strict_table(
    "source_sections",
    "Sections of a source (the locator of each fact), one row per section.",
    reference("source_id", "sources", "Source the section belongs to."),
    text("name", "Section heading as printed, or a label such as Infobox or Introduction.", nullable=False),
    text("citation", "Source and section in one readable label.", nullable=False),
    integer("position", "Order of the section within the source (1 = first).", nullable=False),
    UniqueConstraint("source_id", "name"),
)

# --- Reference entities -----------------------------------------------------

countries = strict_table(
    "countries",
    "Countries named by a source, one row per country.",
    text("iso3", "ISO 3166-1 alpha-3 code.", nullable=False),
    text("name", "Short English name.", nullable=False),
    *provenance(),
    UniqueConstraint("iso3"),
    CheckConstraint("length(iso3) = 3 AND iso3 = upper(iso3) AND iso3 GLOB '[A-Z][A-Z][A-Z]'", name="iso3_format"),
)

organizations = strict_table(
    "organizations",
    "Organs, departments, governments, parliaments, coalitions and forces, one row per body.",
    key_column("organization"),
    text("name", "Name of the body in English.", nullable=False),
    text("abbreviation", "Common abbreviation, if the source gives one."),
    *coded("organization_type", v.ORGANIZATION_TYPES, "Kind of body."),
    reference("parent_organization_id", "organizations", "Body this one belongs to.", nullable=True),
    reference("country_id", "countries", "Country the body belongs to, for national bodies.", nullable=True),
    *count("member_count", "Number of member bodies as stated by the source.", nullable=True),
    text("description", "What the body is, in this project's words."),
    *provenance(),
)

# --- Missions ---------------------------------------------------------------

missions = strict_table(
    "missions",
    "UN field missions, one row per mission.",
    key_column("mission"),
    text("name", "Name of the mission in English.", nullable=False),
    text("abbreviation", "Abbreviation of the mission.", nullable=False),
    *coded("mission_type", v.MISSION_TYPES, "Kind of mission."),
    *coded("status", v.MISSION_STATUSES, "Whether the mission is still running."),
    text("leader_title", "Title of the mission's head."),
    reference("parent_organization_id", "organizations", "Organ the mission reports to.", nullable=True),
    text("purpose", "Why the mission was set up, in this project's words."),
    text("mandate_review_cycle", "How often the mandate was renewed and reviewed, as stated."),
    *edtf_date("established", "Date the mission was established"),
    *edtf_date("ended", "Date the mission ended"),
    *provenance(),
    UniqueConstraint("abbreviation"),
)

mission_names = strict_table(
    "mission_names",
    "Names of a mission in each language the source gives, one row per name.",
    reference("mission_id", "missions", "Mission named."),
    text("language", "Language of the name (BCP 47 tag).", nullable=False),
    text("name", "The name as written in that language.", nullable=False),
    *provenance(),
    UniqueConstraint("mission_id", "language", "name"),
)

mission_organizations = strict_table(
    "mission_organizations",
    "How a mission relates to other bodies, one row per mission, body and role.",
    reference("mission_id", "missions", "Mission."),
    reference("organization_id", "organizations", "Related body."),
    *coded("role", v.MISSION_ORGANIZATION_ROLES, "What the body is to the mission."),
    text("note", "Detail of the relation, in this project's words."),
    *provenance(),
    UniqueConstraint("mission_id", "organization_id", "role"),
)

# --- People, posts, appointments -------------------------------------------

people = strict_table(
    "people",
    "People named by a source, one row per person.",
    key_column("person"),
    text("name", "Preferred form of the person's name.", nullable=False),
    text("note", "Other facts about the person, in this project's words."),
    *provenance(),
)

person_names = strict_table(
    "person_names",
    "Every spelling of a person's name found in a source, one row per spelling and section.",
    reference("person_id", "people", "Person named."),
    text("name", "The name as printed.", nullable=False),
    *coded("name_form", v.NAME_FORMS, "Preferred form, a variant spelling or a short form."),
    *provenance(),
    UniqueConstraint("person_id", "name", "source_section_id"),
)

person_nationalities = strict_table(
    "person_nationalities",
    "Countries a person is linked to and on what basis, one row per person, country and basis.",
    reference("person_id", "people", "Person."),
    reference("country_id", "countries", "Country."),
    *coded("basis", v.NATIONALITY_BASES, "What the source actually says: the person's own nationality or a parent's."),
    *provenance(),
    UniqueConstraint("person_id", "country_id", "basis"),
)

person_educations = strict_table(
    "person_educations",
    "Studies a person completed, one row per course of study.",
    reference("person_id", "people", "Person."),
    text("institution", "University or school, as named.", nullable=False),
    text("field", "Subject studied."),
    text("degree", "Degree obtained, if stated."),
    *edtf_date("completed", "Year or date the studies were completed"),
    *provenance(),
)

positions = strict_table(
    "positions",
    "Posts a person can hold, inside a mission or elsewhere, one row per post.",
    key_column("position"),
    text("name", "Title of the post.", nullable=False),
    text("abbreviation", "Abbreviation of the title, if the source gives one."),
    reference("mission_id", "missions", "Mission the post belongs to (NULL: outside any mission).", nullable=True),
    reference("organization_id", "organizations", "Body the post belongs to, if any.", nullable=True),
    *coded("level", v.POSITION_LEVELS, "Rank of the post within its mission."),
    text("portfolio", "What the holder oversees."),
    *provenance(),
)

appointments = strict_table(
    "appointments",
    "A person holding a post for a time, one row per tenure.",
    key_column("appointment"),
    reference("person_id", "people", "Person holding the post."),
    reference("position_id", "positions", "Post held."),
    *edtf_date("started", "Date the tenure started"),
    *edtf_date("ended", "Date the tenure ended"),
    text("heading_years", "Years printed in the section heading for this tenure, as printed (e.g. 2004–2005)."),
    integer("heading_start_year", "First year printed in the heading."),
    integer("heading_end_year", "Last year printed in the heading."),
    reference(
        "predecessor_appointment_id", "appointments", "Tenure this one followed in the same post.", nullable=True
    ),
    reference(
        "served_under_appointment_id", "appointments", "Tenure of the head this holder served under.", nullable=True
    ),
    *coded(
        "end_reason",
        v.END_REASONS,
        "Why the tenure ended: 'not stated' when it ended for a reason no source gives; NULL while no end is recorded.",
        nullable=True,
    ),
    reference("next_appointment_id", "appointments", "The person's next post, if the source names it.", nullable=True),
    text("note", "What else the source says about the tenure, in this project's words."),
    *provenance(),
    CheckConstraint(
        "heading_start_year IS NULL OR heading_end_year IS NULL OR heading_start_year <= heading_end_year",
        name="heading_years_order",
    ),
    dates_in_order("started", "ended", name="ends_after_start"),
)

# --- Security Council resolutions and the mandate --------------------------

resolutions = strict_table(
    "resolutions",
    "Security Council resolutions, one row per resolution.",
    integer("number", "Resolution number.", nullable=False),
    text("symbol", "Document symbol such as S/RES/1500 (2003); NULL while the source disagrees on the year."),
    text("name", "Readable label, e.g. Resolution 1500.", nullable=False),
    reference("organization_id", "organizations", "Organ that adopted the resolution."),
    *edtf_date("adopted", "Date the resolution was adopted"),
    *count("votes_for", "Votes in favour, if stated.", nullable=True),
    *count("votes_against", "Votes against, if stated.", nullable=True),
    *count("abstentions", "Abstentions, if stated.", nullable=True),
    *flag(
        "is_unanimous",
        "1 when the source says the resolution was adopted unanimously, 0 when it says otherwise, NULL: not stated.",
        default=None,
    ),
    *provenance(),
    UniqueConstraint("number"),
    UniqueConstraint("symbol"),
    CheckConstraint("number > 0", name="number_positive"),
)

resolution_actions = strict_table(
    "resolution_actions",
    "What a resolution did to a mission, one row per action.",
    reference("resolution_id", "resolutions", "Resolution."),
    reference("mission_id", "missions", "Mission acted on."),
    *coded("action", v.RESOLUTION_ACTIONS, "Kind of action."),
    *edtf_date("mandate_end", "Mandate end date the action sets"),
    text("description", "The action in this project's words.", nullable=False),
    *provenance(),
)

mandate_components = strict_table(
    "mandate_components",
    "Controlled vocabulary of mandate components used to code tasks, one row per component.",
    key_column("component"),
    text("name", "Name of the component.", nullable=False),
    text("description", "What tasks of this component do."),
)

mandate_areas = strict_table(
    "mandate_areas",
    "Areas of work in a mission's mandate, one row per area.",
    key_column("mandate area"),
    reference("mission_id", "missions", "Mission."),
    reference("resolution_id", "resolutions", "Resolution that set this mandate, if stated.", nullable=True),
    *coded("area_kind", v.MANDATE_AREA_KINDS, "Summary of the mandate or the final mandate's list."),
    text("name", "Name of the area.", nullable=False),
    integer("position", "Order in the source.", nullable=False),
    *provenance(),
)

mandate_tasks = strict_table(
    "mandate_tasks",
    "Tasks within a mandate area, one row per task.",
    reference("mandate_area_id", "mandate_areas", "Area the task belongs to."),
    reference("component_id", "mandate_components", "Component the task is coded to."),
    text("description", "The task in this project's words.", nullable=False),
    integer("position", "Order within the area.", nullable=False),
    *provenance(),
    UniqueConstraint("mandate_area_id", "position"),
)

# --- Timeline ---------------------------------------------------------------

events = strict_table(
    "events",
    "Dated happenings on a mission's timeline, one row per event.",
    key_column("event"),
    reference("mission_id", "missions", "Mission the event concerns (NULL: background).", nullable=True),
    *coded("event_kind", v.EVENT_KINDS, "Kind of event."),
    text("name", "Short title of the event.", nullable=False),
    text("description", "What happened, in this project's words."),
    *edtf_date("occurred", "Date of the event"),
    *count("deaths", "People killed, if stated.", nullable=True),
    *provenance(),
)

event_participants = strict_table(
    "event_participants",
    "Who took part in an event and how, one row per participant.",
    reference("event_id", "events", "Event."),
    reference("person_id", "people", "Participating person.", nullable=True),
    reference("organization_id", "organizations", "Participating body.", nullable=True),
    reference("country_id", "countries", "Participating country.", nullable=True),
    text("role", "Part played, e.g. author, recipient, speaker.", nullable=False),
    text("stated_position", "Position the participant took, in this project's words."),
    *provenance(),
    CheckConstraint(
        "(person_id IS NOT NULL) + (organization_id IS NOT NULL) + (country_id IS NOT NULL) = 1",
        name="exactly_one_participant",
    ),
)

event_resolutions = strict_table(
    "event_resolutions",
    "Resolutions an event relates to, one row per pair.",
    reference("event_id", "events", "Event."),
    reference("resolution_id", "resolutions", "Resolution."),
    *provenance(),
    UniqueConstraint("event_id", "resolution_id"),
)

outcomes = strict_table(
    "outcomes",
    "Results a mission is credited with, one row per outcome.",
    key_column("outcome"),
    reference("mission_id", "missions", "Mission credited."),
    reference("component_id", "mandate_components", "Mandate component the outcome serves.", nullable=True),
    reference("organization_id", "organizations", "Body the work supported, if named.", nullable=True),
    text("description", "The outcome in this project's words.", nullable=False),
    *count("quantity", "Number stated by the source, e.g. 6 elections.", nullable=True),
    text("unit", "What the quantity counts."),
    *edtf_date("started", "Date the work started, if stated"),
    *provenance(),
)

# --- People in the field ----------------------------------------------------

staffing_counts = strict_table(
    "staffing_counts",
    "Staff counts of a mission by date and category, one row per count.",
    reference("mission_id", "missions", "Mission."),
    *edtf_date("observed", "Date the count applies to"),
    *coded("category", v.STAFF_CATEGORIES, "Total, international or national staff."),
    *count("personnel_count", "Number of people."),
    *flag("is_approximate", "1 when the source gives the number as approximate."),
    *provenance(),
    UniqueConstraint("mission_id", "observed_date", "category"),
)

contingents = strict_table(
    "contingents",
    "Uniformed contributions to a mission, one row per entry in the source's list.",
    key_column("contingent"),
    reference("mission_id", "missions", "Mission served."),
    reference("country_id", "countries", "Contributing country (NULL: the source does not name it).", nullable=True),
    text("country_unknown_reason", "Why the country is unknown, when it is."),
    *coded("status", v.CONTINGENT_STATUSES, "Current or former participant, as the source lists it."),
    integer("list_position", "Position in the source's list of contributions.", nullable=False),
    text("duty", "What the contingent did, in this project's words."),
    *edtf_date("deployed", "Date of first deployment"),
    *edtf_date("withdrawn", "Date the contingent left"),
    *count("planned_duration_months", "Planned length of the deployment in months, if stated.", nullable=True),
    text("note", "Other facts about the contribution, in this project's words."),
    *provenance(),
    CheckConstraint("country_id IS NOT NULL OR country_unknown_reason IS NOT NULL", name="country_or_reason"),
    dates_in_order("deployed", "withdrawn", name="withdrawn_after_deployed"),
)

contingent_strengths = strict_table(
    "contingent_strengths",
    "Personnel counts of a contingent over time, one row per count and personnel type.",
    reference("contingent_id", "contingents", "Contingent.", own_index=False),  # indexed with its dates, below
    *coded("personnel_type", v.PERSONNEL_TYPES, "Troops, military observers or defence civilians."),
    *count("personnel_count", "Number of people."),
    *flag("is_approximate", "1 when the source gives the number as approximate (around, about)."),
    *edtf_date("observed", "Date the count applies to (NULL: the source gives none)"),
    text("note", "Context of the count."),
    *provenance(),
)

contingent_links = strict_table(
    "contingent_links",
    "Third countries and bodies that trained, equipped, transported or commanded a contingent.",
    reference("contingent_id", "contingents", "Contingent."),
    reference("country_id", "countries", "Third country.", nullable=True),
    reference("organization_id", "organizations", "Third body.", nullable=True),
    *coded("role", v.CONTINGENT_LINK_ROLES, "What the third party did."),
    text("note", "Detail, in this project's words."),
    *provenance(),
    CheckConstraint("(country_id IS NOT NULL) + (organization_id IS NOT NULL) = 1", name="exactly_one_party"),
)

# --- Disagreements ----------------------------------------------------------

discrepancies = strict_table(
    "discrepancies",
    "Places where sources, or one source with itself, disagree, one row per disagreement.",
    key_column("discrepancy"),
    *coded("discrepancy_kind", v.DISCREPANCY_KINDS, "Kind of disagreement."),
    text("name", "Short title of the disagreement.", nullable=False),
    text("description", "What disagrees, in this project's words.", nullable=False),
    reference("person_id", "people", "Person concerned, if any.", nullable=True),
    reference("appointment_id", "appointments", "Tenure concerned, if any.", nullable=True),
    reference("resolution_id", "resolutions", "Resolution concerned, if any.", nullable=True),
    reference("position_id", "positions", "Post concerned, if any.", nullable=True),
)

discrepancy_claims = strict_table(
    "discrepancy_claims",
    "The competing claims of a disagreement, one row per claim and section.",
    reference("discrepancy_id", "discrepancies", "Disagreement."),
    text("claim", "The value as the section states it.", nullable=False),
    *provenance(),
    UniqueConstraint("discrepancy_id", "source_section_id", "claim"),
)

# --- Claims: what each source says about a fact row ------------------------

fact_claims = strict_table(
    "fact_claims",
    "What a source section says about one fact row, one row per claim: the same fact stated by two sources is"
    " two claims pointing at one row. A row's own source_section_id is its first claim; this table holds the"
    " others, and the inferences the project draws, each with its basis.",
    key_column("claim"),
    *coded("fact_table", FACT_TABLE_NAMES, "Table of the fact row the claim is about."),
    integer("fact_id", "Id of the fact row in fact_table.", nullable=False),
    text("fact_column", "Column of the row the claim is about, without its date suffix (NULL: the row as a whole)."),
    text("claim", "What the source says, in this project's words, at the source's precision.", nullable=False),
    *coded("basis", v.CLAIM_BASES, "stated: the section says it; inferred: the project draws it (see rule)."),
    text("rule", "For an inference: the rule applied (NULL for a stated claim)."),
    reference("rests_on_claim_id", "fact_claims", "For an inference: the claim it rests on.", nullable=True),
    *coded("stance", v.CLAIM_STANCES, "Whether the claim agrees with the value the fact row holds."),
    *provenance(),
    CheckConstraint("(basis = 'inferred') = (rule IS NOT NULL)", name="rule_only_for_inference"),
    CheckConstraint("fact_id > 0", name="fact_id_positive"),
)

# --- Release bookkeeping ----------------------------------------------------

dataset_versions = strict_table(
    "dataset_versions",
    "Which data and schema this database was built from (one row).",
    text("data_version", "Release label derived from the content of data/ and the schema head.", nullable=False),
    text("data_sha256", "SHA-256 over the files of data/, in path order.", nullable=False),
    text("schema_revision", "Alembic revision of the schema.", nullable=False),
)

# Columns that reports filter or sort on, beyond the foreign keys.
Index("ix_people_name", people.c.name)
Index("ix_positions_name", positions.c.name)
Index("ix_resolutions_name", resolutions.c.name)
# The support of a fact is read by its table and id (fact_source_counts, the fact-support report).
Index("ix_fact_claims_fact_table_fact_id", fact_claims.c.fact_table, fact_claims.c.fact_id)
# The event timeline reads events in date order and tests the latest bound from the index alone.
Index("ix_events_occurred_earliest_occurred_latest", events.c.occurred_earliest, events.c.occurred_latest)
# A contribution's figures in date order (the contingent list shows the first ten of a monthly series).
Index(
    "ix_contingent_strengths_contingent_id_observed_earliest",
    contingent_strengths.c.contingent_id,
    contingent_strengths.c.observed_earliest,
)
