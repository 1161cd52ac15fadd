"""Disagreements inside or between sources, each with its competing claims.

Also checks that every tenure whose heading years disagree with the dates in
the text has a discrepancy recorded, so no such case goes unreported.
"""

from pydantic import Field

from unami.loaders.context import Fact, FactDocument, Family, Key, Label, LoadContext, Record, Text, WholeNumber
from unami.schema.vocabularies import DiscrepancyKind

HEADING_KIND = "heading years versus text"


class Claim(Fact):
    claim: Text


class Discrepancy(Record):
    key: Key
    discrepancy_kind: DiscrepancyKind
    name: Label
    description: Text
    person: Key | None = None
    appointment: Key | None = None
    resolution: WholeNumber | None = None
    position: Key | None = None
    claims: list[Claim] = Field(min_length=2)


class Document(FactDocument):
    discrepancies: list[Discrepancy]


def convert(document: Document, context: LoadContext) -> None:
    for record, discrepancy in context.records("discrepancies", document.discrepancies):
        row = {
            **discrepancy.columns("key", "discrepancy_kind", "name", "description"),
            "person_id": context.ref("people", discrepancy.person, record, "person"),
            "appointment_id": context.ref("appointments", discrepancy.appointment, record, "appointment"),
            "resolution_id": context.ref("resolutions", discrepancy.resolution, record, "resolution"),
            "position_id": context.ref("positions", discrepancy.position, record, "position"),
        }
        discrepancy_id = context.add("discrepancies", row)
        context.register("discrepancies", discrepancy.key, discrepancy_id, record)
        for where, claim in context.nested(record, "claims", discrepancy.claims):
            context.add_fact(
                "discrepancy_claims", claim, where, {"discrepancy_id": discrepancy_id, "claim": claim.claim}
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
        row["appointment_id"] for row in context.rows_of("discrepancies") if row["discrepancy_kind"] == HEADING_KIND
    }
    for row in context.rows_of("appointments"):
        if heading_disagrees(row) and row["id"] not in covered:
            context.problem_with_row(
                "appointments",
                row,
                "heading_years",
                f"heading {row['heading_years']} disagrees with the text ({row['started_date']} to "
                f"{row['ended_date']}); record it in {FAMILY.file} as a '{HEADING_KIND}' discrepancy",
            )


FAMILY = Family("discrepancies.yaml", Document, convert, check_rows)
