"""Open data files safely: regular files only, never more bytes than a limit, OS errors as one line.

A name in a data directory may be a symbolic link (to /etc/passwd, or to nothing), a FIFO (a
read would wait forever), a device or a directory. Only regular files are data files: the
check is made on the opened descriptor (O_NOFOLLOW, O_NONBLOCK), so a name swapped between
a check and the read cannot slip through, and nothing is read from anything else.
"""

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from unami.loaders.errors import DataError, Problem

_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _refusal(label: str, what: str) -> DataError:
    return DataError([Problem(label, "(file)", "(type)", f"is {what}; data files must be regular files")])


def _os_problem(label: str, error: OSError) -> DataError:
    return DataError([Problem(label, "(file)", "(read)", f"cannot read: {error.strerror or error}")])


def irregular(path: Path, label: str) -> Problem | None:
    """The problem of a data file name that is not a regular file (checked without following links), or None."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as error:
        return _os_problem(label, error).problems[0]
    if stat.S_ISREG(mode):
        return None
    return _refusal(label, _kind(mode)).problems[0]


def open_regular(path: Path, label: str) -> BinaryIO:
    """Open `path` for reading in binary, or raise DataError (one line) unless it is a readable regular file."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _refusal(label, "a symbolic link") from None
        raise _os_problem(label, error) from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise _refusal(label, _kind(mode))
    return os.fdopen(descriptor, "rb")


def read_capped(path: Path, label: str, limit: int, too_large: str) -> bytes:
    """The bytes of a regular file, reading at most `limit` + 1 (the size on disk may change, or lie).

    Raises DataError with `too_large` as the message when there is more than `limit`.
    """
    with open_regular(path, label) as handle:
        try:
            raw = handle.read(limit + 1)
        except OSError as error:
            raise _os_problem(label, error) from None
    if len(raw) > limit:
        raise DataError([Problem(label, "(file)", "(size)", too_large)])
    return raw
