"""Claims: what further sources say about a fact row, and what the project infers, each with its basis.

A fact row names the section that first states it; every other source section stating the same
fact (or disagreeing with it) is one claim pointing at that row, so a fact two sources state is
one row with two sources, never two rows.
"""

from pydantic import Field, model_validator

from unami.loaders.context import Fact, FactDocument, Family, Key, Label, LoadContext, Text
from unami.schema import metadata
from unami.schema.tables import FACT_TABLE_NAMES
from unami.schema.vocabularies import ClaimBasis, ClaimStance


class Claim(Fact):
    key: Key
    # `table/key` of the fact row: appointments/kobler-srsg, countries/FJI, resolutions/1500.
    fact: str = Field(pattern=r"^[a-z_]+/[A-Za-z0-9-]+$")
    column: Label | None = None
    claim: Text
    basis: ClaimBasis = "stated"
    rule: Text | None = None
    rests_on: Key | None = None
    stance: ClaimStance = "agrees"

    @model_validator(mode="after")
    def _inference_has_its_rule(self):
        if (self.basis == "inferred") != (self.rule is not None):
            raise ValueError("an inferred claim gives its rule, a stated one gives none")
        return self


class Document(FactDocument):
    claims: list[Claim]


def column_of(table: str, column: str | None) -> str | None:
    """The column a claim names, or an EDTF date's prefix (`started` for started_date); None if unknown."""
    if column is None:
        return None
    names = metadata.tables[table].columns.keys()
    return column if column in names or f"{column}_date" in names else None


def convert(document: Document, context: LoadContext) -> None:
    # Inferences may rest on claims further down the file.
    context.register_ahead("fact_claims", [claim.key for claim in document.claims])
    for record, claim in context.records("claims", document.claims):
        table, key = claim.fact.split("/", 1)
        fact_id = None
        if table not in FACT_TABLE_NAMES:
            context.problem(record, "fact", f"{table!r} is not a table claims point at ({', '.join(FACT_TABLE_NAMES)})")
        else:
            fact_id = context.ref(table, key, record, "fact")
            if claim.column is not None and column_of(table, claim.column) is None:
                context.problem(record, "column", f"{table} has no column {claim.column!r}")
        row = {
            **claim.columns("key", "claim", "basis", "rule", "stance"),
            "fact_table": table,
            "fact_id": fact_id,
            "fact_column": claim.column,
            "rests_on_claim_id": context.ref("fact_claims", claim.rests_on, record, "rests_on"),
        }
        context.add_fact("fact_claims", claim, record, row)


FAMILY = Family("claims.yaml", Document, convert)
