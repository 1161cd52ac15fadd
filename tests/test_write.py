"""write(): a load plan's rows into a migrated file, in one transaction, with the build's data version."""

import sqlite3

import pytest
from sqlalchemy import UniqueConstraint

from unami import DEFAULT_DATA_DIR, migrate, schema
from unami.loaders import FAMILIES, plan_load, write
from unami.loaders.context import LoadContext, TableRows
from unami.loaders.pipeline import LoadPlan, check_unique, indexes_made_after


@pytest.fixture(scope="module")
def plan():
    return plan_load([DEFAULT_DATA_DIR], FAMILIES)


def test_every_planned_row_is_written_as_planned_with_one_data_version(plan, tmp_path):
    db = tmp_path / "written.db"
    migrate.upgrade(db)
    counts = write(db, plan, "0042")  # no `seconds`: the load's time is not asked for
    connection = sqlite3.connect(db)
    assert connection.execute("select * from dataset_versions").fetchall() == [
        (1, f"{plan.data_sha256[:12]}-0042", plan.data_sha256, "0042")
    ]
    assert len(plan.data_sha256) == 64
    for name, rows in plan.rows.items():
        columns = ", ".join(rows.columns)
        written = connection.execute(f"select {columns} from [{name}] order by id").fetchall()
        streamed = counts[name] - len(rows)  # bulk lines come after the curated rows
        assert written[: len(rows)] == rows.values and len(written) == len(rows) + streamed, name
    assert counts == {
        table.name: connection.execute(f"select count(*) from [{table.name}]").fetchone()[0]
        for table in schema.migrated_tables()
    }
    connection.close()


def test_a_table_with_no_rows_leaves_the_tables_after_it_written(plan, tmp_path):
    """mission_names comes early in the migrated order and nothing refers to it."""
    db = tmp_path / "written.db"
    migrate.upgrade(db)
    without_names = LoadPlan(**{**vars(plan), "rows": {k: v for k, v in plan.rows.items() if k != "mission_names"}})
    counts = write(db, without_names, "0042")
    assert counts["mission_names"] == 0
    assert {name: counts[name] for name in plan.rows if name != "mission_names"} == {
        name: len(rows) for name, rows in plan.rows.items() if name != "mission_names"
    }


def test_writing_into_a_file_not_migrated_is_a_programming_error(plan, tmp_path):
    db = tmp_path / "empty.db"
    sqlite3.connect(db).close()
    with pytest.raises(RuntimeError, match="^table dataset_versions is missing: the database is not migrated to head$"):
        write(db, plan, "0042")


INDEXES = "select name, tbl_name, sql from sqlite_schema where type = 'index' order by name"


def test_a_write_leaves_the_indexes_the_migrations_made_with_their_sql(plan, tmp_path):
    db = tmp_path / "written.db"
    migrate.upgrade(db)
    migrated = sqlite3.connect(db).execute(INDEXES).fetchall()
    write(db, plan, "0042")
    connection = sqlite3.connect(db)
    assert connection.execute(INDEXES).fetchall() == migrated
    assert connection.execute("pragma integrity_check").fetchall() == [("ok",)]  # filled, not just declared


def test_while_rows_go_in_only_unique_and_self_reference_indexes_are_kept(tmp_path):
    """A plain index is made after the rows; a UNIQUE one refuses rows as they come, and SQLite searches one
    on a column referring to its own table for each row inserted while a deferred foreign key is open."""
    db = tmp_path / "migrated.db"
    migrate.upgrade(db)
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("BEGIN")
    with indexes_made_after(connection):
        during = {name for (name,) in connection.execute("select name from sqlite_schema where type = 'index'")}
    self_references = {
        index.name
        for table in schema.migrated_tables()
        for index in table.indexes
        if any(key.column.table is table for column in index.columns for key in column.foreign_keys)
    }
    assert self_references == {
        "ix_appointments_next_appointment_id",
        "ix_appointments_predecessor_appointment_id",
        "ix_appointments_served_under_appointment_id",
        "ix_fact_claims_rests_on_claim_id",
        "ix_organizations_parent_organization_id",
    }
    assert {name for name in during if not name.startswith("sqlite_autoindex_")} == self_references
    unique = {name for (name,) in connection.execute("select name from sqlite_schema where sql is null")}
    tables = schema.migrated_tables()
    constraints = [c for table in tables for c in table.constraints if isinstance(c, UniqueConstraint)]
    assert unique <= during and len(unique) == len(constraints) + 1  # and alembic_version's primary key


def test_a_failed_write_rolls_back_to_the_migrated_indexes(plan, tmp_path):
    """A row SQLite refuses mid-load: the indexes dropped for the inserts are back, as the migrations made them."""
    db = tmp_path / "written.db"
    migrate.upgrade(db)
    migrated = sqlite3.connect(db).execute(INDEXES).fetchall()
    events = TableRows("events")
    events.values = [(*row[:3], "not a kind", *row[4:]) for row in plan.rows["events"].values]
    events.origins = plan.rows["events"].origins
    broken = LoadPlan(**{**vars(plan), "rows": {**plan.rows, "events": events}})
    with pytest.raises(sqlite3.IntegrityError, match="ck_events_event_kind_vocabulary"):
        write(db, broken, "0042")
    connection = sqlite3.connect(db)
    assert connection.execute(INDEXES).fetchall() == migrated
    assert connection.execute("select count(*) from events").fetchone() == (0,)


def test_a_repeat_is_found_after_a_row_whose_unique_columns_hold_null():
    """SQL treats NULLs as distinct: a resolution without a symbol repeats nothing, and does not end the check."""
    context = LoadContext()
    context.start_file("data/resolutions.yaml", None)
    for number, symbol in ((1500, None), (1546, "S/RES/1546 (2004)"), (1557, "S/RES/1546 (2004)")):
        context.add("resolutions", {"number": number, "symbol": symbol}, f"resolutions[{number}]")
    check_unique(context)
    assert [str(problem) for problem in context.problems] == [
        "data/resolutions.yaml: resolutions[1557]: symbol: "
        "repeats an earlier resolutions row (symbol='S/RES/1546 (2004)')"
    ]


def test_queued_rows_read_as_dicts_in_the_table_s_column_order():
    context = LoadContext()
    context.start_file("data/missions.yaml", None)
    first = context.add("mission_names", {"name": "UNAMI", "language": "en"}, "missions[0] (unami)")
    second = context.add("mission_names", {"name": "Iraq mission"})
    rows = context.rows_of("mission_names")
    assert (first, second, len(rows)) == (1, 2, 2)
    assert rows.columns == tuple(column.name for column in schema.metadata.tables["mission_names"].columns)
    assert rows[0] == dict.fromkeys(rows.columns) | {"id": 1, "name": "UNAMI", "language": "en"}
    assert [row["name"] for row in rows] == ["UNAMI", "Iraq mission"]
    assert rows.column("id") == [1, 2]
    assert context.origin("mission_names", rows[1]) == ("data/missions.yaml", None)
    assert context.origin("mission_names", rows[0]) == ("data/missions.yaml", "missions[0] (unami)")
    assert context.origin("mission_names", {"id": 3}) == ("(unknown file)", None)
    assert context.origin("mission_names", {"id": 0}) == ("(unknown file)", None)
    assert len(context.rows_of("events")) == 0 and "events" not in context.rows


def test_a_row_with_a_column_its_table_lacks_is_a_programming_error():
    context = LoadContext()
    with pytest.raises(RuntimeError, match=r"rows for mission_names carry unknown columns \['nmae'\]"):
        context.add("mission_names", {"nmae": "UNAMI"})


def test_a_repeat_shows_its_named_columns_or_says_it_repeats_the_same_references():
    context = LoadContext()
    context.start_file("data/field.yaml", None)
    for _ in range(2):
        context.add("staffing_counts", {"mission_id": 1, "observed_date": "2008-03", "category": "national staff"}, "s")
    context.start_file("data/events.yaml", None)
    for _ in range(2):
        context.add("event_resolutions", {"event_id": 4, "resolution_id": 2}, "events[3] (e).resolutions[0]")
    check_unique(context)
    assert [str(problem) for problem in context.problems] == [
        "data/field.yaml: s: mission_id,observed_date,category: repeats an earlier staffing_counts row"
        " (observed_date='2008-03', category='national staff')",
        "data/events.yaml: events[3] (e).resolutions[0]: event_id,resolution_id: repeats an earlier"
        " event_resolutions row (same references)",
    ]
