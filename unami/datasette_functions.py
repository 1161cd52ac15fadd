"""Datasette plugin: SQL functions the site's pages and ad hoc SQL can call.

`readable_date(edtf)` turns a stored EDTF string into the text a person writes
("14 Aug 2003", "1990s", "2019 or 2023", "not stated"); the raw EDTF and its
bounds stay in the tables for filtering and sorting.
"""

from datasette import hookimpl

from unami.readable import readable_date


@hookimpl
def prepare_connection(conn):
    conn.create_function("readable_date", 1, readable_date, deterministic=True)
