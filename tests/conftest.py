"""Shared fixtures: the real database, built once through migrations and loaders; shared test helpers."""

import hashlib
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event

from unami import DEFAULT_DATA_DIR, migrate
from unami.build import build
from unami.files import connect_read_only

FIXTURES = Path(__file__).parent / "fixtures"


def digest(path: Path) -> str:
    """SHA-256 of a file, to prove it is byte-identical before and after."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def people_in_data() -> int:
    """The people data/ lists: the rows a build of data/ writes to table people."""
    from test_report_rows import records  # a test module: imported when needed, not with every test

    return len(records("people"))


def planning_problems(*data_dirs: Path) -> list[str]:
    """The problems, one line each, that `plan_load` refuses `data_dirs` with (bulk files validated too)."""
    from unami.loaders import FAMILIES, DataError, plan_load

    with pytest.raises(DataError) as raised:
        plan_load(list(data_dirs), FAMILIES, defer_streams=False)
    return [str(problem) for problem in raised.value.problems]


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """The project's database built from data/ (read it, never write it)."""
    path = tmp_path_factory.mktemp("built") / "unami.db"
    build(path, [DEFAULT_DATA_DIR])
    return path


@pytest.fixture(scope="session")
def scaled_db(tmp_path_factory):
    """data/ plus 20 missions, 5,000 strengths (a dozen per contribution), 500 appointments and 500 events (about 2 s
    to build), with the report functions."""
    from benchmarks import synthetic
    from unami.reports import catalog

    root = tmp_path_factory.mktemp("scaled")
    synthetic.generate(root / "corpus", missions=20, strengths=5_000, appointments=500, events=500, shards=1)
    path = root / "unami.db"
    build(path, [DEFAULT_DATA_DIR, root / "corpus" / "part-00"])
    connection = connect_read_only(path)
    catalog.prepare(connection)  # the SQL functions the reports call
    yield connection
    connection.close()


@pytest.fixture
def query(built_db):
    """Run SQL on the built database and return rows as dicts."""
    connection = connect_read_only(built_db)
    connection.row_factory = sqlite3.Row

    def run(sql: str, params=()) -> list[dict]:
        return [dict(row) for row in connection.execute(sql, params)]

    yield run
    connection.close()


@pytest.fixture(scope="session")
def site(built_db):
    """GET a path from the published site (Datasette in process, immutable, generated metadata).

    Returns an httpx response; pytest has no event loop of its own here, so one loop serves the session.
    """
    import asyncio

    from datasette.app import Datasette

    from unami.site import SETTINGS, metadata_065, site_config

    datasette = Datasette(immutables=[str(built_db)], metadata=metadata_065(site_config(built_db)), settings=SETTINGS)
    loop = asyncio.new_event_loop()

    def get(path: str):
        return loop.run_until_complete(datasette.client.get(path))

    yield get
    loop.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def live_unami_serve(built_db: Path, directory: Path):
    """Run the real `unami serve` on a free port of 127.0.0.1 over a copy of the built database.

    Yields (address, database path); the server's output goes to `directory/serve.log`.
    """
    db_path = directory / "unami.db"
    shutil.copyfile(built_db, db_path)
    port = free_port()
    address = f"http://127.0.0.1:{port}"
    log_path = directory / "serve.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "unami", "serve", "--db", str(db_path), "--host", "127.0.0.1", "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{address}/-/versions.json", timeout=2):
                        break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"unami serve did not come up: {log_path.read_text()}") from None
                    time.sleep(0.2)
            assert f"at {address}/" in log_path.read_text(), "unami serve did not print its address"
            yield address, db_path
        finally:
            server.terminate()
            server.wait(timeout=30)


# --- pytest-alembic ---------------------------------------------------------


@pytest.fixture
def alembic_config():
    return migrate.alembic_config()


@pytest.fixture
def alembic_engine(tmp_path):
    """A file database with the same pragma/transaction recipe as migrations/env.py.

    pytest-alembic's engine does not go through env.py's engine setup, so the
    recipe (foreign keys off, explicit BEGIN) is repeated here.
    """
    engine = create_engine(f"sqlite:///{tmp_path / 'alembic.db'}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, connection_record):
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN")

    return engine
