"""The published site: Datasette configuration generated from `schema/` and `reports/`.

Nothing here is hand-copied: table and column descriptions are the `comment=` of the
declared schema and the sidecar yml of each view in `unami/derived/`, canned queries are `reports/*.sql` with their
sidecars, source links come from the `sources` table of the database served.

`site_config()` returns one neutral description of the site; `metadata_065()` emits
it in Datasette 0.65's single metadata layout and `layout_10()` splits it into the
metadata and `datasette.yaml` configuration of Datasette 1.0. Example:
`metadata_065(site_config(Path("unami.db")))["databases"]["unami"]["queries"]`.
"""

from contextlib import closing
from pathlib import Path

from sqlalchemy import Table

from unami import release, schema
from unami.dashboard import dashboard
from unami.derived import VIEWS
from unami.files import connect_read_only
from unami.reports import catalog
from unami.schema.columns import edtf_dates

TITLE = "unami-db: the UN Assistance Mission for Iraq (2003–2025)"
DESCRIPTION = (
    "A normalized, sourced database of the United Nations Assistance Mission for Iraq: leaders and their "
    "tenures, Security Council resolutions, mandate, timeline, staffing and uniformed contingents. Every fact "
    "names the source section it comes from; dates keep the precision the source gives; where the source "
    "contradicts itself both claims are kept. "
)

# Small database, public server: a short time limit stops runaway ad hoc SQL. HTML rendering
# dominates cost (a table page: about 76 req/s on 2 cores against 1,400 for JSON `select 1`;
# 91 with facet suggestions off), so facet suggestions are off.
SETTINGS = {
    "sql_time_limit_ms": 750,
    "max_returned_rows": 1000,
    "default_page_size": 50,
    "default_facet_size": 15,
    "facet_time_limit_ms": 150,
    "suggest_facets": False,
    "allow_facet": True,
    "allow_download": True,
    "default_cache_ttl": 3600,
}

FTS_SHADOW_SUFFIXES = ("data", "idx", "docsize", "config", "content")

# Tables sort newest first by their first EDTF date (see _table_sort); these keep an order of their own:
# the source's list, and a summary's copies of date bounds.
TABLE_SORTS = {"contingents": {"sort": "list_position"}, "tenure_spans": {"sort": "started_earliest"}}

# Views: full-text search through the base table's index and facets. A friendly view has no sort here:
# its own ORDER BY puts undated rows last, which no column sort can (see unami/derived/*_overview.sql).
VIEW_OPTIONS = {
    "appointments_overview": {
        "fts_table": "people_fts",
        "fts_pk": "person_id",
        "facets": ["position", "position_level", "nationality"],
        "label_column": "person",
    },
    "contingents_overview": {
        "fts_table": "contingents_fts",
        "fts_pk": "contingent_id",
        "facets": ["status", "country"],
        "label_column": "country",
    },
    "events_overview": {
        "fts_table": "events_fts",
        "fts_pk": "event_id",
        "facets": ["event_kind", "mission"],
        "label_column": "name",
    },
}


def database_name(db_path: Path) -> str:
    """Datasette names a database after its file's stem."""
    return Path(db_path).stem


def _hidden_tables() -> list[str]:
    # Bookkeeping and summary tables: reports read them, visitors browse the fact tables.
    hidden = ["alembic_version", "dataset_versions", *sorted(schema.SUMMARY_TABLE_NAMES)]
    for index in schema.FTS_INDEXES:
        hidden.append(index.name)
        hidden.extend(f"{index.name}_{suffix}" for suffix in FTS_SHADOW_SUFFIXES)
    return hidden


def _vocabulary_columns(table: Table) -> list[str]:
    """Columns limited to a controlled vocabulary: the natural facets of a table.

    A date's precision is coded too, but it describes the date, not the row: no facet.
    """
    return [column.name for column in table.columns if "vocabulary" in column.info and "edtf" not in column.info]


def _table_sort(table: Table) -> dict[str, str]:
    """Newest first by the latest possible day of the table's first date, so undated rows come last.

    Datasette sorts a table by one column, SQLite puts NULL first in ascending order, and Datasette's
    next-page links assume it does; descending, NULL comes last. The latest bound places a date known only
    to the year (2003) after the days it may equal (2003-08-14). TABLE_SORTS names the exceptions.
    """
    if table.name in TABLE_SORTS:
        return TABLE_SORTS[table.name]
    dates = edtf_dates(table)
    return {"sort_desc": dates[0].latest.name} if dates else {}


def _table_entries() -> dict[str, dict]:
    entries: dict[str, dict] = {}
    for name, table in schema.metadata.tables.items():
        entry: dict[str, object] = {
            "description": table.comment,
            "columns": {column.name: column.comment for column in table.columns},
        }
        if "name" not in table.columns:
            for candidate in ("key", "claim"):
                if candidate in table.columns:
                    entry["label_column"] = candidate
                    break
        facets = _vocabulary_columns(table)
        if facets:
            entry["facets"] = facets
        entry.update(_table_sort(table))
        entries[name] = entry
    for view in VIEWS:
        options = {"hidden": True} if view.hidden else VIEW_OPTIONS[view.name]
        entries[view.name] = {"description": view.description, "columns": dict(view.columns), **options}
    for index in schema.FTS_INDEXES:
        # Named as well as detected (schema/fts.py writes content="table", the form Datasette 0.65
        # detects), so the search box does not depend on how a later Datasette reads the DDL.
        entries[index.table].update({"fts_table": index.name, "fts_pk": "id"})
        entries[index.name] = {
            "description": f"Full-text index over {index.table} (bookkeeping, kept in step by the build).",
            "columns": {column: f"Indexed text of {index.table}.{column}." for column in index.columns},
        }
    for name in _hidden_tables():
        entries.setdefault(name, {"description": "Bookkeeping table."})["hidden"] = True
    entries["alembic_version"]["columns"] = {"version_num": "Alembic revision the schema is at."}
    return entries


def _queries(reports: list[catalog.Report]) -> dict[str, dict]:
    queries = {}
    for report in reports:
        # each parameter's meaning is shown beside its input (query.html), not repeated here
        description = f"{report.description} Grain: {report.grain}."
        queries[report.name] = {
            "title": report.title,
            "description": description,
            "sql": report.sql,
            "params": list(report.parameter_names),
            "hide_sql": True,  # long SQL pushes the rows off screen; "show" reveals it, reports/ holds it
            # read by unami/pages/templates/query.html: choices to pick from, a placeholder, the hint shown
            # when nothing matches, and what each output column holds
            "parameters": {
                parameter.name: {
                    "meaning": parameter.meaning,
                    "placeholder": parameter.examples[0],
                    "choices": list(parameter.choices or parameter.examples),
                    "hint": parameter.hint(),
                }
                for parameter in report.parameters
            },
            "columns": dict(report.columns),
            "helper_columns": list(report.helper_columns),
        }
    return queries


def site_config(db_path: Path) -> dict:
    """Everything the site publishes, in one layout-neutral structure."""
    db_name = database_name(db_path)
    reports = catalog.load_all()
    with closing(connect_read_only(db_path)) as connection:
        sources = release.sources(connection)
    version = release.data_version(db_path)
    return {
        "instance": {
            "title": TITLE,
            "description": f"{DESCRIPTION}{release.attribution()} Data version {version}.",
            **release.datasette_fields(),  # licence and source: the same wording as the export
            "about": f"Code: {release.CODE_LICENCE['name']} licence · data version {version}",
            "about_url": release.CODE_LICENCE["path"],
        },
        "database": db_name,
        "database_description": f"Data version {version}. Sources: "
        + "; ".join(
            f"{source['name']} ({', '.join(part for part in (source['publisher'], source['licence']) if part)})"
            for source in sources
        ),
        "tables": _table_entries(),
        "queries": _queries(reports),
        "plugins": {"datasette-dashboards": dashboard(db_name, {report.name: report for report in reports})},
        "settings": dict(SETTINGS),
    }


# Keys that describe (metadata) versus keys that configure (datasette.yaml in 1.0).
DESCRIPTIVE_TABLE_KEYS = ("description", "columns")


def metadata_065(site: dict) -> dict:
    """Datasette 0.65: one metadata document holds descriptions, table options, queries and plugins."""
    instance = {key: value for key, value in site["instance"].items() if value is not None}
    return {
        **instance,
        "databases": {
            site["database"]: {
                "description": site["database_description"],
                "tables": site["tables"],
                "queries": site["queries"],
            }
        },
        "plugins": site["plugins"],
    }


def layout_10(site: dict) -> tuple[dict, dict]:
    """Datasette 1.0: (metadata, datasette.yaml configuration)."""
    instance = {key: value for key, value in site["instance"].items() if value is not None}
    described, configured = {}, {}
    for name, entry in site["tables"].items():
        described[name] = {key: value for key, value in entry.items() if key in DESCRIPTIVE_TABLE_KEYS}
        options = {key: value for key, value in entry.items() if key not in DESCRIPTIVE_TABLE_KEYS}
        if options:
            configured[name] = options
    metadata = {
        **instance,
        "databases": {site["database"]: {"description": site["database_description"], "tables": described}},
    }
    configuration = {
        "settings": site["settings"],
        "plugins": site["plugins"],
        "databases": {site["database"]: {"tables": configured, "queries": site["queries"]}},
    }
    return metadata, configuration
