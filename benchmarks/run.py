"""Measure build, load, reports and serving side by side, and print one table of figures.

    python -m benchmarks.run                 # the full run: ~1.36M rows, about 10 minutes on 2 cores
    python -m benchmarks.run --scale 0.05    # a quick run at 5% of the scale

Every figure comes from this one run on this machine (printed at the top). The machine is
shared and noisy: each timing is the median of `--repeat` runs, interleaved with what it is
compared to, and each ratio divides two medians. Work files go to `--work` (default
/tmp/unami-perf), never into the repository. The benchmark is not part of CI.

What is compared:
- real build: a cold build of data/ in a child process (phases from BuildResult.seconds;
  peak memory is the larger of the child's own ru_maxrss and its process tree's sampled PSS);
- scale: the synthetic corpus (benchmarks/synthetic.py) loaded beside data/ by the same
  validating loaders, end to end (parse, validate, insert, index, verify), next to the
  floor (sqlite3.executemany of the same rows, one transaction, same migrated schema) and
  the peer tool (`sqlite-utils insert --nl` of the same rows as JSON lines);
- reports at scale: every canned report through Datasette's in-process client;
- serving: requests/s and p99 of one report as JSON and as HTML next to `select 1` as JSON
  on the same `unami serve`, with a Python load generator on loopback;
- start-up: `unami serve` on an up-to-date database until its first answer.
"""

import argparse
import asyncio
import contextlib
import io
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from benchmarks import load_test, pages, synthetic
from unami import DEFAULT_DATA_DIR, PROJECT_ROOT, schema
from unami.reports import catalog

# The build's phases, in order (BuildResult.seconds).
PHASES = ("validate", "migrate", "load", "summarize", "index", "verify")
LONG_REPORT = "event_timeline"  # its example parameters return 1,000 rows at scale
BOUND = "datasette_1000_rows"  # the figure of Datasette's own 1,000-row answer, beside the reports
BOUND_TABLE = "events"  # served as Datasette's own 1,000-row page: the bound of a 1,000-row report
GOAL = {"build_over_floor": 2.0, "speed_over_peer": 2.5, "peak_mib": 400, "report_ms": 50, "page_ms": 100}
GOAL_RATIO_TO_TABLE_PAGE = 0.8
SCALE = {"strengths": 1_000_000, "appointments": 100_000, "events": 100_000}
GROWTH = (0.1, 0.3, 1)  # fractions of --scale built for the growth table


STARTED = time.perf_counter()


def done(step: str) -> None:
    """Say on the console that a step is done, and when (seconds since the run started)."""
    print(f"{step} done at {time.perf_counter() - STARTED:.0f} s", flush=True)


# --- child processes: each measures itself, so peak memory is its own -----------------------


def child_build(db_path: Path, data_dirs: list[Path]) -> dict:
    from unami.build import build

    result = build(db_path, data_dirs)
    summary_rows = sum(count for table, count in result.counts.items() if table in schema.SUMMARY_TABLE_NAMES)
    return {"seconds": result.seconds, "rows": sum(result.counts.values()), "summary_rows": summary_rows}


def migrated_and_derived(db_path: Path) -> None:
    """A fresh database with every table of a build, summaries included, and no row (not timed)."""
    from unami import derived, migrate

    migrate.upgrade(db_path)
    derived.derive_file(db_path)  # over no facts: the summary tables are created empty


def child_floor(source_db: Path, target_db: Path) -> dict:
    """executemany of every row of `source_db` into a fresh migrated `target_db`, one transaction."""
    migrated_and_derived(target_db)
    source = sqlite3.connect(source_db)
    tables = {
        table.name: ([c.name for c in table.columns], source.execute(f"select * from [{table.name}]").fetchall())
        for table in schema.metadata.sorted_tables
    }
    source.close()
    target = sqlite3.connect(target_db, isolation_level=None)
    target.execute("PRAGMA foreign_keys = ON")
    started = time.perf_counter()
    target.execute("BEGIN")
    target.execute("PRAGMA defer_foreign_keys = ON")
    for name, (columns, rows) in tables.items():
        marks = ", ".join("?" * len(columns))
        target.executemany(f"insert into [{name}] ({', '.join(columns)}) values ({marks})", rows)
    target.execute("COMMIT")
    seconds = time.perf_counter() - started
    target.close()
    return {"seconds": {"total": seconds}, "rows": sum(len(rows) for _, rows in tables.values())}


def process_tree(pid: int) -> list[int]:
    """`pid` and its descendants (Linux /proc)."""
    pids = [pid]
    with contextlib.suppress(OSError):  # a process that has just ended
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                for child in children.read().split():
                    pids += process_tree(int(child))
    return pids


def pss_mib(pid: int) -> float:
    """The proportional set size of `pid`: its private pages and its share of pages shared with others."""
    with contextlib.suppress(OSError), open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_child(kind: str, *arguments: str) -> dict:
    """Run one measured child; return its JSON result with its peak memory in MiB.

    The build validates bulk files in a forked process whose resident pages are mostly the
    build's own, shared: adding the two RSS peaks would count them twice. So the tree's PSS
    (each shared page split among its sharers) is sampled every 0.25 s from here, outside the
    measured processes; `peak_mib` is the larger of that and the child's own exact RSS peak.
    """
    with subprocess.Popen(
        [sys.executable, "-m", "benchmarks.run", "--child", kind, *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
    ) as child:
        tree_pss = 0.0
        while child.poll() is None:
            tree_pss = max(tree_pss, sum(pss_mib(pid) for pid in process_tree(child.pid)))
            time.sleep(0.25)
        stdout, stderr = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"benchmark child {kind} failed:\n{stderr[-3000:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["tree_peak_pss_mib"] = tree_pss
    result["peak_mib"] = max(result["own_peak_rss_mib"], tree_pss)
    return result


def child_main(kind: str, arguments: list[str]) -> None:
    if kind == "build":
        result = child_build(Path(arguments[0]), [Path(a) for a in arguments[1:]])
    elif kind == "floor":
        result = child_floor(Path(arguments[0]), Path(arguments[1]))
    elif kind == "peer":
        result = child_peer(Path(arguments[0]), arguments[1:])
    else:
        raise SystemExit(f"unknown child {kind}")
    result["own_peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["children_peak_rss_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(result))


# --- the peer tool --------------------------------------------------------------------------


def export_jsonl(source_db: Path, directory: Path) -> list[tuple[str, Path]]:
    """Every declared table of `source_db` as JSON lines (not timed)."""
    directory.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(source_db)
    connection.row_factory = sqlite3.Row
    files = []
    for table in schema.metadata.sorted_tables:
        path = directory / f"{table.name}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            count = 0
            for row in connection.execute(f"select * from [{table.name}]"):
                handle.write(json.dumps(dict(row), ensure_ascii=False) + "\n")
                count += 1
        if count:
            files.append((table.name, path))
    connection.close()
    return files


def child_peer(target_db: Path, files: list[str]) -> dict:
    """`sqlite-utils insert DB TABLE FILE --nl` of every table (`table=path` pairs), into a fresh migrated database.

    The command runs in this one process (its click entry point, as the console script calls it) so the
    figure is the tool's loading, not one interpreter start-up per table.
    """
    from sqlite_utils.cli import cli

    target_db.unlink(missing_ok=True)
    migrated_and_derived(target_db)
    started = time.perf_counter()
    for pair in files:
        table, path = pair.split("=", 1)
        with contextlib.redirect_stdout(io.StringIO()):
            cli.main(["insert", str(target_db), table, path, "--nl"], standalone_mode=False)
    return {"seconds": time.perf_counter() - started}


def peer_load(files: list[tuple[str, Path]], target_db: Path) -> dict:
    """The peer tool's load of every table, in a child process (timed there; its peak memory is its own)."""
    result = run_child("peer", str(target_db), *(f"{table}={path}" for table, path in files))
    target_db.unlink(missing_ok=True)
    return result


# --- reports and serving --------------------------------------------------------------------


def _query(params: dict) -> str:
    return str(httpx.QueryParams(params))


def report_latencies(db_path: Path, runs: int) -> dict[str, dict[str, dict]]:
    """Median and p95 (ms) of every canned report as JSON through Datasette's in-process client.

    Each report is timed twice: with its first example parameters, and blank, as its page
    first opens in Datasette (blank often means "everything": the largest answer).
    """
    from datasette.app import Datasette

    from unami.site import SETTINGS, database_name, metadata_065, site_config

    datasette = Datasette(immutables=[str(db_path)], metadata=metadata_065(site_config(db_path)), settings=SETTINGS)
    name = database_name(db_path)
    results: dict[str, dict[str, dict]] = {}

    urls = []  # (report, "example" or "blank", url)
    for report in catalog.load_all():
        blank = {parameter.name: "" for parameter in report.parameters}
        for label, params in (("example", report.example_params()), ("blank", blank)):
            urls.append((report.name, label, f"/{name}/{report.name}.json?" + _query({**params, "_shape": "array"})))
    # Datasette's own cost of a 1,000-row JSON answer (SQL as plain as it gets), the bound of a listing report
    bound_sql = f"select * from {BOUND_TABLE} limit 1000"
    urls.append((BOUND, "example", f"/{name}.json?" + _query({"sql": bound_sql, "_shape": "array"})))

    async def measure():
        for report_name, label, url in urls:
            timings, status = [], None
            for attempt in range(runs + 1):
                started = time.perf_counter()
                response = await datasette.client.get(url)
                elapsed = (time.perf_counter() - started) * 1000
                status = response.status_code
                if attempt:  # the first request warms caches
                    timings.append(elapsed)
            results.setdefault(report_name, {})[label] = {
                "median": statistics.median(timings),
                "p95": load_test.percentile(timings, 0.95),
                "status": status,
            }

    # A report over the time limit makes Datasette print a long traceback per request: keep the table readable.
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        asyncio.run(measure())
    return results


def first_answer_seconds(command: list[str], port: int, log) -> tuple[float, subprocess.Popen]:
    """Start a server and time it until its first 200."""
    started = time.perf_counter()
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=PROJECT_ROOT)
    while True:
        try:
            if httpx.get(f"http://{load_test.HOST}:{port}/-/versions.json", timeout=2).status_code == 200:
                return time.perf_counter() - started, server
        except httpx.TransportError:
            pass
        if server.poll() is not None or time.perf_counter() - started > 300:
            server.kill()
            raise SystemExit(f"{command[:4]} did not answer within 300 s")
        time.sleep(0.02)


def unami_serve_startup(db_path: Path, log_path: Path) -> tuple[float, bool]:
    """`unami serve` on an up-to-date build of data/: seconds to the first answer, and whether it rebuilt."""
    port = load_test.free_port()
    command = [sys.executable, "-m", "unami", "serve", "--db", str(db_path), "--host", load_test.HOST]
    with open(log_path, "w") as log:
        seconds, server = first_answer_seconds([*command, "--port", str(port)], port, log)
        server.terminate()
        server.wait(timeout=30)
    return seconds, "building it first" in log_path.read_text()


def serve_figures(db_path: Path, reports: list[catalog.Report], seconds: float, clients: int, rounds: int, log) -> dict:
    """Start-up time, then rounds of load on the floor and each report's JSON and HTML in turn (medians)."""
    name = db_path.stem
    urls = {
        "floor: select 1 (JSON)": f"/{name}.json?sql=select+1&_shape=array",
        # Datasette's own 1,000-row page of a plain table about as wide as event_timeline (12 columns to 13)
        f"table {BOUND_TABLE} (JSON)": f"/{name}/{BOUND_TABLE}.json?_size=max&_shape=array",
        f"table {BOUND_TABLE} (HTML)": f"/{name}/{BOUND_TABLE}?_size=max",
    }
    for report in reports:
        query = str(httpx.QueryParams(report.example_params()))
        urls[f"report {report.name} (JSON)"] = f"/{name}/{report.name}.json?_shape=array" + (
            f"&{query}" if query else ""
        )
        urls[f"report {report.name} (HTML)"] = f"/{name}/{report.name}" + (f"?{query}" if query else "")
    # The scaled file is served with exactly the command `unami serve` would exec, without its stale
    # check (which would hash every file of the corpus again), so the figure is the site's own start-up.
    from unami import serve

    port = load_test.free_port()
    started = time.perf_counter()
    command_startup, server = first_answer_seconds(serve.serve_command(db_path, load_test.HOST, port), port, log)
    startup = time.perf_counter() - started
    figures = {label: {"rps": [], "p99": [], "errors": 0} for label in urls}
    try:
        for _ in range(rounds):
            for label, url in urls.items():
                tally, elapsed = asyncio.run(load_test.run_clients(port, [url], clients, seconds, 10**9))
                figures[label]["rps"].append(len(tally.latencies) / elapsed)
                figures[label]["p99"].append(load_test.percentile(tally.latencies, 0.99) * 1000)
                figures[label]["errors"] += sum(tally.errors.values())
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"startup": startup, "urls": urls, "figures": figures}


# --- the machine and the table -------------------------------------------------------------


def machine() -> str:
    memory = next(
        (
            int(line.split()[1]) / 1024**2
            for line in Path("/proc/meminfo").read_text().splitlines()
            if "MemTotal" in line
        ),
        float("nan"),
    )
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "unknown CPU",
    )
    return (
        f"{os.cpu_count()} cores ({model}), {memory:.1f} GiB RAM, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()}; "
        f"load average at start {os.getloadavg()[0]:.1f} (shared machine: figures are medians)"
    )


class Table:
    """The printed table, and the same figures under stable names for programs (`--json`)."""

    def __init__(self):
        self.rows: list[tuple[str, str, str, str]] = []
        self.figures: dict[str, float | int | str | bool] = {}

    def figure(self, name: str, value: float | int | str | bool) -> None:
        self.figures[name] = round(value, 4) if isinstance(value, float) else value

    def add(self, measure: str, value: str = "", compared: str = "", verdict: str = "") -> None:
        self.rows.append((measure, value, compared, verdict))

    def render(self) -> str:
        header = ("measure", "median", "side by side / ratio", "goal")
        widths = [max(len(row[i]) for row in [header, *self.rows]) for i in range(4)]
        line = "+-" + "-+-".join("-" * width for width in widths) + "-+"
        out = [line, "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"]
        for row in self.rows:
            if row[0].startswith("## "):
                out += [line, "| " + row[0][3:].ljust(sum(widths) + 9) + " |", line]
                continue
            out.append("| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |")
        out.append(line)
        return "\n".join(out)


def figure_name(label: str) -> str:
    """A printed label as a stable JSON name: "report event_timeline (JSON)" -> "report_event_timeline.json"."""
    return label.replace(": ", ".").replace(" (", ".").rstrip(")").replace(" ", "_").lower()


def met(ok: bool) -> str:
    return "met" if ok else "MISSED"


def median_of(results: list[dict], *path: str) -> float:
    values = []
    for result in results:
        value = result
        for key in path:
            value = value[key]
        values.append(value)
    return statistics.median(values)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full synthetic scale (default 1)")
    parser.add_argument("--repeat", type=int, help="runs per small measurement (default 3; 1 below scale 0.5)")
    parser.add_argument("--scale-repeat", type=int, default=1, help="runs of the scaled load and its floor (default 1)")
    parser.add_argument("--report-runs", type=int, help="requests per report or page (default 20; 10 below 0.5)")
    parser.add_argument(
        "--serve-reports",
        default="event_timeline,mission_fact_sheet",
        help="comma-separated reports to load-test (default: a 1,000-row answer and a one-page answer)",
    )
    parser.add_argument("--serve-seconds", type=float, help="seconds per load round (default 5; 1 below 0.5)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/unami-perf"), help="scratch directory")
    parser.add_argument("--json", type=Path, help="also write every figure, the machine and versions to this file")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    quick = arguments.scale < 0.5  # a quick look: fewer requests and shorter load rounds, under two minutes
    arguments.report_runs = arguments.report_runs or (10 if quick else 20)
    arguments.serve_seconds = arguments.serve_seconds or (1.0 if quick else 5.0)
    arguments.repeat = arguments.repeat or (1 if quick else 3)
    return arguments


def measure_real_build(work: Path, repeat: int, table: Table) -> None:
    """data/ only, cold (a fresh file each run)."""
    builds = []
    for run in range(repeat):
        target = work / f"real-{run}.db"
        target.unlink(missing_ok=True)
        builds.append(run_child("build", str(target), str(DEFAULT_DATA_DIR)))
    phases = ", ".join(f"{phase} {median_of(builds, 'seconds', phase):.2f}" for phase in PHASES)
    table.add("## Real build (data/, cold, child process)")
    table.add("wall time", f"{median_of(builds, 'seconds', 'total'):.2f} s", f"phases (s): {phases}")
    table.add("peak memory", f"{median_of(builds, 'peak_mib'):.0f} MiB", f"{builds[0]['rows']} rows")
    table.figure("real_build.seconds", median_of(builds, "seconds", "total"))
    table.figure("real_build.peak_mib", median_of(builds, "peak_mib"))
    table.figure("real_build.rows", builds[0]["rows"])
    for phase in PHASES:
        table.figure(f"real_build.phase_seconds.{phase}", median_of(builds, "seconds", phase))
    done("real build")


def synthetic_corpus(work: Path, scale: float) -> tuple[dict[str, int], Path]:
    """Generate the corpus at `scale` (deterministic; reused when the same scale is already on disk)."""
    counts_target = {key: int(value * scale) for key, value in SCALE.items()}
    corpus = work / f"corpus-{scale:g}"
    marker = corpus / "counts.json"
    if not marker.exists():
        counts = synthetic.generate(corpus, **counts_target)
        marker.write_text(json.dumps(counts))
    return json.loads(marker.read_text()), corpus


def measure_scaled_build(work: Path, arguments: argparse.Namespace, table: Table) -> Path:
    """The corpus loaded beside data/ by unami build, by the floor and by the peer; return the built file."""
    counts, corpus = synthetic_corpus(work, arguments.scale)
    data_dirs = [DEFAULT_DATA_DIR, *sorted(corpus.glob("part-*"))]
    scaled_db = work / "unami.db"  # named unami so the served URLs read /unami/...
    scaled, floors = [], []
    for _run in range(arguments.scale_repeat):  # interleaved: loaders, then floor, then again
        scaled_db.unlink(missing_ok=True)
        scaled.append(run_child("build", str(scaled_db), *map(str, data_dirs)))
        done("scaled build")
        floor_db = work / "floor.db"
        floor_db.unlink(missing_ok=True)
        floors.append(run_child("floor", str(scaled_db), str(floor_db)))
        floor_db.unlink(missing_ok=True)
        done("floor")
    jsonl = export_jsonl(scaled_db, work / "peer-jsonl")
    peer = peer_load(jsonl, work / "peer.db")
    done("peer")

    rows = scaled[0]["rows"]
    ours = median_of(scaled, "seconds", "total")
    floor = median_of(floors, "seconds", "total")
    phases = ", ".join(f"{phase} {median_of(scaled, 'seconds', phase):.1f}" for phase in PHASES)
    # The floor and the peer write every row of the built file, summaries included: the same rows.
    summary_rows = scaled[0]["summary_rows"]
    table.add(
        f"## Scale: {rows:,} rows: {rows - summary_rows:,} from the files ({counts['contingent_strengths']:,} "
        f"strengths, {counts['appointments']:,} appointments, {counts['events']:,} events, "
        f"{counts['missions']} missions) + {summary_rows:,} summary rows derived by the build"
    )
    table.add("unami build end to end", f"{rows / ours:,.0f} rows/s", f"{ours:.1f} s; phases (s): {phases}")
    table.add(
        "floor: executemany, 1 transaction",
        f"{rows / floor:,.0f} rows/s",
        f"{floor:.1f} s; unami build takes {ours / floor:.1f}x the floor",
        f"<= {GOAL['build_over_floor']}x floor: {met(ours / floor <= GOAL['build_over_floor'])}",
    )
    table.add(
        "peer: sqlite-utils insert --nl",
        f"{rows / peer['seconds']:,.0f} rows/s",
        f"{peer['seconds']:.1f} s; unami build is {peer['seconds'] / ours:.2f}x the peer's speed",
        f">= {GOAL['speed_over_peer']}x peer: {met(peer['seconds'] / ours >= GOAL['speed_over_peer'])}",
    )
    peak = median_of(scaled, "peak_mib")
    for name, value in {
        "scaled_build.rows": rows,
        "scaled_build.summary_rows": summary_rows,
        "scaled_build.seconds": ours,
        "scaled_build.rows_per_second": rows / ours,
        "scaled_build.peak_mib": peak,
        "scaled_build.own_peak_rss_mib": median_of(scaled, "own_peak_rss_mib"),
        "scaled_build.tree_peak_pss_mib": median_of(scaled, "tree_peak_pss_mib"),
        "scaled_build.validator_peak_rss_mib": median_of(scaled, "children_peak_rss_mib"),
        "floor.seconds": floor,
        "floor.rows_per_second": rows / floor,
        "floor.peak_mib": median_of(floors, "peak_mib"),
        "peer.seconds": peer["seconds"],
        "peer.rows_per_second": rows / peer["seconds"],
        "peer.peak_mib": peer["peak_mib"],
        "ratio.build_time_over_floor": ours / floor,
        "ratio.build_speed_over_peer": peer["seconds"] / ours,
        **{f"scaled_build.phase_seconds.{phase}": median_of(scaled, "seconds", phase) for phase in PHASES},
    }.items():
        table.figure(name, value)
    table.add(
        "unami build peak memory",
        f"{peak:.0f} MiB",
        f"own RSS {median_of(scaled, 'own_peak_rss_mib'):.0f} MiB, with the validating process PSS"
        f" {median_of(scaled, 'tree_peak_pss_mib'):.0f} MiB; floor child {median_of(floors, 'peak_mib'):.0f} MiB",
        f"<= {GOAL['peak_mib']} MiB: {met(peak <= GOAL['peak_mib'])}",
    )
    return scaled_db


def measure_growth(work: Path, arguments: argparse.Namespace, table: Table) -> None:
    """Build time and peak memory of unami build at fractions of the scale, the full scale's from this run."""
    table.add("## Growth (unami build end to end at three scales, one run each)")
    for fraction in GROWTH:
        scale = arguments.scale * fraction
        if fraction == 1:
            seconds, peak, rows = (table.figures[f"scaled_build.{key}"] for key in ("seconds", "peak_mib", "rows"))
        else:
            _, corpus = synthetic_corpus(work, scale)
            target = work / "growth.db"
            target.unlink(missing_ok=True)
            built = run_child("build", str(target), str(DEFAULT_DATA_DIR), *map(str, sorted(corpus.glob("part-*"))))
            target.unlink(missing_ok=True)
            seconds, peak, rows = built["seconds"]["total"], built["peak_mib"], built["rows"]
        key = f"growth.scale_{scale:g}"
        for name, value in (("rows", rows), ("seconds", seconds), ("peak_mib", peak)):
            table.figure(f"{key}.{name}", value)
        table.figure(f"{key}.microseconds_per_row", seconds / rows * 1e6)
        table.add(
            f"scale {scale:g}: {int(rows):,} rows",
            f"{seconds:.1f} s",
            f"{seconds / rows * 1e6:.1f} us a row; peak {peak:.0f} MiB",
        )
    done("growth")


def measure_reports(scaled_db: Path, runs: int, table: Table) -> None:
    """Every report at scale, with its first example parameters and blank."""
    latencies = report_latencies(scaled_db, runs)
    bound = latencies.pop(BOUND)["example"]
    table.add(
        f"## Reports at scale ({len(latencies)} reports, Datasette in-process, {runs} runs;"
        " first example parameters, then blank as the page first opens)"
    )

    def under_goal(figures: dict) -> bool:
        return figures["median"] < GOAL["report_ms"] and figures["status"] == 200

    def shown(figures: dict) -> str:
        status = "" if figures["status"] == 200 else f" HTTP {figures['status']}"
        return f"{figures['median']:.1f} ms (p95 {figures['p95']:.1f}){status}"

    for key in ("median", "p95"):
        table.figure(f"reports.bound_{BOUND_TABLE}_1000_rows_json.{key}_ms", bound[key])
    table.add(
        f"bound: Datasette's own 1,000-row JSON (select * from {BOUND_TABLE} limit 1000)",
        f"{bound['median']:.1f} ms",
        f"p95 {bound['p95']:.1f} ms; what any 1,000-row answer costs to render, before its SQL",
    )
    for name, by_params in sorted(latencies.items(), key=lambda item: -item[1]["example"]["median"]):
        example, blank = by_params["example"], by_params["blank"]
        for parameters, figures in by_params.items():
            for key in ("median", "p95"):
                table.figure(f"reports.{name}.{parameters}.{key}_ms", figures[key])
            table.figure(f"reports.{name}.{parameters}.status", figures["status"])
        table.add(
            f"report {name}",
            f"{example['median']:.1f} ms",
            f"p95 {example['p95']:.1f} ms{'' if example['status'] == 200 else ' HTTP ' + str(example['status'])};"
            f" blank: {shown(blank)}",
            f"< {GOAL['report_ms']} ms, both: {met(under_goal(example) and under_goal(blank))}",
        )
    done("reports")


def measure_serving(scaled_db: Path, arguments: argparse.Namespace, table: Table) -> None:
    """Load on the floor, on a plain table's 1,000-row page and on each chosen report, JSON and HTML, one server.

    A report's ratio to the table page in the same format is what the project adds to Datasette's own
    cost of rendering that many rows (goal: at least 0.8x for the 1,000-row report).
    """
    served_reports = [catalog.load(name) for name in arguments.serve_reports.split(",")]
    with open(arguments.work / "serve.log", "w") as log:
        served = serve_figures(
            scaled_db, served_reports, arguments.serve_seconds, arguments.clients, arguments.repeat, log
        )
    table.add(
        f"## Serving ({arguments.clients} clients, loopback, {arguments.repeat} rounds x {arguments.serve_seconds:g} s)"
    )
    rps = {label: statistics.median(figures["rps"]) for label, figures in served["figures"].items()}
    for label, figures in served["figures"].items():
        slug = figure_name(label)
        fmt = "JSON" if label.endswith("(JSON)") else "HTML"
        floor_ratio = rps[label] / rps["floor: select 1 (JSON)"]
        bound = rps[f"table {BOUND_TABLE} ({fmt})"]
        compared = f"{floor_ratio:.2f}x select 1"
        goal = ""
        if label.startswith("report ") and label.split()[1] == LONG_REPORT:
            to_table = rps[label] / bound
            table.figure(f"serving.{slug}.ratio_to_table_page", to_table)
            compared += f"; {to_table:.2f}x the table page ({fmt})"
            goal = f">= {GOAL_RATIO_TO_TABLE_PAGE}x table page: {met(to_table >= GOAL_RATIO_TO_TABLE_PAGE)}"
        errors = f", {figures['errors']} errors" if figures["errors"] else ""
        table.figure(f"serving.{slug}.requests_per_second", rps[label])
        table.figure(f"serving.{slug}.p99_ms", statistics.median(figures["p99"]))
        table.figure(f"serving.{slug}.ratio_to_floor", floor_ratio)
        table.figure(f"serving.{slug}.errors", figures["errors"])
        p99 = statistics.median(figures["p99"])
        table.add(label, f"{rps[label]:,.0f} req/s", f"p99 {p99:.0f} ms; {compared}{errors}", goal)
    table.figure("startup.scaled_file_seconds", served["startup"])
    table.add(
        "start-up, scaled file: site files + datasette",
        f"{served['startup']:.2f} s",
        "metadata + datasette inspect (row counts) + start, to the first answer",
    )


def measure_pages(scaled_db: Path, runs: int, table: Table) -> None:
    """The home page, the first and last entity page of each kind and each dashboard data request, at scale."""
    results = pages.measure(scaled_db, runs)
    table.add(f"## Pages at scale (as unami serve sets them up, in-process, {runs} runs; median and CPU ms)")
    groups: dict[str, list[tuple[str, float, float, float, int]]] = {}
    for label, median, p95, cpu, status in results:
        slug = figure_name(label)
        for key, value in (("median_ms", median), ("p95_ms", p95), ("cpu_ms", cpu), ("status", status)):
            table.figure(f"pages.{slug}.{key}", value)
        group = "entity pages" if label.split()[0] in pages.ENTITY_TABLES else label.split(":")[0]
        groups.setdefault(group, []).append((label, median, p95, cpu, status))
    for group, members in groups.items():
        slowest = max(members, key=lambda member: member[1])
        fine = all(median < GOAL["page_ms"] and status == 200 for _, median, _, _, status in members)
        shown = f"{min(m[1] for m in members):.0f}-{slowest[1]:.0f} ms" if len(members) > 1 else f"{slowest[1]:.0f} ms"
        table.add(
            group if len(members) > 1 else slowest[0],
            shown,
            f"slowest: {slowest[0]}, CPU {slowest[3]:.0f} ms" if len(members) > 1 else f"CPU {slowest[3]:.0f} ms",
            f"< {GOAL['page_ms']} ms: {met(fine)}",
        )
    done("pages")


def measure_unami_serve_startup(work: Path, repeat: int, table: Table) -> None:
    """`unami serve` on a build of data/ made just before: a commit during the run would make an older one stale."""
    startup_db = work / "startup.db"
    startup_db.unlink(missing_ok=True)
    run_child("build", str(startup_db), str(DEFAULT_DATA_DIR))
    startups = [unami_serve_startup(startup_db, work / f"startup-{run}.log") for run in range(repeat)]
    rebuilt = any(rebuilt for _, rebuilt in startups)
    table.figure("startup.unami_serve_seconds", statistics.median(seconds for seconds, _ in startups))
    table.figure("startup.unami_serve_rebuilt", rebuilt)
    table.add(
        "start-up: unami serve, up-to-date data/ build",
        f"{statistics.median(seconds for seconds, _ in startups):.2f} s",
        "REBUILT (stale check failed)" if rebuilt else "no rebuild, to the first answer",
    )


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    if arguments.child:
        child_main(arguments.child[0], arguments.child[1:])
        return 0
    work = arguments.work
    work.mkdir(parents=True, exist_ok=True)
    table = Table()
    print(f"machine: {machine()}", flush=True)
    measure_real_build(work, arguments.repeat, table)
    scaled_db = measure_scaled_build(work, arguments, table)
    measure_growth(work, arguments, table)
    measure_reports(scaled_db, arguments.report_runs, table)
    measure_pages(scaled_db, arguments.report_runs, table)
    measure_serving(scaled_db, arguments, table)
    measure_unami_serve_startup(work, arguments.repeat, table)
    print()
    print(table.render())
    print(f"reproduce: python -m benchmarks.run --scale {arguments.scale:g}")
    if arguments.json:
        arguments.json.write_text(json.dumps(run_record(arguments, table), indent=2, sort_keys=True) + "\n")
        print(f"figures: {arguments.json}")
    return 0


def run_record(arguments: argparse.Namespace, table: Table) -> dict:
    """Everything a program needs to check the figures: when, where, with what, and the figures."""
    from importlib.metadata import version

    packages = ("datasette", "sqlite-utils", "alembic", "SQLAlchemy", "pydantic", "PyYAML", "unami-db")
    return {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine(),
        "versions": {name: version(name) for name in packages} | {"sqlite": sqlite3.sqlite_version},
        "arguments": {key: str(value) for key, value in vars(arguments).items() if key not in ("child", "json")},
        "goals": GOAL | {"ratio_to_table_page": GOAL_RATIO_TO_TABLE_PAGE},
        "figures": table.figures,
        "table": table.rows,  # the printed table, rendered into the README by benchmarks/readme.py
    }


if __name__ == "__main__":
    sys.exit(main())
