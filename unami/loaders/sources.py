"""Sources and their sections: the provenance every other record points to."""

from pydantic import Field

from unami.loaders.context import EdtfText, Family, Key, Label, LoadContext, Record, Text
from unami.schema.vocabularies import SourceKind


class Source(Record):
    key: Key
    name: Label
    publisher: Text | None = None
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    language: str | None = Field(default=None, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")
    licence: Text | None = None
    licence_url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    accessed_date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    description: Text | None = None
    kind: SourceKind | None = None
    published: EdtfText | None = None
    revision: Text | None = None
    sections: list[Label] = Field(min_length=1)


class Document(Record):
    sources: list[Source]


def convert(document: Document, context: LoadContext) -> None:
    for record, source in context.records("sources", document.sources):
        row = {
            **source.model_dump(exclude={"sections", "kind", "published"}),
            "source_kind": source.kind,
            **context.date("published", source.published, record, "published"),
        }
        source_id = context.add("sources", row)
        context.register("sources", source.key, source_id, record)
        for position, section in enumerate(source.sections, start=1):
            row = {
                "source_id": source_id,
                "name": section,
                "citation": f"{source.name} ({source.publisher or source.key}), section {section}",
                "position": position,
            }
            section_id = context.add("source_sections", row)
            context.register("source_sections", f"{source.key}#{section}", section_id, record, "sections")


FAMILY = Family("sources.yaml", Document, convert)
