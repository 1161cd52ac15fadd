"""The declared schema and the built database: STRICT, indexed, described, named."""

import re

import pytest
from sqlalchemy import CheckConstraint, Column

from unami import PROJECT_ROOT, schema
from unami.schema.columns import ISO_DAY_GLOB, edtf_dates
from unami.schema.diagram import mermaid

BOOKKEEPING = {"alembic_version"}  # created by alembic itself, outside the declared schema


def test_every_declared_table_is_strict_in_the_built_database(query):
    rows = query("select name, sql from sqlite_master where type = 'table'")
    created = {row["name"]: row["sql"] for row in rows}
    for name in schema.metadata.tables:
        assert re.search(r"\)\s*STRICT\s*$", created[name]), f"{name} is not STRICT"


def test_the_database_holds_exactly_the_declared_tables_plus_fts(query):
    names = {row["name"] for row in query("select name from sqlite_master where type = 'table'")}
    fts = {index.name for index in schema.FTS_INDEXES}
    shadows = {name for name in names if any(name.startswith(f + "_") for f in fts)}
    assert names - shadows - BOOKKEEPING == set(schema.metadata.tables) | fts


def test_the_database_holds_exactly_the_declared_indexes_on_their_declared_columns(query):
    """The build makes plain indexes after the rows (fact tables' after the load, summaries' after their insert)."""
    built = {
        row["name"]: (row["tbl_name"], [column["name"] for column in query(f"pragma index_info('{row['name']}')")])
        for row in query("select name, tbl_name from sqlite_master where type = 'index' and sql is not null")
    }
    declared = {
        index.name: (table.name, [column.name for column in index.columns])
        for table in schema.metadata.tables.values()
        for index in table.indexes
    }
    assert built == declared
    assert built["ix_contingent_strengths_observed_earliest"] == ("contingent_strengths", ["observed_earliest"])
    assert built["ix_tenure_spans_span_days"] == ("tenure_spans", ["span_days"])


def test_every_foreign_key_is_indexed(query):
    for table in schema.metadata.tables:
        # The first column of the primary key is indexed by the table itself.
        indexed_first_columns = {schema.metadata.tables[table].primary_key.columns[0].name}
        for index in query(f"pragma index_list('{table}')"):
            columns = query(f"pragma index_info('{index['name']}')")
            indexed_first_columns.add(columns[0]["name"])
        for foreign_key in query(f"pragma foreign_key_list('{table}')"):
            assert foreign_key["from"] in indexed_first_columns, f"{table}.{foreign_key['from']} has no index"


def test_every_constraint_is_named(query):
    for table, sql in ((r["name"], r["sql"]) for r in query("select name, sql from sqlite_master where type='table'")):
        if table not in schema.metadata.tables:
            continue
        for clause in re.findall(r"(?:^|,)\s*(CHECK|UNIQUE|FOREIGN KEY)", sql):
            pytest.fail(f"{table} has an unnamed {clause} constraint")


@pytest.mark.parametrize("table", sorted(schema.metadata.tables))
def test_every_table_and_column_is_described(table):
    declared = schema.metadata.tables[table]
    assert declared.comment and len(declared.comment) > 10
    for column in declared.columns:
        assert column.comment and len(column.comment) > 5, f"{table}.{column.name} has no description"


def _limits_in_checks(column: Column) -> dict[str, object]:
    """The limits the table's CHECK constraints put on `column`, read back from their SQL text."""
    name = rf"(?<!\w){re.escape(column.name)} "  # a whole word: `date` must not match `accessed_date`
    limits: dict[str, object] = {}
    for constraint in column.table.constraints:
        check = str(constraint.sqltext) if isinstance(constraint, CheckConstraint) else ""
        if re.search(name + re.escape("IN (0, 1)"), check):
            limits["flag"] = True
        elif match := re.search(name + r"IN \(('(?:[^']|'')*'(?:, '(?:[^']|'')*')*)\)", check):
            values = re.findall(r"'((?:[^']|'')*)'", match.group(1))
            limits["vocabulary"] = tuple(value.replace("''", "'") for value in values)
        if match := re.search(name + r">= (-?\d+)", check):
            limits["minimum"] = int(match.group(1))
        if re.search(name + re.escape(f"GLOB '{ISO_DAY_GLOB}'"), check):
            limits["iso_day"] = True
    return limits


@pytest.mark.parametrize("table", sorted(schema.metadata.tables))
def test_every_limit_a_check_sets_is_recorded_on_its_column(table):
    # Export and the site read Column.info: a CHECK written beside a column by hand would go unseen there.
    for column in schema.metadata.tables[table].columns:
        recorded = {
            key: value for key, value in column.info.items() if key in ("flag", "vocabulary", "minimum", "iso_day")
        }
        assert recorded == _limits_in_checks(column), f"{table}.{column.name}"


def test_every_edtf_date_is_four_columns_named_after_its_prefix():
    for table in schema.metadata.tables.values():
        for date in edtf_dates(table):
            names = [date.date.name, date.earliest.name, date.latest.name, date.precision.name]
            assert names == [f"{date.prefix}_{part}" for part in ("date", "earliest", "latest", "precision")]


def test_every_fact_table_carries_its_source_section():
    not_facts = {"sources", "source_sections", "mandate_components", "dataset_versions", "discrepancies"}
    not_facts |= schema.SUMMARY_TABLE_NAMES  # derived from fact rows, which keep their provenance
    for name, table in schema.metadata.tables.items():
        if name not in not_facts:
            assert "source_section_id" in table.columns, f"{name} has no provenance column"
            assert not table.columns["source_section_id"].nullable


def test_integrity_and_foreign_key_checks_are_clean(query):
    assert query("pragma integrity_check") == [{"integrity_check": "ok"}]
    assert query("pragma foreign_key_check") == []


def test_the_er_diagram_is_up_to_date():
    committed = (PROJECT_ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert committed == mermaid(), "docs/schema.md is stale: run `unami docs`"


def test_the_er_diagram_shows_every_table_and_foreign_key():
    text = mermaid()
    for table in schema.metadata.sorted_tables:
        assert f"    {table.name} {{" in text
        for foreign_key in table.foreign_keys:
            assert f'{table.name} : "{foreign_key.parent.name}"' in text


def _normalized(sql: str) -> str:
    return " ".join(sql.replace("\n", " ").split()).lower()


def test_the_build_derives_exactly_the_declared_views_and_fts_tables(query):
    """alembic check does not compare views or virtual tables: they come from their one declaration."""
    from unami.derived import VIEWS

    created = {row["name"]: row["sql"] for row in query("select name, sql from sqlite_master where sql is not null")}
    views = {row["name"] for row in query("select name from sqlite_master where type = 'view'")}
    assert views == {view.name for view in VIEWS}
    for view in VIEWS:
        assert _normalized(created[view.name]) == _normalized(view.create_sql()), f"view {view.name} drifted"
    for index in schema.FTS_INDEXES:
        assert _normalized(created[index.name]) == _normalized(index.create_sql()), f"{index.name} drifted"


def test_every_view_column_is_described_in_its_yml_in_order(query):
    from unami.derived import VIEWS

    for view in VIEWS:
        created = [row["name"] for row in query(f"pragma table_info('{view.name}')")]
        assert created == list(view.columns), f"unami/derived/{view.name}.yml does not describe its columns in order"


def test_derive_after_drop_derived_makes_the_same_objects_again(tmp_path, built_db):
    import shutil
    import sqlite3

    from unami.derived import derive_file, drop_derived_file

    path = tmp_path / "unami.db"
    shutil.copyfile(built_db, path)
    dropped = drop_derived_file(path)
    with sqlite3.connect(path) as connection:
        left = {row[0] for row in connection.execute("select name from sqlite_master where type in ('table', 'view')")}
    assert left == {table.name for table in schema.migrated_tables()} | BOOKKEEPING
    derive_file(path)
    with sqlite3.connect(path) as connection:
        again = {row[0] for row in connection.execute("select name from sqlite_master where type in ('table', 'view')")}
    with sqlite3.connect(built_db) as connection:
        built = {row[0] for row in connection.execute("select name from sqlite_master where type in ('table', 'view')")}
    assert again == built
    assert set(dropped) <= built
