"""The SQL functions the canned reports call, so that each way of reading a parameter is written once.

`register()` adds them to a connection; the site's plugin and `unami report` call it. A bare `sqlite3`
session does not have them (the README says so): copy a report's SQL there and these calls fail.
"""

import calendar
import re
import sqlite3
import unicodedata

from unami.loaders.dates import parse_date

YEAR = re.compile(r"[0-9]{4}")
MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


def folded(text: str | None) -> str | None:
    """Text as a person's input matches it: any case, accents dropped, spaces trimmed and single.

    >>> folded("  Ján   KUBIŠ ")
    'jan kubis'
    """
    if not isinstance(text, str):
        return text
    return " ".join(unaccented(text).casefold().split())


def unaccented(text: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def first_day(typed: str | None) -> str | None:
    """The first day a typed date asks about: a year or a month from its start; anything else as typed.

    What is returned is not checked: a report compares it with `date(x, '+0 days')` to refuse 2010-02-30.

    >>> first_day("2010"), first_day(" 2010-02"), first_day("2010-02-14"), first_day("")
    ('2010-01-01', '2010-02-01', '2010-02-14', '')
    """
    if typed is None:
        return None
    typed = typed.strip()
    if YEAR.fullmatch(typed):
        return f"{typed}-01-01"
    if MONTH.fullmatch(typed):
        return f"{typed}-01"
    return typed


def last_day(typed: str | None) -> str | None:
    """The last day a typed date asks about: a year or a month to its end; anything else as typed.

    >>> last_day("2010"), last_day("2012-02"), last_day("2010-02-14"), last_day("2010-13")
    ('2010-12-31', '2012-02-29', '2010-02-14', None)
    """
    if typed is None:
        return None
    typed = typed.strip()
    if YEAR.fullmatch(typed):
        return f"{typed}-12-31"
    month = MONTH.fullmatch(typed)
    if month:
        year, number = int(month[1]), int(month[2])
        if not 1 <= number <= 12 or year == 0:
            return None  # as SQLite's date() answers for a month that does not exist
        return f"{typed}-{calendar.monthrange(year, number)[1]:02d}"
    return typed


def closeness(typed: str | None, key: str | None, name: str | None) -> int | None:
    """How well a typed value names a row by its key or name: 1 exactly, 2 by its start, NULL not at all.

    Case, accents, and hyphens against spaces do not count ('Electoral assistance', 'electoral-assistance');
    a report keeps the rows of the best closeness found.

    >>> closeness("Human Rights", "human-rights", "Human rights"), closeness("electoral", "electoral-assistance", "")
    (1, 2)
    """
    wanted = fold_name(typed or "")
    if not wanted:
        return None
    forms = [fold_name(text) for text in (key, name) if text]
    if wanted in forms:
        return 1
    if any(form.startswith(wanted) for form in forms):
        return 2
    return None


def fold_name(text: str) -> str:
    """A key or a name as `closeness` compares it: folded, hyphens read as spaces."""
    return " ".join(unaccented(text.replace("-", " ")).casefold().split())


def set_overlaps(edtf: str | None, first: str | None, last: str | None) -> int | None:
    """1 when some member of an EDTF set overlaps the days first..last, else 0 (NULL for no date).

    A set is one of its members, not the span between them: [2019, 2023] does not overlap 2020-2022.
    A member written as a range ([2004..2007]) covers every day of it. A blank edge is open.

    >>> set_overlaps("[2019, 2023]", "2020-01-01", "2022-12-31"), set_overlaps("[2019, 2023]", "2023-06-01", "")
    (0, 1)
    """
    if edtf is None:
        return None
    members = edtf.strip().lstrip("[{").rstrip("]}").split(",")
    for member in members:
        start, _, end = member.strip().partition("..")
        earliest = parse_date(start)["earliest"]
        latest = parse_date(end or start)["latest"]
        if (not last or earliest <= last) and (not first or latest >= first):
            return 1
    return 0


def register(connection: sqlite3.Connection) -> None:
    """Add the functions to `connection`, which will run reports."""
    connection.create_function("folded", 1, folded, deterministic=True)
    connection.create_function("first_day", 1, first_day, deterministic=True)
    connection.create_function("last_day", 1, last_day, deterministic=True)
    connection.create_function("closeness", 3, closeness, deterministic=True)
    connection.create_function("set_overlaps", 3, set_overlaps, deterministic=True)
