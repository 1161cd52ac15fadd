"""Posts and appointments: who held which post, when, before and after whom."""

import re

from pydantic import field_validator

from unami.loaders.context import EdtfText, Fact, FactDocument, Family, Key, Label, LoadContext, Text
from unami.schema.vocabularies import EndReason, PositionLevel

HEADING_YEARS = re.compile(r"^(\d{4})(?:\s*[–-]\s*(\d{4}))?$")


class Position(Fact):
    key: Key
    name: Label
    abbreviation: Label | None = None
    mission: Key | None = None
    organization: Key | None = None
    level: PositionLevel
    portfolio: Text | None = None


class Appointment(Fact):
    key: Key
    person: Key
    position: Key
    started: EdtfText | None = None
    ended: EdtfText | None = None
    heading_years: Text | None = None
    predecessor: Key | None = None
    served_under: Key | None = None
    end_reason: EndReason | None = None
    next: Key | None = None
    note: Text | None = None

    @field_validator("heading_years")
    @classmethod
    def _years_as_printed(cls, value: str | None) -> str | None:
        if value is not None and not HEADING_YEARS.match(value):
            raise ValueError(f"{value!r} is not a year or a year range as printed, e.g. 2004–2005")
        return value


class Document(FactDocument):
    positions: list[Position] = []
    appointments: list[Appointment] = []


def heading_bounds(heading_years: str | None) -> tuple[int | None, int | None]:
    if heading_years is None:
        return None, None
    match = HEADING_YEARS.match(heading_years)
    if match is None:  # the model's validator already refused it
        return None, None
    first, last = match.groups()
    return int(first), int(last or first)


def convert(document: Document, context: LoadContext) -> None:
    for record, position in context.records("positions", document.positions):
        row = {
            **position.columns("key", "name", "abbreviation", "level", "portfolio"),
            "mission_id": context.ref("missions", position.mission, record, "mission"),
            "organization_id": context.ref("organizations", position.organization, record, "organization"),
        }
        position_id = context.add_fact("positions", position, record, row)
        context.register("positions", position.key, position_id, record)

    # Register every appointment first: predecessors and next posts may point forward.
    context.register_ahead("appointments", [appointment.key for appointment in document.appointments])
    for record, appointment in context.records("appointments", document.appointments):
        start_year, end_year = heading_bounds(appointment.heading_years)
        row = {
            **appointment.columns("key", "heading_years", "end_reason", "note"),
            "person_id": context.ref("people", appointment.person, record, "person"),
            "position_id": context.ref("positions", appointment.position, record, "position"),
            **context.date("started", appointment.started, record, "started"),
            **context.date("ended", appointment.ended, record, "ended"),
            "heading_start_year": start_year,
            "heading_end_year": end_year,
            "predecessor_appointment_id": context.ref("appointments", appointment.predecessor, record, "predecessor"),
            "served_under_appointment_id": context.ref(
                "appointments", appointment.served_under, record, "served_under"
            ),
            "next_appointment_id": context.ref("appointments", appointment.next, record, "next"),
        }
        context.add_fact("appointments", appointment, record, row)


def check_links(context: LoadContext) -> None:
    """Predecessors are earlier tenures of the same post, never the tenure itself or a cycle;
    no head of mission starts before the mission was established."""
    rows = context.rows_of("appointments")
    # By appointment id (ids count from 1): a column each, instead of every row held as a dict.
    predecessor_of = [None, *rows.column("predecessor_appointment_id")]
    position_of = [None, *rows.column("position_id")]
    key_of = [None, *rows.column("key")]
    for row in rows:
        predecessor = row["predecessor_appointment_id"]
        if predecessor is None:
            continue
        if predecessor == row["id"]:
            context.problem_with_row("appointments", row, "predecessor", "names the tenure itself as its predecessor")
        elif position_of[predecessor] != row["position_id"]:
            context.problem_with_row(
                "appointments", row, "predecessor", f"{key_of[predecessor]} is a tenure of another post"
            )
    for row in rows:
        chain, current = [row["id"]], row["predecessor_appointment_id"]
        while current is not None and current != row["id"] and current not in chain and len(chain) <= len(rows):
            chain.append(current)
            current = predecessor_of[current]
        # Reported once, at the cycle's first tenure in file order (a tenure naming itself is reported above).
        if current == row["id"] and len(chain) > 1 and row["id"] == min(chain):
            path = " -> ".join(key_of[link] for link in [*chain, row["id"]])
            context.problem_with_row("appointments", row, "predecessor", f"predecessors form a cycle: {path}")
    positions = {position["id"]: position for position in context.rows_of("positions")}
    missions = {mission["id"]: mission for mission in context.rows_of("missions")}
    for row in rows:
        position = positions.get(row["position_id"], {})
        mission = missions.get(position.get("mission_id"), {})
        if position.get("level") != "head of mission" or not mission.get("established_earliest"):
            continue
        if row["started_latest"] and row["started_latest"] < mission["established_earliest"]:
            context.problem_with_row(
                "appointments",
                row,
                "started",
                f"{row['started_date']} is before {mission['key']} was established ({mission['established_date']})",
            )


def check_rows(context: LoadContext) -> None:
    """Across all files: no tenure ends before it starts, no two certainly overlap in one post; links hold."""
    check_links(context)
    rows = context.rows_of("appointments")
    for row in rows:
        if row["started_latest"] and row["ended_earliest"] and row["ended_latest"] < row["started_earliest"]:
            context.problem_with_row(
                "appointments", row, "ended", f"{row['ended_date']} is before the start {row['started_date']}"
            )
    by_position: dict[int, list[int]] = {}  # ids, not rows: one post's tenures are read as dicts at a time
    for row in rows:
        if row["started_latest"] and row["ended_earliest"]:
            by_position.setdefault(row["position_id"], []).append(row["id"])
    for ids in by_position.values():
        tenures = [rows[row_id - 1] for row_id in ids]
        for position, first in enumerate(tenures):
            for second in tenures[position + 1 :]:
                # Certainly in office: from the latest possible start to the earliest possible end.
                if (
                    first["started_latest"] < second["ended_earliest"]
                    and second["started_latest"] < first["ended_earliest"]
                ):
                    context.problem_with_row(
                        "appointments",
                        second,
                        "started",
                        f"overlaps {first['key']} in the same post ({first['started_date']}–{first['ended_date']})",
                    )


FAMILY = Family("posts.yaml", Document, convert, check_rows)
