"""Controlled vocabularies: the one list of allowed values per coded column.

The schema turns each list into a CHECK constraint and the loaders validate
against the same list, so a new value is added here once and nowhere else.
"""

MISSION_TYPES = ("political mission", "peacekeeping operation")
MISSION_STATUSES = ("active", "completed")

ORGANIZATION_TYPES = (
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
)

# How a mission relates to an organization it is linked with.
MISSION_ORGANIZATION_ROLES = (
    "parent organ",
    "administered by",
    "supported by",
    "requested by",
    "host government",
    "works alongside",
    "see also",
)

# On what ground a person is linked to a country.
NATIONALITY_BASES = ("stated nationality", "mother's nationality", "father's nationality")

NAME_FORMS = ("preferred", "variant spelling", "short form")

POSITION_LEVELS = ("head of mission", "deputy head of mission", "other")

END_REASONS = ("appointed elsewhere", "succeeded", "killed", "mission ended", "not stated")

RESOLUTION_ACTIONS = (
    "establish",
    "extend",
    "request review",
    "request plan",
    "accept request",
    "terminate",
)

EVENT_KINDS = (
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
)

# Mandate components, after the Security Council field-missions taxonomy.
MANDATE_AREA_KINDS = ("summary", "final mandate")

STAFF_CATEGORIES = ("total", "international", "national")

PERSONNEL_TYPES = ("troops", "military observers", "defence civilians")

CONTINGENT_STATUSES = ("current", "former")

# What a third party did for, or with, a contingent.
CONTINGENT_LINK_ROLES = (
    "trained",
    "equipped",
    "transported",
    "commanded",
    "redeployed to",
    "also contributed to",
    "ranked ahead of",
)

DISCREPANCY_KINDS = (
    "heading years versus text",
    "date stated two ways",
    "name spelled two ways",
    "title stated two ways",
)

# Granularity of an EDTF value, derived by the loader from the string.
DATE_PRECISIONS = ("day", "month", "year", "decade", "interval", "one of a set")


def sql_in(column: str, values: tuple[str, ...]) -> str:
    """Return a CHECK expression limiting `column` to `values`.

    >>> sql_in("kind", ("a", "b"))
    "kind IN ('a', 'b')"
    """
    quoted = ", ".join("'" + value.replace("'", "''") + "'" for value in values)
    return f"{column} IN ({quoted})"
