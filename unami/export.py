"""Export a built database as open data: one CSV per declared table plus a Frictionless Data Package.

The package descriptor (`datapackage.json`, Data Package v1, tabular profile) is
derived from the declared schema, not from the database: field types, required
and unique columns, vocabularies, primary and foreign keys and every description
come from `schema/`. Rows, sources and the data version come from the database.

    >>> export(Path("unami.db"), Path("out"))  # doctest: +SKIP
    ExportResult(directory=PosixPath('out'), row_counts={'sources': 2, ...}, ...)
"""

import csv
import hashlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Column, Float, Integer, Table, Text, UniqueConstraint

from unami import release, schema
from unami.files import connect_read_only

FORMATS = ("datapackage", "csv")
DESCRIPTOR = "datapackage.json"
NOTICE = "README.md"


class ExportError(Exception):
    """The database cannot be exported as asked (a user's mistake, one readable line)."""


@dataclass
class ExportResult:
    directory: Path
    row_counts: dict[str, int]
    data_version: str
    files: list[Path]


def declared_tables() -> list[Table]:
    """The tables of the declared schema in declaration order (no FTS shadow tables, no alembic_version)."""
    return list(schema.metadata.tables.values())


# --- Table Schema from the declared schema ---------------------------------


def _is_unique(column: Column) -> bool:
    # A column of a composite primary key is not unique on its own.
    if column.unique or (column.primary_key and len(column.table.primary_key.columns) == 1):
        return True
    return any(
        isinstance(constraint, UniqueConstraint) and [c.name for c in constraint.columns] == [column.name]
        for constraint in column.table.constraints
    )


def field_descriptor(column: Column) -> dict:
    """The Table Schema field of one declared column: type, description and constraints."""
    field: dict = {"name": column.name}
    facts = column.info  # what the column builder recorded (see schema/columns.py)
    if isinstance(column.type, Integer):
        if facts.get("flag"):
            # STRICT tables have no boolean: flags are stored as 0/1 and read back as booleans.
            field.update(type="boolean", trueValues=["1"], falseValues=["0"])
        else:
            field["type"] = "integer"
    elif isinstance(column.type, Float):
        field["type"] = "number"
    elif isinstance(column.type, Text):
        # A column held to ISO days (YYYY-MM-DD) may be parsed as a date by readers.
        field["type"] = "date" if facts.get("iso_day") else "string"
    else:
        raise TypeError(f"{column.table.name}.{column.name}: no Table Schema type for {column.type!r}; add a mapping")
    if column.comment:
        field["description"] = column.comment
    constraints: dict[str, object] = {}
    if not column.nullable:
        constraints["required"] = True
    if _is_unique(column):
        constraints["unique"] = True
    if "vocabulary" in facts:
        constraints["enum"] = list(facts["vocabulary"])
    if "minimum" in facts:
        constraints["minimum"] = facts["minimum"]
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(table: Table) -> dict:
    """The Table Schema of one declared table, with its primary key and foreign keys."""
    descriptor: dict = {
        "fields": [field_descriptor(column) for column in table.columns],
        "primaryKey": [column.name for column in table.primary_key.columns],
    }
    foreign_keys = []
    for constraint in sorted(table.foreign_key_constraints, key=lambda c: [col.name for col in c.columns]):
        target = constraint.referred_table.name
        foreign_keys.append(
            {
                "fields": [column.name for column in constraint.columns],
                # Table Schema v1: an empty resource name refers to the table itself.
                "reference": {
                    "resource": "" if target == table.name else target,
                    "fields": [element.column.name for element in constraint.elements],
                },
            }
        )
    if foreign_keys:
        descriptor["foreignKeys"] = foreign_keys
    return descriptor


# --- Rows -------------------------------------------------------------------


def _cell(value):
    # NULL becomes the empty string, Table Schema's default missing value.
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, bytes):
        raise TypeError("BLOB values have no CSV form here; add an encoding to unami/export.py")
    return value


def write_csv(connection: sqlite3.Connection, table: Table, path: Path) -> int:
    """Write every row of `table` to `path` (UTF-8, header row, ordered by primary key); return the row count."""
    names = [column.name for column in table.columns]
    columns = ", ".join(f'"{name}"' for name in names)
    order = ", ".join(f'"{column.name}"' for column in table.primary_key.columns) or "rowid"
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(names)
        for row in connection.execute(f'SELECT {columns} FROM "{table.name}" ORDER BY {order}'):
            writer.writerow([_cell(value) for value in row])
            count += 1
    return count


def _file_facts(path: Path) -> dict:
    content = path.read_bytes()
    return {"bytes": len(content), "hash": "sha256:" + hashlib.sha256(content).hexdigest()}


# --- The package ------------------------------------------------------------


def _sources(connection: sqlite3.Connection) -> list[dict]:
    sources = []
    for row in release.sources(connection):
        source = {"title": f"{row['name']} ({row['publisher']})" if row["publisher"] else row["name"]}
        if row["url"]:
            source["path"] = row["url"]
        sources.append(source)
    return sources


def package_descriptor(resources: list[dict], sources: list[dict], data_version: str) -> dict:
    """The datapackage.json of an export: metadata, licences, sources, attribution and resources."""
    return {
        "profile": "tabular-data-package",
        "name": "unami-db",
        "title": "unami-db: United Nations Assistance Mission for Iraq",
        "description": (
            "A normalized, sourced database of the United Nations Assistance Mission for Iraq (UNAMI): "
            "leaders and tenures, Security Council resolutions, mandate, timeline, outcomes, staffing and "
            "contingents. Every fact row names the source section it came from.\n\n"
            f"{release.attribution()}\n\nData version {data_version}."
        ),
        "version": data_version,
        "keywords": ["UNAMI", "United Nations", "Iraq", "peace operations", "political missions"],
        "licenses": [release.DATA_LICENCE],
        "sources": sources,
        # Not part of the standard: properties a reader needs to reuse the data lawfully.
        "attribution": release.attribution(),
        "software": {"name": "unami-db", "licenses": [release.CODE_LICENCE]},
        "resources": resources,
    }


def _open(db_path: Path) -> sqlite3.Connection:
    if not db_path.is_file():
        raise ExportError(f"{db_path}: no such database; run `unami build --db {db_path}` first")
    return connect_read_only(db_path)


def _missing_tables(connection: sqlite3.Connection, tables: list[Table]) -> list[str]:
    present = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [table.name for table in tables if table.name not in present]


def export(db_path: Path, directory: Path, format: str = "datapackage") -> ExportResult:
    """Export every declared table of `db_path` to `directory` as CSV, plus datapackage.json for 'datapackage'."""
    if format not in FORMATS:
        raise ExportError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    db_path, directory = Path(db_path), Path(directory)
    try:
        version = release.data_version(db_path)
    except release.ReleaseError as error:
        raise ExportError(str(error)) from error
    tables = declared_tables()
    connection = _open(db_path)
    try:
        missing = _missing_tables(connection, tables)
        if missing:
            raise ExportError(
                f"{db_path} lacks declared table(s) {', '.join(missing)}; rebuild it with `unami build --db {db_path}`"
            )
        directory.mkdir(parents=True, exist_ok=True)
        counts, resources, files = {}, [], []
        for table in tables:
            path = directory / f"{table.name}.csv"
            counts[table.name] = write_csv(connection, table, path)
            files.append(path)
            resources.append(
                {
                    "name": table.name,
                    "path": path.name,
                    "profile": "tabular-data-resource",
                    "description": table.comment or "",
                    "format": "csv",
                    "mediatype": "text/csv",
                    "encoding": "utf-8",
                    # Declared rather than sniffed, so a reader never guesses the delimiter from a sample.
                    "dialect": {"delimiter": ",", "doubleQuote": True, "header": True, "lineTerminator": "\n"},
                    **_file_facts(path),
                    "schema": table_schema(table),
                }
            )
        sources = _sources(connection)
    finally:
        connection.close()
    notice = directory / NOTICE
    notice.write_text(_notice(version, counts, format), encoding="utf-8")
    files.append(notice)
    if format == "datapackage":
        descriptor = directory / DESCRIPTOR
        package = package_descriptor(resources, sources, version)
        descriptor.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        files.append(descriptor)
    return ExportResult(directory, counts, version, files)


def _notice(version: str, counts: dict[str, int], format: str) -> str:
    lines = [
        "# unami-db export",
        "",
        f"Data version: {version}",
        "",
        "## Attribution and licence",
        "",
        release.attribution(),
        "",
        "## Files",
        "",
        *(f"- `{name}.csv`: {count} row(s)" for name, count in counts.items()),
    ]
    if format == "datapackage":
        lines += ["- `datapackage.json`: Frictionless Data Package describing every file, field and key", ""]
    else:
        lines.append("")
    return "\n".join(lines)
