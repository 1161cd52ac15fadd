"""Summary tables (schema/summaries.py) agree with the fact rows they are derived from.

Each expectation is recomputed here from the fact tables, in Python or plain SQL, by a
route other than the summary's own fill SQL.
"""

import sqlite3
from collections import Counter

from unami import schema
from unami.schema.summaries import dated_columns, fact_tables


def test_section_fact_counts_cover_every_fact_row(query):
    summarized = {
        (row["fact_table"], row["source_section_id"]): row["facts"]
        for row in query("select fact_table, source_section_id, facts from section_fact_counts")
    }
    expected = Counter()
    for table in schema.metadata.tables.values():
        if "source_section_id" in table.columns and table.name not in schema.SUMMARY_TABLE_NAMES:
            for row in query(f"select source_section_id from {table.name}"):
                expected[(table.name, row["source_section_id"])] += 1
    assert summarized == dict(expected)
    assert {name for name, _ in summarized} == {table.name for table in fact_tables()}


def test_date_precision_counts_cover_every_date(query):
    summarized = {
        (row["fact_table"], row["date_column"], row["date_precision"]): row["facts"]
        for row in query("select * from date_precision_counts")
    }
    expected = Counter()
    fact_table_names = {table.name for table in fact_tables()}
    for table in schema.metadata.tables.values():
        for column in table.columns:
            # Facts' dates (a source's publication date describes the source, not a fact).
            if column.name.endswith("_precision") and table.name in fact_table_names:
                prefix = column.name.removesuffix("_precision")
                for row in query(f"select {column.name} as precision from {table.name}"):
                    expected[(table.name, prefix, row["precision"] or "not stated")] += 1
    assert summarized == dict(expected)
    assert len(dated_columns()) == 13  # every EDTF date of a fact the schema declares


def test_headline_strength_is_the_undated_figure_else_the_latest(query):
    best: dict[tuple[int, str], dict] = {}
    for row in query("select * from contingent_strengths"):
        group = (row["contingent_id"], row["personnel_type"])
        rank = (row["observed_date"] is not None, _negated(row["observed_latest"]), row["id"])
        if group not in best or rank < best[group]["rank"]:
            best[group] = {**row, "rank": rank}
    expected: dict[int, dict] = {}
    for (contingent, personnel_type), row in best.items():
        headline = expected.setdefault(
            contingent,
            {"troops": None, "military_observers": None, "defence_civilians": None, "personnel": 0, "approx": 0},
        )
        headline[personnel_type.replace(" ", "_")] = row["personnel_count"]
        headline["personnel"] += row["personnel_count"]
        headline["approx"] = max(headline["approx"], row["is_approximate"])
    summarized = {
        row["contingent_id"]: {
            "troops": row["troops"],
            "military_observers": row["military_observers"],
            "defence_civilians": row["defence_civilians"],
            "personnel": row["personnel"],
            "approx": row["is_approximate"],
        }
        for row in query("select * from contingent_headlines")
    }
    assert summarized == expected
    nepal = query(
        "select troops, military_observers from contingents_overview where iso3 = 'NPL' and status = 'current'"
    )
    assert nepal == [{"troops": 77, "military_observers": 1}]  # the article: 77 troops and 1 observer


def test_figures_by_source_lists_the_first_ten_oldest_first_and_counts_the_rest(scaled_db):
    """At scale a contribution has a monthly series: its first ten figures (undated last), then how many more."""
    scaled_db.row_factory = sqlite3.Row
    figures: dict[int, list[sqlite3.Row]] = {}
    for row in scaled_db.execute(
        "select contingent_strengths.*, coalesce(sources.publisher, sources.name) as publisher"
        " from contingent_strengths"
        " join source_sections on source_sections.id = source_section_id join sources on sources.id = source_id"
    ):
        figures.setdefault(row["contingent_id"], []).append(row)
    summarized = {
        row["contingent_id"]: (row["figures"], row["figures_by_source"])
        for row in scaled_db.execute("select * from contingent_headlines")
    }
    scaled_db.row_factory = None
    assert summarized.keys() == figures.keys()
    long_series = 0
    for contingent, rows in figures.items():
        count, text = summarized[contingent]
        assert count == len(rows)
        shown = text.split("; ")
        if len(rows) > 10:
            long_series += 1
            assert shown[-1] == f"and {len(rows) - 10} more in contingent_strengths"
            shown = shown[:-1]
        assert len(shown) == min(len(rows), 10)
        # oldest first, undated last: the first ten bounds are the ten smallest, in order
        bounds = sorted((row["observed_earliest"] is None, row["observed_earliest"] or "") for row in rows)[:10]
        by_figure = {_figure(row): (row["observed_earliest"] is None, row["observed_earliest"] or "") for row in rows}
        assert [by_figure[figure] for figure in shown] == bounds
    assert long_series > 0  # the corpus has monthly series, so the cap is exercised


def _figure(row: sqlite3.Row) -> str:
    """A strength as the summary writes it; a source without a publisher is named by its name."""
    when = row["observed_date"] or "undated"
    return f"{row['personnel_count']} {row['personnel_type']} ({when}, {row['publisher']})"


def _negated(day: str | None) -> tuple:
    """Sort key putting later ISO days first."""
    return tuple(-ord(character) for character in day) if day else ()


def test_event_year_counts_place_only_certain_years(query):
    expected = Counter()
    for row in query("select event_kind, occurred_earliest, occurred_latest from events"):
        start, end = row["occurred_earliest"], row["occurred_latest"]
        year = int(start[:4]) if start and start[:4] == end[:4] else None
        expected[(year, row["event_kind"])] += 1
    summarized = {
        (row["event_year"], row["event_kind"]): row["events"]
        for row in query("select event_year, event_kind, events from event_year_counts")
    }
    assert summarized == dict(expected)


def _day_before(iso_day: str) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(iso_day) - timedelta(days=1)).isoformat()


def test_tenure_spans_follow_the_stated_dates_successors_and_mission_end(query):
    tenures = query(
        """select appointments.*, positions.level, positions.name as position, people.name as person,
                  missions.id as mission_id, missions.ended_latest as mission_end
           from appointments join positions on appointments.position_id = positions.id
           join people on appointments.person_id = people.id
           left join missions on positions.mission_id = missions.id"""
    )
    by_id = {tenure["id"]: tenure for tenure in tenures}
    expected = {}
    for tenure in tenures:
        later_starts = [
            other["started_latest"]
            for other in tenures
            if other["position_id"] == tenure["position_id"]
            and tenure["started_latest"] is not None
            and other["started_earliest"] is not None
            and other["started_earliest"] > tenure["started_latest"]
        ]
        succeeded_by = min(later_starts, default=None)
        until = None
        if tenure["started_earliest"] is not None:
            if tenure["ended_date"] is not None:
                until = tenure["ended_latest"]
            else:
                until = min(
                    _day_before(succeeded_by) if succeeded_by else "9999-12-31", tenure["mission_end"] or "9999-12-31"
                )
        expected[tenure["id"]] = {"succeeded_by": succeeded_by, "possible_until": until}
    spans = {
        row["appointment_id"]: {"succeeded_by": row["succeeded_by"], "possible_until": row["possible_until"]}
        for row in query("select * from tenure_spans")
    }
    assert spans == expected
    # No tenure in a mission post reaches past the mission's end (31 December 2025, Resolution 2732).
    reaches = query(
        "select possible_until from tenure_spans where timeline_rank is not null and possible_until is not null"
    )
    assert reaches and all(row["possible_until"] <= "2025-12-31" for row in reaches)

    # The leadership timeline: mission posts only, heads first, then by start (or the head served under).
    ranked = query(
        "select appointment_id, bar_start from tenure_spans where timeline_rank is not null order by timeline_rank"
    )

    def timeline_key(row):
        tenure = by_id[row["appointment_id"]]
        return (
            tenure["level"] != "head of mission",
            tenure["started_earliest"] or row["bar_start"] or "",
            tenure["position"],
            tenure["person"],
        )

    assert [row["appointment_id"] for row in ranked] == [
        row["appointment_id"] for row in sorted(ranked, key=timeline_key)
    ]
    assert {row["appointment_id"] for row in ranked} == {t["id"] for t in tenures if t["mission_id"] is not None}
    for row in query("select * from tenure_spans where timeline_rank is not null"):
        tenure = by_id[row["appointment_id"]]
        head = by_id.get(tenure["served_under_appointment_id"])
        assert row["bar_start"] == (tenure["started_earliest"] or (head and head["started_earliest"]))
        # the bar ends where the tenure may last (post_holders_on_date's reach), or the reach of the head served under
        reach = expected[tenure["id"] if tenure["started_earliest"] else head["id"]]["possible_until"]
        assert row["bar_end"] == (None if reach == "9999-12-31" else reach)
