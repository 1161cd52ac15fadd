"""The family contract: a family is its file, its document model, its conversion and its rules across rows."""

import json

import pytest

from unami import DEFAULT_DATA_DIR, migrate
from unami.loaders import FAMILIES, DataError, plan_load, write
from unami.loaders.context import Fact, FactDocument, Family, Key, LoadContext


class Achievement(Fact):
    key: Key
    mission: Key
    description: str


class Achievements(FactDocument):
    achievements: list[Achievement]


def convert(document: Achievements, context: LoadContext) -> None:
    for record, achievement in context.records("achievements", document.achievements):
        row = {
            **achievement.columns("key", "description"),
            "mission_id": context.ref("missions", achievement.mission, record, "mission"),
        }
        context.add_fact("outcomes", achievement, record, row)


# A made-up family for the tests: more outcomes, from a file of their own.
ACHIEVEMENTS = Family("achievements.yaml", Achievements, convert)


def test_a_family_declared_in_a_few_lines_loads_beside_the_others(tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "achievements.yaml").write_text(
        "source: wikipedia-unami\nachievements:\n"
        "  - {key: made-up, mission: unami, description: Invented for a test., section: History}\n",
        encoding="utf-8",
    )
    plan = plan_load([DEFAULT_DATA_DIR, extra], [*FAMILIES, ACHIEVEMENTS])
    added = plan.rows["outcomes"][-1]
    assert (added["key"], added["mission_id"]) == ("made-up", 1)
    assert added["source_section_id"] is not None


def test_a_new_family_reads_its_lists_as_record_files_and_names_problems_by_line(tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    line = {"key": "made-up", "mission": "unamo", "description": "x", "source": "wikipedia-unami", "section": "History"}
    (extra / "achievements.jsonl").write_text("\n" + json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        plan_load([DEFAULT_DATA_DIR, extra], [*FAMILIES, ACHIEVEMENTS])
    assert [str(problem) for problem in raised.value.problems] == [
        f"{extra / 'achievements.jsonl'}: line 2 (made-up): mission: unknown missions key 'unamo' (known: unami)"
    ]


def test_rows_the_schema_cannot_hold_are_a_bug_named_before_anything_is_written(tmp_path):
    plan = plan_load([DEFAULT_DATA_DIR], FAMILIES)
    unmigrated = r"^table dataset_versions is missing: the database is not migrated to head$"
    with pytest.raises(RuntimeError, match=unmigrated):
        write(tmp_path / "empty.db", plan, migrate.head_revision())
    plan.rows["outcomes"][0]["score"] = 1  # a family that converts to a column the schema lacks
    migrate.upgrade(tmp_path / "x.db")
    with pytest.raises(RuntimeError, match=r"^rows for outcomes carry unknown columns \['score'\]$"):
        write(tmp_path / "x.db", plan, migrate.head_revision())
