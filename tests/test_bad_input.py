"""Bad input: every malformed data file gets one clear line naming file, record and field,
a non-zero exit, and leaves an existing database byte-identical.

Each case copies data/ to a temporary directory, breaks one file, and runs a
real `unami build` over an existing database.
"""

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import digest, planning_problems
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unami import DEFAULT_DATA_DIR
from unami.cli import main
from unami.loaders import yaml_files

LINE = re.compile(r"^\S.*\.yaml: [^:]+: [^:]+: .+$")  # file: record: field: message


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    mutate: Callable[[str], str] | Callable[[bytes], bytes]
    record: str
    field: str
    message: str
    binary: bool = False


def replace(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def mutate(text: str) -> str:
        assert old in text, f"fixture text {old!r} not found"
        return text.replace(old, new, count)

    return mutate


def append(extra: str) -> Callable[[str], str]:
    return lambda text: text + extra


CASES = [
    # --- YAML itself ---------------------------------------------------------
    Case("syntax error", "missions.yaml", append("  - key: [unclosed\n"), "line", "(syntax)", "invalid YAML"),
    Case("tab indentation", "outcomes.yaml", append("\t- key: tabbed\n"), "line", "(syntax)", "invalid YAML"),
    Case(
        "duplicate mapping key",
        "missions.yaml",
        replace("    status: completed\n", "    status: completed\n    status: active\n"),
        "line",
        "(syntax)",
        "duplicate key 'status'",
    ),
    Case(
        "alias bomb",
        "outcomes.yaml",
        lambda text: (
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n" + text
        ),
        "line",
        "(syntax)",
        "aliases (*name) are not allowed",
    ),
    # libyaml composes nodes recursively in C: this depth crashed the interpreter (exit 139)
    Case(
        "nesting 100,000 deep",
        "outcomes.yaml",
        append("deep: " + "[" * 100_000 + "\n"),
        "line",
        "(syntax)",
        "nested more than 64 levels deep",
    ),
    Case(
        "nesting 2,000 deep, closed",
        "outcomes.yaml",
        append("deep: " + "[" * 2_000 + "]" * 2_000 + "\n"),
        "line",
        "(syntax)",
        "nested more than 64 levels deep",
    ),
    Case(
        "integer of 5,000 digits",
        "outcomes.yaml",
        append("huge: " + "1" * 5_000 + "\n"),
        "(file)",
        "(value)",
        "Exceeds the limit (4300 digits)",
    ),
    Case(
        "not UTF-8",
        "people.yaml",
        lambda data: data.replace("Ján".encode(), "J\xe1n".encode("latin-1")),
        "(file)",
        "(encoding)",
        "not UTF-8: byte 0xe1",
        binary=True,
    ),
    Case("empty file", "events.yaml", lambda text: "", "(file)", "(content)", "file is empty"),
    Case("only a comment", "events.yaml", lambda text: "# nothing here\n", "(file)", "(content)", "file is empty"),
    Case(
        "top level is a list",
        "outcomes.yaml",
        lambda text: "- a\n- b\n",
        "(file)",
        "(content)",
        "expected a YAML mapping at the top level",
    ),
    Case(
        "huge file",
        "outcomes.yaml",
        lambda text: text + "# " + "x" * (6 * 1024 * 1024) + "\n",
        "(file)",
        "(size)",
        "over the 5242880-byte limit",
    ),
    Case(
        "unknown top-level key",
        "outcomes.yaml",
        append("outcome: []\n"),
        "(file)",
        "outcome",
        "Extra inputs are not permitted",
    ),
    # --- types, required and unknown fields ----------------------------------
    Case(
        "wrong type for a date",
        "missions.yaml",
        replace("established: 2003-08-14", "established: [2003]"),
        "missions[0] (unami)",
        "established",
        "Input should be a valid string",
    ),
    Case(
        "missing required field",
        "missions.yaml",
        replace("    abbreviation: UNAMI\n", ""),
        "missions[0] (unami)",
        "abbreviation",
        "Field required",
    ),
    Case(
        "unknown field (typo)",
        "missions.yaml",
        replace("    abbreviation: UNAMI\n", "    abbreviation: UNAMI\n    abreviation: X\n"),
        "missions[0] (unami)",
        "abreviation",
        "Extra inputs are not permitted",
    ),
    Case(
        "value outside the vocabulary",
        "missions.yaml",
        replace("status: completed", "status: finished"),
        "missions[0] (unami)",
        "status",
        "Input should be 'active' or 'completed'",
    ),
    Case(
        "list where a mapping belongs",
        "outcomes.yaml",
        replace("  - key: six-national-elections", "  - [six-national-elections]\n  - key: x"),
        "outcomes[0]",
        "(record)",
        "Input should be a valid dictionary",
    ),
    Case(
        "number as text",
        "field.yaml",
        replace("personnel_count: 77", "personnel_count: seventy-seven"),
        "contingents[1] (nepal-guard-unit)",
        "strengths.0.personnel_count",
        "Input should be a valid integer",
    ),
    Case(
        "badly formed key",
        "outcomes.yaml",
        replace("key: six-national-elections", "key: Six National Elections"),
        "outcomes[0] (Six National Elections)",
        "key",
        "String should match pattern",
    ),
    Case(
        "lowercase country code",
        "people.yaml",
        replace(
            "{country: NLD, basis: stated nationality, section: Leadership}",
            "{country: nld, basis: stated nationality, section: Leadership}",
        ),
        "people[2] (ad-melkert)",
        "nationalities.0.country",
        "String should match pattern",
    ),
    Case(
        "bad URL",
        "sources.yaml",
        replace("url: https://en.wikipedia.org", "url: en.wikipedia.org"),
        "sources[0] (wikipedia-unami)",
        "url",
        "String should match pattern",
    ),
    Case(
        "source without sections",
        "sources.yaml",
        replace("    sections:\n      - Officially assigned alpha-3 codes\n", "    sections: []\n"),
        "sources[1] (iso-3166-1)",
        "sections",
        "List should have at least 1 item",
    ),
    Case(
        "discrepancy with a single claim",
        "discrepancies.yaml",
        replace('      - {claim: "Text: in post until December 2018", section: Leadership}\n', ""),
        "discrepancies[2] (kubis-heading-end-year)",
        "claims",
        "List should have at least 2 items",
    ),
    Case(
        "contingent without strengths",
        "field.yaml",
        replace(
            "    strengths:\n      - {personnel_type: military observers, personnel_count: 4, "
            "section: Former Participants}\n",
            "    strengths: []\n",
        ),
        "contingents[7] (observers-entry-8)",
        "strengths",
        "List should have at least 1 item",
    ),
    # --- dates ---------------------------------------------------------------
    Case(
        "impossible calendar date",
        "missions.yaml",
        replace("established: 2003-08-14", "established: 2003-02-30"),
        "missions[0] (unami)",
        "established",
        "'2003-02-30' is not a valid EDTF date",
    ),
    Case(
        "29 February of a common year",
        "missions.yaml",
        replace("established: 2003-08-14", "established: 2003-02-29"),
        "missions[0] (unami)",
        "established",
        "'2003-02-29' is not a valid EDTF date",
    ),
    Case(
        "a season for a date",
        "missions.yaml",
        replace("established: 2003-08-14", "established: 2003-23"),
        "missions[0] (unami)",
        "established",
        "'2003-23' is a season, which is not stored",
    ),
    Case(
        "year zero",
        "missions.yaml",
        replace("established: 2003-08-14", "established: '0000'"),
        "missions[0] (unami)",
        "established",
        "'0000' falls outside years 0001-9999",
    ),
    Case(
        "a century of unspecified years",
        "missions.yaml",
        replace("established: 2003-08-14", "established: 20XX"),
        "missions[0] (unami)",
        "established",
        "may be unspecified",
    ),
    Case(
        "date in words",
        "events.yaml",
        replace("occurred: 2024-03-28", "occurred: 28 March 2024"),
        "events[9] (strategic-review-report-submitted)",
        "occurred",
        "'28 March 2024' is not a valid EDTF date",
    ),
    Case(
        "month 13",
        "posts.yaml",
        replace("started: 2011-08", "started: 2011-13"),
        "appointments[3] (kobler-srsg)",
        "started",
        "'2011-13' is not a valid EDTF date",
    ),
    Case(
        "interval whose earliest is after its latest",
        "field.yaml",
        replace("withdrawn: 2007-07", "withdrawn: 2007-07/2004-10"),
        "contingents[4] (observer-2004-2007)",
        "withdrawn",
        "ends before it starts",
    ),
    Case(
        "tenure ending before it starts",
        "posts.yaml",
        replace("    ended: 2009-07\n", "    ended: 2006-01\n"),
        "appointments de-mistura-srsg",
        "ended",
        "is before the start 2007-09",
    ),
    Case(
        "contingent withdrawn before deployment",
        "field.yaml",
        replace("withdrawn: 2007-07", "withdrawn: 2003-01"),
        "contingents[4] (observer-2004-2007)",
        "withdrawn",
        "is before the deployment 2004-10",
    ),
    Case(
        "two overlapping tenures in one post",
        "posts.yaml",
        replace(
            "    ended: 2011-08\n    heading_years: 2009–2011",
            "    ended: 2014-01\n    heading_years: 2009–2014",
        ),
        "appointments mladenov-srsg",
        "started",
        "overlaps melkert-srsg in the same post",
    ),
    Case(
        "heading years not as printed",
        "posts.yaml",
        replace("heading_years: 2011–2013", "heading_years: 2011 to 2013"),
        "appointments[3] (kobler-srsg)",
        "heading_years",
        "is not a year or a year range as printed",
    ),
    Case(
        "heading disagreeing with the text, unrecorded",
        "posts.yaml",
        replace("heading_years: 2013–2015", "heading_years: 2012–2015"),
        "appointments mladenov-srsg",
        "heading_years",
        "record it in discrepancies.yaml",
    ),
    # --- counts --------------------------------------------------------------
    Case(
        "negative count",
        "field.yaml",
        replace("personnel_count: 77", "personnel_count: -77"),
        "contingents[1] (nepal-guard-unit)",
        "strengths.0.personnel_count",
        "greater than or equal to 0",
    ),
    Case(
        "negative deaths",
        "events.yaml",
        replace("deaths: 22", "deaths: -22"),
        "events[4] (attack-on-the-un-2003)",
        "deaths",
        "greater than or equal to 0",
    ),
    Case(
        "negative votes",
        "resolutions.yaml",
        replace("    is_unanimous: true\n", "    is_unanimous: true\n    votes_for: -15\n"),
        "resolutions[2] (2732)",
        "votes_for",
        "greater than or equal to 0",
    ),
    Case(
        "staff count of an unknown mission",
        "field.yaml",
        replace(
            "{mission: unami, observed: 2023, category: national", "{mission: unamx, observed: 2023, category: national"
        ),
        "staffing[2] (2023 national)",  # a staff count is named by its date and category
        "mission",
        "unknown missions key 'unamx'",
    ),
    Case(
        "parts not adding up to the total",
        "field.yaml",
        # Exact figures only: approximate parts need not add up.
        lambda text: replace(", is_approximate: true, section: Leadership}", ", section: Leadership}", 3)(
            text.replace("category: total, personnel_count: 648,", "category: total, personnel_count: 650,")
        ),
        "staffing (unami 2023)",
        "personnel_count",
        "international + national = 648, but the total says 650",
    ),
    Case(
        "quantity without a unit",
        "outcomes.yaml",
        replace("    unit: national elections\n", ""),
        "outcomes[0] (six-national-elections)",
        "unit",
        "a quantity needs a unit",
    ),
    # --- keys and references -------------------------------------------------
    Case(
        "duplicate natural key",
        "people.yaml",
        replace("  - key: martin-kobler", "  - key: ad-melkert"),
        "people[3] (ad-melkert)",
        "key",
        "duplicate people key 'ad-melkert'",
    ),
    # keys registered before their records are read, so records may refer forward to each other
    Case(
        "duplicate organization key",
        "places.yaml",
        replace("  - key: un-security-council", "  - key: united-nations"),
        "organizations[1] (united-nations)",
        "key",
        "duplicate organizations key 'united-nations'",
    ),
    Case(
        "duplicate appointment key",
        "posts.yaml",
        replace("  - key: de-mistura-srsg", "  - key: qazi-srsg"),
        "appointments[1] (qazi-srsg)",
        "key",
        "duplicate appointments key 'qazi-srsg'",
    ),
    Case(
        "duplicate country",
        "places.yaml",
        replace("  - {iso3: KWT, name: Kuwait,", "  - {iso3: IRQ, name: Kuwait,"),
        "countries[1] (IRQ)",
        "iso3",
        "duplicate countries key 'IRQ'",
    ),
    Case(
        "duplicate resolution number",
        "resolutions.yaml",
        replace("  - number: 2682", "  - number: 1500"),
        "resolutions[1] (1500)",
        "number",
        "duplicate resolutions key '1500'",
    ),
    Case(
        "unknown country code",
        "people.yaml",
        replace(
            "{country: DEU, basis: stated nationality, section: Leadership}",
            "{country: XYZ, basis: stated nationality, section: Leadership}",
        ),
        "people[3] (martin-kobler).nationalities[0]",
        "country",
        "unknown countries key 'XYZ'",
    ),
    Case(
        "dangling person reference",
        "posts.yaml",
        replace("    person: ad-melkert\n", "    person: ad-melkertt\n"),
        "appointments[2] (melkert-srsg)",
        "person",
        "unknown people key 'ad-melkertt'",
    ),
    Case(
        "dangling predecessor",
        "posts.yaml",
        replace("predecessor: kobler-srsg", "predecessor: kobbler-srsg"),
        "appointments[4] (mladenov-srsg)",
        "predecessor",
        "unknown appointments key 'kobbler-srsg'",
    ),
    Case(
        "unknown organization",
        "missions.yaml",
        replace("parent_organization: un-security-council", "parent_organization: un-general-assembly"),
        "missions[0] (unami)",
        "parent_organization",
        "unknown organizations key 'un-general-assembly'",
    ),
    Case(
        "unknown section",
        "outcomes.yaml",
        replace(
            "    quantity: 6\n    unit: national elections\n    section: Introduction",
            "    quantity: 6\n    unit: national elections\n    section: Intro",
        ),
        "outcomes[0] (six-national-elections)",
        "section",
        "unknown source_sections key 'wikipedia-unami#Intro'",
    ),
    Case(
        "unknown source",
        "outcomes.yaml",
        replace("source: wikipedia-unami", "source: wikipedia-unamy"),
        "outcomes[0] (six-national-elections)",
        "section",
        "unknown source_sections key 'wikipedia-unamy#Introduction'",
    ),
    Case(
        "unknown resolution in an event",
        "events.yaml",
        replace("resolutions: [1500]", "resolutions: [1501]"),
        "events[3] (unami-established).resolutions[0]",
        "resolutions",
        "unknown resolutions key '1501'",
    ),
    Case(
        "symbol of another resolution",
        "resolutions.yaml",
        replace("symbol: S/RES/2732 (2024)", "symbol: S/RES/2733 (2024)"),
        "resolutions[2] (2732)",
        "symbol",
        "does not carry number 2732",
    ),
    Case(
        "participant naming two parties",
        "events.yaml",
        replace(
            "{person: volker-perthes, role: appointee, section: History}",
            "{person: volker-perthes, country: DEU, role: appointee, section: History}",
        ),
        "events[8] (strategic-review-head-appointed)",
        "participants.0",
        "give exactly one of person, organization, country",
    ),
    Case(
        "contingent link naming a country and a body",
        "field.yaml",
        replace("{country: AUS, role: trained,", "{country: AUS, organization: us-led-coalition, role: trained,"),
        "contingents[0] (green-zone-guard-unit)",
        "links.0",
        "give exactly one of country, organization (got ['country', 'organization'])",
    ),
    Case(
        "contingent link naming neither a country nor a body",
        "field.yaml",
        replace("{country: AUS, role: equipped,", "{role: equipped,"),
        "contingents[0] (green-zone-guard-unit)",
        "links.1",
        "give exactly one of country, organization (got none)",
    ),
    Case(
        "contingent with neither country nor reason",
        "field.yaml",
        replace(
            "    country_unknown_reason: The entry's country flag is missing from the article and the text "
            "does not name the country.\n    status: former\n    list_position: 6\n",
            "    status: former\n    list_position: 6\n",
        ),
        "contingents[5] (observer-entry-6)",
        "(record)",
        "give a country, or (only when the source names none)",
    ),
    Case(
        "contingent with a guessed country and a reason",
        "field.yaml",
        replace("    list_position: 6\n", "    list_position: 6\n    country: FJI\n"),
        "contingents[5] (observer-entry-6)",
        "(record)",
        "give a country, or (only when the source names none)",
    ),
    # --- repeats inside a record's lists (UNIQUE constraints, checked before writing) ---
    Case(
        "a name given twice",
        "people.yaml",
        replace(
            "      - {name: Qazi, form: short form, section: Leadership}\n",
            "      - {name: Qazi, form: short form, section: Leadership}\n" * 2,
        ),
        "people[0] (ashraf-jehangir-qazi).names[1]",
        "person_id,name,source_section_id",
        "repeats an earlier person_names row (name='Qazi')",
    ),
    Case(
        "a nationality given twice",
        "people.yaml",
        replace(
            "      - {country: BGR, basis: stated nationality, section: Leadership}\n",
            "      - {country: BGR, basis: stated nationality, section: Leadership}\n" * 2,
        ),
        "people[4] (nickolay-mladenov).nationalities[1]",
        "person_id,country_id,basis",
        "repeats an earlier person_nationalities row (basis='stated nationality')",
    ),
    Case(
        "a mission name given twice",
        "missions.yaml",
        replace(
            "      - {language: en, name: United Nations Assistance Mission for Iraq, section: Introduction}\n",
            "      - {language: en, name: United Nations Assistance Mission for Iraq, section: Introduction}\n" * 2,
        ),
        "missions[0] (unami).names[1]",
        "mission_id,language,name",
        "repeats an earlier mission_names row",
    ),
    Case(
        "a mission relation given twice",
        "missions.yaml",
        replace(
            "      - {organization: un-security-council, role: parent organ, section: Infobox}\n",
            "      - {organization: un-security-council, role: parent organ, section: Infobox}\n" * 2,
        ),
        "missions[0] (unami).organizations[1]",
        "mission_id,organization_id,role",
        "repeats an earlier mission_organizations row (role='parent organ')",
    ),
    Case(
        "a claim given twice",
        "discrepancies.yaml",
        replace(
            "      - {claim: Mohamed Al Hassan, section: Leadership}\n",
            "      - {claim: Mohamed Al Hassan, section: Leadership}\n" * 2,
        ),
        "discrepancies[5] (al-hassan-first-name).claims[2]",
        "discrepancy_id,source_section_id,claim",
        "repeats an earlier discrepancy_claims row (claim='Mohamed Al Hassan')",
    ),
    # --- numbers written as numbers (YAML 1.1 octal, base 60, booleans) ---------
    Case(
        "octal-looking count",
        "field.yaml",
        replace("personnel_count: 77", "personnel_count: 077"),
        "contingents[1] (nepal-guard-unit)",
        "strengths.0.personnel_count",
        "'077' is not a plain decimal number (YAML 1.1 reads a leading 0 as octal",
    ),
    Case(
        "base-60 count",
        "field.yaml",
        replace("personnel_count: 77", "personnel_count: 1:17"),
        "contingents[1] (nepal-guard-unit)",
        "strengths.0.personnel_count",
        "'1:17' is not a plain decimal number",
    ),
    Case(
        "hexadecimal quantity",
        "outcomes.yaml",
        replace("quantity: 6", "quantity: 0x6"),
        "outcomes[0] (six-national-elections)",
        "quantity",
        "'0x6' is not a plain decimal number",
    ),
    Case(
        "yes as a count",
        "field.yaml",
        replace("personnel_count: 77", "personnel_count: yes"),
        "contingents[1] (nepal-guard-unit)",
        "strengths.0.personnel_count",
        "true is a yes/no value, not a number",
    ),
    Case(
        "on as deaths",
        "events.yaml",
        replace("deaths: 22", "deaths: on"),
        "events[4] (attack-on-the-un-2003)",
        "deaths",
        "true is a yes/no value, not a number",
    ),
    Case(
        "count with a fraction",
        "field.yaml",
        replace("personnel_count: 77", "personnel_count: 77.5"),
        "contingents[1] (nepal-guard-unit)",
        "strengths.0.personnel_count",
        "Input should be a valid integer (got 77.5)",
    ),
    Case(
        "resolution number in quotes",
        "events.yaml",
        replace("resolutions: [1500]", "resolutions: ['1500']"),
        "events[3] (unami-established)",
        "resolutions.0",
        "'1500' is not a plain decimal number",
    ),
    # --- text: not blank, no control characters, not larger than the site serves ---
    Case(
        "blank name",
        "people.yaml",
        replace("    name: Ad Melkert\n", "    name: '   '\n"),
        "people[2] (ad-melkert)",
        "name",
        "is empty or blank",
    ),
    Case(
        "empty section",
        "outcomes.yaml",
        replace(
            "    quantity: 6\n    unit: national elections\n    section: Introduction",
            "    quantity: 6\n    unit: national elections\n    section: ''",
        ),
        "outcomes[0] (six-national-elections)",
        "section",
        "is empty or blank",
    ),
    Case(
        "NUL in a description",
        "outcomes.yaml",
        replace("description: Helped Iraq hold national elections.", 'description: "Helped Iraq\\0 hold elections."'),
        "outcomes[0] (six-national-elections)",
        "description",
        "holds control character U+0000",
    ),
    Case(
        "escape character in a name",
        "people.yaml",
        replace("    name: Ad Melkert\n", '    name: "Ad \\e[31mMelkert"\n'),
        "people[2] (ad-melkert)",
        "name",
        "holds control character U+001B",
    ),
    Case(
        "line break in a name",
        "people.yaml",
        replace("    name: Ad Melkert\n", '    name: "Ad\\nMelkert"\n'),
        "people[2] (ad-melkert)",
        "name",
        "holds a line break or tab (U+000A); a name is one line",
    ),
    Case(
        "description over 1 MB",
        "outcomes.yaml",
        replace("description: Helped Iraq hold national elections.", "description: " + "x" * 1_200_000),
        "outcomes[0] (six-national-elections)",
        "description",
        "is 1,200,000 bytes, over the limit of 1,000,000 bytes for one value",
    ),
    # --- appointment links ----------------------------------------------------
    Case(
        "a tenure that is its own predecessor",
        "posts.yaml",
        replace("predecessor: kobler-srsg", "predecessor: mladenov-srsg"),
        "appointments mladenov-srsg",
        "predecessor",
        "names the tenure itself as its predecessor",
    ),
    Case(
        "predecessors forming a cycle",
        "posts.yaml",
        replace(
            "    started: 2004-07\n    ended: 2007-09\n",
            "    started: 2004-07\n    ended: 2007-09\n    predecessor: de-mistura-srsg\n",
        ),
        "appointments qazi-srsg",
        "predecessor",
        "predecessors form a cycle: qazi-srsg -> de-mistura-srsg -> qazi-srsg",
    ),
    Case(
        "a predecessor of another post",
        "posts.yaml",
        replace("predecessor: kobler-srsg", "predecessor: mladenov-middle-east"),
        "appointments mladenov-srsg",
        "predecessor",
        "mladenov-middle-east is a tenure of another post",
    ),
    Case(
        "a head of mission before the mission existed",
        "posts.yaml",
        replace("    started: 2004-07\n    ended: 2007-09\n", "    started: 2002-07\n    ended: 2007-09\n"),
        "appointments qazi-srsg",
        "started",
        "2002-07 is before unami was established (2003-08-14)",
    ),
    Case(
        "the same strength stated twice",
        "field.yaml",
        replace(
            "    strengths:\n      - {personnel_type: military observers, personnel_count: 4, "
            "section: Former Participants}\n",
            "    strengths:\n"
            + "      - {personnel_type: military observers, personnel_count: 4, section: Former Participants}\n" * 2,
        ),
        "contingents[7] (observers-entry-8).strengths[1]",
        "(record)",
        "repeats the fact of",
    ),
    # --- Claims of further sources (claims.yaml) and the sources' own fields ---------------------
    Case(
        "claim about a table claims do not point at",
        "claims.yaml",
        replace("    fact: appointments/qazi-srsg\n", "    fact: staffing_counts/qazi-srsg\n"),
        "claims[0] (qazi-named-12-july-2004)",
        "fact",
        "'staffing_counts' is not a table claims point at",
    ),
    Case(
        "claim about an unknown fact row",
        "claims.yaml",
        replace("    fact: appointments/qazi-srsg\n", "    fact: appointments/qazy-srsg\n"),
        "claims[0] (qazi-named-12-july-2004)",
        "fact",
        "unknown appointments key 'qazy-srsg'",
    ),
    Case(
        "claim about a column the table lacks",
        "claims.yaml",
        replace("    column: started\n", "    column: start_day\n"),
        "claims[0] (qazi-named-12-july-2004)",
        "column",
        "appointments has no column 'start_day'",
    ),
    Case(
        "inference without its rule",
        "claims.yaml",
        replace("    rule: A tenure with no stated end ends when its successor's begins.\n", ""),
        "claims[20] (hennis-plasschaert-end-from-successor)",
        "(record)",
        "an inferred claim gives its rule, a stated one gives none",
    ),
    Case(
        "inference resting on an unknown claim",
        "claims.yaml",
        replace("    rests_on: al-hassan-succeeded-her-july-2024\n", "    rests_on: al-hassan-started\n"),
        "claims[20] (hennis-plasschaert-end-from-successor)",
        "rests_on",
        "unknown fact_claims key 'al-hassan-started'",
    ),
    Case(
        "claim with an unknown stance",
        "claims.yaml",
        replace("    stance: disagrees\n", "    stance: doubts\n"),
        "claims[11] (kobler-heads-from-1-october-2011)",
        "stance",
        "Input should be 'agrees' or 'disagrees'",
    ),
    Case(
        "source of an unknown kind",
        "sources.yaml",
        replace("    kind: standard\n", "    kind: textbook\n"),
        "sources[1] (iso-3166-1)",
        "kind",
        "Input should be 'encyclopedia revision'",
    ),
    Case(
        "source with a publication date that is not EDTF",
        "sources.yaml",
        replace("    published: 2011-08-05\n", "    published: 5 August 2011\n"),
        "sources[2] (aa-kobler-appointed-2011)",
        "published",
        "is not a valid EDTF date",
    ),
]


@pytest.fixture(scope="module")
def existing_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("existing") / "unami.db"
    result = CliRunner().invoke(main, ["build", "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def broken_copy(tmp_path: Path, case: Case) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    target = data / case.file
    if case.binary:
        target.write_bytes(case.mutate(target.read_bytes()))
    else:
        target.write_text(case.mutate(target.read_text(encoding="utf-8")), encoding="utf-8")
    return data


def build_with(data: Path, db: Path):
    return CliRunner().invoke(main, ["build", "--db", str(db), "--data", str(data)])


def test_the_corpus_has_at_least_40_distinct_cases():
    assert len({case.name for case in CASES}) == len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_refused_clearly_and_changes_nothing(tmp_path, existing_db, case):
    assert_refused_clearly(tmp_path, existing_db, case)


# The cases PyYAML itself decides (syntax, aliases, depth, huge scalars); their lines must not
# depend on whether PyYAML was built with libyaml.
YAML_CASES = [case for case in CASES if case.field in ("(syntax)", "(value)")]


@pytest.mark.parametrize("case", YAML_CASES, ids=[case.name for case in YAML_CASES])
def test_yaml_problems_read_the_same_without_libyaml(tmp_path, existing_db, case, monkeypatch):
    monkeypatch.setattr(yaml_files, "FastStrictLoader", yaml_files.StrictLoader)
    monkeypatch.setattr(yaml_files, "DEPTH_PARSERS", (yaml.SafeLoader,))
    assert_refused_clearly(tmp_path, existing_db, case)


def test_the_yaml_cases_cover_depth_aliases_and_huge_values():
    names = {case.name for case in YAML_CASES}
    assert {"alias bomb", "nesting 100,000 deep", "nesting 2,000 deep, closed", "integer of 5,000 digits"} <= names


def assert_refused_clearly(tmp_path: Path, existing_db: Path, case: Case) -> None:
    before = digest(existing_db)
    data = broken_copy(tmp_path, case)
    result = build_with(data, existing_db)
    assert result.exit_code == 1, result.output
    expected = f"{data / case.file}: {case.record}"
    lines = [line for line in result.output.splitlines() if line.startswith(expected)]
    assert lines, f"no line starts with {expected!r} in:\n{result.output}"
    assert any(f": {case.field}: " in line or line.startswith(f"{expected}: {case.field}") for line in lines), (
        result.output
    )
    assert any(case.message in line for line in lines), result.output
    assert "nothing was written" in result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not an uncaught error
    assert digest(existing_db) == before
    assert not list(existing_db.parent.glob(".*.building-*"))


def test_records_that_are_not_mappings_are_named_by_their_place(tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    # 'monkey' holds the naming field 'key' as a substring: it must not be read as a record's fields
    (extra / "events.yaml").write_text("source: wikipedia-unami\nevents:\n  - 5\n  - monkey\n", encoding="utf-8")
    assert planning_problems(DEFAULT_DATA_DIR, extra) == [
        f"{extra / 'events.yaml'}: events[{index}]: (record): Input should be a valid dictionary or instance of Event "
        f"(got {shown})"
        for index, shown in ((0, "5"), (1, "'monkey'"))
    ]


def test_each_validation_problem_reads_as_file_record_field_message(tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    fits, cut = "x" * 56, "x" * 57  # shown as ['xx...xx']: 60 characters in full, 61 cut to 57 and "..."
    (extra / "events.yaml").write_text(
        "source: wikipedia-unami\nstray: 1\nevents:\n"
        "  - {key: a, event_kind: meeting, occurred: 2010, section: History}\n"
        f"  - {{key: b, event_kind: meeting, name: B, occurred: 2010, section: History, deaths: [{fits}]}}\n"
        f"  - {{key: c, event_kind: meeting, name: C, occurred: 2010, section: History, deaths: [{cut}]}}\n"
        "  - {key: d, event_kind: meeting, name: D, occurred: 2010-13, section: History,"
        " participants: [{organization: united-nations, role: [1]}]}\n",
        encoding="utf-8",
    )
    expected = [
        "events[0] (a): name: Field required",  # nothing to show of a missing field
        f"events[1] (b): deaths: Input should be a valid integer (got ['{fits}'])",
        f"events[2] (c): deaths: Input should be a valid integer (got ['{cut[:55]}...)",
        # a model's rule: its own words, no "Value error, " prefix, no value quoted twice
        "events[3] (d): occurred: '2010-13' is not a valid EDTF date (e.g. 2003-08-14, 2007-09, 2004, 2004~)",
        "events[3] (d): participants.0.section: Field required",
        "events[3] (d): participants.0.role: Input should be a valid string (got [1])",
        "(file): stray: Extra inputs are not permitted (got 1)",
    ]
    assert planning_problems(DEFAULT_DATA_DIR, extra) == [f"{extra / 'events.yaml'}: {problem}" for problem in expected]


def test_html_and_sql_in_text_are_stored_literally(tmp_path):
    payload = "<script>alert(1)</script>'); DROP TABLE people; --"
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    outcomes = data / "outcomes.yaml"
    outcomes.write_text(
        outcomes.read_text().replace("description: Helped Iraq hold national elections.", f'description: "{payload}"')
    )
    db = tmp_path / "x.db"
    assert build_with(data, db).exit_code == 0
    import sqlite3

    with sqlite3.connect(db) as connection:
        stored = connection.execute("select description from outcomes where key = 'six-national-elections'").fetchone()
        assert stored == (payload,)
        from test_report_rows import records

        assert connection.execute("select count(*) from people").fetchone()[0] == len(records("people"))


# --- property-based: generated malformed records ----------------------------

NOT_TEXT = st.one_of(
    st.lists(st.integers(), min_size=1, max_size=3),
    st.dictionaries(st.text(min_size=1, max_size=5), st.integers(), min_size=1, max_size=2),
    st.integers(max_value=-1),
)
SYMBOLS = st.text(alphabet="!@#$%^&*()<>", min_size=1, max_size=10)
# For each field, values that can never be valid there.
WRONG_VALUES = {
    "status": st.one_of(NOT_TEXT, SYMBOLS),
    "mission_type": st.one_of(NOT_TEXT, SYMBOLS),
    "established": st.one_of(st.lists(st.integers(), min_size=1), SYMBOLS),
    "abbreviation": NOT_TEXT,
    "names": st.one_of(st.integers(), SYMBOLS),
    "organizations": st.one_of(st.integers(), SYMBOLS),
}
FIELD_AND_VALUE = st.sampled_from(sorted(WRONG_VALUES)).flatmap(
    lambda field: st.tuples(st.just(field), WRONG_VALUES[field])
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field_and_value=FIELD_AND_VALUE, extra_key=st.booleans())
def test_generated_malformed_missions_are_refused_with_file_record_and_field(
    tmp_path_factory, existing_db, field_and_value, extra_key
):
    field, value = field_and_value
    tmp_path = tmp_path_factory.mktemp("generated")
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    path = data / "missions.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    record = document["missions"][0]
    record[field] = value
    if extra_key:
        record["unexpected_field"] = "x"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    before = digest(existing_db)
    result = build_with(data, existing_db)
    assert result.exit_code == 1, result.output
    problem_lines = result.output.splitlines()[:-1]
    assert problem_lines and all(LINE.match(line) for line in problem_lines), result.output
    assert any(f"missions[0] (unami): {field}" in line for line in problem_lines), result.output
    assert digest(existing_db) == before
