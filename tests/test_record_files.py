"""Record files (`<list>.jsonl`): a family's list as JSON Lines, validated and converted like its YAML.

The equivalence test moves the article's own appointments and events out of posts.yaml and
events.yaml into appointments.jsonl and events.jsonl; the built database must not change.
"""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import digest, planning_problems

from unami import DEFAULT_DATA_DIR, schema
from unami.cli import main
from unami.loaders import json_lines
from unami.loaders.yaml_files import read_yaml


def with_source(value, source: str):
    """Name the source on every fact (a JSON Lines file has no file-level default)."""
    if isinstance(value, list):
        return [with_source(item, source) for item in value]
    if isinstance(value, dict):
        named = {key: with_source(item, source) for key, item in value.items()}
        return {**named, "source": named.get("source", source)} if "section" in named else named
    return value


def move_list_to_jsonl(data: Path, yaml_name: str, list_name: str, keep: int = 0) -> int:
    """Move the `list_name` records of data/<yaml_name> but the first `keep` to data/<list_name>.jsonl;
    return how many."""
    document = read_yaml(data / yaml_name, yaml_name)
    every = document.pop(list_name)
    if keep:
        document[list_name] = every[:keep]
    records = with_source(every[keep:], document["source"])
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    (data / f"{list_name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    remaining = {key: value for key, value in document.items() if key != "source"}
    if remaining:
        (data / yaml_name).write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    else:
        (data / yaml_name).unlink()
    return len(records)


def table_contents(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as connection:
        return {
            table.name: connection.execute(
                f"select * from [{table.name}] order by {', '.join(c.name for c in table.primary_key.columns)}"
            ).fetchall()
            for table in schema.metadata.sorted_tables
            if table.name != "dataset_versions"  # records the data hash, which differs by design
        }


def build(db: Path, *data_dirs: Path):
    args = [arg for data in data_dirs for arg in ("--data", str(data))]
    return CliRunner().invoke(main, ["build", "--db", str(db), *args])


def assert_builds_as_data_does(tmp_path: Path, data: Path) -> None:
    """`data` (data/ with lists moved to record files) builds the same tables as data/ itself."""
    assert build(tmp_path / "yaml.db", DEFAULT_DATA_DIR).exit_code == 0
    result = build(tmp_path / "jsonl.db", data)
    assert result.exit_code == 0, result.output
    assert table_contents(tmp_path / "jsonl.db") == table_contents(tmp_path / "yaml.db")


def test_lists_as_json_lines_build_the_same_database(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    moved = move_list_to_jsonl(data, "posts.yaml", "appointments") + move_list_to_jsonl(data, "events.yaml", "events")
    assert moved == 18 + 19  # every appointment and event of data/ (16 and 15 of the article)
    assert not (data / "events.yaml").exists() and (data / "posts.yaml").exists()  # positions stay in YAML

    result = build(tmp_path / "yaml.db", DEFAULT_DATA_DIR)
    assert result.exit_code == 0, result.output
    result = build(tmp_path / "jsonl.db", data)
    assert result.exit_code == 0, result.output
    from_yaml, from_jsonl = table_contents(tmp_path / "yaml.db"), table_contents(tmp_path / "jsonl.db")
    assert len(from_jsonl["appointments"]) == 18 and len(from_jsonl["event_participants"]) == 25
    assert from_jsonl == from_yaml


def test_a_list_in_a_record_file_may_come_before_a_list_left_in_yaml(tmp_path):
    """positions.jsonl beside a posts.yaml that keeps only the appointments: the appointments still
    find their posts, because a family's lists are converted in the order its document declares."""
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    move_list_to_jsonl(data, "posts.yaml", "positions")
    move_list_to_jsonl(data, "places.yaml", "countries")
    assert "appointments" in read_yaml(data / "posts.yaml", "posts.yaml")

    assert_builds_as_data_does(tmp_path, data)


def test_a_list_split_between_the_family_file_and_its_record_file_keeps_the_file_order(tmp_path):
    """The YAML file's appointments come first, then the record file's: ids as in one YAML list. (A record names a
    later one only within its own file: the first three name none.)"""
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    move_list_to_jsonl(data, "posts.yaml", "positions")  # posts.yaml and appointments.jsonl: the same first list
    assert move_list_to_jsonl(data, "posts.yaml", "appointments", keep=3) == 15
    assert_builds_as_data_does(tmp_path, data)


def test_a_family_file_left_with_only_its_source_beside_its_record_files(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    move_list_to_jsonl(data, "posts.yaml", "positions")
    move_list_to_jsonl(data, "posts.yaml", "appointments")
    (data / "posts.yaml").write_text("source: wikipedia-unami\n", encoding="utf-8")
    assert_builds_as_data_does(tmp_path, data)


def test_a_problem_found_after_validation_names_the_line(tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    lines = [event_line(key="a"), "", event_line(key="b"), event_line(key="c", mission="nope")]
    (extra / "events.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--data", str(DEFAULT_DATA_DIR), "--data", str(extra)])
    assert result.exit_code == 1
    assert result.output.startswith(f"{extra / 'events.jsonl'}: line 4 (c): mission: unknown missions key 'nope'")


def test_a_data_file_no_family_reads_is_refused(tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "event.jsonl").write_text(event_line() + "\n", encoding="utf-8")  # events.jsonl, misspelt
    result = CliRunner().invoke(main, ["check", "--data", str(DEFAULT_DATA_DIR), "--data", str(extra)])
    assert result.exit_code == 1
    assert result.output.startswith(f"{extra / 'event.jsonl'}: (file): (name): no family reads this file")
    assert "events.jsonl" in result.output.splitlines()[0]


def test_missing_and_unknown_data_files_are_each_named_with_the_fix(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    (data / "events.yaml").unlink()
    (data / "posts.yaml").rename(data / "Posts.yaml")
    (data / "notes.md").write_text("not data\n", encoding="utf-8")  # not a data suffix: left alone
    unknown, *missing = planning_problems(data)
    said, _, listed = unknown.partition("; data files are: ")
    assert said == f"{data / 'Posts.yaml'}: (file): (name): no family reads this file"
    names = listed.split(", ")
    assert names == sorted(names) and {"events.jsonl", "posts.yaml", "contingent_strengths.jsonl"} < set(names)
    assert missing == [
        f"{data / 'posts.yaml'}: (file): (missing): no data directory has posts.yaml or positions.jsonl, "
        "appointments.jsonl; to load none of its facts, write it with `positions: [], appointments: []`",
        f"{data / 'events.yaml'}: (file): (missing): no data directory has events.yaml or events.jsonl; "
        "to load none of its facts, write it with `events: []`",
    ]


def test_a_family_written_with_empty_lists_loads_none_of_its_facts(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    (data / "outcomes.yaml").write_text("source: wikipedia-unami\noutcomes: []\n", encoding="utf-8")
    result = build(tmp_path / "x.db", data)
    assert result.exit_code == 0, result.output
    with sqlite3.connect(tmp_path / "x.db") as connection:
        assert connection.execute("select count(*) from outcomes").fetchone() == (0,)


def event_line(**overrides) -> str:
    record = {
        "key": "fixture-event",
        "event_kind": "meeting",
        "name": "A made-up meeting",
        "occurred": "2010-01",
        "source": "wikipedia-unami",
        "section": "History",
    }
    record.update(overrides)
    return json.dumps({key: value for key, value in record.items() if value is not ...})


@pytest.mark.parametrize(
    ("bad_line", "record", "field", "message"),
    [
        ('{"key": "a", "key": "b"}', "line 2", "key", "given twice in one line"),
        ('{"key": "fixture-event",', "line 2", "(record)", "Invalid JSON"),
        ('["fixture-event"]', "line 2", "(record)", "each line must be one JSON object"),
        (event_line(key="second", occurred="2010-13"), "line 2 (second)", "occurred", "not a valid EDTF date"),
        (event_line(key="second", event_kind="party"), "line 2 (second)", "event_kind", "Input should be"),
        (event_line(key="second", source=...), "line 2 (second)", "source", "JSON Lines has no file-level"),
        (
            event_line(key="second", participants=[{"person": "ad-melkert", "role": "chair", "section": "History"}]),
            "line 2 (second).participants[0]",
            "source",
            "each fact names its source",
        ),
        (event_line(key="second", mission="no-such-mission"), "line 2 (second)", "mission", "unknown missions"),
        (event_line(), "line 2 (fixture-event)", "key", "duplicate events key 'fixture-event'"),
        ('{"key": "second", "deaths": ' + "1" * 5000 + "}", "line 2", "(record)", "Exceeds the limit"),
        ("[" * 100_000, "line 2", "(record)", "nested too deeply"),
        ("\ufeff" + event_line(key="second"), "line 2", "(encoding)", "byte-order mark"),
    ],
    ids=[
        "repeated-key",
        "broken-json",
        "array",
        "bad-date",
        "vocabulary",
        "no-source",
        "nested-fact-without-source",
        "dangling",
        "duplicate-key",
        "huge-integer",
        "deep-nesting",
        "byte-order-mark",
    ],
)
def test_a_bad_record_line_fails_the_build_and_keeps_the_old_database(tmp_path, bad_line, record, field, message):
    db = tmp_path / "x.db"
    assert build(db, DEFAULT_DATA_DIR).exit_code == 0
    before = digest(db)
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "events.jsonl").write_text(event_line() + "\n" + bad_line + "\n", encoding="utf-8")
    result = build(db, DEFAULT_DATA_DIR, extra)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)  # a message, not a traceback
    first = result.output.splitlines()[0]
    assert first.startswith(f"{extra / 'events.jsonl'}: {record}: {field}: "), first
    assert message in first, first
    assert digest(db) == before


def test_an_empty_or_oversized_record_file_is_refused(tmp_path, monkeypatch):
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "events.jsonl").write_text("\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--data", str(DEFAULT_DATA_DIR), "--data", str(extra)])
    assert result.exit_code == 1
    assert result.output.startswith(f"{extra / 'events.jsonl'}: (file): (records): no events records"), result.output

    (extra / "events.jsonl").write_text(event_line() + "\n", encoding="utf-8")
    monkeypatch.setattr(json_lines, "MAX_RECORD_FILE_BYTES", 64)
    result = CliRunner().invoke(main, ["check", "--data", str(DEFAULT_DATA_DIR), "--data", str(extra)])
    assert result.exit_code == 1
    assert result.output.startswith(f"{extra / 'events.jsonl'}: (file): (size): "), result.output
    assert "is over the limit of 64 bytes for a record file" in result.output, result.output


PERSON = {"key": "fixture-person", "name": "A Person", "source": "wikipedia-unami", "section": "Leadership"}


def problems_of_person_and_events(extra: Path, person: dict, participant_key: str) -> list[list[str]]:
    """`unami check` with one person line and two event lines (the first naming `participant_key`, the second
    with an impossible date): each problem's file, record and field."""
    extra.mkdir()
    (extra / "people.jsonl").write_text(json.dumps(person) + "\n", encoding="utf-8")
    participant = {"person": participant_key, "role": "chair", "source": "wikipedia-unami", "section": "History"}
    lines = [event_line(participants=[participant]), event_line(key="second", occurred="2010-13")]
    (extra / "events.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--data", str(DEFAULT_DATA_DIR), "--data", str(extra)])
    assert result.exit_code == 1
    return [line.split(": ")[:3] for line in result.output.splitlines()[:-1]]


def test_a_record_that_fails_validation_does_not_cascade_but_later_files_are_still_checked(tmp_path):
    """Files are converted family by family as they are validated; after the first problem, later files are
    validated (their problems reported) but not converted, so an event naming the broken person does not add
    an `unknown people key` line."""
    extra = tmp_path / "extra"
    assert problems_of_person_and_events(extra, {**PERSON, "nickname": "x"}, "fixture-person") == [
        [str(extra / "people.jsonl"), "line 1 (fixture-person)", "nickname"],
        [str(extra / "events.jsonl"), "line 2 (second)", "occurred"],
    ]


def test_a_problem_found_while_converting_stops_the_conversion_of_later_families(tmp_path):
    """An unknown key in people.jsonl (a nationality) is reported; the events of a later family, one naming an
    unknown person, are then not converted, and a later file's own broken line is still reported."""
    extra = tmp_path / "extra"
    nationality = {"country": "XYZ", "basis": "stated nationality", "source": "wikipedia-unami"}
    person = {**PERSON, "nationalities": [{**nationality, "section": "Leadership"}]}
    assert problems_of_person_and_events(extra, person, "no-such-person") == [
        [str(extra / "people.jsonl"), "line 1 (fixture-person).nationalities[0]", "country"],
        [str(extra / "events.jsonl"), "line 2 (second)", "occurred"],
    ]


def test_a_group_is_converted_only_once_all_its_files_are_valid(tmp_path):
    """claims.yaml and claims.jsonl of one directory are one group, the last: a broken line in the record file
    leaves the YAML file's claims unconverted, so its unknown fact is not reported beside the broken line."""
    extra = tmp_path / "extra"
    extra.mkdir()
    claim = {"key": "fixture-claim", "fact": "appointments/no-such-tenure", "column": "started", "claim": "A claim."}
    document = {"source": "wikipedia-unami", "claims": [{**claim, "section": "Leadership"}]}
    (extra / "claims.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    (extra / "claims.jsonl").write_text('{"key": "second", "nickname": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--data", str(DEFAULT_DATA_DIR), "--data", str(extra)])
    assert result.exit_code == 1
    problems = result.output.splitlines()[:-1]
    assert problems and all(line.startswith(f"{extra / 'claims.jsonl'}: line 1 (second): ") for line in problems)


def test_a_data_directory_that_cannot_be_listed_is_named_and_the_others_still_checked(tmp_path):
    missing, a_file, extra = tmp_path / "missing", tmp_path / "a-file", tmp_path / "extra"
    a_file.write_text("not a directory\n", encoding="utf-8")
    extra.mkdir()
    (extra / "event.jsonl").write_text(event_line() + "\n", encoding="utf-8")
    problems = planning_problems(DEFAULT_DATA_DIR, missing, a_file, extra)
    assert [problem.partition("; data files are: ")[0] for problem in problems] == [
        f"{missing}: (directory): (files): cannot list: No such file or directory",
        f"{a_file}: (directory): (files): cannot list: Not a directory",
        f"{extra / 'event.jsonl'}: (file): (name): no family reads this file",
    ]


def test_data_directories_without_any_data_file_are_refused_in_one_line(tmp_path):
    empty, other = tmp_path / "empty", tmp_path / "other"
    empty.mkdir()
    other.mkdir()
    (other / "notes.md").write_text("not data\n", encoding="utf-8")
    assert planning_problems(empty, other) == [f"{empty}, {other}: (directory): (files): no data files found"]
