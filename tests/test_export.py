"""The open-data export: CSV files, a Frictionless Data Package, attribution, citation and changelog."""

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import frictionless
import pytest
import yaml
from alembic.script import ScriptDirectory
from click.testing import CliRunner

from unami import PROJECT_ROOT, migrate, release, schema
from unami.cli import main
from unami.export import declared_tables, export
from unami.files import connect_read_only


def database_counts(db_path: Path) -> dict[str, int]:
    connection = connect_read_only(db_path)
    try:
        return {
            table.name: connection.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0]
            for table in declared_tables()
        }
    finally:
        connection.close()


def csv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def validation_errors(descriptor: Path) -> list[str]:
    report = frictionless.validate(descriptor)
    return [f"{task.name}: {error.type}: {error.message}" for task in report.tasks for error in task.errors] + [
        f"package: {error.type}: {error.message}" for error in report.errors
    ]


@pytest.fixture(scope="module")
def exported(built_db, tmp_path_factory):
    """An export of the freshly built database, as the command line writes it."""
    directory = tmp_path_factory.mktemp("export") / "unami"
    result = CliRunner().invoke(main, ["export", "--db", str(built_db), "--format", "datapackage", str(directory)])
    assert result.exit_code == 0, result.output
    return directory


@pytest.fixture(scope="module")
def package(exported) -> dict:
    return json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))


def test_frictionless_validate_accepts_the_exported_package(exported):
    assert validation_errors(exported / "datapackage.json") == []


def test_every_declared_table_is_a_resource_and_nothing_else(package):
    names = [resource["name"] for resource in package["resources"]]
    assert names == list(schema.metadata.tables)
    assert "alembic_version" not in names
    assert not [name for name in names if "_fts" in name]


def test_csv_row_counts_equal_the_database_counts(exported, built_db):
    exported_counts = {
        path.stem: len(csv_rows(path)) - 1  # minus the header
        for path in exported.glob("*.csv")
    }
    assert exported_counts == database_counts(built_db)


def test_csv_headers_are_the_declared_columns(exported, package):
    for resource in package["resources"]:
        header = csv_rows(exported / resource["path"])[0]
        assert header == [field["name"] for field in resource["schema"]["fields"]], resource["name"]


def test_every_foreign_key_of_the_database_is_declared_in_the_package(package, built_db):
    declared = {
        (resource["name"], tuple(key["fields"]), key["reference"]["resource"] or resource["name"])
        for resource in package["resources"]
        for key in resource["schema"].get("foreignKeys", [])
    }
    connection = connect_read_only(built_db)
    in_database = {
        (table.name, (row[3],), row[2])
        for table in declared_tables()
        for row in connection.execute(f'PRAGMA foreign_key_list("{table.name}")')
    }
    connection.close()
    assert in_database, "the schema declares foreign keys; the database should have them"
    assert declared == in_database


def test_fields_carry_types_keys_and_the_declared_descriptions(package):
    for resource in package["resources"]:
        table = schema.metadata.tables[resource["name"]]
        assert resource["description"] == table.comment
        assert resource["schema"]["primaryKey"] == [column.name for column in table.primary_key.columns]
        assert resource["schema"]["primaryKey"] == ["id"] or table.name in schema.SUMMARY_TABLE_NAMES
        for field in resource["schema"]["fields"]:
            assert field["description"] == table.columns[field["name"]].comment
            assert field["type"] in {"integer", "number", "string", "date", "boolean"}
    appointments = {f["name"]: f for f in _resource(package, "appointments")["schema"]["fields"]}
    assert appointments["started_earliest"]["type"] == "date"
    assert appointments["started_date"]["type"] == "string"  # EDTF, not always an ISO day
    assert "succeeded" in appointments["end_reason"]["constraints"]["enum"]
    resolutions = {f["name"]: f for f in _resource(package, "resolutions")["schema"]["fields"]}
    assert resolutions["is_unanimous"]["type"] == "boolean"
    assert resolutions["number"]["constraints"] == {"required": True, "unique": True}


def _resource(package: dict, name: str) -> dict:
    return next(resource for resource in package["resources"] if resource["name"] == name)


def test_package_shows_data_version_licences_sources_and_attribution(package, exported, built_db, query):
    (version,) = query("SELECT data_version FROM dataset_versions")
    assert package["version"] == version["data_version"] == release.data_version(built_db)
    assert version["data_version"] in package["description"]
    assert [licence["name"] for licence in package["licenses"]] == ["CC-BY-SA-4.0"]
    assert package["software"]["licenses"][0]["name"] == "MIT"
    sources = query("SELECT name, url FROM sources ORDER BY id")
    assert [source["path"] for source in package["sources"]] == [source["url"] for source in sources]
    for text in (package["attribution"], package["description"], (exported / "README.md").read_text()):
        assert "English Wikipedia contributors" in text
        assert '"United Nations Assistance Mission for Iraq"' in text
        assert "CC BY-SA 4.0" in text


def test_empty_tables_export_as_valid_header_only_csvs(built_db, tmp_path):
    emptied = tmp_path / "empty.db"
    shutil.copy(built_db, emptied)
    connection = sqlite3.connect(emptied)
    for table in declared_tables():
        if table.name != "dataset_versions":
            connection.execute(f'DELETE FROM "{table.name}"')
    connection.commit()
    connection.close()

    result = export(emptied, tmp_path / "out")

    assert sum(result.row_counts.values()) == 1  # the dataset_versions row
    assert csv_rows(tmp_path / "out" / "sources.csv") == [
        [column.name for column in schema.metadata.tables["sources"].c]
    ]
    assert validation_errors(tmp_path / "out" / "datapackage.json") == []


def test_validation_catches_a_broken_foreign_key(exported, tmp_path):
    """Guards the test above: the validator really follows the declared foreign keys."""
    broken = tmp_path / "broken"
    shutil.copytree(exported, broken)
    rows = csv_rows(broken / "source_sections.csv")
    rows[1][rows[0].index("source_id")] = "999999"
    with open(broken / "source_sections.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    package = json.loads((broken / "datapackage.json").read_text())
    for resource in package["resources"]:
        resource.pop("hash"), resource.pop("bytes")
    (broken / "datapackage.json").write_text(json.dumps(package))

    assert any("foreign-key" in error for error in validation_errors(broken / "datapackage.json"))


def test_csv_format_writes_the_files_and_attribution_without_a_descriptor(built_db, tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", str(built_db), "--format", "csv", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "datapackage.json").exists()
    assert {path.stem for path in tmp_path.glob("*.csv")} == set(schema.metadata.tables)
    assert "CC BY-SA 4.0" in (tmp_path / "README.md").read_text()


def test_export_of_a_missing_database_fails_with_one_readable_line(tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "nope.db"), str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no such database" in result.output
    assert "Traceback" not in result.output


# --- Release documents --------------------------------------------------------


def test_changelog_names_every_schema_revision():
    changelog = (PROJECT_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "### Schema" in changelog and "### Data" in changelog
    revisions = [script.revision for script in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()]
    missing = [revision for revision in revisions if f"`{revision}`" not in changelog]
    assert not missing, f"CHANGELOG.md does not mention schema revision(s) {missing}: add them under Schema"


def test_citation_cff_credits_the_source_under_its_licence():
    citation = yaml.safe_load((PROJECT_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert {"message", "title", "authors"} <= set(citation)
    assert set(citation["license"]) == {"CC-BY-SA-4.0", "MIT"}
    (source,) = citation["references"]
    assert source["title"] == release.SOURCE_TITLE
    assert source["authors"] == [{"name": release.SOURCE_AUTHORS}]
    assert source["license"] == "CC-BY-SA-4.0"
    assert source["url"] == release.SOURCE_URL


def test_readme_shows_the_attribution_and_deployment():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert "English Wikipedia contributors" in readme
    deployment = readme.split("## Deployment\n", 1)[1].split("\n## ", 1)[0]
    # A deployment installs the runtime from the lock, exactly, before the project itself.
    assert "pip install --require-hashes -r requirements.lock" in deployment
    assert "pip install --no-deps -e ." in deployment
