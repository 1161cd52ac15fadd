"""The report catalog: read `reports/<name>.sql` and its `<name>.yml`, and run a report.

A report is one SQL file (named CTEs, a final select, `:named` parameters) and a
sidecar YAML file with its title, description, grain, parameters (meaning, examples,
and `choices` when the values are a fixed list) and `columns` (each output column,
in order, with what it holds; `helper_columns` names those that only order the rows or
place a chart's marks, which a page does not show). A blank parameter means "all", as in
Datasette, which binds a missing parameter as ''; text parameters are compared through
`folded()` (any case, no accents) and read through the SQL functions of `functions.py`, which
`prepare()` registers.

    >>> report = load("leaders_timeline")
    >>> report.title
    'Leadership timeline'
"""

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from unami.reports import functions

REPORTS_DIR = Path(__file__).resolve().parent
PARAMETER = re.compile(r"(?<![:\w]):([a-z_][a-z0-9_]*)")


class ReportError(Exception):
    """A report or its parameters are wrong; the message says what and how to fix it."""


@dataclass(frozen=True)
class Parameter:
    name: str
    meaning: str
    examples: tuple[str, ...]
    # the whole list of values, for a parameter with fixed choices (a page offers them to pick from)
    choices: tuple[str, ...] = ()

    def hint(self) -> str:
        """What a person could type instead, for a page that found nothing."""
        if self.choices:
            return f"Try {self.name} = one of: {', '.join(self.choices)}."
        return f"{self.name}: {self.meaning} For example: {', '.join(self.examples)}."


@dataclass(frozen=True)
class Report:
    name: str
    title: str
    description: str
    grain: str
    sql: str
    parameters: tuple[Parameter, ...] = field(default=())
    # (output column, what it holds), in the order the query returns them
    columns: tuple[tuple[str, str], ...] = field(default=())
    # output columns that order the rows or place a chart's marks: JSON and CSV carry them, a page does not show them
    helper_columns: tuple[str, ...] = field(default=())

    @property
    def parameter_names(self) -> tuple[str, ...]:
        return tuple(parameter.name for parameter in self.parameters)

    def example_params(self) -> dict[str, str]:
        """The first example value of every parameter."""
        return {parameter.name: parameter.examples[0] for parameter in self.parameters}

    def bind(self, given: dict[str, str]) -> dict[str, str]:
        """Bind every declared parameter, '' (all) when not given; reject unknown names."""
        unknown = sorted(set(given) - set(self.parameter_names))
        if unknown:
            allowed = ", ".join(self.parameter_names) or "none"
            raise ReportError(f"report {self.name} has no parameter {', '.join(unknown)} (parameters: {allowed})")
        return {name: given.get(name, "") for name in self.parameter_names}


def names() -> list[str]:
    return sorted(path.stem for path in REPORTS_DIR.glob("*.sql"))


def load(name: str) -> Report:
    """Read one report; raise ReportError when a file is missing or the sidecar is incomplete."""
    sql_path, yml_path = REPORTS_DIR / f"{name}.sql", REPORTS_DIR / f"{name}.yml"
    if not sql_path.exists():
        raise ReportError(f"no report named {name!r}; `unami report --list` shows the reports")
    if not yml_path.exists():
        raise ReportError(f"{yml_path}: missing; every report needs a sidecar with title, description and grain")
    spec = yaml.safe_load(yml_path.read_text(encoding="utf-8")) or {}
    missing = [key for key in ("title", "description", "grain") if not spec.get(key)]
    if missing:
        raise ReportError(f"{yml_path}: missing {', '.join(missing)}")
    parameters = tuple(
        Parameter(
            name,
            str(details["meaning"]).strip(),
            tuple(str(value) for value in details["examples"]),
            tuple(str(value) for value in details.get("choices") or ()),
        )
        for name, details in (spec.get("params") or {}).items()
    )
    columns = tuple((str(name), str(meaning)) for name, meaning in (spec.get("columns") or {}).items())
    if not columns:
        raise ReportError(f"{yml_path}: missing columns (each output column, in order, with what it holds)")
    helper_columns = tuple(str(name) for name in spec.get("helper_columns") or ())
    unknown = sorted(set(helper_columns) - {name for name, _meaning in columns})
    if unknown:
        raise ReportError(f"{yml_path}: helper_columns {unknown} are not among its columns")
    sql = sql_path.read_text(encoding="utf-8")
    used = set(PARAMETER.findall(_without_comments_and_strings(sql)))
    declared = {parameter.name for parameter in parameters}
    if used != declared:
        raise ReportError(f"{yml_path}: params {sorted(declared)} do not match the SQL's {sorted(used)}")
    return Report(
        name, spec["title"], spec["description"].strip(), spec["grain"], sql, parameters, columns, helper_columns
    )


def load_all() -> list[Report]:
    return [load(name) for name in names()]


def prepare(connection: sqlite3.Connection) -> None:
    """Register the SQL functions reports use (unami/reports/functions.py) on a connection that will run them."""
    functions.register(connection)


def run(connection: sqlite3.Connection, report: Report, params: dict[str, str] | None = None):
    """Run `report` on `connection`; return (column names, rows as tuples)."""
    prepare(connection)
    cursor = connection.execute(report.sql, report.bind(params or {}))
    columns = [description[0] for description in cursor.description]
    return columns, cursor.fetchall()


def markdown_list(reports: list[Report] | None = None) -> str:
    """The README's list of reports, one bullet per report."""
    lines = []
    for report in reports or load_all():
        params = ", ".join(f"`:{name}`" for name in report.parameter_names)
        suffix = f" Parameters: {params}." if params else ""
        lines.append(f"- **{report.title}** (`{report.name}`): {report.description} Grain: {report.grain}.{suffix}")
    return "\n".join(lines) + "\n"


def _without_comments_and_strings(sql: str) -> str:
    sql = re.sub(r"--[^\n]*", "", sql)
    return re.sub(r"'(?:[^']|'')*'", "''", sql)
