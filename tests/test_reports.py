"""Canned reports: each runs through the published site, with blank and example parameters,
and answers what the article says (expected values are read from the article, not from output)."""

import re
import subprocess
import sys
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner

from unami import PROJECT_ROOT, schema
from unami.cli import main
from unami.reports import catalog

REPORTS = catalog.load_all()
DB = "unami"  # the session database file is unami.db


def rows(site, name: str, **params) -> list[dict]:
    query = urlencode({**params, "_shape": "array"})
    response = site(f"/{DB}/{name}.json?{query}")
    assert response.status_code == 200, response.text
    return response.json()


def test_there_are_the_seventeen_reports_the_readme_lists():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^- \*\*[^*]+\*\* \(`([a-z_]+)`", readme, re.MULTILINE)
    assert sorted(report.name for report in REPORTS) == sorted(listed)
    assert len(REPORTS) == 17


@pytest.mark.parametrize("report", REPORTS, ids=lambda report: report.name)
def test_report_answers_with_rows_for_blank_parameters(site, report):
    assert rows(site, report.name), f"{report.name} returned no rows with every parameter blank"


@pytest.mark.parametrize(
    ("report", "example"),
    [(report, index) for report in REPORTS for index in range(len(report.parameters[0].examples))],
    ids=lambda value: value.name if isinstance(value, catalog.Report) else f"example{value}",
)
def test_report_answers_with_rows_for_each_example(site, report, example):
    params = {
        parameter.name: parameter.examples[min(example, len(parameter.examples) - 1)] for parameter in report.parameters
    }
    assert rows(site, report.name, **params), f"{report.name} returned no rows for {params}"


@pytest.mark.parametrize("report", REPORTS, ids=lambda report: report.name)
def test_report_sidecar_is_complete(report):
    assert report.grain.startswith("one row per"), report.grain
    assert report.parameters, "every report takes at least one parameter, blank meaning all"
    assert all(parameter.meaning and parameter.examples for parameter in report.parameters)
    assert not re.search(r"select\s+\*|\.\*", report.sql, re.IGNORECASE), "explicit column lists only"
    without_literals = re.sub(r"'[^']*'|--[^\n]*", "", report.sql)
    shouting = re.findall(r"\b(SELECT|FROM|WHERE|JOIN|GROUP BY|ORDER BY|WITH|AS|AND|OR|CASE|WHEN)\b", without_literals)
    assert not shouting, f"keywords are lowercase in reports/ (found {shouting[:3]})"


def test_report_and_derived_sql_is_sqlfluff_clean():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sqlfluff",
            "lint",
            "unami/reports",
            "unami/derived",
            "--disable-progress-bar",
            "--nocolor",
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- what the article says --------------------------------------------------------------------------


def test_on_1_january_2010_the_head_of_mission_was_ad_melkert(site):
    heads = [
        row for row in rows(site, "post_holders_on_date", date="2010-01-01") if "Representative of" in row["position"]
    ]
    assert [row["person"] for row in heads] == ["Ad Melkert"]
    assert heads[0]["started_date"] == "2009-07"  # appointed July 2009


# Qazi served July 2004 to September 2007 and de Mistura from September 2007 (the article gives months),
# so the handover lies somewhere in September 2007: the days around it tell the labels apart.
HANDOVER_DAYS = [
    ("2007-08-31", [("Ashraf Jehangir Qazi", "certainly in office")]),
    (
        "2007-09-15",
        [
            ("Ashraf Jehangir Qazi", "possibly in office (dates known only roughly)"),
            ("Staffan de Mistura", "possibly in office (dates known only roughly)"),
        ],
    ),
    ("2007-10-01", [("Staffan de Mistura", "certainly in office")]),
    ("2007-09", [("Ashraf Jehangir Qazi", "certainly in office"), ("Staffan de Mistura", "certainly in office")]),
]


@pytest.mark.parametrize(("day", "expected"), HANDOVER_DAYS, ids=[day for day, _ in HANDOVER_DAYS])
def test_certainly_and_possibly_in_office_are_told_apart_around_the_2007_handover(site, day, expected):
    heads = [row for row in rows(site, "post_holders_on_date", date=day) if "Representative of" in row["position"]]
    assert [(row["person"], row["in_office"]) for row in heads] == expected


def test_an_open_ended_tenure_is_labelled_as_such_not_as_certain(site):
    # Al Hassan led from July 2024; no source states his end, and the mission ended in December 2025
    heads = [
        row for row in rows(site, "post_holders_on_date", date="2025-01-01") if "Representative of" in row["position"]
    ]
    assert [(row["person"], row["in_office"]) for row in heads] == [
        ("Mohammed Al Hassan", "in office unless the tenure ended earlier (end not stated)")
    ]


def test_in_june_2019_hennis_plasschaert_led_and_kubis_had_left(site):
    found = {row["person"] for row in rows(site, "post_holders_on_date", date="2019-06-30")}
    assert "Jeanine Hennis-Plasschaert" in found
    assert "Ján Kubiš" not in found  # he left in December 2018


def test_leadership_timeline_lists_the_eight_heads_in_order_at_stated_precision(site):
    heads = rows(site, "leaders_timeline", position="head of mission")
    assert [row["person"] for row in heads] == [
        "Ashraf Jehangir Qazi",
        "Staffan de Mistura",
        "Ad Melkert",
        "Martin Kobler",
        "Nickolay Mladenov",
        "Ján Kubiš",
        "Jeanine Hennis-Plasschaert",
        "Mohammed Al Hassan",
    ]
    qazi = heads[0]
    assert (qazi["started_date"], qazi["ended_date"], qazi["heading_years"]) == ("2004-07", "2007-09", "2004–2005")
    assert qazi["started_precision"] == "month"
    mladenov = heads[4]
    assert mladenov["nationality"] == "Bulgaria"
    # August 2013 to February 2015: between 1 Aug 2013..28 Feb 2015 and 31 Aug 2013..1 Feb 2015
    assert mladenov["days_in_office_at_least"] <= 549 <= mladenov["days_in_office_at_most"]
    de_mistura = heads[1]
    assert "Sweden" in de_mistura["nationality"] and "Italy" in de_mistura["nationality"]


def test_leadership_timeline_links_the_two_deputies_to_hennis_plasschaert(site):
    deputies = rows(site, "leaders_timeline", position="deputy head of mission")
    assert {(row["person"], row["nationality"]) for row in deputies} == {
        ("Alice Walpole", "United Kingdom"),
        ("Ghulam Isaczai", "Afghanistan"),
        # Deputies the article omits: Shafaq News (2021) and Atlasinfo (2022) name them.
        ("Ingibjörg Sólrún Gísladóttir", "Iceland"),
        ("Irena Vojáčková-Sollorano", "Germany"),
    }
    under = {row["person"]: row["served_under"] for row in deputies}
    assert under["Alice Walpole"] == under["Ghulam Isaczai"] == "Jeanine Hennis-Plasschaert"


def test_staffing_2023_is_about_648_of_whom_61_percent_national(site):
    by_category = {row["category"]: row for row in rows(site, "staffing_composition", year="2023")}
    assert by_category["total"]["personnel_count"] == 648
    assert by_category["total"]["is_approximate"] == 1
    assert by_category["international"]["personnel_count"] == 251
    assert by_category["national"]["personnel_count"] == 397
    assert by_category["national"]["share_percent"] == pytest.approx(100 * 397 / 648, abs=0.05)


def test_resolution_2732_was_unanimous_and_ended_the_mission_on_31_december_2025(site):
    actions = rows(site, "resolution_history", resolution="2732")
    assert {row["adopted_date"] for row in actions} == {"2024-05-31"}
    assert {row["is_unanimous"] for row in actions} == {1}
    assert ("terminate", "2025-12-31") in {(row["action"], row["mandate_end_date"]) for row in actions}


def test_resolution_1500_established_the_mission(site):
    actions = rows(site, "resolution_history", resolution="1500")
    assert ("establish", "2003-08-14") in {(row["action"], row["adopted_date"]) for row in actions}


def test_nepal_contributes_77_troops_and_one_military_observer(site):
    nepal = {
        row["personnel_type"]: row["personnel"]
        for row in rows(site, "contingents_by_country", status="current")
        if row["country"] == "Nepal"
    }
    assert nepal == {"troops": 77, "military observers": 1}
    (listed,) = rows(site, "contingent_list", country="NPL")
    assert (listed["troops"], listed["military_observers"]) == (77, 1)


def test_contributions_whose_country_is_not_named_are_counted_as_unknown_not_guessed(site):
    unknown = rows(site, "contingent_list", country="unknown")
    assert len(unknown) == 7  # the eighth lost flag, the guard unit's, is Fiji by other sources
    assert all(row["iso3"] is None and row["country_unknown_reason"] for row in unknown)
    by_country = rows(site, "contingents_by_country")
    assert all(row["iso3"] is None for row in by_country if row["is_country_unknown"])
    former = {
        (row["country"], row["personnel_type"]): row["personnel"] for row in by_country if row["status"] == "former"
    }
    assert former[("Romania", "troops")] == 100
    assert former[("Georgia", "troops")] == 550


def test_contradictions_keep_both_claims_with_their_sections(site):
    claims = rows(site, "contradictions")
    by_discrepancy = {}
    for row in claims:
        by_discrepancy.setdefault(row["discrepancy_key"], []).append(row)
    assert all(len(group) >= 2 for group in by_discrepancy.values())
    assert all(row["source_section"] for row in claims)
    people = {row["person"] for row in claims if row["discrepancy_kind"] == "heading years versus text"}
    assert {"Ashraf Jehangir Qazi", "Staffan de Mistura", "Ján Kubiš"} <= people
    text = " ".join(row["claim"] for row in claims)
    for expected in ("2004–2005", "September 2007", "December 2018", "Mohamed Al Hassan", "Mohammed Al Hassan"):
        assert expected in text
    resolution_2682 = [row for row in claims if row["resolution"] == "Resolution 2682"]
    assert {"Introduction", "History"} <= {row["source_section"].rsplit(" ", 1)[-1] for row in resolution_2682}
    assert any("2019" in row["claim"] for row in resolution_2682) and any(
        "2023" in row["claim"] for row in resolution_2682
    )
    titles = {row["claim"] for row in claims if row["discrepancy_kind"] == "title stated two ways"}
    assert any(title.endswith("Constitutional Support") for title in titles)
    assert any(title.endswith("Constitutional Affairs") for title in titles)


def test_person_profile_shows_mladenovs_studies_and_next_post(site):
    profile = rows(site, "person_profile", person="Mladenov")
    assert {row["person"] for row in profile} == {"Nickolay Mladenov"}
    values = " ".join(row["value"] for row in profile)
    assert "King's College London" in values
    assert "University of National and World Economy" in values
    assert "Middle East" in values  # appointed UN Special Coordinator for the Middle East Peace Process


def test_person_profile_finds_al_hassan_under_either_spelling(site):
    for spelling in ("Mohamed Al Hassan", "Mohammed Al Hassan"):
        assert {row["person"] for row in rows(site, "person_profile", person=spelling)} == {"Mohammed Al Hassan"}


def test_mission_fact_sheet_gives_the_founding_and_end_dates(site):
    facts = {row["fact"]: row["value"] for row in rows(site, "mission_fact_sheet", mission="UNAMI")}
    assert facts["Established"] == "2003-08-14"
    assert facts["Ended"] == "2025-12-31"
    assert facts["Type"] == "political mission"


def test_event_timeline_of_2024_has_the_debate_and_the_resolution(site):
    events = rows(site, "event_timeline", **{"from": "2024-01-01", "to": "2024-12-31"})
    dates = {row["occurred_date"] for row in events}
    assert {"2024-03-28", "2024-05-17", "2024-05-31"} <= dates  # report, debate, Resolution 2732
    early = rows(site, "event_timeline", **{"from": "2003-01-01", "to": "2003-12-31"})
    assert any(row["deaths"] == 22 for row in early)  # the 2003 attack that killed 22


def test_events_per_year_counts_every_event_dated_within_2024(site):
    """An event dated to a day, a month or the year 2024 (YAML reads a plain day as a date) counts for 2024."""
    from test_report_rows import records

    in_2024 = [event for event in records("events") if re.fullmatch(r"2024(-\d\d){0,2}", str(event.get("occurred")))]
    counts = rows(site, "events_per_year")
    assert sum(row["events"] for row in counts if row["event_year"] == 2024) == len(in_2024)


def test_mandate_lists_electoral_tasks_and_the_kuwait_file(site):
    from test_report_rows import mandate_tasks

    tasks = rows(site, "mandate_by_area")
    assert any("Kuwait" in (row["task"] or "") for row in tasks)
    stated = [task for *_, task in mandate_tasks() if task and task["component"] == "electoral-assistance"]
    electoral = rows(site, "mandate_by_area", component="electoral-assistance")
    assert len(electoral) == len(stated)
    (component,) = rows(site, "mandate_by_component", component="electoral-assistance")
    assert component["tasks"] == len(stated)


def test_data_coverage_counts_tenures_known_only_to_the_month(site):
    coverage = rows(site, "data_coverage", precision="month")
    started = [row for row in coverage if (row["fact_table"], row["date_column"]) == ("appointments", "started")]
    from test_report_rows import records  # which imports this module

    months = [
        record for record in records("appointments") if re.fullmatch("[0-9]{4}-[0-9]{2}", str(record.get("started")))
    ]
    assert (started[0]["facts"], started[0]["is_coarser_than_day"]) == (len(months), 1)


def test_data_coverage_keeps_each_share_of_all_dates_when_filtered(site, query):
    (total,) = query("select count(*) as n from appointments")
    (month,) = query("select count(*) as n from appointments where ended_precision = 'month'")
    filtered = rows(site, "data_coverage", precision="month")
    (ended,) = [row for row in filtered if (row["fact_table"], row["date_column"]) == ("appointments", "ended")]
    assert ended["facts"] == month["n"]
    assert ended["share_percent"] == pytest.approx(100.0 * month["n"] / total["n"], abs=0.05 + 1e-9)
    unfiltered = rows(site, "data_coverage")
    assert ended in unfiltered


def test_provenance_covers_the_leadership_section(site):
    provenance = rows(site, "provenance_by_section", source="wikipedia-unami")
    sections = {row["section"] for row in provenance}
    assert {"Infobox", "Introduction", "History", "Leadership", "Mandate"} <= sections
    assert any(row["section"] == "Leadership" and row["fact_table"] == "appointments" for row in provenance)


# --- the reports keep up with the schema ------------------------------------------------------------


def test_readme_lists_every_report():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- reports:start -->\n", "<!-- reports:end -->"
    assert start in readme and end in readme, "README needs the generated list of reports between markers"
    listed = readme.split(start, 1)[1].split(end, 1)[0]
    assert listed == catalog.markdown_list(), "README's report list is stale: run `unami docs`"


# --- the command line --------------------------------------------------------------------------------


def test_unami_report_list_shows_every_report_with_its_title():
    result = CliRunner().invoke(main, ["report", "--list"])
    assert result.exit_code == 0
    for report in REPORTS:
        assert report.name in result.output and report.title in result.output


def parse_report_output(output: str, output_format: str) -> list[dict[str, str]]:
    """Rows of `unami report` output read back, every value as text."""
    import csv
    import io
    import json

    if output_format == "json":
        return [{key: "" if value is None else str(value) for key, value in row.items()} for row in json.loads(output)]
    if output_format == "csv":
        return list(csv.DictReader(io.StringIO(output)))
    lines = [line for line in output.splitlines() if line.strip()]
    if output_format == "markdown":
        cells = [[cell.strip() for cell in line.strip().strip("|").split(" | ")] for line in lines]
        header, rows = cells[0], cells[2:]  # the second line is the | --- | separator
    else:  # table: columns separated by two or more spaces, a line of dashes under the header
        cells = [re.split(r"\s{2,}", line.strip()) for line in lines]
        header, rows = cells[0], cells[2:]
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.mark.parametrize("output_format", ["table", "csv", "json", "markdown"])
def test_unami_report_prints_the_same_rows_in_every_format(built_db, output_format):
    def run(fmt: str) -> str:
        arguments = ["report", "staffing_composition", "--db", str(built_db), "--param", "year=2023", "--format", fmt]
        result = CliRunner().invoke(main, arguments)
        assert result.exit_code == 0, result.output
        return result.output

    rows = parse_report_output(run(output_format), output_format)
    assert rows == parse_report_output(run("json"), "json")
    # The article's 2023 staffing: about 648 in all, 397 national, 251 international.
    assert [(row["category"], row["personnel_count"]) for row in rows] == [
        ("total", "648"),
        ("national", "397"),
        ("international", "251"),
    ]
    assert list(rows[0]) == [
        "mission",
        "observed_date",
        "category",
        "personnel_count",
        "is_approximate",
        "share_percent",
        "source_section",
    ]


def test_unami_report_rejects_an_unknown_parameter_in_one_line(built_db):
    result = CliRunner().invoke(main, ["report", "staffing_composition", "--db", str(built_db), "--param", "yr=2023"])
    assert result.exit_code == 1
    assert "has no parameter yr (parameters: year)" in result.output


def test_no_report_shadows_a_table_or_view():
    # a canned query named like a table replaces the table's page on the site
    from unami.derived import VIEWS

    taken = set(schema.metadata.tables) | {view.name for view in VIEWS}
    assert not set(catalog.names()) & taken


@pytest.mark.parametrize("day", ["2026-06-01", "2003-01-01"])
def test_nobody_holds_a_mission_post_outside_the_mission_s_life(site, day):
    # UNAMI was formed on 14 August 2003 and terminated on 31 December 2025.
    assert rows(site, "post_holders_on_date", date=day) == []


# A year or a month is a period (see test_forgiving_inputs_find_what_a_person_meant); an impossible one is not.
@pytest.mark.parametrize("day", ["2010-13", "2010-13-01", "2010-02-30", "2010-04-31", "x"])
def test_a_date_that_is_not_an_iso_day_matches_nothing(site, day):
    assert rows(site, "post_holders_on_date", date=day) == []


def test_contingent_totals_say_when_they_include_an_approximate_figure(site):
    by_country = {
        (row["country"], row["personnel_type"]): row for row in rows(site, "contingents_by_country", status="former")
    }
    # "Around 550 soldiers" (Georgia) and "around 35 troops" (Denmark's earlier guards); Romania's 100 is exact.
    assert by_country[("Georgia", "troops")]["includes_approximate"] == 1
    assert by_country[("Denmark", "troops")]["includes_approximate"] == 1
    assert by_country[("Romania", "troops")]["includes_approximate"] == 0


# --- forgiving inputs: what a person types finds what they meant ---------------------------------


def test_person_profile_finds_kubis_typed_without_accents_or_capitals(site, query):
    kubis_id = query("select id from people where name = 'Ján Kubiš'")[0]["id"]
    expected = rows(site, "person_profile", person="Kubiš")
    assert expected and {row["person_id"] for row in expected} == {kubis_id}
    for typed in ("Kubis", "kubis", "jan kubis", "JAN KUBIS"):
        assert rows(site, "person_profile", person=typed) == expected, typed


@pytest.mark.parametrize("typed", ["SRSG", "srsg", "Head of Mission", "head"])
def test_leaders_timeline_reads_srsg_and_levels_in_any_case_as_the_heads(site, typed):
    heads = rows(site, "leaders_timeline", position="head of mission")
    assert len(heads) == 8  # the eight heads of mission (see above)
    assert rows(site, "leaders_timeline", position=typed) == heads


@pytest.mark.parametrize("typed", ["DSRSG", "dsrsg", "Deputy SRSG", "deputy", "Deputy Head of Mission"])
def test_leaders_timeline_reads_dsrsg_as_the_deputies(site, typed):
    deputies = rows(site, "leaders_timeline", position="deputy head of mission")
    assert {row["person"] for row in deputies} >= {"Alice Walpole", "Ghulam Isaczai"}
    assert rows(site, "leaders_timeline", position=typed) == deputies


def test_leaders_timeline_finds_a_post_by_part_of_its_title(site):
    found = rows(site, "leaders_timeline", position="humanitarian coordinator")
    assert {row["position"] for row in found} == {
        "Deputy Special Representative for Iraq, Resident and Humanitarian Coordinator"
    }


@pytest.mark.parametrize("typed", ["Current", "CURRENT", " current "])
def test_a_fixed_choice_is_read_in_any_case(site, typed):
    assert rows(site, "contingent_list", status=typed) == rows(site, "contingent_list", status="current")
    assert rows(site, "contingents_by_country", status=typed) == rows(site, "contingents_by_country", status="current")


def test_contingent_list_reads_a_country_name_or_code_in_any_case(site):
    nepal = rows(site, "contingent_list", country="NPL")
    assert [row["country"] for row in nepal] == ["Nepal"]
    for typed in ("npl", "nepal", "NEPAL", "Unknown"):
        assert rows(site, "contingent_list", country=typed), typed
    assert rows(site, "contingent_list", country="nepal") == nepal


@pytest.mark.parametrize(
    ("report", "parameter", "typed", "exact"),
    [
        ("contradictions", "kind", "Name Spelled Two Ways", "name spelled two ways"),
        ("data_coverage", "precision", "Months", "month"),
        ("events_per_year", "kind", "Resolutions", "resolution"),
        ("mandate_by_component", "component", "Human Rights", "human-rights"),
        ("mandate_by_area", "component", "electoral assistance", "electoral-assistance"),
        ("mission_fact_sheet", "mission", "unami", "UNAMI"),
        ("mission_fact_sheet", "mission", "United Nations Assistance Mission for Iraq", "UNAMI"),
        ("provenance_by_section", "source", "Wikipedia-UNAMI", "wikipedia-unami"),
        ("staffing_composition", "year", "2023-06", "2023"),
        ("event_timeline", "from", "2024", "2024-01-01"),
        # accents and capitals a person may type where the stored text has none, and part of a kind
        ("contradictions", "kind", "SPELLED", "name spelled two ways"),  # part of a kind ("name" is in two)
        ("contingent_list", "country", "Népal", "NPL"),
        ("mandate_by_component", "component", "HUMAN RÍGHTS", "human-rights"),
        ("mission_fact_sheet", "mission", "united nations assistance mission for iráq", "UNAMI"),
        ("leaders_timeline", "position", "spécial representative of the secretary-general for iraq", "SRSG"),
    ],
)
def test_the_forms_a_person_types_answer_as_the_exact_value_does(site, report, parameter, typed, exact):
    expected = rows(site, report, **{parameter: exact})
    assert expected
    assert rows(site, report, **{parameter: typed}) == expected


def test_event_timeline_reads_a_year_or_a_month_as_the_whole_period(site):
    assert rows(site, "event_timeline", **{"from": "2024", "to": "2024"}) == rows(
        site, "event_timeline", **{"from": "2024-01-01", "to": "2024-12-31"}
    )
    assert rows(site, "event_timeline", **{"from": "2024-05", "to": "2024-05"}) == rows(
        site, "event_timeline", **{"from": "2024-05-01", "to": "2024-05-31"}
    )


@pytest.mark.parametrize("typed", ["S/RES/1500", "S/RES/1500 (2003)", "s/res/1500(2003)", "resolution 1500", " 1500 "])
def test_resolution_history_reads_every_usual_form_of_a_symbol(site, typed):
    expected = rows(site, "resolution_history", resolution="1500")
    assert {row["symbol"] for row in expected} == {"S/RES/1500 (2003)"}
    assert rows(site, "resolution_history", resolution=typed) == expected


def _holders_in(query, first_day: str, last_day: str) -> set[str]:
    """Who may have held a mission post on some day of a period, by an independent reading of the bounds."""
    found = query(
        """
        select people.name from appointments
        inner join people on appointments.person_id = people.id
        inner join positions on appointments.position_id = positions.id
        where positions.level in ('head of mission', 'deputy head of mission')
          and appointments.started_earliest <= :last_day
          and (appointments.ended_latest >= :first_day or appointments.ended_date is null)
        """,
        {"first_day": first_day, "last_day": last_day},
    )
    return {row["name"] for row in found}


@pytest.mark.parametrize(
    ("typed", "first_day", "last_day"),
    [
        ("2010", "2010-01-01", "2010-12-31"),
        ("2010-01", "2010-01-01", "2010-01-31"),
        ("2011", "2011-01-01", "2011-12-31"),
    ],
)
def test_post_holders_on_a_year_or_month_lists_who_held_a_post_during_it(site, query, typed, first_day, last_day):
    found = rows(site, "post_holders_on_date", date=typed)
    assert found and {row["asked_date"] for row in found} == {typed}
    people = {row["person"] for row in found}
    # an open-ended tenure ends at its successor's start: the summary knows, the plain query over-counts
    assert people <= _holders_in(query, first_day, last_day)
    assert "Ad Melkert" in people  # head of mission from July 2009
    if typed == "2011":
        assert "Martin Kobler" in people  # took over in 2011


def test_post_holders_read_a_day_typed_with_spaces_as_the_day(site):
    def answer(typed: str) -> list[dict]:
        return [{**row, "asked_date": None} for row in rows(site, "post_holders_on_date", date=typed)]

    assert answer(" 2010-01-01 ") == answer("2010-01-01")


# --- what nothing matching looks like, and what the columns hold -----------------------------------


def test_a_report_that_finds_nothing_says_what_would_match(site):
    page = site(f"/{DB}/contingent_list?status=present")
    assert page.status_code == 200
    assert 'class="no-match-hint"' in page.text
    assert "Try status = one of: current, former." in page.text
    # JSON consumers still get an empty list, not a message row
    assert rows(site, "contingent_list", status="present") == []
    person = site(f"/{DB}/person_profile?person=Nobody+Atall").text
    assert "no-match-hint" in person and "Mladenov" in person


def test_a_report_that_finds_rows_shows_no_hint(site):
    assert "no-match-hint" not in site(f"/{DB}/contingent_list?status=current").text


@pytest.mark.parametrize("report", REPORTS, ids=lambda report: report.name)
def test_report_sidecar_describes_every_output_column_in_order(built_db, report):
    import sqlite3

    from unami.files import connect_read_only

    connection = connect_read_only(built_db)
    try:
        columns, _ = catalog.run(connection, report)
    finally:
        connection.close()
    assert [name for name, _ in report.columns] == columns
    assert all(meaning.strip() for _, meaning in report.columns)
    assert isinstance(connection, sqlite3.Connection)


@pytest.mark.parametrize("report", REPORTS, ids=lambda report: report.name)
def test_report_page_offers_each_parameter_s_choices_and_describes_its_columns(site, report):
    page = site(f"/{DB}/{report.name}").text
    for parameter in report.parameters:
        assert f'placeholder="{parameter.examples[0]}"' in page
        for choice in parameter.choices:
            assert f'<option value="{choice}">' in page
    for name, _ in report.columns:
        assert f"<dt>{name}</dt>" in page


@pytest.mark.parametrize(
    ("report", "parameter", "choice"),
    [
        (report, parameter, choice)
        for report in REPORTS
        for parameter in report.parameters
        for choice in parameter.choices
    ],
    ids=lambda value: value if isinstance(value, str) else getattr(value, "name", str(value)),
)
def test_every_offered_choice_finds_rows(site, report, parameter, choice):
    assert rows(site, report.name, **{parameter.name: choice}), f"{report.name}: {parameter.name}={choice}"
