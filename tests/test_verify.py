"""verify(): the last check before a build replaces the target refuses each kind of damage on its own."""

import shutil
import sqlite3

import pytest

from unami.build import BuildError, integrity_problems, verify


@pytest.fixture
def copy(built_db, tmp_path):
    target = tmp_path / "unami.db"
    shutil.copyfile(built_db, target)
    return target


def test_a_sound_database_passes(copy):
    verify(copy)  # raises on any problem


def test_a_foreign_key_violation_is_refused(copy):
    with sqlite3.connect(copy) as connection:  # foreign keys are off unless asked for
        connection.execute("update appointments set person_id = 999999 where id = 1")
    with pytest.raises(BuildError, match=r"foreign_key_check found 1 violation\(s\), first: \('appointments', 1,"):
        verify(copy)


def test_a_search_index_out_of_step_with_its_table_is_refused(copy):
    with sqlite3.connect(copy) as connection:  # the index is rebuilt by the build only, so it now disagrees
        connection.execute("update people set name = 'Someone Else' where id = 1")
    with pytest.raises(BuildError, match="full-text index people_fts does not match people"):
        verify(copy)


def test_a_broken_page_is_refused(copy):
    with sqlite3.connect(copy) as connection:
        page_size = connection.execute("pragma page_size").fetchone()[0]
        (root,) = connection.execute("select rootpage from sqlite_master where name = 'people'").fetchone()
    with open(copy, "r+b") as handle:  # scribble over the people table's root page, past its header
        handle.seek((root - 1) * page_size + 8)
        handle.write(b"\xff" * 64)
    with pytest.raises(BuildError, match="integrity_check failed|verification failed"):
        verify(copy)


def damaged_index(target):
    """A file whose index is defined on another column than the one it was filled from: a problem per row (5)."""
    with sqlite3.connect(target) as connection:
        connection.execute("create table t(a, b)")
        connection.execute("create index i on t(a)")
        connection.executemany("insert into t values (?, ?)", [(n, -n) for n in range(1, 6)])
        connection.execute("pragma writable_schema = on")
        connection.execute("update sqlite_master set sql = 'CREATE INDEX i ON t(b)' where name = 'i'")
    connection.close()
    return target


def test_integrity_problems_are_shown_three_at_most(tmp_path):
    target = damaged_index(tmp_path / "damaged.db")
    shown = "[('row 1 missing from index i',), ('row 2 missing from index i',), ('row 3 missing from index i',)]"
    with pytest.raises(BuildError) as raised:
        verify(target)
    assert str(raised.value) == f"integrity_check failed: {shown}"


def test_a_file_that_is_not_a_database_is_one_line(tmp_path):
    target = tmp_path / "notes.db"
    target.write_text("not a database, but long enough to have a header of its own: " * 4)
    with pytest.raises(BuildError) as raised:
        verify(target)
    assert str(raised.value) == "verification failed: file is not a database"


def test_the_split_check_reports_what_integrity_check_reports(copy, tmp_path):
    """integrity_problems() splits PRAGMA integrity_check in checks run two at a time; each problem once."""
    damaged = damaged_index(tmp_path / "damaged.db")
    with sqlite3.connect(damaged) as connection:
        whole = connection.execute("pragma integrity_check").fetchall()
    assert integrity_problems(damaged) == whole == [(f"row {n} missing from index i",) for n in range(1, 6)]
    with sqlite3.connect(copy) as connection:
        connection.execute("drop index ix_appointments_person_id")  # then make the index again, filled wrong
        connection.execute("create index ix_appointments_person_id on appointments(person_id)")
        connection.execute("pragma writable_schema = on")
        connection.execute(
            "update sqlite_master set sql = 'CREATE INDEX ix_appointments_person_id ON appointments(position_id)'"
            " where name = 'ix_appointments_person_id'"
        )
    connection.close()
    with sqlite3.connect(copy) as connection:
        whole = connection.execute("pragma integrity_check").fetchall()
    assert len(whole) > 3 and set(integrity_problems(copy)) == set(whole)
