"""Missions: names in each language and the bodies each mission relates to."""

from unami.loaders.context import EdtfText, Fact, FactDocument, Family, Key, Label, LoadContext, Text
from unami.schema.vocabularies import MissionOrganizationRole, MissionStatus, MissionType


class MissionName(Fact):
    language: Label
    name: Label


class MissionOrganization(Fact):
    organization: Key
    role: MissionOrganizationRole
    note: Text | None = None


class Mission(Fact):
    key: Key
    name: Label
    abbreviation: Label
    mission_type: MissionType
    status: MissionStatus
    leader_title: Text | None = None
    parent_organization: Key | None = None
    purpose: Text | None = None
    mandate_review_cycle: Text | None = None
    established: EdtfText | None = None
    ended: EdtfText | None = None
    names: list[MissionName] = []
    organizations: list[MissionOrganization] = []


class Document(FactDocument):
    missions: list[Mission]


def convert(document: Document, context: LoadContext) -> None:
    for record, mission in context.records("missions", document.missions):
        parent_id = context.ref("organizations", mission.parent_organization, record, "parent_organization")
        row = {
            **mission.columns("key", "name", "abbreviation", "mission_type", "status", "leader_title", "purpose"),
            "mandate_review_cycle": mission.mandate_review_cycle,
            "parent_organization_id": parent_id,
            **context.date("established", mission.established, record, "established"),
            **context.date("ended", mission.ended, record, "ended"),
        }
        mission_id = context.add_fact("missions", mission, record, row)
        context.register("missions", mission.key, mission_id, record)
        for where, name in context.nested(record, "names", mission.names):
            row = {"mission_id": mission_id, **name.columns("language", "name")}
            context.add_fact("mission_names", name, where, row)
        for where, link in context.nested(record, "organizations", mission.organizations):
            organization_id = context.ref("organizations", link.organization, where, "organization")
            row = {"mission_id": mission_id, "organization_id": organization_id, **link.columns("role", "note")}
            context.add_fact("mission_organizations", link, where, row)


FAMILY = Family("missions.yaml", Document, convert)
