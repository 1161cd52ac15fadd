"""The load context (unami/loaders/context.py) that every family writes through, on its own.

The bad-input corpus reaches most of it through real files; these pin the paths a family author
can reach but today's data files do not: unvalidated dates, long key lists, rows without a record,
record files read by line.
"""

import pytest
from pydantic import TypeAdapter, ValidationError

from unami.loaders.context import MAX_TEXT_BYTES, Fact, LoadContext, Text, WholeNumber
from unami.loaders.errors import Problem


def context_in(file: str = "data/events.yaml", default_source: str | None = "wikipedia-unami") -> LoadContext:
    context = LoadContext()
    context.start_file(file, default_source)
    return context


def test_a_date_the_model_did_not_check_is_a_problem_and_stored_as_unknown():
    context = context_in()
    columns = context.date("occurred", "2004-13", "events[2] (attack)", "occurred")
    assert columns == {
        "occurred_date": None,
        "occurred_earliest": None,
        "occurred_latest": None,
        "occurred_precision": None,
    }
    [problem] = context.problems
    assert (problem.file, problem.record, problem.field) == ("data/events.yaml", "events[2] (attack)", "occurred")
    assert problem.message.startswith("'2004-13' is not a valid EDTF date")


def test_an_unknown_key_lists_the_first_eight_known_then_an_ellipsis():
    context = context_in()
    for number, key in enumerate("abcdefghi", 1):
        context.register("people", key, number, f"people[{number - 1}]")
    assert context.ref("people", "z", "events[0]", "person") is None
    said = "unknown people key 'z' (known: a, b, c, d, e, f, g, h, ...)"
    assert context.problems == [Problem("data/events.yaml", "events[0]", "person", said)]


def test_an_unknown_key_among_eight_lists_them_all_and_among_none_says_none():
    context = context_in()
    for number, key in enumerate("abcdefgh", 1):
        context.register("people", key, number, f"people[{number - 1}]")
    context.ref("people", "z", "events[0]", "person")
    context.ref("countries", "ZZZ", "events[1]", "country")
    assert [problem.message for problem in context.problems] == [
        "unknown people key 'z' (known: a, b, c, d, e, f, g, h)",
        "unknown countries key 'ZZZ' (known: none)",
    ]


def test_a_fact_without_a_source_is_refused_differently_in_yaml_and_json_lines():
    fact = Fact(section="Leadership")
    in_yaml, in_lines = context_in(default_source=None), context_in("data/strengths.jsonl", None)
    assert in_yaml.provenance(fact, "events[0]") == {"source_section_id": None}
    assert in_lines.provenance(fact, "line 3") == {"source_section_id": None}
    assert [str(problem) for problem in in_yaml.problems + in_lines.problems] == [
        "data/events.yaml: events[0]: source: no source given and the file sets no default `source:`",
        "data/strengths.jsonl: line 3: source: no source given (JSON Lines has no file-level default: "
        "each fact names its source)",
    ]


def test_a_record_file_names_its_records_by_line_and_other_lists_by_index():
    context = LoadContext()
    context.start_file("data/strengths.jsonl", None, line_numbers=[2, 5])
    assert context.label("strengths", 1, "x") == "line 5 (x)"
    assert context.label("strengths", 2) == "strengths[2]"  # past the lines read: by index
    assert context.label("contingents", 0) == "contingents[0]"  # another list: by index
    context_of_yaml = context_in()
    assert context_of_yaml.label("strengths", 0) == "strengths[0]"


def test_a_row_no_record_states_alone_is_named_by_its_table_and_id():
    context = context_in()
    row_id = context.add("contingent_strengths", {"personnel_count": 5})
    row = context.rows["contingent_strengths"][row_id - 1]
    assert context.origin("contingent_strengths", {"id": 99}) == ("(unknown file)", None)
    context.problem_with_row("contingent_strengths", row, "personnel_count", "too many")
    context.problem_in_record("contingent_strengths", row, "personnel_count", "too few")
    assert [str(problem) for problem in context.problems] == [
        "data/events.yaml: contingent_strengths 1: personnel_count: too many",
        "data/events.yaml: contingent_strengths 1: personnel_count: too few",
    ]


def test_keys_registered_ahead_get_the_next_ids_and_a_repeat_is_named_by_its_place():
    context = context_in()
    context.add("appointments", {"key": "earlier"})
    context.register_ahead("appointments", ["qazi", "de-mistura", "qazi"])
    assert context.ids["appointments"] == {"qazi": 2, "de-mistura": 3}
    assert [str(problem) for problem in context.problems] == [
        "data/events.yaml: appointments[2] (qazi): key: duplicate appointments key 'qazi'; keys must be unique"
    ]


# --- the value types every record model uses -------------------------------------------------------------


def refusal(value_type, value) -> str:
    with pytest.raises(ValidationError) as raised:
        TypeAdapter(value_type).validate_python(value)
    [error] = raised.value.errors()
    return error["msg"]


def test_text_is_refused_blank_and_over_one_megabyte_exactly_at_the_limit():
    assert refusal(Text, "") == "Value error, is empty or blank; give the text, or leave an optional field out"
    assert TypeAdapter(Text).validate_python("x" * MAX_TEXT_BYTES) == "x" * MAX_TEXT_BYTES  # at the limit
    over = "x" * (MAX_TEXT_BYTES + 1)
    assert refusal(Text, over) == "Value error, is 1,000,001 bytes, over the limit of 1,000,000 bytes for one value"
    # counted in bytes, not characters: 300,000 three-byte characters are 900,000 bytes, under the limit
    assert TypeAdapter(Text).validate_python("€" * 300_000) == "€" * 300_000
    assert refusal(Text, "€" * 333_334).startswith("Value error, is 1,000,002 bytes")


@pytest.mark.parametrize("written", ["077", "1:17", "0x6", "0X6", "0B11", "0O7", "1_000"])
def test_a_number_in_another_base_or_with_separators_is_refused_with_the_way_to_write_it(written):
    assert refusal(WholeNumber, written) == (
        f"Value error, {written!r} is not a plain decimal number (YAML 1.1 reads a leading 0 as octal and 1:17 as"
        " base 60); write the digits without leading zeros, colons or underscores"
    )
