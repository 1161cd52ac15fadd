"""A real browser (Debian's Chromium driven by Playwright) against a live `unami serve`.

Screenshots go to the test's temporary directory; set UNAMI_SCREENSHOTS=DIR to also keep
them there (docs/screenshots/ holds four of them for the README).
"""

import os
import shutil
from pathlib import Path

import pytest
from conftest import live_unami_serve

CHROMIUM = "/usr/bin/chromium"
QUIET_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live_site(built_db, tmp_path_factory):
    """`unami serve` on a free port of 127.0.0.1, serving a copy of the built database."""
    with live_unami_serve(built_db, tmp_path_factory.mktemp("served")) as (address, _db_path):
        yield address


@pytest.fixture(scope="module")
def page():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=QUIET_FLAGS)
        browser_page = browser.new_page(viewport={"width": 1280, "height": 900})
        yield browser_page
        browser.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> list[Path]:
    taken: list[Path] = []
    yield taken
    keep = os.environ.get("UNAMI_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        for path in taken:
            shutil.copyfile(path, Path(keep) / path.name)


def shoot(page, screenshots, tmp_path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    screenshots.append(path)


def test_home_page_shows_the_title_and_the_database(live_site, page, screenshots, tmp_path):
    page.goto(live_site + "/")
    assert "UN Assistance Mission for Iraq" in page.title() + page.inner_text("body")
    assert "CC BY-SA 4.0" in page.inner_text("body")
    page.goto(live_site + "/unami")
    body = page.inner_text("body")
    assert "Who held a post on a given day" in body and "Leadership timeline" in body
    shoot(page, screenshots, tmp_path, "home")
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(live_site + "/")
    assert page.inner_text("h1") == "The UN Assistance Mission for Iraq, 2003–2025"
    shoot(page, screenshots, tmp_path, "home-390")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_report_with_a_parameter_names_the_head_of_mission(live_site, page, screenshots, tmp_path):
    page.goto(live_site + "/unami/post_holders_on_date?date=2010-01-01")
    table = page.locator("table.rows-and-columns")
    table.wait_for()
    assert "Ad Melkert" in table.inner_text()
    assert page.input_value("input[name=date]") == "2010-01-01"
    shoot(page, screenshots, tmp_path, "report-post-holders")


def test_a_report_page_offers_its_parameter_s_choices_and_hints_when_nothing_matches(live_site, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_site + "/unami/contingent_list?status=present")
    status = page.locator("input[name=status]")
    assert status.get_attribute("placeholder") == "current"
    choices = page.locator(f"datalist#{status.get_attribute('list')} option")
    assert [choices.nth(index).get_attribute("value") for index in range(choices.count())] == ["current", "former"]
    assert "Try status = one of: current, former." in page.inner_text(".no-match-hint")
    page.fill("input[name=status]", "Current")
    page.click("form.sql input[type=submit]")
    page.locator("table.rows-and-columns").wait_for()
    assert "Nepal" in page.inner_text("table.rows-and-columns")


def test_the_home_page_search_box_searches_the_whole_site(live_site, page):
    page.goto(live_site + "/")
    form = page.locator("form.search-all")
    assert form.get_attribute("action") == "/-/search"
    assert form.locator("input[name=q]").count() == 1
    page.goto(live_site + "/-/search?q=Kubis")  # what the form submits
    page.wait_for_load_state("networkidle")  # each searchable table answers through its own fetch
    body = page.inner_text("body")
    assert "result in unami: people" in body and "Ján Kubiš" in body, body[:1000]


def test_a_persons_row_page_shows_the_name_and_its_tenures(live_site, page, screenshots, tmp_path):
    page.goto(live_site + "/unami/people?name=Nickolay+Mladenov")
    page.locator("table.rows-and-columns tbody td a").first.click()
    page.wait_for_load_state()
    assert page.inner_text("h1") == "Nickolay Mladenov"
    assert page.title() == "Nickolay Mladenov · UNAMI database"
    held = page.inner_text("table.entity-related")  # the first related list: the posts held
    assert "Special Representative of the Secretary-General for Iraq" in held
    shoot(page, screenshots, tmp_path, "person")
    page.set_viewport_size({"width": 390, "height": 900})
    page.reload()
    assert page.inner_text("h1") == "Nickolay Mladenov"
    shoot(page, screenshots, tmp_path, "person-390")
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.parametrize("width", [390, 1400])
def test_a_friendly_view_reads_in_date_order_with_names_linked_and_unknowns_not_stated(live_site, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_site + "/unami/appointments_overview")
    table = page.locator("table.rows-and-columns")
    headers = table.locator("thead th").all_inner_texts()
    assert not [header for header in headers if header.strip().endswith(("_earliest", "_latest", "_precision"))]
    first = table.locator("tbody tr").first
    assert first.locator("td.col-started_date").inner_text() == "Jul 2004"  # Qazi, the first head of mission
    assert first.locator("td.col-person a").get_attribute("href") == "/unami/people/1"
    last = table.locator("tbody tr").last
    assert last.locator("td.col-started_date").inner_text() == "not stated"  # undated tenures come last
    page.goto(live_site + "/unami/appointments")  # the table: newest first, so the undated come last too
    assert (
        page.locator("table.rows-and-columns tbody tr").first.locator("td.col-started_date").inner_text() == "Jul 2024"
    )
    page.set_viewport_size({"width": 1280, "height": 900})


# Every mark of a chart's SVG, with its card's box: a bar of zero width or a legend outside the
# card is what a reader would see as a broken chart.
CHART_GEOMETRY = """(slug) => {
    const card = document.querySelector(`#card-${slug}`).getBoundingClientRect();
    const selector = ["rect", "arc", "symbol"].map((kind) => `#chart-${slug} svg g.mark-${kind} path`).join(", ");
    const marks = [...document.querySelectorAll(selector)].filter((mark) => !mark.closest("g.role-legend"));
    const drawn = document.querySelector(`#chart-${slug} svg`).getBoundingClientRect();
    return {
        card: [card.left, card.right],
        svg: [drawn.left, drawn.right],
        marks: marks.map((mark) => { const box = mark.getBoundingClientRect(); return [box.width, box.height]; }),
    };
}"""


@pytest.mark.parametrize("width", [390, 1400])
def test_every_dashboard_chart_draws_marks_of_real_size_inside_its_card(live_site, page, screenshots, tmp_path, width):
    from unami.dashboard import CHARTS

    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_site + "/-/dashboards/unami")
    charts = [slug for slug, chart in CHARTS.items() if chart.library == "vega-lite"]
    for slug in charts:
        page.wait_for_selector(f"#chart-{slug} svg g.mark-rect path, #chart-{slug} svg g.mark-arc path", timeout=20_000)
    page.wait_for_timeout(500)  # let the last chart finish drawing before measuring
    for slug in charts:
        geometry = page.evaluate(CHART_GEOMETRY, slug)
        assert geometry["marks"], f"{slug} at {width} px draws no marks"
        # (a 1-person segment beside 550 troops, or a one-day range over decades, is thin but drawn)
        assert all(w > 0 and h > 0 for w, h in geometry["marks"]), f"{slug} at {width} px: {geometry['marks']}"
        (card_left, card_right), (svg_left, svg_right) = geometry["card"], geometry["svg"]
        assert card_left - 1 <= svg_left and svg_right <= card_right + 1, f"{slug} at {width} px overflows its card"
    assert "2 events" in page.inner_text("#chart-unplaced_events")
    shoot(page, screenshots, tmp_path, f"dashboard-{width}")


# --- pages for people at a phone's and a desktop's width -----------------------------------


def _report_pages() -> list[str]:
    from urllib.parse import urlencode

    from unami.reports import catalog

    pages = []
    for report in catalog.load_all():
        example = {parameter.name: parameter.examples[0] for parameter in report.parameters}
        pages.append(f"/unami/{report.name}?{urlencode(example)}")
    return pages


ENTITY_PAGES = [
    f"/unami/{table}/1"
    for table in ("people", "appointments", "positions", "resolutions", "events", "contingents", "countries")
]
PAGES = [
    "/",
    "/about",
    "/unami",
    "/unami/appointments",
    "/unami/appointments_overview",
    "/unami/contingents",
    "/unami/contingents_overview",
    "/unami/events_overview",
    *_report_pages(),
    *ENTITY_PAGES,
]
# The text a reader sees, less the filter form's operators ("is null" is a choice, not a value).
VISIBLE_TEXT = """() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll("select, textarea, script, style").forEach((element) => element.remove());
    return body.textContent;
}"""


@pytest.mark.parametrize(
    ("path", "width"),
    [(path, width) for path in [*PAGES, "/-/dashboards/unami"] for width in (390, 1400)],
)
def test_no_page_scrolls_sideways_shows_null_or_has_sql_for_a_title(live_site, page, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_site + path)
    page.wait_for_load_state("networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} at {width} px scrolls sideways by {overflow} px"
    assert "null" not in page.evaluate(VISIBLE_TEXT).split(), path
    assert not page.title().lower().startswith(("select", "with", "unami: select")), page.title()
