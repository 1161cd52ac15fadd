"""An entity-relationship diagram (Mermaid `erDiagram`) generated from the declared schema."""

from unami.schema.columns import metadata

HEADER = """# Entity-relationship diagram

Generated from `unami/schema/` by `unami diagram --write`; a test fails when it is stale.
Each table is STRICT; `FK` marks a foreign key, `PK` the primary key.

```mermaid
erDiagram
"""


def mermaid() -> str:
    lines = [HEADER.rstrip("\n")]
    for table in metadata.sorted_tables:
        lines.append(f"    {table.name} {{")
        for column in table.columns:
            kind = "INTEGER" if column.type.__class__.__name__ == "Integer" else "TEXT"
            marks = "PK" if column.primary_key else ("FK" if column.foreign_keys else "")
            lines.append(f"        {kind} {column.name} {marks}".rstrip())
        lines.append("    }")
    for table in metadata.sorted_tables:
        for foreign_key in sorted(table.foreign_keys, key=lambda fk: fk.parent.name):
            target = foreign_key.column.table.name
            optional = "o" if foreign_key.parent.nullable else "|"
            lines.append(f'    {target} ||--{optional}{{ {table.name} : "{foreign_key.parent.name}"')
    lines.append("```")
    return "\n".join(lines) + "\n"
