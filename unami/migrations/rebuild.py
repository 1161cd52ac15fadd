"""Change a table the way SQLite documents it, with a DDL text that is the same on every run.

Alembic's batch mode reflects the table and re-emits its constraints in the order of a Python
set, so two builds would write different (if equivalent) CREATE TABLE texts and the database
would not be a pure function of data/ and the migrations. Here the new table's DDL is the
current DDL with one exact, checked edit; rows are copied, the old table dropped and the new one
renamed (https://www.sqlite.org/lang_altertable.html#otheralter). Indexes and triggers of the
table and every view (any may refer to it) are set aside and recreated from their own SQL.
Run with foreign keys off (migrations/engine.py does), so no ON DELETE fires.
"""

from alembic import op
from sqlalchemy import text


def _rows(sql: str, **params) -> list:
    return list(op.get_bind().execute(text(sql), params).all())


def rebuild_table(table: str, old_fragment: str, new_fragment: str) -> None:
    """Recreate `table` with `old_fragment` of its CREATE TABLE text replaced by `new_fragment`."""
    (create_sql,) = _rows("select sql from sqlite_master where type = 'table' and name = :table", table=table)[0]
    if create_sql.count(old_fragment) != 1:
        raise RuntimeError(f"{table}: expected {old_fragment!r} exactly once in its DDL:\n{create_sql}")
    dependents = _rows(
        "select type, name, sql from sqlite_master where sql is not null"
        " and ((type in ('index', 'trigger') and tbl_name = :table) or type = 'view') order by rowid",
        table=table,
    )
    for kind, name, _sql in dependents:
        if kind in ("view", "trigger"):
            op.execute(f"DROP {kind.upper()} {name}")
    new_sql = create_sql.replace(old_fragment, new_fragment)
    head, body = new_sql.split("(", 1)
    op.execute(f'CREATE TABLE "_new_{table}" ({body}')
    # The columns both tables have: an added column starts NULL, a dropped one is left behind.
    kept = {row[1] for row in _rows(f'pragma table_info("_new_{table}")')}
    columns = ", ".join(f'"{row[1]}"' for row in _rows(f'pragma table_info("{table}")') if row[1] in kept)
    op.execute(f'INSERT INTO "_new_{table}" ({columns}) SELECT {columns} FROM "{table}"')
    op.execute(f'DROP TABLE "{table}"')
    op.execute(f'ALTER TABLE "_new_{table}" RENAME TO "{table}"')
    for _kind, _name, sql in dependents:
        op.execute(sql)


def no_change() -> None:
    """`upgrade` and `downgrade` of a revision whose work moved elsewhere (it keeps its place in the history)."""
