"""The declared schema of unami-db: tables, vocabularies, full-text search.

This package is the ground floor: it imports nothing else of the project.
"""

from unami.schema import tables  # noqa: F401  (registers every table on `metadata`)
from unami.schema.columns import metadata
from unami.schema.fts import FTS_INDEXES
from unami.schema.summaries import SUMMARY_TABLE_NAMES

__all__ = ["metadata", "FTS_INDEXES", "SUMMARY_TABLE_NAMES", "migrated_tables"]


def migrated_tables() -> list:
    """The tables the migrations own (every declared table but the summaries), parents first."""
    return [table for table in metadata.sorted_tables if table.name not in SUMMARY_TABLE_NAMES]
