"""Security Council resolutions and what each did to a mission."""

from pydantic import Field

from unami.loaders.context import EdtfText, Fact, FactDocument, Family, Key, LoadContext, Text, WholeNumber
from unami.schema.vocabularies import ResolutionAction


class Action(Fact):
    mission: Key
    action: ResolutionAction
    mandate_end: EdtfText | None = None
    description: Text


class Resolution(Fact):
    number: WholeNumber = Field(gt=0)
    symbol: str | None = Field(default=None, pattern=r"^S/RES/\d+ \(\d{4}\)$")
    organization: Key
    adopted: EdtfText | None = None
    votes_for: WholeNumber | None = Field(default=None, ge=0)
    votes_against: WholeNumber | None = Field(default=None, ge=0)
    abstentions: WholeNumber | None = Field(default=None, ge=0)
    is_unanimous: bool | None = None  # None: the source does not say
    actions: list[Action] = []


class Document(FactDocument):
    resolutions: list[Resolution]


def convert(document: Document, context: LoadContext) -> None:
    for record, resolution in context.records("resolutions", document.resolutions):
        if resolution.symbol and not resolution.symbol.startswith(f"S/RES/{resolution.number} "):
            context.problem(record, "symbol", f"{resolution.symbol!r} does not carry number {resolution.number}")
        row = {
            **resolution.columns("number", "symbol", "votes_for", "votes_against", "abstentions"),
            "name": f"Resolution {resolution.number}",
            "organization_id": context.ref("organizations", resolution.organization, record, "organization"),
            **context.date("adopted", resolution.adopted, record, "adopted"),
            "is_unanimous": None if resolution.is_unanimous is None else int(resolution.is_unanimous),
        }
        resolution_id = context.add_fact("resolutions", resolution, record, row)
        context.register("resolutions", str(resolution.number), resolution_id, record, "number")
        for where, action in context.nested(record, "actions", resolution.actions):
            row = {
                "resolution_id": resolution_id,
                "mission_id": context.ref("missions", action.mission, where, "mission"),
                **action.columns("action", "description"),
                **context.date("mandate_end", action.mandate_end, where, "mandate_end"),
            }
            context.add_fact("resolution_actions", action, where, row)


FAMILY = Family("resolutions.yaml", Document, convert)
