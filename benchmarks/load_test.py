"""A bounded load test of the served site: many concurrent clients on report and table pages.

Starts `unami serve` on 127.0.0.1 (loopback only, never another host), runs clients for a fixed
duration or until a maximum request count, whichever comes first, then stops the server and
prints requests per second, p50/p99 latency, the error count and the server's peak resident
memory (VmHWM). Exits 1 if any request failed: zero errors is the bar.

    python -m benchmarks.load_test                      # 30 s, 32 clients, the project's unami.db
    python -m benchmarks.load_test --duration 3 --clients 4 --db /tmp/unami.db   # a smoke run
"""

import argparse
import asyncio
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from unami import DEFAULT_DATA_DIR, schema
from unami.build import build
from unami.reports import catalog

HOST = "127.0.0.1"


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    issued: int = 0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


def pages(database: str = "unami") -> list[str]:
    """Every report (with its example parameters, HTML and JSON) and every declared table page."""
    urls = []
    for report in catalog.load_all():
        query = str(httpx.QueryParams(report.example_params()))
        suffix = f"?{query}" if query else ""
        urls += [f"/{database}/{report.name}{suffix}", f"/{database}/{report.name}.json{suffix}"]
    for table in schema.metadata.sorted_tables:
        urls += [f"/{database}/{table.name}", f"/{database}/{table.name}.json?_shape=array"]
    return urls


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def peak_rss_mib(pid: int) -> float:
    """The process's peak resident set size (VmHWM) in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM in /proc/{pid}/status")


def start_server(db_path: Path, port: int, log) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "unami", "serve", "--db", str(db_path), "--host", HOST, "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"http://{HOST}:{port}/-/versions.json", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            raise SystemExit(f"unami serve did not start on {HOST}:{port}")
        time.sleep(0.2)


async def client_loop(client: httpx.AsyncClient, urls: list[str], offset: int, stop: float, limit: int, tally: Tally):
    index = offset
    while time.monotonic() < stop and tally.issued < limit:
        tally.issued += 1  # one event loop, so no lock is needed
        url = urls[index % len(urls)]
        index += 1
        started = time.perf_counter()
        try:
            response = await client.get(url)
        except httpx.HTTPError as error:
            tally.error(type(error).__name__)
            continue
        tally.latencies.append(time.perf_counter() - started)
        if response.status_code != 200:
            tally.error(f"HTTP {response.status_code} {url}")


async def run_clients(port: int, urls: list[str], clients: int, duration: float, limit: int) -> tuple[Tally, float]:
    tally = Tally()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=f"http://{HOST}:{port}", limits=limits, timeout=30) as client:
        started = time.monotonic()
        stop = started + duration
        await asyncio.gather(*(client_loop(client, urls, offset * 7, stop, limit, tally) for offset in range(clients)))
        elapsed = time.monotonic() - started
    return tally, elapsed


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to serve (default: build data/ into a temporary file)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load (default 30)")
    parser.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests")
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients (default 32)")
    arguments = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as scratch:
        db_path = Path(scratch) / "unami.db"
        if arguments.db:
            db_path.write_bytes(arguments.db.read_bytes())  # serve a copy: serve writes files beside it
        else:
            build(db_path, [DEFAULT_DATA_DIR])
        urls = pages()
        port = free_port()
        with open(Path(scratch) / "serve.log", "w") as log:
            server = start_server(db_path, port, log)
            try:
                tally, elapsed = asyncio.run(
                    run_clients(port, urls, arguments.clients, arguments.duration, arguments.max_requests)
                )
                peak = peak_rss_mib(server.pid)
            finally:
                server.terminate()
                server.wait(timeout=30)

    done = len(tally.latencies)
    errors = sum(tally.errors.values())
    print(f"{done} requests over {len(urls)} pages in {elapsed:.1f} s with {arguments.clients} clients")
    print(f"requests/s: {done / elapsed:.1f}")
    print(
        f"latency p50: {percentile(tally.latencies, 0.50) * 1000:.1f} ms, p99: "
        f"{percentile(tally.latencies, 0.99) * 1000:.1f} ms, max: {max(tally.latencies, default=0) * 1000:.1f} ms"
    )
    print(f"errors: {errors}" + "".join(f"\n  {count} x {kind}" for kind, count in sorted(tally.errors.items())))
    print(f"server peak RSS (VmHWM): {peak:.1f} MiB")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
