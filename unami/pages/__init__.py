"""Datasette plugin: the site's pages for people.

Templates in `templates/` (the home page, the footer on every page, the About page, report
pages titled by their report) and `static/site.css` are found by Datasette because this is
a package. The hooks here give those templates what they need and show values as a person
reads them: dates through `readable_date` (also a SQL function for ad hoc queries) and every
unknown as "not stated", while JSON and CSV keep the stored EDTF and NULL.
"""

from pathlib import Path

from datasette import hookimpl
from datasette.utils.asgi import Response
from jinja2 import ChoiceLoader, FileSystemLoader
from markupsafe import Markup, escape

from unami import release
from unami.derived import VIEWS
from unami.pages.entities import entity_page
from unami.readable import NOT_STATED, readable_date
from unami.reports import catalog

# Tables grouped for the home page; a table missing here is listed under "Other tables",
# summary and bookkeeping tables are not listed (they are hidden in the metadata too).
THEMES = {
    "Leaders and their posts": [
        "appointments_overview",
        "people",
        "person_names",
        "person_nationalities",
        "person_educations",
        "positions",
        "appointments",
    ],
    "Security Council resolutions and the mandate": [
        "resolutions",
        "resolution_actions",
        "mandate_areas",
        "mandate_components",
        "mandate_tasks",
        "outcomes",
    ],
    "Events": ["events_overview", "events", "event_participants", "event_resolutions"],
    "Uniformed contingents and staffing": [
        "contingents_overview",
        "contingents",
        "contingent_strengths",
        "contingent_links",
        "countries",
        "staffing_counts",
    ],
    "The mission and its partners": ["missions", "mission_names", "mission_organizations", "organizations"],
    "Sources and contradictions": ["sources", "source_sections", "fact_claims", "discrepancies", "discrepancy_claims"],
}

# (title, path, what it answers): the pages a first-time visitor should see first.
START_HERE = [
    ("Mission fact sheet", "/{db}/mission_fact_sheet?mission=UNAMI", "the mission in one page"),
    ("Dashboard", "/-/dashboards/unami", "leaders, contingents, staffing and events as charts"),
    ("Leadership timeline", "/{db}/leaders_timeline", "every head and deputy head, in order"),
    ("Event timeline", "/{db}/event_timeline", "what happened, and when"),
    ("Contingent list", "/{db}/contingent_list", "the countries that guarded UN staff"),
    ("Contradictions", "/{db}/contradictions", "where the source disagrees with itself"),
    ("Person profiles", "/{db}/person_profile?person=Mladenov", "everything known about one person"),
]

EXAMPLE_QUESTIONS = [
    ("Who led the mission on 1 January 2010?", "/{db}/post_holders_on_date?date=2010-01-01"),
    ("Which countries guarded UN staff, and how many?", "/{db}/contingents_by_country"),
    ("What did Resolution 1500 do?", "/{db}/resolution_history?resolution=1500"),
    ("What happened in 2024?", "/{db}/event_timeline?from=2024-01-01&to=2024-12-31"),
    ("Who is Ján Kubiš, and which posts did he hold?", "/{db}/person_profile?person=Kubi"),
]


TEMPLATES = Path(__file__).parent / "templates"


@hookimpl
def prepare_jinja2_environment(env):
    """Our templates first: datasette-search-all ships templates too, and Datasette orders plugins'
    template directories as pluggy's set of plugins comes, so either could win a given run."""
    env.loader = ChoiceLoader([FileSystemLoader(str(TEMPLATES)), env.loader])


@hookimpl
def register_routes():
    """Our home page, served by its own route: Datasette 0.65.5's stock one checks the visibility of every table
    and view for a listing ours does not show, and each check copies the whole metadata (about 1 s a page at
    the field's scale, where ours takes a few milliseconds). Plugin routes come before Datasette's own. Its
    template is not named index.html, for which datasette-search-all lists the searchable tables (a query
    per table and a check per searchable one) that our search box does not need."""
    return [(r"^/$", home_page)]


async def home_page(datasette, request):
    await datasette.ensure_permissions(request.actor, ["view-instance"])
    context = {"metadata": datasette.metadata()}
    return Response.html(await datasette.render_template("home.html", context, request=request, view_name="index"))


@hookimpl
def prepare_connection(conn):
    conn.create_function("readable_date", 1, readable_date, deterministic=True)
    catalog.prepare(conn)  # the functions the canned reports use


@hookimpl
def extra_css_urls(datasette):
    # Datasette mounts a plugin's static/ under the name of the distribution that registers it.
    return [datasette.urls.static_plugins("unami-db", "site.css")]


# In report results and friendly views, a name links to its entity page through the id column beside it.
FRIENDLY_VIEWS = {view.name for view in VIEWS if not view.hidden}
NAME_LINKS = {
    "person": (("person_id", "people"), ("appointment_id", "appointments")),
    "position": (("appointment_id", "appointments"),),
    "name": (("event_id", "events"),),
    "discrepancy": (("discrepancy_id", "discrepancies"),),
    "country": (("contingent_id", "contingents"),),
}
# Flags are named is_/has_/includes_ (the schema's naming rule) and hold 0 or 1.
FLAG_PREFIXES = ("is_", "has_", "includes_")


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Dates read as people write them, unknowns as "not stated", flags as yes/no, and names in reports and
    friendly views link to their pages."""
    if not isinstance(column, str):
        return None
    if value is None:
        return NOT_STATED_CELL
    if column.endswith("_date"):
        return _date_cell(value)
    if column.startswith(FLAG_PREFIXES) and value in (0, 1):
        return "yes" if value else "no"
    if (table is None or table in FRIENDLY_VIEWS) and column in NAME_LINKS:
        keys = row.keys() if hasattr(row, "keys") else ()
        for id_column, target in NAME_LINKS[column]:
            if id_column in keys and row[id_column] is not None:
                path = datasette.urls.row(database, target, str(row[id_column]))
                return Markup(f'<a href="{escape(path)}">{escape(value)}</a>')
    return None


NOT_STATED_CELL = Markup(f'<span class="not-stated">{NOT_STATED}</span>')


def _date_cell(value):
    """An EDTF date as a person reads it; the stored value stays in the tooltip."""
    shown = readable_date(value) if isinstance(value, str) else value
    if shown == value:
        return None
    return Markup(f'<span title="{escape(value)} (EDTF)">{escape(shown)}</span>')


@hookimpl
def extra_template_vars(view_name, datasette, request):
    async def variables():
        database = datasette.get_database()
        version = await _data_version(database)
        site = {
            "database": database.name,
            "data_version": version,
            "citation": release.citation(version),
            "attribution": release.attribution(),
            **release.datasette_fields(),
        }
        if view_name == "index":
            site["home"] = await _home(datasette, database)
        extra = {}
        if view_name == "database" and request is not None:
            # Datasette 0.65 lists every view on the database page; helper views are hidden like tables
            listed = datasette.get_database(request.url_vars["database"])
            hidden = set(await listed.hidden_table_names())
            extra["views"] = [
                {"name": name, "private": False} for name in await listed.view_names() if name not in hidden
            ]
        if view_name == "row" and request is not None:
            table, pk = request.url_vars.get("table"), request.url_vars.get("pks", "")
            site["entity"] = await entity_page(
                datasette, datasette.get_database(request.url_vars["database"]), table, pk
            )
        return {"site": site, **extra}

    return variables


# The served file is immutable: its data version is read once, not on every page.
_DATA_VERSIONS: dict[str, str] = {}


async def _data_version(database) -> str:
    if database.path not in _DATA_VERSIONS:
        rows = await database.execute("select data_version from dataset_versions")
        _DATA_VERSIONS[database.path] = rows.first()[0] if rows.rows else "unknown"
    return _DATA_VERSIONS[database.path]


async def _home(datasette, database) -> dict:
    """What the home page lists: start-here links, example questions, tables by theme."""
    counts = await database.table_counts(limit=100)
    views = set(await database.view_names())
    hidden = set(await database.hidden_table_names())
    known = set(counts) | views
    listed: set[str] = set()
    themes = []
    for theme, names in THEMES.items():
        entries = [_table_entry(datasette, database.name, name, counts.get(name)) for name in names if name in known]
        listed.update(names)
        themes.append({"title": theme, "tables": entries})
    others = sorted(known - listed - hidden)  # hidden: FTS tables and what the metadata hides
    if others:
        themes.append(
            {
                "title": "Other tables",
                "tables": [_table_entry(datasette, database.name, name, counts.get(name)) for name in others],
            }
        )
    return {
        "start_here": [(title, path.format(db=database.name), blurb) for title, path, blurb in START_HERE],
        "questions": [(question, path.format(db=database.name)) for question, path in EXAMPLE_QUESTIONS],
        "themes": themes,
    }


def _table_entry(datasette, database: str, name: str, count: int | None) -> dict:
    description = datasette.metadata("description", database=database, table=name, fallback=False) or ""
    first_sentence = description.split(". ")[0].rstrip(".")
    return {
        "name": name,
        "path": datasette.urls.table(database, name),
        "description": first_sentence,
        "rows": count,
        "is_view": count is None,
    }
