"""The site under requests that cost: a live `unami serve` must stay bounded, clean and answering.

Bounded: no query takes more than twice the SQL time limit of CPU on its SQL thread (the server logs
every query that runs past its limit, with its wall and CPU time), no request grows the server's memory
by 200 MB, no answer is larger than the response cap, and a cheap page answers in under 200 ms
while hostile clients run. Clean: no 5xx, no file path, memory address or other visitor's SQL,
no Host header in a link; idle and slow connections are closed. The figures are printed at the
end of the module (`pytest -s tests/test_hostile_site.py`) and quoted in the README.
"""

import contextlib
import json
import os
import re
import shutil
import socket
import sqlite3
import statistics
import sysconfig
import threading
import time
from pathlib import Path

import httpx
import pytest
from conftest import digest, live_unami_serve

from unami.datasette_limits import (
    MAX_FACETS,
    MAX_RESPONSE_BYTES,
    MAX_RESULT_BYTES,
    MAX_VISITOR_SQL,
    VISITOR_VALUE_BYTES,
)
from unami.site import SETTINGS
from unami.site_server import HEAD_TIMEOUT

TIME_LIMIT = SETTINGS["sql_time_limit_ms"] / 1000
MEMORY_BUDGET_MIB = 200
CHEAP_PAGE_SECONDS = 0.2
HELD = re.compile(r"unami: a SQL thread was held (\d+\.\d+) s, (\d+\.\d+) s of CPU")
FIGURES: dict[str, float] = {}


def record(name: str, value: float) -> None:
    FIGURES[name] = max(FIGURES.get(name, 0.0), value)


def server_pid(db_path: Path) -> int:
    """The process serving `db_path` (`unami serve` execs unami.site_server in its own process)."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"unami.site_server" in command and str(db_path).encode() in command:
                return int(entry.name)
    raise AssertionError(f"no server process for {db_path}")


def memory_kib(pid: int, field: str) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE).group(1))


@pytest.fixture(scope="module")
def site(tmp_path_factory, built_db):
    """(client, database path, server log) of a live `unami serve`; prints the figures at the end."""
    directory = tmp_path_factory.mktemp("hostile")
    with live_unami_serve(built_db, directory) as (address, db_path):
        checksum = digest(db_path)
        with httpx.Client(base_url=address, timeout=60) as client:
            yield client, db_path, directory / "serve.log"
        assert digest(db_path) == checksum
    print("\nfigures:", json.dumps(FIGURES, indent=1, sort_keys=True))


def longest_hold(log: Path) -> tuple[float, float]:
    """The longest wall time and the most CPU of the queries the server logged as past their time limit."""
    holds = [(float(wall), float(cpu)) for wall, cpu in HELD.findall(log.read_text())]
    return max((wall for wall, _ in holds), default=0.0), max((cpu for _, cpu in holds), default=0.0)


def get(client: httpx.Client, path: str, **params) -> httpx.Response:
    started = time.monotonic()
    response = client.get(path, params=params)
    record("largest response (bytes)", len(response.content))
    record("slowest answer (s)", time.monotonic() - started)
    assert response.status_code < 500, (response.status_code, response.text[:300])
    return response


def sql(client: httpx.Client, query: str, **params) -> httpx.Response:
    return get(client, "/unami.json", sql=query, _shape="array", **params)


# Each call or row below costs seconds to hours without the limits (length x length inside one call,
# milliseconds per step between Datasette's progress checks, a few hundred expressions in one row).
BIG = "hex(zeroblob(400000))"
ROWS = "with recursive r(i) as (select 1 union all select i + 1 from r limit 1000)"
COSTLY = {
    "trim": f"select length(trim({BIG}, {BIG} || 'x'))",
    "ltrim": f"select length(ltrim({BIG}, 'x' || {BIG}))",
    "rtrim": f"select length(rtrim({BIG}, {BIG} || 'x'))",
    "instr": f"select instr({BIG}, hex(zeroblob(200000)) || 'x')",
    "replace": f"select length(replace({BIG}, hex(zeroblob(200000)) || 'x', 'y'))",
    "like": f"select {BIG} like '%' || hex(zeroblob(400)) || 'x%'",
    "glob": f"select {BIG} glob '*' || hex(zeroblob(400)) || 'x*'",
    "like-in-where": f"select count(*) from people where {BIG} || name like '%' || hex(zeroblob(400)) || 'x%'",
    "printf-width-as-text": "select printf('%*c', '2000000000', 'x') is null",
    "printf-format-as-blob": "select printf(cast('%.2000000000c' as blob), 'x') is null",
    "printf-many-conversions": "select length(printf('" + "%9000c" * 200 + "'))",
    "format-width": "select format('%2000000000d', 1)",
    "slow-rows": "with recursive r(i) as (select 1 union all select i + 1 from r) "
    "select count(length(hex(randomblob(100000)))) from r",
}
# A row of a few hundred expressions over one large value: no loop between them, nothing to interrupt.
STRAIGHT = {
    "upper": "length(upper(x))",
    "concatenate": "length(x || 1)",
    "substr": "length(substr(x, 2))",
    "to-number": "(x + 0)",
    "printf-s": "length(printf('%s', x))",
    "randomblob": f"length(randomblob({VISITOR_VALUE_BYTES - 1}))",
}
for name, term in STRAIGHT.items():
    head = f"with t(x) as (select hex(zeroblob({VISITOR_VALUE_BYTES // 2 - 1}))) select "
    count = (MAX_VISITOR_SQL - len(head) - len(" as n from t")) // (len(term) + 1)
    COSTLY[f"straight-{name}"] = head + "+".join([term] * count) + " as n from t"


@pytest.mark.parametrize("query", COSTLY.values(), ids=COSTLY.keys())
def test_no_query_computes_past_twice_the_time_limit(site, query):
    client, _db_path, log = site
    response = sql(client, query)
    assert response.status_code in (200, 400), response.text[:300]
    held, cpu = longest_hold(log)
    record("longest SQL-thread hold, one client (s)", held)
    record("longest SQL-thread CPU, one client (s)", cpu)
    # Visitor threads run at nice 10: on a machine busy with other work their wall time stretches while
    # they wait for the CPU, so the bound is on the CPU a query takes on its thread.
    assert cpu <= 2 * TIME_LIMIT, f"a query took {cpu:.2f} s of CPU"


def test_sql_longer_than_the_cap_is_refused_but_the_dashboard_charts_are_answered(site):
    from unami.dashboard import dashboard
    from unami.reports import catalog

    client, _db_path, _log = site
    response = sql(client, "select 1 as n" + " " * MAX_VISITOR_SQL)
    assert (response.status_code, response.text) == (400, f"400 Bad Request: SQL over {MAX_VISITOR_SQL:,} characters\n")
    charts = dashboard("unami", {report.name: report for report in catalog.load_all()})["unami"]["charts"]
    longest = max((chart["query"] for chart in charts.values() if "query" in chart), key=len)
    assert len(longest) > MAX_VISITOR_SQL
    assert sql(client, longest).status_code == 200


WIDE = f"randomblob({VISITOR_VALUE_BYTES - 1}) as c, "
LONG_ROWS = f"{ROWS} select hex(zeroblob({VISITOR_VALUE_BYTES // 2 - 1})) as v from r"
MEMORY_HUNGRY = [
    # 1,000 rows of values near the visitor value cap: 250 MB if nothing stopped them.
    (
        "/unami.json",
        {"sql": f"{ROWS} select hex(zeroblob({VISITOR_VALUE_BYTES // 2 - 1})) as v from r", "_size": "max"},
    ),
    ("/unami", {"sql": f"{ROWS} select hex(zeroblob({VISITOR_VALUE_BYTES // 2 - 1})) as v from r", "_size": "max"}),
    # One row of as many large values as the SQL cap allows (about 20 MB).
    ("/unami.json", {"sql": "select " + WIDE * (MAX_VISITOR_SQL // len(WIDE) - 1) + "1 as last"}),
    # Ten facets of a view, each with the largest facet size.
    ("/unami/appointments_overview", {"_facet": ["position", "person", "nationality"], "_facet_size": "max"}),
    ("/unami/people.json", {"_size": "max", "_shape": "array", "_facet": ["name"], "_facet_size": "max"}),
]


def test_no_request_grows_the_server_memory_by_200_mb(site):
    client, db_path, _log = site
    pid = server_pid(db_path)
    for path, params in MEMORY_HUNGRY:
        before = memory_kib(pid, "VmRSS")
        response = get(client, path, **params)
        assert response.status_code in (200, 400), response.text[:300]
        growth = (memory_kib(pid, "VmHWM") - before) / 1024  # the peak since start: an upper bound
        record("peak server memory growth (MiB)", growth)
        assert growth < MEMORY_BUDGET_MIB, (path, params, growth)


def test_an_answer_over_the_result_cap_is_a_clean_400(site):
    client, _db_path, _log = site
    response = sql(client, f"{ROWS} select hex(zeroblob(60000)) as v from r", _size="max")
    assert response.status_code == 400
    assert f"the answer is over {MAX_RESULT_BYTES:,} bytes" in response.json()["error"]


def test_a_response_over_the_size_cap_is_a_clean_400(site):
    # 9 MB of control characters pass the result cap and become 54 MB of JSON (each one \\u0001).
    client, _db_path, _log = site
    query = (
        "with recursive r(i) as (select 1 union all select i + 1 from r limit 90) "
        "select replace(hex(zeroblob(50000)), '0', char(1)) as v from r"
    )
    response = sql(client, query, _size="max")
    assert (response.status_code, response.text) == (
        400,
        f"400 Bad Request: answer over {MAX_RESPONSE_BYTES:,} bytes\n",
    )


@pytest.mark.parametrize(
    "facets",
    [["position"] * 1000, ["position", "position"], [f"column{i}" for i in range(MAX_FACETS + 1)]],
    ids=["1000-times", "twice", "too-many"],
)
def test_repeated_or_excessive_facets_are_refused_at_once(site, facets):
    client, _db_path, _log = site
    started = time.monotonic()
    response = get(client, "/unami/appointments_overview.json", _facet=facets)
    assert time.monotonic() - started < 1.0
    assert (response.status_code, response.text) == (400, f"400 Bad Request: at most {MAX_FACETS} facets, each once\n")


def test_a_few_distinct_facets_are_answered(site):
    client, _db_path, _log = site
    response = get(client, "/unami/appointments_overview.json", _facet=["position", "nationality"])
    assert response.status_code == 200
    assert {facet for facet in response.json()["facet_results"]} >= {"position", "nationality"}


SECRETS = [
    ("select * from pragma_database_list", "access to pragma_database_list.seq is prohibited"),
    ("select file from pragma_database_list()", "access to pragma_database_list.file is prohibited"),
    ("select sql from sqlite_stmt", "access to sqlite_stmt.sql is prohibited"),
    ("select fts3_tokenizer('simple')", "not authorized to use function: fts3_tokenizer"),
    ("select hex(fts3_tokenizer('porter'))", "not authorized to use function: fts3_tokenizer"),
    # Not a secret: length x length work that carries a JSON subtype no Python guard can keep.
    ("select json_patch('{\"a\": 1}', '{\"b\": 2}')", "not authorized to use function: json_patch"),
]


@pytest.mark.parametrize(("query", "error"), SECRETS, ids=[query for query, _ in SECRETS])
def test_paths_pointers_and_other_visitors_sql_are_refused(site, query, error):
    client, _db_path, _log = site
    response = sql(client, query)
    assert (response.status_code, response.json()["error"]) == (400, error)


PAGES = ["/-/databases.json", "/-/versions.json", "/-/plugins.json", "/-/settings.json", "/-/threads.json"]
PAGES += ["/-/metadata.json", "/", "/unami", "/unami.json", "/unami/people", "/unami/people/6", "/-/dashboards/unami"]


@pytest.mark.parametrize("path", PAGES)
def test_no_page_shows_a_path_or_a_memory_address(site, path):
    client, db_path, _log = site
    response = get(client, path)
    assert response.status_code == 200
    assert str(db_path.parent) not in response.text
    assert str(Path(shutil.which("python") or "/usr").parent.parent) not in response.text
    assert sysconfig.get_paths()["stdlib"] not in response.text  # e.g. a task waiting in asyncio
    assert not re.search(r"0x[0-9a-f]{11,}", response.text)


def test_the_host_header_never_reaches_a_link(site):
    client, _db_path, _log = site
    forged = {"host": "evil.example"}
    pages = [
        "/unami/appointments_overview?_facet=position",
        "/unami/people.json?_size=2",
        "/unami/people?_size=2",
        "/unami.json?sql=select+randomblob(4)+as+b",
    ]
    for path in pages:
        response = client.get(path, headers=forged)
        assert response.status_code == 200
        assert "evil.example" not in response.text
        assert "evil.example" not in json.dumps(dict(response.headers))
    assert client.get("/unami/people.json?_size=2", headers=forged).json()["next_url"].startswith("/unami/people.json?")


def connection_closed_after(port: int, send_slowly: bool) -> float:
    """Seconds until the server closes a connection that sends nothing, or one header byte a second."""
    with socket.create_connection(("127.0.0.1", port), timeout=HEAD_TIMEOUT * 4) as connection:
        started = time.monotonic()
        if send_slowly:
            connection.settimeout(1.0)
            for byte in b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 100:
                connection.send(bytes([byte]))
                try:
                    if connection.recv(1) == b"":
                        break
                except TimeoutError:
                    continue
        else:
            assert connection.recv(1) == b""
        return time.monotonic() - started


def test_idle_and_slow_header_connections_are_closed(site):
    client, _db_path, _log = site
    results: dict[bool, float] = {}

    def measure(slow: bool) -> None:
        results[slow] = connection_closed_after(client.base_url.port, slow)

    threads = [threading.Thread(target=measure, args=(slow,)) for slow in (False, True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert HEAD_TIMEOUT - 0.5 <= results[False] <= HEAD_TIMEOUT + 2, results
    assert HEAD_TIMEOUT - 0.5 <= results[True] <= HEAD_TIMEOUT + 2, results
    assert get(client, "/-/versions.json").status_code == 200


HOSTILE = [
    COSTLY["slow-rows"],
    COSTLY["straight-to-number"],
    "with recursive r(i) as (select 1 union all select i + 1 from r) select count(*) from r",
    "select count(*) from people a, people b, people c, people d, people e, people f, people g",
]
CHEAP = ["/unami/people", "/unami/people/6", "/unami/leaders_timeline", "/unami/people.json?_size=5"]


def test_cheap_pages_answer_under_200_ms_while_hostile_clients_run(site):
    client, _db_path, log = site
    for path in CHEAP:  # warm: templates compiled, connections open
        get(client, path)
    stop = time.monotonic() + 6.0
    hostile_requests = []

    def hostile(offset: int) -> None:
        with httpx.Client(base_url=client.base_url, timeout=60) as attacker:
            number = offset
            while time.monotonic() < stop:
                query = HOSTILE[number % len(HOSTILE)]
                number += 1
                response = attacker.get("/unami.json", params={"sql": query, "_shape": "array"})
                hostile_requests.append(response.status_code)

    attackers = [threading.Thread(target=hostile, args=(offset,)) for offset in range(6)]
    for attacker in attackers:
        attacker.start()
    time.sleep(1.0)  # every visitor SQL thread busy, more queued behind them
    latencies = []
    while time.monotonic() < stop - 0.5:
        for path in CHEAP:
            started = time.monotonic()
            assert client.get(path).status_code == 200
            latencies.append(time.monotonic() - started)
    for attacker in attackers:
        attacker.join()
    latencies.sort()
    record("cheap page p50 under hostile load (ms)", 1000 * statistics.median(latencies))
    record("cheap page p95 under hostile load (ms)", 1000 * latencies[int(0.95 * (len(latencies) - 1))])
    record("hostile requests during the cheap-page run", len(hostile_requests))
    assert all(status in (200, 400) for status in hostile_requests)
    assert statistics.median(latencies) < CHEAP_PAGE_SECONDS, latencies
    held, cpu = longest_hold(log)
    record("longest SQL-thread hold, 6 hostile clients (s)", held)
    record("longest SQL-thread CPU, 6 hostile clients (s)", cpu)
    assert cpu <= 2 * TIME_LIMIT, f"a query took {cpu:.2f} s of CPU"


def test_a_running_server_serves_a_new_build_once_the_file_is_replaced(tmp_path, built_db):
    foreign = tmp_path / "unami.metadata.json"
    foreign.write_text("not ours\n")
    with live_unami_serve(built_db, tmp_path) as (address, db_path):
        assert sorted(path.name for path in tmp_path.iterdir()) == ["serve.log", "unami.db", "unami.metadata.json"]
        assert foreign.read_text() == "not ours\n"
        new = tmp_path / ".unami.db.new"
        shutil.copyfile(db_path, new)
        with sqlite3.connect(new) as connection:
            connection.execute("update dataset_versions set data_version = 'swapped-0000'")
        connection.close()
        os.replace(new, db_path)  # what `unami build` does
        query = "/unami.json?sql=select+data_version+from+dataset_versions&_shape=array"
        deadline = time.monotonic() + 30
        versions = []
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.TransportError, ValueError):  # restarting
                versions.append(httpx.get(address + query, timeout=5).json()[0]["data_version"])
            if versions and versions[-1] == "swapped-0000":
                break
            time.sleep(0.2)
        assert versions[-1] == "swapped-0000", versions
        assert "was replaced: finishing the answers in progress" in (tmp_path / "serve.log").read_text()
