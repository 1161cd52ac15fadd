"""What every family loader shares: the record models' base, ids, references, rows.

Loading is two steps. `convert` (per family) turns validated records into
rows, assigning ids in file order and resolving natural keys to ids, and
collects every problem instead of stopping at the first. `write` inserts the
rows only when no family reported a problem.
"""

import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from unami.loaders.dates import DateProblem, date_columns, parse_date
from unami.loaders.errors import Problem


def _year_as_text(value: Any) -> Any:
    # YAML reads a bare 2004 as an integer; EDTF wants the text.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _valid_edtf(value: str) -> str:
    try:
        parse_date(value)
    except DateProblem as error:
        raise ValueError(str(error)) from None
    return value


# An EDTF date string, checked while the record is validated.
EdtfText = Annotated[str, BeforeValidator(_year_as_text), AfterValidator(_valid_edtf)]

# The start of a record label made by `label()`: `events[2]`.
RECORD_INDEX = re.compile(r"^(\w+)\[(\d+)\]")

# A natural key: lowercase words joined by hyphens, e.g. `staffan-de-mistura`.
Key = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]


class Record(BaseModel):
    """Base of every record model: unknown fields are errors (they catch typos)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=False)


class Fact(Record):
    """A record stating a fact: it names the section (and optionally the source) stating it."""

    section: str
    source: str | None = None


class LoadContext:
    """Ids, natural-key lookups, pending rows and problems of one load."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict]] = {}
        self.ids: dict[str, dict[str, int]] = {}
        self.problems: list[Problem] = []
        self.file = "(none)"
        self.default_source: str | None = None
        self.line_numbers: list[int] | None = None
        self.record_list: str | None = None
        # (table, id) -> (file, record label) the row came from, for problems found after conversion.
        self.origins: dict[tuple[str, int], tuple[str, str | None]] = {}
        # The record whose provenance was resolved last: the record of the row being built.
        self.current_record: str | None = None

    # -- bookkeeping ---------------------------------------------------------

    def start_file(self, label: str, default_source: str | None, line_numbers: list[int] | None = None) -> None:
        """Start converting a file; `line_numbers` (record index -> line) for a JSON Lines record file."""
        self.file = label
        self.default_source = default_source
        self.line_numbers = line_numbers
        self.record_list = Path(label).stem if line_numbers is not None else None

    def located(self, record: str) -> str:
        """A record's label as problems show it: in a record file, by line (`events[2] (c)` -> `line 4 (c)`)."""
        if self.line_numbers is None:
            return record
        match = RECORD_INDEX.match(record)
        if match and match[1] == self.record_list and int(match[2]) < len(self.line_numbers):
            return f"line {self.line_numbers[int(match[2])]}" + record[match.end() :]
        return record

    def problem(self, record: str, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, self.located(record), field, message))

    def register_ahead(self, table: str, keys: list[str]) -> None:
        """Register the keys of rows about to be added, in order, so they may refer forward to each other."""
        first_id = len(self.rows.get(table, [])) + 1
        for offset, key in enumerate(keys):
            self.register(table, key, first_id + offset, label(table, offset, key))

    def add(self, table: str, row: dict) -> int:
        """Queue a row for `table`, giving it the next id; return that id."""
        rows = self.rows.setdefault(table, [])
        row = {"id": len(rows) + 1, **row}
        rows.append(row)
        record = self.current_record
        self.origins[(table, row["id"])] = (self.file, self.located(record) if record else None)
        self.current_record = None
        return row["id"]

    def problem_with_row(self, table: str, row: dict, field: str, message: str) -> None:
        """Report a problem found after conversion, naming the row's own file and key."""
        file, record = self.origins.get((table, row["id"]), ("(unknown file)", None))
        if row.get("key") or record is None:
            record = f"{table} {row.get('key') or row['id']}"
        self.problems.append(Problem(file, record, field, message))

    # -- natural keys --------------------------------------------------------

    def register(self, table: str, key: str, row_id: int, record: str, field: str = "key") -> None:
        known = self.ids.setdefault(table, {})
        if key in known:
            self.problem(record, field, f"duplicate {table} key {key!r}; keys must be unique")
            return
        known[key] = row_id

    def ref(self, table: str, key: str | None, record: str, field: str) -> int | None:
        """Resolve a natural key to an id; an unknown key is a problem (returns None)."""
        if key is None:
            return None
        row_id = self.ids.get(table, {}).get(key)
        if row_id is None:
            known = sorted(self.ids.get(table, {}))
            hint = ", ".join(known[:8]) + (", ..." if len(known) > 8 else "")
            self.problem(record, field, f"unknown {table} key {key!r} (known: {hint or 'none'})")
        return row_id

    def has(self, table: str, key: str) -> bool:
        return key in self.ids.get(table, {})

    # -- shared columns ------------------------------------------------------

    def provenance(self, fact: Fact, record: str) -> dict:
        self.current_record = record
        source = fact.source or self.default_source
        if source is None:
            if self.file.endswith(".jsonl"):
                message = "no source given (JSON Lines has no file-level default: each fact names its source)"
            else:
                message = "no source given and the file sets no default `source:`"
            self.problem(record, "source", message)
            return {"source_section_id": None}
        section_id = self.ref("source_sections", f"{source}#{fact.section}", record, "section")
        return {"source_section_id": section_id}

    def date(self, prefix: str, value: str | None, record: str, field: str) -> dict:
        try:
            return date_columns(prefix, value)
        except DateProblem as error:
            self.problem(record, field, str(error))
            return date_columns(prefix, None)


def label(kind: str, index: int, name: str | None = None) -> str:
    """How a record is named in messages: `people[3] (de-mistura)`."""
    return f"{kind}[{index}]" + (f" ({name})" if name else "")
