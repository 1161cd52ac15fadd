"""The report catalog (unami/reports/catalog.py) on made-up reports: exact messages, binding, the README list.

The real reports are checked in test_reports.py; here each rule is pinned on a small case whose right
answer is plain from the case itself.
"""

import sqlite3
from pathlib import Path

import pytest

from unami.reports import catalog, functions

SIDECAR = """\
title: Holders
description: Who held a post.
grain: one row per tenure
params:
  post:
    meaning: The post's name.
    examples: [SRSG, deputy]
  year:
    meaning: A year.
    examples: ['2010']
    choices: ['2009', '2010']
columns:
  post: The post.
  year: The year asked.
"""
SQL = "select :post as post, :year as year -- :commented is not a parameter\n"


@pytest.fixture
def reports_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(catalog, "REPORTS_DIR", tmp_path)
    (tmp_path / "holders.sql").write_text(SQL)
    (tmp_path / "holders.yml").write_text(SIDECAR)
    return tmp_path


def report(*parameters: catalog.Parameter) -> catalog.Report:
    return catalog.Report("holders", "Holders", "Who held a post.", "one row per tenure", SQL, parameters)


POST = catalog.Parameter("post", "The post's name.", ("SRSG", "deputy"))
YEAR = catalog.Parameter("year", "A year.", ("2010",), ("2009", "2010"))


def test_a_report_is_read_whole_from_its_sql_and_sidecar(reports_dir):
    assert catalog.load("holders") == catalog.Report(
        "holders", "Holders", "Who held a post.", "one row per tenure", SQL, (POST, YEAR),
        (("post", "The post."), ("year", "The year asked.")),
    )  # fmt: skip


def test_an_unknown_report_is_named_with_the_way_to_list_them(reports_dir):
    with pytest.raises(catalog.ReportError) as raised:
        catalog.load("holder")
    assert str(raised.value) == "no report named 'holder'; `unami report --list` shows the reports"


def test_a_report_without_its_sidecar_is_refused_naming_the_file(reports_dir):
    (reports_dir / "holders.yml").unlink()
    with pytest.raises(catalog.ReportError) as raised:
        catalog.load("holders")
    expected = f"{reports_dir / 'holders.yml'}: missing; every report needs a sidecar with title, description and grain"
    assert str(raised.value) == expected


def test_a_sidecar_without_title_and_grain_names_both(reports_dir):
    sidecar = reports_dir / "holders.yml"
    sidecar.write_text(SIDECAR.replace("title: Holders\n", "").replace("grain: one row per tenure\n", ""))
    with pytest.raises(catalog.ReportError) as raised:
        catalog.load("holders")
    assert str(raised.value) == f"{sidecar}: missing title, grain"


def test_a_sidecar_without_columns_is_refused(reports_dir):
    sidecar = reports_dir / "holders.yml"
    sidecar.write_text(SIDECAR[: SIDECAR.index("columns:")])
    with pytest.raises(catalog.ReportError) as raised:
        catalog.load("holders")
    assert str(raised.value) == f"{sidecar}: missing columns (each output column, in order, with what it holds)"


def test_parameters_must_match_the_sql_ignoring_comments(reports_dir):
    (reports_dir / "holders.sql").write_text("select :post as post, :day as day\n")
    with pytest.raises(catalog.ReportError) as raised:
        catalog.load("holders")
    said = "params ['post', 'year'] do not match the SQL's ['day', 'post']"
    assert str(raised.value) == f"{reports_dir / 'holders.yml'}: {said}"


def test_a_parameter_left_out_is_bound_blank_meaning_all():
    assert report(POST, YEAR).bind({"year": "2010"}) == {"post": "", "year": "2010"}
    assert report(POST, YEAR).bind({}) == {"post": "", "year": ""}


def test_unknown_parameters_are_named_with_the_ones_the_report_has():
    with pytest.raises(catalog.ReportError) as raised:
        report(POST, YEAR).bind({"day": "1", "date": "2"})
    assert str(raised.value) == "report holders has no parameter date, day (parameters: post, year)"
    with pytest.raises(catalog.ReportError) as raised:
        report().bind({"day": "1"})
    assert str(raised.value) == "report holders has no parameter day (parameters: none)"


def test_a_hint_offers_the_choices_or_else_the_meaning_and_examples():
    assert YEAR.hint() == "Try year = one of: 2009, 2010."
    assert POST.hint() == "post: The post's name. For example: SRSG, deputy."


def test_run_returns_the_column_names_and_the_rows_with_blanks_bound():
    with sqlite3.connect(":memory:") as connection:
        assert catalog.run(connection, report(POST, YEAR), {"post": "SRSG"}) == (["post", "year"], [("SRSG", "")])


def test_the_readme_list_has_one_line_per_report_with_its_parameters():
    without = catalog.Report("empty", "Empty", "Nothing.", "no rows", "select 1")
    assert catalog.markdown_list([report(POST, YEAR), without]) == (
        "- **Holders** (`holders`): Who held a post. Grain: one row per tenure. Parameters: `:post`, `:year`.\n"
        "- **Empty** (`empty`): Nothing. Grain: no rows.\n"
    )


# --- the SQL functions reports read their parameters through (unami/reports/functions.py) ----------------

DAYS = [  # typed, first day asked, last day asked: from the calendar
    ("2010", "2010-01-01", "2010-12-31"),
    (" 2010-02 ", "2010-02-01", "2010-02-28"),
    ("2012-02", "2012-02-01", "2012-02-29"),  # leap year
    ("2010-12", "2010-12-01", "2010-12-31"),
    ("2010-01-15", "2010-01-15", "2010-01-15"),
    ("2010-13", "2010-13-01", None),  # no such month: the report then matches nothing
    ("", "", ""),  # blank: the report reads it as "all"
]


@pytest.mark.parametrize(("typed", "first", "last"), DAYS, ids=[row[0] or "blank" for row in DAYS])
def test_a_typed_date_asks_about_its_whole_period(typed, first, last):
    assert (functions.first_day(typed), functions.last_day(typed)) == (first, last)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("electoral-assistance", 1),
        ("Electoral Assistance", 1),
        ("ÉLECTORAL assistance", 1),
        ("electoral", 2),
        ("Elect", 2),
        ("assistance", None),  # not the start of the key or the name
        ("", None),
        ("%", None),  # a literal character, not a wildcard
    ],
)
def test_closeness_is_exact_then_by_start_ignoring_case_accents_and_hyphens(typed, expected):
    assert functions.closeness(typed, "electoral-assistance", "Electoral assistance") == expected


def test_folded_drops_case_accents_and_extra_spaces():
    assert functions.folded("  Ján   KUBIŠ ") == "jan kubis"
    assert functions.folded(None) is None


@pytest.mark.parametrize(
    ("edtf", "first", "last", "expected"),
    [
        ("[2019, 2023]", "2020-01-01", "2022-12-31", 0),  # neither 2019 nor 2023 is in 2020-2022
        ("[2019, 2023]", "2019-12-31", "2020-01-01", 1),  # the last day of 2019
        ("[2019, 2023]", "2023-06-01", "", 1),  # open end
        ("[2019, 2023]", "", "2018-12-31", 0),  # open start, before both
        ("[2018-12, 2019]", "2018-01-01", "2018-11-30", 0),
        ("[2018-12, 2019]", "2018-12-31", "2018-12-31", 1),
        ("[2004..2007]", "2005-06-01", "2005-06-01", 1),  # a range member covers its days
    ],
)
def test_a_set_date_overlaps_a_window_only_through_one_of_its_members(edtf, first, last, expected):
    assert functions.set_overlaps(edtf, first, last) == expected


def test_helper_columns_are_read_and_must_be_among_the_columns(reports_dir):
    sidecar = reports_dir / "holders.yml"
    sidecar.write_text(SIDECAR + "helper_columns: [year]\n")
    assert catalog.load("holders").helper_columns == ("year",)
    sidecar.write_text(SIDECAR + "helper_columns: [day]\n")
    with pytest.raises(catalog.ReportError) as raised:
        catalog.load("holders")
    assert str(raised.value) == f"{sidecar}: helper_columns ['day'] are not among its columns"


def test_a_name_inside_a_string_or_a_comment_is_not_a_parameter(reports_dir):
    sql = "select :post as post, :year as year, ':day' as quoted, 'it''s :month' as escaped -- :week\n"
    (reports_dir / "holders.sql").write_text(sql)
    assert catalog.load("holders").parameter_names == ("post", "year")
