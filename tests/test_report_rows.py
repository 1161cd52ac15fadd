"""Whole report results, every row and column in order, against an oracle computed in plain Python from data/.

The oracles read the curated YAML (never the database or a report's SQL), so a new fact in data/ moves the
expected rows with it; each follows what the report's sidecar says (description, grain, column docs).
Ids are the load order of a record in its list, which is how the loaders number rows.
"""

import calendar
import unicodedata
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
    """Every record under the top-level list `kind`, from every data file, with its source key."""
    found = []
    for path in sorted(DEFAULT_DATA_DIR.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        found += [{"source": document.get("source"), **record} for record in document.get(kind) or []]
    return tuple(found)


def by_key(kind: str, key: str = "key") -> dict:
    return {record[key]: record for record in records(kind)}


def ids(kind: str, key: str = "key") -> dict:
    """Row id of each record: its place in load order, from 1."""
    return {record[key]: index for index, record in enumerate(records(kind), 1)}


def citation(section: str, source: str = "wikipedia-unami") -> str:
    """A section's citation, built as the sources loader documents it: name (publisher), section S."""
    work = by_key("sources")[source]
    return f"{work['name']} ({work.get('publisher') or work['key']}), section {section}"


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


def nulls_first(value):
    return (value is not None, value or "")


def country_name(iso3: str) -> str:
    return by_key("countries", "iso3")[iso3]["name"]


def fold(text: str) -> str:
    """Case and accents ignored (Kubis finds Kubiš), as the reports' name look-ups say."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def mission_abbreviation(key: str | None) -> str | None:
    return None if key is None else by_key("missions")[key]["abbreviation"]


# --- oracles, one per report --------------------------------------------------------------------------


def mandate_tasks():
    """(area, area position within its mission, task position, task) in the article's order."""
    position = {}
    for area in records("areas"):
        position[area["mission"]] = position.get(area["mission"], 0) + 1
        for index, task in enumerate(area.get("tasks") or [], 1):
            yield area, position[area["mission"]], index, task


def expected_mandate_by_area(component):
    name = by_key("components")[component]["name"]
    found = [
        {
            "mission": mission_abbreviation(area["mission"]),
            "area_kind": area["area_kind"],
            "area_position": area_position,
            "area": area["name"],
            "set_by_resolution": f"Resolution {area['resolution']}" if area.get("resolution") else None,
            "task_position": task_position,
            "task": task["description"],
            "component": name,
            "source_section": citation(task["section"]),
        }
        for area, area_position, task_position, task in mandate_tasks()
        if task["component"] == component
    ]
    # summary before final mandate (area_kind descending), then the source's order
    found.sort(key=lambda row: (row["mission"], [-ord(c) for c in row["area_kind"]], row["area_position"]))
    return found


def expected_mandate_by_component(component):
    tasks = [(area["key"], task["component"]) for area, _, _, task in mandate_tasks()]
    mine = [area for area, coded in tasks if coded == component]
    chosen = by_key("components")[component]
    return [
        {
            "component_key": component,
            "component": chosen["name"],
            "description": chosen["description"],
            "tasks": len(mine),
            "areas": len(set(mine)),
            "share_of_tasks_percent": round(100 * len(mine) / len(tasks), 1),
            "outcomes": sum(outcome.get("component") == component for outcome in records("outcomes")),
        }
    ]


def event_year(event) -> int | None:
    earliest, latest, _ = bounds(event.get("occurred"))
    return int(earliest[:4]) if earliest and earliest[:4] == latest[:4] else None


def expected_events_per_year(kind):
    counts = {}
    for event in records("events"):
        if event["event_kind"] == kind:
            year = event_year(event)
            counts[year] = counts.get(year, 0) + 1
    return [
        {"event_year": year, "event_kind": kind, "events": counts[year]}
        for year in sorted(counts, key=lambda year: (year is None, year or 0))
    ]


def participant_label(participant) -> str:
    if "person" in participant:
        name = by_key("people")[participant["person"]]["name"]
    elif "organization" in participant:
        name = by_key("organizations")[participant["organization"]]["name"]
    else:
        name = country_name(participant["country"])
    return f"{name} ({participant['role']})"


def expected_event_timeline(first_day, last_day):
    found = []
    for event_id, event in enumerate(records("events"), 1):
        earliest, latest, precision = bounds(event.get("occurred"))
        # overlapping the window, as the description says; an undated event overlaps no window
        if earliest is None or earliest > last_day or latest < first_day:
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
                "source_section": citation(event["section"]),
                "event_id": event_id,
                "occurred_earliest": earliest,
                "occurred_latest": latest,
            }
        )
    return sorted(found, key=lambda row: (row["occurred_earliest"], row["occurred_latest"], row["event_id"]))


def expected_resolution_history(number):
    found = []
    for resolution in records("resolutions"):
        if resolution["number"] != number:
            continue
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
        actions = sorted(resolution.get("actions") or [], key=lambda action: action["action"])
        for action in actions:
            found.append(
                {
                    **common,
                    "mission": mission_abbreviation(action["mission"]),
                    "action": action["action"],
                    "mandate_end_date": edtf(action.get("mandate_end")),
                    "what_it_did": action["description"],
                    "source_section": citation(action["section"]),
                }
            )
    return found


def expected_staffing_composition(year):
    counts = [count for count in records("staffing") if bounds(count.get("observed"))[0][:4] == year[:4]]
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
            "share_percent": round(
                100 * count["personnel_count"] / totals[count["mission"], edtf(count["observed"])], 1
            ),
            "source_section": citation(count["section"]),
        }
        for count in counts
    ]
    # by day, the total first, then the largest category
    first_day = {edtf(count["observed"]): bounds(count["observed"])[0] for count in counts}
    return sorted(
        found,
        key=lambda row: (first_day[row["observed_date"]], row["category"] != "total", -row["personnel_count"]),
    )


PERSONNEL_TYPES = ["troops", "military observers", "defence civilians"]


def headline(strengths: list[dict]) -> dict | None:
    """The figure the list gives (no date), else the latest dated count (the sidecar's headline)."""
    if not strengths:
        return None
    undated = [strength for strength in strengths if strength.get("observed") is None]
    return undated[-1] if undated else max(strengths, key=lambda strength: bounds(strength["observed"])[1])


def expected_contingents_by_country(status):
    groups = {}
    for contingent in records("contingents"):
        if contingent["status"] != status:
            continue
        iso3 = contingent.get("country")
        country = country_name(iso3) if iso3 else "unknown"
        strengths = contingent.get("strengths") or []
        heads = {kind: headline([s for s in strengths if s["personnel_type"] == kind]) for kind in PERSONNEL_TYPES}
        stated = {kind: strength for kind, strength in heads.items() if strength}
        # a contribution whose strength is not given still counts, under "not stated"
        for kind, strength in stated.items() or [("not stated", None)]:
            group = groups.setdefault((country, iso3, kind), {"contributions": 0, "personnel": None, "approx": 0})
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
        for (country, iso3, kind), group in groups.items()
    ]
    return sorted(
        found,
        key=lambda row: (
            row["is_country_unknown"],
            -(row["personnel"] or 0),
            row["country"],
            row["personnel_type"],
        ),
    )


# --- the reports x every example of their sidecars ----------------------------------------------------


def examples(name: str) -> list:
    return [str(value) for value in REPORTS[name].parameters[0].examples]


def cases(name: str, oracle) -> list:
    return [
        pytest.param(name, {REPORTS[name].parameters[0].name: value}, oracle, id=f"{name}-{value}")
        for value in examples(name)
    ]


ONE_PARAMETER = [
    *cases("mandate_by_area", expected_mandate_by_area),
    *cases("mandate_by_component", expected_mandate_by_component),
    *cases("events_per_year", expected_events_per_year),
    *cases(
        "resolution_history",
        lambda asked: expected_resolution_history(int("".join(c for c in asked.split("(")[0] if c.isdigit()))),
    ),
    *cases("staffing_composition", expected_staffing_composition),
    *cases("contingents_by_country", expected_contingents_by_country),
]


@pytest.mark.parametrize(("name", "params", "oracle"), ONE_PARAMETER)
def test_report_rows_equal_the_oracle_from_data(site, name, params, oracle):
    (asked,) = params.values()
    assert rows(site, name, **params) == oracle(asked)
