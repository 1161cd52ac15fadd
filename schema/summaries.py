"""Summary tables: figures derived from the fact tables, computed once by every build.

The published file is immutable, so a whole-table figure (how many facts each section
supports, how precisely each date is known, each contribution's headline strength) can
be computed when the file is built instead of on every request: at the scale of the
field (a million monthly strengths) those reads take a second, the summaries a millisecond.

A summary holds no fact of its own: each row follows from fact rows by the `fill` SQL
below, which the build runs after the facts are loaded (loaders.pipeline.write), and the
facts keep their provenance. The tables are created by migration 0006 like any other;
only their rows are derived.
"""

from dataclasses import dataclass

from sqlalchemy import Column, ForeignKey, Integer, PrimaryKeyConstraint, Table, Text

from schema import tables  # noqa: F401  (the fact tables are declared before their summaries)
from schema.columns import count, flag, metadata, text

SUMMARY_TABLE_NAMES = {"contingent_headlines", "section_fact_counts", "date_precision_counts", "event_year_counts"}


@dataclass(frozen=True)
class Summary:
    table: Table
    fill: str  # INSERT INTO <table> ... SELECT over the fact tables


def summary_table(name: str, description: str, *items) -> Table:
    return Table(name, metadata, *items, comment=f"Summary, derived at build: {description}", sqlite_strict=True)


# --- Headline strength of each contribution ----------------------------------------------

contingent_headlines = summary_table(
    "contingent_headlines",
    "each contribution's headline strength by type, one row per contribution with a strength. For each"
    " personnel type the headline is the figure the source lists without a date, else the latest dated one.",
    Column(
        "contingent_id",
        Integer,
        ForeignKey("contingents.id"),
        primary_key=True,
        comment="Contribution (contingents.id).",
    ),
    *count("troops", "Headline number of troops (NULL: no troop figure).", nullable=True),
    *count("military_observers", "Headline number of military observers (NULL: none given).", nullable=True),
    *count("defence_civilians", "Headline number of defence civilians (NULL: none given).", nullable=True),
    *count("personnel", "Headline personnel of all types together.", nullable=True),
    *flag("is_approximate", "1 when a headline figure is given as approximate (around, about)."),
)

HEADLINES_FILL = """
INSERT INTO contingent_headlines
    (contingent_id, troops, military_observers, defence_civilians, personnel, is_approximate)
with ranked_strengths as (
    select
        contingent_id,
        personnel_type,
        personnel_count,
        is_approximate,
        row_number() over (
            partition by contingent_id, personnel_type
            order by observed_date is null desc, observed_latest desc, id
        ) as strength_rank
    from contingent_strengths
)
select
    contingent_id,
    sum(case when personnel_type = 'troops' then personnel_count end),
    sum(case when personnel_type = 'military observers' then personnel_count end),
    sum(case when personnel_type = 'defence civilians' then personnel_count end),
    sum(personnel_count),
    max(is_approximate)
from ranked_strengths
where strength_rank = 1
group by contingent_id
"""

# --- Facts per source section ---------------------------------------------------------------

section_fact_counts = summary_table(
    "section_fact_counts",
    "how many rows of each fact table each source section states, one row per section and table.",
    Column(
        "source_section_id",
        Integer,
        ForeignKey("source_sections.id"),
        nullable=False,
        comment="Section of a source (source_sections.id).",
    ),
    text("fact_table", "Fact table the rows are in.", nullable=False),
    *count("facts", "Rows of that table the section states."),
    PrimaryKeyConstraint("source_section_id", "fact_table"),
)


def fact_tables() -> list[Table]:
    """Tables whose rows are facts with a source section (summaries excluded), in declaration order."""
    return [
        table
        for table in metadata.tables.values()
        if "source_section_id" in table.columns and table.name not in SUMMARY_TABLE_NAMES
    ]


def _section_fill() -> str:
    branches = "\n    union all\n".join(
        f"    select source_section_id, '{table.name}', count(*) from {table.name} group by source_section_id"
        for table in fact_tables()
    )
    return f"INSERT INTO section_fact_counts (source_section_id, fact_table, facts)\n{branches}"


# --- Precision of every date -------------------------------------------------------------

date_precision_counts = summary_table(
    "date_precision_counts",
    "how many facts give each kind of date at each precision, one row per table, date and precision.",
    text("fact_table", "Fact table the dates are in.", nullable=False),
    text("date_column", "Which date of the table: established, started, observed, ...", nullable=False),
    text("date_precision", "Precision: day, month, year, ..., or 'not stated'.", nullable=False),
    *count("facts", "Rows of the table whose date has this precision."),
    PrimaryKeyConstraint("fact_table", "date_column", "date_precision"),
)


def dated_columns() -> list[tuple[str, str]]:
    """(table, date prefix) of every EDTF date quadruple (`<prefix>_date`, ..., `<prefix>_precision`)."""
    found = []
    for table in fact_tables():
        for column in table.columns:
            prefix = column.name.removesuffix("_precision")
            if prefix != column.name and f"{prefix}_earliest" in table.columns:
                found.append((table.name, prefix))
    return found


def _precision_fill() -> str:
    branches = "\n    union all\n".join(
        f"    select '{table}', '{prefix}', coalesce({prefix}_precision, 'not stated'), count(*)"
        f" from {table} group by 3"
        for table, prefix in dated_columns()
    )
    return f"INSERT INTO date_precision_counts (fact_table, date_column, date_precision, facts)\n{branches}"


# --- Events per year -------------------------------------------------------------------------

event_year_counts = summary_table(
    "event_year_counts",
    "how many events of each kind fall in each year, one row per year and kind; an event whose"
    " year is uncertain has a NULL year.",
    Column("id", Integer, primary_key=True, comment="Row identifier (stable within one build)."),
    Column(
        "event_year",
        Integer,
        nullable=True,
        comment="Year the event certainly falls in (NULL: the source's date spans more than one year or none).",
    ),
    Column("event_kind", Text, nullable=False, index=True, comment="Kind of event."),
    *count("events", "Events of that kind in that year."),
)

EVENT_YEARS_FILL = """
INSERT INTO event_year_counts (event_year, event_kind, events)
select
    case
        when substr(occurred_earliest, 1, 4) = substr(occurred_latest, 1, 4)
            then cast(substr(occurred_earliest, 1, 4) as integer)
    end as event_year,
    event_kind,
    count(*)
from events
group by 1, 2
order by 1, 2
"""

# In fill order. The section and precision fills are generated from the declared fact
# tables, so a new fact table or date is summarized without touching this file.
SUMMARIES = [
    Summary(contingent_headlines, HEADLINES_FILL),
    Summary(section_fact_counts, _section_fill()),
    Summary(date_precision_counts, _precision_fill()),
    Summary(event_year_counts, EVENT_YEARS_FILL),
]

assert {summary.table.name for summary in SUMMARIES} == SUMMARY_TABLE_NAMES
