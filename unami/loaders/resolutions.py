"""Security Council resolutions and what each did to a mission."""

from pydantic import Field

from unami.loaders.context import EdtfText, Fact, Key, LoadContext, Record, label
from unami.schema.vocabularies import ResolutionAction

FILE = "resolutions.yaml"


class Action(Fact):
    mission: Key
    action: ResolutionAction
    mandate_end: EdtfText | None = None
    description: str


class Resolution(Fact):
    number: int = Field(gt=0)
    symbol: str | None = Field(default=None, pattern=r"^S/RES/\d+ \(\d{4}\)$")
    organization: Key
    adopted: EdtfText | None = None
    votes_for: int | None = Field(default=None, ge=0)
    votes_against: int | None = Field(default=None, ge=0)
    abstentions: int | None = Field(default=None, ge=0)
    is_unanimous: bool | None = None  # None: the source does not say
    actions: list[Action] = []


class Document(Record):
    source: str | None = None
    resolutions: list[Resolution]


def convert(document: Document, context: LoadContext) -> None:
    for index, resolution in enumerate(document.resolutions):
        record = label("resolutions", index, str(resolution.number))
        if resolution.symbol and not resolution.symbol.startswith(f"S/RES/{resolution.number} "):
            context.problem(record, "symbol", f"{resolution.symbol!r} does not carry number {resolution.number}")
        resolution_id = context.add(
            "resolutions",
            {
                "number": resolution.number,
                "symbol": resolution.symbol,
                "name": f"Resolution {resolution.number}",
                "organization_id": context.ref("organizations", resolution.organization, record, "organization"),
                **context.date("adopted", resolution.adopted, record, "adopted"),
                "votes_for": resolution.votes_for,
                "votes_against": resolution.votes_against,
                "abstentions": resolution.abstentions,
                "is_unanimous": None if resolution.is_unanimous is None else int(resolution.is_unanimous),
                **context.provenance(resolution, record),
            },
        )
        context.register("resolutions", str(resolution.number), resolution_id, record, "number")
        for position, action in enumerate(resolution.actions):
            where = f"{record}.actions[{position}]"
            context.add(
                "resolution_actions",
                {
                    "resolution_id": resolution_id,
                    "mission_id": context.ref("missions", action.mission, where, "mission"),
                    "action": action.action,
                    **context.date("mandate_end", action.mandate_end, where, "mandate_end"),
                    "description": action.description,
                    **context.provenance(action, where),
                },
            )
