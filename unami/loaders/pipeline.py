"""Read every data file, validate it, convert it to rows, and write them in one transaction.

A family's records come from its YAML file (e.g. posts.yaml) and, for large corpora, from
record files in JSON Lines, one per top-level list (e.g. appointments.jsonl): same models,
same checks, parsed ten times faster. Bulk files (a family's `stream`, e.g. monthly
strengths) are never held in memory: they are validated line by line and their rows go
straight to `executemany`, so a million observations load in bounded memory.
"""

import gc
import hashlib
import itertools
import multiprocessing
import os
import sqlite3
import time
import typing
from array import array
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils
from pydantic import BaseModel, ValidationError
from sqlalchemy import UniqueConstraint
from tqdm import tqdm

from unami import schema
from unami.loaders.context import FactDocument, Family, LoadContext, Stream, TableRows, record_name
from unami.loaders.errors import DataError, Problem
from unami.loaders.json_lines import parse_lines, read_record_file
from unami.loaders.progress import SilentProgress, progress_bar, progress_over
from unami.loaders.reading import irregular, open_regular
from unami.loaders.yaml_files import read_yaml


@dataclass
class LoadPlan:
    """Everything a load will write, known before anything is written."""

    rows: dict[str, TableRows]
    data_sha256: str
    files: list[str]
    # Bulk files, read (again) by `write`, and the natural keys their lines refer to.
    streams: list[tuple[Stream, Path, str]] = field(default_factory=list)
    context: LoadContext = field(default_factory=LoadContext)
    # Rows of each bulk table, when the streams were validated by `plan_load`.
    streamed: dict[str, int] = field(default_factory=dict)
    # The bulk layouts whose tables `write` checks for a fact loaded twice (with or without a bulk file).
    checked: list[Stream] = field(default_factory=list)


# A broken bulk file could report a million lines; past this many, one summary line.
MAX_STREAM_PROBLEMS = 100


def _record_label(document: dict, loc: tuple, context: LoadContext) -> tuple[str, tuple]:
    """Split a pydantic error location into a record label (as conversion labels it) and the field path inside it."""
    if len(loc) >= 2 and isinstance(loc[1], int):
        items = document.get(loc[0])
        raw = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        return context.label(loc[0], loc[1], record_name(raw) if isinstance(raw, dict) else None), loc[2:]
    return "(file)", loc


def validate(model: type[BaseModel], document: dict, context: LoadContext) -> BaseModel | None:
    """The validated document of the file being read, or None with its problems added to `context`."""
    try:
        return model.model_validate(document)
    except ValidationError as error:
        for item in error.errors():
            record, rest = _record_label(document, tuple(item["loc"]), context)
            context.problems.append(_problem(context.file, record, rest, item))
        return None


def _problem(file_label: str, record: str, rest: tuple, item: Mapping[str, Any]) -> Problem:
    """One pydantic error item as a Problem (file: record: field: message)."""
    field = ".".join(str(part) for part in rest) or "(record)"
    shown = repr(item.get("input"))
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    message = item["msg"].removeprefix("Value error, ")
    if item["type"] not in ("missing", "value_error"):
        message = f"{message} (got {shown})"
    return Problem(file_label, record, field, message)


def record_lists(family: Family) -> list[str]:
    """The top-level lists of a family's document, each of which may come as `<list>.jsonl`."""
    return [name for name, info in family.document.model_fields.items() if typing.get_origin(info.annotation) is list]


def family_file_names(family: Family) -> list[str]:
    """The files a family reads from a data directory, in reading order: YAML, then record files."""
    return [family.file, *(f"{name}.jsonl" for name in record_lists(family))]


def data_files(data_dirs: list[Path], families: list[Family]) -> list[tuple[Family, Path, str]]:
    """Every (family, path, label) to load, families in dependency order.

    In each directory: the family's YAML file, then its record files. `plan_load` converts
    them in the order of the lists they hold (positions before appointments).
    """
    found = []
    for family in families:
        for data_dir in data_dirs:
            for name in family_file_names(family):
                path = data_dir / name
                if os.path.lexists(path):  # a dangling link or a FIFO is found, and refused by `irregular_files`
                    found.append((family, path, str(path)))
    return found


DATA_SUFFIXES = {".yaml", ".yml", ".json", ".jsonl"}


def unknown_files(data_dirs: list[Path], families: list[Family]) -> list[Problem]:
    """A data-looking file no family reads (`event.jsonl`, `Posts.yaml`) is a mistake, not silence."""
    known = {name for family in families for name in family_file_names(family)}
    known |= {family.stream.file for family in families if family.stream}
    problems = []
    names = ", ".join(sorted(known))
    for data_dir in data_dirs:
        try:  # a missing directory or a file given as one is refused too (the CLI checks, a caller may not)
            entries = sorted(data_dir.iterdir())
        except OSError as error:
            problems.append(Problem(str(data_dir), "(directory)", "(files)", f"cannot list: {error.strerror}"))
            continue
        problems += [
            Problem(str(path), "(file)", "(name)", f"no family reads this file; data files are: {names}")
            for path in entries
            if path.suffix.lower() in DATA_SUFFIXES and path.name not in known
        ]
    return problems


def missing_families(data_dirs: list[Path], families: list[Family], found: list) -> list[Problem]:
    """A family no data directory provides is a mistake: a deleted or renamed file must not build empty tables.

    A family with no facts says so: its YAML file with empty lists, e.g. `events: []`.
    """
    provided = {family.file for family, _, _ in found}
    problems = []
    for family in families:
        if family.file in provided:
            continue
        lists = record_lists(family)
        record_files = ", ".join(f"{name}.jsonl" for name in lists)
        empty = ", ".join(f"{name}: []" for name in lists)
        message = (
            f"no data directory has {family.file}"
            + (f" or {record_files}" if record_files else "")
            + f"; to load none of its facts, write it with `{empty}`"
        )
        problems.append(Problem(str(data_dirs[0] / family.file), "(file)", "(missing)", message))
    return problems


def stream_files(data_dirs: list[Path], families: list[Family]) -> list[tuple[Stream, Path, str]]:
    """Every bulk (stream, path, label), families in dependency order."""
    return [
        (family.stream, data_dir / family.stream.file, str(data_dir / family.stream.file))
        for family in families
        if family.stream
        for data_dir in data_dirs
        if os.path.lexists(data_dir / family.stream.file)
    ]


def irregular_files(files: list[tuple[Any, Path, str]]) -> list[Problem]:
    """Data file names that are not regular files: symbolic links, FIFOs, devices, directories."""
    return [problem for _, path, label in files if (problem := irregular(path, label)) is not None]


def data_sha256(data_dirs: list[Path], families: list[Family]) -> str:
    """The SHA-256 a build of `data_dirs` records in `dataset_versions` (YAML and bulk files)."""
    files = data_files(data_dirs, families) + stream_files(data_dirs, families)
    return content_hash([path for _, path, _ in files])


def content_hash(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        # Same digest as hashing name, NUL, content, NUL in one piece, without reading a bulk file whole.
        digest.update(path.name.encode() + b"\0")
        with open_regular(path, str(path)) as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()


def stream_rows(
    stream: Stream, path: Path, file_label: str, context: LoadContext, lines: array | None = None
) -> Iterator[tuple]:
    """Validate a bulk file line by line and yield the row of each sound line.

    A line's problems go to `context.problems` (as `file: line N: field: message`) and
    the line yields nothing; the caller raises DataError once the file is read.
    `lines`, when given, receives the line number of each row yielded.
    """
    context.start_file(file_label, None)
    first_problem = len(context.problems)
    for number, document in parse_lines(path, file_label):
        if len(context.problems) - first_problem >= MAX_STREAM_PROBLEMS:
            context.problem(f"line {number}", "(file)", "too many problems; the rest of the file is not checked")
            return
        record = f"line {number}"
        if isinstance(document, Problem):
            context.problem(document.record, document.field, document.message)
            continue
        try:
            parsed = stream.record.model_validate(document)
        except ValidationError as error:
            context.problems.extend(_problem(file_label, record, tuple(item["loc"]), item) for item in error.errors())
            continue
        before = len(context.problems)
        row = stream.row(parsed, record, context)
        if len(context.problems) == before:
            if lines is not None:
                lines.append(number)
            yield row


def check_unique(context: LoadContext) -> None:
    """Report rows that a UNIQUE constraint of the schema would refuse, before anything is written.

    Keys of top-level records are checked as they are registered; this catches repeats
    inside a record's lists (two equal names of one person, one claim given twice).
    """
    for table in schema.metadata.sorted_tables:
        rows = context.rows_of(table.name)
        for constraint in table.constraints:
            if not isinstance(constraint, UniqueConstraint):
                continue
            columns = [column.name for column in constraint.columns]
            positions = [rows.columns.index(column) for column in columns]
            seen: set[tuple] = set()
            for number, row_values in enumerate(rows.values):
                values = tuple(row_values[position] for position in positions)
                if None in values:  # SQL treats NULLs as distinct
                    continue
                if values in seen:
                    row = rows[number]
                    shown = ", ".join(f"{column}={row[column]!r}" for column in columns if not column.endswith("_id"))
                    context.problem_with_row(
                        table.name,
                        row,
                        ",".join(columns),
                        f"repeats an earlier {table.name} row ({shown or 'same references'})",
                    )
                else:
                    seen.add(values)


def plan_load(data_dirs: list[Path], families: list[Family], defer_streams: bool = True) -> LoadPlan:
    """Read, validate and convert every data file; raise DataError listing every problem.

    Bulk files are validated by `write` as it inserts them into the temporary database
    (one pass instead of two; `write` raises DataError and rolls back on a problem, so
    the target is never replaced). `defer_streams=False` validates them here too.
    """
    context = LoadContext()
    files = data_files(data_dirs, families)
    streams = stream_files(data_dirs, families)
    if not files and not streams:
        dirs = ", ".join(str(d) for d in data_dirs)
        raise DataError([Problem(dirs, "(directory)", "(files)", "no data files found")])
    context.problems.extend(unknown_files(data_dirs, families))
    context.problems.extend(missing_families(data_dirs, families, files))
    # Nothing is opened, hashed or parsed unless every data file is a regular file.
    context.problems.extend(irregular_files(files + streams))
    _raise_problems(context)
    _validate_and_convert(files, context)
    _raise_problems(context)
    _check_rows(families, context)
    _raise_problems(context)
    streamed = {} if defer_streams else _validate_streams(streams, context)
    _raise_problems(context)
    return LoadPlan(
        context.rows,
        data_sha256(data_dirs, families),
        [label for *_, label in files + streams],
        streams,
        context,
        streamed,
        [family.stream for family in families if family.stream and family.stream.fact_key],
    )


def _raise_problems(context: LoadContext) -> None:
    if context.problems:
        raise DataError(context.problems)


def _validate_and_convert(files: list, context: LoadContext) -> None:
    """Read and validate every file; convert each family's files of one data directory once they are validated.

    Only one group's validated documents are held at a time (a record file of 100,000 records
    takes about 150 MiB as models); its rows replace them. Once any problem is found, later
    groups are still validated, so every file's problems are reported, but no longer converted:
    one broken record must not cascade into dozens of "unknown key" lines.
    """
    # Per-file progress on a terminal only (large corpora spend most of their time here).
    read = progress_over(files, desc="validate", unit=" files")
    for _, same_family_and_directory in itertools.groupby(read, key=lambda item: (item[0], item[1].parent)):
        group = [
            found
            for family, path, label in same_family_and_directory
            for found in _validated(family, path, label, context)
        ]
        if not context.problems:
            _convert(group, context)


def _validated(family: Family, path: Path, file_label: str, context: LoadContext) -> list:
    """The validated document of one file as `[(order, family, document, label, line numbers)]`, or `[]`."""
    line_numbers = None
    try:
        if path.suffix == ".jsonl":
            document, line_numbers = read_record_file(path, file_label, path.stem)
        else:
            document = read_yaml(path, file_label)
    except DataError as error:
        context.problems.extend(error.problems)
        return []
    context.start_file(file_label, None, line_numbers)
    parsed = validate(family.document, document, context)
    if parsed is None:
        return []
    lists = record_lists(family)
    # A family's lists are converted in the order its document declares them (positions
    # before the appointments that refer to them), whichever file of a directory holds them.
    first_list = min((lists.index(name) for name in document if name in lists), default=len(lists))
    return [((first_list, path.suffix == ".jsonl"), family, parsed, file_label, line_numbers)]


def _convert(group: list, context: LoadContext) -> None:
    """Convert one group's validated documents to rows, resolving natural keys across files.

    Each validated document is dropped once converted: its rows replace it in memory.
    """
    group.sort(key=lambda item: item[0], reverse=True)
    while group:
        _, family, parsed, file_label, line_numbers = group.pop()
        default_source = parsed.source if isinstance(parsed, FactDocument) else None
        context.start_file(file_label, default_source, line_numbers)
        family.convert(parsed, context)
        del parsed


def _check_rows(families: list[Family], context: LoadContext) -> None:
    """The rules across rows, of every file once all are converted."""
    for family in families:
        family.check_rows(context)
    check_unique(context)


def _validate_streams(streams: list, context: LoadContext) -> dict[str, int]:
    """Validate bulk files now instead of while `write` inserts them; return rows per table."""
    streamed: dict[str, int] = {}
    for stream, path, file_label in streams:
        rows = sum(1 for _ in stream_rows(stream, path, file_label, context))
        streamed[stream.table] = streamed.get(stream.table, 0) + rows
    return streamed


def write(
    db_path: Path, plan: LoadPlan, schema_revision: str, seconds: dict[str, float] | None = None
) -> dict[str, int]:
    """Insert every planned row into the migrated database at `db_path`, all or nothing.

    Only inserts: summaries and full-text indexes are derived afterwards (unami.derived); the
    tables' plain indexes are made once their rows are in (`indexes_made_after`).
    `seconds`, when given, receives the time of the load (with the commit).
    """
    seconds = {} if seconds is None else seconds
    started = time.perf_counter()
    db = sqlite_utils.Database(db_path)
    db.execute("PRAGMA foreign_keys = ON")
    data_version = f"{plan.data_sha256[:12]}-{schema_revision}"
    version = TableRows("dataset_versions")
    version.append(
        {"id": 1, "data_version": data_version, "data_sha256": plan.data_sha256, "schema_revision": schema_revision},
        ("(build)", None),
    )
    rows = {**plan.rows, "dataset_versions": version}
    # A progress bar on a terminal only: builds in CI and tests stay quiet.
    progress = progress_bar(
        total=sum(len(table_rows) for table_rows in rows.values()) + sum(plan.streamed.values()) or None,
        unit=" rows",
        unit_scale=True,
        desc="load",
    )
    with db.atomic():
        db.execute("PRAGMA defer_foreign_keys = ON")  # self-references (predecessors) may point forward
        with indexes_made_after(db.conn):
            counts = _insert_rows(db, rows, progress)
            _insert_streams(db, plan, counts, progress)
        _raise_problems(plan.context)  # rolls the transaction back
    seconds["load"] = time.perf_counter() - started  # with the commit
    progress.close()
    db.close()
    return counts


@contextmanager
def indexes_made_after(connection: sqlite3.Connection) -> Iterator[None]:
    """Drop the plain indexes of the migrated tables for the inserts; then make each again from its own SQL.

    In place, an index on scattered values (the dates of a million observations) costs a random
    B-tree insertion per row; made after the rows, it is one sort. Full scale, the fact tables'
    inserts: 17.3 s with their indexes in place, 11.2 s with them made after (2.5 s of it making
    them). The same indexes come back, with the same SQL in sqlite_schema. Kept in place: the
    indexes of UNIQUE constraints (they refuse rows as they come) and any index on a column that
    refers to its own table, which SQLite searches for each row inserted while a deferred foreign
    key is unresolved; a table's other children are inserted after it, so are empty by then.
    On an error the caller's rollback brings the dropped indexes back.
    """
    indexes = connection.execute(DROPPABLE_INDEXES).fetchall()
    for name, _ in indexes:
        connection.execute(f"DROP INDEX [{name}]")
    yield
    for _, sql in indexes:
        connection.execute(sql)


# Indexes made by CREATE INDEX (origin 'c'), not unique, on no column referring to its own table.
DROPPABLE_INDEXES = """
SELECT listed.name, indexes.sql
FROM sqlite_schema AS tables
INNER JOIN pragma_index_list(tables.name) AS listed
INNER JOIN sqlite_schema AS indexes ON indexes.name = listed.name
WHERE tables.type = 'table' AND listed.origin = 'c' AND NOT listed."unique"
    AND NOT EXISTS (
        SELECT 1 FROM pragma_index_info(listed.name) AS indexed
        INNER JOIN pragma_foreign_key_list(tables.name) AS refers
            ON refers."from" = indexed.name AND refers."table" = tables.name
    )
ORDER BY indexes.rowid
"""


def _insert_rows(db: sqlite_utils.Database, rows: dict[str, TableRows], progress) -> dict[str, int]:
    """Insert the converted rows, table by table in the migrated order; return rows per table."""
    existing = set(db.table_names())
    counts = {}
    for table in schema.migrated_tables():
        if table.name not in existing:
            raise RuntimeError(f"table {table.name} is missing: the database is not migrated to head")
        table_rows = rows.get(table.name)
        if table_rows is None:
            counts[table.name] = 0
            continue
        # Plain executemany of the queued tuples: about 3x the rows/s of insert_all (see the benchmark).
        db.conn.executemany(_insert_sql(table.name, list(table_rows.columns)), table_rows.values)
        counts[table.name] = len(table_rows)
        progress.update(len(table_rows))
    return counts


def _insert_streams(db: sqlite_utils.Database, plan: LoadPlan, counts: dict[str, int], progress) -> None:
    """Validate and insert the bulk files line by line, numbering ids after the rows already in."""
    spans: dict[str, list[tuple[int, str, array]]] = {}
    for stream, path, file_label in plan.streams:
        first_id = counts.get(stream.table, 0) + 1
        lines = array("Q")  # the line of each row: 8 bytes a row, to name the line of a repeated fact
        spans.setdefault(stream.table, []).append((first_id, file_label, lines))
        batches = _counted(_stream_rows_in_child(stream, path, file_label, plan.context, lines, first_id), progress)
        before = db.conn.total_changes
        # chain.from_iterable hands the rows to executemany in C: no Python step a row in this process
        db.conn.executemany(_insert_sql(stream.table, ["id", *stream.columns]), itertools.chain.from_iterable(batches))
        counts[stream.table] = counts.get(stream.table, 0) + db.conn.total_changes - before
    for stream in plan.checked:
        if not plan.context.problems:
            _refuse_repeated_facts(db, stream, spans.get(stream.table, []), plan.context)


def _stream_rows_in_child(
    stream: Stream, path: Path, file_label: str, context: LoadContext, lines: array, first_id: int
) -> Iterator[list[tuple]]:
    """Batches of `stream_rows`, numbered from `first_id`, validated in a child process.

    Its problems and the rows' lines join `context` and `lines` once the last batch is out.
    """
    first_problem = len(context.problems)

    def found() -> tuple[list[Problem], array]:  # in the child, once its rows are sent
        return context.problems[first_problem:], lines

    def add(result: tuple[list[Problem], array]) -> None:
        problems, numbers = result
        context.problems.extend(problems)
        lines.extend(numbers)

    def numbered() -> Iterator[tuple]:
        rows = stream_rows(stream, path, file_label, context, lines)
        return ((row_id, *row) for row_id, row in enumerate(rows, first_id))

    return batches_in_child_process(numbered, found, add)


def _refuse_repeated_facts(
    db: sqlite_utils.Database, stream: Stream, spans: list[tuple[int, str, array]], context: LoadContext
) -> None:
    """Report every row of a bulk table that repeats an earlier row's fact, from a data file or a bulk line.

    Asked of SQLite once everything is inserted (GROUP BY treats NULLs as equal), so memory stays bounded.
    """
    columns = ", ".join(f"[{column}]" for column in stream.fact_key)
    repeats = db.conn.execute(
        f"SELECT min(id), group_concat(id) FROM [{stream.table}] GROUP BY {columns} HAVING count(*) > 1 "
        f"ORDER BY min(id) LIMIT {MAX_STREAM_PROBLEMS}"
    ).fetchall()
    curated = {row["id"]: row for row in context.rows_of(stream.table)}

    def where(row_id: int) -> tuple[str, str]:
        if row_id in curated:
            file, record = context.origin(stream.table, curated[row_id])
            return file, record or f"{stream.table} {row_id}"
        first_id, file, lines = next(span for span in spans if 0 <= row_id - span[0] < len(span[2]))
        return file, f"line {lines[row_id - first_id]}"

    named = ", ".join(column.removesuffix("_id").replace("_", " ") for column in stream.fact_key)
    for first, ids in repeats:
        earlier = " ".join(where(first))
        for row_id in sorted(int(text) for text in ids.split(","))[1:]:
            file, record = where(row_id)
            context.problems.append(Problem(file, record, "(record)", f"repeats the fact of {earlier} (same {named})"))


def batches_in_child_process(
    rows: Callable[[], Iterator[tuple]], finish: Callable[[], Any], finished: Callable[[Any], None], batch: int = 2_000
) -> Iterator[list[tuple]]:
    """The rows of `rows()` in lists of `batch`, produced by a forked child process a few batches ahead.

    Validating a bulk line is Python and needs the GIL, which the inserting thread takes back after
    every row: a producer thread ran in turn with the inserts, not beside them (scale 0.3: load
    10.5 s with a thread, 9.9 s without one). A child process runs beside them on another core.
    Forked, it starts with the plan's keys, neither copied nor pickled; its rows come back pickled
    in batches through a pipe, whose buffer holds a few batches. Once the rows are out, the child
    sends `finish()` (say, the problems it found), which the consumer hands to `finished`. An
    error of the child is raised here (ChildProcessError if it died without one); a consumer
    that stops early (a failed insert) kills it.
    """
    fork = multiprocessing.get_context("fork")
    receiving, sending = fork.Pipe(duplex=False)
    child = fork.Process(target=_send_rows, args=(sending, rows, finish, batch), name="validate-bulk", daemon=True)
    gc.freeze()  # the child's collections then leave the parent's objects alone: their pages stay shared
    try:
        child.start()
    finally:
        gc.unfreeze()
    sending.close()
    try:
        while True:
            try:
                kind, payload = receiving.recv()
            except EOFError:  # the child died without a word (killed, out of memory)
                child.join()
                message = f"the process validating a bulk file ended early (exit code {child.exitcode})"
                raise ChildProcessError(message) from None
            if kind == "error":
                raise payload
            if kind == "finish":
                finished(payload)
                return
            yield payload
    finally:
        receiving.close()
        if child.is_alive():
            child.kill()
        child.join()


def _send_rows(sending, rows: Callable[[], Iterator[tuple]], finish: Callable[[], Any], batch: int) -> None:
    """In the child process: send `rows()` in batches, then `finish()`, or the error that stopped it."""
    try:
        produced = rows()
        for chunk in iter(lambda: list(itertools.islice(produced, batch)), []):
            sending.send(("rows", chunk))
        sending.send(("finish", finish()))
    except BaseException as error:  # noqa: BLE001 (handed to the consumer, which raises it)
        sending.send(("error", error))
    finally:
        sending.close()


def _insert_sql(table: str, columns: list[str]) -> str:
    names = ", ".join(f"[{column}]" for column in columns)
    return f"INSERT INTO [{table}] ({names}) VALUES ({', '.join('?' * len(columns))})"


def _counted(batches: Iterator[list[tuple]], progress: tqdm | SilentProgress) -> Iterator[list[tuple]]:
    """Pass batches of rows through, moving the progress bar by each batch's rows as it is handed on."""
    for rows in batches:
        progress.update(len(rows))
        yield rows
