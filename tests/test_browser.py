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
    body = page.inner_text("body")
    assert "Nickolay Mladenov" in body
    assert "appointments" in body  # links to the tenures that refer to this person
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
