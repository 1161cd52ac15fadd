"""Server time of the pages a visitor opens first: the home page, entity pages, the dashboard and each of
its charts' data requests, measured through Datasette's in-process client on a built database, set up
as `unami serve` sets it up (`unami.site_server.datasette_instance`).

    python -m benchmarks.pages /tmp/unami-perf/unami.db      # a scaled build (see benchmarks/run.py)

Prints the median and p95 in milliseconds of each request (the first request of each warms caches and
is not counted) and the median CPU time the process spent on it (its threads included: Datasette runs SQL
in threads), which other jobs on a shared machine inflate far less than the wall time; the goal is a
median under 100 ms at the scale of the field.
"""

import argparse
import asyncio
import statistics
import time
from pathlib import Path
from urllib.parse import urlencode

from benchmarks import load_test

GOAL_MS = 100
ENTITY_TABLES = ("people", "appointments", "events", "contingents", "resolutions", "positions", "countries")


def pages(db_path: Path) -> list[tuple[str, str]]:
    """(label, path) of every request measured."""
    import sqlite3

    from unami.dashboard import SLUG
    from unami.site import database_name, site_config

    name = database_name(db_path)
    connection = sqlite3.connect(db_path)
    # entities of the real data (data/ is loaded first, so its rows hold the first ids) and the last ones
    ids = {table: connection.execute(f"select min(id), max(id) from {table}").fetchone() for table in ENTITY_TABLES}
    connection.close()
    found = [("home page", "/"), ("about page", "/about"), ("dashboard page", f"/-/dashboards/{SLUG}")]
    for table, (first, last) in ids.items():
        found.append((f"{table} page (first)", f"/{name}/{table}/{first}"))
        found.append((f"{table} page (last)", f"/{name}/{table}/{last}"))
    charts = site_config(db_path)["plugins"]["datasette-dashboards"][SLUG]["charts"]
    for slug, chart in charts.items():
        if "query" in chart:
            found.append((f"dashboard data: {slug}", f"/{name}.json?" + urlencode({"sql": chart["query"]})))
    return found


def measure(db_path: Path, runs: int) -> list[tuple[str, float, float, float, int]]:
    """(label, median ms, p95 ms, median CPU ms, status) of each request, `runs` times each."""
    from unami.site_server import datasette_instance

    datasette = datasette_instance(db_path)  # exactly as `unami serve` builds it
    results = []

    async def run():
        for label, path in pages(db_path):
            timings, cpu, status = [], [], 0
            for attempt in range(runs + 1):
                started, started_cpu = time.perf_counter(), time.process_time()
                response = await datasette.client.get(path)
                elapsed = (time.perf_counter() - started) * 1000
                status = response.status_code
                if attempt:
                    timings.append(elapsed)
                    cpu.append((time.process_time() - started_cpu) * 1000)
            median = statistics.median(timings)
            results.append((label, median, load_test.percentile(timings, 0.95), statistics.median(cpu), status))

    asyncio.run(run())
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path, help="a built database (a scaled build for the field-scale figures)")
    parser.add_argument("--runs", type=int, default=20, help="requests per page (default 20)")
    arguments = parser.parse_args(argv)
    results = measure(arguments.db, arguments.runs)
    width = max(len(label) for label, *_ in results)
    print(f"{'request':<{width}}  median ms  p95 ms  CPU ms  status")
    for label, median, p95, cpu, status in results:
        flag = "" if median < GOAL_MS and status == 200 else "  <- over the goal" if status == 200 else "  <- failed"
        print(f"{label:<{width}}  {median:9.1f}  {p95:6.1f}  {cpu:6.1f}  {status}{flag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
