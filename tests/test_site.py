"""The published site: generated metadata, hidden bookkeeping, read-only SQL, dashboard, smoke test."""

import asyncio
import json
import os
import re
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import urlencode

import pytest
from conftest import digest
from test_report_rows import records

from unami import DEFAULT_DATA_DIR, PROJECT_ROOT, schema
from unami.dashboard import CHARTS
from unami.dashboard import SLUG as DASHBOARD_SLUG
from unami.derived import VIEWS
from unami.files import connect_read_only
from unami.site import layout_10, site_config
from unami.site_server import datasette_instance, inspect_data

DB = "unami"


def get_json(site, path: str):
    response = site(path)
    assert response.status_code == 200, f"{path}: {response.status_code} {response.text[:300]}"
    return response.json()


def test_database_page_lists_every_report_with_its_title(site):
    from unami.reports import catalog

    database = get_json(site, f"/{DB}.json")
    served = {query["name"]: query["title"] for query in database["queries"]}
    assert served == {report.name: report.title for report in catalog.load_all()}


def test_every_visible_table_view_and_column_is_described_in_the_served_metadata(site):
    database = get_json(site, f"/{DB}.json")
    metadata = get_json(site, "/-/metadata.json")["databases"][DB]["tables"]
    visible = [table for table in database["tables"] if not table["hidden"]] + database["views"]
    # Every table the migrations own but the bookkeeping ones, and every view (helpers included: the JSON lists them).
    names = {table["name"] if isinstance(table, dict) else table for table in visible}
    migrated = {table.name for table in schema.migrated_tables()} - {"alembic_version", "dataset_versions"}
    assert names == migrated | {view.name for view in VIEWS}
    for table in visible:
        name = table["name"] if isinstance(table, dict) else table
        entry = metadata.get(name, {})
        assert entry.get("description"), f"{name} has no description"
        columns = get_json(site, f"/{DB}/{name}.json?_size=0")["columns"]
        missing = [column for column in columns if not entry.get("columns", {}).get(column)]
        assert not missing, f"{name}: columns without a description: {missing}"


def test_bookkeeping_tables_are_hidden(site):
    tables = {table["name"]: table for table in get_json(site, f"/{DB}.json")["tables"]}
    hidden = {name for name, table in tables.items() if table["hidden"]}
    assert "alembic_version" in hidden
    assert {"people_fts", "people_fts_data", "events_fts_idx"} <= hidden
    assert not {"people", "appointments", "contingents"} & hidden


def test_instance_metadata_names_licences_and_the_source(site):
    metadata = get_json(site, "/-/metadata.json")
    assert "CC BY-SA 4.0" in metadata["license"]
    assert metadata["source_url"] == "https://en.wikipedia.org/wiki/United_Nations_Assistance_Mission_for_Iraq"
    assert "MIT" in metadata["about"]


def test_views_are_searchable_and_facetable(site):
    found = get_json(site, f"/{DB}/events_overview.json?_search=resolution&_shape=array")
    assert any("2732" in row["name"] for row in found)
    facets = get_json(site, f"/{DB}/contingents_overview.json?_facet=status")["facet_results"]
    counts = {item["value"]: item["count"] for item in facets["status"]["results"]}
    assert counts == {"former": 11, "current": 2}  # two current entries, ten former ones (Denmark's split in two)


@pytest.mark.parametrize(("table", "id_column"), [("contingents", "id"), ("contingents_overview", "contingent_id")])
def test_a_search_for_green_zone_finds_both_contingents_whose_duties_mention_it(site, query, table, id_column):
    rows = get_json(site, f"/{DB}/{table}.json?_search=%22Green+Zone%22&_shape=array")
    # The 160-troop guard unit (country not named) and Georgia's 2005 contingent.
    listed = query("select id from contingents where list_position in (1, 4) order by id")
    assert sorted(row[id_column] for row in rows) == [row["id"] for row in listed]


def test_foreign_keys_show_labels(site):
    row = get_json(site, f"/{DB}/appointments.json?id=1&_labels=on&_shape=array")[0]
    assert row["person_id"]["label"] == "Ashraf Jehangir Qazi"


NOT_A_SELECT = "Statement must be a SELECT"  # Datasette's own check, before SQLite


@pytest.mark.parametrize(
    ("sql", "error"),
    [
        ("update people set name = 'x'", NOT_A_SELECT),
        # starts like a select: SQLite itself refuses it, as the file is opened read-only
        (
            "with x as (select 1) insert into people (key, name, source_section_id) values ('x', 'x', 1)",
            "attempt to write a readonly database",
        ),
        ("delete from people", NOT_A_SELECT),
        ("attach database '/tmp/other.db' as other", NOT_A_SELECT),
    ],
)
def test_sql_that_tries_to_write_is_refused_and_the_file_is_unchanged(site, built_db, sql, error):
    before = digest(built_db)
    response = site(f"/{DB}.json?" + urlencode({"sql": sql, "_shape": "array"}))
    assert (response.status_code, response.json()["error"]) == (400, error)
    assert digest(built_db) == before
    with connect_read_only(built_db) as connection:
        assert connection.execute("select count(*) from people where name = 'x'").fetchone() == (0,)


def test_dashboard_page_and_every_chart_query_answer(site):
    page = site(f"/-/dashboards/{DASHBOARD_SLUG}")
    assert page.status_code == 200
    for slug in CHARTS:
        assert f"chart-{slug}" in page.text
    dashboard = get_json(site, "/-/metadata.json")["plugins"]["datasette-dashboards"][DASHBOARD_SLUG]
    for slug in CHARTS:
        query = dashboard["charts"][slug]["query"]
        # the dashboard fetches exactly this: arbitrary SQL, parameters left out (= all)
        data = get_json(site, f"/{DB}.json?" + urlencode({"sql": query, "_shape": "objects"}))
        assert data["rows"], f"chart {slug} has no rows"


def chart_rows(site, slug: str) -> list[dict]:
    """The rows the dashboard fetches for one chart."""
    dashboard = get_json(site, "/-/metadata.json")["plugins"]["datasette-dashboards"][DASHBOARD_SLUG]
    return get_json(site, f"/{DB}.json?" + urlencode({"sql": dashboard["charts"][slug]["query"], "_shape": "array"}))


def test_gantt_chart_rows_have_start_and_end_and_the_report_no_chart_columns(site):
    rows = chart_rows(site, "leadership")
    assert len(rows) == 12  # 8 heads of mission and 4 deputies, all in mission posts
    assert all(row["bar_start"] and row["bar_end"] and row["bar_start"] < row["bar_end"] for row in rows)
    report = get_json(site, f"/{DB}/leaders_timeline.json?_shape=array")
    assert [row["appointment_id"] for row in report] == [row["appointment_id"] for row in rows]
    assert not {"bar_start", "bar_end", "bar_basis"} & set(report[0])  # the bars live in tenure_spans


# Days around the stated dates: before the first head, inside month-precision starts and ends, an end the
# source does not state (Melkert, Kobler), the deputies without dates (under Hennis-Plasschaert), the end.
CHART_DAYS = [
    "2004-06-30",
    "2004-07-15",
    "2007-09-15",
    "2010-01-01",
    "2011-08-15",
    "2012-06-01",
    "2019-06-30",
    "2024-07-15",
    "2025-12-31",
    "2026-01-01",
]


@pytest.mark.parametrize("day", CHART_DAYS)
def test_the_leadership_chart_shows_in_office_on_a_day_exactly_whom_post_holders_on_date_lists(site, day):
    drawn = {
        row["appointment_id"] for row in chart_rows(site, "leadership") if row["bar_start"] <= day <= row["bar_end"]
    }
    listed = get_json(site, f"/{DB}/post_holders_on_date.json?" + urlencode({"date": day, "_shape": "array"}))
    assert drawn == {row["appointment_id"] for row in listed}


@pytest.mark.parametrize(
    ("day", "people"),
    [
        ("2004-06-30", set()),  # Qazi from July 2004
        ("2010-01-01", {"Ad Melkert"}),  # from July 2009, end not stated; Kobler from August 2011
        # Hennis-Plasschaert led from December 2018; her undated deputies are drawn over her reach (Walpole,
        # and the two other sources name); Isaczai started in July 2022 (Atlasinfo)
        (
            "2019-06-30",
            {
                "Jeanine Hennis-Plasschaert",
                "Alice Walpole",
                "Ingibjörg Sólrún Gísladóttir",
                "Irena Vojáčková-Sollorano",
            },
        ),
        ("2026-01-01", set()),  # the mission ended on 31 December 2025
    ],
)
def test_the_leadership_chart_on_a_day_shows_the_holders_the_source_dates(site, day, people):
    drawn = {row["person"] for row in chart_rows(site, "leadership") if row["bar_start"] <= day <= row["bar_end"]}
    assert drawn == people


def test_the_10_layout_moves_queries_and_options_to_the_configuration(built_db):
    metadata, configuration = layout_10(site_config(built_db))
    assert "queries" not in metadata["databases"][DB]
    from unami.reports import catalog
    from unami.site import SETTINGS

    assert sorted(configuration["databases"][DB]["queries"]) == sorted(report.name for report in catalog.load_all())
    assert configuration["settings"]["sql_time_limit_ms"] == SETTINGS["sql_time_limit_ms"]
    assert "datasette-dashboards" in configuration["plugins"]
    assert configuration["databases"][DB]["tables"]["alembic_version"]["hidden"] is True
    assert metadata["databases"][DB]["tables"]["people"]["description"]


def test_served_site_smoke_test_with_datasette_get(built_db, tmp_path):
    db_path = tmp_path / "unami.db"
    db_path.write_bytes(built_db.read_bytes())
    assert inspect_data(db_path)[DB]["tables"]["people"]["count"] == len(records("people"))
    datasette = datasette_instance(db_path)  # the site exactly as `unami serve` builds it

    async def get_all(paths):
        return [await datasette.client.get(path) for path in paths]

    checks = [(f"/{DB}.json", "leaders_timeline"), (f"/{DB}/people.json?_shape=array", "Ad Melkert")]
    for (_path, expected), response in zip(checks, asyncio.run(get_all([path for path, _ in checks])), strict=True):
        assert response.status_code == 200, response.text
        assert expected in response.text


def _readme_examples() -> list[tuple[str, list[list[str]]]]:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What you can ask", 1)[1].split("\n## ", 1)[0]
    examples = []
    for sql, table in re.findall(r"```sql\n(.*?)```\n\n((?:\|[^\n]*\n)+)", section, re.DOTALL):
        body = [line.strip("|").split("|") for line in table.strip().splitlines()[2:]]
        examples.append((sql, [[cell.strip() for cell in row] for row in body]))
    return examples


def test_readme_has_five_example_queries_whose_answers_are_current(query):
    examples = _readme_examples()
    assert len(examples) >= 5
    for sql, expected in examples:
        got = [["" if value is None else str(value) for value in row.values()] for row in query(sql)]
        assert got == expected, sql


def test_readme_screenshots_exist():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\((docs/screenshots/[^)]+)\)", readme)
    shots = sorted(
        path.relative_to(PROJECT_ROOT).as_posix() for path in (PROJECT_ROOT / "docs/screenshots").glob("*.png")
    )
    assert sorted(set(images)) == shots  # every screenshot shown, every one shown there
    assert all((PROJECT_ROOT / image).stat().st_size > 10_000 for image in images)


def test_serve_rebuilds_only_a_missing_or_stale_database(built_db, tmp_path):
    from unami.serve import is_stale, newest_input_mtime

    copy = tmp_path / "unami.db"
    assert is_stale(copy)
    copy.write_bytes(built_db.read_bytes())
    assert not is_stale(copy)
    # Built from other data: a corrected fact must reach the site.
    changed = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, changed)
    (changed / "outcomes.yaml").write_text((changed / "outcomes.yaml").read_text() + "# a correction\n")
    assert is_stale(copy, [changed])
    # Older than the build code (schema, loaders, migrations).
    old = newest_input_mtime() - 60
    os.utime(copy, (old, old))
    assert is_stale(copy)
    # A file that is not a unami database at all.
    copy.write_bytes(b"not a database")
    assert is_stale(copy)


def test_serve_command_is_immutable_and_never_loads_extensions_or_crossdb(built_db):
    from unami.serve import serve_command
    from unami.site_server import datasette_instance

    command = serve_command(built_db, "127.0.0.1", 8001)
    assert command[1:] == ["-m", "unami.site_server", "--db", str(built_db), "--host", "127.0.0.1", "--port", "8001"]
    served = datasette_instance(built_db)
    assert [(name, database.is_mutable) for name, database in served.databases.items() if name != "_internal"] == [
        ("unami", False)
    ]
    assert (served.sqlite_extensions, served.crossdb) == ([], False)
    assert served.setting("sql_time_limit_ms") == 750
    assert served.inspect_data["unami"]["tables"]["people"]["count"] == len(records("people"))


def test_the_site_shows_the_data_version_and_the_source_attribution(site, built_db):
    with sqlite3.connect(built_db) as connection:
        (version,) = connection.execute("select data_version from dataset_versions").fetchone()
    metadata = get_json(site, "/-/metadata.json")
    assert f"data version {version}" in metadata["about"]
    assert "English Wikipedia contributors" in metadata["description"]
    assert f"Data version {version}." in metadata["databases"][DB]["description"]
    home = site("/").text
    assert version in home and "CC BY-SA 4.0" in home


def test_no_chart_tooltip_or_axis_reads_a_null(site):
    """Every field a chart shows (axes, colours, tooltips) has a value in every row it draws."""
    from unami.dashboard import CHARTS

    dashboard = get_json(site, "/-/metadata.json")["plugins"]["datasette-dashboards"][DASHBOARD_SLUG]
    for slug, chart in CHARTS.items():
        if chart.library != "vega-lite":
            continue
        spec = json.dumps(chart.display)
        shown = set(re.findall(r'"field": "(\w+)"', spec))
        rows = get_json(
            site, f"/{DB}.json?" + urlencode({"sql": dashboard["charts"][slug]["query"], "_shape": "array"})
        )
        for row in rows:
            empty = sorted(name for name in shown if row.get(name) is None)
            assert not empty, f"chart {slug}: {empty} null in {row}"


def test_the_charts_declare_the_vega_lite_version_the_dashboard_draws_with():
    import datasette_dashboards

    from unami.dashboard import CHARTS, VEGA_LITE

    script = (Path(datasette_dashboards.__file__).parent / "static" / "vega-lite.min.js").read_text()
    drawn = re.search(r'version:"(\d+)\.', script) or re.search(r'"(\d+)\.\d+\.\d+"', script)
    assert VEGA_LITE.endswith(f"/v{drawn.group(1)}.json")
    assert all(chart.spec()["$schema"] == VEGA_LITE for chart in CHARTS.values() if chart.library == "vega-lite")


def test_the_events_chart_counts_the_events_it_cannot_place(site, query):
    from unami.dashboard import CHARTS

    dashboard = get_json(site, "/-/metadata.json")["plugins"]["datasette-dashboards"][DASHBOARD_SLUG]
    sql = dashboard["charts"]["unplaced_events"]["query"]
    (row,) = get_json(site, f"/{DB}.json?" + urlencode({"sql": sql, "_shape": "array"}))
    years = query("select occurred_earliest, occurred_latest from events")
    unplaced = sum(1 for event in years if event["occurred_earliest"][:4] != event["occurred_latest"][:4])
    assert row["unplaced"] == unplaced == 2
    assert CHARTS["events"].where == "event_year is not null"
