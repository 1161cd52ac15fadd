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

from sqlalchemy import Column, ForeignKey, Index, Integer, PrimaryKeyConstraint, Table, Text

from unami.schema import tables  # noqa: F401  (the fact tables are declared before their summaries)
from unami.schema.columns import count, edtf_dates, flag, integer, metadata, text

SUMMARY_TABLE_NAMES = {
    "contingent_headlines",
    "section_fact_counts",
    "date_precision_counts",
    "event_year_counts",
    "tenure_spans",
}


@dataclass(frozen=True)
class Summary:
    table: Table
    fill: str  # INSERT INTO <table> ... SELECT over the fact tables
    then: tuple[str, ...] = ()  # UPDATEs that complete the rows, in order


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
    integer(
        "widest_days",
        "Widest gap, in days, between a date's earliest and latest possible day among these facts"
        " (0: exact days; NULL: not stated). It bounds date-window searches.",
    ),
    PrimaryKeyConstraint("fact_table", "date_column", "date_precision"),
)


def dated_columns() -> list[tuple[str, str]]:
    """(table, date prefix) of every EDTF date quadruple (`<prefix>_date`, ..., `<prefix>_precision`)."""
    return [(table.name, date.prefix) for table in fact_tables() for date in edtf_dates(table)]


def _precision_fill() -> str:
    branches = "\n    union all\n".join(
        f"    select '{table}', '{prefix}', coalesce({prefix}_precision, 'not stated'), count(*),"
        f" cast(max(julianday({prefix}_latest) - julianday({prefix}_earliest)) as integer)"
        f" from {table} group by 3"
        for table, prefix in dated_columns()
    )
    columns = "fact_table, date_column, date_precision, facts, widest_days"
    return f"INSERT INTO date_precision_counts ({columns})\n{branches}"


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

# --- Each tenure's span, for "who was in office on a day" and the leadership timeline ------

tenure_spans = summary_table(
    "tenure_spans",
    "how far each tenure can reach given its stated dates, its successors and its mission's end, and its"
    " place in the leadership timeline, one row per tenure.",
    Column(
        "appointment_id",
        Integer,
        ForeignKey("appointments.id"),
        primary_key=True,
        comment="Tenure (appointments.id).",
    ),
    Column("position_id", Integer, ForeignKey("positions.id"), nullable=False, comment="Post held."),
    text("started_earliest", "Earliest ISO day the tenure can have started (NULL: start not stated)."),
    text("started_latest", "Latest ISO day the tenure can have started (NULL: start not stated)."),
    text(
        "later_started_latest_min",
        "Smallest latest-start among the holders of the post who may have started no earlier than this one.",
    ),
    text(
        "succeeded_by",
        "Latest start of the first later holder of the post who certainly started after this tenure began"
        " (NULL: none): a tenure with no stated end is over by that day.",
    ),
    text(
        "possible_until",
        "Last ISO day the tenure can still cover: its latest end, or, end not stated, the day before"
        " succeeded_by and no later than the mission's end (NULL: start not stated).",
    ),
    integer("span_days", "Days from started_earliest to possible_until (NULL: either unknown)."),
    text("bar_start", "Leadership chart: where the tenure's bar starts (see bar_basis; NULL: not a mission post)."),
    text("bar_end", "Leadership chart: where the tenure's bar ends (see bar_basis; NULL: not a mission post)."),
    text("bar_basis", "How the bar was drawn where the source gives no date (NULL: not a mission post)."),
    integer(
        "timeline_rank",
        "Order of the leadership timeline: heads of mission first, then by start, post and person"
        " (NULL: a post outside any mission).",
    ),
    # position_id first: it serves the foreign key and the succession lookup of TENURE_SUCCESSION.
    Index("ix_tenure_spans_position_id_started_earliest", "position_id", "started_earliest"),
    Index("ix_tenure_spans_started_earliest_possible_until", "started_earliest", "possible_until"),
    Index("ix_tenure_spans_span_days", "span_days"),
    Index("ix_tenure_spans_timeline_rank_position_id", "timeline_rank", "position_id"),
)

TENURE_SPANS_FILL = """
INSERT INTO tenure_spans (
    appointment_id, position_id, started_earliest, started_latest, later_started_latest_min,
    bar_start, bar_end, bar_basis, timeline_rank
)
with tenures as (
    select
        appointments.id,
        appointments.position_id,
        appointments.started_earliest,
        appointments.started_latest,
        appointments.ended_latest,
        positions.level,
        positions.name as position,
        people.name as person,
        missions.id as mission_id,
        missions.ended_latest as mission_ended_latest,
        heads.started_earliest as head_started_earliest,
        heads.ended_latest as head_ended_latest,
        lead(appointments.started_earliest) over (
            partition by appointments.position_id order by appointments.started_earliest
        ) as next_holder_started_earliest,
        -- with ties, RANGE takes in every holder who started on the same earliest day
        min(appointments.started_latest) over (
            partition by appointments.position_id
            order by appointments.started_earliest desc
            range between unbounded preceding and current row
        ) as later_started_latest_min
    from appointments
    inner join positions on appointments.position_id = positions.id
    inner join people on appointments.person_id = people.id
    left join missions on positions.mission_id = missions.id
    left join appointments as heads on appointments.served_under_appointment_id = heads.id
),

bars as (
    select
        *,
        coalesce(started_earliest, head_started_earliest) as bar_start,
        case
            when ended_latest is not null then ended_latest
            when started_earliest is null then head_ended_latest
            when next_holder_started_earliest is not null then next_holder_started_earliest
            else mission_ended_latest
        end as bar_end,
        case
            when started_earliest is null then 'dates not stated: drawn over the tenure served under'
            when ended_latest is not null then 'stated dates'
            when next_holder_started_earliest is not null then 'end not stated: drawn to the next holder''s start'
            else 'end not stated: drawn to the mission''s end'
        end as bar_basis
    from tenures
)

-- the timeline (bars and rank) shows mission posts only
select
    id,
    position_id,
    started_earliest,
    started_latest,
    later_started_latest_min,
    case when mission_id is not null then bar_start end,
    case when mission_id is not null then bar_end end,
    case when mission_id is not null then bar_basis end,
    case when mission_id is not null then row_number() over (
        partition by mission_id is not null
        order by level = 'head of mission' desc, coalesce(started_earliest, bar_start), position, person
    ) end
from bars
"""

# Succession: the first later holder (by earliest start) after this tenure's latest start, and
# the smallest latest-start from there on; found by the index on (position_id, started_earliest)
# instead of comparing every pair of tenures of a post.
TENURE_SUCCESSION = """
UPDATE tenure_spans SET succeeded_by = (
    select later.later_started_latest_min
    from tenure_spans as later
    where
        later.position_id = tenure_spans.position_id
        and later.started_earliest > tenure_spans.started_latest
    order by later.started_earliest
    limit 1
)
WHERE started_latest IS NOT NULL
"""

TENURE_REACH = """
UPDATE tenure_spans SET possible_until = (
    select
        case
            when appointments.ended_date is not null then appointments.ended_latest
            else min(
                coalesce(date(tenure_spans.succeeded_by, '-1 day'), '9999-12-31'),
                coalesce(missions.ended_latest, '9999-12-31')
            )
        end
    from appointments
    inner join positions on appointments.position_id = positions.id
    left join missions on positions.mission_id = missions.id
    where appointments.id = tenure_spans.appointment_id
)
WHERE started_earliest IS NOT NULL
"""

TENURE_SPAN_DAYS = """
UPDATE tenure_spans SET span_days = cast(julianday(possible_until) - julianday(started_earliest) as integer)
WHERE possible_until IS NOT NULL
"""

# In fill order. The section and precision fills are generated from the declared fact
# tables, so a new fact table or date is summarized without touching this file.
SUMMARIES = [
    Summary(contingent_headlines, HEADLINES_FILL),
    Summary(section_fact_counts, _section_fill()),
    Summary(date_precision_counts, _precision_fill()),
    Summary(event_year_counts, EVENT_YEARS_FILL),
    Summary(tenure_spans, TENURE_SPANS_FILL, (TENURE_SUCCESSION, TENURE_REACH, TENURE_SPAN_DAYS)),
]

assert {summary.table.name for summary in SUMMARIES} == SUMMARY_TABLE_NAMES
