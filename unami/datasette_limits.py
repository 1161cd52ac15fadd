"""Datasette plugin: resource limits on every SQL connection of the published site, error
pages that do not depend on whether `rich` happens to be installed, and a 405 for every
method but GET and HEAD.

Datasette's time limit is a progress handler that runs between SQLite VM steps,
so it cannot stop one expensive function call. Two such calls are capped here:
- huge values (`randomblob(1000000000)`): SQLITE_LIMIT_LENGTH makes them fail at once;
- huge printf/format widths (`printf('%.*c', 2000000000, 'x')`): the width is
  checked first, then the call is handed to SQLite's own printf on a private
  connection, so results are byte-for-byte SQLite's.
"""

import re
import sqlite3
import threading

from datasette import hookimpl

MAX_VALUE_BYTES = 10_000_000
MAX_PRINTF_WIDTH = 100_000

# %[flags][width][.precision][length]type, width and precision may be '*' (taken from the arguments).
PRINTF_SPEC = re.compile(r"%[-+ 0#,!]*(\*|\d+)?(?:\.(\*|\d+))?l{0,2}([a-zA-Z%])")

_builtin = threading.local()


def _builtin_connection() -> sqlite3.Connection:
    if not hasattr(_builtin, "connection"):
        _builtin.connection = sqlite3.connect(":memory:", check_same_thread=False)
    return _builtin.connection


def _checked_widths(format_string, arguments) -> None:
    if not isinstance(format_string, str):
        return
    remaining = list(arguments)
    for match in PRINTF_SPEC.finditer(format_string):
        if match.group(3) == "%":
            continue
        for part in match.group(1), match.group(2):
            if part == "*":
                value = remaining.pop(0) if remaining else 0
                width = abs(int(value)) if isinstance(value, int | float) else 0
            else:
                width = int(part) if part else 0
            if width > MAX_PRINTF_WIDTH:
                raise ValueError(f"printf width or precision {width} is over this site's limit of {MAX_PRINTF_WIDTH}")
        if remaining:
            remaining.pop(0)  # the value this conversion formats


def limited_printf(format_string, *arguments):
    _checked_widths(format_string, arguments)
    placeholders = ", ".join("?" for _ in range(len(arguments) + 1))
    return _builtin_connection().execute(f"select printf({placeholders})", (format_string, *arguments)).fetchone()[0]


@hookimpl
def prepare_connection(conn):
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    for name in ("printf", "format"):
        conn.create_function(name, -1, limited_printf, deterministic=True)


@hookimpl
def startup(datasette):
    """Keep Datasette 0.65's error handler away from `rich`.

    With `rich` importable (the test extra pulls it in), `handle_exception` prints every
    error's traceback with locals outside an except block: a path matching no route then
    fails with a bare 500 instead of a 404, at about half a second of CPU per error.
    """
    from datasette import handle_exception

    handle_exception.rich = None


# The site is read-only: only GET and HEAD mean anything. Datasette 0.65 answers POST to a
# canned query, TRACE and PROPFIND with a 500; they get a plain 405 before reaching it.
READ_METHODS = frozenset({"GET", "HEAD"})


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def read_only(scope, receive, send):
            if scope["type"] == "http" and scope["method"] not in READ_METHODS:
                await send(
                    {
                        "type": "http.response.start",
                        "status": 405,
                        "headers": [(b"allow", b"GET, HEAD"), (b"content-type", b"text/plain; charset=utf-8")],
                    }
                )
                await send({"type": "http.response.body", "body": b"405 Method Not Allowed: this site is read-only\n"})
                return
            await app(scope, receive, send)

        return read_only

    return wrap
