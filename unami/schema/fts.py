"""Full-text search indexes: FTS5 tables over text columns of content tables.

External-content FTS5, so text is stored once. No migration creates them: unami.derived
creates them and fills them with the FTS5 'rebuild' command after the facts are loaded.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class FtsIndex:
    table: str  # the content table
    columns: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.table}_fts"

    def create_sql(self) -> str:
        cols = ", ".join(self.columns)
        return (
            # content="table", double-quoted: the form Datasette 0.65 recognises as a table's index.
            f'CREATE VIRTUAL TABLE {self.name} USING fts5({cols}, content="{self.table}", '
            "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
        )


FTS_INDEXES = (
    FtsIndex("people", ("name", "note")),
    FtsIndex("events", ("name", "description")),
    FtsIndex("mandate_tasks", ("description",)),
    FtsIndex("outcomes", ("description", "unit")),
    FtsIndex("contingents", ("duty", "note", "country_unknown_reason")),
    FtsIndex("discrepancies", ("name", "description")),
    # What further sources say and the rules of the project's inferences (hints a reader searches for).
    FtsIndex("fact_claims", ("claim", "rule")),
)
