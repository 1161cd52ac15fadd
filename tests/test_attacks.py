"""The served site under attack: a live `unami serve` on loopback that nobody can write through.

Every attack must leave the file byte-identical, come back as a clean 4xx or Datasette error
(never a Python traceback in the body), stop runaway queries at the time limit, and leave the
server answering.

The server runs in the test environment as it is, `rich` included (the test extra pulls it in):
unami/datasette_limits.py keeps Datasette 0.65's error handler away from it, which would
otherwise answer paths that match no route with a bare 500 instead of a 404.
"""

import contextlib
import importlib.util
import socket
import time
import urllib.parse
from pathlib import Path

import httpx
import pytest
from conftest import digest, live_unami_serve, people_in_data

from unami.site import SETTINGS

TIME_LIMIT = SETTINGS["sql_time_limit_ms"] / 1000
# Scheduling slack on a loaded 2-core CI machine; the limit itself is enforced by SQLite's progress handler.
SLACK = 3.0
SCRIPT = "<script>alert(1)</script>"
TRACEBACK_MARKS = ("Traceback (most recent call last)", 'File "/', "site-packages")


@pytest.fixture(scope="module")
def site(tmp_path_factory, built_db):
    """(client, database path, checksum) of a live `unami serve` on 127.0.0.1."""
    with live_unami_serve(built_db, tmp_path_factory.mktemp("served")) as (address, db_path):
        checksum = digest(db_path)
        with httpx.Client(base_url=address, timeout=30) as client:
            yield client, db_path, checksum
        assert digest(db_path) == checksum


# Datasette 0.65 answers a few user errors (`_sort` by an unknown column, two statements in
# `_where`) with status 500; unami/datasette_limits.py makes them the 400 they are.
USER_ERROR = 400


def assert_clean(response: httpx.Response, statuses=range(400, 500)) -> None:
    assert response.status_code in statuses, (response.status_code, response.text[:500])
    for mark in TRACEBACK_MARKS:
        assert mark not in response.text


def assert_unharmed(site) -> None:
    client, db_path, checksum = site
    assert digest(db_path) == checksum
    people = client.get("/unami.json", params={"sql": "select count(*) as n from people", "_shape": "array"})
    assert people.json() == [{"n": people_in_data()}]
    assert sorted(path.name for path in db_path.parent.iterdir() if path.suffix == ".db") == ["unami.db"]


def run_sql(client: httpx.Client, sql: str, **params) -> httpx.Response:
    return client.get("/unami.json", params={"sql": sql, "_shape": "array", **params})


WRITES = [
    "insert into people (id, name) values (999, 'intruder')",
    "update people set name = 'intruder'",
    "delete from people",
    "drop table people",
    "replace into people (id, name) values (1, 'intruder')",
    "create table intruders (id integer)",
    "create temp table intruders (id integer)",
    "create temp view intruders as select 1",
    "alter table people add column intruder text",
    "with x as (select 1) insert into people (id, name) select 999, 'intruder' from x",
    "with x as (select 1) update people set name = 'intruder'",
    "with x as (select 1) delete from people",
    "with recursive x(i) as (select 1) replace into people (id, name) values (1, 'intruder')",
    "select 1; delete from people",
    "select 1; drop table people",
    "select 1; attach database '{evil}' as evil",
    "attach database '{evil}' as evil",
    "attach '{evil}' as evil",
    "with x as (select 1) select * from x; attach database '{evil}' as evil",
    "vacuum",
    "vacuum into '{evil}'",
    "select 1; vacuum into '{evil}'",
    "reindex",
    "analyze",
    "pragma journal_mode = wal",
    "pragma user_version = 5",
    "pragma writable_schema = on",
    "pragma foreign_keys = off",
    "pragma query_only = off",
    "pragma main.page_size = 512",
    "pragma schema_version = 1",
    "select * from pragma_user_version",
    "select * from pragma_schema_version()",  # an allowed pragma function: answered, writes nothing
    "select load_extension('{evil}')",
    "select load_extension('libc.so.6', 'system')",
    "with x as (select 1) select load_extension('{evil}') from x",
    "begin immediate",
    "savepoint intruder",
    "commit",
    "insert into sqlite_master values ('table', 't', 't', 0, 'create table t (x)')",
    "select writefile('{evil}', 'x')",
    "select edit('x')",
    "select fts5_tokenizer()",
]


@pytest.mark.parametrize("sql", WRITES)
def test_a_write_in_any_form_is_refused(site, sql):
    client, db_path, _checksum = site
    sql = sql.format(evil=db_path.parent / "evil.db")
    response = run_sql(client, sql)
    if sql.startswith("select * from pragma_schema_version"):
        assert_clean(response, statuses=[200])
    else:
        assert_clean(response)
        assert response.json()["ok"] is False
    assert_unharmed(site)


RUNAWAYS = [
    "with recursive r(i) as (select 1 union all select i + 1 from r) select count(*) from r",
    "with recursive r(i) as (select 1 union all select i + 1 from r) select max(i) from r where i > 0",
    "select count(*) from people a, people b, people c, people d, people e, people f, people g, people h",
]
# Expensive-looking queries SQLite answers (or refuses) fast: they must not outlive the limit either.
HEAVY = [
    # Backtracking LIKE: many wildcards against a long string that never matches.
    "select printf('%.*c', 200000, 'a') like '" + "%a" * 200 + "b'",
    "select count(*) from (with recursive r(i) as (select 1 union all select i + 1 from r) select i from r) "
    "where printf('%d', i) like '%9%9%9%9%9%9%9%9%9%9%9%9%9%9%9%9%9%9%9%9%9%x'",
    "select length(zeroblob(2000000000))",
]


@pytest.mark.parametrize("sql", RUNAWAYS)
@pytest.mark.parametrize("extra", [{}, {"_timelimit": "1000000"}], ids=["default", "asks-for-more-time"])
def test_a_runaway_query_is_stopped_within_the_time_limit(site, sql, extra):
    client, _db_path, _checksum = site
    started = time.monotonic()
    response = run_sql(client, sql, **extra)
    elapsed = time.monotonic() - started
    assert_clean(response)
    assert "took too long" in response.json()["error"]
    assert elapsed < TIME_LIMIT + SLACK, f"took {elapsed:.2f} s"
    assert_unharmed(site)


@pytest.mark.parametrize("sql", HEAVY)
def test_a_heavy_query_is_answered_or_refused_within_the_time_limit(site, sql):
    client, _db_path, _checksum = site
    started = time.monotonic()
    response = run_sql(client, sql)
    elapsed = time.monotonic() - started
    assert_clean(response, statuses=[200, 400])
    assert elapsed < TIME_LIMIT + SLACK, f"took {elapsed:.2f} s"
    assert_unharmed(site)


# unami/datasette_limits.py caps value size and printf widths: the time limit alone cannot
# interrupt one expensive function call.
HUGE_VALUES = [
    pytest.param("select zeroblob(50000000) as value", id="huge-blob"),
    pytest.param("select length(randomblob(1000000000)) as value", id="gigabyte-blob"),
    pytest.param("select printf('%.*c', 50000000, 'x') as value", id="huge-printf-width"),
    pytest.param("select format('%2000000000d', 1) as value", id="huge-format-width"),
]


@pytest.mark.parametrize("sql", HUGE_VALUES)
def test_a_huge_value_is_refused(site, sql):
    client, _db_path, _checksum = site
    response = run_sql(client, sql)
    assert_unharmed(site)
    assert_clean(response)


# A request line over uvicorn's 16 KB limit never reaches SQLite (see the long SQL test), so
# these stay under it; SQLite's own LIKE pattern limit is 50,000 bytes.
LIKE_PATTERNS = [
    "%" * 4500,
    "%_" * 2200,
    "a" * 14000 + "%",
    "[" * 4500,
    "\\" * 4500,
    "%" + "a%" * 4000,
]


@pytest.mark.parametrize("pattern", LIKE_PATTERNS, ids=lambda pattern: f"{pattern[:2]}x{len(pattern)}")
def test_a_huge_like_pattern_is_answered_or_refused_quickly(site, pattern):
    client, _db_path, _checksum = site
    started = time.monotonic()
    response = run_sql(client, "select count(*) as n from people where name like :pattern", pattern=pattern)
    assert time.monotonic() - started < TIME_LIMIT + SLACK
    assert_clean(response, statuses=[200, 400])
    assert_unharmed(site)


def raw_request(port: int, target: str) -> bytes:
    """Send one GET the way an attacker's client would (httpx refuses URLs this long)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the server stopped reading
            connection.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        with contextlib.suppress(ConnectionResetError):
            while chunk := connection.recv(65536):
                answer += chunk
    return answer


@pytest.mark.parametrize("size", [12_000, 200_000, 1_000_000])
def test_very_long_sql_is_refused_or_answered_cleanly(site, size):
    client, _db_path, _checksum = site
    sql = "select 1 as one where " + " or ".join(["1 = 1"] * (size // 9))
    port = client.base_url.port
    answer = raw_request(port, "/unami.json?" + urllib.parse.urlencode({"sql": sql, "_shape": "array"}))
    status_line = answer.split(b"\r\n", 1)[0]
    # Either the HTTP server refuses the request line, or Datasette answers it; never a 5xx.
    assert answer == b"" or status_line.split()[1] in (b"200", b"400", b"413", b"414", b"431"), status_line
    assert b"Traceback" not in answer
    assert_unharmed(site)


def test_deeply_nested_sql_is_a_clean_error(site):
    client, _db_path, _checksum = site
    assert_clean(run_sql(client, "select " + "(" * 5000 + "1" + ")" * 5000))
    assert_unharmed(site)


BAD_PARAMETERS = [
    ("/unami.json", {"sql": "select length(:p) as n", "p": "x" * 8000, "_shape": "array"}, 200),
    ("/unami.json", {"sql": "select :p as p", "p": "\x00nul\x00", "_shape": "array"}, 200),
    ("/unami.json", {"sql": "select :p as p", "p": "\ud800".encode("utf-8", "surrogatepass"), "_shape": "array"}, 200),
    ("/unami.json?sql=select+:p+as+p&p=%ff%fe%00&_shape=array", None, 200),
    ("/unami.json", {"sql": "select :a, :b, :c"}, 200),  # missing parameters are bound as ''
    ("/unami.json", {"sql": "select 1", **{f"p{i}": "1" for i in range(500)}}, 200),
    ("/unami.json", {"sql": "select ?"}, 400),
    ("/unami.json", {"sql": "select :p", "_shape": "nonsense"}, (200, 400)),  # 200 with "ok": false
    ("/unami.json", {"sql": ""}, 200),
    ("/unami.json", {"sql": "\x00"}, 400),
    ("/unami/people.json", {"_size": "-1"}, 400),
    ("/unami/people.json", {"_size": "abc"}, 400),
    ("/unami/people.json", {"_size": "99999999999999999999"}, 400),
    ("/unami/people.json", {"_size": "max", "_shape": "array"}, 200),
    ("/unami/people.json", {"_next": "'; drop table people; --"}, 200),
    ("/unami/people.json", {"_sort": "name; drop table people"}, USER_ERROR),
    ("/unami/people.json", {"_sort_desc": "\x00"}, USER_ERROR),
    ("/unami/people.json", {"_facet": "nonexistent"}, 400),
    ("/unami/people.json", {"_col": "nonexistent"}, 400),
    ("/unami/people.json", {"_where": "1=1) union select sql from sqlite_master --"}, 400),
    ("/unami/people.json", {"_where": "id in (select id from people); delete from people"}, USER_ERROR),
    ("/unami/people.json", {"id__gt": "not a number"}, 200),
    ("/unami/people.json", {"id__in": "1," * 5000}, 200),
    ("/unami/people.json", {"name__nonsense": "x"}, 200),
    # Searches are escaped into plain terms (no raw FTS syntax), so none of these is an error.
    ("/unami/people.json", {"_search": '"unterminated'}, 200),
    ("/unami/people.json", {"_search": "NEAR(" * 500}, 200),
    ("/unami/people.json", {"_search": "*" * 5000}, 200),
    ("/unami/people.json", {"_ttl": "-5"}, 200),
    ("/unami/post_holders_on_date.json", {"date": "2003-02-30'; drop table people; --", "_shape": "array"}, 200),
    ("/unami/post_holders_on_date.json", {"date": "x" * 8000, "_shape": "array"}, 200),
    ("/unami/person_profile.json", {"person": "\x00", "_shape": "array"}, 200),
    ("/unami/event_timeline.json", {"from": "9999-99-99", "to": "-1", "_shape": "array"}, 200),
]


@pytest.mark.parametrize(("path", "params", "status"), BAD_PARAMETERS, ids=lambda value: str(value)[:40])
def test_malformed_and_oversized_parameters_get_clean_answers(site, path, params, status):
    client, _db_path, _checksum = site
    response = client.get(path, params=params)
    assert_clean(response, statuses=status if isinstance(status, tuple) else [status])
    assert_unharmed(site)


ODD_PATHS = [
    "/../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/..%2f..%2f..%2fetc%2fpasswd",
    "/-/static/../../../etc/passwd",
    "/-/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/-/static/..%5c..%5c..%5cetc%5cpasswd",
    "/-/static-plugins/datasette_dashboards/../../../../etc/passwd",
    "//etc/passwd",
    "/unami/../../unami.db.lock",
    "/unami%00.json",
    "/unami/people/%00",
    "/unami/people/1%00",
    "/unami/people/%ff%fe",
    "/unami/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "/unami/people/" + "9" * 5000,
    "/" + "a" * 8000,
    "/unami/" + "people/" * 1000,
    "/unami.db/../../../etc/passwd",
    "/-/nonexistent",
    "/unami/sqlite_master",
    "/unami/people.json?_shape=objects&_shape=array",
    "/unami/people.nonsense",
    "/unami/people.json/..",
]


@pytest.mark.parametrize("path", ODD_PATHS, ids=lambda path: path[:40])
def test_odd_urls_and_paths_get_clean_answers(site, path):
    client, _db_path, _checksum = site
    response = client.get(path, follow_redirects=True)
    assert_clean(response, statuses=[*range(400, 500), 200])
    assert "root:x:0:0" not in response.text
    assert SCRIPT not in response.text
    assert_unharmed(site)


SCRIPT_TARGETS = [
    ("/unami", {"sql": "select :p as p", "p": SCRIPT}),
    ("/unami", {"sql": f"select '{SCRIPT}' as p"}),
    ("/unami", {"sql": f"select * from {SCRIPT}"}),  # echoed in the error message
    ("/unami", {"sql": f'select 1 as "{SCRIPT}"'}),  # as a column name
    ("/unami/people", {"_search": SCRIPT}),
    ("/unami/people", {"name__contains": SCRIPT}),
    ("/unami/people", {"_sort": SCRIPT}),
    ("/unami/people", {"_facet": SCRIPT}),
    ("/unami/people", {"_where": SCRIPT}),
    ("/unami/people", {SCRIPT: SCRIPT}),
    ("/unami/post_holders_on_date", {"date": SCRIPT}),
    ("/unami/person_profile", {"person": SCRIPT}),
    ("/unami/contingent_list", {"status": SCRIPT, "country": SCRIPT}),
    (f"/unami/{SCRIPT}", None),
    ("/unami", {"sql": "select :p as p", "p": f'"><img src=x onerror=alert(1)>{SCRIPT}'}),
]


@pytest.mark.parametrize(("path", "params"), SCRIPT_TARGETS, ids=lambda value: str(value)[:40])
def test_script_payloads_come_back_escaped(site, path, params):
    client, _db_path, _checksum = site
    response = client.get(path, params=params)
    assert_clean(response, statuses=[*range(400, 500), 200])
    assert response.headers["content-type"].startswith("text/html")
    assert SCRIPT not in response.text
    assert "<img src=x" not in response.text
    if response.status_code == 200 and params and path == "/unami":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert_unharmed(site)


def test_the_test_server_runs_without_rich_as_deployed():
    # If rich became a runtime dependency the note at the top of this file would apply to production.
    requirements = Path(__file__).parent.parent / "pyproject.toml"
    runtime = requirements.read_text().split("[project.optional-dependencies]")[0]
    assert "rich" not in runtime
    assert importlib.util.find_spec("datasette") is not None


def test_the_live_server_reports_the_database_immutable(site):
    """`unami serve` must open the file with -i: a mutable database would accept writes from plugins."""
    client, db_path, _ = site
    databases = client.get("/-/databases.json").json()
    assert [(database["name"], database["is_mutable"]) for database in databases] == [("unami", False)]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "OPTIONS"])
@pytest.mark.parametrize("path", ["/", "/unami", "/unami/leaders_timeline", "/unami/people", "/-/dashboards/unami"])
def test_every_method_but_get_and_head_is_refused_with_405(site, method, path):
    client, _, _ = site
    response = client.request(method, path)
    assert (response.status_code, response.headers["allow"]) == (405, "GET, HEAD")
    assert_unharmed(site)


def test_head_still_answers(site):
    client, _, _ = site
    assert client.head("/unami/people").status_code == 200
