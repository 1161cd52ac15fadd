"""Loaders: validate data/ files and write their rows (DML only; alembic owns the DDL).

One module per family of facts, listed in dependency order: a family may
refer only to keys of the families before it (or earlier in its own file).
"""

from unami.loaders import (
    discrepancies,
    events,
    field,
    mandate,
    missions,
    outcomes,
    people,
    places,
    posts,
    resolutions,
    sources,
)
from unami.loaders.errors import DataError, Problem
from unami.loaders.pipeline import LoadPlan, data_sha256, plan_load, write

FAMILIES = [sources, places, missions, people, posts, resolutions, mandate, events, outcomes, field, discrepancies]

__all__ = ["FAMILIES", "DataError", "LoadPlan", "Problem", "data_sha256", "plan_load", "write"]
