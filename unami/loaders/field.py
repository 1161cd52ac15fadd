"""People in the field: staff counts and uniformed contingents with their strengths."""

from pydantic import Field, model_validator

from unami.loaders.context import EdtfText, Fact, Key, LoadContext, Record, label
from unami.schema.vocabularies import ContingentLinkRole, ContingentStatus, PersonnelType, StaffCategory

FILE = "field.yaml"

# Larger integers do not fit SQLite's INTEGER and would fail only at insert time.
SQLITE_MAX_INTEGER = 2**63 - 1
STREAM_FILE = "contingent_strengths.jsonl"
STREAM_TABLE = "contingent_strengths"
STREAM_COLUMNS = (
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
)


class StaffCount(Fact):
    mission: Key
    observed: EdtfText
    category: StaffCategory
    personnel_count: int = Field(ge=0, le=SQLITE_MAX_INTEGER)
    is_approximate: bool = False


class Strength(Fact):
    personnel_type: PersonnelType
    personnel_count: int = Field(ge=0, le=SQLITE_MAX_INTEGER)
    is_approximate: bool = False
    observed: EdtfText | None = None
    note: str | None = None


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
    note: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self):
        if (self.country is None) == (self.organization is None):
            raise ValueError("give exactly one of country, organization")
        return self


class Contingent(Fact):
    key: Key
    mission: Key
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    country_unknown_reason: str | None = None
    status: ContingentStatus
    list_position: int = Field(ge=1)
    duty: str | None = None
    deployed: EdtfText | None = None
    withdrawn: EdtfText | None = None
    planned_duration_months: int | None = Field(default=None, ge=0)
    note: str | None = None
    strengths: list[Strength] = Field(min_length=1)
    links: list[Link] = []

    @model_validator(mode="after")
    def _country_or_reason(self):
        # Never guess: a contribution without a named country must say why it is unknown.
        if (self.country is None) == (self.country_unknown_reason is None):
            raise ValueError("give a country, or (only when the source names none) a country_unknown_reason")
        return self


class Document(Record):
    source: str | None = None
    staffing: list[StaffCount] = []
    contingents: list[Contingent] = []


def convert(document: Document, context: LoadContext) -> None:
    for index, count in enumerate(document.staffing):
        record = label("staffing", index, f"{count.observed} {count.category}")
        context.add(
            "staffing_counts",
            {
                "mission_id": context.ref("missions", count.mission, record, "mission"),
                **context.date("observed", count.observed, record, "observed"),
                "category": count.category,
                "personnel_count": count.personnel_count,
                "is_approximate": int(count.is_approximate),
                **context.provenance(count, record),
            },
        )
    check_staff_totals(document.staffing, context)
    for index, contingent in enumerate(document.contingents):
        record = label("contingents", index, contingent.key)
        contingent_id = context.add(
            "contingents",
            {
                "key": contingent.key,
                "mission_id": context.ref("missions", contingent.mission, record, "mission"),
                "country_id": context.ref("countries", contingent.country, record, "country"),
                "country_unknown_reason": contingent.country_unknown_reason,
                "status": contingent.status,
                "list_position": contingent.list_position,
                "duty": contingent.duty,
                **context.date("deployed", contingent.deployed, record, "deployed"),
                **context.date("withdrawn", contingent.withdrawn, record, "withdrawn"),
                "planned_duration_months": contingent.planned_duration_months,
                "note": contingent.note,
                **context.provenance(contingent, record),
            },
        )
        context.register("contingents", contingent.key, contingent_id, record)
        row = context.rows["contingents"][-1]
        if row["withdrawn_latest"] and row["deployed_earliest"] and row["withdrawn_latest"] < row["deployed_earliest"]:
            context.problem(
                record, "withdrawn", f"{contingent.withdrawn} is before the deployment {contingent.deployed}"
            )
        for position, strength in enumerate(contingent.strengths):
            where = f"{record}.strengths[{position}]"
            context.add(
                "contingent_strengths",
                {
                    "contingent_id": contingent_id,
                    "personnel_type": strength.personnel_type,
                    "personnel_count": strength.personnel_count,
                    "is_approximate": int(strength.is_approximate),
                    **context.date("observed", strength.observed, where, "observed"),
                    "note": strength.note,
                    **context.provenance(strength, where),
                },
            )
        for position, link in enumerate(contingent.links):
            where = f"{record}.links[{position}]"
            context.add(
                "contingent_links",
                {
                    "contingent_id": contingent_id,
                    "country_id": context.ref("countries", link.country, where, "country"),
                    "organization_id": context.ref("organizations", link.organization, where, "organization"),
                    "role": link.role,
                    "note": link.note,
                    **context.provenance(link, where),
                },
            )


def check_staff_totals(counts: list[StaffCount], context: LoadContext) -> None:
    """International plus national staff must equal an exact stated total for the same date."""
    by_date: dict[tuple[str, str], dict[str, StaffCount]] = {}
    for count in counts:
        categories = by_date.setdefault((count.mission, count.observed), {})
        if count.category in categories:
            context.problem(f"staffing ({count.observed} {count.category})", "category", "stated twice for one date")
        categories[count.category] = count
    for (mission, observed), categories in by_date.items():
        total, international, national = (categories.get(name) for name in ("total", "international", "national"))
        if total is None or international is None or national is None:
            continue
        if total.is_approximate or international.is_approximate or national.is_approximate:
            continue
        added = international.personnel_count + national.personnel_count
        if added != total.personnel_count:
            context.problem(
                f"staffing ({mission} {observed})",
                "personnel_count",
                f"international + national = {added}, but the total says {total.personnel_count}",
            )


def stream_row(strength: StreamRecord, record: str, context: LoadContext) -> tuple:
    """The STREAM_COLUMNS of one bulk line (problems, such as an unknown contingent, go to `context`)."""
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
