"""Countries and organizations: the bodies other facts refer to."""

from pydantic import Field

from unami.loaders.context import Fact, FactDocument, Family, Key, Label, LoadContext, Text, WholeNumber
from unami.schema.vocabularies import OrganizationType


class Country(Fact):
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    name: Label


class Organization(Fact):
    key: Key
    name: Label
    abbreviation: Label | None = None
    organization_type: OrganizationType
    parent: Text | None = None
    country: Text | None = None
    member_count: WholeNumber | None = Field(default=None, ge=0)
    description: Text | None = None


class Document(FactDocument):
    countries: list[Country] = []
    organizations: list[Organization] = []


def convert(document: Document, context: LoadContext) -> None:
    for record, country in context.records("countries", document.countries):
        row_id = context.add_fact("countries", country, record, country.columns("iso3", "name"))
        context.register("countries", country.iso3, row_id, record, "iso3")
    # Register every organization first so a parent may be listed after its child.
    context.register_ahead("organizations", [organization.key for organization in document.organizations])
    for record, organization in context.records("organizations", document.organizations):
        row = {
            **organization.columns("key", "name", "abbreviation", "organization_type", "member_count", "description"),
            "parent_organization_id": context.ref("organizations", organization.parent, record, "parent"),
            "country_id": context.ref("countries", organization.country, record, "country"),
        }
        context.add_fact("organizations", organization, record, row)


FAMILY = Family("places.yaml", Document, convert)
