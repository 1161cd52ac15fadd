"""Outcomes a mission is credited with."""

from pydantic import Field

from unami.loaders.context import EdtfText, Fact, FactDocument, Family, Key, LoadContext, Text, WholeNumber


class Outcome(Fact):
    key: Key
    mission: Key
    component: Key | None = None
    organization: Key | None = None
    description: Text
    quantity: WholeNumber | None = Field(default=None, ge=0)
    unit: Text | None = None
    started: EdtfText | None = None


class Document(FactDocument):
    outcomes: list[Outcome]


def convert(document: Document, context: LoadContext) -> None:
    for record, outcome in context.records("outcomes", document.outcomes):
        if (outcome.quantity is None) != (outcome.unit is None):
            context.problem(record, "unit", "a quantity needs a unit and a unit needs a quantity")
        row = {
            **outcome.columns("key", "description", "quantity", "unit"),
            "mission_id": context.ref("missions", outcome.mission, record, "mission"),
            "component_id": context.ref("mandate_components", outcome.component, record, "component"),
            "organization_id": context.ref("organizations", outcome.organization, record, "organization"),
            **context.date("started", outcome.started, record, "started"),
        }
        outcome_id = context.add_fact("outcomes", outcome, record, row)
        context.register("outcomes", outcome.key, outcome_id, record)


FAMILY = Family("outcomes.yaml", Document, convert)
