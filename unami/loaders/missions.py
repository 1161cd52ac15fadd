"""Missions: names in each language and the bodies each mission relates to."""

from unami.loaders.context import EdtfText, Fact, Key, LoadContext, Record, label
from unami.schema.vocabularies import MissionOrganizationRole, MissionStatus, MissionType

FILE = "missions.yaml"


class MissionName(Fact):
    language: str
    name: str


class MissionOrganization(Fact):
    organization: Key
    role: MissionOrganizationRole
    note: str | None = None


class Mission(Fact):
    key: Key
    name: str
    abbreviation: str
    mission_type: MissionType
    status: MissionStatus
    leader_title: str | None = None
    parent_organization: Key | None = None
    purpose: str | None = None
    mandate_review_cycle: str | None = None
    established: EdtfText | None = None
    ended: EdtfText | None = None
    names: list[MissionName] = []
    organizations: list[MissionOrganization] = []


class Document(Record):
    source: str | None = None
    missions: list[Mission]


def convert(document: Document, context: LoadContext) -> None:
    for index, mission in enumerate(document.missions):
        record = label("missions", index, mission.key)
        mission_id = context.add(
            "missions",
            {
                "key": mission.key,
                "name": mission.name,
                "abbreviation": mission.abbreviation,
                "mission_type": mission.mission_type,
                "status": mission.status,
                "leader_title": mission.leader_title,
                "parent_organization_id": context.ref(
                    "organizations", mission.parent_organization, record, "parent_organization"
                ),
                "purpose": mission.purpose,
                "mandate_review_cycle": mission.mandate_review_cycle,
                **context.date("established", mission.established, record, "established"),
                **context.date("ended", mission.ended, record, "ended"),
                **context.provenance(mission, record),
            },
        )
        context.register("missions", mission.key, mission_id, record)
        for position, name in enumerate(mission.names):
            where = f"{record}.names[{position}]"
            context.add(
                "mission_names",
                {
                    "mission_id": mission_id,
                    "language": name.language,
                    "name": name.name,
                    **context.provenance(name, where),
                },
            )
        for position, link in enumerate(mission.organizations):
            where = f"{record}.organizations[{position}]"
            context.add(
                "mission_organizations",
                {
                    "mission_id": mission_id,
                    "organization_id": context.ref("organizations", link.organization, where, "organization"),
                    "role": link.role,
                    "note": link.note,
                    **context.provenance(link, where),
                },
            )
