"""Read every data file, validate it, convert it to rows, and write them in one transaction."""

import hashlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import sqlite_utils
from pydantic import BaseModel, ValidationError

import schema
from loaders.context import LoadContext
from loaders.errors import DataError, Problem
from loaders.yaml_files import read_yaml


@dataclass
class LoadPlan:
    """Everything a load will write, known before anything is written."""

    rows: dict[str, list[dict]]
    data_sha256: str
    files: list[str]


def _record_label(document: dict, loc: tuple) -> tuple[str, tuple]:
    """Split a pydantic error location into a record label and the field path inside it."""
    if len(loc) >= 2 and isinstance(loc[1], int):
        items = document.get(loc[0])
        name = None
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            raw = items[loc[1]]
            name = next((str(raw[k]) for k in ("key", "iso3", "number", "name") if k in raw), None)
        return f"{loc[0]}[{loc[1]}]" + (f" ({name})" if name else ""), loc[2:]
    return "(file)", loc


def validate(model: type[BaseModel], document: dict, file_label: str) -> tuple[BaseModel | None, list[Problem]]:
    try:
        return model.model_validate(document), []
    except ValidationError as error:
        problems = []
        for item in error.errors():
            record, rest = _record_label(document, tuple(item["loc"]))
            field = ".".join(str(part) for part in rest) or "(record)"
            shown = repr(item.get("input"))
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            message = item["msg"].removeprefix("Value error, ")
            if item["type"] not in ("missing", "value_error"):
                message = f"{message} (got {shown})"
            problems.append(Problem(file_label, record, field, message))
        return None, problems


def data_files(data_dirs: list[Path], families: list[ModuleType]) -> list[tuple[ModuleType, Path, str]]:
    """Every (family, path, label) to load, families in dependency order."""
    found = []
    for family in families:
        for data_dir in data_dirs:
            path = data_dir / family.FILE
            if path.exists():
                found.append((family, path, str(path)))
    return found


def content_hash(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def plan_load(data_dirs: list[Path], families: list[ModuleType]) -> LoadPlan:
    """Read, validate and convert every data file; raise DataError listing every problem."""
    context = LoadContext()
    files = data_files(data_dirs, families)
    if not files:
        dirs = ", ".join(str(d) for d in data_dirs)
        raise DataError([Problem(dirs, "(directory)", "(files)", "no data files found")])
    # Phase 1: read and validate every file. Reference checks wait until all files are
    # valid, so one broken record does not cascade into dozens of "unknown key" lines.
    validated = []
    for family, path, file_label in files:
        try:
            document = read_yaml(path, file_label)
        except DataError as error:
            context.problems.extend(error.problems)
            continue
        parsed, problems = validate(family.Document, document, file_label)
        context.problems.extend(problems)
        if parsed is not None:
            validated.append((family, parsed, file_label))
    if context.problems:
        raise DataError(context.problems)
    # Phase 2: convert to rows, resolving natural keys across files.
    for family, parsed, file_label in validated:
        context.start_file(file_label, getattr(parsed, "source", None))
        family.convert(parsed, context)
    for check in (family for family in families if hasattr(family, "check_rows")):
        check.check_rows(context)
    if context.problems:
        raise DataError(context.problems)
    return LoadPlan(context.rows, content_hash([path for _, path, _ in files]), [label for *_, label in files])


def write(db_path: Path, plan: LoadPlan, schema_revision: str) -> dict[str, int]:
    """Insert every planned row into the migrated database at `db_path`, all or nothing."""
    db = sqlite_utils.Database(db_path)
    db.execute("PRAGMA foreign_keys = ON")
    existing = set(db.table_names())
    data_version = f"{plan.data_sha256[:12]}-{schema_revision}"
    rows = dict(plan.rows)
    rows["dataset_versions"] = [
        {"id": 1, "data_version": data_version, "data_sha256": plan.data_sha256, "schema_revision": schema_revision}
    ]
    counts = {}
    with db.atomic():
        db.execute("PRAGMA defer_foreign_keys = ON")  # self-references (predecessors) may point forward
        for table in schema.metadata.sorted_tables:
            table_rows = rows.get(table.name, [])
            if table.name not in existing:
                raise RuntimeError(f"table {table.name} is missing: the database is not migrated to head")
            columns = [column.name for column in table.columns]
            unknown = {key for row in table_rows for key in row} - set(columns)
            if unknown:
                raise RuntimeError(f"rows for {table.name} carry unknown columns {sorted(unknown)}")
            db[table.name].insert_all(
                ({column: row.get(column) for column in columns} for row in table_rows),
                alter=False,
                batch_size=1000,
            )
            counts[table.name] = len(table_rows)
        for index in schema.FTS_INDEXES:
            db.execute(f"INSERT INTO {index.name}({index.name}) VALUES ('rebuild')")
    db.close()
    return counts
