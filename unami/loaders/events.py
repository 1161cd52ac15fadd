"""Timeline events with their participants and related resolutions."""

from pydantic import Field

from unami.loaders.context import (
    EdtfText,
    Fact,
    FactDocument,
    Family,
    Key,
    Label,
    LoadContext,
    Text,
    WholeNumber,
    exactly_one_of,
)
from unami.schema.vocabularies import EventKind


class Participant(Fact):
    person: Key | None = None
    organization: Key | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    role: Text
    stated_position: Text | None = None

    _one_party = exactly_one_of("person", "organization", "country")


class Event(Fact):
    key: Key
    mission: Key | None = None
    event_kind: EventKind
    name: Label
    description: Text | None = None
    occurred: EdtfText | None = None
    deaths: WholeNumber | None = Field(default=None, ge=0)
    participants: list[Participant] = []
    resolutions: list[WholeNumber] = []


class Document(FactDocument):
    events: list[Event]


def convert(document: Document, context: LoadContext) -> None:
    for record, event in context.records("events", document.events):
        provenance = context.provenance(event, record)
        row = {
            **event.columns("key", "event_kind", "name", "description", "deaths"),
            "mission_id": context.ref("missions", event.mission, record, "mission"),
            **context.date("occurred", event.occurred, record, "occurred"),
            **provenance,
        }
        event_id = context.add("events", row, record)
        context.register("events", event.key, event_id, record)
        for where, participant in context.nested(record, "participants", event.participants):
            row = {
                "event_id": event_id,
                "person_id": context.ref("people", participant.person, where, "person"),
                "organization_id": context.ref("organizations", participant.organization, where, "organization"),
                "country_id": context.ref("countries", participant.country, where, "country"),
                **participant.columns("role", "stated_position"),
            }
            context.add_fact("event_participants", participant, where, row)
        # A related resolution is stated where the event is.
        for where, number in context.nested(record, "resolutions", event.resolutions):
            resolution_id = context.ref("resolutions", number, where, "resolutions")
            context.add("event_resolutions", {"event_id": event_id, "resolution_id": resolution_id, **provenance})


FAMILY = Family("events.yaml", Document, convert)
