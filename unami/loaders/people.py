"""People: every spelling of their names, nationality with its basis, education."""

from pydantic import Field

from unami.loaders.context import EdtfText, Fact, Key, LoadContext, Record, label
from unami.schema.vocabularies import NationalityBasis, StatedNameForm

FILE = "people.yaml"


class PersonName(Fact):
    name: str
    form: StatedNameForm


class Nationality(Fact):
    country: str = Field(pattern=r"^[A-Z]{3}$")
    basis: NationalityBasis


class Education(Fact):
    institution: str
    field: str | None = None
    degree: str | None = None
    completed: EdtfText | None = None


class Person(Fact):
    key: Key
    name: str
    note: str | None = None
    names: list[PersonName] = []
    nationalities: list[Nationality] = []
    educations: list[Education] = []


class Document(Record):
    source: str | None = None
    people: list[Person]


def convert(document: Document, context: LoadContext) -> None:
    for index, person in enumerate(document.people):
        record = label("people", index, person.key)
        provenance = context.provenance(person, record)
        person_id = context.add("people", {"key": person.key, "name": person.name, "note": person.note, **provenance})
        context.register("people", person.key, person_id, record)
        # The preferred form is the record's own name, stated in the record's section.
        context.add(
            "person_names", {"person_id": person_id, "name": person.name, "name_form": "preferred", **provenance}
        )
        for position, name in enumerate(person.names):
            where = f"{record}.names[{position}]"
            context.add(
                "person_names",
                {"person_id": person_id, "name": name.name, "name_form": name.form, **context.provenance(name, where)},
            )
        for position, nationality in enumerate(person.nationalities):
            where = f"{record}.nationalities[{position}]"
            context.add(
                "person_nationalities",
                {
                    "person_id": person_id,
                    "country_id": context.ref("countries", nationality.country, where, "country"),
                    "basis": nationality.basis,
                    **context.provenance(nationality, where),
                },
            )
        for position, education in enumerate(person.educations):
            where = f"{record}.educations[{position}]"
            context.add(
                "person_educations",
                {
                    "person_id": person_id,
                    "institution": education.institution,
                    "field": education.field,
                    "degree": education.degree,
                    **context.date("completed", education.completed, where, "completed"),
                    **context.provenance(education, where),
                },
            )
