"""Render a report's rows for the terminal: an aligned table, CSV, JSON or Markdown."""

import csv
import io
import json

FORMATS = ("table", "csv", "json", "markdown")


def _text(value) -> str:
    return "" if value is None else str(value)


def render(columns: list[str], rows: list[tuple], output_format: str) -> str:
    """Return `rows` under `columns` as text in `output_format` (one of FORMATS)."""
    if output_format == "json":
        return json.dumps([dict(zip(columns, row, strict=True)) for row in rows], ensure_ascii=False, indent=2) + "\n"
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_text(value) for value in row] for row in rows])
        return buffer.getvalue()
    if output_format == "markdown":
        lines = ["| " + " | ".join(columns) + " |", "| " + " | ".join("---" for _ in columns) + " |"]
        for row in rows:
            lines.append("| " + " | ".join(_text(value).replace("|", "\\|") for value in row) + " |")
        return "\n".join(lines) + "\n"
    widths = [max([len(column), *(len(_text(row[index])) for row in rows)]) for index, column in enumerate(columns)]
    lines = ["  ".join(column.ljust(width) for column, width in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * width for width in widths))
    for row in rows:
        lines.append("  ".join(_text(value).ljust(width) for value, width in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"
