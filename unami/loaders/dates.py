"""EDTF date strings to the four stored columns: date, earliest, latest, precision."""

import calendar
import datetime
import re
from functools import lru_cache

import edtf
from edtf.parser.parser_classes import Date, Interval, OneOfASet, UncertainOrApproximate, Unspecified

LENGTH_PRECISION = {4: "year", 7: "month", 10: "day"}

# Plain calendar dates (2004, 2007-09, 2003-08-14) are most of the data and the edtf
# package takes ~12 ms to parse one (pyparsing): they are read directly. Anything
# else, including an impossible date, goes to the edtf parser and its messages.
# ASCII digits only (\d would accept Arabic-Indic or full-width digits); used with fullmatch.
PLAIN_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# EDTF seasons (2004-21 spring .. 2004-24 winter, and level 2's 25-41) have no stored precision,
# and the edtf package gives winter December's bounds only: they are refused, not guessed.
SEASON = re.compile(r"[0-9X]{4}-(?:2[1-9]|[34][0-9])(?![0-9])")
# Unspecified digits that make one of the stored precisions; any other X pattern is refused.
UNSPECIFIED_PRECISION = {
    re.compile(r"[0-9]{4}-[0-9]{2}-XX"): "month",
    re.compile(r"[0-9]{4}-XX(?:-XX)?"): "year",
    re.compile(r"[0-9]{3}X"): "decade",
}


class DateProblem(ValueError):
    pass


def _iso(bound) -> str:
    return f"{bound.tm_year:04d}-{bound.tm_mon:02d}-{bound.tm_mday:02d}"


def _precision(parsed, text: str) -> str:
    if isinstance(parsed, Interval):
        return "interval"
    if isinstance(parsed, OneOfASet):
        return "one of a set"
    if isinstance(parsed, Unspecified):
        bare = text.rstrip("~?%")
        for pattern, precision in UNSPECIFIED_PRECISION.items():
            if pattern.fullmatch(bare):
                return precision
        raise DateProblem(
            f"{text!r}: only a day (2004-06-XX), a month (2004-XX) or a year's last digit (199X) may be unspecified"
        )
    if isinstance(parsed, Date | UncertainOrApproximate):
        return LENGTH_PRECISION.get(len(text.rstrip("~?%")), "day")
    raise DateProblem(f"unsupported EDTF form {type(parsed).__name__}")


def _is_calendar_day(iso: str) -> bool:
    try:
        datetime.date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def _plain_date(text: str) -> dict[str, str] | None:
    """The stored columns of a valid YYYY, YYYY-MM or YYYY-MM-DD; None for anything else."""
    match = PLAIN_DATE.fullmatch(text)
    if match is None:
        return None
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    if year < 1 or (month is not None and not 1 <= month <= 12):
        return None
    if month is None:
        earliest, latest = f"{year:04d}-01-01", f"{year:04d}-12-31"
    elif day is None:
        last = calendar.monthrange(year, month)[1]
        earliest, latest = f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    elif day is not None and 1 <= day <= calendar.monthrange(year, month)[1]:
        earliest = latest = text
    else:
        return None
    return {"date": text, "earliest": earliest, "latest": latest, "precision": LENGTH_PRECISION[len(text)]}


@lru_cache(maxsize=65536)  # monthly observations repeat the same few hundred strings
def parse_date(text: str) -> dict[str, str]:
    """Parse an EDTF string into its stored columns (without the column prefix).

    >>> parse_date("2007-09")
    {'date': '2007-09', 'earliest': '2007-09-01', 'latest': '2007-09-30', 'precision': 'month'}
    """
    plain = _plain_date(text)
    if plain is not None:
        return plain
    if SEASON.search(text):
        raise DateProblem(f"{text!r} is a season, which is not stored; give its months (e.g. 2004-03/2004-05)")
    try:
        parsed = edtf.parse_edtf(text)
    except Exception as error:  # the edtf package raises several types for bad input
        raise DateProblem(f"{text!r} is not a valid EDTF date (e.g. 2003-08-14, 2007-09, 2004, 2004~)") from error
    lower, upper = parsed.lower_strict(), parsed.upper_strict()
    if not all(hasattr(bound, "tm_year") for bound in (lower, upper)):
        raise DateProblem(f"{text!r} is open-ended; give both ends (e.g. 2004-10/2007-07)")
    earliest, latest = _iso(lower), _iso(upper)
    if not (ISO_DAY.fullmatch(earliest) and ISO_DAY.fullmatch(latest)) or earliest < "0001-01-01":
        raise DateProblem(f"{text!r} falls outside years 0001-9999")
    if not (_is_calendar_day(earliest) and _is_calendar_day(latest)):  # the edtf package passes 2003-02-29
        raise DateProblem(f"{text!r} is not a valid EDTF date (e.g. 2003-08-14, 2007-09, 2004, 2004~)")
    if earliest > latest:
        raise DateProblem(f"{text!r} ends before it starts ({earliest} > {latest})")
    return {"date": text, "earliest": earliest, "latest": latest, "precision": _precision(parsed, text)}


def date_columns(prefix: str, text: str | None) -> dict[str, str | None]:
    """The four `<prefix>_*` columns for an optional EDTF string (all NULL when absent)."""
    parts = parse_date(text) if text is not None else dict.fromkeys(("date", "earliest", "latest", "precision"))
    return {f"{prefix}_{part}": value for part, value in parts.items()}
