"""Column builders shared by the tables: keys, provenance, EDTF dates, vocabularies.

Each builder records what it knows about its column on `Column.info`, so export, the
site configuration and the summaries read it there instead of guessing it back from
CHECK text, constraint names or name suffixes:

- `coded()`: `{"vocabulary": values}`, the values the CHECK allows;
- `flag()`: `{"flag": True}`, a 0/1 integer that reads as a boolean;
- `count()`: `{"minimum": 0}`, the lower bound the CHECK sets;
- `iso_day()`: `{"iso_day": True}`, text a CHECK holds to YYYY-MM-DD;
- `edtf_date(prefix, ...)`: `{"edtf": prefix, "role": role}` on each of its four columns,
  role "date", "earliest", "latest" or "precision"; the bounds are ISO days too
  (`"iso_day": True`) and the precision is coded (`"vocabulary": DATE_PRECISIONS`).
"""

from typing import NamedTuple

from sqlalchemy import CheckConstraint, Column, ForeignKey, Integer, MetaData, Table, Text

from unami.schema.vocabularies import DATE_PRECISIONS, sql_in

# Every constraint gets a name: unnamed ones cannot be dropped by a later
# migration and unnamed CHECKs vanish on a batch recreate.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

ISO_DAY_GLOB = "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]"


def primary_key() -> Column:
    return Column("id", Integer, primary_key=True, comment="Row identifier (stable within one build).")


def key_column(what: str) -> Column:
    """A natural key: short, lowercase, hyphenated, used by data files to refer to the row."""
    return Column(
        "key",
        Text,
        nullable=False,
        unique=True,
        comment=f"Natural key of the {what}, used by data files to refer to it.",
    )


def reference(name: str, target: str, description: str, nullable: bool = False, own_index: bool = True) -> Column:
    """A foreign key column; every one is indexed, by its own index or (own_index=False) as the first column of one."""
    return Column(
        name,
        Integer,
        ForeignKey(f"{target}.id"),
        nullable=nullable,
        index=own_index,
        comment=description,
    )


def provenance() -> list:
    """The section of a source that states the fact of this row."""
    return [
        reference(
            "source_section_id",
            "source_sections",
            "Section of the source that states this fact (the section names the source).",
        )
    ]


def text(name: str, description: str, nullable: bool = True) -> Column:
    return Column(name, Text, nullable=nullable, comment=description)


def integer(name: str, description: str, nullable: bool = True) -> Column:
    return Column(name, Integer, nullable=nullable, comment=description)


def iso_day(name: str, description: str) -> list:
    """An optional ISO day (YYYY-MM-DD), such as the day a source was read."""
    return [
        Column(name, Text, comment=description, info={"iso_day": True}),
        CheckConstraint(f"{name} IS NULL OR {name} GLOB '{ISO_DAY_GLOB}'", name=f"{name}_iso"),
    ]


def flag(name: str, description: str, default: int | None = 0) -> list:
    """A 0/1 integer (STRICT tables have no boolean type).

    `default=None` makes a flag the source may leave open: NULL means "not stated",
    which must not read as 0 ("no").
    """
    server_default = None if default is None else str(default)
    column = Column(
        name, Integer, nullable=default is None, server_default=server_default, comment=description, info={"flag": True}
    )
    return [column, CheckConstraint(f"{name} IN (0, 1)", name=f"{name}_is_flag")]


def coded(name: str, values: tuple[str, ...], description: str, nullable: bool = False) -> list:
    """A text column limited to a controlled vocabulary."""
    check = sql_in(name, values)
    if nullable:
        check = f"{name} IS NULL OR {check}"
    return [
        Column(name, Text, nullable=nullable, index=True, comment=description, info={"vocabulary": values}),
        CheckConstraint(check, name=f"{name}_vocabulary"),
    ]


def count(name: str, description: str, nullable: bool = False) -> list:
    """A non-negative integer count."""
    return [
        Column(name, Integer, nullable=nullable, comment=description, info={"minimum": 0}),
        CheckConstraint(f"{name} >= 0", name=f"{name}_not_negative"),
    ]


def edtf_date(prefix: str, what: str) -> list:
    """An EDTF date of any precision plus its strict ISO bounds and precision.

    `started` gives started_date ('2007-09'), started_earliest ('2007-09-01'),
    started_latest ('2007-09-30') and started_precision ('month'). All four are
    NULL together when the source does not give the date.
    """
    date, earliest, latest, precision = (f"{prefix}_{part}" for part in ("date", "earliest", "latest", "precision"))

    def part(role: str, comment: str, **facts) -> Column:
        # The bounds are indexed: date-window searches and sorts read them.
        indexed = role in ("earliest", "latest")
        info = {"edtf": prefix, "role": role, **facts}
        return Column(f"{prefix}_{role}", Text, index=indexed, comment=comment, info=info)

    return [
        part("date", f"{what}, as an EDTF string at the precision the source gives (NULL: not stated)."),
        part("earliest", f"Earliest ISO day the {what.lower()} can be.", iso_day=True),
        part("latest", f"Latest ISO day the {what.lower()} can be.", iso_day=True),
        part(
            "precision",
            f"Precision of the {what.lower()}: " + ", ".join(DATE_PRECISIONS) + ".",
            vocabulary=DATE_PRECISIONS,
        ),
        CheckConstraint(
            f"({date} IS NULL AND {earliest} IS NULL AND {latest} IS NULL AND {precision} IS NULL)"
            f" OR ({date} IS NOT NULL AND {earliest} IS NOT NULL AND {latest} IS NOT NULL"
            f" AND {precision} IS NOT NULL)",
            name=f"{prefix}_all_or_none",
        ),
        CheckConstraint(
            f"{earliest} IS NULL OR ({earliest} GLOB '{ISO_DAY_GLOB}' AND {latest} GLOB '{ISO_DAY_GLOB}'"
            f" AND {earliest} <= {latest})",
            name=f"{prefix}_bounds",
        ),
        CheckConstraint(f"{precision} IS NULL OR {sql_in(precision, DATE_PRECISIONS)}", name=f"{prefix}_precision"),
    ]


def dates_in_order(earlier: str, later: str, name: str) -> CheckConstraint:
    """A CHECK that the EDTF date `earlier` can fall no later than `later` (bounds of `edtf_date()` prefixes).

    Only the widest bounds are compared: a start stated as '2007' and an end as '2007-03' may be in order.
    """
    first, last = f"{earlier}_earliest", f"{later}_latest"
    return CheckConstraint(f"{first} IS NULL OR {last} IS NULL OR {first} <= {last}", name=name)


class EdtfDate(NamedTuple):
    """The four columns one `edtf_date()` declared on a table."""

    prefix: str
    date: Column
    earliest: Column
    latest: Column
    precision: Column


def edtf_dates(table: Table) -> list[EdtfDate]:
    """The EDTF dates of `table` in declaration order, read from the columns' `info`.

    >>> [date.earliest.name for date in edtf_dates(metadata.tables["appointments"])]  # doctest: +SKIP
    ['started_earliest', 'ended_earliest']
    """
    roles: dict[str, dict[str, Column]] = {}
    for column in table.columns:
        if "edtf" in column.info:
            roles.setdefault(column.info["edtf"], {})[column.info["role"]] = column
    return [EdtfDate(prefix, **columns) for prefix, columns in roles.items()]
