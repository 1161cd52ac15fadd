"""record source kinds and dates, and claims of many sources

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29

Sources become first-class: each gets its kind (encyclopedia revision, news report, organisation
or government page, UN document, standard), the date it was published (EDTF with bounds) and, for
an encyclopedia revision, which revision it is. `fact_claims` holds what further sources say about
a fact row (one claim per source section) and the inferences the project draws, with their basis.
Discrepancies gain three kinds for disagreements between sources. Existing rows are kept (their
new columns NULL: not recorded); see migrations/rebuild.py for why the tables are rebuilt by hand.
"""

import sqlalchemy as sa
from alembic import op

from unami.migrations.rebuild import rebuild_table

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

DAY = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
SOURCES_OLD = (
    "\tdescription TEXT, \n"
    "\tCONSTRAINT pk_sources PRIMARY KEY (id), \n"
    f"\tCONSTRAINT ck_sources_accessed_date_iso CHECK (accessed_date IS NULL OR accessed_date {DAY}), \n"
)
SOURCES_NEW = (
    "\tdescription TEXT, \n"
    "\tsource_kind TEXT, \n"
    "\tpublished_date TEXT, \n"
    "\tpublished_earliest TEXT, \n"
    "\tpublished_latest TEXT, \n"
    "\tpublished_precision TEXT, \n"
    "\trevision TEXT, \n"
    "\tCONSTRAINT pk_sources PRIMARY KEY (id), \n"
    f"\tCONSTRAINT ck_sources_accessed_date_iso CHECK (accessed_date IS NULL OR accessed_date {DAY}), \n"
    "\tCONSTRAINT ck_sources_source_kind_vocabulary CHECK (source_kind IS NULL OR source_kind IN"
    " ('encyclopedia revision', 'news report', 'organisation page', 'government page', 'UN document', 'standard')), \n"
    "\tCONSTRAINT ck_sources_published_all_or_none CHECK ((published_date IS NULL AND published_earliest IS NULL"
    " AND published_latest IS NULL AND published_precision IS NULL) OR (published_date IS NOT NULL"
    " AND published_earliest IS NOT NULL AND published_latest IS NOT NULL AND published_precision IS NOT NULL)), \n"
    f"\tCONSTRAINT ck_sources_published_bounds CHECK (published_earliest IS NULL OR (published_earliest {DAY}"
    f" AND published_latest {DAY} AND published_earliest <= published_latest)), \n"
    "\tCONSTRAINT ck_sources_published_precision CHECK (published_precision IS NULL OR published_precision IN"
    " ('day', 'month', 'year', 'decade', 'interval', 'one of a set')), \n"
)
KINDS = "'heading years versus text', 'date stated two ways', 'name spelled two ways', 'title stated two ways'"
KINDS_OLD = f"CHECK (discrepancy_kind IN ({KINDS}))"
KINDS_NEW = (
    f"CHECK (discrepancy_kind IN ({KINDS}, 'sources disagree on a date', 'sources disagree on a number',"
    " 'sources disagree on a name'))"
)


def upgrade() -> None:
    op.create_table(
        "fact_claims",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column(
            "key", sa.Text(), nullable=False, comment="Natural key of the claim, used by data files to refer to it."
        ),
        sa.Column("fact_table", sa.Text(), nullable=False, comment="Table of the fact row the claim is about."),
        sa.Column("fact_id", sa.Integer(), nullable=False, comment="Id of the fact row in fact_table."),
        sa.Column(
            "fact_column",
            sa.Text(),
            nullable=True,
            comment="Column of the row the claim is about, without its date suffix (NULL: the row as a whole).",
        ),
        sa.Column(
            "claim",
            sa.Text(),
            nullable=False,
            comment="What the source says, in this project's words, at the source's precision.",
        ),
        sa.Column(
            "basis",
            sa.Text(),
            nullable=False,
            comment="stated: the section says it; inferred: the project draws it (see rule).",
        ),
        sa.Column(
            "rule", sa.Text(), nullable=True, comment="For an inference: the rule applied (NULL for a stated claim)."
        ),
        sa.Column("rests_on_claim_id", sa.Integer(), nullable=True, comment="For an inference: the claim it rests on."),
        sa.Column(
            "stance", sa.Text(), nullable=False, comment="Whether the claim agrees with the value the fact row holds."
        ),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "(basis = 'inferred') = (rule IS NOT NULL)", name=op.f("ck_fact_claims_rule_only_for_inference")
        ),
        sa.CheckConstraint("basis IN ('stated', 'inferred')", name=op.f("ck_fact_claims_basis_vocabulary")),
        sa.CheckConstraint(
            "fact_table IN ('missions', 'people', 'positions', 'appointments', 'resolutions', 'events', 'outcomes', 'contingents', 'countries', 'organizations')",
            name=op.f("ck_fact_claims_fact_table_vocabulary"),
        ),
        sa.CheckConstraint("stance IN ('agrees', 'disagrees')", name=op.f("ck_fact_claims_stance_vocabulary")),
        sa.CheckConstraint("fact_id > 0", name=op.f("ck_fact_claims_fact_id_positive")),
        sa.ForeignKeyConstraint(
            ["rests_on_claim_id"], ["fact_claims.id"], name=op.f("fk_fact_claims_rests_on_claim_id_fact_claims")
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"], ["source_sections.id"], name=op.f("fk_fact_claims_source_section_id_source_sections")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fact_claims")),
        sa.UniqueConstraint("key", name=op.f("uq_fact_claims_key")),
        comment="What a source section says about one fact row, one row per claim: the same fact stated by two sources is two claims pointing at one row. A row's own source_section_id is its first claim; this table holds the others, and the inferences the project draws, each with its basis.",
        sqlite_strict=True,
    )
    for column in ("basis", "fact_table", "rests_on_claim_id", "source_section_id", "stance"):
        op.create_index(f"ix_fact_claims_{column}", "fact_claims", [column], unique=False)
    op.create_index("ix_fact_claims_fact_table_fact_id", "fact_claims", ["fact_table", "fact_id"], unique=False)
    rebuild_table("sources", SOURCES_OLD, SOURCES_NEW)
    for column in ("published_earliest", "published_latest", "source_kind"):
        op.create_index(f"ix_sources_{column}", "sources", [column], unique=False)
    rebuild_table("discrepancies", KINDS_OLD, KINDS_NEW)


def downgrade() -> None:
    # The older schema holds neither the new kinds of disagreement nor the sources' new columns.
    op.execute(
        "DELETE FROM discrepancy_claims WHERE discrepancy_id IN"
        " (SELECT id FROM discrepancies WHERE discrepancy_kind LIKE 'sources disagree%')"
    )
    op.execute("DELETE FROM discrepancies WHERE discrepancy_kind LIKE 'sources disagree%'")
    rebuild_table("discrepancies", KINDS_NEW, KINDS_OLD)
    for column in ("published_earliest", "published_latest", "source_kind"):
        op.drop_index(f"ix_sources_{column}", table_name="sources")
    rebuild_table("sources", SOURCES_NEW, SOURCES_OLD)
    op.drop_index("ix_fact_claims_fact_table_fact_id", table_name="fact_claims")
    for column in ("basis", "fact_table", "rests_on_claim_id", "source_section_id", "stance"):
        op.drop_index(f"ix_fact_claims_{column}", table_name="fact_claims")
    op.drop_table("fact_claims")
