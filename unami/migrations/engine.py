"""The engine every migration runs on (env.py), importable so `unami migrate` can share its transaction.

Why the connection is set up the way it is (see shared NOTES on SQLite):
- foreign keys are OFF while migrating: a batch recreate of a parent table
  would otherwise fire ON DELETE CASCADE on its children; instead env.py runs
  `PRAGMA foreign_key_check` before commit and aborts on any violation;
- pysqlite's own transaction handling is disabled and BEGIN is emitted by
  hand, so DDL is transactional and a failed migration rolls back whole.
"""

from sqlalchemy import Engine, create_engine, event, pool


def make_engine(url: str) -> Engine:
    """Build an engine with the pragma and transaction recipe described above."""
    engine = create_engine(url, poolclass=pool.NullPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, connection_record):
        dbapi_connection.isolation_level = None  # let us emit BEGIN ourselves
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN")

    return engine
