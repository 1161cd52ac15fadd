"""Two file helpers every writer and reader of the database shares: a read-only connection and fsync."""

import os
import sqlite3
from pathlib import Path


def connect_read_only(db_path: Path | str) -> sqlite3.Connection:
    """Open an SQLite file read-only: nothing can write through it, and a missing file is an error, not created.

    >>> connect_read_only("/nonexistent.db")
    Traceback (most recent call last):
    sqlite3.OperationalError: unable to open database file
    """
    # A URI, so mode=ro applies; as_uri() percent-encodes a path holding '?' or '#'.
    return sqlite3.connect(Path(db_path).resolve().as_uri() + "?mode=ro", uri=True)


def fsync(path: Path | str) -> None:
    """Flush a file, or a directory's entries (after a rename), to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
