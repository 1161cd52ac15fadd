"""What every family loader shares: the Family contract, the record models' base, ids, references, rows.

Loading is two steps. `convert` (per family) turns validated records into
rows, assigning ids in file order and resolving natural keys to ids, and
collects every problem instead of stopping at the first; then `check_rows`
(per family) applies the rules that compare rows, across every file. `write`
inserts the rows only when no family reported a problem.
"""

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict, model_validator

from unami import schema
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

# The site refuses one value over 10 MB (unami/datasette_limits.py); a fact's text is far shorter,
# so a build refuses text over 1 MB: a value that large is a pasted file, not a stated fact.
MAX_TEXT_BYTES = 1_000_000

# C0 controls (NUL, ESC, ...), DEL and C1 controls; newline and tab are allowed in Text, not in a Label.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"[\t\n\r\u2028\u2029]")


def _plain_text(value: str) -> str:
    # Whitespace is stripped first (Record's str_strip_whitespace), so a blank value arrives empty.
    if not value:
        raise ValueError("is empty or blank; give the text, or leave an optional field out")
    control = _CONTROL.search(value)
    if control:
        raise ValueError(f"holds control character U+{ord(control.group()):04X}; text may hold newlines and tabs only")
    if len(value) > MAX_TEXT_BYTES // 4 and len(value.encode("utf-8")) > MAX_TEXT_BYTES:
        size = len(value.encode("utf-8"))
        raise ValueError(f"is {size:,} bytes, over the limit of {MAX_TEXT_BYTES:,} bytes for one value")
    return value


def _one_line(value: str) -> str:
    brk = _LINE_BREAK.search(value)
    if brk:
        raise ValueError(f"holds a line break or tab (U+{ord(brk.group()):04X}); a name is one line")
    return value


# Free text (a note, a description): not blank, no control characters but newline and tab, at most 1 MB.
Text = Annotated[str, AfterValidator(_plain_text)]
# A name, a label or a section title: Text on one line.
Label = Annotated[str, AfterValidator(_plain_text), AfterValidator(_one_line)]


def _whole_number(value: Any) -> Any:
    # YAML 1.1 reads `yes`/`on`/`true` as booleans and pydantic would count them as 1; the data files'
    # YAML reader keeps 077 (octal 63 in YAML 1.1) and 1:17 (base 60: 77) as the text written, refused
    # here rather than read as the decimal someone may have meant.
    if isinstance(value, bool):
        raise ValueError(f"{str(value).lower()} is a yes/no value, not a number; write the number in digits")
    if isinstance(value, str) and re.fullmatch(r"[-+]?[0-9][0-9_:]*|[-+]?0[xXoObB][0-9a-fA-F_]+", value.strip()):
        raise ValueError(
            f"{value!r} is not a plain decimal number (YAML 1.1 reads a leading 0 as octal and 1:17 as base 60); "
            "write the digits without leading zeros, colons or underscores"
        )
    return value


# A whole number written as one: an integer, never a boolean, a float or digits in a string.
WholeNumber = Annotated[int, BeforeValidator(_whole_number), Strict()]

# A natural key: lowercase words joined by hyphens, e.g. `staffan-de-mistura`.
Key = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]


class Record(BaseModel):
    """Base of every record model: unknown fields are errors (they catch typos)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=False)

    def columns(self, *names: str) -> dict[str, Any]:
        """The named fields, for the columns of the same names: `{"key": ..., "name": ...}`."""
        return {name: getattr(self, name) for name in names}


class Fact(Record):
    """A record stating a fact: it names the section (and optionally the source) stating it."""

    section: Label
    source: Label | None = None


class FactDocument(Record):
    """A data file of facts: `source` is the source they cite unless a fact names its own."""

    source: Label | None = None


D = TypeVar("D", bound=Record)  # a family's document
S = TypeVar("S", bound=Record)  # a line of a bulk file
R = TypeVar("R", bound=Record)  # a record of a list
T = TypeVar("T")


def exactly_one_of(*names: str, message: str = "") -> Any:
    """A record validator: exactly one of the fields `names` is given, the others left out (None).

    In a model's body: `_one_party = exactly_one_of("person", "organization", "country")`. The problem
    says which were given, unless `message` says better what to give.
    """

    def check(record: R) -> R:
        given = [name for name in names if getattr(record, name) is not None]
        if len(given) != 1:
            raise ValueError(message or f"give exactly one of {', '.join(names)} (got {given or 'none'})")
        return record

    return model_validator(mode="after")(check)


class TableRows:
    """A table's queued rows, held as tuples in the table's column order and read as dicts.

    A large corpus queues hundreds of thousands of rows before writing: a dict of 12 to 21 columns
    takes 464 bytes, the tuple of its values 136 to 208. Each row also keeps the (file, record)
    it came from, for problems found after conversion.
    """

    def __init__(self, table: str) -> None:
        self.table = table
        self.columns = tuple(column.name for column in schema.metadata.tables[table].columns)
        self._known = frozenset(self.columns)
        self.values: list[tuple] = []
        self.origins: list[tuple[str, str | None]] = []

    def append(self, row: Mapping[str, object], origin: tuple[str, str | None]) -> None:
        if not self._known.issuperset(row):
            unknown = sorted(set(row) - self._known)
            raise RuntimeError(f"rows for {self.table} carry unknown columns {unknown}")
        self.values.append(tuple(map(row.get, self.columns)))
        self.origins.append(origin)

    def __len__(self) -> int:
        return len(self.values)

    def column(self, name: str) -> list:
        """One column's values, row by row."""
        position = self.columns.index(name)
        return [values[position] for values in self.values]

    def __getitem__(self, index: int) -> dict:
        return dict(zip(self.columns, self.values[index], strict=True))

    def __iter__(self) -> Iterator[dict]:
        columns = self.columns
        return (dict(zip(columns, values, strict=True)) for values in self.values)


class LoadContext:
    """Ids, natural-key lookups, pending rows and problems of one load."""

    def __init__(self) -> None:
        self.rows: dict[str, TableRows] = {}
        self.ids: dict[str, dict[str, int]] = {}
        self.problems: list[Problem] = []
        self.file = "(none)"
        self.default_source: str | None = None
        self.line_numbers: list[int] | None = None
        self.record_list: str | None = None

    # -- bookkeeping ---------------------------------------------------------

    def start_file(self, label: str, default_source: str | None, line_numbers: list[int] | None = None) -> None:
        """Start reading a file; `line_numbers` (record index -> line) for a JSON Lines record file."""
        self.file = label
        self.default_source = default_source
        self.line_numbers = line_numbers
        self.record_list = Path(label).stem if line_numbers is not None else None

    def label(self, list_name: str, index: int, name: str | None = None) -> str:
        """How problems name a record: `people[3] (de-mistura)`; in a record file, by line: `line 5 (de-mistura)`."""
        if self.line_numbers is not None and list_name == self.record_list and index < len(self.line_numbers):
            place = f"line {self.line_numbers[index]}"
        else:
            place = f"{list_name}[{index}]"
        return place + (f" ({name})" if name else "")

    def records(
        self, list_name: str, items: list[R], name: Callable[[R], str] | None = None
    ) -> Iterator[tuple[str, R]]:
        """Each record of a top-level list with its label, named by `name` or by its NAMING_FIELDS."""
        for index, item in enumerate(items):
            yield self.label(list_name, index, name(item) if name else record_name(vars(item))), item

    def nested(self, record: str, field: str, items: list[T]) -> Iterator[tuple[str, T]]:
        """Each item of a record's list with its label: `people[3] (de-mistura).names[0]`."""
        for index, item in enumerate(items):
            yield f"{record}.{field}[{index}]", item

    def problem(self, record: str, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, record, field, message))

    def register_ahead(self, table: str, keys: list[str]) -> None:
        """Register the keys of rows about to be added, in order, so they may refer forward to each other."""
        first_id = len(self.rows.get(table, [])) + 1
        for offset, key in enumerate(keys):
            self.register(table, key, first_id + offset, self.label(table, offset, key))

    def add(self, table: str, row: dict, record: str | None = None) -> int:
        """Queue a row for `table`, giving it the next id; return that id. `record`: the record it states."""
        rows = self.rows.get(table)
        if rows is None:
            rows = self.rows[table] = TableRows(table)
        row_id = len(rows) + 1
        rows.append({"id": row_id, **row}, (self.file, record))
        return row_id

    def add_fact(self, table: str, fact: Fact, record: str, row: dict) -> int:
        """Queue `row` with the source section stating `fact` (see `provenance`); return its id."""
        return self.add(table, {**row, **self.provenance(fact, record)}, record)

    def rows_of(self, table: str) -> TableRows:
        """The rows queued for `table` (none yet: empty)."""
        rows = self.rows.get(table)
        return TableRows(table) if rows is None else rows

    def origin(self, table: str, row: dict) -> tuple[str, str | None]:
        """The file and the record label a queued row came from (no label: a row no record states alone)."""
        rows = self.rows.get(table)
        if rows is None or not 0 < row["id"] <= len(rows):  # a row not queued here (a bulk line)
            return ("(unknown file)", None)
        return rows.origins[row["id"] - 1]

    def problem_with_row(self, table: str, row: dict, field: str, message: str) -> None:
        """Report a problem found after conversion, naming the row's own file and key."""
        file, record = self.origin(table, row)
        if row.get("key") or record is None:
            record = f"{table} {row.get('key') or row['id']}"
        self.problems.append(Problem(file, record, field, message))

    def problem_in_record(self, table: str, row: dict, field: str, message: str, named: str | None = None) -> None:
        """Report a problem found after conversion, naming the record the row came from (or `named`) in its file."""
        file, record = self.origin(table, row)
        self.problems.append(Problem(file, named or record or f"{table} {row['id']}", field, message))

    # -- natural keys --------------------------------------------------------

    def register(self, table: str, key: str, row_id: int, record: str, field: str = "key") -> None:
        known = self.ids.setdefault(table, {})
        if key in known:
            self.problem(record, field, f"duplicate {table} key {key!r}; keys must be unique")
            return
        known[key] = row_id

    def ref(self, table: str, key: str | int | None, record: str, field: str) -> int | None:
        """Resolve a natural key (a resolution's number as well) to an id; an unknown key is a problem (None)."""
        if key is None:
            return None
        key = str(key)
        row_id = self.ids.get(table, {}).get(key)
        if row_id is None:
            known = sorted(self.ids.get(table, {}))
            hint = ", ".join(known[:8]) + (", ..." if len(known) > 8 else "")
            self.problem(record, field, f"unknown {table} key {key!r} (known: {hint or 'none'})")
        return row_id

    # -- shared columns ------------------------------------------------------

    def provenance(self, fact: Fact, record: str) -> dict:
        """The `source_section_id` column of a fact: its section of its own source or of the file's default."""
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


# The fields that name a record in problems, the first one it has: `people[3] (de-mistura)`.
NAMING_FIELDS = ("key", "iso3", "number", "name")


def record_name(fields: Mapping[str, object]) -> str | None:
    """The name problems give a record (validated, or raw while it is validated): its first NAMING_FIELDS value."""
    return next((str(fields[field]) for field in NAMING_FIELDS if field in fields), None)


def no_rules(context: LoadContext) -> None:
    """`check_rows` of a family whose rules all hold within one record."""


@dataclass(frozen=True)
class Stream(Generic[S]):
    """A family's bulk file: validated line by line and inserted without being held in memory."""

    file: str  # e.g. contingent_strengths.jsonl
    table: str
    columns: tuple[str, ...]
    record: type[S]  # the model of one line
    row: Callable[[S, str, LoadContext], tuple]  # a line's `columns` (its problems go to the context)
    # Columns that identify one fact (NULLs equal): a second row with the same values, from any file,
    # is the same fact loaded twice (e.g. one bulk file given in two data directories).
    fact_key: tuple[str, ...] = ()


@dataclass(frozen=True)
class Family(Generic[D]):
    """One family of facts: the file it reads, the model of that file, and how its records become rows.

    Each top-level list of `document` may also come as a record file `<list>.jsonl` (see pipeline).
    """

    file: str  # e.g. posts.yaml
    document: type[D]
    # Records to rows: ids in file order, natural keys to ids, dates to columns, rules within one record.
    convert: Callable[[D, LoadContext], None]
    # Rules comparing rows, of every file once all are converted (`problem_with_row`, `problem_in_record`).
    check_rows: Callable[[LoadContext], None] = no_rules
    stream: Stream | None = None
