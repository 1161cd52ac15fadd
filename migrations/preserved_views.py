"""Keep the database's views across a batch table recreate.

Alembic's batch mode copies a table, drops it and renames the copy; SQLite refuses that
while a view refers to the table (alembic issue 1207). The views are read from
sqlite_master, dropped, and recreated afterwards from the same SQL, so a migration
never needs its own copy of view definitions.
"""

from contextlib import contextmanager

from alembic import op
from sqlalchemy import text


@contextmanager
def views_set_aside():
    connection = op.get_bind()
    views = connection.execute(text("select name, sql from sqlite_master where type = 'view' order by name")).all()
    for name, _sql in views:
        op.execute(f"DROP VIEW {name}")
    yield
    for _name, sql in views:
        op.execute(sql)
