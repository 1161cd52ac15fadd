"""Timeline events with their participants and related resolutions."""

from pydantic import Field, model_validator

from unami.loaders.context import EdtfText, Fact, Key, LoadContext, Record, label
from unami.schema.vocabularies import EventKind

FILE = "events.yaml"


class Participant(Fact):
    person: Key | None = None
    organization: Key | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    role: str
    stated_position: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self):
        named = [name for name in ("person", "organization", "country") if getattr(self, name) is not None]
        if len(named) != 1:
            raise ValueError(f"give exactly one of person, organization, country (got {named or 'none'})")
        return self


class Event(Fact):
    key: Key
    mission: Key | None = None
    event_kind: EventKind
    name: str
    description: str | None = None
    occurred: EdtfText | None = None
    deaths: int | None = Field(default=None, ge=0)
    participants: list[Participant] = []
    resolutions: list[int] = []


class Document(Record):
    source: str | None = None
    events: list[Event]


def convert(document: Document, context: LoadContext) -> None:
    for index, event in enumerate(document.events):
        record = label("events", index, event.key)
        provenance = context.provenance(event, record)
        event_id = context.add(
            "events",
            {
                "key": event.key,
                "mission_id": context.ref("missions", event.mission, record, "mission"),
                "event_kind": event.event_kind,
                "name": event.name,
                "description": event.description,
                **context.date("occurred", event.occurred, record, "occurred"),
                "deaths": event.deaths,
                **provenance,
            },
        )
        context.register("events", event.key, event_id, record)
        for position, participant in enumerate(event.participants):
            where = f"{record}.participants[{position}]"
            context.add(
                "event_participants",
                {
                    "event_id": event_id,
                    "person_id": context.ref("people", participant.person, where, "person"),
                    "organization_id": context.ref("organizations", participant.organization, where, "organization"),
                    "country_id": context.ref("countries", participant.country, where, "country"),
                    "role": participant.role,
                    "stated_position": participant.stated_position,
                    **context.provenance(participant, where),
                },
            )
        for position, number in enumerate(event.resolutions):
            where = f"{record}.resolutions[{position}]"
            context.add(
                "event_resolutions",
                {
                    "event_id": event_id,
                    "resolution_id": context.ref("resolutions", str(number), where, "resolutions"),
                    **provenance,
                },
            )
