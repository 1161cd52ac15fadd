"""Summary tables: figures derived from the fact tables, computed once by every build.

The published file is immutable, so a whole-table figure (how many facts each section
supports, how precisely each date is known, each contribution's headline strength) can
be computed when the file is built instead of on every request: at the scale of the
field (a million monthly strengths) those reads take a second, the summaries a millisecond.

A summary holds no fact of its own: each row follows from fact rows, and the facts keep
their provenance. The tables are declared here (export, the site and the schema diagram
read them); no migration creates them: unami.derived creates and fills them after the facts
are loaded (its `<table>.sql` files hold the fills), on every build and every `unami migrate`.
"""

from sqlalchemy import Column, ForeignKey, Index, Integer, PrimaryKeyConstraint, Table, Text

from unami.schema import tables  # noqa: F401  (the fact tables are declared before their summaries)
from unami.schema.columns import count, edtf_dates, flag, integer, metadata, text

SUMMARY_TABLE_NAMES = {
    "contingent_headlines",
    "section_fact_counts",
    "date_precision_counts",
    "event_year_counts",
    "tenure_spans",
    "fact_source_counts",
}

# Tables of claims about facts: they record support and disagreement, and are not counted as facts.
CLAIM_TABLES = {"fact_claims", "discrepancy_claims"}


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
    *count("figures", "How many strength figures the sources give for the contribution, every type and date."),
    text(
        "figures_by_source",
        "Every source's figure beside its date and publisher, oldest first (an undated figure last); past ten"
        " figures, the first ten and how many more.",
    ),
)

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
        " succeeded_by and no later than the mission's end (NULL: start not stated; 9999-12-31: no bound known).",
    ),
    integer("span_days", "Days from started_earliest to possible_until (NULL: either unknown, or no bound known)."),
    text("bar_start", "Leadership chart: where the tenure's bar starts (see bar_basis; NULL: not a mission post)."),
    text("bar_end", "Leadership chart: where the tenure's bar ends (see bar_basis; NULL: not a mission post)."),
    text("bar_basis", "How the bar was drawn where the source gives no date (NULL: not a mission post)."),
    integer(
        "timeline_rank",
        "Order of the leadership timeline: heads of mission first, then by start, post and person"
        " (NULL: a post outside any mission).",
    ),
    integer(
        "post_rank",
        "Order of the posts in post_holders_on_date: heads of mission first, then by post name (NULL: a post"
        " outside any mission).",
    ),
    integer(
        "holders_rank",
        "Order of the tenures in post_holders_on_date: by post_rank, then person and tenure (NULL: a post"
        " outside any mission).",
    ),
    # position_id first: it serves the foreign key and the succession lookup (unami/derived/tenure_spans.sql).
    Index("ix_tenure_spans_position_id_started_earliest", "position_id", "started_earliest"),
    Index("ix_tenure_spans_started_earliest_possible_until", "started_earliest", "possible_until"),
    Index("ix_tenure_spans_span_days", "span_days"),
    Index("ix_tenure_spans_timeline_rank_position_id", "timeline_rank", "position_id"),
    Index("ix_tenure_spans_holders_rank", "holders_rank"),
)

# --- How many sources state each fact -----------------------------------------------------------

fact_source_counts = summary_table(
    "fact_source_counts",
    "how many sources state each fact row and how many disagree with it, one row per row of every fact table"
    " (claim tables excepted). The row's own section is its first source; fact_claims adds the others.",
    text("fact_table", "Fact table the row is in.", nullable=False),
    Column("fact_id", Integer, nullable=False, comment="Id of the row in fact_table."),
    text("label", "The row's key, name or code, when its table has one."),
    Column(
        "source_section_id",
        Integer,
        ForeignKey("source_sections.id"),
        nullable=False,
        comment="Section the row itself cites (source_sections.id).",
    ),
    *count("sources", "Distinct sources that state the fact: the row's own and those of its agreeing stated claims."),
    *count("disagreeing_sources", "Distinct sources of claims that disagree with the value the row holds."),
    *count("inferred_claims", "Inferences the project draws about the row (fact_claims.basis = inferred)."),
    *count("claims", "Claims about the row in fact_claims, of any basis and stance."),
    PrimaryKeyConstraint("fact_table", "fact_id"),
    # The fact-support report reads facts in this order: fewest sources first.
    Index("ix_fact_source_counts_sources_fact_table_fact_id", "sources", "fact_table", "fact_id"),
    Index("ix_fact_source_counts_source_section_id", "source_section_id"),
)


def supported_tables() -> list[Table]:
    """Fact tables whose rows fact_source_counts counts (every fact table but the claim tables)."""
    return [table for table in fact_tables() if table.name not in CLAIM_TABLES]
