"""Dates as a person writes them: one function from a stored EDTF string to text for a page.

The database keeps the EDTF string and its bounds for SQL; pages show this instead, at the
precision the source gives:

    >>> [readable_date(text) for text in ("2003-08-14", "2007-09", "199X", "[2018-12, 2019]", None)]
    ['14 Aug 2003', 'Sep 2007', '1990s', 'Dec 2018 or 2019', 'not stated']

It reads every form the loaders accept (unami/loaders/dates.py): days, months, years,
unspecified digits, approximate and uncertain dates, intervals and sets. A string it
cannot read is returned as it is, so a page never hides a value.
"""

import functools
import re

NOT_STATED = "not stated"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DATE = re.compile(r"(?P<year>[0-9X]{4})(?:-(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2}))?)?(?P<qualifier>[~?%]?)")


# A page or chart of 1,000 rows asks for a few dozen distinct dates (most are months): remembered, each
# costs a lookup instead of a parse (about 8 µs each, 20 ms for the leadership chart at the field's scale).
@functools.lru_cache(maxsize=4096)
def readable_date(text: str | None) -> str:
    """Return `text` (EDTF) as a person would write it; 'not stated' for a missing date."""
    if text is None or not text.strip():
        return NOT_STATED
    text = text.strip()
    try:
        if text.startswith("[") and text.endswith("]"):
            return " or ".join(_one_of(item.strip()) for item in text[1:-1].split(","))
        if "/" in text:
            start, end = text.split("/")
            return f"{_date(start)} to {_date(end)}"
        return _date(text)
    except ValueError:
        return text


def _one_of(item: str) -> str:
    if ".." in item:
        start, end = item.split("..")
        return f"between {_date(start)} and {_date(end)}"
    return _date(item)


def _date(text: str) -> str:
    match = DATE.fullmatch(text)
    if match is None:
        raise ValueError(text)
    year, month, day = match["year"], match["month"], match["day"]
    words = _year(year)
    if month is not None and "X" not in month:
        if not 1 <= int(month) <= 12:
            raise ValueError(text)
        words = f"{MONTHS[int(month) - 1]} {words}"
        if day is not None and "X" not in day:
            words = f"{int(day)} {words}"
    return _qualified(words, match["qualifier"])


def _year(year: str) -> str:
    """'2004', or '1990s' for 199X (the loaders accept no other unspecified year)."""
    if year.isdigit():
        return str(int(year))
    if year[:3].isdigit() and year[3] == "X":
        return f"{year[:3]}0s"
    raise ValueError(year)


def _qualified(words: str, qualifier: str) -> str:
    if qualifier == "~":
        return f"about {words}"
    if qualifier == "?":
        return f"{words} (uncertain)"
    if qualifier == "%":
        return f"about {words} (uncertain)"
    return words
