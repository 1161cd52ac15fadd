"""Release facts: the data version of a built database and the attribution its data carries.

Every place data leaves the project (the export, the Datasette site, the README)
takes its wording from here, so they cannot drift apart.

    >>> from unami import release
    >>> release.data_version("unami.db")  # doctest: +SKIP
    '7b72a1816d0e-0007'
"""

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from unami.files import connect_read_only

SOURCE_TITLE = "United Nations Assistance Mission for Iraq"
SOURCE_AUTHORS = "English Wikipedia contributors"
SOURCE_URL = "https://en.wikipedia.org/wiki/United_Nations_Assistance_Mission_for_Iraq"

# Open Definition / SPDX identifiers, as the Data Package and CFF formats expect.
DATA_LICENCE = {
    "name": "CC-BY-SA-4.0",
    "title": "Creative Commons Attribution-ShareAlike 4.0 International",
    "path": "https://creativecommons.org/licenses/by-sa/4.0/",
}
CODE_LICENCE = {
    "name": "MIT",
    "title": "MIT License",
    "path": "https://opensource.org/licenses/MIT",
}


class ReleaseError(Exception):
    """The database file carries no readable data version."""


def attribution() -> str:
    """Return the attribution that must travel with the data (CC BY-SA 4.0: title, author, source, licence).

    >>> attribution().startswith('Data derived from "United Nations Assistance Mission for Iraq"')
    True
    """
    return (
        f'Data derived from "{SOURCE_TITLE}" by {SOURCE_AUTHORS} ({SOURCE_URL}), '
        f"licensed under CC BY-SA 4.0 ({DATA_LICENCE['path']}). "
        "Facts were extracted section by section and normalized into tables; the article's wording was not copied. "
        "The database is shared under the same licence; the software that builds it is MIT-licensed."
    )


def datasette_fields() -> dict[str, str]:
    """Return the licence and source keys of Datasette metadata (top level or per database).

    >>> sorted(datasette_fields())
    ['license', 'license_url', 'source', 'source_url']
    """
    return {
        "license": "CC BY-SA 4.0",
        "license_url": DATA_LICENCE["path"],
        "source": f"{SOURCE_AUTHORS}, “{SOURCE_TITLE}”",
        "source_url": SOURCE_URL,
    }


@dataclass(frozen=True)
class DatasetVersion:
    """The row `unami build` records in `dataset_versions`."""

    data_version: str  # e.g. '7b72a1816d0e-0007': 12 hex digits of data_sha256, a hyphen, schema_revision
    data_sha256: str
    schema_revision: str


def dataset_version(db_path: Path | str) -> DatasetVersion:
    """Return what `unami build` recorded about the data and schema of `db_path`; ReleaseError if nothing."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise ReleaseError(f"{db_path}: no such database; run `unami build --db {db_path}` first")
    connection = connect_read_only(db_path)
    try:
        rows = connection.execute("SELECT data_version, data_sha256, schema_revision FROM dataset_versions").fetchall()
    except sqlite3.DatabaseError as error:
        raise ReleaseError(
            f"{db_path}: cannot read the data version ({error}); rebuild it with `unami build`"
        ) from error
    finally:
        connection.close()
    if len(rows) != 1:
        raise ReleaseError(f"{db_path}: expected one row in dataset_versions, found {len(rows)}; rebuild it")
    return DatasetVersion(*rows[0])


def data_version(db_path: Path | str) -> str:
    """Return the data version recorded by `unami build` in `db_path`, e.g. '7b72a1816d0e-0007'.

    The version is the first 12 hex digits of the SHA-256 of data/ plus the alembic
    head revision, so it changes with every data correction and every schema change.
    """
    return dataset_version(db_path).data_version


def sources(connection: sqlite3.Connection) -> list[dict[str, str | None]]:
    """Every source of the database's facts, in id order: name, publisher, url, licence."""
    cursor = connection.execute("SELECT name, publisher, url, licence FROM sources ORDER BY id")
    names = [description[0] for description in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def citation(version: str) -> str:
    """Return how to cite one build of the data (CITATION.cff says the same for tools).

    >>> citation("7b72a1816d0e-0007").startswith("unami-db contributors. unami-db: a sourced database")
    True
    """
    return (
        "unami-db contributors. unami-db: a sourced database of the United Nations Assistance Mission for Iraq, "
        f"data version {version}. Data derived from “{SOURCE_TITLE}”, {SOURCE_AUTHORS}, {SOURCE_URL}, "
        "CC BY-SA 4.0."
    )
