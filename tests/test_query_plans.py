"""Every report's query plan on a scaled database: no full scan of a table that grows with the data.

A `SCAN <table>` without an index, on a table that grows with the field's data, makes a
report's latency grow with the whole corpus. A report whose answer really is a summary of
whole tables says so in its yml (`whole_table_summary: true`) and is exempt. The database
is the project's data/ plus a small synthetic corpus (benchmarks/synthetic.py) so that the
planner sees tables of realistic shape.
"""

import re
import sqlite3

import pytest
import yaml

from unami.reports import catalog

# Tables whose row count grows with missions, people and months (lookups such as
# countries, sources, missions or positions stay small and may be scanned).
GROWING_TABLES = {
    "appointments",
    "contingent_links",
    "contingent_strengths",
    "contingents",
    "event_participants",
    "event_resolutions",
    "events",
    "people",
    "person_educations",
    "person_names",
    "person_nationalities",
    "staffing_counts",
    # summaries with one row per tenure or contribution
    "contingent_headlines",
    "tenure_spans",
}

FULL_SCAN = re.compile(r"^SCAN (\w+)(?: AS \w+)?$")  # `SCAN t USING [COVERING] INDEX ...` is not matched

# Known full scans, each reported to the reports engineer with the fix it needs.
KNOWN_SCANS = {
    "person_profile": "name like '%' || :person || '%' (part of any spelling) scans people and person_names once;"
    " each branch then reads people by the name index and the facts by person_id",
}


def is_whole_table_summary(name: str) -> bool:
    spec = yaml.safe_load((catalog.REPORTS_DIR / f"{name}.yml").read_text(encoding="utf-8")) or {}
    return spec.get("whole_table_summary") is True


def full_scans(connection: sqlite3.Connection, report: catalog.Report) -> list[str]:
    plan = connection.execute("explain query plan " + report.sql, report.bind(report.example_params()))
    return sorted(
        {match[1] for *_, detail in plan if (match := FULL_SCAN.match(detail)) and match[1] in GROWING_TABLES}
    )


@pytest.mark.parametrize("name", catalog.names())
def test_report_does_not_scan_a_growing_table(scaled_db, name, request):
    if is_whole_table_summary(name):
        pytest.skip(f"{name}.yml declares whole_table_summary: true")
    if name in KNOWN_SCANS:
        request.applymarker(pytest.mark.xfail(strict=True, reason=KNOWN_SCANS[name]))
    report = catalog.load(name)
    assert full_scans(scaled_db, report) == [], f"{name} scans whole growing tables; add an index or rewrite the SQL"


def test_the_scan_detector_sees_a_scan_and_not_an_index_search(scaled_db):
    report = catalog.Report("probe", "t", "d", "g", "select count(*) from contingent_strengths where note = 'x'")
    assert full_scans(scaled_db, report) == ["contingent_strengths"]
    report = catalog.Report("probe", "t", "d", "g", "select count(*) from contingent_strengths where contingent_id = 1")
    assert full_scans(scaled_db, report) == []


def test_post_holders_on_a_day_seek_tenures_by_index(scaled_db):
    """The report is declared a whole-table read for its blank branch (every tenure, read through an
    index); with a day, the other branch must seek tenure_spans by start and reach."""
    report = catalog.load("post_holders_on_date")
    plan = [
        detail
        for *_, detail in scaled_db.execute("explain query plan " + report.sql, report.bind({"date": "2010-01-01"}))
    ]
    assert full_scans(scaled_db, report) == []
    assert any("USING COVERING INDEX ix_tenure_spans_started_earliest_possible_until" in detail for detail in plan), (
        plan
    )
