"""People: every spelling of their names, nationality with its basis, education."""

from pydantic import Field

from unami.loaders.context import EdtfText, Fact, FactDocument, Family, Key, Label, LoadContext, Text
from unami.schema.vocabularies import NationalityBasis, StatedNameForm


class PersonName(Fact):
    name: Label
    form: StatedNameForm


class Nationality(Fact):
    country: str = Field(pattern=r"^[A-Z]{3}$")
    basis: NationalityBasis


class Education(Fact):
    institution: Text
    field: Text | None = None
    degree: Text | None = None
    completed: EdtfText | None = None


class Person(Fact):
    key: Key
    name: Label
    note: Text | None = None
    names: list[PersonName] = []
    nationalities: list[Nationality] = []
    educations: list[Education] = []


class Document(FactDocument):
    people: list[Person]


def convert(document: Document, context: LoadContext) -> None:
    for record, person in context.records("people", document.people):
        provenance = context.provenance(person, record)
        person_id = context.add("people", {**person.columns("key", "name", "note"), **provenance}, record)
        context.register("people", person.key, person_id, record)
        # The preferred form is the record's own name, stated in the record's section.
        context.add(
            "person_names", {"person_id": person_id, "name": person.name, "name_form": "preferred", **provenance}
        )
        for where, name in context.nested(record, "names", person.names):
            row = {"person_id": person_id, "name": name.name, "name_form": name.form}
            context.add_fact("person_names", name, where, row)
        for where, nationality in context.nested(record, "nationalities", person.nationalities):
            country_id = context.ref("countries", nationality.country, where, "country")
            row = {"person_id": person_id, "country_id": country_id, "basis": nationality.basis}
            context.add_fact("person_nationalities", nationality, where, row)
        for where, education in context.nested(record, "educations", person.educations):
            row = {
                "person_id": person_id,
                **education.columns("institution", "field", "degree"),
                **context.date("completed", education.completed, where, "completed"),
            }
            context.add_fact("person_educations", education, where, row)


FAMILY = Family("people.yaml", Document, convert)
