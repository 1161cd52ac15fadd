"""The `unami` command: the one thin layer that knows every floor of the project."""

import sys
from pathlib import Path

import click

import loaders
from unami import DEFAULT_DATA_DIR, DEFAULT_DB, PROJECT_ROOT
from unami.build import BuildError, build

db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="SQLite database file.",
)
data_option = click.option(
    "--data",
    "data_dirs",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    multiple=True,
    help="Directory of data files (repeatable; default: the project's data/).",
)


def report_problems(error: loaders.DataError) -> None:
    for problem in error.problems:
        click.echo(str(problem), err=True)
    click.echo(f"{len(error.problems)} problem(s) found; nothing was written.", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main():
    """unami-db: a sourced SQLite database of the UN Assistance Mission for Iraq."""


@main.command(name="build")
@db_option
@data_option
def build_command(db_path: Path, data_dirs: tuple[Path, ...]):
    """Migrate and load a fresh database, then swap it in atomically.

    Example: unami build --db /tmp/unami.db
    """
    try:
        result = build(db_path, list(data_dirs) or [DEFAULT_DATA_DIR])
    except loaders.DataError as error:
        report_problems(error)
    except BuildError as error:
        raise click.ClickException(str(error)) from error
    total_rows = sum(result.counts.values())
    tables = sum(1 for count in result.counts.values() if count)
    click.echo(f"Built {result.db_path}: {total_rows} rows in {tables} tables, data version {result.data_version}")
    click.echo(f"  ({result.seconds['total']:.2f} s)")


@main.command(name="check")
@data_option
def check_command(data_dirs: tuple[Path, ...]):
    """Validate the data files without building anything.

    Example: unami check
    """
    try:
        plan = loaders.plan_load(list(data_dirs) or [DEFAULT_DATA_DIR], loaders.FAMILIES)
    except loaders.DataError as error:
        report_problems(error)
    rows = sum(len(table_rows) for table_rows in plan.rows.values())
    click.echo(f"OK: {len(plan.files)} files, {rows} rows would be loaded.")


@main.command(name="diagram")
@click.option("--write", is_flag=True, help="Write docs/schema.md instead of printing.")
def diagram_command(write: bool):
    """Print the entity-relationship diagram (Mermaid) of the declared schema.

    Example: unami diagram --write
    """
    from schema.diagram import mermaid

    text = mermaid()
    if write:
        target = PROJECT_ROOT / "docs" / "schema.md"
        target.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {target}")
    else:
        click.echo(text, nl=False)


@main.command(name="export")
@db_option
@click.option(
    "--format",
    "export_format",
    type=click.Choice(["datapackage", "csv"]),
    default="datapackage",
    show_default=True,
    help="datapackage: CSV files plus a Frictionless datapackage.json; csv: the CSV files only.",
)
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def export_command(db_path: Path, export_format: str, directory: Path):
    """Export every table as CSV (plus datapackage.json) with the licence and attribution.

    Example: unami export --format datapackage exports/
    """
    from unami.export import ExportError, export

    try:
        result = export(db_path, directory, export_format)
    except ExportError as error:
        raise click.ClickException(str(error)) from error
    rows = sum(result.row_counts.values())
    click.echo(
        f"Exported {len(result.row_counts)} tables, {rows} rows to {result.directory} "
        f"({export_format}), data version {result.data_version}"
    )
