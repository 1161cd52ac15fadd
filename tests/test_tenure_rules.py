"""The rules across tenures (unami/loaders/posts.py) on rows made here: which tenures of a post certainly overlap.

The bad-input corpus refuses one overlap through real files; these pin the search itself, which
sorts a post's tenures instead of comparing every pair: the same pairs, reported in the same order.
"""

import itertools
import random

import pytest
from test_load_context import context_in

from unami.loaders.context import LoadContext
from unami.loaders.posts import certain_overlaps, check_links, check_rows


def every_pair(spans: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """The definition, pair by pair: each starts (at the latest) before the other ends (at the earliest)."""
    return [
        (one, other)
        for one, other in itertools.combinations(range(len(spans)), 2)
        if spans[one][0] < spans[other][1] and spans[other][0] < spans[one][1]
    ]


@pytest.mark.parametrize("seed", range(300))
def test_sorting_finds_the_pairs_that_comparing_every_pair_finds(seed):
    """Twelve days, so ties, touching ends and spans whose latest start is after their earliest end are common."""
    generator = random.Random(seed)
    days = [f"2004-01-{day:02d}" for day in range(1, 13)]
    spans = [(generator.choice(days), generator.choice(days)) for _ in range(generator.randint(0, 12))]
    assert certain_overlaps(spans) == every_pair(spans)


def test_touching_tenures_do_not_overlap_and_an_uncertain_one_inside_another_does():
    spans = [
        ("2004-01-01", "2006-01-01"),
        ("2006-01-01", "2008-01-01"),  # starts the day the first ends: not both in office
        ("2007-06-30", "2007-06-01"),  # dates uncertain: certainly in office on no day of its own,
        ("2007-01-01", "2007-12-31"),  # but the fourth spans all its uncertainty
    ]
    assert certain_overlaps(spans) == [(1, 2), (1, 3), (2, 3)]
    assert certain_overlaps([]) == [] and certain_overlaps([spans[0]]) == []


def tenure(
    context: LoadContext,
    key: str,
    position_id: int,
    started: str | None,
    ended: str | None,
    predecessor: int | None = None,
) -> None:
    """A tenure with day dates (None: not stated), as posts.yaml's conversion queues it."""

    def date(prefix: str, day: str | None) -> dict:
        return {f"{prefix}_{part}": day for part in ("date", "earliest", "latest")} | {
            f"{prefix}_precision": day and "day"
        }

    row = {
        "key": key,
        "person_id": 1,
        "position_id": position_id,
        **date("started", started),
        **date("ended", ended),
        "predecessor_appointment_id": predecessor,
    }
    context.add("appointments", row, f"appointments ({key})")


def test_each_overlap_is_reported_once_at_the_later_tenure_in_file_order():
    context = context_in("data/posts.yaml", default_source=None)
    tenure(context, "first", 1, "2004-01-01", "2006-01-01")
    tenure(context, "second", 1, "2005-06-01", "2007-01-01")
    tenure(context, "third", 1, "2006-12-01", "2008-01-01")
    tenure(context, "within-first", 1, "2005-01-01", "2005-02-01")
    tenure(context, "other-post", 2, "2005-01-01", "2005-02-01")
    tenure(context, "open-ended", 1, "2004-06-01", None)  # no end stated: not certainly in office past its start
    check_rows(context)
    assert [str(problem) for problem in context.problems] == [
        "data/posts.yaml: appointments second: started: overlaps first in the same post (2004-01-01–2006-01-01)",
        "data/posts.yaml: appointments within-first: started: overlaps first in the same post (2004-01-01–2006-01-01)",
        "data/posts.yaml: appointments third: started: overlaps second in the same post (2005-06-01–2007-01-01)",
    ]


def test_each_broken_predecessor_link_is_reported_once_up_to_the_last_tenure():
    context = context_in("data/posts.yaml", default_source=None)
    tenure(context, "a", 1, None, None)
    tenure(context, "b", 1, None, None, predecessor=1)  # sound
    tenure(context, "c", 2, None, None, predecessor=1)
    tenure(context, "d", 1, None, None, predecessor=5)  # forward, and with e a cycle
    tenure(context, "e", 1, None, None, predecessor=4)
    tenure(context, "f", 1, None, None, predecessor=6)  # the last tenure: itself, which is not also a cycle
    check_links(context)
    assert [str(problem) for problem in context.problems] == [
        "data/posts.yaml: appointments c: predecessor: a is a tenure of another post",
        "data/posts.yaml: appointments f: predecessor: names the tenure itself as its predecessor",
        "data/posts.yaml: appointments d: predecessor: predecessors form a cycle: d -> e -> d",
    ]


def test_a_tenure_may_end_the_day_it_starts_and_a_head_of_mission_start_the_day_the_mission_was_established():
    context = context_in("data/posts.yaml", default_source=None)
    context.add("missions", {"key": "unami", "established_date": "2003-08-14", "established_earliest": "2003-08-14"})
    context.add("missions", {"key": "undated", "established_date": None, "established_earliest": None})
    for mission_id, level in ((1, "head of mission"), (1, "deputy head of mission"), (None, "head of mission")):
        context.add(
            "positions", {"key": f"post-{len(context.rows_of('positions'))}", "mission_id": mission_id, "level": level}
        )
    context.add("positions", {"key": "head-undated", "mission_id": 2, "level": "head of mission"})
    tenure(context, "on-the-day", 1, "2003-08-14", "2003-08-14")  # a head of mission for one day
    tenure(context, "day-before", 1, "2003-08-13", None)
    tenure(context, "deputy-before", 2, "2003-01-01", None)  # only a head of mission is bound to the mission's start
    tenure(context, "outside-missions", 3, "2000-01-01", None)
    tenure(context, "undated-mission", 4, "2000-01-01", None)
    tenure(context, "ends-before", 2, "2005-01-01", "2004-12-31")
    check_rows(context)
    assert [str(problem) for problem in context.problems] == [
        "data/posts.yaml: appointments day-before: started: 2003-08-13 is before unami was established (2003-08-14)",
        "data/posts.yaml: appointments ends-before: ended: 2004-12-31 is before the start 2005-01-01",
    ]
