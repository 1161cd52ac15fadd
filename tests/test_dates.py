"""EDTF parsing (unami/loaders/dates.py): exact bounds and precision for every form, refusals in one line."""

import calendar
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unami.loaders.dates import DateProblem, parse_date


@pytest.fixture(autouse=True)
def cold_parse_cache():
    """Each test parses its dates itself: a cached answer would hide what the parser now does
    (and hides the test from a mutation tool's map of which tests run which code)."""
    parse_date.cache_clear()


# (EDTF, earliest, latest, precision): bounds worked out by hand from the calendar.
ACCEPTED = [
    ("2003-08-14", "2003-08-14", "2003-08-14", "day"),
    ("2007-09", "2007-09-01", "2007-09-30", "month"),
    ("2007-08", "2007-08-01", "2007-08-31", "month"),
    ("2004-02", "2004-02-01", "2004-02-29", "month"),  # leap year
    ("2003-02", "2003-02-01", "2003-02-28", "month"),
    ("1900-02", "1900-02-01", "1900-02-28", "month"),  # divisible by 100, not a leap year
    ("2000-02", "2000-02-01", "2000-02-29", "month"),  # divisible by 400, a leap year
    ("2004-02-29", "2004-02-29", "2004-02-29", "day"),
    ("2004-12", "2004-12-01", "2004-12-31", "month"),
    ("2004", "2004-01-01", "2004-12-31", "year"),
    ("199X", "1990-01-01", "1999-12-31", "decade"),
    ("199X~", "1990-01-01", "1999-12-31", "decade"),
    ("2004-XX", "2004-01-01", "2004-12-31", "year"),
    ("2004-XX-XX", "2004-01-01", "2004-12-31", "year"),
    ("2004-06-XX", "2004-06-01", "2004-06-30", "month"),
    ("2004~", "2004-01-01", "2004-12-31", "year"),
    ("2004?", "2004-01-01", "2004-12-31", "year"),
    ("2007-09~", "2007-09-01", "2007-09-30", "month"),
    ("2003-08-14?", "2003-08-14", "2003-08-14", "day"),
    ("2004-10/2007-07", "2004-10-01", "2007-07-31", "interval"),
    ("2004/2007", "2004-01-01", "2007-12-31", "interval"),
    ("[2019, 2023]", "2019-01-01", "2023-12-31", "one of a set"),
    ("[2018-12, 2019]", "2018-12-01", "2019-12-31", "one of a set"),
    ("[2004..2007]", "2004-01-01", "2007-12-31", "one of a set"),
    ("0001", "0001-01-01", "0001-12-31", "year"),
    ("9999-12", "9999-12-01", "9999-12-31", "month"),
]


@pytest.mark.parametrize(("edtf", "earliest", "latest", "precision"), ACCEPTED, ids=[row[0] for row in ACCEPTED])
def test_an_accepted_date_has_exact_bounds_and_precision(edtf, earliest, latest, precision):
    assert parse_date(edtf) == {"date": edtf, "earliest": earliest, "latest": latest, "precision": precision}


# (EDTF, words the one-line reason must contain)
REFUSED = [
    ("2003-02-29", "not a valid EDTF date"),
    ("1900-02-29", "not a valid EDTF date"),
    ("2004-13", "not a valid EDTF date"),
    ("2004-00", "not a valid EDTF date"),
    ("2004-04-31", "not a valid EDTF date"),
    ("0000", "outside years 0001-9999"),
    ("2004-21", "is a season"),
    ("2004-24", "is a season"),
    ("2004-33", "is a season"),
    ("2004-21/2004-23", "is a season"),
    ("20XX", "may be unspecified"),
    ("1XXX", "may be unspecified"),
    ("2004-XX-15", "may be unspecified"),
    ("2004-10/..", "open-ended"),
    ("2007/2004", "ends before it starts"),
    ("14 August 2003", "not a valid EDTF date"),
    ("２００４", "not a valid EDTF date"),  # full-width digits
    ("2004-06-14T10:00:00", "unsupported EDTF form DateAndTime"),  # a time of day has no stored precision
]


@pytest.mark.parametrize(("edtf", "reason"), REFUSED, ids=[row[0] for row in REFUSED])
def test_a_date_without_a_stored_meaning_is_refused_with_its_reason(edtf, reason):
    with pytest.raises(DateProblem) as refusal:
        parse_date(edtf)
    assert reason in str(refusal.value)
    assert "\n" not in str(refusal.value)


# No deadline: the edtf package takes milliseconds to parse a set, more on a loaded machine.
@settings(deadline=None)
@given(st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)))
def test_every_calendar_day_month_and_year_has_the_calendars_bounds(day):
    iso = day.isoformat()
    assert parse_date(iso) == {"date": iso, "earliest": iso, "latest": iso, "precision": "day"}
    month = iso[:7]
    last = calendar.monthrange(day.year, day.month)[1]
    assert parse_date(month)["earliest"] == f"{month}-01"
    assert parse_date(month)["latest"] == f"{month}-{last:02d}"
    year = iso[:4]
    assert (parse_date(year)["earliest"], parse_date(year)["latest"]) == (f"{year}-01-01", f"{year}-12-31")


@settings(deadline=None)
@given(st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9999, 12, 31)), st.data())
def test_a_set_spans_from_its_first_member_to_its_last(first, data):
    second = data.draw(st.dates(min_value=first, max_value=datetime.date(9999, 12, 31)))
    parsed = parse_date(f"[{first.isoformat()}, {second.isoformat()}]")
    assert (parsed["earliest"], parsed["latest"], parsed["precision"]) == (
        first.isoformat(),
        second.isoformat(),
        "one of a set",
    )
