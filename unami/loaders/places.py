"""Countries and organizations: the bodies other facts refer to."""

from pydantic import Field

from unami.loaders.context import Fact, Key, LoadContext, Record, label
from unami.schema.vocabularies import OrganizationType

FILE = "places.yaml"


class Country(Fact):
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    name: str


class Organization(Fact):
    key: Key
    name: str
    abbreviation: str | None = None
    organization_type: OrganizationType
    parent: str | None = None
    country: str | None = None
    member_count: int | None = Field(default=None, ge=0)
    description: str | None = None


class Document(Record):
    source: str | None = None
    countries: list[Country] = []
    organizations: list[Organization] = []


def convert(document: Document, context: LoadContext) -> None:
    for index, country in enumerate(document.countries):
        record = label("countries", index, country.iso3)
        row_id = context.add(
            "countries", {"iso3": country.iso3, "name": country.name, **context.provenance(country, record)}
        )
        context.register("countries", country.iso3, row_id, record, "iso3")
    # Register every organization first so a parent may be listed after its child.
    context.register_ahead("organizations", [organization.key for organization in document.organizations])
    for index, organization in enumerate(document.organizations):
        record = label("organizations", index, organization.key)
        context.add(
            "organizations",
            {
                "key": organization.key,
                "name": organization.name,
                "abbreviation": organization.abbreviation,
                "organization_type": organization.organization_type,
                "parent_organization_id": context.ref("organizations", organization.parent, record, "parent"),
                "country_id": context.ref("countries", organization.country, record, "country"),
                "member_count": organization.member_count,
                "description": organization.description,
                **context.provenance(organization, record),
            },
        )
