"""Loaders: validate data/ files and write their rows (DML only; alembic owns the DDL).

One module per family of facts, each declaring its `FAMILY` (see context.Family), registered
in FAMILIES in dependency order: a family may refer only to keys of the families before it
(or earlier in its own file).
"""

from unami.loaders import (
    claims,
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
from unami.loaders.context import Family
from unami.loaders.errors import DataError, Problem
from unami.loaders.pipeline import LoadPlan, data_sha256, plan_load, write

FAMILIES: list[Family] = [
    sources.FAMILY,
    places.FAMILY,
    missions.FAMILY,
    people.FAMILY,
    posts.FAMILY,
    resolutions.FAMILY,
    mandate.FAMILY,
    events.FAMILY,
    outcomes.FAMILY,
    field.FAMILY,
    discrepancies.FAMILY,
    claims.FAMILY,
]

__all__ = ["FAMILIES", "DataError", "Family", "LoadPlan", "Problem", "data_sha256", "plan_load", "write"]
