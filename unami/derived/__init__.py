"""Derived objects: views, summary tables and full-text indexes, made from the fact rows by one step.

Migrations own the fact tables only. Nothing here holds a fact of its own, so every derived
object is created by `derive` after `unami build` loads the facts and after `unami migrate`
upgrades them (`drop_derived` first removes what the older database holds):

- a view is `<name>.sql` here (its select) with `<name>.yml` (kind: view, description, columns; `hidden: true`
  for a helper view that reports, charts and SQL read, which the site does not list);
- a summary table is declared in unami/schema/summaries.py (export, the site and the schema
  diagram read it there) and filled by `<name>.sql` here (kind: summary), or, for the counts
  over every fact table, by SQL generated from the declared tables, so a new fact table or
  date is summarized without touching a file;
- a full-text index is declared in unami/schema/fts.py and rebuilt from its content table.

Example: `counts = derive_file(Path("unami.db"))` after the facts are loaded.
"""

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml
from sqlalchemy import Table
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex, CreateTable

from unami import schema
from unami.schema import summaries

DERIVED_DIR = Path(__file__).resolve().parent
KINDS = ("view", "summary")


@dataclass(frozen=True)
class View:
    name: str
    description: str
    columns: dict[str, str]
    sql: str  # the select after "CREATE VIEW name AS"
    hidden: bool = False  # a helper for reports, charts and SQL, not listed on the site

    def create_sql(self) -> str:
        return f"CREATE VIEW {self.name} AS\n{self.sql.strip()}"


@dataclass(frozen=True)
class Summary:
    table: Table
    statements: tuple[str, ...]  # the fill: an insert, then the updates that complete the rows, in order

    def create_sql(self) -> list[str]:
        """The declared table's CREATE TABLE and CREATE INDEX statements, indexes by name."""
        dialect = sqlite.dialect()
        indexes = sorted(self.table.indexes, key=lambda index: str(index.name))
        return [
            str(CreateTable(self.table).compile(dialect=dialect)).strip(),
            *(str(CreateIndex(index).compile(dialect=dialect)).strip() for index in indexes),
        ]


def _specs() -> dict[str, dict]:
    specs = {}
    for path in sorted(DERIVED_DIR.glob("*.yml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(spec, dict) or spec.get("kind") not in KINDS:
            raise ValueError(f"{path}: kind must be one of {', '.join(KINDS)}")
        specs[path.stem] = spec
    return specs


def _sql(name: str) -> str:
    return (DERIVED_DIR / f"{name}.sql").read_text(encoding="utf-8")


def statements(sql: str) -> tuple[str, ...]:
    """Split a file of `;`-terminated statements (sqlite3 knows where one ends, strings and comments included)."""
    found, pending = [], ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"statement without a closing ';': {pending.strip()[:60]!r}")
    return tuple(found)


# --- fills generated from the declared fact tables ----------------------------------------


def section_fill() -> str:
    """Fill of section_fact_counts: one branch per declared fact table (schema.summaries.fact_tables)."""
    branches = "\n    union all\n".join(
        f"    select source_section_id, '{table.name}', count(*) from {table.name} group by source_section_id"
        for table in summaries.fact_tables()
    )
    return f"INSERT INTO section_fact_counts (source_section_id, fact_table, facts)\n{branches}"


def precision_fill() -> str:
    """Fill of date_precision_counts: one branch per declared EDTF date (schema.summaries.dated_columns)."""
    branches = "\n    union all\n".join(
        f"    select '{table}', '{prefix}', coalesce({prefix}_precision, 'not stated'), count(*),"
        f" cast(max(julianday({prefix}_latest) - julianday({prefix}_earliest)) as integer)"
        f" from {table} group by 3"
        for table, prefix in summaries.dated_columns()
    )
    columns = "fact_table, date_column, date_precision, facts, widest_days"
    return f"INSERT INTO date_precision_counts ({columns})\n{branches}"


def support_fill() -> str:
    """Fill of fact_source_counts: every row of every supported fact table, then the rows claims concern."""

    def label(table: Table) -> str:
        return next((name for name in ("key", "name", "iso3", "number") if name in table.columns), "null")

    branches = "\n    union all\n".join(
        f"    select '{table.name}', id, {label(table)}, source_section_id from {table.name}"
        for table in summaries.supported_tables()
    )
    return f"""INSERT INTO fact_source_counts
    (fact_table, fact_id, label, source_section_id, sources, disagreeing_sources, inferred_claims, claims)
with facts (fact_table, fact_id, label, source_section_id) as (
{branches}
),
claimed as (
    select fact_claims.fact_table, fact_claims.fact_id,
        count(distinct case when stance = 'agrees' and basis = 'stated' then source_sections.source_id end)
            as agreeing,
        count(distinct case when stance = 'disagrees' then source_sections.source_id end) as disagreeing,
        sum(basis = 'inferred') as inferred,
        count(*) as claims
    from fact_claims
    inner join source_sections on fact_claims.source_section_id = source_sections.id
    group by fact_claims.fact_table, fact_claims.fact_id
)
select facts.fact_table, facts.fact_id, facts.label, facts.source_section_id,
    case when claimed.claims is null then 1 else 1 + claimed.agreeing - coalesce((
        -- the row's own source is counted once, even when one of its claims cites it again
        select 1 from fact_claims
        inner join source_sections on fact_claims.source_section_id = source_sections.id
        where fact_claims.fact_table = facts.fact_table and fact_claims.fact_id = facts.fact_id
            and fact_claims.stance = 'agrees' and fact_claims.basis = 'stated'
            and source_sections.source_id = (select source_id from source_sections where id = facts.source_section_id)
        limit 1), 0) end,
    coalesce(claimed.disagreeing, 0), coalesce(claimed.inferred, 0), coalesce(claimed.claims, 0)
from facts
left join claimed on claimed.fact_table = facts.fact_table and claimed.fact_id = facts.fact_id"""


GENERATED_FILLS: dict[str, Callable[[], str]] = {
    "section_fact_counts": section_fill,
    "date_precision_counts": precision_fill,
    "fact_source_counts": support_fill,
}

# --- the catalog ----------------------------------------------------------------------------

_SPECS = _specs()

VIEWS = tuple(
    View(name, spec["description"], dict(spec["columns"]), _sql(name), bool(spec.get("hidden")))
    for name, spec in _SPECS.items()
    if spec["kind"] == "view"
)

_summary_files = {name for name, spec in _SPECS.items() if spec["kind"] == "summary"}
if _summary_files & set(GENERATED_FILLS) or _summary_files | set(GENERATED_FILLS) != schema.SUMMARY_TABLE_NAMES:
    raise ValueError(
        f"every summary table ({sorted(schema.SUMMARY_TABLE_NAMES)}) needs exactly one fill:"
        f" {sorted(_summary_files)} in {DERIVED_DIR}, {sorted(GENERATED_FILLS)} generated"
    )

# In the order the summary tables are declared (every build fills them in this order).
SUMMARIES = tuple(
    Summary(table, statements(_sql(table.name)) if table.name in _summary_files else (GENERATED_FILLS[table.name](),))
    for table in schema.metadata.tables.values()
    if table.name in schema.SUMMARY_TABLE_NAMES
)

# --- the step -------------------------------------------------------------------------------


def derive(connection: sqlite3.Connection, seconds: dict[str, float] | None = None) -> dict[str, int]:
    """Create and fill every summary table, create every view, create and fill every full-text index.

    Runs in the caller's transaction; returns the rows of each summary table. `seconds`, when
    given, receives the time of the phases summarize (summaries and views) and index.
    """
    seconds = {} if seconds is None else seconds
    started = time.perf_counter()
    counts = {}
    for summary in SUMMARIES:
        create_table, *create_indexes = summary.create_sql()
        insert, *completions = summary.statements
        # Indexes made after the insert, one sort each instead of an insertion per row (tenure_spans at
        # full scale: 2.9-3.2 s -> 2.3-2.5 s), and before the updates that complete rows, which read them.
        for statement in [create_table, insert, *create_indexes, *completions]:
            connection.execute(statement)
        counts[summary.table.name] = connection.execute(f"select count(*) from [{summary.table.name}]").fetchone()[0]
    for view in VIEWS:  # by name: a helper (<table>_joined) before the view that reads it (<table>_overview)
        connection.execute(view.create_sql())
    seconds["summarize"] = time.perf_counter() - started
    started = time.perf_counter()
    for index in schema.FTS_INDEXES:
        connection.execute(index.create_sql())
        connection.execute(f"INSERT INTO {index.name}({index.name}) VALUES ('rebuild')")
    seconds["index"] = time.perf_counter() - started
    return counts


def drop_derived(connection: sqlite3.Connection) -> list[str]:
    """Drop every derived object the database holds, as any earlier version created it; return their names.

    The migrations create no view and no virtual table, so every view and every virtual table
    (FTS5 drops its shadow tables with it) is derived, as is every declared summary table.
    """
    found = connection.execute(
        "select type, name from sqlite_master"
        " where type = 'view' or (type = 'table' and (sql like 'CREATE VIRTUAL TABLE%' or name in ({})))"
        " order by type = 'table', rowid".format(", ".join("?" * len(schema.SUMMARY_TABLE_NAMES))),
        sorted(schema.SUMMARY_TABLE_NAMES),
    ).fetchall()
    for kind, name in found:
        connection.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
    return [name for _kind, name in found]


@contextmanager
def transaction(
    db_path: Path, on_connect: Callable[[sqlite3.Connection], None] | None = None
) -> Iterator[sqlite3.Connection]:
    """A connection to `db_path` inside one transaction: committed at the end, rolled back on an error.

    `on_connect` is called with the connection first (the build's simulated full disk, in tests).
    """
    connection = sqlite3.connect(db_path, isolation_level=None)
    try:
        if on_connect is not None:
            on_connect(connection)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN")
        try:
            yield connection
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:  # SQLite may have rolled back already (a full disk)
                connection.execute("ROLLBACK")
            raise
    finally:
        connection.close()


def derive_file(
    db_path: Path,
    seconds: dict[str, float] | None = None,
    on_connect: Callable[[sqlite3.Connection], None] | None = None,
) -> dict[str, int]:
    """`derive` on the database at `db_path`, in one transaction (its commit counts to the index phase)."""
    seconds = {} if seconds is None else seconds
    with transaction(db_path, on_connect) as connection:
        counts = derive(connection, seconds)
        committed = time.perf_counter()
    seconds["index"] += time.perf_counter() - committed
    return counts


def drop_derived_file(db_path: Path) -> list[str]:
    """`drop_derived` on the database at `db_path`, in one transaction."""
    with transaction(db_path) as connection:
        return drop_derived(connection)
