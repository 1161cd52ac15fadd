"""People in the field: staff counts and uniformed contingents with their strengths."""

from pydantic import Field

from unami.loaders.context import (
    EdtfText,
    Fact,
    FactDocument,
    Family,
    Key,
    LoadContext,
    Stream,
    Text,
    WholeNumber,
    exactly_one_of,
)
from unami.schema.vocabularies import ContingentLinkRole, ContingentStatus, PersonnelType, StaffCategory

# Larger integers do not fit SQLite's INTEGER and would fail only at insert time.
SQLITE_MAX_INTEGER = 2**63 - 1


class StaffCount(Fact):
    mission: Key
    observed: EdtfText
    category: StaffCategory
    personnel_count: WholeNumber = Field(ge=0, le=SQLITE_MAX_INTEGER)
    is_approximate: bool = False


class Strength(Fact):
    personnel_type: PersonnelType
    personnel_count: WholeNumber = Field(ge=0, le=SQLITE_MAX_INTEGER)
    is_approximate: bool = False
    observed: EdtfText | None = None
    note: Text | None = None


class StreamRecord(Strength):
    """One line of contingent_strengths.jsonl: a strength and the contingent it belongs to.

    The bulk layout for monthly series (e.g. the IPI Peacekeeping Database): one compact
    JSON object per line, streamed to the database, never held in memory. `source` and
    `section` are on every line (a JSON Lines file has no file-level default).
    """

    contingent: Key


class Link(Fact):
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    organization: Key | None = None
    role: ContingentLinkRole
    note: Text | None = None

    _one_party = exactly_one_of("country", "organization")


class Contingent(Fact):
    key: Key
    mission: Key
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    country_unknown_reason: Text | None = None
    status: ContingentStatus
    list_position: WholeNumber = Field(ge=1)
    duty: Text | None = None
    deployed: EdtfText | None = None
    withdrawn: EdtfText | None = None
    planned_duration_months: WholeNumber | None = Field(default=None, ge=0)
    note: Text | None = None
    strengths: list[Strength] = Field(min_length=1)
    links: list[Link] = []

    # Never guess: a contribution without a named country must say why it is unknown.
    _country_or_reason = exactly_one_of(
        "country",
        "country_unknown_reason",
        message="give a country, or (only when the source names none) a country_unknown_reason",
    )


class Document(FactDocument):
    staffing: list[StaffCount] = []
    contingents: list[Contingent] = []


def convert(document: Document, context: LoadContext) -> None:
    # A staff count has no key: it is named by what it counts.
    staffing = context.records("staffing", document.staffing, lambda count: f"{count.observed} {count.category}")
    for record, count in staffing:
        row = {
            "mission_id": context.ref("missions", count.mission, record, "mission"),
            **context.date("observed", count.observed, record, "observed"),
            **count.columns("category", "personnel_count"),
            "is_approximate": int(count.is_approximate),
        }
        context.add_fact("staffing_counts", count, record, row)
    for record, contingent in context.records("contingents", document.contingents):
        row = {
            **contingent.columns("key", "country_unknown_reason", "status", "list_position", "duty", "note"),
            "planned_duration_months": contingent.planned_duration_months,
            "mission_id": context.ref("missions", contingent.mission, record, "mission"),
            "country_id": context.ref("countries", contingent.country, record, "country"),
            **context.date("deployed", contingent.deployed, record, "deployed"),
            **context.date("withdrawn", contingent.withdrawn, record, "withdrawn"),
        }
        contingent_id = context.add_fact("contingents", contingent, record, row)
        context.register("contingents", contingent.key, contingent_id, record)
        for where, strength in context.nested(record, "strengths", contingent.strengths):
            row = {
                "contingent_id": contingent_id,
                **strength.columns("personnel_type", "personnel_count", "note"),
                "is_approximate": int(strength.is_approximate),
                **context.date("observed", strength.observed, where, "observed"),
            }
            context.add_fact("contingent_strengths", strength, where, row)
        for where, link in context.nested(record, "links", contingent.links):
            row = {
                "contingent_id": contingent_id,
                "country_id": context.ref("countries", link.country, where, "country"),
                "organization_id": context.ref("organizations", link.organization, where, "organization"),
                **link.columns("role", "note"),
            }
            context.add_fact("contingent_links", link, where, row)


def check_rows(context: LoadContext) -> None:
    """Staff counts add up, no contingent is withdrawn before it deployed."""
    check_staff_totals(context)
    for row in context.rows_of("contingents"):
        if row["withdrawn_latest"] and row["deployed_earliest"] and row["withdrawn_latest"] < row["deployed_earliest"]:
            message = f"{row['withdrawn_date']} is before the deployment {row['deployed_date']}"
            context.problem_in_record("contingents", row, "withdrawn", message)


def check_staff_totals(context: LoadContext) -> None:
    """International plus national staff must equal an exact stated total for the same mission and date.

    Within one file: counts from different files are separate statements, not parts of one sum.
    """
    mission_keys = {row_id: key for key, row_id in context.ids.get("missions", {}).items()}
    by_date: dict[tuple[str, int, str], dict[str, dict]] = {}
    for count in context.rows_of("staffing_counts"):
        if count["mission_id"] is None:  # an unknown mission, reported already
            continue
        file, _ = context.origin("staffing_counts", count)
        categories = by_date.setdefault((file, count["mission_id"], count["observed_date"]), {})
        if count["category"] in categories:
            named = f"staffing ({count['observed_date']} {count['category']})"
            context.problem_in_record("staffing_counts", count, "category", "stated twice for one date", named)
        categories[count["category"]] = count
    for (_, mission_id, observed), categories in by_date.items():
        total, international, national = (categories.get(name) for name in ("total", "international", "national"))
        if total is None or international is None or national is None:
            continue
        if total["is_approximate"] or international["is_approximate"] or national["is_approximate"]:
            continue
        added = international["personnel_count"] + national["personnel_count"]
        if added != total["personnel_count"]:
            message = f"international + national = {added}, but the total says {total['personnel_count']}"
            named = f"staffing ({mission_keys[mission_id]} {observed})"
            context.problem_in_record("staffing_counts", total, "personnel_count", message, named)


def stream_row(strength: StreamRecord, record: str, context: LoadContext) -> tuple:
    """The columns of STRENGTHS_STREAM for one bulk line (problems, such as an unknown contingent, go to `context`)."""
    record = f"{record} ({strength.contingent})"
    observed = context.date("observed", strength.observed, record, "observed")
    return (
        context.ref("contingents", strength.contingent, record, "contingent"),
        strength.personnel_type,
        strength.personnel_count,
        int(strength.is_approximate),
        *observed.values(),
        strength.note,
        context.provenance(strength, record)["source_section_id"],
    )


# Monthly series, e.g. the IPI Peacekeeping Database: one line a strength (see StreamRecord).
STRENGTHS_STREAM = Stream(
    file="contingent_strengths.jsonl",
    table="contingent_strengths",
    columns=(
        "contingent_id",
        "personnel_type",
        "personnel_count",
        "is_approximate",
        "observed_date",
        "observed_earliest",
        "observed_latest",
        "observed_precision",
        "note",
        "source_section_id",
    ),
    record=StreamRecord,
    row=stream_row,
    fact_key=("contingent_id", "personnel_type", "observed_date", "source_section_id"),
)

FAMILY = Family("field.yaml", Document, convert, check_rows, STRENGTHS_STREAM)
