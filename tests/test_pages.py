"""The site's pages for people (unami/pages): home page, footer, About page, report titles, readable dates."""

import html
import re
from urllib.parse import urlencode, urlsplit

import pytest
from markupsafe import escape

from unami import release
from unami.pages import EXAMPLE_QUESTIONS, START_HERE, THEMES
from unami.reports import catalog

DB = "unami"


def page(site, path: str) -> str:
    response = site(path)
    assert response.status_code == 200, f"{path}: {response.status_code}"
    return response.text


def title(text: str) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", text, re.S).group(1).strip())


def data_version(query) -> str:
    return query("select data_version from dataset_versions")[0]["data_version"]


def test_the_home_page_says_what_the_database_is_and_links_every_start_here_page(site):
    home = page(site, "/")
    assert title(home) == "UNAMI database: the UN Assistance Mission for Iraq, 2003–2025"
    assert "<h1>The UN Assistance Mission for Iraq, 2003–2025</h1>" in home
    for name, path, _blurb in START_HERE:
        link = path.format(db=DB)
        assert f'<a href="{html.escape(link)}">{name}</a>' in home
        assert site(link).status_code == 200, link


# What the article answers each example question with (a value of one row of the report's answer).
ANSWER_OF = {
    "Who led the mission on 1 January 2010?": ("person", "Ad Melkert"),
    "Which countries guarded UN staff, and how many?": ("country", "Fiji"),
    "What did Resolution 1500 do?": ("adopted_date", "2003-08-14"),
    "What happened in 2024?": ("occurred_date", "2024-05-31"),  # resolution 2732 sets the mission's end
    "Who is Ján Kubiš, and which posts did he hold?": (
        "value",
        "Special Representative of the Secretary-General for Iraq",
    ),
}


@pytest.mark.parametrize(("question", "path"), EXAMPLE_QUESTIONS, ids=[q for q, _ in EXAMPLE_QUESTIONS])
def test_every_example_question_on_the_home_page_returns_rows(site, question, path):
    link = path.format(db=DB)
    assert f'<a href="{html.escape(link)}">{html.escape(question)}</a>' in page(site, "/")
    parts = urlsplit(link)
    rows = site(f"{parts.path}.json?{parts.query}&_shape=array").json()
    column, expected = ANSWER_OF[question]
    assert expected in {row[column] for row in rows}, f"{question} ({link}) does not answer {expected}"


def test_the_home_page_lists_fact_tables_by_theme_and_no_summary_or_bookkeeping_table(site):
    from unami import schema

    home = page(site, "/")
    for theme, names in THEMES.items():
        assert f"<h3>{theme}</h3>" in home
        for name in names:
            assert f'href="/{DB}/{name}"' in home, name
    for internal in [*schema.SUMMARY_TABLE_NAMES, "alembic_version", "dataset_versions", "people_fts"]:
        assert f'href="/{DB}/{internal}"' not in home, internal
    assert "Other tables" not in home  # every visible table has a theme


def test_every_visible_table_has_a_theme_on_the_home_page(site):
    database = site(f"/{DB}.json").json()
    visible = {table["name"] for table in database["tables"] if not table["hidden"]}
    hidden = {
        name
        for name, entry in site("/-/metadata.json").json()["databases"][DB]["tables"].items()
        if entry.get("hidden")
    }
    visible |= {view["name"] if isinstance(view, dict) else view for view in database["views"]} - hidden
    themed = {name for names in THEMES.values() for name in names}
    assert visible == themed


def test_helper_views_are_hidden_from_the_listings_and_keep_the_bounds_for_sql(site):
    from unami.derived import VIEWS

    helpers = {view.name for view in VIEWS if view.hidden}
    assert helpers == {"appointments_joined", "contingents_joined", "events_joined"}
    for path in ("/", f"/{DB}"):
        listing = page(site, path)
        for view in VIEWS:
            assert (f'href="/{DB}/{view.name}"' in listing) is not view.hidden, (path, view.name)
    rows = site(f"/{DB}/events_joined.json?event_key=unami-established&_shape=array").json()
    assert [(row["occurred_earliest"], row["occurred_latest"], row["occurred_precision"]) for row in rows] == [
        ("2003-08-14", "2003-08-14", "day")
    ]


@pytest.mark.parametrize("view", ["appointments_overview", "contingents_overview", "events_overview"])
def test_friendly_views_carry_no_helper_columns(site, view):
    columns = site(f"/{DB}/{view}.json?_size=1").json()["columns"]
    helpers = [c for c in columns if c.endswith(("_earliest", "_latest", "_precision", "_key")) or c == "list_position"]
    assert columns and not helpers, helpers


@pytest.mark.parametrize(
    "path", ["/", "/about", f"/{DB}", f"/{DB}/people", f"/{DB}/people/1", f"/{DB}/leaders_timeline"]
)
def test_every_page_carries_the_licence_the_source_and_the_data_version(site, query, path):
    footer = page(site, path).split('<footer class="ft">', 1)[1]
    assert 'href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>' in footer
    assert f'href="{release.SOURCE_URL}"' in footer
    assert f"data version <code>{data_version(query)}</code>" in footer
    assert '<a href="/about">About, sources and how to cite</a>' in footer


def test_the_about_page_says_how_to_cite_this_data_version(site, query):
    about = page(site, "/about")
    assert title(about) == "About the UNAMI database"
    assert html.escape(release.citation(data_version(query))) in about
    assert "What it does not cover" in about
    assert f'<a href="/{DB}/source_catalog">source catalog</a>' in about  # the sources beyond the article
    assert f'and <a href="/{DB}/source_catalog">other sources</a>' in about  # in the footer of every page


@pytest.mark.parametrize("report", catalog.load_all(), ids=lambda report: report.name)
def test_a_report_page_is_titled_by_its_report_not_its_sql(site, report):
    assert title(page(site, f"/{DB}/{report.name}")) == f"{report.title} · UNAMI database"


def test_a_report_page_says_report_not_custom_sql_and_counts_its_rows(site):
    text = page(site, f"/{DB}/post_holders_on_date?date=2010-01-01")  # Melkert alone led then
    assert "Report returning 1 row" in text
    assert "Custom SQL query" not in text
    assert "Custom SQL query" in page(site, f"/{DB}?sql=select+1")  # what a visitor writes stays so called


def test_dates_on_pages_read_as_a_person_writes_them_and_json_keeps_the_edtf(site):
    rows = site(f"/{DB}/appointments_overview.json?person=Jeanine+Hennis-Plasschaert&_shape=array").json()
    assert [row["started_date"] for row in rows] == ["[2018-12, 2019]"]
    text = page(site, f"/{DB}/appointments_overview?person=Jeanine+Hennis-Plasschaert")
    assert '<span title="[2018-12, 2019] (EDTF)">Dec 2018 or 2019</span>' in text
    assert '<span title="2024-07 (EDTF)">Jul 2024</span>' in text


def test_every_unknown_reads_not_stated_in_table_view_and_report_cells_and_stays_null_in_json(site):
    # the guard unit whose flag the article lost: no country, so no ISO code (Military representatives and guards)
    rows = site(f"/{DB}/contingents_overview.json?country=unknown&_shape=array&_size=1").json()
    assert rows[0]["iso3"] is None
    text = page(site, f"/{DB}/contingents_overview?country=unknown&_size=1")
    assert '<td class="col-iso3 type-none"><span class="not-stated">not stated</span></td>' in text
    text = page(site, f"/{DB}/contingents?country_id__isnull=1&_size=1")
    cell = text.split('<td class="col-country_id', 1)[1].split("</td>")[0]
    assert cell.endswith('<span class="not-stated">not stated</span>'), cell
    report = page(site, f"/{DB}/contingent_list?country=unknown")
    # the article's entries without a country, less the guard unit, which other sources name as Fiji's
    assert report.count('<td class="col-iso3"><span class="not-stated">not stated</span></td>') == 7


def test_tables_and_views_list_undated_rows_last_and_contingents_in_the_source_order(site, query):
    tenures = site(f"/{DB}/appointments.json?_shape=array&_size=max").json()
    dated = [row["started_date"] is not None for row in tenures]
    assert dated == sorted(dated, reverse=True) and not all(dated)  # undated tenures last, newest first
    assert tenures[0]["started_date"] == "2024-07"  # Mohammed Al Hassan, the last head of mission
    overview = site(f"/{DB}/appointments_overview.json?_shape=array&_size=max").json()
    assert [row["started_date"] is not None for row in overview] == sorted(dated, reverse=True)
    assert overview[0]["person"] == "Ashraf Jehangir Qazi"  # the first head, from July 2004
    events = [row["occurred_date"] for row in site(f"/{DB}/events_overview.json?_shape=array&_size=max").json()]
    # the mission established on 14 Aug 2003 before the attack the source dates only to 2003
    assert events[:5] == ["1955", "199X", "2003-08-14", "2003", "2003"]
    events = [row["occurred_date"] for row in site(f"/{DB}/events.json?_shape=array&_size=max").json()]
    assert events.index("2003") < events.index("2003-08-14")  # newest first: 2003 reaches past 14 Aug
    listed = [row["id"] for row in query("select id from contingents order by list_position, id")]
    assert [row["id"] for row in site(f"/{DB}/contingents.json?_shape=array&_size=max").json()] == listed
    view = site(f"/{DB}/contingents_overview.json?_shape=array&_size=max").json()
    assert [row["contingent_id"] for row in view] == listed


def test_a_missing_date_reads_not_stated_on_pages_and_stays_null_in_json(site):
    # Gísladóttir's start: Shafaq News gives her appointment, not the day she took up the post.
    person = urlencode({"person": "Ingibjörg Sólrún Gísladóttir"})
    rows = site(f"/{DB}/appointments_overview.json?{person}&_shape=array").json()
    assert [row["started_date"] for row in rows] == [None]
    assert '<span class="not-stated">not stated</span>' in page(site, f"/{DB}/appointments_overview?{person}")


# --- entity pages -------------------------------------------------------------------------

ENTITY_HEADINGS = {
    "people": "select id, name as heading from people",
    "positions": "select id, name as heading from positions",
    "appointments": "select appointments.id, people.name || ' as ' || positions.name as heading from appointments"
    " join people on people.id = person_id join positions on positions.id = position_id",
    "resolutions": "select id, coalesce(symbol, 'Resolution ' || number) as heading from resolutions",
    "events": "select id, name as heading from events",
    "contingents": "select contingents.id, coalesce(countries.name, 'Country not stated') || ': '"
    " || coalesce(duty, 'contribution') as heading from contingents left join countries on countries.id = country_id",
    "countries": "select id, name as heading from countries",
}


@pytest.mark.parametrize("table", sorted(ENTITY_HEADINGS))
def test_every_entity_page_is_headed_by_its_name(site, query, table):
    entities = query(ENTITY_HEADINGS[table])
    assert entities, table
    for entity in entities:
        text = page(site, f"/{DB}/{table}/{entity['id']}")
        assert f'<h1 class="entity-heading">{escape(entity["heading"])}</h1>' in text
        assert title(text) == f"{entity['heading']} · UNAMI database"


def test_a_tenure_shows_its_person_and_post_as_links_not_ids(site, query):
    (tenure,) = query(
        "select appointments.id, person_id, position_id, people.name as person, positions.name as post"
        " from appointments join people on people.id = person_id join positions on positions.id = position_id"
        " where people.name = 'Jeanine Hennis-Plasschaert'"
    )
    text = page(site, f"/{DB}/appointments/{tenure['id']}")
    fields = text.split('<dl class="entity-fields">', 1)[1].split("</dl>", 1)[0]
    assert f'<dt>person</dt><dd><a href="/{DB}/people/{tenure["person_id"]}">{tenure["person"]}</a></dd>' in fields
    assert f'<dt>position</dt><dd><a href="/{DB}/positions/{tenure["position_id"]}">{tenure["post"]}</a></dd>' in fields
    assert "<dt>started</dt><dd>Dec 2018 or 2019</dd>" in fields
    assert "person_id" not in fields and "started_earliest" not in fields


def test_a_persons_page_lists_the_posts_they_held_in_order_and_omits_empty_lists(site, query):
    (person,) = query("select id from people where name = 'Ján Kubiš'")
    posts = query(
        "select positions.name from appointments join positions on positions.id = position_id"
        " where person_id = ? order by started_earliest",
        (person["id"],),
    )
    text = page(site, f"/{DB}/people/{person['id']}")
    held = text.split("<h2>Posts held</h2>", 1)[1].split("</table>", 1)[0]
    shown = re.findall(r'<a href="/unami/positions/\d+">([^<]+)</a>', held)
    assert shown == [post["name"] for post in posts] and len(shown) == 2
    assert "<h2>Events</h2>" not in text  # he took part in no event the source names
    assert "<h2>Contradictions</h2>" in text


def test_a_contingents_page_shows_its_strengths_in_date_order_undated_last_with_their_sources(site, query):
    (contingent,) = query("select id from contingents where list_position = 1")
    dated = query(
        "select personnel_count from contingent_strengths where contingent_id = ? and observed_earliest is not null"
        " order by observed_earliest, id",
        (contingent["id"],),
    )
    undated = query(
        "select personnel_count from contingent_strengths where contingent_id = ? and observed_earliest is null"
        " order by id",
        (contingent["id"],),
    )
    assert dated and undated  # the guard unit has a figure at deployment and one in the current list
    table = page(site, f"/{DB}/contingents/{contingent['id']}").split("<h2>Strength over time</h2>", 1)[1]
    table = table.split("</table>", 1)[0]
    counts = [int(count) for count in re.findall(r'<td data-label="personnel">(\d+)</td>', table)]
    assert counts == [row["personnel_count"] for row in dated + undated]
    assert table.count('<td data-label="source">') == len(counts)  # each figure beside its own source
    assert table.count('<td data-label="source">United Nations Assistance Mission for Iraq, section') == 2


def test_names_in_report_results_link_to_their_entity_pages(site):
    from test_report_rows import expected_leaders_timeline

    rows = site(f"/{DB}/leaders_timeline.json?_shape=array").json()
    assert rows == expected_leaders_timeline("")
    text = page(site, f"/{DB}/leaders_timeline")
    for row in rows:
        assert f'<a href="/{DB}/people/{row["person_id"]}">{escape(row["person"])}</a>' in text


def test_flags_read_yes_or_no_on_pages(site):
    text = page(site, f"/{DB}/contingent_list")
    flags = re.findall(r'<td class="col-is_approximate">([^<]*)</td>', text)
    assert flags and set(flags) <= {"yes", "no"}


def test_the_home_page_is_ours_and_searches_the_whole_site(site):
    # datasette-search-all ships an index.html too; ours must be served on every run, whatever pluggy's order
    home = page(site, "/")
    assert '<form class="search-all" action="/-/search"' in home
    assert "Questions you can ask" in home


def test_the_site_search_finds_every_table_with_full_text_search(site):
    searched = page(site, "/-/search?q=Kubis")
    for table in ("people", "events", "contingents", "discrepancies"):
        assert f'"table": "{table}"' in searched, table
