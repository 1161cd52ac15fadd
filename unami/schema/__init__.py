"""The declared schema of unami-db: tables, vocabularies, full-text search.

This package is the ground floor: it imports nothing else of the project.
"""

from unami.schema import tables  # noqa: F401  (registers every table on `metadata`)
from unami.schema.columns import metadata
from unami.schema.fts import FTS_INDEXES
from unami.schema.summaries import SUMMARIES, SUMMARY_TABLE_NAMES

__all__ = ["metadata", "FTS_INDEXES", "SUMMARIES", "SUMMARY_TABLE_NAMES"]
