"""Datasette plugin: what one request may cost the published site, and what it may see.

Datasette 0.65's time limit is a progress handler asked every 1,000 SQLite VM steps: it cannot
stop one expensive function call, nor 1,000 steps of milliseconds each. Each mechanism below
closes one way around it (the README's Guarantees table says which attack each one answers):

- a watchdog thread interrupts every statement once it has used its time limit of CPU, or held
  its thread four times that long (SQLite checks the interrupt at every loop iteration);
- SQL a visitor writes (`?sql=`, `_where=`) runs on SQL threads of its own at nice 10, at most
  2 requests at a time (the others wait before Datasette sees them), with values of 250 KB at
  most, 100 result columns, 2,000 characters of SQL, and SQLite's length x length and slow
  per-byte functions guarded (`trim(X,Y)`, `instr`, `replace`, `like`, `glob`, `upper`,
  `lower`, `hex`, `quote`, `randomblob`): their work is counted and a statement's total capped;
  `json_patch` (length x length, with a JSON subtype no guard can keep) is refused;
- printf/format widths are checked (text widths, blob formats, the sum over all conversions);
- one statement returns at most MAX_RESULT_BYTES, one response is at most MAX_RESPONSE_BYTES,
  one URL asks for at most MAX_FACETS facets, each once;
- an authorizer refuses what reveals the server (the file's path, a library address, other
  visitors' SQL), /-/databases.json shows no path, and links are relative, so no Host header
  reaches a cached page;
- every method but GET and HEAD gets a 405, and a visitor's mistakes are 400s, not 500s.
"""

import asyncio
import contextlib
import contextvars
import os
import re
import sqlite3
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from concurrent import futures

import datasette.database
from datasette import hookimpl

MAX_VALUE_BYTES = 10_000_000  # pages and reports read any row the build can write (1 MB per value)
# SQL a visitor writes: a row of a few hundred expressions (x || 1, x + 0, substr(x, 2), ...) runs with no loop
# between them, so nothing can interrupt it; its cost is the number of expressions (at most about one per
# 6 characters of SQL) times the size of a value. These two keep it under 0.6 s.
VISITOR_VALUE_BYTES = 250_000
MAX_VISITOR_SQL = 2_000  # characters; the dashboard's own chart queries (up to 3,400) are let through
VISITOR_COLUMNS = 100
MAX_LIKE_PATTERN = 1_000
MAX_PRINTF_WIDTH = 100_000  # the sum of the widths and precisions of one printf/format call
# Guarded functions: a call whose work (length x length) is under SMALL_WORK costs microseconds and is
# not counted; above it, a statement may spend MAX_WORK in all (about 0.3 s of LIKE backtracking).
SMALL_WORK = 100_000
MAX_WORK = 100_000_000
MAX_RESULT_BYTES = 10_000_000
MAX_RESPONSE_BYTES = 20_000_000
MAX_FACETS = 10
PAGE_THREADS, VISITOR_THREADS = 3, 2
VISITOR_NICE = 10
LOWEST_PRIORITY = 19  # the highest niceness Linux allows
VISITOR_THREAD_PREFIX = "unami-visitor-sql"

# --- one statement ------------------------------------------------------------------------------

_statement = threading.local()  # what the statement running on this thread has spent


# A statement waiting for the CPU (16 clients' 1,000-row pages rendering on 2 cores hold Python's GIL)
# may hold its thread this many times its limit, as long as it has not used its limit of CPU.
WALL_TIME_FACTOR = 4


class Watchdog:
    """Interrupt a statement that has used its time limit of CPU, or held its thread WALL_TIME_FACTOR times it.

    CPU, not wall time, because a cheap statement waiting its turn for Python's GIL is not the costly
    one: at the wall-clock limit a 20 ms report (19 ms of CPU) held 0.78 s was refused under 16 clients.
    The CPU is that of the statement's thread (SQLite's work and the Python it calls). The lock makes
    `interrupt()` happen only while the statement's `with` block is open, so a late timer never stops
    the next statement on the same connection.
    """

    def __init__(self, tick: float = 0.02):
        self._tick = tick
        self._lock = threading.Lock()
        # token: (limit in seconds, when armed, the arming thread's CPU clock and its reading then, connection)
        self._armed: dict[object, tuple[float, float, int, float, sqlite3.Connection]] = {}
        self._thread: threading.Thread | None = None

    def arm(self, connection: sqlite3.Connection, seconds: float) -> object:
        """Watch the statement about to run on `connection` in this thread."""
        token = object()
        clock = time.pthread_getcpuclockid(threading.get_ident())
        with self._lock:
            self._armed[token] = (seconds, time.monotonic(), clock, time.clock_gettime(clock), connection)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="unami-sql-watchdog", daemon=True)
                self._thread.start()
        return token

    def disarm(self, token: object) -> None:
        with self._lock:
            self._armed.pop(token, None)

    def _run(self) -> None:
        while True:
            time.sleep(self._tick)
            now = time.monotonic()
            with self._lock:  # while armed, the statement's thread is alive: its clock can be read
                for token, (seconds, armed, clock, cpu_armed, connection) in list(self._armed.items()):
                    used = time.clock_gettime(clock) - cpu_armed
                    if used >= seconds or now - armed >= WALL_TIME_FACTOR * seconds:
                        connection.interrupt()
                        del self._armed[token]


WATCHDOG = Watchdog()


@contextlib.contextmanager
def statement_limits(conn, ms):
    """The watchdog instead of Datasette's progress handler, and this statement's budgets.

    Datasette's handler is asked every 1,000 VM steps, so 1,000 steps of milliseconds each run
    on past the limit; the interrupt is seen at the next loop iteration, and costs no Python.
    """
    _statement.result_bytes = 0
    _statement.work = 0
    _statement.active = True
    token = WATCHDOG.arm(conn, ms / 1000)
    started, cpu_started = time.monotonic(), time.thread_time()
    try:
        yield
    finally:
        WATCHDOG.disarm(token)
        _statement.active = False
        held, cpu = time.monotonic() - started, time.thread_time() - cpu_started
        if held > ms / 1000:  # the figures tests/test_hostile_site.py reads: how far past its limit a query ran
            print(
                f"unami: a SQL thread was held {held:.3f} s, {cpu:.3f} s of CPU (limit {ms / 1000:.3f} s)",
                file=sys.stderr,
                flush=True,
            )


# Datasette calls sqlite_timelimit around every query it runs for a request (database.py).
datasette.database.sqlite_timelimit = statement_limits


def counted_row(cursor, row):
    """sqlite3.Row, charging the row's size to the statement: a page of 1,000 near-1 MB values stops here."""
    if getattr(_statement, "active", False):
        _statement.result_bytes += sum(len(value) for value in row if isinstance(value, str | bytes)) + 8 * len(row)
        if _statement.result_bytes > MAX_RESULT_BYTES:
            limit = f"{MAX_RESULT_BYTES:,}"
            raise sqlite3.OperationalError(f"the answer is over {limit} bytes, this site's limit: ask for fewer rows")
    return sqlite3.Row(cursor, row)


# --- SQLite's own functions, guarded --------------------------------------------------------------

_builtin = threading.local()


def _builtin_connection(value_bytes: int) -> sqlite3.Connection:
    """A private connection with no overrides, to run SQLite's own function once the call is checked."""
    if getattr(_builtin, "value_bytes", None) != value_bytes:
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, value_bytes)
        connection.setlimit(sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH, MAX_LIKE_PATTERN)
        connection.text_factory = lambda data: str(data, "utf-8", "replace")
        _builtin.connection, _builtin.value_bytes = connection, value_bytes
    return _builtin.connection


def _call_builtin(name: str, arguments: tuple):
    placeholders = ", ".join("?" * len(arguments))
    connection = _builtin_connection(VISITOR_VALUE_BYTES if is_visitor_thread() else MAX_VALUE_BYTES)
    return connection.execute(f"select {name}({placeholders})", arguments).fetchone()[0]


def _size(value) -> int:
    return len(value) if isinstance(value, str | bytes) else 24


def _charge(work: int, name: str) -> None:
    if work <= SMALL_WORK:
        return
    _statement.work = getattr(_statement, "work", 0) + work
    if _statement.work > MAX_WORK:
        raise ValueError(f"{name}: over this site's limit of work per query")


def _length_times_length(arguments) -> int:
    return _size(arguments[0]) * (_size(arguments[1]) if len(arguments) > 1 else 1)


def _slow_bytes(arguments) -> int:
    # upper, lower, hex and quote cost about 8 ns a byte, 3 units of work (a LIKE comparison is about 3 ns)
    return 3 * _size(arguments[0])


def _random_bytes(arguments) -> int:
    return 3 * abs(_as_integer(arguments[0])) if arguments else 0


# SQLite's functions whose one call costs length x length, or milliseconds a megabyte: a row of a few
# hundred such calls has no loop between them, so neither the time limit nor the watchdog can stop it.
GUARDED = {
    **dict.fromkeys(("trim", "ltrim", "rtrim", "instr", "replace", "like", "glob"), _length_times_length),
    **dict.fromkeys(("upper", "lower", "hex", "quote"), _slow_bytes),
    "randomblob": _random_bytes,
}


def guarded(name: str):
    """SQLite's `name`, refused once its work past SMALL_WORK a call adds up to MAX_WORK in a statement."""
    cost = GUARDED[name]

    def call(*arguments):
        _charge(cost(arguments), name)
        return _call_builtin(name, arguments)

    return call


# %[flags][width][.precision][length]type; width and precision may be '*' (taken from the arguments).
PRINTF_SPEC = re.compile(r"%[-+ 0#,!]*(\*|\d+)?(?:\.(\*|\d+))?l{0,2}([a-zA-Z%])")
LEADING_INTEGER = re.compile(r"\s*[-+]?\d+")


def _as_integer(value) -> int:
    """A `*` width as SQLite reads it: the leading integer of a text or blob, else 0."""
    if isinstance(value, bool | int | float):
        return int(value)
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    match = LEADING_INTEGER.match(value) if isinstance(value, str) else None
    return int(match.group()) if match else 0


def _checked_widths(format_string, arguments) -> None:
    if isinstance(format_string, bytes):  # SQLite reads a blob format as text
        format_string = format_string.decode("utf-8", "replace")
    if not isinstance(format_string, str):
        return
    remaining = list(arguments)
    total = 0
    for match in PRINTF_SPEC.finditer(format_string):
        if match.group(3) == "%":
            continue
        for part in match.group(1), match.group(2):
            if part == "*":
                total += abs(_as_integer(remaining.pop(0))) if remaining else 0
            elif part:
                total += int(part)
        if total > MAX_PRINTF_WIDTH:
            raise ValueError(f"printf widths and precisions add up to over this site's limit of {MAX_PRINTF_WIDTH}")
        if remaining:
            remaining.pop(0)  # the value this conversion formats


def limited_printf(format_string, *arguments):
    _checked_widths(format_string, arguments)
    return _call_builtin("printf", (format_string, *arguments))


# --- what a visitor may read ----------------------------------------------------------------------

# The database file's path (pragma_database_list), a library address and a writable tokenizer pointer
# (fts3_tokenizer), other visitors' recent SQL (sqlite_stmt). Datasette's own `PRAGMA database_list`
# statement is a pragma, not a read of the pragma table, and stays allowed.
DENIED_READS = frozenset({"pragma_database_list", "sqlite_stmt"})
DENIED_FUNCTIONS = frozenset({"fts3_tokenizer"})
# json_patch merges objects in length x length (5 s for two 200 KB objects); its result carries SQLite's
# JSON subtype, which a Python guard would lose, so visitor SQL does without it.
DENIED_VISITOR_FUNCTIONS = DENIED_FUNCTIONS | {"json_patch"}


def authorizer(action, first, second, _database, _source):
    if action == sqlite3.SQLITE_READ and first in DENIED_READS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and second in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def visitor_authorizer(action, first, second, database, source):
    if action == sqlite3.SQLITE_FUNCTION and second in DENIED_VISITOR_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return authorizer(action, first, second, database, source)


def is_visitor_thread() -> bool:
    return threading.current_thread().name.startswith(VISITOR_THREAD_PREFIX)


@hookimpl
def prepare_connection(conn):
    visitor = is_visitor_thread()
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, VISITOR_VALUE_BYTES if visitor else MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH, MAX_LIKE_PATTERN)
    conn.set_authorizer(visitor_authorizer if visitor else authorizer)
    conn.row_factory = counted_row
    for name in ("printf", "format"):
        conn.create_function(name, -1, limited_printf, deterministic=True)
    if visitor:
        conn.setlimit(sqlite3.SQLITE_LIMIT_COLUMN, VISITOR_COLUMNS)
        for name in GUARDED:
            conn.create_function(name, -1, guarded(name), deterministic=name != "randomblob")


# --- SQL threads ----------------------------------------------------------------------------------

VISITOR_SQL = contextvars.ContextVar("visitor_sql", default=False)


def _lower_priority() -> None:
    """Run this SQL thread VISITOR_NICE steps below the server: on Linux a thread has a priority of its
    own, so the CPU goes to the pages first, and a visitor's query gets what they leave. Relative to the
    server's own niceness (at most 19), so a server started at a low priority never runs visitors above
    its pages."""
    with contextlib.suppress(OSError, AttributeError):  # another system, or not allowed: equal priority
        lowered = min(os.getpriority(os.PRIO_PROCESS, 0) + VISITOR_NICE, LOWEST_PRIORITY)
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), lowered)


class RoutingExecutor(futures.Executor):
    """Datasette's SQL thread pool, split: SQL a visitor wrote never waits in front of a page."""

    def __init__(self):
        self.pages = futures.ThreadPoolExecutor(PAGE_THREADS, thread_name_prefix="unami-pages-sql")
        self.visitors = futures.ThreadPoolExecutor(
            VISITOR_THREADS, thread_name_prefix=VISITOR_THREAD_PREFIX, initializer=_lower_priority
        )

    def submit(self, fn, /, *args, **kwargs):
        # Called by asyncio's run_in_executor in the request's own task, so the request's context is visible.
        pool = self.visitors if VISITOR_SQL.get() else self.pages
        return pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self.pages.shutdown(wait, cancel_futures=cancel_futures)
        self.visitors.shutdown(wait, cancel_futures=cancel_futures)


@hookimpl
def startup(datasette):
    """Keep Datasette 0.65's error handler away from `rich`; split the SQL threads; relative links;
    no file path in /-/databases.json or /-/threads.json.

    With `rich` importable (the test extra pulls it in), `handle_exception` prints every
    error's traceback with locals outside an except block: a path matching no route then
    fails with a bare 500 instead of a 404, at about half a second of CPU per error.
    """
    from datasette import handle_exception

    handle_exception.rich = None
    if datasette.executor is not None and not isinstance(datasette.executor, RoutingExecutor):
        datasette.executor.shutdown(wait=False)
        datasette.executor = RoutingExecutor()
    # Facet toggles, next pages and the JSON alternate are built from the request's Host header;
    # relative links carry no host, so a forged one never reaches a cached page.
    datasette.absolute_url = lambda request, path: path
    connected = datasette._connected_databases
    datasette._connected_databases = lambda: [
        {key: value for key, value in database.items() if key != "path"} for database in connected()
    ]
    # /-/threads.json lists asyncio tasks with the file each waits in; Datasette shortens site-packages
    # paths only, so a task waiting in the standard library shows where Python is installed.
    threads = datasette._threads
    datasette._threads = lambda: {key: value for key, value in threads().items() if key != "tasks"}


@hookimpl(tryfirst=True)
def handle_exception(datasette, request, exception):
    """Datasette 0.65 answers some of a visitor's mistakes with a 500: `_sort` by an unknown column
    (its own error, status 500), two statements in `_where` (sqlite3's error, not caught). They are 400s."""
    from datasette.handle_exception import handle_exception as datasette_handler
    from datasette.views.base import DatasetteError

    if isinstance(exception, DatasetteError) and exception.status >= 500:
        exception.status = 400
    elif isinstance(exception, sqlite3.Error | sqlite3.Warning):
        return datasette_handler(datasette, request, DatasetteError(str(exception), status=400))
    return None


# --- requests -------------------------------------------------------------------------------------

READ_METHODS = frozenset({"GET", "HEAD"})
VISITOR_SQL_PARAMETERS = frozenset({"sql", "_where"})
# Set by unami.site_server: called with the path when the served file is no longer the one opened.
on_file_change: Callable[[str], None] | None = None


def _plain(status: int, message: str, headers=()) -> tuple[dict, dict]:
    return (
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), *headers],
        },
        {"type": "http.response.body", "body": f"{status} {message}\n".encode()},
    )


def refusal(scope, pairs: list[tuple[str, str]], known_sql: frozenset[str] = frozenset()) -> tuple[dict, dict] | None:
    """A request refused before it reaches Datasette, or None."""
    if scope["method"] not in READ_METHODS:
        # Datasette 0.65 answers POST to a canned query, TRACE and PROPFIND with a 500.
        return _plain(405, "Method Not Allowed: this site is read-only", [(b"allow", b"GET, HEAD")])
    facets = [(key, value) for key, value in pairs if key.startswith("_facet") and key != "_facet_size"]
    if len(facets) > MAX_FACETS or len(set(facets)) < len(facets):
        return _plain(400, f"Bad Request: at most {MAX_FACETS} facets, each once")
    visitor_sql = [value for key, value in pairs if key in VISITOR_SQL_PARAMETERS and value not in known_sql]
    if sum(len(value) for value in visitor_sql) > MAX_VISITOR_SQL:
        return _plain(400, f"Bad Request: SQL over {MAX_VISITOR_SQL:,} characters")
    return None


def _file_identity(path) -> tuple | None:
    try:
        status = os.stat(path)
    except OSError:  # between the build's unlink and rename, or gone: nothing to compare yet
        return None
    return status.st_ino, status.st_dev, status.st_size, status.st_mtime_ns


@hookimpl
def asgi_wrapper(datasette):
    paths = [database.path for database in datasette.databases.values() if database.path]
    opened = {path: _file_identity(path) for path in paths}
    boards = (datasette.plugin_config("datasette-dashboards") or {}).values()
    charts = [chart for board in boards for chart in board.get("charts", {}).values()]
    known_sql = frozenset(chart["query"] for chart in charts if "query" in chart)

    # Visitor SQL waits here, before Datasette, rather than in the visitor threads' queue: a page's query
    # finishing while that queue was long was seen to resume its page only seconds later.
    slots = asyncio.Semaphore(VISITOR_THREADS)

    def wrap(app):
        async def limited(scope, receive, send):
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            pairs = urllib.parse.parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
            refused = refusal(scope, pairs, known_sql)
            if refused:
                for message in refused:
                    await send(message)
                return
            for path, identity in opened.items():
                now = _file_identity(path)
                if now is not None and now != identity and on_file_change is not None:
                    on_file_change(path)
            started = None
            sent = 0

            async def capped_send(message):
                # The start is held until the first body: an oversized single body becomes a 400.
                nonlocal started, sent
                if message["type"] == "http.response.start":
                    started = message
                    return
                if message["type"] == "http.response.body":
                    body = message.get("body", b"")
                    sent += len(body)
                    if started is not None:
                        start, started = started, None
                        if sent > MAX_RESPONSE_BYTES and not message.get("more_body"):
                            for replacement in _plain(400, f"Bad Request: answer over {MAX_RESPONSE_BYTES:,} bytes"):
                                await send(replacement)
                            return
                        await send(start)
                    elif sent > MAX_RESPONSE_BYTES:  # a streamed answer: cut off, never silently complete
                        raise RuntimeError(f"streamed answer over {MAX_RESPONSE_BYTES:,} bytes cut off")
                await send(message)

            # The dashboard's own chart queries are the site's pages, not SQL a visitor wrote.
            visitor = any(key in VISITOR_SQL_PARAMETERS and value not in known_sql for key, value in pairs)
            token = VISITOR_SQL.set(visitor)
            try:
                if visitor:
                    async with slots:
                        await app(scope, receive, capped_send)
                else:
                    await app(scope, receive, capped_send)
            finally:
                VISITOR_SQL.reset(token)

        return limited

    return wrap
