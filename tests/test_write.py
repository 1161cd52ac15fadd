"""write(): a load plan's rows into a migrated file, in one transaction, with the build's data version."""

import sqlite3

import pytest

from unami import DEFAULT_DATA_DIR, migrate, schema
from unami.loaders import FAMILIES, plan_load, write
from unami.loaders.context import LoadContext
from unami.loaders.pipeline import LoadPlan, check_unique


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
