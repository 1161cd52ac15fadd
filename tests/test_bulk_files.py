"""Bulk JSON Lines files (`contingent_strengths.jsonl`): streamed, validated line by line, all or nothing.

The lines below are made up for the tests (a monthly series); they name the test fixture source.
"""

import datetime
import hashlib
import io
import json
import multiprocessing
import os
import re
import shutil
import signal
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import digest, planning_problems
from tqdm import tqdm

from unami import DEFAULT_DATA_DIR
from unami.cli import main
from unami.loaders import DataError, Problem

FIXTURE_SOURCE = Path(__file__).parent / "fixtures" / "second_mission" / "sources.yaml"


def line(**overrides) -> str:
    record = {
        "contingent": "nepal-guard-unit",
        "personnel_type": "troops",
        "personnel_count": 80,
        "observed": "2010-01",
        "source": "test-fixture",
        "section": "Fixture",
    }
    record.update(overrides)
    return json.dumps({key: value for key, value in record.items() if value is not ...})


def data_with(tmp_path: Path, lines: list[str]) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    fixture = tmp_path / "fixture"
    fixture.mkdir()
    shutil.copy(FIXTURE_SOURCE, fixture / "sources.yaml")
    (fixture / "contingent_strengths.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return fixture


def build(tmp_path: Path, fixture: Path, db: Path):
    return CliRunner().invoke(
        main, ["build", "--db", str(db), "--data", str(tmp_path / "data"), "--data", str(fixture)]
    )


def test_a_bulk_series_loads_beside_the_curated_facts(tmp_path):
    months = [line(observed=f"2010-{month:02d}", personnel_count=70 + month) for month in range(1, 13)]
    fixture = data_with(tmp_path, months)
    db = tmp_path / "x.db"
    result = build(tmp_path, fixture, db)
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as connection:
        series = connection.execute(
            """select observed_date, observed_precision, personnel_count from contingent_strengths
               join contingents on contingents.id = contingent_id
               where contingents.key = 'nepal-guard-unit' and observed_date like '2010-%' order by observed_date"""
        ).fetchall()
        curated = connection.execute(
            "select count(*) from contingent_strengths where observed_date is null or observed_date not like '2010-%'"
        ).fetchone()[0]
    assert series == [(f"2010-{month:02d}", "month", 70 + month) for month in range(1, 13)]
    assert curated == 22  # data/'s own strengths (16 of the article, 6 of other sources) are all still there
    assert CliRunner().invoke(main, ["check", "--data", str(tmp_path / "data"), "--data", str(fixture)]).exit_code == 0


def check_said(*data_dirs: Path) -> tuple[int, int]:
    """The files and rows `unami check` says the data directories would load."""
    result = CliRunner().invoke(main, ["check", *(arg for data in data_dirs for arg in ("--data", str(data)))])
    assert result.exit_code == 0, result.output
    files, rows = re.fullmatch(r"OK: (\d+) files, (\d+) rows would be loaded\.", result.output.splitlines()[0]).groups()
    return int(files), int(rows)


def test_check_counts_every_line_of_bulk_files_in_two_directories(tmp_path):
    fixture = data_with(tmp_path, [line(observed=f"2010-{month:02d}") for month in range(1, 6)])
    again = tmp_path / "again"
    again.mkdir()
    later = [line(observed=f"2010-{month:02d}") for month in range(6, 13)]
    (again / "contingent_strengths.jsonl").write_text("\n".join(later) + "\n", encoding="utf-8")
    without = tmp_path / "without"
    without.mkdir()
    shutil.copy(FIXTURE_SOURCE, without / "sources.yaml")  # the fixture's curated rows, no bulk file
    files, rows = check_said(tmp_path / "data", without)
    assert check_said(tmp_path / "data", fixture, again) == (files + 2, rows + 5 + 7)


@pytest.mark.parametrize(
    ("bad_line", "field", "message"),
    [
        pytest.param(line(personnel_count=-1), "personnel_count", "greater than or equal to 0", id="negative"),
        pytest.param(
            line(contingent="no-such-unit"), "contingent", "unknown contingents key 'no-such-unit'", id="dangling"
        ),
        pytest.param(line(observed="2010-13"), "observed", "'2010-13' is not a valid EDTF date", id="bad-date"),
        pytest.param(line(personnel_type="sailors"), "personnel_type", "Input should be", id="vocabulary"),
        pytest.param(
            line(section="Nowhere"), "section", "unknown source_sections key 'test-fixture#Nowhere'", id="section"
        ),
        pytest.param(line(extra_field=1), "extra_field", "Extra inputs are not permitted", id="unknown-field"),
        pytest.param('{"contingent": "nepal-guard-unit",', "(record)", "Invalid JSON", id="broken-json"),
        pytest.param(
            line(personnel_count=True), "personnel_count", "true is a yes/no value, not a number", id="boolean-count"
        ),
        pytest.param(
            line(personnel_count="077"), "personnel_count", "'077' is not a plain decimal number", id="count-in-quotes"
        ),
        pytest.param(
            line(personnel_count=80.5), "personnel_count", "Input should be a valid integer", id="fractional-count"
        ),
        pytest.param(line(note="a\u0000b"), "note", "holds control character U+0000", id="nul-in-text"),
        pytest.param(line(section="  "), "section", "is empty or blank", id="blank-section"),
        pytest.param(
            line(note="x" * 1_500_000), "note", "over the limit of 1,000,000 bytes for one value", id="text-over-1-MB"
        ),
        pytest.param("[" * 3_000_000, "(size)", "the line is over the 2097152-byte limit", id="line-over-2-MiB"),
    ],
)
def test_a_bad_bulk_line_fails_the_build_and_keeps_the_old_database(tmp_path, bad_line, field, message):
    db = tmp_path / "x.db"
    assert CliRunner().invoke(main, ["build", "--db", str(db)]).exit_code == 0
    before = digest(db)
    fixture = data_with(tmp_path, [line(), line(observed="2010-02"), bad_line, line(observed="2010-03")])
    for command in (["build", "--db", str(db)], ["check"]):
        result = CliRunner().invoke(main, [*command, "--data", str(tmp_path / "data"), "--data", str(fixture)])
        assert result.exit_code == 1, result.output
        problems = [text for text in result.output.splitlines() if text.startswith(str(fixture))]
        assert len(problems) == 1, result.output  # one bad line, one problem
        assert problems[0].startswith(f"{fixture / 'contingent_strengths.jsonl'}: line 3"), problems
        assert f": {field}: " in problems[0] and message in problems[0], problems
    assert digest(db) == before
    assert not list(tmp_path.glob(".*.building-*"))


@pytest.mark.parametrize(
    ("bad_line", "field", "message"),
    [
        (
            '{"contingent": "nepal-guard-unit", "personnel_count": -5, "personnel_count": 80}',
            "personnel_count",
            "given twice in one line",
        ),
        (line(observed="٢٠١٠"), "observed", "is not a valid EDTF date"),
        (line(observed="２００４"), "observed", "is not a valid EDTF date"),
        (line(observed="1985-04/.."), "observed", "is open-ended"),
        (line(observed="-0001"), "observed", "falls outside years 0001-9999"),
        (line(personnel_count=10**24), "personnel_count", "less than or equal to 9223372036854775807"),
        ("[1, 2]", "(record)", "Input should be a valid dictionary"),
    ],
    ids=["repeated-key", "arabic-indic-digits", "full-width-digits", "open-ended", "negative-year", "huge", "array"],
)
def test_tricky_bulk_lines_are_refused_by_check_in_one_line(tmp_path, bad_line, field, message):
    fixture = data_with(tmp_path, [line(), bad_line])
    result = CliRunner().invoke(main, ["check", "--data", str(tmp_path / "data"), "--data", str(fixture)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    first = result.output.splitlines()[0]
    assert first.startswith(f"{fixture / 'contingent_strengths.jsonl'}: line 2"), first
    assert f": {field}: " in first and message in first, first


BROKEN = ("{", "(record): Invalid JSON: Expecting property name enclosed in double quotes at column 1")
NEGATIVE = (line(personnel_count=-1), "personnel_count: Input should be greater than or equal to 0 (got -1)")


def bulk_file(folder: Path, lines: list[tuple[str, str]]) -> Path:
    """A bulk file of `(line, problem)` pairs in `folder`; return its path."""
    folder.mkdir(exist_ok=True)
    path = folder / "contingent_strengths.jsonl"
    path.write_text("\n".join(text for text, _ in lines) + "\n", encoding="utf-8")
    return path


def test_every_bad_line_is_reported_up_to_100_then_one_line_says_the_rest_is_not_checked(tmp_path):
    lines = [BROKEN, NEGATIVE] * 75 + [NEGATIVE]
    bulk = bulk_file(tmp_path / "fixture", lines)
    assert planning_problems(DEFAULT_DATA_DIR, bulk.parent) == [
        *(f"{bulk}: line {number}: {problem}" for number, (_, problem) in enumerate(lines[:100], start=1)),
        f"{bulk}: line 101: (file): too many problems; the rest of the file is not checked",
    ]


def test_the_limit_of_100_problems_counts_each_bulk_file_on_its_own(tmp_path):
    first, second = bulk_file(tmp_path / "first", [NEGATIVE] * 60), bulk_file(tmp_path / "second", [NEGATIVE] * 60)
    assert planning_problems(DEFAULT_DATA_DIR, first.parent, second.parent) == [
        f"{bulk}: line {number}: {NEGATIVE[1]}" for bulk in (first, second) for number in range(1, 61)
    ]


def test_the_same_fact_loaded_twice_is_refused_naming_both_lines(tmp_path):
    months = [line(observed=f"2010-{month:02d}", personnel_count=70 + month) for month in range(1, 4)]
    fixture = data_with(tmp_path, [*months, line(observed="2010-02", personnel_count=99)])
    db = tmp_path / "x.db"
    assert CliRunner().invoke(main, ["build", "--db", str(db)]).exit_code == 0
    before = digest(db)
    result = build(tmp_path, fixture, db)
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    bulk = fixture / "contingent_strengths.jsonl"
    assert result.output.splitlines()[0] == (
        f"{bulk}: line 4: (record): repeats the fact of {bulk} line 2 "
        "(same contingent, personnel type, observed date, source section)"
    )
    assert digest(db) == before


def test_a_bulk_line_that_repeats_a_curated_fact_or_repeats_twice_is_named_with_each_earlier_fact(tmp_path):
    # Romania's one strength in data/field.yaml, with another count
    romania = {"contingent": "romania-2005", "observed": "2005-03", "source": "wikipedia-unami"}
    curated = line(**romania, section="Former Participants")
    fixture = data_with(tmp_path, [line(), line(personnel_count=81), curated, line(personnel_count=82)])
    result = CliRunner().invoke(main, ["check", "--data", str(tmp_path / "data"), "--data", str(fixture)])
    assert result.exit_code == 1, result.output
    bulk = fixture / "contingent_strengths.jsonl"
    same = "(same contingent, personnel type, observed date, source section)"
    assert result.output.splitlines()[:3] == [
        f"{bulk}: line 3: (record): repeats the fact of {tmp_path / 'data' / 'field.yaml'} "
        f"contingents[2] (romania-2005).strengths[0] {same}",
        f"{bulk}: line 2: (record): repeats the fact of {bulk} line 1 {same}",
        f"{bulk}: line 4: (record): repeats the fact of {bulk} line 1 {same}",
    ]


def test_data_with_no_contingent_strengths_at_all_checks_clean(tmp_path):
    """A mission without uniformed contingents: the check for repeated strengths finds none to compare."""
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    (data / "field.yaml").write_text("source: wikipedia-unami\nstaffing: []\ncontingents: []\n", encoding="utf-8")
    (data / "claims.yaml").write_text("source: wikipedia-unami\nclaims: []\n", encoding="utf-8")  # about contingents
    result = CliRunner().invoke(main, ["check", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK: 12 files, "), result.output


def test_a_bulk_file_given_in_two_data_directories_is_refused(tmp_path):
    months = [line(observed=f"2010-{month:02d}", personnel_count=70 + month) for month in range(1, 13)]
    fixture = data_with(tmp_path, months)
    again = tmp_path / "again"
    again.mkdir()
    shutil.copy(fixture / "contingent_strengths.jsonl", again / "contingent_strengths.jsonl")
    db = tmp_path / "x.db"
    assert CliRunner().invoke(main, ["build", "--db", str(db)]).exit_code == 0
    before = digest(db)
    arguments = ["--data", str(tmp_path / "data"), "--data", str(fixture), "--data", str(again)]
    result = CliRunner().invoke(main, ["build", "--db", str(db), *arguments])
    assert result.exit_code == 1, result.output
    problems = result.output.splitlines()[:-1]
    assert len(problems) == 12, result.output
    assert problems[0] == (
        f"{again / 'contingent_strengths.jsonl'}: line 1: (record): repeats the fact of "
        f"{fixture / 'contingent_strengths.jsonl'} line 1 "
        "(same contingent, personnel type, observed date, source section)"
    )
    assert digest(db) == before


def test_check_finds_the_same_fact_loaded_twice_as_the_build_does(tmp_path):
    months = [line(observed=f"2010-{month:02d}", personnel_count=70 + month) for month in range(1, 4)]
    fixture = data_with(tmp_path, [*months, line(observed="2010-02", personnel_count=99)])
    result = CliRunner().invoke(main, ["check", "--data", str(tmp_path / "data"), "--data", str(fixture)])
    assert result.exit_code == 1, result.output
    bulk = fixture / "contingent_strengths.jsonl"
    assert result.output.splitlines()[0] == (
        f"{bulk}: line 4: (record): repeats the fact of {bulk} line 2 "
        "(same contingent, personnel type, observed date, source section)"
    )


def test_check_finds_a_bulk_file_given_in_two_data_directories(tmp_path):
    fixture = data_with(tmp_path, [line(observed=f"2010-{month:02d}") for month in range(1, 3)])
    again = tmp_path / "again"
    again.mkdir()
    shutil.copy(fixture / "contingent_strengths.jsonl", again / "contingent_strengths.jsonl")
    arguments = ["--data", str(tmp_path / "data"), "--data", str(fixture), "--data", str(again)]
    result = CliRunner().invoke(main, ["check", *arguments])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[:2] == [
        f"{again / 'contingent_strengths.jsonl'}: line {number}: (record): repeats the fact of "
        f"{fixture / 'contingent_strengths.jsonl'} line {number} "
        "(same contingent, personnel type, observed date, source section)"
        for number in (1, 2)
    ]


def test_rows_validated_in_a_child_process_arrive_in_order_with_its_error():
    from unami.loaders.pipeline import batches_in_child_process

    def rows():
        yield from ((n,) for n in range(7))
        raise DataError([Problem("f.jsonl", "line 8", "(record)", "broken")])

    received = []
    with pytest.raises(DataError) as raised:
        for batch in batches_in_child_process(rows, lambda: "never sent", pytest.fail, batch=3):
            received.append(batch)
    assert received == [[(0,), (1,), (2,)], [(3,), (4,), (5,)]]  # whole batches of 3 before the failing one
    assert raised.value.problems == [Problem("f.jsonl", "line 8", "(record)", "broken")]  # pickled whole
    assert multiprocessing.active_children() == []


def test_what_the_child_process_finds_reaches_the_consumer_after_its_last_row():
    from unami.loaders.pipeline import batches_in_child_process

    found: list[int] = []  # the child's copy fills; the consumer's is handed over at the end

    def rows():
        for n in range(5):
            found.append(n * n)
            yield (n,)

    finished: list[list[int]] = []
    consumer = batches_in_child_process(rows, lambda: found, finished.append, batch=2)
    assert [*consumer] == [[(0,), (1,)], [(2,), (3,)], [(4,)]]
    assert (found, finished) == ([], [[0, 1, 4, 9, 16]])


def test_a_consumer_that_stops_early_kills_the_child_process():
    from unami.loaders.pipeline import batches_in_child_process

    consumer = batches_in_child_process(lambda: ((n,) for n in range(10**9)), list, pytest.fail, batch=10)
    assert next(consumer) == [(n,) for n in range(10)]
    (child,) = multiprocessing.active_children()
    # a daemon: a child stuck on a broken file never keeps the build alive
    assert (child.name, child.daemon) == ("validate-bulk", True)
    consumer.close()  # as when an insert fails: the generator is closed
    assert child.exitcode == -signal.SIGKILL and multiprocessing.active_children() == []


def test_a_child_process_that_dies_is_one_line_not_a_hang():
    from unami.loaders.pipeline import batches_in_child_process

    def rows():
        yield (1,)
        os.kill(os.getpid(), signal.SIGKILL)  # the child: out of memory, or killed
        yield (2,)

    with pytest.raises(ChildProcessError, match=r"^the process validating a bulk file ended early \(exit code -9\)$"):
        list(batches_in_child_process(rows, list, pytest.fail, batch=1))


def test_a_slow_consumer_still_receives_every_row():
    from unami.loaders.pipeline import batches_in_child_process

    consumer = batches_in_child_process(lambda: ((n,) for n in range(100_000)), list, lambda _: None, batch=10)
    first = next(consumer)
    time.sleep(0.5)  # the pipe fills and the child waits
    assert [row for batch in (first, *consumer) for row in batch] == [(n,) for n in range(100_000)]


@pytest.fixture
def bars(monkeypatch):
    """tqdm bars locked per thread only. tqdm's own lock is shared with forked processes: one killed while holding
    it (a mutation tool's timeout) leaves every later bar waiting forever (see unami/loaders/progress.py)."""
    monkeypatch.setattr(tqdm, "_lock", threading.RLock(), raising=False)


def test_the_progress_bar_moves_by_each_batch_as_it_is_handed_on_and_ends_at_the_row_count(bars):
    from unami.loaders.pipeline import _counted

    bar = tqdm(file=io.StringIO())
    batches = [[(n,)] * size for n, size in enumerate((2_000, 2_000, 7))]
    moved = [(len(batch), bar.n) for batch in _counted(iter(batches), bar)]
    assert moved == [(2_000, 2_000), (2_000, 4_000), (7, 4_007)]
    empty = tqdm(file=io.StringIO())
    assert list(_counted(iter([]), empty)) == [] and empty.n == 0


class Terminal(io.StringIO):
    """Standard error as a terminal would be: the load shows progress bars there."""

    def isatty(self) -> bool:
        return True


def test_a_load_on_a_terminal_shows_its_progress_and_records_its_time(tmp_path, monkeypatch, bars):
    from unami import migrate
    from unami.loaders import FAMILIES, plan_load, write

    fixture = data_with(tmp_path, [line(observed=f"2010-{month:02d}") for month in range(1, 13)])
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    plan = plan_load([tmp_path / "data", fixture], FAMILIES, defer_streams=False)
    db = tmp_path / "x.db"
    migrate.upgrade(db)
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    counts = write(db, plan, migrate.head_revision(), seconds)
    assert 0 < seconds["load"] < time.perf_counter() - started
    files, rows = len(plan.files) - len(plan.streams), sum(counts.values())  # the bulk lines counted beforehand
    assert counts["contingent_strengths"] == 22 + 12 and counts["dataset_versions"] == 1
    shown = terminal.getvalue()
    assert re.search(rf"\rvalidate: 100%\|#+\| {files}/{files} \[[^]]+ files/s\]\n", shown), shown
    assert f"\rload:   0%|          | 0.00/{rows} [00:00<?, ? rows/s]" in shown  # scaled units: 1.2k, not 1234
    assert re.search(rf"\rload: 100%\|#+\| {rows}/{rows} \[[^]]+ rows/s\]\n$", shown), shown
    with sqlite3.connect(db) as connection:
        version = connection.execute("select * from dataset_versions").fetchall()
        ids = [row_id for (row_id,) in connection.execute("select id from contingent_strengths order by id")]
    assert ids == list(range(1, 22 + 12 + 1))  # the bulk lines numbered on after the curated rows, no gap
    revision = migrate.head_revision()
    assert version == [(1, f"{plan.data_sha256[:12]}-{revision}", plan.data_sha256, revision)]


def test_the_data_hash_is_of_each_file_name_and_content_between_nuls(tmp_path):
    from unami.loaders.pipeline import content_hash

    small, large = tmp_path / "events.yaml", tmp_path / "contingent_strengths.jsonl"
    small.write_bytes(b"events: []\n")
    large.write_bytes(b"x" * (5 << 19))  # 2.5 MiB: more than one read of 1 MiB
    whole = b"events.yaml\0events: []\n\0contingent_strengths.jsonl\0" + large.read_bytes() + b"\0"
    assert content_hash([small, large]) == hashlib.sha256(whole).hexdigest()


def test_a_build_validates_bulk_lines_once_as_it_writes_them_and_rolls_back_on_a_bad_one(tmp_path):
    from unami import migrate
    from unami.loaders import FAMILIES, DataError, plan_load, write

    fixture = data_with(tmp_path, [line(), line(personnel_count=-1, observed="2010-02")])
    plan = plan_load([tmp_path / "data", fixture], FAMILIES)  # no DataError yet: the bulk file is not read here
    assert plan.streamed == {}
    db = tmp_path / "x.db"
    migrate.upgrade(db)
    with pytest.raises(DataError) as raised:
        write(db, plan, migrate.head_revision())
    (problem,) = (str(problem) for problem in raised.value.problems)
    assert problem.startswith(f"{fixture / 'contingent_strengths.jsonl'}: line 2: personnel_count: "), problem
    assert "greater than or equal to 0" in problem
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from contingent_strengths").fetchone() == (0,)


def test_a_build_whose_validating_process_is_killed_fails_in_one_line_and_keeps_the_old_database(tmp_path):
    from unami.build import BuildError, build

    db = tmp_path / "x.db"
    assert CliRunner().invoke(main, ["build", "--db", str(db)]).exit_code == 0
    before = digest(db)
    days = [(datetime.date(1900, 1, 1) + datetime.timedelta(days=n)).isoformat() for n in range(100_000)]
    fixture = data_with(tmp_path, [line(observed=day) for day in days])  # about a second of validation
    killed: list[int] = []

    def kill_the_validating_process() -> None:
        deadline = time.monotonic() + 60
        while not killed and time.monotonic() < deadline:
            for child in multiprocessing.active_children():
                if child.name == "validate-bulk" and child.pid:
                    os.kill(child.pid, signal.SIGKILL)
                    killed.append(child.pid)
            time.sleep(0.005)

    killer = threading.Thread(target=kill_the_validating_process)
    killer.start()
    with pytest.raises(BuildError) as raised:
        build(db, [tmp_path / "data", fixture])
    killer.join()
    assert killed
    assert str(raised.value) == (
        f"building {db} failed: the process validating a bulk file ended early (exit code -9);"
        " the previous database is unchanged"
    )
    assert digest(db) == before
    assert not list(tmp_path.glob(".*.building-*"))
