"""Dates for people: every EDTF form the loaders accept reads as a person writes it."""

import re

import pytest

from unami.loaders.dates import parse_date
from unami.readable import readable_date

# (stored EDTF, what a page shows): one row per form and precision the loaders accept.
FORMS = [
    ("2003-08-14", "14 Aug 2003"),
    ("2004-02-29", "29 Feb 2004"),
    ("2007-09", "Sep 2007"),
    ("2004", "2004"),
    ("199X", "1990s"),
    ("2004-XX", "2004"),
    ("2004-06-XX", "Jun 2004"),
    ("2004-XX-XX", "2004"),
    ("2004~", "about 2004"),
    ("2004?", "2004 (uncertain)"),
    ("2004%", "about 2004 (uncertain)"),
    ("2007-09~", "about Sep 2007"),
    ("2003-08-14?", "14 Aug 2003 (uncertain)"),
    ("2004-10/2007-07", "Oct 2004 to Jul 2007"),
    ("2004/2007", "2004 to 2007"),
    ("2004-10-01/2007-07", "1 Oct 2004 to Jul 2007"),
    ("[2019, 2023]", "2019 or 2023"),
    ("[2019,2023]", "2019 or 2023"),
    ("[2018-12, 2019]", "Dec 2018 or 2019"),
    ("[2004..2007]", "between 2004 and 2007"),
    ("[2003-08-14, 2003-08-19]", "14 Aug 2003 or 19 Aug 2003"),
]


@pytest.mark.parametrize(("edtf", "shown"), FORMS, ids=[edtf for edtf, _ in FORMS])
def test_an_accepted_date_reads_as_a_person_writes_it(edtf, shown):
    parse_date(edtf)  # the loaders accept this form (raises otherwise)
    assert readable_date(edtf) == shown


@pytest.mark.parametrize("missing", [None, "", "  "])
def test_a_missing_date_reads_not_stated(missing):
    assert readable_date(missing) == "not stated"


@pytest.mark.parametrize("unreadable", ["2004-13", "2004-21", "19XX", "X004", "2004-1", "yesterday", "[2004, 20]"])
def test_a_string_that_is_no_readable_date_is_shown_as_it_is(unreadable):
    assert readable_date(unreadable) == unreadable


def test_every_date_of_the_article_has_a_reading_other_than_its_edtf(query):
    """The forms the published data holds today (found by a query, not listed by hand) all read."""
    stored = query(
        "select started_date as edtf from appointments where started_date is not null"
        " union select ended_date from appointments where ended_date is not null"
        " union select occurred_date from events where occurred_date is not null"
        " union select adopted_date from resolutions where adopted_date is not null"
    )
    # Every kind of form the data holds is among them: years, a decade, months, days and the two kinds of set.
    forms = {re.sub("[0-9]", "9", row["edtf"]) for row in stored}
    assert {"9999", "999X", "9999-99", "9999-99-99", "[9999-99, 9999]", "[9999, 9999]"} <= forms
    for row in stored:
        shown = readable_date(row["edtf"])
        assert shown != row["edtf"] or row["edtf"].isdigit(), f"{row['edtf']!r} is shown raw"


def test_the_site_offers_readable_date_to_sql(site):
    response = site("/unami.json?sql=select+readable_date('199X')+as+a,+readable_date(null)+as+b&_shape=array")
    assert response.status_code == 200, response.text[:300]
    assert response.json() == [{"a": "1990s", "b": "not stated"}]
