"""Mandate components (the coding vocabulary), mandate areas and their tasks."""

from unami.loaders.context import Fact, FactDocument, Family, Key, Label, LoadContext, Record, Text, WholeNumber
from unami.schema.vocabularies import MandateAreaKind


class Component(Record):
    key: Key
    name: Label
    description: Text


class Task(Fact):
    description: Text
    component: Key


class Area(Fact):
    key: Key
    mission: Key
    resolution: WholeNumber | None = None
    area_kind: MandateAreaKind
    name: Label
    tasks: list[Task]


class Document(FactDocument):
    components: list[Component] = []
    areas: list[Area] = []


def convert(document: Document, context: LoadContext) -> None:
    for record, component in context.records("components", document.components):
        component_id = context.add("mandate_components", component.model_dump())
        context.register("mandate_components", component.key, component_id, record)
    for position, (record, area) in enumerate(context.records("areas", document.areas), start=1):
        row = {
            **area.columns("key", "area_kind", "name"),
            "mission_id": context.ref("missions", area.mission, record, "mission"),
            "resolution_id": context.ref("resolutions", area.resolution, record, "resolution"),
            "position": position,
        }
        area_id = context.add_fact("mandate_areas", area, record, row)
        context.register("mandate_areas", area.key, area_id, record)
        for task_position, (where, task) in enumerate(context.nested(record, "tasks", area.tasks), start=1):
            row = {
                "mandate_area_id": area_id,
                "component_id": context.ref("mandate_components", task.component, where, "component"),
                "description": task.description,
                "position": task_position,
            }
            context.add_fact("mandate_tasks", task, where, row)


FAMILY = Family("mandate.yaml", Document, convert)
