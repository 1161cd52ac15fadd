"""Summary tables (schema/summaries.py) agree with the fact rows they are derived from.

Each expectation is recomputed here from the fact tables, in Python or plain SQL, by a
route other than the summary's own fill SQL.
"""

from collections import Counter

import schema
from schema.summaries import dated_columns, fact_tables


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
    for table in schema.metadata.tables.values():
        for column in table.columns:
            if column.name.endswith("_precision") and table.name not in schema.SUMMARY_TABLE_NAMES:
                prefix = column.name.removesuffix("_precision")
                for row in query(f"select {column.name} as precision from {table.name}"):
                    expected[(table.name, prefix, row["precision"] or "not stated")] += 1
    assert summarized == dict(expected)
    assert len(dated_columns()) == 13  # every EDTF date the schema declares


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
