"""Facts of the source article, checked through SQL on the built database.

Every expected value below is read from the article (shared/seed), not from
the program's output.
"""

import pytest

from unami import schema

# The article's own sections: the facts these tests check are the article's.
ARTICLE_SECTIONS = (
    "(select source_sections.id from source_sections join sources on sources.id = source_id"
    " where sources.key = 'wikipedia-unami')"
)

SRSG_ON_DATE = """
    select people.name
    from appointments
    join people on people.id = appointments.person_id
    join positions on positions.id = appointments.position_id
    where positions.key = 'unami-srsg'
      and appointments.started_latest <= :day
      and (appointments.ended_earliest is null or appointments.ended_earliest >= :day)
      and not exists (  -- a later head who had certainly started by then replaces an open-ended tenure
          select 1 from appointments later
          where later.predecessor_appointment_id = appointments.id and later.started_latest <= :day)
"""


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2010-01-01", ["Ad Melkert"]),  # appointed July 2009; Kobler came in August 2011
        ("2005-06-01", ["Ashraf Jehangir Qazi"]),  # July 2004 to September 2007 per the text
        ("2014-06-01", ["Nickolay Mladenov"]),  # August 2013 to February 2015
        ("2023-10-13", ["Jeanine Hennis-Plasschaert"]),  # the day Perthes was appointed
        ("2025-01-01", ["Mohammed Al Hassan"]),  # from July 2024
    ],
)
def test_who_led_the_mission_on_a_day(query, day, expected):
    assert [row["name"] for row in query(SRSG_ON_DATE, {"day": day})] == expected


def test_the_strategic_review_head_was_appointed_on_13_october_2023_by_the_secretary_general(query):
    rows = query(
        """select people.name, appointments.started_date, countries.name as country
           from appointments
           join people on people.id = appointments.person_id
           join positions on positions.id = appointments.position_id
           join person_nationalities on person_nationalities.person_id = people.id
           join countries on countries.id = person_nationalities.country_id
           where positions.key = 'head-independent-strategic-review'"""
    )
    assert rows == [{"name": "Volker Perthes", "started_date": "2023-10-13", "country": "Germany"}]


def test_nepal_has_77_troops_and_one_military_observer(query):
    rows = query(
        """select contingents.status, contingent_strengths.personnel_type, contingent_strengths.personnel_count
           from contingents
           join countries on countries.id = contingents.country_id
           join contingent_strengths on contingent_strengths.contingent_id = contingents.id
           where countries.iso3 = 'NPL' order by personnel_type"""
    )
    assert rows == [
        {"status": "current", "personnel_type": "military observers", "personnel_count": 1},
        {"status": "current", "personnel_type": "troops", "personnel_count": 77},
    ]


def test_national_staff_were_61_percent_of_the_2023_total(query):
    rows = query(
        """select category, personnel_count, is_approximate from staffing_counts
           where observed_date = '2023' order by category"""
    )
    counts = {row["category"]: row["personnel_count"] for row in rows}
    assert counts == {"international": 251, "national": 397, "total": 648}
    assert round(100 * counts["national"] / counts["total"], 1) == 61.3
    assert {row["category"]: row["is_approximate"] for row in rows}["total"] == 1  # "approximately 648"


def test_resolution_2732_ended_the_mission_unanimously(query):
    rows = query(
        """select resolutions.symbol, resolutions.adopted_date, resolutions.is_unanimous,
                  resolution_actions.mandate_end_date
           from resolution_actions
           join resolutions on resolutions.id = resolution_actions.resolution_id
           where resolution_actions.action = 'terminate'"""
    )
    assert rows == [
        {
            "symbol": "S/RES/2732 (2024)",
            "adopted_date": "2024-05-31",
            "is_unanimous": 1,
            "mandate_end_date": "2025-12-31",
        }
    ]


def test_contributions_whose_country_the_article_does_not_name_are_counted_honestly(query):
    rows = query(
        """select status, count(*) as contributions from contingents
           where country_id is null group by status order by status"""
    )
    # Seven former entries whose flags were lost; Romania, Georgia, Nepal and Denmark are named in the
    # text. The current entry (160 troops, first deployed December 2004) lost its flag too, but other
    # sources name its country, Fiji (tests/test_sources.py).
    assert rows == [{"status": "former", "contributions": 7}]


def test_named_contributing_countries(query):
    rows = query(
        """select distinct countries.name from contingents
           join countries on countries.id = contingents.country_id order by countries.name"""
    )
    # Fiji is named by other sources for the entry whose flag the article lost (tests/test_sources.py).
    assert [row["name"] for row in rows] == ["Denmark", "Fiji", "Georgia", "Nepal", "Romania"]


def test_the_first_guard_unit_grew_from_134_to_160_and_australia_trained_equipped_and_moved_it(query):
    strengths = query(
        f"""select personnel_count, observed_date from contingent_strengths
           join contingents on contingents.id = contingent_id
           where contingents.list_position = 1
             and contingent_strengths.source_section_id in {ARTICLE_SECTIONS}
           order by personnel_count"""
    )
    assert strengths == [
        {"personnel_count": 134, "observed_date": "2004-12"},
        {"personnel_count": 160, "observed_date": None},
    ]
    roles = query(
        """select role from contingent_links join countries on countries.id = contingent_links.country_id
           join contingents on contingents.id = contingent_id
           where contingents.list_position = 1 and countries.iso3 = 'AUS' order by role"""
    )
    assert [row["role"] for row in roles] == ["equipped", "trained", "transported"]


def test_every_contradiction_is_queryable_with_its_sections(query):
    rows = query(
        f"""select discrepancies.key, discrepancies.discrepancy_kind, count(*) as claims,
                  group_concat(distinct source_sections.name) as sections
           from discrepancies
           join discrepancy_claims on discrepancy_claims.discrepancy_id = discrepancies.id
           join source_sections on source_sections.id = discrepancy_claims.source_section_id
           where discrepancy_claims.source_section_id in {ARTICLE_SECTIONS}
             and discrepancies.discrepancy_kind not like 'sources disagree%'
           group by discrepancies.id order by discrepancies.key"""
    )
    found = {row["key"]: (row["discrepancy_kind"], ",".join(sorted(row["sections"].split(",")))) for row in rows}
    assert found == {
        "al-hassan-first-name": ("name spelled two ways", "Leadership"),
        "de-mistura-heading-start-year": ("heading years versus text", "Leadership"),
        "hennis-plasschaert-start": ("date stated two ways", "Leadership"),
        "kubis-heading-end-year": ("heading years versus text", "Leadership"),
        "political-deputy-title": ("title stated two ways", "Leadership"),
        "qazi-heading-end-year": ("heading years versus text", "Leadership"),
        "resolution-2682-year": ("date stated two ways", "History,Introduction"),
    }
    assert all(row["claims"] == 2 for row in rows)


def test_heading_years_can_be_compared_with_text_dates_by_a_query(query):
    rows = query(
        """select people.name from appointments join people on people.id = person_id
           where heading_start_year < cast(substr(started_earliest, 1, 4) as integer)
              or heading_start_year > cast(substr(started_latest, 1, 4) as integer)
              or heading_end_year < cast(substr(ended_earliest, 1, 4) as integer)
              or heading_end_year > cast(substr(ended_latest, 1, 4) as integer)
           order by people.name"""
    )
    assert [row["name"] for row in rows] == ["Ashraf Jehangir Qazi", "Ján Kubiš", "Staffan de Mistura"]


def test_de_mistura_nationality_rests_only_on_his_parents_and_qazi_has_none(query):
    rows = query(
        f"""select people.key, countries.iso3, basis from person_nationalities
           join people on people.id = person_id join countries on countries.id = country_id
           where people.key in ('staffan-de-mistura', 'ashraf-jehangir-qazi')
             and person_nationalities.source_section_id in {ARTICLE_SECTIONS}
           order by iso3"""
    )
    assert rows == [
        {"key": "staffan-de-mistura", "iso3": "ITA", "basis": "father's nationality"},
        {"key": "staffan-de-mistura", "iso3": "SWE", "basis": "mother's nationality"},
    ]


def test_mladenov_education_and_next_post(query):
    education = query(
        """select institution, field, degree, completed_date from person_educations
           join people on people.id = person_id where people.key = 'nickolay-mladenov' order by completed_date"""
    )
    assert education == [
        {
            "institution": "University of National and World Economy",
            "field": "international relations",
            "degree": None,
            "completed_date": "1995",
        },
        {"institution": "King's College London", "field": "war studies", "degree": "MA", "completed_date": "1996"},
    ]
    next_post = query(
        """select positions.name, later.started_date from appointments
           join appointments later on later.id = appointments.next_appointment_id
           join positions on positions.id = later.position_id where appointments.key = 'mladenov-srsg'"""
    )
    assert next_post == [
        {"name": "UN Special Coordinator for the Middle East Peace Process", "started_date": "2015-02"}
    ]


def test_two_deputies_served_under_hennis_plasschaert(query):
    rows = query(
        f"""select people.name, countries.iso3, positions.portfolio from appointments
           join appointments head on head.id = appointments.served_under_appointment_id
           join people on people.id = appointments.person_id
           join person_nationalities on person_nationalities.person_id = people.id
           join countries on countries.id = person_nationalities.country_id
           join positions on positions.id = appointments.position_id
           where head.key = 'hennis-plasschaert-srsg'
             and appointments.source_section_id in {ARTICLE_SECTIONS}
           order by people.name"""
    )
    assert rows == [
        {"name": "Alice Walpole", "iso3": "GBR", "portfolio": "Political and human rights affairs."},
        {"name": "Ghulam Isaczai", "iso3": "AFG", "portfolio": "UN humanitarian and development efforts."},
    ]


def test_the_mission_fact_sheet(query):
    mission = query(
        """select missions.abbreviation, mission_type, status, established_date, ended_date,
                  organizations.name as parent
           from missions join organizations on organizations.id = missions.parent_organization_id"""
    )
    assert mission == [
        {
            "abbreviation": "UNAMI",
            "mission_type": "political mission",
            "status": "completed",
            "established_date": "2003-08-14",
            "ended_date": "2025-12-31",
            "parent": "United Nations Security Council",
        }
    ]
    names = query("select language, name from mission_names order by language")
    assert names[0] == {"language": "ar", "name": "بعثة الامم المتحدة لمساعدة العراق"}


def test_the_2003_attack_killed_22_including_vieira_de_mello(query):
    rows = query(
        """select events.deaths, events.occurred_date, people.name from events
           join event_participants on event_participants.event_id = events.id
           join people on people.id = event_participants.person_id
           where events.event_kind = 'attack' and event_participants.role = 'killed'"""
    )
    assert rows == [{"deaths": 22, "occurred_date": "2003", "name": "Sérgio Vieira de Mello"}]


def test_the_outcomes_include_six_national_elections(query):
    rows = query("select quantity, unit from outcomes where quantity is not null")
    assert rows == [{"quantity": 6, "unit": "national elections"}]
    assert query("select count(*) as n from outcomes")[0]["n"] == 5


def test_the_mandate_summary_has_six_lines_and_the_final_mandate_six_areas_plus_its_purpose(query):
    rows = query("select area_kind, count(*) as areas from mandate_areas group by area_kind order by area_kind")
    assert rows == [{"area_kind": "final mandate", "areas": 7}, {"area_kind": "summary", "areas": 1}]
    summary = query(
        """select count(*) as n from mandate_tasks join mandate_areas on mandate_areas.id = mandate_area_id
           where area_kind = 'summary'"""
    )
    assert summary[0]["n"] == 6


def test_full_text_search_finds_both_green_zone_contingents(query):
    rows = query(
        """select contingents.key from contingents_fts
           join contingents on contingents.id = contingents_fts.rowid
           where contingents_fts match '"Green Zone"' order by contingents.list_position"""
    )
    assert [row["key"] for row in rows] == ["green-zone-guard-unit", "georgia-2005"]


def test_the_see_also_link_is_a_related_organization(query):
    rows = query(
        """select organizations.name from mission_organizations
           join organizations on organizations.id = organization_id where role = 'see also'"""
    )
    assert rows == [{"name": "Multinational Force in Iraq"}]


def test_every_section_of_the_article_is_the_source_of_some_facts(query):
    fact_tables = [name for name, table in schema.metadata.tables.items() if "source_section_id" in table.columns]
    cited = " union all ".join(f"select source_section_id from {name}" for name in fact_tables)
    rows = query(
        f"""select sources.key as source, source_sections.name as section, count(cited.source_section_id) as facts
            from source_sections
            join sources on sources.id = source_sections.source_id
            left join ({cited}) as cited on cited.source_section_id = source_sections.id
            group by source_sections.id order by source_sections.position"""
    )
    article = [row for row in rows if row["source"] == "wikipedia-unami"]
    assert [row["section"] for row in article] == [
        "Infobox",
        "Introduction",
        "History",
        "Leadership",
        "Mandate",
        "Military representatives and guards",
        "Former Participants",
        "See also",
    ]
    assert all(row["facts"] > 0 for row in rows), [row for row in rows if not row["facts"]]


def test_unanimity_is_known_only_for_resolution_2732(query):
    # The article says 2732 was adopted unanimously and says nothing of the votes on 1500 and 2682;
    # the 2012 revision names 1936 without its vote.
    rows = query("select number, is_unanimous from resolutions order by number")
    assert rows == [
        {"number": 1500, "is_unanimous": None},
        {"number": 1936, "is_unanimous": None},
        {"number": 2682, "is_unanimous": None},
        {"number": 2732, "is_unanimous": 1},
    ]
