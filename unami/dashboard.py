"""The dashboard (datasette-dashboards): Vega-Lite charts drawn from the canned reports.

Each chart reads one report's rows through a wrapper query that adds what a reader needs
and the report does not carry: where a bar is drawn (the leadership bars come from the
tenure_spans summary, joined by tenure, so the chart draws exactly the report's rows), dates
as people write them (`readable_date`, a SQL function
of the site) and "not stated" for unknowns, so no tooltip shows a null. Charts are written
for Vega-Lite 6, the version datasette-dashboards 0.8 draws with, and are drawn as SVG.
"""

from dataclasses import dataclass, field

from unami.reports import catalog

SLUG = "unami"
VEGA_LITE = "https://vega.github.io/schema/vega-lite/v6.json"
NOT_STATED = "'not stated'"
# Legends below the chart: beside it they take the width a phone needs for the bars.
LEGEND = {"orient": "bottom", "direction": "vertical", "columns": 1, "labelLimit": 260}
# Two legends below one chart stack instead of standing side by side past a phone's width.
CONFIG = {"background": "#00000000", "legend": {"layout": {"bottom": {"direction": "vertical", "anchor": "start"}}}}
# 13 kinds of event: a 20-colour scheme, so no two kinds share a colour.
EVENT_KINDS = {
    "field": "event_kind",
    "type": "nominal",
    "title": "kind",
    "scale": {"scheme": "category20"},
    "legend": LEGEND,
}
COUNT_AXIS = {"tickMinStep": 1, "format": "d"}  # counts of people and events are whole numbers


@dataclass(frozen=True)
class Chart:
    title: str
    report: str
    display: dict
    shown: dict[str, str] = field(default_factory=dict)  # extra column -> SQL over the report's columns
    where: str = ""  # a filter over the report's rows
    library: str = "vega-lite"
    # what the chart reads of the report (a metric reads one aggregate): only what it draws, since
    # encoding the JSON of 1,000 rows costs about as much per column as the SQL does
    columns: str = "report.*"
    join: str = ""  # a table joined to the report's rows (the columns in `shown` may read it)

    def query(self, report_sql: str) -> str:
        extra = "".join(f",\n    {expression} as {name}" for name, expression in self.shown.items())
        join = f"\n{self.join}" if self.join else ""
        where = f"\nwhere {self.where}" if self.where else ""
        return f"select {self.columns}{extra}\nfrom (\n{report_sql.strip().rstrip(';')}\n) as report{join}{where}"

    def spec(self) -> dict:
        if self.library != "vega-lite":
            return self.display
        return {
            "$schema": VEGA_LITE,
            "usermeta": {"embedOptions": {"renderer": "svg"}},
            "config": CONFIG,
            **self.display,
        }


def names_axis(field: str, sorted_by: str) -> dict:
    """One row per name, in the order of `sorted_by`, labels long enough for a person's name."""
    return {"field": field, "type": "nominal", "sort": {"field": sorted_by}, "title": None, "axis": {"labelLimit": 170}}


def tooltip(*fields: tuple[str, str]) -> list[dict]:
    return [{"field": name, "title": title} for name, title in fields]


CHARTS: dict[str, Chart] = {
    "leadership": Chart(
        "Leadership: who held each post, when",
        "leaders_timeline",
        columns="report.appointment_id, report.person, report.position, report.position_level",
        join="inner join tenure_spans on report.appointment_id = tenure_spans.appointment_id",
        shown={
            "bar_start": "tenure_spans.bar_start",
            "bar_end": "tenure_spans.bar_end",
            "bar_basis": "tenure_spans.bar_basis",
            "started": "readable_date(started_date)",
            "ended": "readable_date(ended_date)",
            "heading": f"coalesce(heading_years, {NOT_STATED})",
            "drawn": "case tenure_spans.bar_basis when 'stated dates' then 'dated by the source'"
            " else 'partly inferred' end",
        },
        display={
            "mark": {"type": "bar", "tooltip": True, "cornerRadius": 2},
            "encoding": {
                "y": names_axis("person", sorted_by="bar_start"),
                "x": {"field": "bar_start", "type": "temporal", "title": None},
                "x2": {"field": "bar_end"},
                "color": {"field": "position_level", "type": "nominal", "title": "post", "legend": LEGEND},
                "opacity": {
                    "field": "drawn",
                    "type": "nominal",
                    "title": "bar",
                    "scale": {
                        "domain": ["dated by the source", "partly inferred"],
                        "range": [1, 0.35],
                    },
                    "legend": LEGEND,
                },
                "tooltip": tooltip(
                    ("person", "person"),
                    ("position", "post"),
                    ("started", "started"),
                    ("ended", "ended"),
                    ("heading", "years in the article's heading"),
                    ("bar_basis", "bar drawn from"),
                ),
            },
            "height": {"step": 24},
        },
    ),
    "contingents": Chart(
        "Uniformed contingents by country and type",
        "contingents_by_country",
        columns="report.personnel_type, report.personnel, report.contributions",
        shown={
            "contribution": "case when is_country_unknown = 1 then 'country not stated' else country end"
            " || ' (' || status || ')'",
            "approximate": "case includes_approximate when 1 then 'yes' else 'no' end",
        },
        display={
            "mark": {"type": "bar", "tooltip": True},
            "encoding": {
                "y": {"field": "contribution", "type": "nominal", "sort": "-x", "title": None},
                "x": {
                    "field": "personnel",
                    "type": "quantitative",
                    "aggregate": "sum",
                    "title": "personnel",
                    "axis": COUNT_AXIS,
                },
                "color": {"field": "personnel_type", "type": "nominal", "title": "type", "legend": LEGEND},
                "tooltip": tooltip(
                    ("contribution", "country"),
                    ("personnel_type", "type"),
                    ("personnel", "personnel"),
                    ("contributions", "contributions"),
                    ("approximate", "includes approximate figures"),
                ),
            },
        },
    ),
    "staffing": Chart(
        "Staffing composition (2023)",
        "staffing_composition",
        where="category != 'total'",
        shown={"year": "readable_date(observed_date)"},
        display={
            "mark": {"type": "arc", "tooltip": True, "innerRadius": 50},
            "encoding": {
                "theta": {"field": "personnel_count", "type": "quantitative"},
                "color": {"field": "category", "type": "nominal", "title": "staff", "legend": LEGEND},
                "tooltip": tooltip(
                    ("year", "as of"),
                    ("category", "staff"),
                    ("personnel_count", "people"),
                    ("share_percent", "share of total (%)"),
                ),
            },
            "height": 220,
        },
    ),
    "events": Chart(
        "Events per year",
        "events_per_year",
        where="event_year is not null",
        shown={"year_start": "printf('%04d-01-01', event_year)"},
        display={
            "mark": {"type": "bar", "tooltip": True, "width": {"band": 0.9}},
            "encoding": {
                "x": {"field": "year_start", "type": "temporal", "timeUnit": "year", "title": None},
                "y": {
                    "field": "events",
                    "type": "quantitative",
                    "aggregate": "sum",
                    "title": "events",
                    "axis": COUNT_AXIS,
                },
                "color": EVENT_KINDS,
                "tooltip": tooltip(("event_year", "year"), ("event_kind", "kind"), ("events", "events")),
            },
        },
    ),
    "unplaced_events": Chart(
        "Events whose year is uncertain (not drawn in events per year)",
        "events_per_year",
        columns="coalesce(sum(report.events), 0) as unplaced",
        where="event_year is null",
        display={"field": "unplaced", "suffix": " events"},
        library="metric",
    ),
    "timeline": Chart(
        "Event timeline: an uncertain date is drawn as the range it may fall in",
        "event_timeline",
        columns="report.event_id, report.name, report.event_kind, report.occurred_earliest",
        shown={
            "date": "readable_date(occurred_date)",
            "range_end": "date(occurred_latest, '+1 day')",
            "middle": "date((julianday(occurred_earliest) + julianday(occurred_latest)) / 2)",
        },
        display={
            "encoding": {
                "y": names_axis("name", sorted_by="occurred_earliest"),
                "tooltip": tooltip(("name", "event"), ("date", "when"), ("event_kind", "kind")),
            },
            "layer": [
                {
                    "mark": {"type": "bar", "opacity": 0.35, "tooltip": True},
                    "encoding": {
                        "x": {"field": "occurred_earliest", "type": "temporal", "title": None},
                        "x2": {"field": "range_end"},
                    },
                },
                {
                    "mark": {"type": "point", "filled": True, "size": 40, "tooltip": True},
                    "encoding": {
                        "x": {"field": "middle", "type": "temporal"},
                        "color": EVENT_KINDS,
                    },
                },
            ],
            "height": {"step": 22},
        },
    ),
}
LAYOUT = [
    ["about", "about"],
    ["leadership", "leadership"],
    ["contingents", "staffing"],
    ["events", "unplaced_events"],
    ["timeline", "timeline"],
]
ABOUT = (
    "# UNAMI at a glance\n"
    "Charts drawn from the canned reports, at the precision the source gives. A pale bar is partly inferred: "
    "where the source gives no end, it runs as far as the tenure may have lasted (until a later holder has "
    "certainly started, or the mission's end), and a deputy without dates spans the head served under; "
    "the tooltip says which, and *Who held a post on a given day* reads the same. "
    "Sérgio Vieira de Mello, the Special Representative killed in the 2003 attack, is not drawn: the source "
    "names neither his post nor the start of his tenure."
)


def dashboard(db_name: str, reports: dict[str, catalog.Report]) -> dict:
    """The datasette-dashboards configuration of the site's one dashboard."""
    charts: dict[str, dict] = {"about": {"library": "markdown", "display": ABOUT}}
    for slug, chart in CHARTS.items():
        charts[slug] = {
            "title": chart.title,
            "db": db_name,
            "query": chart.query(reports[chart.report].sql),
            "library": chart.library,
            "display": chart.spec(),
        }
    return {
        SLUG: {
            "title": "UNAMI dashboard",
            "description": "Leadership, contingents, staffing and events of the UN Assistance Mission for Iraq.",
            "layout": LAYOUT,
            "charts": charts,
        }
    }
