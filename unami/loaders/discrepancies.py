"""Disagreements inside or between sources, each with its competing claims.

Also checks that every tenure whose heading years disagree with the dates in
the text has a discrepancy recorded, so no such case goes unreported.
"""

from pydantic import Field

from unami.loaders.context import Fact, Key, LoadContext, Record, label
from unami.schema.vocabularies import DiscrepancyKind

FILE = "discrepancies.yaml"

HEADING_KIND = "heading years versus text"


class Claim(Fact):
    claim: str


class Discrepancy(Record):
    key: Key
    discrepancy_kind: DiscrepancyKind
    name: str
    description: str
    person: Key | None = None
    appointment: Key | None = None
    resolution: int | None = None
    position: Key | None = None
    claims: list[Claim] = Field(min_length=2)


class Document(Record):
    source: str | None = None
    discrepancies: list[Discrepancy]


def convert(document: Document, context: LoadContext) -> None:
    for index, discrepancy in enumerate(document.discrepancies):
        record = label("discrepancies", index, discrepancy.key)
        resolution = str(discrepancy.resolution) if discrepancy.resolution is not None else None
        discrepancy_id = context.add(
            "discrepancies",
            {
                "key": discrepancy.key,
                "discrepancy_kind": discrepancy.discrepancy_kind,
                "name": discrepancy.name,
                "description": discrepancy.description,
                "person_id": context.ref("people", discrepancy.person, record, "person"),
                "appointment_id": context.ref("appointments", discrepancy.appointment, record, "appointment"),
                "resolution_id": context.ref("resolutions", resolution, record, "resolution"),
                "position_id": context.ref("positions", discrepancy.position, record, "position"),
            },
        )
        context.register("discrepancies", discrepancy.key, discrepancy_id, record)
        for position, claim in enumerate(discrepancy.claims):
            where = f"{record}.claims[{position}]"
            context.add(
                "discrepancy_claims",
                {"discrepancy_id": discrepancy_id, "claim": claim.claim, **context.provenance(claim, where)},
            )


def heading_disagrees(row: dict) -> bool:
    """True when a printed heading year falls outside what the text's dates allow."""

    def outside(year, earliest, latest):
        return year is not None and earliest is not None and not int(earliest[:4]) <= year <= int(latest[:4])

    return outside(row["heading_start_year"], row["started_earliest"], row["started_latest"]) or outside(
        row["heading_end_year"], row["ended_earliest"], row["ended_latest"]
    )


def check_rows(context: LoadContext) -> None:
    covered = {
        row["appointment_id"]
        for row in context.rows.get("discrepancies", [])
        if row["discrepancy_kind"] == HEADING_KIND
    }
    for row in context.rows.get("appointments", []):
        if heading_disagrees(row) and row["id"] not in covered:
            context.problem_with_row(
                "appointments",
                row,
                "heading_years",
                f"heading {row['heading_years']} disagrees with the text ({row['started_date']} to "
                f"{row['ended_date']}); record it in {FILE} as a '{HEADING_KIND}' discrepancy",
            )
