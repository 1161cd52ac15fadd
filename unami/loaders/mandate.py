"""Mandate components (the coding vocabulary), mandate areas and their tasks."""

from unami.loaders.context import Fact, Key, LoadContext, Record, label
from unami.schema.vocabularies import MandateAreaKind

FILE = "mandate.yaml"


class Component(Record):
    key: Key
    name: str
    description: str


class Task(Fact):
    description: str
    component: Key


class Area(Fact):
    key: Key
    mission: Key
    resolution: int | None = None
    area_kind: MandateAreaKind
    name: str
    tasks: list[Task]


class Document(Record):
    source: str | None = None
    components: list[Component] = []
    areas: list[Area] = []


def convert(document: Document, context: LoadContext) -> None:
    for index, component in enumerate(document.components):
        record = label("components", index, component.key)
        component_id = context.add("mandate_components", component.model_dump())
        context.register("mandate_components", component.key, component_id, record)
    for index, area in enumerate(document.areas, start=0):
        record = label("areas", index, area.key)
        resolution = str(area.resolution) if area.resolution is not None else None
        area_id = context.add(
            "mandate_areas",
            {
                "key": area.key,
                "mission_id": context.ref("missions", area.mission, record, "mission"),
                "resolution_id": context.ref("resolutions", resolution, record, "resolution"),
                "area_kind": area.area_kind,
                "name": area.name,
                "position": index + 1,
                **context.provenance(area, record),
            },
        )
        context.register("mandate_areas", area.key, area_id, record)
        for position, task in enumerate(area.tasks, start=1):
            where = f"{record}.tasks[{position - 1}]"
            context.add(
                "mandate_tasks",
                {
                    "mandate_area_id": area_id,
                    "component_id": context.ref("mandate_components", task.component, where, "component"),
                    "description": task.description,
                    "position": position,
                    **context.provenance(task, where),
                },
            )
