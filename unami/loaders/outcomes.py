"""Outcomes a mission is credited with."""

from pydantic import Field

from unami.loaders.context import EdtfText, Fact, Key, LoadContext, Record, label

FILE = "outcomes.yaml"


class Outcome(Fact):
    key: Key
    mission: Key
    component: Key | None = None
    organization: Key | None = None
    description: str
    quantity: int | None = Field(default=None, ge=0)
    unit: str | None = None
    started: EdtfText | None = None


class Document(Record):
    source: str | None = None
    outcomes: list[Outcome]


def convert(document: Document, context: LoadContext) -> None:
    for index, outcome in enumerate(document.outcomes):
        record = label("outcomes", index, outcome.key)
        if (outcome.quantity is None) != (outcome.unit is None):
            context.problem(record, "unit", "a quantity needs a unit and a unit needs a quantity")
        outcome_id = context.add(
            "outcomes",
            {
                "key": outcome.key,
                "mission_id": context.ref("missions", outcome.mission, record, "mission"),
                "component_id": context.ref("mandate_components", outcome.component, record, "component"),
                "organization_id": context.ref("organizations", outcome.organization, record, "organization"),
                "description": outcome.description,
                "quantity": outcome.quantity,
                "unit": outcome.unit,
                **context.date("started", outcome.started, record, "started"),
                **context.provenance(outcome, record),
            },
        )
        context.register("outcomes", outcome.key, outcome_id, record)
