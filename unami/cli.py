"""The `unami` command: the one thin layer that knows every floor of the project."""

import sys
import tempfile
from pathlib import Path

import click

from unami import DEFAULT_DATA_DIR, DEFAULT_DB, PROJECT_ROOT, loaders, migrate
from unami.build import BuildError, build

db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="SQLite database file.",
)
read_db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"SQLite database file built by `unami build` (default: ./{DEFAULT_DB} when the working directory has "
    "one, else the only unami database there).",
)
data_option = click.option(
    "--data",
    "data_dirs",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    multiple=True,
    help="Directory of data files (repeatable; default: ./data when the working directory has one, else the "
    "copy installed with the package).",
)


def chosen_data_dirs(data_dirs: tuple[Path, ...]) -> tuple[list[Path], str]:
    """The data directories a command reads, and one line that says which (printed when the command succeeds).

    Given --data wins; else ./data, so a checkout (or any directory holding a data/) reads its own
    files; else the copy installed with the package, so `unami build` works from anywhere.
    """
    local = Path.cwd() / "data"
    if data_dirs:
        chosen, why = list(data_dirs), "given with --data"
    elif local.is_dir():
        chosen, why = [local], "the working directory's data/"
    else:
        chosen, why = [DEFAULT_DATA_DIR], "the package's data; the working directory has no data/"
    return chosen, f"Data: {', '.join(str(path) for path in chosen)} ({why})"


def chosen_database(db_path: Path | None) -> Path:
    """The database a reading command opens: --db when given, else ./unami.db, else the only unami database here.

    The last case lets `unami build --db x.db` be followed by `unami report NAME` without repeating the
    name; it is said on stderr, so a report's output stays clean. Several candidates are an error, never a guess.
    """
    if db_path is not None or DEFAULT_DB.exists():
        return db_path or DEFAULT_DB
    from unami.release import ReleaseError, data_version

    def is_unami_database(path: Path) -> bool:
        try:
            data_version(path)
        except ReleaseError:
            return False
        return True

    found = sorted(path for path in Path.cwd().glob("*.db") if path.is_file() and is_unami_database(path))
    if len(found) == 1:
        click.echo(f"Database: {found[0].name} (the only unami database in the working directory)", err=True)
        return Path(found[0].name)
    if found:
        names = ", ".join(path.name for path in found)
        raise click.ClickException(f"no {DEFAULT_DB} here and several unami databases ({names}): name one with --db")
    raise click.ClickException(f"no {DEFAULT_DB} here: build one with `unami build`, or name a database with --db")


def require_database(db_path: Path) -> None:
    """Stop with one line unless `db_path` is a database built by `unami build`."""
    from unami.release import ReleaseError, data_version

    try:
        data_version(db_path)
    except ReleaseError as error:
        raise click.ClickException(str(error)) from None


def report_problems(error: loaders.DataError, outcome: str = "nothing was written") -> None:
    for problem in error.problems:
        click.echo(str(problem), err=True)
    click.echo(f"{len(error.problems)} problem(s) found; {outcome}.", err=True)
    sys.exit(1)


def print_version(context: click.Context, _parameter: click.Parameter, value: bool) -> None:
    """Print the package version and the schema revision a build migrates to, then exit."""
    if not value or context.resilient_parsing:
        return
    from importlib.metadata import version

    from unami.migrate import head_revision

    click.echo(f"unami-db {version('unami-db')}, schema revision {head_revision()}")
    context.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=print_version,
    help="Show the package version and the schema revision it builds, and exit.",
)
def main():
    """unami-db: a sourced SQLite database of the UN Assistance Mission for Iraq."""


@main.command(name="build")
@db_option
@data_option
@click.option(
    "--force",
    is_flag=True,
    help="Replace an existing --db file even when it is not a unami database (never a symbolic link).",
)
def build_command(db_path: Path, data_dirs: tuple[Path, ...], force: bool):
    """Migrate and load a fresh database, then swap it in atomically.

    Example: unami build --db /tmp/unami.db
    """
    build_and_report(db_path, *chosen_data_dirs(data_dirs), force=force)


def build_and_report(db_path: Path, data_dirs: list[Path], data_said: str, force: bool = False) -> None:
    """Build, print what was built, or stop with the problems in one line each."""
    try:
        result = build(db_path, data_dirs, force)
    except loaders.DataError as error:
        report_problems(error)
    except BuildError as error:
        raise click.ClickException(str(error)) from error
    total_rows = sum(result.counts.values())
    tables = sum(1 for count in result.counts.values() if count)
    click.echo(f"Built {result.db_path}: {total_rows} rows in {tables} tables, data version {result.data_version}")
    click.echo(f"  ({result.seconds['total']:.2f} s)")
    click.echo(data_said)


@main.command(name="check")
@data_option
def check_command(data_dirs: tuple[Path, ...]):
    """Validate the data files without building anything.

    Example: unami check
    """
    chosen, data_said = chosen_data_dirs(data_dirs)
    try:
        # Nothing is written here, so bulk files are validated now (a build does it while loading).
        plan = loaders.plan_load(chosen, loaders.FAMILIES, defer_streams=False)
        # Rules SQLite answers after the insert (the same fact loaded twice) need the rows in a database:
        # a scratch one, thrown away.
        with tempfile.TemporaryDirectory(prefix="unami-check-") as scratch:
            scratch_db = Path(scratch) / "check.db"
            migrate.upgrade(scratch_db)
            loaders.write(scratch_db, plan, migrate.head_revision())
    except loaders.DataError as error:
        report_problems(error, "fix them and run `unami check` again")
    rows = sum(len(table_rows) for table_rows in plan.rows.values()) + sum(plan.streamed.values())
    click.echo(f"OK: {len(plan.files)} files, {rows} rows would be loaded.")
    click.echo(data_said)


@main.command(name="migrate")
@db_option
def migrate_command(db_path: Path):
    """Upgrade an existing database to the newest schema in place, backing it up beside it first.

    Example: unami migrate --db unami.db   (writes unami.db.backup-<old revision>)
    """
    from unami.migrate_in_place import MigrateError, migrate_in_place

    try:
        migrate_in_place(db_path, say=click.echo)
    except MigrateError as error:
        raise click.ClickException(str(error)) from error


@main.command(name="diagram")
@click.option("--write", is_flag=True, help="Write docs/schema.md instead of printing (as `unami docs` does).")
def diagram_command(write: bool):
    """Print the entity-relationship diagram (Mermaid) of the declared schema.

    Example: unami diagram --write
    """
    from unami.schema.diagram import mermaid

    text = mermaid()
    if write:
        target = PROJECT_ROOT / "docs" / "schema.md"
        target.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {target}")
    else:
        click.echo(text, nl=False)


@main.command(name="docs")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 naming every stale document.")
def docs_command(check: bool):
    """Regenerate every generated document: README.md's list of reports and docs/schema.md.

    Example: unami docs --check
    """
    from unami import docs

    try:
        if check:
            stale = docs.stale()
            if stale:
                names = ", ".join(str(path) for path in stale)
                raise click.ClickException(f"stale: {names}; run `unami docs` to regenerate")
            click.echo("Generated documents are up to date.")
            return
        written = docs.write()
    except docs.DocsError as error:
        raise click.ClickException(str(error)) from error
    for path in written:
        click.echo(f"Wrote {path}")
    if not written:
        click.echo("Generated documents are up to date; nothing written.")


@main.command(name="revision")
@click.argument("message")
def revision_command(message: str):
    """Write a new dated migration, autogenerated from the declared schema, into unami/migrations/versions.

    Compares unami/schema/ with a scratch database migrated to the current head, names the file by the
    file_template of [tool.alembic] in pyproject.toml, and runs ruff on it. Read and edit it before committing.

    Example: unami revision "add treaties table"
    """
    from unami.migrate import RevisionError, new_revision

    try:
        path = new_revision(message)
    except RevisionError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Wrote {path}")


@main.command(name="export")
@read_db_option
@click.option(
    "--format",
    "export_format",
    type=click.Choice(["datapackage", "csv"]),
    default="datapackage",
    show_default=True,
    help="datapackage: CSV files plus a Frictionless datapackage.json; csv: the CSV files only.",
)
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def export_command(db_path: Path | None, export_format: str, directory: Path):
    """Export every table as CSV (plus datapackage.json) with the licence and attribution.

    Example: unami export --format datapackage exports/
    """
    from unami.export import ExportError, export

    try:
        result = export(chosen_database(db_path), directory, export_format)
    except ExportError as error:
        raise click.ClickException(str(error)) from error
    rows = sum(result.row_counts.values())
    click.echo(
        f"Exported {len(result.row_counts)} tables, {rows} rows to {result.directory} "
        f"({export_format}), data version {result.data_version}"
    )


@main.command(name="report")
@read_db_option
@click.argument("name", required=False)
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A report parameter (repeatable); a parameter left out means all.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "json", "markdown"]),
    default="table",
    show_default=True,
    help="How to print the rows.",
)
@click.option("--list", "list_reports", is_flag=True, help="List the reports with their titles and parameters.")
def report_command(
    db_path: Path | None, name: str | None, params: tuple[str, ...], output_format: str, list_reports: bool
):
    """Run a canned report (the same SQL the site serves) and print its rows.

    Example: unami report post_holders_on_date --param date=2010-01-01
    """
    import sqlite3

    from unami.files import connect_read_only
    from unami.reports import catalog
    from unami.tabular import render

    if list_reports:
        for report in catalog.load_all():
            parameters = " ".join(f"--param {parameter}=..." for parameter in report.parameter_names)
            click.echo(f"{report.name:<24} {report.title}" + (f"  [{parameters}]" if parameters else ""))
        return
    if not name:
        raise click.UsageError("name a report, or use --list to see them")
    given = {}
    for pair in params:
        key, separator, value = pair.partition("=")
        if not separator:
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE, e.g. --param date=2010-01-01", param_hint="--param")
        given[key.strip()] = value
    db_path = chosen_database(db_path)
    require_database(db_path)
    try:
        report = catalog.load(name)
        connection = connect_read_only(db_path)
        try:
            columns, rows = catalog.run(connection, report, given)
        finally:
            connection.close()
    except catalog.ReportError as error:
        raise click.ClickException(str(error)) from error
    except sqlite3.DatabaseError as error:  # e.g. built by an older schema without the views
        raise click.ClickException(f"{db_path}: {error}; rebuild it with `unami build --db {db_path}`") from error
    click.echo(render(columns, rows, output_format), nl=False)


@main.command(name="serve")
@db_option
@data_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on.")
def serve_command(db_path: Path, data_dirs: tuple[Path, ...], host: str, port: int):
    """Serve the database read-only with Datasette, building it first when it is stale.

    Example: unami serve --port 8001
    """
    import os

    from unami import serve

    chosen, data_said = chosen_data_dirs(data_dirs)
    decision = serve.decide(db_path, chosen, data_given=bool(data_dirs))
    if decision.action == "refuse":
        raise click.ClickException(decision.reason)
    if decision.action == "build":
        click.echo(f"{db_path} {decision.reason}: building it first")
        build_and_report(db_path, chosen, data_said)
    else:
        click.echo(f"{db_path} {decision.reason}. {data_said}")
    command = serve.serve_command(db_path, host, port)
    click.echo(f"Serving {db_path} read-only at http://{host}:{port}/ (Ctrl-C to stop)")
    sys.stdout.flush()
    os.execv(command[0], command)  # datasette replaces this process, so signals reach it directly


@main.command(name="metadata")
@read_db_option
@click.option(
    "--layout",
    type=click.Choice(["0.65", "1.0"]),
    default="0.65",
    show_default=True,
    help="0.65: one metadata.json; 1.0: metadata.json plus datasette.json (configuration).",
)
@click.option(
    "--output",
    "output_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Directory to write into.",
)
def metadata_command(db_path: Path | None, layout: str, output_dir: Path):
    """Write the Datasette metadata generated from the schema and reports/ (for publishing).

    Example: unami metadata --layout 1.0 --output site/
    """
    import json

    from unami.site import layout_10, metadata_065, site_config

    db_path = chosen_database(db_path)
    require_database(db_path)
    site = site_config(db_path)
    documents = {"metadata.json": metadata_065(site)}
    if layout == "1.0":
        documents = dict(zip(("metadata.json", "datasette.json"), layout_10(site), strict=True))
    output_dir.mkdir(parents=True, exist_ok=True)
    for file_name, document in documents.items():
        (output_dir / file_name).write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
        click.echo(f"Wrote {output_dir / file_name}")
