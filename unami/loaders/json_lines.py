"""Strict JSON Lines reading: one JSON object per line, UTF-8, no key given twice.

Two layouts use it. A *record file* `<list>.jsonl` (e.g. `appointments.jsonl`) holds the
records of one top-level list of a family's YAML document, one per line, and is validated
and converted exactly like that list (it is read whole: cross-record checks need every
record). A *bulk file* (a family's `stream`, e.g. `contingent_strengths.jsonl`) is streamed
line by line instead. JSON is parsed about ten times faster than YAML, which is why large
corpora use it.
"""

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from unami.loaders.errors import DataError, Problem
from unami.loaders.reading import open_regular, read_capped

# A record file is held in memory while it is validated; larger corpora are split across
# data directories, or, for monthly series, use the streamed bulk layout.
MAX_RECORD_FILE_BYTES = 64 * 1024 * 1024


class RepeatedKey(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _object_without_repeated_keys(pairs: list[tuple[str, object]]) -> dict:
    """json.loads hook: JSON parsers keep the last of two equal keys silently; a data file must not."""
    document = dict(pairs)
    if len(document) != len(pairs):
        keys = [key for key, _ in pairs]
        raise RepeatedKey(next(key for key in keys if keys.count(key) > 1))
    return document


UTF8_BOM = b"\xef\xbb\xbf"

# One decoder for every line: json.loads with a hook builds a new decoder per call (twice the time).
_DECODER = json.JSONDecoder(object_pairs_hook=_object_without_repeated_keys)


# One line of a bulk file is held in memory while it is parsed; no sound line comes near this.
MAX_LINE_BYTES = 2 * 1024 * 1024


def _lines(handle: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) of a file, reading at most MAX_LINE_BYTES + 1 bytes of any one line.

    A longer line is yielded as None, and the rest of it is skipped without being kept.
    """
    number = 0
    while line := handle.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(line) > MAX_LINE_BYTES:
            while line and not line.endswith(b"\n"):
                line = handle.readline(MAX_LINE_BYTES)
            yield number, None
            continue
        yield number, line


def parse_lines(path: Path, label: str = "") -> Iterator[tuple[int, object | Problem]]:
    """(line number, parsed object or the line's problem) for each non-blank line of `path`.

    A Problem yielded here carries the record and field; its file is filled in by the caller.
    Raises DataError when `path` is not a readable regular file.
    """
    label = label or str(path)
    with open_regular(path, label) as handle:
        yield from _parse(handle, label)


def _parse(handle: BinaryIO, label: str) -> Iterator[tuple[int, object | Problem]]:
    try:
        for number, line in _lines(handle):
            record = f"line {number}"
            if line is None:
                yield number, Problem("", record, "(size)", f"the line is over the {MAX_LINE_BYTES}-byte limit")
                continue
            if not line.strip():
                continue
            if line.startswith(UTF8_BOM):
                yield (
                    number,
                    Problem("", record, "(encoding)", "starts with a byte-order mark; save as UTF-8 without BOM"),
                )
                continue
            try:
                yield number, _DECODER.decode(line.decode("utf-8"))
            except RepeatedKey as error:
                yield number, Problem("", record, error.key, "given twice in one line; each field once")
            except UnicodeDecodeError as error:
                message = f"not UTF-8: byte {line[error.start]:#04x} at offset {error.start}"
                yield number, Problem("", record, "(encoding)", message)
            except json.JSONDecodeError as error:
                yield number, Problem("", record, "(record)", f"Invalid JSON: {error.msg} at column {error.colno}")
            except ValueError as error:  # e.g. an integer of more than 4,300 digits
                yield number, Problem("", record, "(record)", f"Invalid JSON: {error}")
            except RecursionError:
                yield number, Problem("", record, "(record)", "Invalid JSON: nested too deeply")
    except OSError as error:
        raise DataError([Problem(label, "(file)", "(read)", f"cannot read: {error.strerror or error}")]) from None


def read_record_file(path: Path, file_label: str, list_name: str) -> tuple[dict, list[int]]:
    """The document `{list_name: [record, ...]}` of a record file, and each record's line number.

    Raises DataError naming the file and line of every line that is not a JSON object.
    """
    message = (
        f"the file is over the limit of {MAX_RECORD_FILE_BYTES:,} bytes for a record file;"
        " split it across data directories"
    )
    raw = read_capped(path, file_label, MAX_RECORD_FILE_BYTES, message)
    records: list[object] = []
    line_numbers: list[int] = []
    problems: list[Problem] = []
    for number, parsed in _parse(io.BytesIO(raw), file_label):
        if isinstance(parsed, Problem):
            problems.append(Problem(file_label, parsed.record, parsed.field, parsed.message))
        elif not isinstance(parsed, dict):
            problems.append(Problem(file_label, f"line {number}", "(record)", "each line must be one JSON object"))
        else:
            records.append(parsed)
            line_numbers.append(number)
    if not records and not problems:
        problems.append(Problem(file_label, "(file)", "(records)", f"no {list_name} records: the file is empty"))
    if problems:
        raise DataError(problems)
    return {list_name: records}, line_numbers
