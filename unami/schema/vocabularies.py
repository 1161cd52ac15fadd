"""Controlled vocabularies: the one list of allowed values per coded column.

Each vocabulary is a `Literal` type: the loaders' record models use it as a field type
(pydantic refuses any other value, mypy checks it), and its values, as a tuple, become
the schema's CHECK constraint. A new value is added here once and nowhere else.
"""

from typing import Literal, get_args

MissionType = Literal["political mission", "peacekeeping operation"]
MISSION_TYPES = get_args(MissionType)
MissionStatus = Literal["active", "completed"]
MISSION_STATUSES = get_args(MissionStatus)

OrganizationType = Literal[
    "intergovernmental organization",
    "un principal organ",
    "un secretariat",
    "un secretariat department",
    "un country team",
    "government",
    "parliament",
    "coalition",
    "multinational force",
    "armed group",
    "other",
]
ORGANIZATION_TYPES = get_args(OrganizationType)

# How a mission relates to an organization it is linked with.
MissionOrganizationRole = Literal[
    "parent organ",
    "administered by",
    "supported by",
    "requested by",
    "host government",
    "works alongside",
    "see also",
]
MISSION_ORGANIZATION_ROLES = get_args(MissionOrganizationRole)

# On what ground a person is linked to a country.
NationalityBasis = Literal["stated nationality", "mother's nationality", "father's nationality"]
NATIONALITY_BASES = get_args(NationalityBasis)

# A record states its other names; its preferred form is the record's own name.
StatedNameForm = Literal["variant spelling", "short form"]
NameForm = Literal["preferred", StatedNameForm]
NAME_FORMS = get_args(NameForm)

PositionLevel = Literal["head of mission", "deputy head of mission", "other"]
POSITION_LEVELS = get_args(PositionLevel)

EndReason = Literal["appointed elsewhere", "succeeded", "killed", "mission ended", "not stated"]
END_REASONS = get_args(EndReason)

ResolutionAction = Literal[
    "establish",
    "extend",
    "request review",
    "request plan",
    "accept request",
    "terminate",
]
RESOLUTION_ACTIONS = get_args(ResolutionAction)

EventKind = Literal[
    "presence",
    "conflict",
    "establishment",
    "attack",
    "expansion",
    "deployment",
    "resolution",
    "appointment",
    "report",
    "letter",
    "debate",
    "meeting",
    "investigation",
    "termination",
]
EVENT_KINDS = get_args(EventKind)

# Mandate components, after the Security Council field-missions taxonomy.
MandateAreaKind = Literal["summary", "final mandate"]
MANDATE_AREA_KINDS = get_args(MandateAreaKind)

StaffCategory = Literal["total", "international", "national"]
STAFF_CATEGORIES = get_args(StaffCategory)

PersonnelType = Literal["troops", "military observers", "defence civilians"]
PERSONNEL_TYPES = get_args(PersonnelType)

ContingentStatus = Literal["current", "former"]
CONTINGENT_STATUSES = get_args(ContingentStatus)

# What a third party did for, or with, a contingent.
ContingentLinkRole = Literal[
    "trained",
    "equipped",
    "transported",
    "commanded",
    "redeployed to",
    "also contributed to",
    "ranked ahead of",
]
CONTINGENT_LINK_ROLES = get_args(ContingentLinkRole)

DiscrepancyKind = Literal[
    "heading years versus text",
    "date stated two ways",
    "name spelled two ways",
    "title stated two ways",
    # Between different sources (each claim names its own source's section).
    "sources disagree on a date",
    "sources disagree on a number",
    "sources disagree on a name",
]
DISCREPANCY_KINDS = get_args(DiscrepancyKind)

# What kind of work a source is; a revision of an encyclopedia article is its own source.
SourceKind = Literal[
    "encyclopedia revision",
    "news report",
    "organisation page",
    "government page",
    "UN document",
    "standard",
]
SOURCE_KINDS = get_args(SourceKind)

# Whether a source states a claim or the project infers it (then with the rule and the claim it rests on).
ClaimBasis = Literal["stated", "inferred"]
CLAIM_BASES = get_args(ClaimBasis)

# Whether a claim agrees with the value the fact row holds or disagrees with it (then a discrepancy records it).
ClaimStance = Literal["agrees", "disagrees"]
CLAIM_STANCES = get_args(ClaimStance)

# Granularity of an EDTF value, derived by the loader from the string.
DatePrecision = Literal["day", "month", "year", "decade", "interval", "one of a set"]
DATE_PRECISIONS = get_args(DatePrecision)


def sql_in(column: str, values: tuple[str, ...]) -> str:
    """Return a CHECK expression limiting `column` to `values`.

    >>> sql_in("kind", ("a", "b"))
    "kind IN ('a', 'b')"
    """
    quoted = ", ".join("'" + value.replace("'", "''") + "'" for value in values)
    return f"{column} IN ({quoted})"
