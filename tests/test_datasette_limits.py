"""The site's limits in process: each check of unami/datasette_limits.py on its own, at its boundary.

tests/test_hostile_site.py and tests/test_attacks.py attack a live `unami serve`; these call the plugin's
functions on real SQLite connections, prepared as Datasette prepares them, on page and visitor threads.
"""

import io
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import redirect_stderr

import pytest

from unami import datasette_limits as limits


def on_thread(name: str, work):
    """Run `work()` on a thread named `name` (the plugin tells visitor SQL threads by name); return or raise."""
    outcome = {}

    def run():
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed back to the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=run, name=name)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


VISITOR = f"{limits.VISITOR_THREAD_PREFIX}_0"
PAGE = "unami-pages-sql_0"


def prepared() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    limits.prepare_connection(connection)
    return connection


def one(sql: str, params=()):
    """The one value `sql` returns on a connection prepared on this thread."""
    connection = prepared()
    try:
        return connection.execute(sql, params).fetchone()[0]
    finally:
        connection.close()


@pytest.fixture(autouse=True)
def fresh_statement():
    """Each test starts with no statement budget spent on its threads."""
    limits._statement.work = 0
    limits._statement.active = False
    yield
    limits._statement.active = False


# --- requests refused before Datasette -----------------------------------------------------------


def body(refused) -> tuple[int, dict, bytes]:
    start, message = refused
    assert start["type"] == "http.response.start" and message["type"] == "http.response.body"
    return start["status"], dict(start["headers"]), message["body"]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "TRACE", "PROPFIND", "OPTIONS"])
def test_every_method_but_get_and_head_is_a_405_naming_the_allowed_ones(method):
    status, headers, text = body(limits.refusal({"method": method}, []))
    assert (status, text) == (405, b"405 Method Not Allowed: this site is read-only\n")
    assert headers == {b"content-type": b"text/plain; charset=utf-8", b"allow": b"GET, HEAD"}


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_a_plain_read_passes(method):
    assert limits.refusal({"method": method}, [("_size", "10"), ("q", "x")]) is None


def facets(count: int) -> list[tuple[str, str]]:
    return [("_facet", f"column_{n}") for n in range(count)]


FACETS_REFUSED = b"400 Bad Request: at most 10 facets, each once\n"


@pytest.mark.parametrize(
    "pairs, refused",
    [
        (facets(10), False),
        (facets(11), True),
        (facets(9) + [("_facet_array", "tags")], False),
        (facets(10) + [("_facet_array", "tags")], True),
        (facets(10) + [("_facet_size", "5")], False),
        ([("_facet", "a"), ("_facet", "a")], True),
        ([("_facet", "a"), ("_facet_array", "a")], False),
    ],
)
def test_at_most_ten_facets_each_once(pairs, refused):
    answer = limits.refusal({"method": "GET"}, pairs)
    if refused:
        assert body(answer) == (400, {b"content-type": b"text/plain; charset=utf-8"}, FACETS_REFUSED)
    else:
        assert answer is None


SQL_REFUSED = b"400 Bad Request: SQL over 2,000 characters\n"


@pytest.mark.parametrize(
    "pairs, refused",
    [
        ([("sql", "x" * 2000)], False),
        ([("sql", "x" * 2001)], True),
        ([("_where", "x" * 2001)], True),
        ([("sql", "x" * 1000), ("_where", "x" * 1001)], True),
        ([("sql", "x" * 1000), ("_where", "x" * 1000)], False),
        ([("q", "x" * 2001)], False),
        ([("sql", "known " * 500)], False),
        ([("sql", "known " * 500), ("_where", "x" * 2001)], True),
    ],
)
def test_sql_a_visitor_writes_is_capped_at_2000_characters_but_the_dashboards_own_is_not(pairs, refused):
    answer = limits.refusal({"method": "GET"}, pairs, frozenset({"known " * 500}))
    if refused:
        assert body(answer) == (400, {b"content-type": b"text/plain; charset=utf-8"}, SQL_REFUSED)
    else:
        assert answer is None


# --- printf widths --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        (7, 7),
        (-7, -7),
        (3.9, 3),
        (True, 1),
        ("  +12abc", 12),
        ("-5", -5),
        (b"42x", 42),
        (b"7\xff", 7),
        ("abc", 0),
        (None, 0),
    ],
)
def test_a_star_width_is_read_as_sqlite_reads_it(value, expected):
    assert limits._as_integer(value) == expected


WIDTHS_REFUSED = "printf widths and precisions add up to over this site's limit of 100000"


@pytest.mark.parametrize(
    "format_string, arguments",
    [
        ("%100000d", (1,)),
        ("%50000d%50000d", (1, 2)),
        ("%*d", (100_000, 1)),
        ("%.*f", (-100_000, 1.5)),
        ("%%100001d", ()),  # a literal percent sign, then text
        ("%*d%*d", (50_000, 1, 50_000, 2)),
        (b"%99999d", (1,)),
        (12, (100_001,)),  # not a format: SQLite prints the number
        ("%100000d%*d", ()),  # a missing width argument is 0, as in SQLite
    ],
)
def test_printf_widths_up_to_the_limit_are_allowed(format_string, arguments):
    limits._checked_widths(format_string, arguments)


@pytest.mark.parametrize(
    "format_string, arguments",
    [
        ("%100001d", (1,)),
        ("%50000d%50001d", (1, 2)),
        ("%50000.50001f", (1.5,)),
        ("%*d", (100_001, 1)),
        ("%*d", (-100_001, 1)),
        ("%.*f", (-100_001, 1.5)),
        ("%*.*f", (50_000, 50_001, 1.5)),
        ("%*d%*d", (50_000, 1, 50_001, 2)),  # the second width comes after the first value
        ("%d%*d", (1, 100_001, 2)),
        (b"%100001d", (1,)),
        (b"%100001d\xff", (1,)),  # invalid UTF-8 is read as SQLite reads it, not an error
        ("%%%*d", (100_001, 1)),  # a literal percent sign takes no argument
        ("%%%100001d", (1,)),  # nor ends the check
    ],
)
def test_printf_widths_over_the_limit_are_refused(format_string, arguments):
    with pytest.raises(ValueError) as raised:
        limits._checked_widths(format_string, arguments)
    assert str(raised.value) == WIDTHS_REFUSED


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # sqlite3 reports the refused call
def test_printf_and_format_run_sqlites_own_printf_once_checked():
    assert one("select printf('%5d|%-4s|%.2f', 42, 'ab', 3.14159)") == "   42|ab  |3.14"
    assert one("select format('%*d', 3, 7)") == "  7"
    for function in ("printf", "format"):
        with pytest.raises(sqlite3.OperationalError, match="user-defined function raised exception"):
            one(f"select {function}('%*d', 100001, 1)")


# --- guarded functions and the work budget ---------------------------------------------------------


def test_each_guarded_function_costs_what_its_comment_says():
    assert limits.GUARDED["instr"](("a" * 1000, "b" * 100)) == 100_000
    assert limits.GUARDED["trim"](("a" * 1000,)) == 1000
    assert limits.GUARDED["replace"]((5, "abc", "d")) == 24 * 3
    assert limits.GUARDED["upper"](("a" * 10,)) == 30
    assert limits.GUARDED["hex"]((b"\x00" * 10,)) == 30
    assert limits.GUARDED["randomblob"]((-1000,)) == 3000
    assert limits.GUARDED["randomblob"](("12 bytes",)) == 36
    assert limits.GUARDED["randomblob"](()) == 0
    assert sorted(limits.GUARDED) == sorted(
        ["trim", "ltrim", "rtrim", "instr", "replace", "like", "glob", "upper", "lower", "hex", "quote", "randomblob"]
    )


def test_a_small_call_is_not_counted_and_a_statement_may_spend_max_work_and_no_more():
    instr = limits.guarded("instr")
    assert instr("a" * 1000 + "b", "b" * 100) == 0  # 1,001 x 100 > SMALL_WORK: counted
    assert limits._statement.work == 100_100
    limits._statement.work = 0
    assert instr("a" * 999 + "b", "b") == 1000  # 1,000 x 1 ≤ SMALL_WORK: free
    assert instr("a" * 1000, "b" * 100) == 0  # exactly SMALL_WORK: free
    assert limits._statement.work == 0
    limits._statement.work = limits.MAX_WORK - 100_001
    assert instr("a" * 100_001, "b") == 0  # exactly MAX_WORK in all
    assert limits._statement.work == limits.MAX_WORK
    with pytest.raises(ValueError) as raised:
        limits.guarded("upper")("a" * 33_334)  # 100,002 more
    assert str(raised.value) == "upper: over this site's limit of work per query"


def test_a_statement_with_no_budget_yet_starts_from_zero():
    del limits._statement.work
    limits.guarded("lower")("A" * 40_000)
    assert limits._statement.work == 120_000


def test_the_guards_are_installed_for_visitor_sql_only():
    def spend():
        limits._statement.work = 0
        connection = prepared()
        value = connection.execute("select upper(?), instr(?, 'b')", ("a" * 40_000, "a" * 200_000)).fetchone()
        return value[0] == "A" * 40_000, value[1], limits._statement.work

    assert on_thread(VISITOR, spend) == (True, 0, 120_000 + 200_000)
    assert on_thread(PAGE, spend) == (True, 0, 0)


def test_guarded_randomblob_stays_non_deterministic_and_the_others_deterministic():
    """SQLite lets only deterministic functions into an index expression (and may compute them once)."""

    def index_on(function):
        connection = prepared()
        connection.execute("create table t(a)")
        connection.execute(f"create index i on t({function}(a))")

    on_thread(VISITOR, lambda: index_on("upper"))
    with pytest.raises(sqlite3.OperationalError, match="non-deterministic functions prohibited in index expressions"):
        on_thread(VISITOR, lambda: index_on("randomblob"))


def test_sqlites_own_function_runs_under_the_threads_value_limit():
    big = "a" * (limits.VISITOR_VALUE_BYTES + 1)
    assert limits._call_builtin("upper", (big,)) == big.upper()  # a page may read a 1 MB value
    with pytest.raises(sqlite3.DataError, match="string or blob too big"):
        on_thread(VISITOR, lambda: limits._call_builtin("upper", (big,)))
    assert on_thread(VISITOR, lambda: limits._call_builtin("quote", (b"\xff",))) == "X'FF'"
    assert limits._call_builtin("upper", (b"a\xff",)) == "A\ufffd"  # invalid UTF-8 is replaced, not an error


def test_sqlites_own_functions_run_on_one_private_memory_connection_per_thread_and_limit(tmp_path, monkeypatch):
    """On fresh threads: a thread keeps its connection while the limit stays the same, and writes no file."""
    monkeypatch.chdir(tmp_path)

    def connections():
        first = limits._builtin_connection(1000)
        return (
            first,
            limits._builtin_connection(1000),
            limits._builtin_connection(2000),
            limits._call_builtin("upper", (b"a\xff",)),
        )

    first, again, other, upper = on_thread("fresh", connections)
    assert first is again and other is not first
    assert upper == "A\ufffd"  # invalid UTF-8 is replaced, not an error
    assert list(tmp_path.iterdir()) == []


def test_a_like_pattern_over_1000_characters_is_refused_by_sqlite():
    assert one("select ? like ?", ("a" * 1000, "a" * 1000)) == 1
    with pytest.raises(sqlite3.OperationalError, match="LIKE or GLOB pattern too complex"):
        one("select ? like ?", ("a" * 1001, "a" * 1001))
    with pytest.raises(sqlite3.OperationalError, match="LIKE or GLOB pattern too complex"):
        limits._call_builtin("like", ("a" * 1001, "a"))


# --- values, columns and results ------------------------------------------------------------------


@pytest.mark.parametrize("thread, size", [(PAGE, limits.MAX_VALUE_BYTES), (VISITOR, limits.VISITOR_VALUE_BYTES)])
def test_a_value_is_capped_by_the_threads_limit(thread, size):
    assert on_thread(thread, lambda: one("select length(zeroblob(?))", (size,))) == size
    with pytest.raises(sqlite3.DataError, match="string or blob too big"):
        on_thread(thread, lambda: one("select length(zeroblob(?))", (size + 1,)))


def test_visitor_sql_returns_at_most_100_columns_and_a_page_more():
    columns = ", ".join(["1"] * 101)
    assert len(on_thread(PAGE, lambda: prepared().execute(f"select {columns}").fetchone())) == 101
    assert len(on_thread(VISITOR, lambda: prepared().execute(f"select {', '.join(['1'] * 100)}").fetchone())) == 100
    with pytest.raises(sqlite3.OperationalError, match="too many columns in result set"):
        on_thread(VISITOR, lambda: prepared().execute(f"select {columns}").fetchone())


def test_rows_are_sqlite_rows_charged_to_the_statement_up_to_max_result_bytes():
    connection = prepared()
    width = limits.MAX_RESULT_BYTES - 8  # one text column: its length plus 8
    with limits.statement_limits(connection, 5000):
        row = connection.execute("select zeroblob(?) as value", (width,)).fetchone()
    assert isinstance(row, sqlite3.Row) and row.keys() == ["value"] and len(row["value"]) == width
    with pytest.raises(sqlite3.OperationalError) as raised, limits.statement_limits(connection, 5000):
        connection.execute("select zeroblob(?) as value", (width + 1,)).fetchone()
    assert str(raised.value) == "the answer is over 10,000,000 bytes, this site's limit: ask for fewer rows"
    half = "select zeroblob(5000000) union all select zeroblob(5000000)"  # 2 x (5,000,000 + 8): over
    with pytest.raises(sqlite3.OperationalError, match="the answer is over"), limits.statement_limits(connection, 5000):
        connection.execute(half).fetchall()
    with limits.statement_limits(connection, 5000):  # a new statement, a new count
        connection.execute("select 'ab', 2").fetchone()
        assert limits._statement.result_bytes == 2 + 16
    # Outside a statement's limits (Datasette's own queries) nothing is counted.
    assert len(connection.execute("select zeroblob(?)", (width + 1,)).fetchone()[0]) == width + 1


# --- what a visitor may read ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sql, refused_on",
    [
        ("select count(*) from pragma_database_list", {PAGE, VISITOR}),
        ("select hex(fts3_tokenizer('simple'))", {PAGE, VISITOR}),
        ("select json_patch('{\"a\": 1}', '{\"b\": 2}')", {VISITOR}),
        ("select json_insert('{\"a\": 1}', '$.b', 2)", set()),
        ("select count(*) from pragma_table_list", set()),
    ],
)
def test_the_authorizer_refuses_what_reveals_the_server(sql, refused_on):
    for thread in (PAGE, VISITOR):
        if thread in refused_on:
            with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
                on_thread(thread, lambda: one(sql))
        else:
            on_thread(thread, lambda: one(sql))


def test_the_authorizer_lets_through_what_it_does_not_name():
    assert limits.authorizer(sqlite3.SQLITE_READ, "people", "name", "main", None) == sqlite3.SQLITE_OK
    assert limits.authorizer(sqlite3.SQLITE_FUNCTION, None, "json_patch", None, None) == sqlite3.SQLITE_OK
    assert limits.authorizer(sqlite3.SQLITE_READ, "sqlite_stmt", "sql", "main", None) == sqlite3.SQLITE_DENY
    assert limits.authorizer(sqlite3.SQLITE_FUNCTION, None, "fts3_tokenizer", None, None) == sqlite3.SQLITE_DENY
    # The same name under another action is not what the rule is about.
    assert limits.authorizer(sqlite3.SQLITE_FUNCTION, None, "pragma_database_list", None, None) == sqlite3.SQLITE_OK
    assert limits.authorizer(sqlite3.SQLITE_READ, "t", "fts3_tokenizer", "main", None) == sqlite3.SQLITE_OK
    assert limits.visitor_authorizer(sqlite3.SQLITE_READ, "t", "json_patch", "main", None) == sqlite3.SQLITE_OK
    assert limits.visitor_authorizer(sqlite3.SQLITE_FUNCTION, None, "json_patch", None, None) == sqlite3.SQLITE_DENY


# --- the watchdog ----------------------------------------------------------------------------------

RUNAWAY = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"
BOUNDED = "with recursive n(i) as (select 1 union all select i + 1 from n where i < 2000000) select count(*) from n"


def test_a_runaway_statement_is_interrupted_at_its_limit_and_the_overrun_is_logged():
    connection = prepared()
    log = io.StringIO()
    started = time.monotonic()
    with (
        redirect_stderr(log),
        pytest.raises(sqlite3.OperationalError, match="interrupted"),
        limits.statement_limits(connection, 100),
    ):
        connection.execute(RUNAWAY).fetchone()
    assert 0.1 <= time.monotonic() - started < 1  # the watchdog looks every 20 ms
    overrun = re.fullmatch(r"unami: a SQL thread was held (\S+) s, (\S+) s of CPU \(limit 0.100 s\)\n", log.getvalue())
    held, cpu = map(float, overrun.groups())
    assert 0.1 <= cpu <= held and cpu < 0.3  # stopped once it had used its limit, not at four times it


def test_a_statement_within_its_limit_logs_nothing_and_a_late_timer_stops_nothing():
    connection = prepared()
    log = io.StringIO()
    with redirect_stderr(log), limits.statement_limits(connection, 50):
        assert connection.execute("select 1").fetchone()[0] == 1
    assert log.getvalue() == ""
    # The next statement on the connection runs past the first one's deadline: its timer was disarmed.
    started = time.monotonic()
    assert connection.execute(BOUNDED).fetchone()[0] == 2_000_000
    assert time.monotonic() - started > 0.05


def test_the_watchdog_interrupts_only_armed_connections_after_their_deadline():
    watchdog = limits.Watchdog()  # it looks every 20 ms
    slow, quick = prepared(), prepared()
    watchdog.disarm(watchdog.arm(quick, 0.05))
    assert quick.execute(BOUNDED).fetchone()[0] == 2_000_000  # runs past the disarmed deadline
    watchdog.arm(slow, 0.1)
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        slow.execute(RUNAWAY).fetchone()
    assert 0.1 <= time.monotonic() - started < 1
    assert watchdog._armed == {}
    assert watchdog._thread.name == "unami-sql-watchdog" and watchdog._thread.daemon


def rows_waiting(count: int) -> str:
    """Rows that each wait 30 ms without using the CPU, as a report's SQL thread waits for Python's GIL
    while 16 clients' pages render on 2 cores (a 19 ms report held its thread 0.78 s)."""
    return (
        f"with recursive n(i) as (select 1 union all select i + 1 from n where i < {count}) select sum(wait(i)) from n"
    )


def test_a_statement_that_waits_runs_past_its_limit_of_cpu_until_it_holds_four_times_it():
    connection = prepared()
    connection.create_function("wait", 1, lambda value: time.sleep(0.03) or value)
    log = io.StringIO()
    with redirect_stderr(log), limits.statement_limits(connection, 100):
        assert connection.execute(rows_waiting(6)).fetchone()[0] == 21  # 0.18 s: not interrupted at 0.1 s
    overrun = re.fullmatch(r"unami: a SQL thread was held (\S+) s, (\S+) s of CPU \(limit 0.100 s\)\n", log.getvalue())
    held, cpu = map(float, overrun.groups())
    assert 0.18 <= held < 0.4 and cpu < 0.05
    started = time.monotonic()
    with (
        redirect_stderr(io.StringIO()),
        pytest.raises(sqlite3.OperationalError, match="interrupted"),
        limits.statement_limits(connection, 100),
    ):
        connection.execute(rows_waiting(1_000)).fetchone()  # 30 s, but for the wall-clock cap
    assert 0.4 <= time.monotonic() - started < 1


# --- SQL threads ------------------------------------------------------------------------------------


def test_visitor_sql_runs_on_its_own_threads_ten_steps_below_the_pages():
    executor = limits.RoutingExecutor()

    def where():
        return threading.current_thread().name, os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    try:
        own = os.getpriority(os.PRIO_PROCESS, 0)
        token = limits.VISITOR_SQL.set(True)
        try:
            name, nice = executor.submit(where).result()
        finally:
            limits.VISITOR_SQL.reset(token)
        # Ten steps below the server's own niceness, never past 19 (so never above the pages)
        assert name.startswith("unami-visitor-sql") and nice == min(own + 10, 19)
        name, nice = executor.submit(where).result()
        assert name.startswith("unami-pages-sql") and nice == own
        assert executor.pages._max_workers == 3 and executor.visitors._max_workers == 2
    finally:
        executor.shutdown()
    with pytest.raises(RuntimeError, match="cannot schedule new futures after shutdown"):
        executor.visitors.submit(where)
    with pytest.raises(RuntimeError, match="cannot schedule new futures after shutdown"):
        executor.pages.submit(where)


def test_the_executor_passes_arguments_through_and_shuts_both_pools_down():
    executor = limits.RoutingExecutor()
    assert executor.submit(lambda a, b=0: (a, b), 1, b=2).result() == (1, 2)
    token = limits.VISITOR_SQL.set(True)
    try:
        assert executor.submit(lambda a, b=0: (a, b), 3, b=4).result() == (3, 4)
        slow = [executor.submit(time.sleep, 0.3) for _ in range(3)]  # 2 visitor threads: the third waits
    finally:
        limits.VISITOR_SQL.reset(token)
    executor.shutdown()  # waits, cancels nothing
    assert all(future.done() and not future.cancelled() for future in slow)
    executor = limits.RoutingExecutor()
    page = executor.pages.submit(time.sleep, 0.3)
    executor.shutdown()
    assert page.done() and not page.cancelled()
    executor = limits.RoutingExecutor()
    token = limits.VISITOR_SQL.set(True)
    try:
        running, _, queued = [executor.submit(time.sleep, 0.3) for _ in range(3)]
    finally:
        limits.VISITOR_SQL.reset(token)
    page_running, page_queued = [executor.pages.submit(time.sleep, 0.3) for _ in range(4)][2:]
    executor.shutdown(wait=False, cancel_futures=True)
    assert queued.cancelled() and page_queued.cancelled()
    assert not running.done() and not page_running.done()  # neither pool was waited for


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied"), AttributeError("setpriority")])
def test_a_thread_whose_priority_cannot_be_lowered_runs_at_equal_priority(monkeypatch, error):
    def refuse(*_arguments):
        raise error

    monkeypatch.setattr(os, "setpriority", refuse)
    limits._lower_priority()  # no exception: a visitor thread that starts anyway


def test_a_served_files_identity_is_its_inode_device_size_and_mtime(tmp_path):
    path = tmp_path / "unami.db"
    path.write_bytes(b"12345")
    status = os.stat(path)
    assert limits._file_identity(path) == (status.st_ino, status.st_dev, 5, status.st_mtime_ns)
    assert limits._file_identity(tmp_path / "gone.db") is None  # between a build's unlink and rename


def test_a_server_started_at_low_priority_never_runs_visitors_above_its_pages():
    """Started at nice 15, the server's visitor threads run at 19, not at 10 (above its pages)."""
    script = (
        "import os, threading\n"
        "from unami import datasette_limits as limits\n"
        "executor = limits.RoutingExecutor()\n"
        "token = limits.VISITOR_SQL.set(True)\n"
        "print(executor.submit(lambda: os.getpriority(os.PRIO_PROCESS, threading.get_native_id())).result())\n"
        "executor.shutdown()\n"
    )
    command = ["nice", "-n", "15", sys.executable, "-c", script]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "19"
