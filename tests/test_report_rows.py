"""Whole report results, every row and column in order, against an oracle computed in plain Python from data/.

The oracles read the curated YAML (never the database or a report's SQL), so a new fact in data/ moves the
expected rows with it; each follows what the report's sidecar says (description, grain, column docs).
Ids are the load order of a record in its list, which is how the loaders number rows.
"""

import calendar
import json
import unicodedata
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

import pytest
import yaml
from test_reports import rows

from unami import DEFAULT_DATA_DIR
from unami.reports import catalog

REPORTS = {report.name: report for report in catalog.load_all()}


# --- reading data/ ------------------------------------------------------------------------------------


@cache
def records(kind: str) -> tuple[dict, ...]:
    """Every record of the top-level list `kind`, with its source key: from the family file that holds the
    list, then from its record file `<kind>.jsonl` when there is one (the loaders' reading order)."""
    found = []
    for path in sorted(DEFAULT_DATA_DIR.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if kind in document:
            record_file = path.with_name(f"{kind}.jsonl")
            lines = record_file.read_text(encoding="utf-8").splitlines() if record_file.exists() else []
            default = document.get("source")
            found += [{"source": default, **with_source(record, default)} for record in document[kind] or []]
            # a record file has no file-level default: each of its facts names its own source
            found += [{"source": None, **with_source(json.loads(line), None)} for line in lines if line.strip()]
    return tuple(found)


def with_source(value, default: str | None):
    """Every fact nested in a record (a mapping with a section) with its own source, else the file's default,
    as the loaders' provenance reads it (not its parent's source)."""
    if isinstance(value, list):
        return [with_source(item, default) for item in value]
    if not isinstance(value, dict):
        return value
    inner = {field: with_source(item, default) for field, item in value.items()}
    return {"source": default, **inner} if "section" in value else inner


def by_key(kind: str, key: str = "key") -> dict:
    return {record[key]: record for record in records(kind)}


def ids(kind: str, key: str = "key") -> dict:
    """Row id of each record: its place in load order, from 1."""
    return {record[key]: index for index, record in enumerate(records(kind), 1)}


def citation(fact: dict) -> str:
    """A fact's section cited as the sources loader documents it: name (publisher), section S."""
    work = by_key("sources")[fact["source"]]
    return f"{work['name']} ({work.get('publisher') or work['key']}), section {fact['section']}"


def edtf(value) -> str | None:
    """A date as stored: YAML reads 2003-08-14 as a date and 1955 as a number; the column holds EDTF text."""
    return None if value is None else str(value)


def bounds(value) -> tuple[str | None, str | None, str]:
    """Earliest and latest possible ISO day of an EDTF date of the forms in data/, and its precision."""
    text = edtf(value)
    if text is None:
        return None, None, "not stated"
    if text.startswith("["):
        members = [bounds(member.strip()) for member in text.strip("[]").split(",")]
        return min(m[0] for m in members), max(m[1] for m in members), "one of a set"
    if text.endswith("X"):
        return f"{text[:3]}0-01-01", f"{text[:3]}9-12-31", "decade"
    parts = text.split("-")
    if len(parts) == 1:
        return f"{text}-01-01", f"{text}-12-31", "year"
    if len(parts) == 2:
        last = calendar.monthrange(int(parts[0]), int(parts[1]))[1]
        return f"{text}-01", f"{text}-{last:02d}", "month"
    return text, text, "day"


def possible_spans(value) -> list[tuple[str, str]]:
    """The spans of days a date may fall in: one, or one per member of a set ([2019, 2023] is 2019 or 2023)."""
    text = edtf(value)
    members = text.strip("[]").split(",") if text and text.startswith("[") else [text]
    return [bounds(member.strip())[:2] for member in members if member]


def percent(part: int, whole: int) -> float:
    """A share in percent to one decimal, halves rounded away from zero (5 of 16 is 31.3)."""
    return float(Decimal(100 * part / whole).quantize(Decimal("0.1"), ROUND_HALF_UP))


def chosen(asked: str, values) -> list:
    """The values of a vocabulary a parameter asks for: blank all, any case, a plural 's' allowed."""
    typed = asked.strip().lower()
    return [value for value in values if typed in ("", value, value + "s")]


def nulls_first(value):
    return (value is not None, value or "")


def nulls_last(value):
    return (value is None, value or "")


def country_name(iso3: str) -> str:
    return by_key("countries", "iso3")[iso3]["name"]


def fold(text: str) -> str:
    """Case and accents ignored (Kubis finds Kubiš), as the reports' name look-ups say."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def mission_abbreviation(key: str | None) -> str | None:
    return None if key is None else by_key("missions")[key]["abbreviation"]


# --- oracles, one per report --------------------------------------------------------------------------


def mandate_tasks():
    """(area, area position within its mission, task position, task) in the article's order; an area
    without tasks once, with None for its task."""
    position = {}
    for area in records("areas"):
        position[area["mission"]] = position.get(area["mission"], 0) + 1
        for index, task in enumerate(area.get("tasks") or [None], 1):
            yield area, position[area["mission"]], task and index, task


def component_keys(asked: str) -> list[str]:
    """The components asked for: key or name in any case, accents ignored, hyphens as spaces; failing an
    exact match, those whose key or name starts with what was typed; blank, every one."""

    def plain(text: str) -> str:
        return " ".join(fold(text).replace("-", " ").split())

    typed = plain(asked)
    components = records("components")
    exact = [c["key"] for c in components if typed in (plain(c["key"]), plain(c["name"]))]
    return exact or [
        c["key"] for c in components if plain(c["key"]).startswith(typed) or plain(c["name"]).startswith(typed)
    ]


def expected_mandate_by_area(asked):
    wanted = component_keys(asked)
    names = {key: component["name"] for key, component in by_key("components").items()}
    found = [
        {
            "mission": mission_abbreviation(area["mission"]),
            "area_kind": area["area_kind"],
            "area_position": area_position,
            "area": area["name"],
            "set_by_resolution": f"Resolution {area['resolution']}" if area.get("resolution") else None,
            "task_position": task_position,
            "task": task and task["description"],
            "component": task and names[task["component"]],
            "source_section": citation(task or area),
        }
        for area, area_position, task_position, task in mandate_tasks()
        # an area without tasks is kept only when every component is asked for
        if (task["component"] in wanted if task else not asked.strip())
    ]
    # summary before final mandate (area_kind descending), then the source's order
    found.sort(key=lambda row: (row["mission"], [-ord(c) for c in row["area_kind"]], row["area_position"]))
    return found


def expected_mandate_by_component(asked):
    tasks = [(area["key"], task["component"]) for area, _, _, task in mandate_tasks() if task]
    found = []
    for component in component_keys(asked):
        mine = [area for area, coded in tasks if coded == component]
        found.append(
            {
                "component_key": component,
                "component": by_key("components")[component]["name"],
                "description": by_key("components")[component]["description"],
                "tasks": len(mine),
                "areas": len(set(mine)),
                "share_of_tasks_percent": percent(len(mine), len(tasks)),
                "outcomes": sum(outcome.get("component") == component for outcome in records("outcomes")),
            }
        )
    return sorted(found, key=lambda row: (-row["tasks"], row["component"]))


def event_year(event) -> int | None:
    earliest, latest, _ = bounds(event.get("occurred"))
    return int(earliest[:4]) if earliest and earliest[:4] == latest[:4] else None


def expected_events_per_year(asked):
    kinds = chosen(asked, {event["event_kind"] for event in records("events")})
    counts = {}
    for event in records("events"):
        if event["event_kind"] in kinds:
            counted = (event_year(event), event["event_kind"])
            counts[counted] = counts.get(counted, 0) + 1
    return [
        {"event_year": year, "event_kind": kind, "events": counts[year, kind]}
        for year, kind in sorted(counts, key=lambda counted: (counted[0] is None, counted[0] or 0, counted[1]))
    ]


def participant_label(participant) -> str:
    if "person" in participant:
        name = by_key("people")[participant["person"]]["name"]
    elif "organization" in participant:
        name = by_key("organizations")[participant["organization"]]["name"]
    else:
        name = country_name(participant["country"])
    return f"{name} ({participant['role']})"


def expected_event_timeline(asked_from, asked_to):
    # a year or a month as an edge: from its first day, to its last; blank: no edge
    first_day = bounds(asked_from or None)[0] or "0000-01-01"
    last_day = bounds(asked_to or None)[1] or "9999-12-31"
    found = []
    for event_id, event in enumerate(records("events"), 1):
        earliest, latest, precision = bounds(event.get("occurred"))
        # its possible dates overlapping the window, as the description says; undated only when no window
        spans = possible_spans(event.get("occurred"))
        overlaps = any(start <= last_day and end >= first_day for start, end in spans)
        if not overlaps if spans else (asked_from or asked_to):
            continue
        labels = [participant_label(participant) for participant in event.get("participants") or []]
        numbers = event.get("resolutions") or []
        found.append(
            {
                "occurred_date": edtf(event.get("occurred")),
                "occurred_precision": precision,
                "event_kind": event["event_kind"],
                "name": event["name"],
                "description": event["description"],
                "mission": mission_abbreviation(event.get("mission")),
                "deaths": event.get("deaths"),
                "participants": "; ".join(labels) or None,
                "resolutions": "; ".join(f"Resolution {number}" for number in numbers) or None,
                "source_section": citation(event),
                "event_id": event_id,
                "occurred_earliest": earliest,
                "occurred_latest": latest,
            }
        )
    return sorted(
        found,
        key=lambda row: (nulls_first(row["occurred_earliest"]), nulls_first(row["occurred_latest"]), row["event_id"]),
    )


def expected_resolution_history(asked):
    """The resolution asked for in any usual form (1500, S/RES/1500 (2003), resolution 1500); blank, all."""
    digits = "".join(c for c in asked.split("(")[0] if c.isdigit())
    found = []
    chosen = [r for r in records("resolutions") if not asked.strip() or str(r["number"]) == digits]
    for resolution in sorted(chosen, key=lambda r: (bounds(r.get("adopted"))[0], r["number"])):
        number = resolution["number"]
        _, _, precision = bounds(resolution.get("adopted"))
        common = {
            "number": number,
            "resolution": f"Resolution {number}",
            "symbol": resolution.get("symbol"),
            "adopted_date": edtf(resolution.get("adopted")),
            "adopted_precision": precision,
            "is_unanimous": {True: 1, False: 0}.get(resolution.get("is_unanimous")),
            "votes_for": resolution.get("votes_for"),
            "votes_against": resolution.get("votes_against"),
            "abstentions": resolution.get("abstentions"),
        }
        # a resolution without a recorded action appears once, cited where the resolution is
        actions = sorted(resolution.get("actions") or [], key=lambda action: action["action"]) or [{}]
        for action in actions:
            found.append(
                {
                    **common,
                    "mission": mission_abbreviation(action.get("mission")),
                    "action": action.get("action"),
                    "mandate_end_date": edtf(action.get("mandate_end")),
                    "what_it_did": action.get("description"),
                    "source_section": citation(action or resolution),
                }
            )
    return found


def expected_staffing_composition(year):
    # a year, or a month or day of it: the year it falls in; blank: every count
    counts = [
        count
        for count in records("staffing")
        if not year.strip() or (bounds(count.get("observed"))[0] or "")[:4] == year.strip()[:4]
    ]
    totals = {
        (count["mission"], edtf(count["observed"])): count["personnel_count"]
        for count in counts
        if count["category"] == "total"
    }
    found = [
        {
            "mission": mission_abbreviation(count["mission"]),
            "observed_date": edtf(count["observed"]),
            "category": count["category"],
            "personnel_count": count["personnel_count"],
            "is_approximate": int(bool(count.get("is_approximate"))),
            "share_percent": percent(count["personnel_count"], totals[count["mission"], edtf(count["observed"])]),
            "source_section": citation(count),
        }
        for count in counts
    ]
    # by day, the total first, then the largest category
    first_day = {edtf(count["observed"]): bounds(count["observed"])[0] for count in counts}
    return sorted(
        found,
        key=lambda row: (
            nulls_first(first_day[row["observed_date"]]),
            row["category"] != "total",
            -row["personnel_count"],
        ),
    )


PERSONNEL_TYPES = ["troops", "military observers", "defence civilians"]


def headline(strengths: list[dict]) -> dict | None:
    """The figure the list gives (no date), else the latest dated count (the sidecar's headline)."""
    if not strengths:
        return None
    undated = [strength for strength in strengths if strength.get("observed") is None]
    return undated[-1] if undated else max(strengths, key=lambda strength: bounds(strength["observed"])[1])


def expected_contingents_by_country(asked):
    statuses = chosen("" if asked.strip().lower() in ("both", "all") else asked, ["current", "former"])
    groups = {}
    for contingent in records("contingents"):
        if contingent["status"] not in statuses:
            continue
        status = contingent["status"]
        iso3 = contingent.get("country")
        country = country_name(iso3) if iso3 else "unknown"
        strengths = contingent.get("strengths") or []
        heads = {kind: headline([s for s in strengths if s["personnel_type"] == kind]) for kind in PERSONNEL_TYPES}
        stated = {kind: strength for kind, strength in heads.items() if strength}
        # a contribution whose strength is not given still counts, under "not stated"
        for kind, strength in stated.items() or [("not stated", None)]:
            group = groups.setdefault(
                (status, country, iso3, kind), {"contributions": 0, "personnel": None, "approx": 0}
            )
            group["contributions"] += 1
            if strength:
                group["personnel"] = (group["personnel"] or 0) + strength["personnel_count"]
                group["approx"] = max(group["approx"], int(bool(strength.get("is_approximate"))))
    found = [
        {
            "status": status,
            "country": country,
            "iso3": iso3,
            "personnel_type": kind,
            "contributions": group["contributions"],
            "personnel": group["personnel"],
            "includes_approximate": group["approx"],
            "is_country_unknown": int(iso3 is None),
        }
        for (status, country, iso3, kind), group in groups.items()
    ]
    return sorted(
        found,
        key=lambda row: (
            row["status"] != "current",
            row["is_country_unknown"],
            -(row["personnel"] or 0),
            row["country"],
            row["personnel_type"],
        ),
    )


def nested(kind: str, field: str) -> list[dict]:
    """The records listed under `field` of each `kind` record."""
    return [child for parent in records(kind) for child in parent.get(field) or []]


def fact_tables() -> dict[str, list[dict]]:
    """The records of each fact table, read from data/ the way the loaders map files to tables."""
    return {
        "appointments": list(records("appointments")),
        "contingent_links": nested("contingents", "links"),
        "contingent_strengths": nested("contingents", "strengths"),
        "contingents": list(records("contingents")),
        "countries": list(records("countries")),
        "discrepancy_claims": nested("discrepancies", "claims"),
        # one row per resolution an event names, cited with the event's section
        "event_participants": nested("events", "participants"),
        "event_resolutions": [event for event in records("events") for _ in event.get("resolutions") or []],
        "events": list(records("events")),
        # each claim of a further source (or an inference) cites its own section, one row per claim
        "fact_claims": list(records("claims")),
        "mandate_areas": list(records("areas")),
        "mandate_tasks": nested("areas", "tasks"),
        "mission_names": nested("missions", "names"),
        "mission_organizations": nested("missions", "organizations"),
        "missions": list(records("missions")),
        "organizations": list(records("organizations")),
        "outcomes": list(records("outcomes")),
        "people": list(records("people")),
        # the preferred name is a spelling too, cited where the person is
        "person_educations": nested("people", "educations"),
        "person_names": [*records("people"), *nested("people", "names")],
        "person_nationalities": nested("people", "nationalities"),
        "positions": list(records("positions")),
        "resolution_actions": nested("resolutions", "actions"),
        "resolutions": list(records("resolutions")),
        "staffing_counts": list(records("staffing")),
    }


# every EDTF date of the fact tables: (table, column) as the schema names it, the YAML field being the column
DATE_COLUMNS = [
    ("appointments", "ended"),
    ("appointments", "started"),
    ("contingent_strengths", "observed"),
    ("contingents", "deployed"),
    ("contingents", "withdrawn"),
    ("events", "occurred"),
    ("missions", "ended"),
    ("missions", "established"),
    ("outcomes", "started"),
    ("person_educations", "completed"),
    ("resolution_actions", "mandate_end"),
    ("resolutions", "adopted"),
    ("staffing_counts", "observed"),
]
PRECISIONS = ["day", "month", "year", "decade", "interval", "one of a set", "not stated"]


def expected_data_coverage(asked):
    tables = fact_tables()
    found = []
    for table, column in DATE_COLUMNS:
        counted = [bounds(record.get(column))[2] for record in tables[table]]
        for precision in [precision for precision in chosen(asked, PRECISIONS) if precision in counted]:
            found.append(
                {
                    "fact_table": table,
                    "date_column": column,
                    "date_precision": precision,
                    "facts": counted.count(precision),
                    "share_percent": percent(counted.count(precision), len(counted)),
                    "is_coarser_than_day": int(precision not in ("day", "not stated")),
                }
            )
    return found


def expected_provenance_by_section(asked):
    """Facts per section and table, for the sources asked for by key or name (any case, accents ignored)."""
    works = [
        work
        for work in sorted(records("sources"), key=lambda work: work["key"])
        if not asked.strip() or asked.strip().lower() == work["key"] or fold(asked.strip()) == fold(work["name"])
    ]
    found = []
    for work in works:
        counts = {}
        for table, listed in fact_tables().items():
            for record in listed:
                if record["source"] == work["key"]:
                    counts[record["section"], table] = counts.get((record["section"], table), 0) + 1
        section_facts = {}
        for (section, _), facts in counts.items():
            section_facts[section] = section_facts.get(section, 0) + facts
        position = {section: index for index, section in enumerate(work["sections"], 1)}
        found += [
            {
                "source": work["name"],
                "source_key": work["key"],
                "section_position": position[section],
                "section": section,
                "fact_table": table,
                "facts": facts,
                "section_facts": section_facts[section],
                "source_url": work.get("url"),
                "licence": work.get("licence"),
            }
            for (section, table), facts in sorted(counts.items(), key=lambda item: (position[item[0][0]], item[0][1]))
        ]
    return found


CLAIM_TABLES = ("fact_claims", "discrepancy_claims")


def expected_source_catalog(asked):
    """Each source asked for (kind in any case, or key) with the fact rows citing it and its claims."""
    typed = asked.strip().lower()
    tables = fact_tables()
    found = []
    for work in records("sources"):
        if typed not in ("", work["kind"].lower(), work["key"]):
            continue
        cited = {
            table: sum(record["source"] == work["key"] for record in listed)
            for table, listed in sorted(tables.items())
            if table not in CLAIM_TABLES
        }
        claims = [claim for claim in records("claims") if claim["source"] == work["key"]]
        stated = {
            claim["fact"]
            for claim in claims
            if claim.get("stance", "agrees") == "agrees" and claim.get("basis") != "inferred"
        }
        fact_rows = sum(cited.values())
        found.append(
            {
                "source_key": work["key"],
                "title": work["name"],
                "publisher": work.get("publisher"),
                "source_kind": work["kind"],
                "published_date": edtf(work.get("published")),
                "accessed_date": edtf(work.get("accessed_date")),
                "revision": work.get("revision"),
                "licence": work.get("licence"),
                "url": work.get("url"),
                "facts_supported": fact_rows + len(stated),
                "fact_rows": fact_rows,
                # one entry per table, in table order
                "fact_tables": ", ".join(f"{table} {count}" for table, count in cited.items() if count) or None,
                "rows_corroborated": len(stated),
                "disagreeing_claims": sum(claim.get("stance") == "disagrees" for claim in claims),
                "inferences": sum(claim.get("basis") == "inferred" for claim in claims),
                "discrepancies": sum(
                    any(claim["source"] == work["key"] for claim in discrepancy.get("claims") or [])
                    for discrepancy in records("discrepancies")
                ),
            }
        )
    # oldest first, undated last
    return sorted(found, key=lambda row: (nulls_last(bounds(row["published_date"])[0]), row["source_key"]))


# the fact tables listed at the top level of their files, labelled by their key, row ids in load order
KEYED_TABLES = (
    "appointments",
    "contingents",
    "events",
    "mandate_areas",
    "missions",
    "organizations",
    "outcomes",
    "people",
    "positions",
)


def expected_fact_support(asked):
    """Each row of the keyed tables asked for with the sources stating it and the claims about it, fewest
    sources first (the other tables' rows are not derived here)."""
    publisher = {work["key"]: work.get("publisher") for work in records("sources")}
    found = []
    for table in [table for table in KEYED_TABLES if asked.strip().lower() in ("", table)]:
        for fact_id, fact in enumerate(fact_tables()[table], 1):
            claims = [claim for claim in records("claims") if claim["fact"] == f"{table}/{fact['key']}"]
            inferred = [claim for claim in claims if claim.get("basis") == "inferred"]
            agreeing = [
                claim for claim in claims if claim.get("stance", "agrees") == "agrees" and claim not in inferred
            ]
            disagreeing = [claim for claim in claims if claim.get("stance") == "disagrees"]

            def said(listed):
                return " | ".join(f"{publisher[claim['source']]}: {claim['claim']}" for claim in listed) or None

            found.append(
                {
                    "fact_table": table,
                    "fact_id": fact_id,
                    "label": fact["key"],
                    # the row's own source once, whatever its claims cite
                    "sources": len({fact["source"], *(claim["source"] for claim in agreeing)}),
                    "disagreeing_sources": len({claim["source"] for claim in disagreeing}),
                    "inferred_claims": len(inferred),
                    "cited_by": citation(fact),
                    "agreeing_claims": said(agreeing),
                    "disagreeing_claims": said(disagreeing),
                    "inferences": " | ".join(f"{claim['claim']} ({claim['rule']})" for claim in inferred) or None,
                }
            )
    return sorted(found, key=lambda row: (row["sources"], row["fact_table"], row["fact_id"]))


def spellings(person) -> list[str]:
    return [person["name"], *(name["name"] for name in person.get("names") or [])]


def asked_people(asked: str) -> list[dict]:
    """By part of any spelling; failing that, each word typed the start of a word of a spelling, in any case
    and without accents (the sidecar's meaning of `person`)."""
    people = records("people")
    by_id = [person for index, person in enumerate(people, 1) if asked in (person["key"], str(index))]
    found = by_id or [
        person for person in people if any(asked.casefold() in name.casefold() for name in spellings(person))
    ]
    if found:
        return found
    typed = fold(asked).split()

    def starts_words(name: str) -> bool:
        words = fold(name).split()
        return any(
            all(words[start + i].startswith(word) for i, word in enumerate(typed))
            for start in range(len(words) - len(typed) + 1)
        )

    return [person for person in people if any(starts_words(name) for name in spellings(person))]


def person_facts(person) -> list[tuple]:
    """(fact, order, detail, value, source section, date) of everything data/ says about a person."""
    key = person["key"]
    positions = by_key("positions")
    facts = [("name", 1, "preferred", person["name"], citation(person), None)]
    facts += [("name", 1, n["form"], n["name"], citation(n), None) for n in person.get("names") or []]
    facts += [
        ("nationality", 2, n["basis"], country_name(n["country"]), citation(n), None)
        for n in person.get("nationalities") or []
    ] or [("nationality", 2, "not stated by any source read", None, None, None)]
    for study in person.get("educations") or []:
        detail = " ".join(part for part in (study.get("degree"), study.get("field")) if part)
        completed = f" ({edtf(study['completed'])})" if study.get("completed") else ""
        when = bounds(study.get("completed"))[0]
        facts.append(("education", 3, detail, study["institution"] + completed, citation(study), when))
    for tenure in records("appointments"):
        if tenure["person"] == key:
            detail = f"{edtf(tenure.get('started')) or '?'} to {edtf(tenure.get('ended')) or 'not stated'}"
            position = positions[tenure["position"]]["name"]
            facts.append(("post", 4, detail, position, citation(tenure), bounds(tenure.get("started"))[0]))
    for event in records("events"):
        when = edtf(event.get("occurred"))
        for participant in event.get("participants") or []:
            if participant.get("person") == key:
                detail = participant["role"] + (f" {when}" if when else "")
                earliest = bounds(event.get("occurred"))[0]
                facts.append(("event", 5, detail, event["name"], citation(participant), earliest))
    facts += [
        ("contradiction", 6, d["discrepancy_kind"], d["name"], "see the contradictions report", None)
        for d in records("discrepancies")
        if d.get("person") == key
    ]
    return facts


def expected_person_profile(asked):
    person_ids = ids("people")
    found = [
        {
            "person": person["name"],
            "fact": kind,
            "detail": detail,
            "value": value,
            "source_section": section,
            "person_id": person_ids[person["key"]],
            "fact_order": order,
            "fact_date": day,
        }
        for person in asked_people(asked)
        for kind, order, detail, value, section, day in person_facts(person)
    ]
    return sorted(
        found,
        key=lambda row: (
            row["person"],
            row["person_id"],
            row["fact_order"],
            nulls_first(row["fact_date"]),
            row["value"],
        ),
    )


def nationality(person_key: str) -> str | None:
    """Nationalities as the tenure views print them: the country, its basis unless stated outright."""
    found = sorted(
        by_key("people")[person_key].get("nationalities") or [],
        key=lambda n: ([-ord(c) for c in n["basis"]], country_name(n["country"])),
    )
    labels = [
        country_name(n["country"]) + ("" if n["basis"] == "stated nationality" else f" ({n['basis']})") for n in found
    ]
    return "; ".join(labels) or None


def day_before(day: str) -> str:
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def tenure_reach(tenure) -> tuple[str | None, str | None, str | None, str | None]:
    """Earliest start, latest start, the day a successor certainly started (an unstated end is over by
    then), and the last day the tenure can cover (its latest end, else the day before that succession,
    never past its mission's end)."""
    started_earliest, started_latest, _ = bounds(tenure.get("started"))
    later = [
        bounds(other.get("started"))[1]
        for other in records("appointments")
        if other["position"] == tenure["position"]
        and other.get("started")
        and started_latest
        and bounds(other["started"])[0] > started_latest
    ]
    succeeded_by = min(later, default=None)
    mission_end = bounds(by_key("missions")[by_key("positions")[tenure["position"]]["mission"]].get("ended"))[1]
    if tenure.get("ended"):
        until = bounds(tenure["ended"])[1]
    else:
        until = min(filter(None, [succeeded_by and day_before(succeeded_by), mission_end]), default=None)
    return started_earliest, started_latest, succeeded_by, until


def in_office(tenure, first: str, last: str) -> str | None:
    """The sidecar's labels of post_holders_on_date, for a period from `first` to `last`."""
    started_earliest, started_latest, _, until = tenure_reach(tenure)
    ended_earliest, _, _ = bounds(tenure.get("ended"))
    if started_earliest is None:
        # a deputy without dates: possibly in office while the head they served under may be
        head = by_key("appointments").get(tenure.get("served_under"))
        head_start, _, _, head_until = tenure_reach(head) if head else (None, None, None, None)
        if head_start and head_start <= last and head_until >= first:
            return "possibly in office (dates not stated; served under the head then in office)"
        return None
    if started_latest <= last and ended_earliest and ended_earliest >= first:
        return "certainly in office"
    if until is not None and until < first:
        return None  # ended, succeeded or its mission over before the period
    if started_latest <= last and not tenure.get("ended"):
        return "in office unless the tenure ended earlier (end not stated)"
    if started_earliest <= last:
        return "possibly in office (dates known only roughly)"
    return None


def holders_ranks() -> dict[int, tuple[int, int]]:
    """(post rank, holder rank) of each mission tenure: heads of mission first, then by post, person and id."""
    positions, people = by_key("positions"), by_key("people")
    keys = {
        appointment_id: (
            positions[tenure["position"]]["level"] != "head of mission",
            positions[tenure["position"]]["name"],
            people[tenure["person"]]["name"],
            appointment_id,
        )
        for appointment_id, tenure in enumerate(records("appointments"), 1)
        if positions[tenure["position"]].get("mission")
    }
    posts = sorted({key[:2] for key in keys.values()})
    ordered = sorted(keys, key=keys.get)
    return {tenure: (posts.index(keys[tenure][:2]) + 1, ordered.index(tenure) + 1) for tenure in keys}


def expected_post_holders_on_date(asked):
    first, last, _ = bounds(asked or None)
    positions = by_key("positions")
    people = by_key("people")
    ranks = holders_ranks()
    found = []
    for appointment_id, tenure in enumerate(records("appointments"), 1):
        position = positions[tenure["position"]]
        if not position.get("mission"):
            continue
        label = in_office(tenure, first, last) if asked else "no date asked"
        if label:
            post_rank, holder_rank = ranks[appointment_id]
            certainly = label == "certainly in office"
            found.append(
                {
                    "asked_date": asked,
                    "position": position["name"],
                    "person": people[tenure["person"]]["name"],
                    "nationality": nationality(tenure["person"]),
                    "started_date": edtf(tenure.get("started")),
                    "ended_date": edtf(tenure.get("ended")) or "not stated",
                    "in_office": label,
                    "appointment_id": appointment_id,
                    # the sidecar's order: by post, the certainly in office first (with a date), person, tenure
                    "listing_order": (post_rank * 2 + (not certainly)) * 10**9 + holder_rank if asked else holder_rank,
                }
            )
    heads = {position["name"] for position in positions.values() if position["level"] == "head of mission"}
    found.sort(
        key=lambda row: (
            row["position"] not in heads,
            row["position"],
            row["in_office"] != "certainly in office",
            row["person"],
            row["appointment_id"],
        )
    )
    return found


def folded(text: str) -> str:
    """What a typed value matches on: any case, accents dropped, spaces trimmed and single."""
    return " ".join(fold(text).split())


def section_position(fact: dict) -> int:
    return by_key("sources")[fact["source"]]["sections"].index(fact["section"]) + 1


def expected_contradictions(asked):
    """Each claim of each discrepancy of the kinds asked for (any part of a kind, any case)."""
    people, positions = by_key("people"), by_key("positions")
    found = [
        {
            "discrepancy_key": discrepancy["key"],
            "discrepancy_kind": discrepancy["discrepancy_kind"],
            "discrepancy": discrepancy["name"],
            "description": discrepancy["description"],
            "person": discrepancy.get("person") and people[discrepancy["person"]]["name"],
            "resolution": discrepancy.get("resolution") and f"Resolution {discrepancy['resolution']}",
            "position": discrepancy.get("position") and positions[discrepancy["position"]]["name"],
            "claim": claim["claim"],
            "source_section": citation(claim),
            "discrepancy_id": discrepancy_id,
            "_section": section_position(claim),
        }
        for discrepancy_id, discrepancy in enumerate(records("discrepancies"), 1)
        if folded(asked) in discrepancy["discrepancy_kind"]
        for claim in discrepancy["claims"]
    ]
    found.sort(key=lambda row: (row["discrepancy_kind"], row["discrepancy"], row.pop("_section"), row["claim"]))
    return found


def expected_contingent_list(status, country):
    """The source's entries of the status and country asked for (name or ISO3 in any case, or unknown)."""
    statuses = chosen("" if status.strip().lower() in ("both", "all") else status, ["current", "former"])
    publisher = {work["key"]: work["publisher"] for work in records("sources")}
    found = []
    for contingent_id, contingent in enumerate(records("contingents"), 1):
        iso3 = contingent.get("country")
        named = country_name(iso3) if iso3 else "unknown"
        if contingent["status"] not in statuses or folded(country) not in ("", folded(named), iso3 and iso3.lower()):
            continue
        strengths = contingent.get("strengths") or []
        heads = [headline([s for s in strengths if s["personnel_type"] == kind]) for kind in PERSONNEL_TYPES]
        counts = [head and head["personnel_count"] for head in heads]
        # every figure, oldest first, an undated one last
        figures = sorted(strengths, key=lambda s: nulls_last(bounds(s.get("observed"))[0]))
        found.append(
            {
                "status": contingent["status"],
                "list_position": contingent["list_position"],
                "country": named,
                "iso3": iso3,
                "country_unknown_reason": contingent.get("country_unknown_reason"),
                "troops": counts[0],
                "military_observers": counts[1],
                "defence_civilians": counts[2],
                "personnel": sum(filter(None, counts)) if strengths else None,
                "is_approximate": max(int(bool(h.get("is_approximate"))) for h in heads if h) if strengths else None,
                "strengths_by_source": "; ".join(
                    f"{s['personnel_count']} {s['personnel_type']} ({edtf(s.get('observed')) or 'undated'}, "
                    f"{publisher[s['source']]})"
                    for s in figures
                )
                or None,
                "deployed_date": edtf(contingent.get("deployed")),
                "withdrawn_date": edtf(contingent.get("withdrawn")),
                "duty": contingent.get("duty"),
                "note": contingent.get("note"),
                "source_section": citation(contingent),
                "contingent_id": contingent_id,
            }
        )
    return sorted(found, key=lambda row: (row["status"] != "current", row["list_position"]))


def asked_positions(asked: str) -> list[str]:
    """Posts by title or level in any case, SRSG, DSRSG, head, deputy; failing those, titles holding the text."""
    typed = folded(asked)
    aliases = {
        "head": "head of mission",
        "heads": "head of mission",
        "heads of mission": "head of mission",
        "deputy": "deputy head of mission",
        "deputies": "deputy head of mission",
        "deputy heads of mission": "deputy head of mission",
    }
    prefixes = {
        "srsg": "special representative of the secretary-general",
        "dsrsg": "deputy special representative",
        "deputy srsg": "deputy special representative",
    }
    posts = records("positions")
    exact = [
        post["key"]
        for post in posts
        if typed in (folded(post["name"]), post["level"])
        or aliases.get(typed) == post["level"]
        or (typed in prefixes and folded(post["name"]).startswith(prefixes[typed]))
    ]
    return exact or [post["key"] for post in posts if typed in folded(post["name"])]


def days(first: str | None, last: str | None) -> int | None:
    return None if first is None or last is None else (date.fromisoformat(last) - date.fromisoformat(first)).days


def dates_by_source(appointment_key: str) -> str | None:
    """What claims say of a tenure's start and end: the start first, oldest source first."""
    works = by_key("sources")
    claims = [
        claim
        for claim in records("claims")
        if claim["fact"] == f"appointments/{appointment_key}" and claim.get("column") in ("started", "ended")
    ]
    claims.sort(key=lambda c: (c["column"] != "started", nulls_first(bounds(works[c["source"]].get("published"))[0])))

    def said(claim) -> str:
        work = works[claim["source"]]
        published = f", {edtf(work['published'])}" if work.get("published") else ""
        inferred = ", inferred" if claim.get("basis") == "inferred" else ""
        disagrees = ", disagrees" if claim.get("stance") == "disagrees" else ""
        return f"{claim['column']}: {claim['claim']} ({work['publisher']}{published}{inferred}{disagrees})"

    return " | ".join(said(claim) for claim in claims) or None


def expected_leaders_timeline(asked):
    """Every tenure of a mission post asked for: heads first, then by earliest start (a deputy without
    dates at its head's), post and person."""
    positions, people, person_ids = by_key("positions"), by_key("people"), ids("people")
    tenures = by_key("appointments")
    wanted = asked_positions(asked) if asked.strip() else list(positions)
    found = []
    for appointment_id, tenure in enumerate(records("appointments"), 1):
        position = positions[tenure["position"]]
        if not position.get("mission") or tenure["position"] not in wanted:
            continue
        started_earliest, started_latest, started_precision = bounds(tenure.get("started"))
        ended_earliest, ended_latest, ended_precision = bounds(tenure.get("ended"))
        head = tenures.get(tenure.get("served_under"))
        following = tenures.get(tenure.get("next"))
        found.append(
            {
                "appointment_id": appointment_id,
                "position": position["name"],
                "position_level": position["level"],
                "person": people[tenure["person"]]["name"],
                "person_id": person_ids[tenure["person"]],
                "nationality": nationality(tenure["person"]),
                "started_date": edtf(tenure.get("started")),
                "started_precision": started_precision if tenure.get("started") else None,
                "ended_date": edtf(tenure.get("ended")),
                "ended_precision": ended_precision,
                "heading_years": tenure.get("heading_years"),
                "days_in_office_at_least": days(started_latest, ended_earliest),
                "days_in_office_at_most": days(started_earliest, ended_latest),
                "served_under": head and people[head["person"]]["name"],
                "next_position": following and positions[following["position"]]["name"],
                "dates_by_source": dates_by_source(tenure["key"]),
                "source_section": citation(tenure),
                "_start": started_earliest or (head and bounds(head.get("started"))[0]),
            }
        )
    found.sort(
        key=lambda row: (
            row["position_level"] != "head of mission",
            nulls_first(row.pop("_start")),
            row["position"],
            row["person"],
        )
    )
    return found


def stated_in(mission: dict, column: str) -> str:
    """The section of the mission's own source stating a column, when a claim names one; else the row's."""
    claims = [
        citation(claim)
        for claim in records("claims")
        if claim["fact"] == f"missions/{mission['key']}"
        and claim.get("column") == column
        and claim["source"] == mission["source"]
        and claim.get("basis", "stated") == "stated"
        and claim.get("stance", "agrees") == "agrees"
    ]
    return min(claims, default=citation(mission))


def expected_mission_fact_sheet(asked):
    """The sheet of each mission asked for (abbreviation, key or name), a fact left out when it has no value."""
    typed = folded(asked)
    found = []
    for mission in sorted(records("missions"), key=lambda m: m["abbreviation"]):
        if typed not in ("", mission["key"], mission["abbreviation"].lower(), folded(mission["name"])):
            continue
        key, own = mission["key"], citation(mission)

        others = [name for name in mission.get("names") or [] if name["language"] != "en"]
        heads = {
            tenure["person"]
            for tenure in records("appointments")
            if by_key("positions")[tenure["position"]].get("mission") == key
            and by_key("positions")[tenure["position"]]["level"] == "head of mission"
        }
        actions = [(r["number"], a.get("mission")) for r in records("resolutions") for a in r.get("actions") or []]
        acting = {number for number, acted_on in actions if acted_on == key}
        totals = [c for c in records("staffing") if c["mission"] == key and c["category"] == "total"]
        latest = max(totals, key=lambda c: bounds(c["observed"])[1], default=None)
        contingents = [c for c in records("contingents") if c["mission"] == key]
        facts = [
            ("Name", mission["name"], own),
            ("Abbreviation", mission["abbreviation"], own),
            (
                "Other names",
                "; ".join(f"{n['name']} ({n['language']})" for n in others) or None,
                min((citation(n) for n in others), default=None),
            ),
            ("Type", mission.get("mission_type"), own),
            ("Status", mission.get("status"), own),
            ("Head of mission", mission.get("leader_title"), own),
            (
                "Parent organization",
                mission.get("parent_organization") and by_key("organizations")[mission["parent_organization"]]["name"],
                own,
            ),
            ("Established", edtf(mission.get("established")), own),
            ("Ended", edtf(mission.get("ended")), stated_in(mission, "ended")),
            ("Mandate review", mission.get("mandate_review_cycle"), stated_in(mission, "mandate_review_cycle")),
            ("Heads of mission (people)", str(len(heads)) if heads else None, "computed"),
            ("Resolutions acting on the mission", str(len(acting)) if acting else None, "computed"),
            (
                "Latest staff count",
                latest
                and ("about " if latest.get("is_approximate") else "")
                + f"{latest['personnel_count']} ({edtf(latest['observed'])})",
                latest and citation(latest),
            ),
            (
                "Uniformed contributions",
                contingents
                and f"{sum(c['status'] == 'current' for c in contingents)} current, "
                f"{sum(c['status'] == 'former' for c in contingents)} former "
                f"({sum(c.get('country') is None for c in contingents)} from countries the source does not name)",
                "computed",
            ),
        ]
        found += [
            {
                "mission": mission["abbreviation"],
                "position": position,
                "fact": fact,
                "value": value,
                "source_section": cited,
            }
            for position, (fact, value, cited) in enumerate(facts, 1)
            if value
        ]
    return found


# --- the reports x every example of their sidecars ----------------------------------------------------


def examples(name: str) -> list:
    return [str(value) for value in REPORTS[name].parameters[0].examples]


# values beyond the sidecar's examples, on the days that tell a right answer from an off-by-one
EDGES = {
    # Qazi's and de Mistura's months meet in September 2007, Melkert's end and Kobler's start in August 2011
    # (Kobler certainly in office from the 31st); Al Hassan took over in July 2024; the mission ended on
    # 31 December 2025
    "post_holders_on_date": [
        "2007-09-15",
        "2007-09-30",
        "2007-09",
        "2007-10-01",
        "2011",
        "2011-08-30",
        "2011-08-31",
        "2011-09-01",
        "2024-07",
        "2024-07-31",
        "2024-08-01",
        "2018-12",
        "2019",
        "2009-07",
        "2025-12-31",
        "2026-01-01",
        "",
    ],
    "contingents_by_country": ["", "CURRENT"],
    "events_per_year": ["", "Resolutions", "presence"],
    "data_coverage": ["", "day", "not stated", "one of a set", "Days", "YEARS", "decade"],
    "staffing_composition": ["", "2023-06-30", "2022"],
    "mandate_by_area": ["rule-of-law", "children-armed-conflict", "", "Electoral", "HUMAN RIGHTS"],
    "mandate_by_component": ["governance", "sovereignty", "", "Electoral", "basic social services"],
    "person_profile": ["jan-kubis", "Sudani", "de mistura", "Kubiš", "MLADENOV", "mohamed", "Qazi", "5"],
    "resolution_history": ["Resolution 2732 (2024)", "S/RES/2732", "2682", ""],
    "provenance_by_section": ["", "WIKIPEDIA-UNAMI", "iso 3166-1 COUNTRY CODES"],
    # blank, a kind in another case, a source of one section, one with a disagreement and an inference
    "fact_support": [" Events ", "missions", "organizations", "people", "positions", "outcomes", "mandate_areas"],
    "source_catalog": ["", "UN DOCUMENT", "Government Page", "voa-qazi-2004", "atlasinfo-isaczai-2022", "x"],
    # a part of a kind in another case, with spaces around
    "contradictions": ["", "  DATE ", "name", "Sources Disagree On A Number", "versus"],
    # the aliases, a level in another case, an exact title, a part of a title
    "leaders_timeline": [
        "",
        "head",
        "Deputies",
        "HEAD OF MISSION",
        "deputy srsg",
        "humanitarian",
        "for iraq",
        "  srsg ",
    ],
    "mission_fact_sheet": ["", " United Nations Assistance Mission for IRAQ ", "UNMIK"],
}


def cases(name: str, oracle) -> list:
    return [
        pytest.param(
            name,
            {REPORTS[name].parameters[0].name: value},
            oracle,
            id=f"{name}-{value}",
        )
        for value in [*examples(name), *EDGES.get(name, [])]
    ]


ONE_PARAMETER = [
    *cases("mandate_by_area", expected_mandate_by_area),
    *cases("mandate_by_component", expected_mandate_by_component),
    *cases("events_per_year", expected_events_per_year),
    *cases(
        "resolution_history",
        expected_resolution_history,
    ),
    *cases("staffing_composition", expected_staffing_composition),
    *cases("contingents_by_country", expected_contingents_by_country),
    *cases("data_coverage", expected_data_coverage),
    *cases("provenance_by_section", expected_provenance_by_section),
    *cases("source_catalog", expected_source_catalog),
    *cases("fact_support", expected_fact_support),
    *cases("person_profile", expected_person_profile),
    *cases("post_holders_on_date", expected_post_holders_on_date),
    *cases("contradictions", expected_contradictions),
    *cases("leaders_timeline", expected_leaders_timeline),
    *cases("mission_fact_sheet", expected_mission_fact_sheet),
]


@pytest.mark.parametrize(("name", "params", "oracle"), ONE_PARAMETER)
def test_report_rows_equal_the_oracle_from_data(site, name, params, oracle):
    (asked,) = params.values()
    assert rows(site, name, **params) == oracle(asked)


TIMELINE = REPORTS["event_timeline"].parameters
# the sidecar's examples, then edges: an event whose last possible day is the window's first (2003 ends on
# 31 December), a month as both edges, no window at all
WINDOWS = [
    *zip(TIMELINE[0].examples, TIMELINE[1].examples, strict=True),
    ("2003-12-31", "2003-12-31"),
    ("2024-05", "2024-05"),
    ("2024-05-31", ""),
    ("", "2003-08-14"),
    ("", ""),
    ("2019", "2019"),
    ("2023-06", "2023-12"),
    ("2020-01-01", "2022-12-31"),  # between the members of [2019, 2023]: Resolution 2682 is not in it
]


@pytest.mark.parametrize(
    ("first_day", "last_day"), WINDOWS, ids=[f"{a}..{b}" for a, b in (getattr(w, "values", w) for w in WINDOWS)]
)
def test_event_timeline_rows_equal_the_oracle_from_data(site, first_day, last_day):
    assert rows(site, "event_timeline", **{"from": first_day, "to": last_day}) == expected_event_timeline(
        first_day, last_day
    )


STATUS, COUNTRY = REPORTS["contingent_list"].parameters
# each example with the other parameter blank, the examples together, then every other country and status
CONTINGENT_ASKS = [
    *((status, "") for status in ["", *STATUS.examples, "BOTH", "all"]),
    *(("", country) for country in [*COUNTRY.examples, "npl", "Fiji", "fji", "UNKNOWN", "  romania ", "Narnia"]),
    *zip(STATUS.examples, COUNTRY.examples, strict=True),
    ("former", "NPL"),
    ("current", "unknown"),
]


@pytest.mark.parametrize(("status", "country"), CONTINGENT_ASKS, ids=[f"{a}|{b}" for a, b in CONTINGENT_ASKS])
def test_contingent_list_rows_equal_the_oracle_from_data(site, status, country):
    assert rows(site, "contingent_list", status=status, country=country) == expected_contingent_list(status, country)
