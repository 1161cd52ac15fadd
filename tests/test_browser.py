"""A real browser (Debian's Chromium driven by Playwright) against a live `unami serve`.

Screenshots go to the test's temporary directory; set UNAMI_SCREENSHOTS=DIR to also keep
them there (docs/screenshots/ holds two of them for the README).
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


def test_a_report_with_a_parameter_names_the_head_of_mission(live_site, page, screenshots, tmp_path):
    page.goto(live_site + "/unami/post_holders_on_date?date=2010-01-01")
    table = page.locator("table.rows-and-columns")
    table.wait_for()
    assert "Ad Melkert" in table.inner_text()
    assert page.input_value("input[name=date]") == "2010-01-01"
    shoot(page, screenshots, tmp_path, "report-post-holders")


def test_a_persons_row_page_shows_the_name_and_its_tenures(live_site, page, screenshots, tmp_path):
    page.goto(live_site + "/unami/people?name=Nickolay+Mladenov")
    page.locator("table.rows-and-columns tbody td a").first.click()
    page.wait_for_load_state()
    assert page.inner_text("h1") == "Nickolay Mladenov"
    assert page.title() == "Nickolay Mladenov · UNAMI database"
    held = page.inner_text("table.entity-related")  # the first related list: the posts held
    assert "Special Representative of the Secretary-General for Iraq" in held
    shoot(page, screenshots, tmp_path, "person")


def test_the_dashboard_renders_every_chart(live_site, page, screenshots, tmp_path):
    page.goto(live_site + "/-/dashboards/unami")
    for chart in ("leadership", "contingents", "staffing", "events"):
        page.wait_for_selector(f"#chart-{chart} svg, #chart-{chart} canvas", timeout=20_000)
    gantt = page.inner_text("#chart-leadership")
    assert "Ad Melkert" in gantt or page.locator("#chart-leadership canvas").count() == 1
    assert "UNAMI dashboard" in page.inner_text("body")
    page.wait_for_timeout(500)  # let the last chart finish drawing before the picture
    shoot(page, screenshots, tmp_path, "dashboard")


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
PAGES = ["/", "/about", "/unami", "/unami/appointments", "/unami/events_overview", *_report_pages(), *ENTITY_PAGES]
# The text a reader sees, less the filter form's operators ("is null" is a choice, not a value).
VISIBLE_TEXT = """() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll("select, textarea, script, style").forEach((element) => element.remove());
    return body.textContent;
}"""
# The dashboard's charts still overflow their cards on a phone (issue 13, item 4: not yet done).
PHONE_DASHBOARD = pytest.param(
    "/-/dashboards/unami", 390, marks=pytest.mark.xfail(strict=True, reason="dashboard charts overflow at 390 px")
)


@pytest.mark.parametrize(
    ("path", "width"),
    [*((path, width) for path in PAGES for width in (390, 1400)), ("/-/dashboards/unami", 1400), PHONE_DASHBOARD],
)
def test_no_page_scrolls_sideways_shows_null_or_has_sql_for_a_title(live_site, page, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_site + path)
    page.wait_for_load_state("networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} at {width} px scrolls sideways by {overflow} px"
    assert "null" not in page.evaluate(VISIBLE_TEXT).split(), path
    assert not page.title().lower().startswith(("select", "with", "unami: select")), page.title()
