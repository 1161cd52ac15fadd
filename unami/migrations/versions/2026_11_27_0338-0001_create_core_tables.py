"""create core tables

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dataset_versions",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column(
            "data_version",
            sa.Text(),
            nullable=False,
            comment="Release label derived from the content of data/ and the schema head.",
        ),
        sa.Column("data_sha256", sa.Text(), nullable=False, comment="SHA-256 over the files of data/, in path order."),
        sa.Column("schema_revision", sa.Text(), nullable=False, comment="Alembic revision of the schema."),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dataset_versions")),
        comment="Which data and schema this database was built from (one row).",
        sqlite_strict=True,
    )
    op.create_table(
        "mandate_components",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column(
            "key", sa.Text(), nullable=False, comment="Natural key of the component, used by data files to refer to it."
        ),
        sa.Column("name", sa.Text(), nullable=False, comment="Name of the component."),
        sa.Column("description", sa.Text(), nullable=True, comment="What tasks of this component do."),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mandate_components")),
        sa.UniqueConstraint("key", name=op.f("uq_mandate_components_key")),
        comment="Controlled vocabulary of mandate components used to code tasks, one row per component.",
        sqlite_strict=True,
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column(
            "key", sa.Text(), nullable=False, comment="Natural key of the source, used by data files to refer to it."
        ),
        sa.Column("name", sa.Text(), nullable=False, comment="Title of the work."),
        sa.Column("publisher", sa.Text(), nullable=True, comment="Who publishes the work."),
        sa.Column("url", sa.Text(), nullable=True, comment="Where a reader can check the work."),
        sa.Column("language", sa.Text(), nullable=True, comment="Language of the work (BCP 47 tag, e.g. en)."),
        sa.Column("licence", sa.Text(), nullable=True, comment="Licence the work is published under."),
        sa.Column("licence_url", sa.Text(), nullable=True, comment="Where the licence text can be read."),
        sa.Column("accessed_date", sa.Text(), nullable=True, comment="ISO day the work was read for this database."),
        sa.Column("description", sa.Text(), nullable=True, comment="What the work is and how this database uses it."),
        sa.CheckConstraint(
            "accessed_date IS NULL OR accessed_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'",
            name=op.f("ck_sources_accessed_date_iso"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("key", name=op.f("uq_sources_key")),
        comment="Published works the facts come from, one row per work.",
        sqlite_strict=True,
    )
    op.create_table(
        "source_sections",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("source_id", sa.Integer(), nullable=False, comment="Source the section belongs to."),
        sa.Column(
            "name",
            sa.Text(),
            nullable=False,
            comment="Section heading as printed, or a label such as Infobox or Introduction.",
        ),
        sa.Column("citation", sa.Text(), nullable=False, comment="Source and section in one readable label."),
        sa.Column(
            "position", sa.Integer(), nullable=False, comment="Order of the section within the source (1 = first)."
        ),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_source_sections_source_id_sources")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_sections")),
        sa.UniqueConstraint("source_id", "name", name=op.f("uq_source_sections_source_id_name")),
        comment="Sections of a source (the locator of each fact), one row per section.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("source_sections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_sections_source_id"), ["source_id"], unique=False)

    op.create_table(
        "countries",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("iso3", sa.Text(), nullable=False, comment="ISO 3166-1 alpha-3 code."),
        sa.Column("name", sa.Text(), nullable=False, comment="Short English name."),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "length(iso3) = 3 AND iso3 = upper(iso3) AND iso3 GLOB '[A-Z][A-Z][A-Z]'",
            name=op.f("ck_countries_iso3_format"),
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"], ["source_sections.id"], name=op.f("fk_countries_source_section_id_source_sections")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_countries")),
        sa.UniqueConstraint("iso3", name=op.f("uq_countries_iso3")),
        comment="Countries named by a source, one row per country.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("countries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_countries_source_section_id"), ["source_section_id"], unique=False)

    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column(
            "key", sa.Text(), nullable=False, comment="Natural key of the person, used by data files to refer to it."
        ),
        sa.Column("name", sa.Text(), nullable=False, comment="Preferred form of the person's name."),
        sa.Column("note", sa.Text(), nullable=True, comment="Other facts about the person, in this project's words."),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"], ["source_sections.id"], name=op.f("fk_people_source_section_id_source_sections")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("key", name=op.f("uq_people_key")),
        comment="People named by a source, one row per person.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index("ix_people_name", ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_people_source_section_id"), ["source_section_id"], unique=False)

    op.create_table(
        "organizations",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column(
            "key",
            sa.Text(),
            nullable=False,
            comment="Natural key of the organization, used by data files to refer to it.",
        ),
        sa.Column("name", sa.Text(), nullable=False, comment="Name of the body in English."),
        sa.Column("abbreviation", sa.Text(), nullable=True, comment="Common abbreviation, if the source gives one."),
        sa.Column("organization_type", sa.Text(), nullable=False, comment="Kind of body."),
        sa.Column("parent_organization_id", sa.Integer(), nullable=True, comment="Body this one belongs to."),
        sa.Column(
            "country_id", sa.Integer(), nullable=True, comment="Country the body belongs to, for national bodies."
        ),
        sa.Column(
            "member_count", sa.Integer(), nullable=True, comment="Number of member bodies as stated by the source."
        ),
        sa.Column("description", sa.Text(), nullable=True, comment="What the body is, in this project's words."),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "organization_type IN ('intergovernmental organization', 'un principal organ', 'un secretariat', 'un secretariat department', 'un country team', 'government', 'parliament', 'coalition', 'multinational force', 'armed group', 'other')",
            name=op.f("ck_organizations_organization_type_vocabulary"),
        ),
        sa.CheckConstraint("member_count >= 0", name=op.f("ck_organizations_member_count_not_negative")),
        sa.ForeignKeyConstraint(["country_id"], ["countries.id"], name=op.f("fk_organizations_country_id_countries")),
        sa.ForeignKeyConstraint(
            ["parent_organization_id"],
            ["organizations.id"],
            name=op.f("fk_organizations_parent_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_organizations_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organizations")),
        sa.UniqueConstraint("key", name=op.f("uq_organizations_key")),
        comment="Organs, departments, governments, parliaments, coalitions and forces, one row per body.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organizations_country_id"), ["country_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_organizations_organization_type"), ["organization_type"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_organizations_parent_organization_id"), ["parent_organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_organizations_source_section_id"), ["source_section_id"], unique=False)

    op.create_table(
        "person_educations",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("person_id", sa.Integer(), nullable=False, comment="Person."),
        sa.Column("institution", sa.Text(), nullable=False, comment="University or school, as named."),
        sa.Column("field", sa.Text(), nullable=True, comment="Subject studied."),
        sa.Column("degree", sa.Text(), nullable=True, comment="Degree obtained, if stated."),
        sa.Column(
            "completed_date",
            sa.Text(),
            nullable=True,
            comment="Year or date the studies were completed, as an EDTF string at the precision the source gives (NULL: not stated).",
        ),
        sa.Column(
            "completed_earliest",
            sa.Text(),
            nullable=True,
            comment="Earliest ISO day the year or date the studies were completed can be.",
        ),
        sa.Column(
            "completed_latest",
            sa.Text(),
            nullable=True,
            comment="Latest ISO day the year or date the studies were completed can be.",
        ),
        sa.Column(
            "completed_precision",
            sa.Text(),
            nullable=True,
            comment="Precision of the year or date the studies were completed: day, month, year, decade, interval, one of a set.",
        ),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "completed_earliest IS NULL OR (completed_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND completed_latest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND completed_earliest <= completed_latest)",
            name=op.f("ck_person_educations_completed_bounds"),
        ),
        sa.CheckConstraint(
            "completed_precision IS NULL OR completed_precision IN ('day', 'month', 'year', 'decade', 'interval', 'one of a set')",
            name=op.f("ck_person_educations_completed_precision"),
        ),
        sa.CheckConstraint(
            "(completed_date IS NULL AND completed_earliest IS NULL AND completed_latest IS NULL AND completed_precision IS NULL) OR (completed_date IS NOT NULL AND completed_earliest IS NOT NULL AND completed_latest IS NOT NULL AND completed_precision IS NOT NULL)",
            name=op.f("ck_person_educations_completed_all_or_none"),
        ),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_person_educations_person_id_people")),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_person_educations_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_educations")),
        comment="Studies a person completed, one row per course of study.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("person_educations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_educations_completed_earliest"), ["completed_earliest"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_person_educations_completed_latest"), ["completed_latest"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_educations_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_educations_source_section_id"), ["source_section_id"], unique=False)

    op.create_table(
        "person_names",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("person_id", sa.Integer(), nullable=False, comment="Person named."),
        sa.Column("name", sa.Text(), nullable=False, comment="The name as printed."),
        sa.Column(
            "name_form", sa.Text(), nullable=False, comment="Preferred form, a variant spelling or a short form."
        ),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "name_form IN ('preferred', 'variant spelling', 'short form')",
            name=op.f("ck_person_names_name_form_vocabulary"),
        ),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_person_names_person_id_people")),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_person_names_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_names")),
        sa.UniqueConstraint(
            "person_id", "name", "source_section_id", name=op.f("uq_person_names_person_id_name_source_section_id")
        ),
        comment="Every spelling of a person's name found in a source, one row per spelling and section.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("person_names", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_names_name_form"), ["name_form"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_names_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_names_source_section_id"), ["source_section_id"], unique=False)

    op.create_table(
        "person_nationalities",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("person_id", sa.Integer(), nullable=False, comment="Person."),
        sa.Column("country_id", sa.Integer(), nullable=False, comment="Country."),
        sa.Column(
            "basis",
            sa.Text(),
            nullable=False,
            comment="What the source actually says: the person's own nationality or a parent's.",
        ),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "basis IN ('stated nationality', 'mother''s nationality', 'father''s nationality')",
            name=op.f("ck_person_nationalities_basis_vocabulary"),
        ),
        sa.ForeignKeyConstraint(
            ["country_id"], ["countries.id"], name=op.f("fk_person_nationalities_country_id_countries")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_person_nationalities_person_id_people")),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_person_nationalities_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_nationalities")),
        sa.UniqueConstraint(
            "person_id", "country_id", "basis", name=op.f("uq_person_nationalities_person_id_country_id_basis")
        ),
        comment="Countries a person is linked to and on what basis, one row per person, country and basis.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("person_nationalities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_nationalities_basis"), ["basis"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_nationalities_country_id"), ["country_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_nationalities_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_person_nationalities_source_section_id"), ["source_section_id"], unique=False
        )

    op.create_table(
        "missions",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column(
            "key", sa.Text(), nullable=False, comment="Natural key of the mission, used by data files to refer to it."
        ),
        sa.Column("name", sa.Text(), nullable=False, comment="Name of the mission in English."),
        sa.Column("abbreviation", sa.Text(), nullable=False, comment="Abbreviation of the mission."),
        sa.Column("mission_type", sa.Text(), nullable=False, comment="Kind of mission."),
        sa.Column("status", sa.Text(), nullable=False, comment="Whether the mission is still running."),
        sa.Column("leader_title", sa.Text(), nullable=True, comment="Title of the mission's head."),
        sa.Column("parent_organization_id", sa.Integer(), nullable=True, comment="Organ the mission reports to."),
        sa.Column("purpose", sa.Text(), nullable=True, comment="Why the mission was set up, in this project's words."),
        sa.Column(
            "mandate_review_cycle",
            sa.Text(),
            nullable=True,
            comment="How often the mandate was renewed and reviewed, as stated.",
        ),
        sa.Column(
            "established_date",
            sa.Text(),
            nullable=True,
            comment="Date the mission was established, as an EDTF string at the precision the source gives (NULL: not stated).",
        ),
        sa.Column(
            "established_earliest",
            sa.Text(),
            nullable=True,
            comment="Earliest ISO day the date the mission was established can be.",
        ),
        sa.Column(
            "established_latest",
            sa.Text(),
            nullable=True,
            comment="Latest ISO day the date the mission was established can be.",
        ),
        sa.Column(
            "established_precision",
            sa.Text(),
            nullable=True,
            comment="Precision of the date the mission was established: day, month, year, decade, interval, one of a set.",
        ),
        sa.Column(
            "ended_date",
            sa.Text(),
            nullable=True,
            comment="Date the mission ended, as an EDTF string at the precision the source gives (NULL: not stated).",
        ),
        sa.Column(
            "ended_earliest", sa.Text(), nullable=True, comment="Earliest ISO day the date the mission ended can be."
        ),
        sa.Column(
            "ended_latest", sa.Text(), nullable=True, comment="Latest ISO day the date the mission ended can be."
        ),
        sa.Column(
            "ended_precision",
            sa.Text(),
            nullable=True,
            comment="Precision of the date the mission ended: day, month, year, decade, interval, one of a set.",
        ),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "ended_earliest IS NULL OR (ended_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND ended_latest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND ended_earliest <= ended_latest)",
            name=op.f("ck_missions_ended_bounds"),
        ),
        sa.CheckConstraint(
            "ended_precision IS NULL OR ended_precision IN ('day', 'month', 'year', 'decade', 'interval', 'one of a set')",
            name=op.f("ck_missions_ended_precision"),
        ),
        sa.CheckConstraint(
            "established_earliest IS NULL OR (established_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND established_latest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND established_earliest <= established_latest)",
            name=op.f("ck_missions_established_bounds"),
        ),
        sa.CheckConstraint(
            "established_precision IS NULL OR established_precision IN ('day', 'month', 'year', 'decade', 'interval', 'one of a set')",
            name=op.f("ck_missions_established_precision"),
        ),
        sa.CheckConstraint(
            "mission_type IN ('political mission', 'peacekeeping operation')",
            name=op.f("ck_missions_mission_type_vocabulary"),
        ),
        sa.CheckConstraint("status IN ('active', 'completed')", name=op.f("ck_missions_status_vocabulary")),
        sa.CheckConstraint(
            "(ended_date IS NULL AND ended_earliest IS NULL AND ended_latest IS NULL AND ended_precision IS NULL) OR (ended_date IS NOT NULL AND ended_earliest IS NOT NULL AND ended_latest IS NOT NULL AND ended_precision IS NOT NULL)",
            name=op.f("ck_missions_ended_all_or_none"),
        ),
        sa.CheckConstraint(
            "(established_date IS NULL AND established_earliest IS NULL AND established_latest IS NULL AND established_precision IS NULL) OR (established_date IS NOT NULL AND established_earliest IS NOT NULL AND established_latest IS NOT NULL AND established_precision IS NOT NULL)",
            name=op.f("ck_missions_established_all_or_none"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_organization_id"],
            ["organizations.id"],
            name=op.f("fk_missions_parent_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"], ["source_sections.id"], name=op.f("fk_missions_source_section_id_source_sections")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_missions")),
        sa.UniqueConstraint("abbreviation", name=op.f("uq_missions_abbreviation")),
        sa.UniqueConstraint("key", name=op.f("uq_missions_key")),
        comment="UN field missions, one row per mission.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("missions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_missions_ended_earliest"), ["ended_earliest"], unique=False)
        batch_op.create_index(batch_op.f("ix_missions_ended_latest"), ["ended_latest"], unique=False)
        batch_op.create_index(batch_op.f("ix_missions_established_earliest"), ["established_earliest"], unique=False)
        batch_op.create_index(batch_op.f("ix_missions_established_latest"), ["established_latest"], unique=False)
        batch_op.create_index(batch_op.f("ix_missions_mission_type"), ["mission_type"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_missions_parent_organization_id"), ["parent_organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_missions_source_section_id"), ["source_section_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_missions_status"), ["status"], unique=False)

    op.create_table(
        "resolutions",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("number", sa.Integer(), nullable=False, comment="Resolution number."),
        sa.Column(
            "symbol",
            sa.Text(),
            nullable=True,
            comment="Document symbol such as S/RES/1500 (2003); NULL while the source disagrees on the year.",
        ),
        sa.Column("name", sa.Text(), nullable=False, comment="Readable label, e.g. Resolution 1500."),
        sa.Column("organization_id", sa.Integer(), nullable=False, comment="Organ that adopted the resolution."),
        sa.Column(
            "adopted_date",
            sa.Text(),
            nullable=True,
            comment="Date the resolution was adopted, as an EDTF string at the precision the source gives (NULL: not stated).",
        ),
        sa.Column(
            "adopted_earliest",
            sa.Text(),
            nullable=True,
            comment="Earliest ISO day the date the resolution was adopted can be.",
        ),
        sa.Column(
            "adopted_latest",
            sa.Text(),
            nullable=True,
            comment="Latest ISO day the date the resolution was adopted can be.",
        ),
        sa.Column(
            "adopted_precision",
            sa.Text(),
            nullable=True,
            comment="Precision of the date the resolution was adopted: day, month, year, decade, interval, one of a set.",
        ),
        sa.Column("votes_for", sa.Integer(), nullable=True, comment="Votes in favour, if stated."),
        sa.Column("votes_against", sa.Integer(), nullable=True, comment="Votes against, if stated."),
        sa.Column("abstentions", sa.Integer(), nullable=True, comment="Abstentions, if stated."),
        sa.Column(
            "is_unanimous",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="1 when the source says the resolution was adopted unanimously.",
        ),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "adopted_earliest IS NULL OR (adopted_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND adopted_latest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND adopted_earliest <= adopted_latest)",
            name=op.f("ck_resolutions_adopted_bounds"),
        ),
        sa.CheckConstraint(
            "adopted_precision IS NULL OR adopted_precision IN ('day', 'month', 'year', 'decade', 'interval', 'one of a set')",
            name=op.f("ck_resolutions_adopted_precision"),
        ),
        sa.CheckConstraint(
            "(adopted_date IS NULL AND adopted_earliest IS NULL AND adopted_latest IS NULL AND adopted_precision IS NULL) OR (adopted_date IS NOT NULL AND adopted_earliest IS NOT NULL AND adopted_latest IS NOT NULL AND adopted_precision IS NOT NULL)",
            name=op.f("ck_resolutions_adopted_all_or_none"),
        ),
        sa.CheckConstraint("abstentions >= 0", name=op.f("ck_resolutions_abstentions_not_negative")),
        sa.CheckConstraint("is_unanimous IN (0, 1)", name=op.f("ck_resolutions_is_unanimous_is_flag")),
        sa.CheckConstraint("number > 0", name=op.f("ck_resolutions_number_positive")),
        sa.CheckConstraint("votes_against >= 0", name=op.f("ck_resolutions_votes_against_not_negative")),
        sa.CheckConstraint("votes_for >= 0", name=op.f("ck_resolutions_votes_for_not_negative")),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["organizations.id"], name=op.f("fk_resolutions_organization_id_organizations")
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"], ["source_sections.id"], name=op.f("fk_resolutions_source_section_id_source_sections")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resolutions")),
        sa.UniqueConstraint("number", name=op.f("uq_resolutions_number")),
        sa.UniqueConstraint("symbol", name=op.f("uq_resolutions_symbol")),
        comment="Security Council resolutions, one row per resolution.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("resolutions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resolutions_adopted_earliest"), ["adopted_earliest"], unique=False)
        batch_op.create_index(batch_op.f("ix_resolutions_adopted_latest"), ["adopted_latest"], unique=False)
        batch_op.create_index("ix_resolutions_name", ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_resolutions_organization_id"), ["organization_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_resolutions_source_section_id"), ["source_section_id"], unique=False)

    op.create_table(
        "contingents",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column(
            "key",
            sa.Text(),
            nullable=False,
            comment="Natural key of the contingent, used by data files to refer to it.",
        ),
        sa.Column("mission_id", sa.Integer(), nullable=False, comment="Mission served."),
        sa.Column(
            "country_id",
            sa.Integer(),
            nullable=True,
            comment="Contributing country (NULL: the source does not name it).",
        ),
        sa.Column(
            "country_unknown_reason", sa.Text(), nullable=True, comment="Why the country is unknown, when it is."
        ),
        sa.Column(
            "status", sa.Text(), nullable=False, comment="Current or former participant, as the source lists it."
        ),
        sa.Column(
            "list_position", sa.Integer(), nullable=False, comment="Position in the source's list of contributions."
        ),
        sa.Column("duty", sa.Text(), nullable=True, comment="What the contingent did, in this project's words."),
        sa.Column(
            "deployed_date",
            sa.Text(),
            nullable=True,
            comment="Date of first deployment, as an EDTF string at the precision the source gives (NULL: not stated).",
        ),
        sa.Column(
            "deployed_earliest",
            sa.Text(),
            nullable=True,
            comment="Earliest ISO day the date of first deployment can be.",
        ),
        sa.Column(
            "deployed_latest", sa.Text(), nullable=True, comment="Latest ISO day the date of first deployment can be."
        ),
        sa.Column(
            "deployed_precision",
            sa.Text(),
            nullable=True,
            comment="Precision of the date of first deployment: day, month, year, decade, interval, one of a set.",
        ),
        sa.Column(
            "withdrawn_date",
            sa.Text(),
            nullable=True,
            comment="Date the contingent left, as an EDTF string at the precision the source gives (NULL: not stated).",
        ),
        sa.Column(
            "withdrawn_earliest",
            sa.Text(),
            nullable=True,
            comment="Earliest ISO day the date the contingent left can be.",
        ),
        sa.Column(
            "withdrawn_latest", sa.Text(), nullable=True, comment="Latest ISO day the date the contingent left can be."
        ),
        sa.Column(
            "withdrawn_precision",
            sa.Text(),
            nullable=True,
            comment="Precision of the date the contingent left: day, month, year, decade, interval, one of a set.",
        ),
        sa.Column(
            "planned_duration_months",
            sa.Integer(),
            nullable=True,
            comment="Planned length of the deployment in months, if stated.",
        ),
        sa.Column(
            "note", sa.Text(), nullable=True, comment="Other facts about the contribution, in this project's words."
        ),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "deployed_earliest IS NULL OR (deployed_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND deployed_latest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND deployed_earliest <= deployed_latest)",
            name=op.f("ck_contingents_deployed_bounds"),
        ),
        sa.CheckConstraint(
            "deployed_precision IS NULL OR deployed_precision IN ('day', 'month', 'year', 'decade', 'interval', 'one of a set')",
            name=op.f("ck_contingents_deployed_precision"),
        ),
        sa.CheckConstraint("status IN ('current', 'former')", name=op.f("ck_contingents_status_vocabulary")),
        sa.CheckConstraint(
            "withdrawn_earliest IS NULL OR (withdrawn_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND withdrawn_latest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND withdrawn_earliest <= withdrawn_latest)",
            name=op.f("ck_contingents_withdrawn_bounds"),
        ),
        sa.CheckConstraint(
            "withdrawn_precision IS NULL OR withdrawn_precision IN ('day', 'month', 'year', 'decade', 'interval', 'one of a set')",
            name=op.f("ck_contingents_withdrawn_precision"),
        ),
        sa.CheckConstraint(
            "(deployed_date IS NULL AND deployed_earliest IS NULL AND deployed_latest IS NULL AND deployed_precision IS NULL) OR (deployed_date IS NOT NULL AND deployed_earliest IS NOT NULL AND deployed_latest IS NOT NULL AND deployed_precision IS NOT NULL)",
            name=op.f("ck_contingents_deployed_all_or_none"),
        ),
        sa.CheckConstraint(
            "(withdrawn_date IS NULL AND withdrawn_earliest IS NULL AND withdrawn_latest IS NULL AND withdrawn_precision IS NULL) OR (withdrawn_date IS NOT NULL AND withdrawn_earliest IS NOT NULL AND withdrawn_latest IS NOT NULL AND withdrawn_precision IS NOT NULL)",
            name=op.f("ck_contingents_withdrawn_all_or_none"),
        ),
        sa.CheckConstraint(
            "country_id IS NOT NULL OR country_unknown_reason IS NOT NULL",
            name=op.f("ck_contingents_country_or_reason"),
        ),
        sa.CheckConstraint(
            "deployed_earliest IS NULL OR withdrawn_latest IS NULL OR deployed_earliest <= withdrawn_latest",
            name=op.f("ck_contingents_withdrawn_after_deployed"),
        ),
        sa.CheckConstraint(
            "planned_duration_months >= 0", name=op.f("ck_contingents_planned_duration_months_not_negative")
        ),
        sa.ForeignKeyConstraint(["country_id"], ["countries.id"], name=op.f("fk_contingents_country_id_countries")),
        sa.ForeignKeyConstraint(["mission_id"], ["missions.id"], name=op.f("fk_contingents_mission_id_missions")),
        sa.ForeignKeyConstraint(
            ["source_section_id"], ["source_sections.id"], name=op.f("fk_contingents_source_section_id_source_sections")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contingents")),
        sa.UniqueConstraint("key", name=op.f("uq_contingents_key")),
        comment="Uniformed contributions to a mission, one row per entry in the source's list.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("contingents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contingents_country_id"), ["country_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contingents_deployed_earliest"), ["deployed_earliest"], unique=False)
        batch_op.create_index(batch_op.f("ix_contingents_deployed_latest"), ["deployed_latest"], unique=False)
        batch_op.create_index(batch_op.f("ix_contingents_mission_id"), ["mission_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contingents_source_section_id"), ["source_section_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contingents_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_contingents_withdrawn_earliest"), ["withdrawn_earliest"], unique=False)
        batch_op.create_index(batch_op.f("ix_contingents_withdrawn_latest"), ["withdrawn_latest"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column(
            "key", sa.Text(), nullable=False, comment="Natural key of the event, used by data files to refer to it."
        ),
        sa.Column("mission_id", sa.Integer(), nullable=True, comment="Mission the event concerns (NULL: background)."),
        sa.Column("event_kind", sa.Text(), nullable=False, comment="Kind of event."),
        sa.Column("name", sa.Text(), nullable=False, comment="Short title of the event."),
        sa.Column("description", sa.Text(), nullable=True, comment="What happened, in this project's words."),
        sa.Column(
            "occurred_date",
            sa.Text(),
            nullable=True,
            comment="Date of the event, as an EDTF string at the precision the source gives (NULL: not stated).",
        ),
        sa.Column(
            "occurred_earliest", sa.Text(), nullable=True, comment="Earliest ISO day the date of the event can be."
        ),
        sa.Column("occurred_latest", sa.Text(), nullable=True, comment="Latest ISO day the date of the event can be."),
        sa.Column(
            "occurred_precision",
            sa.Text(),
            nullable=True,
            comment="Precision of the date of the event: day, month, year, decade, interval, one of a set.",
        ),
        sa.Column("deaths", sa.Integer(), nullable=True, comment="People killed, if stated."),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "event_kind IN ('presence', 'conflict', 'establishment', 'attack', 'expansion', 'deployment', 'resolution', 'appointment', 'report', 'letter', 'debate', 'meeting', 'investigation', 'termination')",
            name=op.f("ck_events_event_kind_vocabulary"),
        ),
        sa.CheckConstraint(
            "occurred_earliest IS NULL OR (occurred_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND occurred_latest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND occurred_earliest <= occurred_latest)",
            name=op.f("ck_events_occurred_bounds"),
        ),
        sa.CheckConstraint(
            "occurred_precision IS NULL OR occurred_precision IN ('day', 'month', 'year', 'decade', 'interval', 'one of a set')",
            name=op.f("ck_events_occurred_precision"),
        ),
        sa.CheckConstraint(
            "(occurred_date IS NULL AND occurred_earliest IS NULL AND occurred_latest IS NULL AND occurred_precision IS NULL) OR (occurred_date IS NOT NULL AND occurred_earliest IS NOT NULL AND occurred_latest IS NOT NULL AND occurred_precision IS NOT NULL)",
            name=op.f("ck_events_occurred_all_or_none"),
        ),
        sa.CheckConstraint("deaths >= 0", name=op.f("ck_events_deaths_not_negative")),
        sa.ForeignKeyConstraint(["mission_id"], ["missions.id"], name=op.f("fk_events_mission_id_missions")),
        sa.ForeignKeyConstraint(
            ["source_section_id"], ["source_sections.id"], name=op.f("fk_events_source_section_id_source_sections")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("key", name=op.f("uq_events_key")),
        comment="Dated happenings on a mission's timeline, one row per event.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_event_kind"), ["event_kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_mission_id"), ["mission_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_occurred_earliest"), ["occurred_earliest"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_occurred_latest"), ["occurred_latest"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_source_section_id"), ["source_section_id"], unique=False)

    op.create_table(
        "mandate_areas",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column(
            "key",
            sa.Text(),
            nullable=False,
            comment="Natural key of the mandate area, used by data files to refer to it.",
        ),
        sa.Column("mission_id", sa.Integer(), nullable=False, comment="Mission."),
        sa.Column("resolution_id", sa.Integer(), nullable=True, comment="Resolution that set this mandate, if stated."),
        sa.Column(
            "area_kind", sa.Text(), nullable=False, comment="Summary of the mandate or the final mandate's list."
        ),
        sa.Column("name", sa.Text(), nullable=False, comment="Name of the area."),
        sa.Column("position", sa.Integer(), nullable=False, comment="Order in the source."),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "area_kind IN ('summary', 'final mandate')", name=op.f("ck_mandate_areas_area_kind_vocabulary")
        ),
        sa.ForeignKeyConstraint(["mission_id"], ["missions.id"], name=op.f("fk_mandate_areas_mission_id_missions")),
        sa.ForeignKeyConstraint(
            ["resolution_id"], ["resolutions.id"], name=op.f("fk_mandate_areas_resolution_id_resolutions")
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_mandate_areas_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mandate_areas")),
        sa.UniqueConstraint("key", name=op.f("uq_mandate_areas_key")),
        comment="Areas of work in a mission's mandate, one row per area.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("mandate_areas", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mandate_areas_area_kind"), ["area_kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_mandate_areas_mission_id"), ["mission_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mandate_areas_resolution_id"), ["resolution_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mandate_areas_source_section_id"), ["source_section_id"], unique=False)

    op.create_table(
        "mission_names",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("mission_id", sa.Integer(), nullable=False, comment="Mission named."),
        sa.Column("language", sa.Text(), nullable=False, comment="Language of the name (BCP 47 tag)."),
        sa.Column("name", sa.Text(), nullable=False, comment="The name as written in that language."),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.ForeignKeyConstraint(["mission_id"], ["missions.id"], name=op.f("fk_mission_names_mission_id_missions")),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_mission_names_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mission_names")),
        sa.UniqueConstraint("mission_id", "language", "name", name=op.f("uq_mission_names_mission_id_language_name")),
        comment="Names of a mission in each language the source gives, one row per name.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("mission_names", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mission_names_mission_id"), ["mission_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mission_names_source_section_id"), ["source_section_id"], unique=False)

    op.create_table(
        "mission_organizations",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("mission_id", sa.Integer(), nullable=False, comment="Mission."),
        sa.Column("organization_id", sa.Integer(), nullable=False, comment="Related body."),
        sa.Column("role", sa.Text(), nullable=False, comment="What the body is to the mission."),
        sa.Column("note", sa.Text(), nullable=True, comment="Detail of the relation, in this project's words."),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "role IN ('parent organ', 'administered by', 'supported by', 'requested by', 'host government', 'works alongside', 'see also')",
            name=op.f("ck_mission_organizations_role_vocabulary"),
        ),
        sa.ForeignKeyConstraint(
            ["mission_id"], ["missions.id"], name=op.f("fk_mission_organizations_mission_id_missions")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_mission_organizations_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_mission_organizations_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mission_organizations")),
        sa.UniqueConstraint(
            "mission_id",
            "organization_id",
            "role",
            name=op.f("uq_mission_organizations_mission_id_organization_id_role"),
        ),
        comment="How a mission relates to other bodies, one row per mission, body and role.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("mission_organizations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mission_organizations_mission_id"), ["mission_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mission_organizations_organization_id"), ["organization_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mission_organizations_role"), ["role"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_mission_organizations_source_section_id"), ["source_section_id"], unique=False
        )

    op.create_table(
        "outcomes",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column(
            "key", sa.Text(), nullable=False, comment="Natural key of the outcome, used by data files to refer to it."
        ),
        sa.Column("mission_id", sa.Integer(), nullable=False, comment="Mission credited."),
        sa.Column("component_id", sa.Integer(), nullable=True, comment="Mandate component the outcome serves."),
        sa.Column("organization_id", sa.Integer(), nullable=True, comment="Body the work supported, if named."),
        sa.Column("description", sa.Text(), nullable=False, comment="The outcome in this project's words."),
        sa.Column("quantity", sa.Integer(), nullable=True, comment="Number stated by the source, e.g. 6 elections."),
        sa.Column("unit", sa.Text(), nullable=True, comment="What the quantity counts."),
        sa.Column(
            "started_date",
            sa.Text(),
            nullable=True,
            comment="Date the work started, if stated, as an EDTF string at the precision the source gives (NULL: not stated).",
        ),
        sa.Column(
            "started_earliest",
            sa.Text(),
            nullable=True,
            comment="Earliest ISO day the date the work started, if stated can be.",
        ),
        sa.Column(
            "started_latest",
            sa.Text(),
            nullable=True,
            comment="Latest ISO day the date the work started, if stated can be.",
        ),
        sa.Column(
            "started_precision",
            sa.Text(),
            nullable=True,
            comment="Precision of the date the work started, if stated: day, month, year, decade, interval, one of a set.",
        ),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "started_earliest IS NULL OR (started_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND started_latest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND started_earliest <= started_latest)",
            name=op.f("ck_outcomes_started_bounds"),
        ),
        sa.CheckConstraint(
            "started_precision IS NULL OR started_precision IN ('day', 'month', 'year', 'decade', 'interval', 'one of a set')",
            name=op.f("ck_outcomes_started_precision"),
        ),
        sa.CheckConstraint(
            "(started_date IS NULL AND started_earliest IS NULL AND started_latest IS NULL AND started_precision IS NULL) OR (started_date IS NOT NULL AND started_earliest IS NOT NULL AND started_latest IS NOT NULL AND started_precision IS NOT NULL)",
            name=op.f("ck_outcomes_started_all_or_none"),
        ),
        sa.CheckConstraint("quantity >= 0", name=op.f("ck_outcomes_quantity_not_negative")),
        sa.ForeignKeyConstraint(
            ["component_id"], ["mandate_components.id"], name=op.f("fk_outcomes_component_id_mandate_components")
        ),
        sa.ForeignKeyConstraint(["mission_id"], ["missions.id"], name=op.f("fk_outcomes_mission_id_missions")),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["organizations.id"], name=op.f("fk_outcomes_organization_id_organizations")
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"], ["source_sections.id"], name=op.f("fk_outcomes_source_section_id_source_sections")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcomes")),
        sa.UniqueConstraint("key", name=op.f("uq_outcomes_key")),
        comment="Results a mission is credited with, one row per outcome.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outcomes_component_id"), ["component_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_outcomes_mission_id"), ["mission_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_outcomes_organization_id"), ["organization_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_outcomes_source_section_id"), ["source_section_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_outcomes_started_earliest"), ["started_earliest"], unique=False)
        batch_op.create_index(batch_op.f("ix_outcomes_started_latest"), ["started_latest"], unique=False)

    op.create_table(
        "positions",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column(
            "key", sa.Text(), nullable=False, comment="Natural key of the position, used by data files to refer to it."
        ),
        sa.Column("name", sa.Text(), nullable=False, comment="Title of the post."),
        sa.Column(
            "abbreviation", sa.Text(), nullable=True, comment="Abbreviation of the title, if the source gives one."
        ),
        sa.Column(
            "mission_id",
            sa.Integer(),
            nullable=True,
            comment="Mission the post belongs to (NULL: outside any mission).",
        ),
        sa.Column("organization_id", sa.Integer(), nullable=True, comment="Body the post belongs to, if any."),
        sa.Column("level", sa.Text(), nullable=False, comment="Rank of the post within its mission."),
        sa.Column("portfolio", sa.Text(), nullable=True, comment="What the holder oversees."),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "level IN ('head of mission', 'deputy head of mission', 'other')",
            name=op.f("ck_positions_level_vocabulary"),
        ),
        sa.ForeignKeyConstraint(["mission_id"], ["missions.id"], name=op.f("fk_positions_mission_id_missions")),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["organizations.id"], name=op.f("fk_positions_organization_id_organizations")
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"], ["source_sections.id"], name=op.f("fk_positions_source_section_id_source_sections")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_positions")),
        sa.UniqueConstraint("key", name=op.f("uq_positions_key")),
        comment="Posts a person can hold, inside a mission or elsewhere, one row per post.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("positions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_positions_level"), ["level"], unique=False)
        batch_op.create_index(batch_op.f("ix_positions_mission_id"), ["mission_id"], unique=False)
        batch_op.create_index("ix_positions_name", ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_positions_organization_id"), ["organization_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_positions_source_section_id"), ["source_section_id"], unique=False)

    op.create_table(
        "resolution_actions",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("resolution_id", sa.Integer(), nullable=False, comment="Resolution."),
        sa.Column("mission_id", sa.Integer(), nullable=False, comment="Mission acted on."),
        sa.Column("action", sa.Text(), nullable=False, comment="Kind of action."),
        sa.Column(
            "mandate_end_date",
            sa.Text(),
            nullable=True,
            comment="Mandate end date the action sets, as an EDTF string at the precision the source gives (NULL: not stated).",
        ),
        sa.Column(
            "mandate_end_earliest",
            sa.Text(),
            nullable=True,
            comment="Earliest ISO day the mandate end date the action sets can be.",
        ),
        sa.Column(
            "mandate_end_latest",
            sa.Text(),
            nullable=True,
            comment="Latest ISO day the mandate end date the action sets can be.",
        ),
        sa.Column(
            "mandate_end_precision",
            sa.Text(),
            nullable=True,
            comment="Precision of the mandate end date the action sets: day, month, year, decade, interval, one of a set.",
        ),
        sa.Column("description", sa.Text(), nullable=False, comment="The action in this project's words."),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "action IN ('establish', 'extend', 'request review', 'request plan', 'accept request', 'terminate')",
            name=op.f("ck_resolution_actions_action_vocabulary"),
        ),
        sa.CheckConstraint(
            "mandate_end_earliest IS NULL OR (mandate_end_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND mandate_end_latest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND mandate_end_earliest <= mandate_end_latest)",
            name=op.f("ck_resolution_actions_mandate_end_bounds"),
        ),
        sa.CheckConstraint(
            "mandate_end_precision IS NULL OR mandate_end_precision IN ('day', 'month', 'year', 'decade', 'interval', 'one of a set')",
            name=op.f("ck_resolution_actions_mandate_end_precision"),
        ),
        sa.CheckConstraint(
            "(mandate_end_date IS NULL AND mandate_end_earliest IS NULL AND mandate_end_latest IS NULL AND mandate_end_precision IS NULL) OR (mandate_end_date IS NOT NULL AND mandate_end_earliest IS NOT NULL AND mandate_end_latest IS NOT NULL AND mandate_end_precision IS NOT NULL)",
            name=op.f("ck_resolution_actions_mandate_end_all_or_none"),
        ),
        sa.ForeignKeyConstraint(
            ["mission_id"], ["missions.id"], name=op.f("fk_resolution_actions_mission_id_missions")
        ),
        sa.ForeignKeyConstraint(
            ["resolution_id"], ["resolutions.id"], name=op.f("fk_resolution_actions_resolution_id_resolutions")
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_resolution_actions_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resolution_actions")),
        comment="What a resolution did to a mission, one row per action.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("resolution_actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resolution_actions_action"), ["action"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_resolution_actions_mandate_end_earliest"), ["mandate_end_earliest"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_resolution_actions_mandate_end_latest"), ["mandate_end_latest"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_resolution_actions_mission_id"), ["mission_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_resolution_actions_resolution_id"), ["resolution_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_resolution_actions_source_section_id"), ["source_section_id"], unique=False
        )

    op.create_table(
        "staffing_counts",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("mission_id", sa.Integer(), nullable=False, comment="Mission."),
        sa.Column(
            "observed_date",
            sa.Text(),
            nullable=True,
            comment="Date the count applies to, as an EDTF string at the precision the source gives (NULL: not stated).",
        ),
        sa.Column(
            "observed_earliest",
            sa.Text(),
            nullable=True,
            comment="Earliest ISO day the date the count applies to can be.",
        ),
        sa.Column(
            "observed_latest", sa.Text(), nullable=True, comment="Latest ISO day the date the count applies to can be."
        ),
        sa.Column(
            "observed_precision",
            sa.Text(),
            nullable=True,
            comment="Precision of the date the count applies to: day, month, year, decade, interval, one of a set.",
        ),
        sa.Column("category", sa.Text(), nullable=False, comment="Total, international or national staff."),
        sa.Column("personnel_count", sa.Integer(), nullable=False, comment="Number of people."),
        sa.Column(
            "is_approximate",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="1 when the source gives the number as approximate.",
        ),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "category IN ('total', 'international', 'national')", name=op.f("ck_staffing_counts_category_vocabulary")
        ),
        sa.CheckConstraint(
            "observed_earliest IS NULL OR (observed_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND observed_latest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND observed_earliest <= observed_latest)",
            name=op.f("ck_staffing_counts_observed_bounds"),
        ),
        sa.CheckConstraint(
            "observed_precision IS NULL OR observed_precision IN ('day', 'month', 'year', 'decade', 'interval', 'one of a set')",
            name=op.f("ck_staffing_counts_observed_precision"),
        ),
        sa.CheckConstraint(
            "(observed_date IS NULL AND observed_earliest IS NULL AND observed_latest IS NULL AND observed_precision IS NULL) OR (observed_date IS NOT NULL AND observed_earliest IS NOT NULL AND observed_latest IS NOT NULL AND observed_precision IS NOT NULL)",
            name=op.f("ck_staffing_counts_observed_all_or_none"),
        ),
        sa.CheckConstraint("is_approximate IN (0, 1)", name=op.f("ck_staffing_counts_is_approximate_is_flag")),
        sa.CheckConstraint("personnel_count >= 0", name=op.f("ck_staffing_counts_personnel_count_not_negative")),
        sa.ForeignKeyConstraint(["mission_id"], ["missions.id"], name=op.f("fk_staffing_counts_mission_id_missions")),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_staffing_counts_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staffing_counts")),
        sa.UniqueConstraint(
            "mission_id", "observed_date", "category", name=op.f("uq_staffing_counts_mission_id_observed_date_category")
        ),
        comment="Staff counts of a mission by date and category, one row per count.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("staffing_counts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staffing_counts_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_staffing_counts_mission_id"), ["mission_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_staffing_counts_observed_earliest"), ["observed_earliest"], unique=False)
        batch_op.create_index(batch_op.f("ix_staffing_counts_observed_latest"), ["observed_latest"], unique=False)
        batch_op.create_index(batch_op.f("ix_staffing_counts_source_section_id"), ["source_section_id"], unique=False)

    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column(
            "key",
            sa.Text(),
            nullable=False,
            comment="Natural key of the appointment, used by data files to refer to it.",
        ),
        sa.Column("person_id", sa.Integer(), nullable=False, comment="Person holding the post."),
        sa.Column("position_id", sa.Integer(), nullable=False, comment="Post held."),
        sa.Column(
            "started_date",
            sa.Text(),
            nullable=True,
            comment="Date the tenure started, as an EDTF string at the precision the source gives (NULL: not stated).",
        ),
        sa.Column(
            "started_earliest", sa.Text(), nullable=True, comment="Earliest ISO day the date the tenure started can be."
        ),
        sa.Column(
            "started_latest", sa.Text(), nullable=True, comment="Latest ISO day the date the tenure started can be."
        ),
        sa.Column(
            "started_precision",
            sa.Text(),
            nullable=True,
            comment="Precision of the date the tenure started: day, month, year, decade, interval, one of a set.",
        ),
        sa.Column(
            "ended_date",
            sa.Text(),
            nullable=True,
            comment="Date the tenure ended, as an EDTF string at the precision the source gives (NULL: not stated).",
        ),
        sa.Column(
            "ended_earliest", sa.Text(), nullable=True, comment="Earliest ISO day the date the tenure ended can be."
        ),
        sa.Column("ended_latest", sa.Text(), nullable=True, comment="Latest ISO day the date the tenure ended can be."),
        sa.Column(
            "ended_precision",
            sa.Text(),
            nullable=True,
            comment="Precision of the date the tenure ended: day, month, year, decade, interval, one of a set.",
        ),
        sa.Column(
            "heading_years",
            sa.Text(),
            nullable=True,
            comment="Years printed in the section heading for this tenure, as printed (e.g. 2004–2005).",
        ),
        sa.Column("heading_start_year", sa.Integer(), nullable=True, comment="First year printed in the heading."),
        sa.Column("heading_end_year", sa.Integer(), nullable=True, comment="Last year printed in the heading."),
        sa.Column(
            "predecessor_appointment_id",
            sa.Integer(),
            nullable=True,
            comment="Tenure this one followed in the same post.",
        ),
        sa.Column(
            "served_under_appointment_id",
            sa.Integer(),
            nullable=True,
            comment="Tenure of the head this holder served under.",
        ),
        sa.Column("end_reason", sa.Text(), nullable=True, comment="Why the tenure ended, as far as the source says."),
        sa.Column(
            "next_appointment_id",
            sa.Integer(),
            nullable=True,
            comment="The person's next post, if the source names it.",
        ),
        sa.Column(
            "note",
            sa.Text(),
            nullable=True,
            comment="What else the source says about the tenure, in this project's words.",
        ),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "end_reason IS NULL OR end_reason IN ('appointed elsewhere', 'succeeded', 'killed', 'mission ended', 'not stated')",
            name=op.f("ck_appointments_end_reason_vocabulary"),
        ),
        sa.CheckConstraint(
            "ended_earliest IS NULL OR (ended_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND ended_latest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND ended_earliest <= ended_latest)",
            name=op.f("ck_appointments_ended_bounds"),
        ),
        sa.CheckConstraint(
            "ended_precision IS NULL OR ended_precision IN ('day', 'month', 'year', 'decade', 'interval', 'one of a set')",
            name=op.f("ck_appointments_ended_precision"),
        ),
        sa.CheckConstraint(
            "started_earliest IS NULL OR (started_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND started_latest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND started_earliest <= started_latest)",
            name=op.f("ck_appointments_started_bounds"),
        ),
        sa.CheckConstraint(
            "started_precision IS NULL OR started_precision IN ('day', 'month', 'year', 'decade', 'interval', 'one of a set')",
            name=op.f("ck_appointments_started_precision"),
        ),
        sa.CheckConstraint(
            "(ended_date IS NULL AND ended_earliest IS NULL AND ended_latest IS NULL AND ended_precision IS NULL) OR (ended_date IS NOT NULL AND ended_earliest IS NOT NULL AND ended_latest IS NOT NULL AND ended_precision IS NOT NULL)",
            name=op.f("ck_appointments_ended_all_or_none"),
        ),
        sa.CheckConstraint(
            "(started_date IS NULL AND started_earliest IS NULL AND started_latest IS NULL AND started_precision IS NULL) OR (started_date IS NOT NULL AND started_earliest IS NOT NULL AND started_latest IS NOT NULL AND started_precision IS NOT NULL)",
            name=op.f("ck_appointments_started_all_or_none"),
        ),
        sa.CheckConstraint(
            "heading_start_year IS NULL OR heading_end_year IS NULL OR heading_start_year <= heading_end_year",
            name=op.f("ck_appointments_heading_years_order"),
        ),
        sa.CheckConstraint(
            "started_earliest IS NULL OR ended_latest IS NULL OR started_earliest <= ended_latest",
            name=op.f("ck_appointments_ends_after_start"),
        ),
        sa.ForeignKeyConstraint(
            ["next_appointment_id"], ["appointments.id"], name=op.f("fk_appointments_next_appointment_id_appointments")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_appointments_person_id_people")),
        sa.ForeignKeyConstraint(["position_id"], ["positions.id"], name=op.f("fk_appointments_position_id_positions")),
        sa.ForeignKeyConstraint(
            ["predecessor_appointment_id"],
            ["appointments.id"],
            name=op.f("fk_appointments_predecessor_appointment_id_appointments"),
        ),
        sa.ForeignKeyConstraint(
            ["served_under_appointment_id"],
            ["appointments.id"],
            name=op.f("fk_appointments_served_under_appointment_id_appointments"),
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_appointments_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
        sa.UniqueConstraint("key", name=op.f("uq_appointments_key")),
        comment="A person holding a post for a time, one row per tenure.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appointments_end_reason"), ["end_reason"], unique=False)
        batch_op.create_index(batch_op.f("ix_appointments_ended_earliest"), ["ended_earliest"], unique=False)
        batch_op.create_index(batch_op.f("ix_appointments_ended_latest"), ["ended_latest"], unique=False)
        batch_op.create_index(batch_op.f("ix_appointments_next_appointment_id"), ["next_appointment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appointments_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appointments_position_id"), ["position_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_appointments_predecessor_appointment_id"), ["predecessor_appointment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_appointments_served_under_appointment_id"), ["served_under_appointment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_appointments_source_section_id"), ["source_section_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appointments_started_earliest"), ["started_earliest"], unique=False)
        batch_op.create_index(batch_op.f("ix_appointments_started_latest"), ["started_latest"], unique=False)

    op.create_table(
        "contingent_links",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("contingent_id", sa.Integer(), nullable=False, comment="Contingent."),
        sa.Column("country_id", sa.Integer(), nullable=True, comment="Third country."),
        sa.Column("organization_id", sa.Integer(), nullable=True, comment="Third body."),
        sa.Column("role", sa.Text(), nullable=False, comment="What the third party did."),
        sa.Column("note", sa.Text(), nullable=True, comment="Detail, in this project's words."),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "role IN ('trained', 'equipped', 'transported', 'commanded', 'redeployed to', 'also contributed to', 'ranked ahead of')",
            name=op.f("ck_contingent_links_role_vocabulary"),
        ),
        sa.CheckConstraint(
            "(country_id IS NOT NULL) + (organization_id IS NOT NULL) = 1",
            name=op.f("ck_contingent_links_exactly_one_party"),
        ),
        sa.ForeignKeyConstraint(
            ["contingent_id"], ["contingents.id"], name=op.f("fk_contingent_links_contingent_id_contingents")
        ),
        sa.ForeignKeyConstraint(
            ["country_id"], ["countries.id"], name=op.f("fk_contingent_links_country_id_countries")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["organizations.id"], name=op.f("fk_contingent_links_organization_id_organizations")
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_contingent_links_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contingent_links")),
        comment="Third countries and bodies that trained, equipped, transported or commanded a contingent.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("contingent_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contingent_links_contingent_id"), ["contingent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contingent_links_country_id"), ["country_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contingent_links_organization_id"), ["organization_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contingent_links_role"), ["role"], unique=False)
        batch_op.create_index(batch_op.f("ix_contingent_links_source_section_id"), ["source_section_id"], unique=False)

    op.create_table(
        "contingent_strengths",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("contingent_id", sa.Integer(), nullable=False, comment="Contingent."),
        sa.Column(
            "personnel_type", sa.Text(), nullable=False, comment="Troops, military observers or defence civilians."
        ),
        sa.Column("personnel_count", sa.Integer(), nullable=False, comment="Number of people."),
        sa.Column(
            "is_approximate",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="1 when the source gives the number as approximate (around, about).",
        ),
        sa.Column(
            "observed_date",
            sa.Text(),
            nullable=True,
            comment="Date the count applies to (NULL: the source gives none), as an EDTF string at the precision the source gives (NULL: not stated).",
        ),
        sa.Column(
            "observed_earliest",
            sa.Text(),
            nullable=True,
            comment="Earliest ISO day the date the count applies to (null: the source gives none) can be.",
        ),
        sa.Column(
            "observed_latest",
            sa.Text(),
            nullable=True,
            comment="Latest ISO day the date the count applies to (null: the source gives none) can be.",
        ),
        sa.Column(
            "observed_precision",
            sa.Text(),
            nullable=True,
            comment="Precision of the date the count applies to (null: the source gives none): day, month, year, decade, interval, one of a set.",
        ),
        sa.Column("note", sa.Text(), nullable=True, comment="Context of the count."),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "observed_earliest IS NULL OR (observed_earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND observed_latest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND observed_earliest <= observed_latest)",
            name=op.f("ck_contingent_strengths_observed_bounds"),
        ),
        sa.CheckConstraint(
            "observed_precision IS NULL OR observed_precision IN ('day', 'month', 'year', 'decade', 'interval', 'one of a set')",
            name=op.f("ck_contingent_strengths_observed_precision"),
        ),
        sa.CheckConstraint(
            "personnel_type IN ('troops', 'military observers', 'defence civilians')",
            name=op.f("ck_contingent_strengths_personnel_type_vocabulary"),
        ),
        sa.CheckConstraint(
            "(observed_date IS NULL AND observed_earliest IS NULL AND observed_latest IS NULL AND observed_precision IS NULL) OR (observed_date IS NOT NULL AND observed_earliest IS NOT NULL AND observed_latest IS NOT NULL AND observed_precision IS NOT NULL)",
            name=op.f("ck_contingent_strengths_observed_all_or_none"),
        ),
        sa.CheckConstraint("is_approximate IN (0, 1)", name=op.f("ck_contingent_strengths_is_approximate_is_flag")),
        sa.CheckConstraint("personnel_count >= 0", name=op.f("ck_contingent_strengths_personnel_count_not_negative")),
        sa.ForeignKeyConstraint(
            ["contingent_id"], ["contingents.id"], name=op.f("fk_contingent_strengths_contingent_id_contingents")
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_contingent_strengths_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contingent_strengths")),
        comment="Personnel counts of a contingent over time, one row per count and personnel type.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("contingent_strengths", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contingent_strengths_contingent_id"), ["contingent_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contingent_strengths_observed_earliest"), ["observed_earliest"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contingent_strengths_observed_latest"), ["observed_latest"], unique=False)
        batch_op.create_index(batch_op.f("ix_contingent_strengths_personnel_type"), ["personnel_type"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contingent_strengths_source_section_id"), ["source_section_id"], unique=False
        )

    op.create_table(
        "event_participants",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("event_id", sa.Integer(), nullable=False, comment="Event."),
        sa.Column("person_id", sa.Integer(), nullable=True, comment="Participating person."),
        sa.Column("organization_id", sa.Integer(), nullable=True, comment="Participating body."),
        sa.Column("country_id", sa.Integer(), nullable=True, comment="Participating country."),
        sa.Column("role", sa.Text(), nullable=False, comment="Part played, e.g. author, recipient, speaker."),
        sa.Column(
            "stated_position",
            sa.Text(),
            nullable=True,
            comment="Position the participant took, in this project's words.",
        ),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.CheckConstraint(
            "(person_id IS NOT NULL) + (organization_id IS NOT NULL) + (country_id IS NOT NULL) = 1",
            name=op.f("ck_event_participants_exactly_one_participant"),
        ),
        sa.ForeignKeyConstraint(
            ["country_id"], ["countries.id"], name=op.f("fk_event_participants_country_id_countries")
        ),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_event_participants_event_id_events")),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["organizations.id"], name=op.f("fk_event_participants_organization_id_organizations")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_event_participants_person_id_people")),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_event_participants_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_participants")),
        comment="Who took part in an event and how, one row per participant.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("event_participants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_participants_country_id"), ["country_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_participants_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_participants_organization_id"), ["organization_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_participants_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_event_participants_source_section_id"), ["source_section_id"], unique=False
        )

    op.create_table(
        "event_resolutions",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("event_id", sa.Integer(), nullable=False, comment="Event."),
        sa.Column("resolution_id", sa.Integer(), nullable=False, comment="Resolution."),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_event_resolutions_event_id_events")),
        sa.ForeignKeyConstraint(
            ["resolution_id"], ["resolutions.id"], name=op.f("fk_event_resolutions_resolution_id_resolutions")
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_event_resolutions_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_resolutions")),
        sa.UniqueConstraint("event_id", "resolution_id", name=op.f("uq_event_resolutions_event_id_resolution_id")),
        comment="Resolutions an event relates to, one row per pair.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("event_resolutions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_resolutions_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_resolutions_resolution_id"), ["resolution_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_resolutions_source_section_id"), ["source_section_id"], unique=False)

    op.create_table(
        "mandate_tasks",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("mandate_area_id", sa.Integer(), nullable=False, comment="Area the task belongs to."),
        sa.Column("component_id", sa.Integer(), nullable=False, comment="Component the task is coded to."),
        sa.Column("description", sa.Text(), nullable=False, comment="The task in this project's words."),
        sa.Column("position", sa.Integer(), nullable=False, comment="Order within the area."),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.ForeignKeyConstraint(
            ["component_id"], ["mandate_components.id"], name=op.f("fk_mandate_tasks_component_id_mandate_components")
        ),
        sa.ForeignKeyConstraint(
            ["mandate_area_id"], ["mandate_areas.id"], name=op.f("fk_mandate_tasks_mandate_area_id_mandate_areas")
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_mandate_tasks_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mandate_tasks")),
        sa.UniqueConstraint("mandate_area_id", "position", name=op.f("uq_mandate_tasks_mandate_area_id_position")),
        comment="Tasks within a mandate area, one row per task.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("mandate_tasks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mandate_tasks_component_id"), ["component_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mandate_tasks_mandate_area_id"), ["mandate_area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mandate_tasks_source_section_id"), ["source_section_id"], unique=False)

    op.create_table(
        "discrepancies",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column(
            "key",
            sa.Text(),
            nullable=False,
            comment="Natural key of the discrepancy, used by data files to refer to it.",
        ),
        sa.Column("discrepancy_kind", sa.Text(), nullable=False, comment="Kind of disagreement."),
        sa.Column("name", sa.Text(), nullable=False, comment="Short title of the disagreement."),
        sa.Column("description", sa.Text(), nullable=False, comment="What disagrees, in this project's words."),
        sa.Column("person_id", sa.Integer(), nullable=True, comment="Person concerned, if any."),
        sa.Column("appointment_id", sa.Integer(), nullable=True, comment="Tenure concerned, if any."),
        sa.Column("resolution_id", sa.Integer(), nullable=True, comment="Resolution concerned, if any."),
        sa.Column("position_id", sa.Integer(), nullable=True, comment="Post concerned, if any."),
        sa.CheckConstraint(
            "discrepancy_kind IN ('heading years versus text', 'date stated two ways', 'name spelled two ways', 'title stated two ways')",
            name=op.f("ck_discrepancies_discrepancy_kind_vocabulary"),
        ),
        sa.ForeignKeyConstraint(
            ["appointment_id"], ["appointments.id"], name=op.f("fk_discrepancies_appointment_id_appointments")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_discrepancies_person_id_people")),
        sa.ForeignKeyConstraint(["position_id"], ["positions.id"], name=op.f("fk_discrepancies_position_id_positions")),
        sa.ForeignKeyConstraint(
            ["resolution_id"], ["resolutions.id"], name=op.f("fk_discrepancies_resolution_id_resolutions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discrepancies")),
        sa.UniqueConstraint("key", name=op.f("uq_discrepancies_key")),
        comment="Places where sources, or one source with itself, disagree, one row per disagreement.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("discrepancies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_discrepancies_appointment_id"), ["appointment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_discrepancies_discrepancy_kind"), ["discrepancy_kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_discrepancies_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_discrepancies_position_id"), ["position_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_discrepancies_resolution_id"), ["resolution_id"], unique=False)

    op.create_table(
        "discrepancy_claims",
        sa.Column("id", sa.Integer(), nullable=False, comment="Row identifier (stable within one build)."),
        sa.Column("discrepancy_id", sa.Integer(), nullable=False, comment="Disagreement."),
        sa.Column("claim", sa.Text(), nullable=False, comment="The value as the section states it."),
        sa.Column(
            "source_section_id",
            sa.Integer(),
            nullable=False,
            comment="Section of the source that states this fact (the section names the source).",
        ),
        sa.ForeignKeyConstraint(
            ["discrepancy_id"], ["discrepancies.id"], name=op.f("fk_discrepancy_claims_discrepancy_id_discrepancies")
        ),
        sa.ForeignKeyConstraint(
            ["source_section_id"],
            ["source_sections.id"],
            name=op.f("fk_discrepancy_claims_source_section_id_source_sections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discrepancy_claims")),
        sa.UniqueConstraint(
            "discrepancy_id",
            "source_section_id",
            "claim",
            name=op.f("uq_discrepancy_claims_discrepancy_id_source_section_id_claim"),
        ),
        comment="The competing claims of a disagreement, one row per claim and section.",
        sqlite_strict=True,
    )
    with op.batch_alter_table("discrepancy_claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_discrepancy_claims_discrepancy_id"), ["discrepancy_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_discrepancy_claims_source_section_id"), ["source_section_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("discrepancy_claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_discrepancy_claims_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_discrepancy_claims_discrepancy_id"))

    op.drop_table("discrepancy_claims")
    with op.batch_alter_table("discrepancies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_discrepancies_resolution_id"))
        batch_op.drop_index(batch_op.f("ix_discrepancies_position_id"))
        batch_op.drop_index(batch_op.f("ix_discrepancies_person_id"))
        batch_op.drop_index(batch_op.f("ix_discrepancies_discrepancy_kind"))
        batch_op.drop_index(batch_op.f("ix_discrepancies_appointment_id"))

    op.drop_table("discrepancies")
    with op.batch_alter_table("mandate_tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mandate_tasks_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_mandate_tasks_mandate_area_id"))
        batch_op.drop_index(batch_op.f("ix_mandate_tasks_component_id"))

    op.drop_table("mandate_tasks")
    with op.batch_alter_table("event_resolutions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_resolutions_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_event_resolutions_resolution_id"))
        batch_op.drop_index(batch_op.f("ix_event_resolutions_event_id"))

    op.drop_table("event_resolutions")
    with op.batch_alter_table("event_participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_participants_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_event_participants_person_id"))
        batch_op.drop_index(batch_op.f("ix_event_participants_organization_id"))
        batch_op.drop_index(batch_op.f("ix_event_participants_event_id"))
        batch_op.drop_index(batch_op.f("ix_event_participants_country_id"))

    op.drop_table("event_participants")
    with op.batch_alter_table("contingent_strengths", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contingent_strengths_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_contingent_strengths_personnel_type"))
        batch_op.drop_index(batch_op.f("ix_contingent_strengths_observed_latest"))
        batch_op.drop_index(batch_op.f("ix_contingent_strengths_observed_earliest"))
        batch_op.drop_index(batch_op.f("ix_contingent_strengths_contingent_id"))

    op.drop_table("contingent_strengths")
    with op.batch_alter_table("contingent_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contingent_links_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_contingent_links_role"))
        batch_op.drop_index(batch_op.f("ix_contingent_links_organization_id"))
        batch_op.drop_index(batch_op.f("ix_contingent_links_country_id"))
        batch_op.drop_index(batch_op.f("ix_contingent_links_contingent_id"))

    op.drop_table("contingent_links")
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appointments_started_latest"))
        batch_op.drop_index(batch_op.f("ix_appointments_started_earliest"))
        batch_op.drop_index(batch_op.f("ix_appointments_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_appointments_served_under_appointment_id"))
        batch_op.drop_index(batch_op.f("ix_appointments_predecessor_appointment_id"))
        batch_op.drop_index(batch_op.f("ix_appointments_position_id"))
        batch_op.drop_index(batch_op.f("ix_appointments_person_id"))
        batch_op.drop_index(batch_op.f("ix_appointments_next_appointment_id"))
        batch_op.drop_index(batch_op.f("ix_appointments_ended_latest"))
        batch_op.drop_index(batch_op.f("ix_appointments_ended_earliest"))
        batch_op.drop_index(batch_op.f("ix_appointments_end_reason"))

    op.drop_table("appointments")
    with op.batch_alter_table("staffing_counts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staffing_counts_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_staffing_counts_observed_latest"))
        batch_op.drop_index(batch_op.f("ix_staffing_counts_observed_earliest"))
        batch_op.drop_index(batch_op.f("ix_staffing_counts_mission_id"))
        batch_op.drop_index(batch_op.f("ix_staffing_counts_category"))

    op.drop_table("staffing_counts")
    with op.batch_alter_table("resolution_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resolution_actions_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_resolution_actions_resolution_id"))
        batch_op.drop_index(batch_op.f("ix_resolution_actions_mission_id"))
        batch_op.drop_index(batch_op.f("ix_resolution_actions_mandate_end_latest"))
        batch_op.drop_index(batch_op.f("ix_resolution_actions_mandate_end_earliest"))
        batch_op.drop_index(batch_op.f("ix_resolution_actions_action"))

    op.drop_table("resolution_actions")
    with op.batch_alter_table("positions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_positions_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_positions_organization_id"))
        batch_op.drop_index("ix_positions_name")
        batch_op.drop_index(batch_op.f("ix_positions_mission_id"))
        batch_op.drop_index(batch_op.f("ix_positions_level"))

    op.drop_table("positions")
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcomes_started_latest"))
        batch_op.drop_index(batch_op.f("ix_outcomes_started_earliest"))
        batch_op.drop_index(batch_op.f("ix_outcomes_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_outcomes_organization_id"))
        batch_op.drop_index(batch_op.f("ix_outcomes_mission_id"))
        batch_op.drop_index(batch_op.f("ix_outcomes_component_id"))

    op.drop_table("outcomes")
    with op.batch_alter_table("mission_organizations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mission_organizations_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_mission_organizations_role"))
        batch_op.drop_index(batch_op.f("ix_mission_organizations_organization_id"))
        batch_op.drop_index(batch_op.f("ix_mission_organizations_mission_id"))

    op.drop_table("mission_organizations")
    with op.batch_alter_table("mission_names", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mission_names_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_mission_names_mission_id"))

    op.drop_table("mission_names")
    with op.batch_alter_table("mandate_areas", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mandate_areas_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_mandate_areas_resolution_id"))
        batch_op.drop_index(batch_op.f("ix_mandate_areas_mission_id"))
        batch_op.drop_index(batch_op.f("ix_mandate_areas_area_kind"))

    op.drop_table("mandate_areas")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_events_occurred_latest"))
        batch_op.drop_index(batch_op.f("ix_events_occurred_earliest"))
        batch_op.drop_index(batch_op.f("ix_events_mission_id"))
        batch_op.drop_index(batch_op.f("ix_events_event_kind"))

    op.drop_table("events")
    with op.batch_alter_table("contingents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contingents_withdrawn_latest"))
        batch_op.drop_index(batch_op.f("ix_contingents_withdrawn_earliest"))
        batch_op.drop_index(batch_op.f("ix_contingents_status"))
        batch_op.drop_index(batch_op.f("ix_contingents_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_contingents_mission_id"))
        batch_op.drop_index(batch_op.f("ix_contingents_deployed_latest"))
        batch_op.drop_index(batch_op.f("ix_contingents_deployed_earliest"))
        batch_op.drop_index(batch_op.f("ix_contingents_country_id"))

    op.drop_table("contingents")
    with op.batch_alter_table("resolutions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resolutions_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_resolutions_organization_id"))
        batch_op.drop_index("ix_resolutions_name")
        batch_op.drop_index(batch_op.f("ix_resolutions_adopted_latest"))
        batch_op.drop_index(batch_op.f("ix_resolutions_adopted_earliest"))

    op.drop_table("resolutions")
    with op.batch_alter_table("missions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_missions_status"))
        batch_op.drop_index(batch_op.f("ix_missions_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_missions_parent_organization_id"))
        batch_op.drop_index(batch_op.f("ix_missions_mission_type"))
        batch_op.drop_index(batch_op.f("ix_missions_established_latest"))
        batch_op.drop_index(batch_op.f("ix_missions_established_earliest"))
        batch_op.drop_index(batch_op.f("ix_missions_ended_latest"))
        batch_op.drop_index(batch_op.f("ix_missions_ended_earliest"))

    op.drop_table("missions")
    with op.batch_alter_table("person_nationalities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_nationalities_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_person_nationalities_person_id"))
        batch_op.drop_index(batch_op.f("ix_person_nationalities_country_id"))
        batch_op.drop_index(batch_op.f("ix_person_nationalities_basis"))

    op.drop_table("person_nationalities")
    with op.batch_alter_table("person_names", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_names_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_person_names_person_id"))
        batch_op.drop_index(batch_op.f("ix_person_names_name_form"))

    op.drop_table("person_names")
    with op.batch_alter_table("person_educations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_educations_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_person_educations_person_id"))
        batch_op.drop_index(batch_op.f("ix_person_educations_completed_latest"))
        batch_op.drop_index(batch_op.f("ix_person_educations_completed_earliest"))

    op.drop_table("person_educations")
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organizations_source_section_id"))
        batch_op.drop_index(batch_op.f("ix_organizations_parent_organization_id"))
        batch_op.drop_index(batch_op.f("ix_organizations_organization_type"))
        batch_op.drop_index(batch_op.f("ix_organizations_country_id"))

    op.drop_table("organizations")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_source_section_id"))
        batch_op.drop_index("ix_people_name")

    op.drop_table("people")
    with op.batch_alter_table("countries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_countries_source_section_id"))

    op.drop_table("countries")
    with op.batch_alter_table("source_sections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_sections_source_id"))

    op.drop_table("source_sections")
    op.drop_table("sources")
    op.drop_table("mandate_components")
    op.drop_table("dataset_versions")
