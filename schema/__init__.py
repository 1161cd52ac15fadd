"""The declared schema of unami-db: tables, vocabularies, full-text search.

This package is the ground floor: it imports nothing else of the project.
"""

from schema import tables  # noqa: F401  (registers every table on `metadata`)
from schema.columns import metadata
from schema.fts import FTS_INDEXES
from schema.summaries import SUMMARIES, SUMMARY_TABLE_NAMES

__all__ = ["metadata", "FTS_INDEXES", "SUMMARIES", "SUMMARY_TABLE_NAMES"]
