"""The generated documents: the README's list of reports and docs/schema.md, written or checked in one go.

Each document is a pure function of the declared schema and `unami/reports/`, so `unami docs --check`
(and the test that runs it) fails as soon as a report or a table changes without its documentation.
"""

from pathlib import Path

from unami import PROJECT_ROOT
from unami.reports import catalog
from unami.schema.diagram import mermaid

REPORTS_START, REPORTS_END = "<!-- reports:start -->\n", "<!-- reports:end -->"


class DocsError(Exception):
    """A document cannot be generated (e.g. the README lost its markers)."""


def readme_with_reports(readme: str) -> str:
    """`readme` with the text between the report markers replaced by the generated list of reports."""
    if REPORTS_START not in readme or REPORTS_END not in readme:
        raise DocsError(f"README.md needs the markers {REPORTS_START.strip()} and {REPORTS_END} around its reports")
    head, rest = readme.split(REPORTS_START, 1)
    tail = rest.split(REPORTS_END, 1)[1]
    return f"{head}{REPORTS_START}{catalog.markdown_list()}{REPORTS_END}{tail}"


def generated(root: Path | None = None) -> dict[Path, str]:
    """Every generated document under `root` (default: the checkout), mapped to the text it should hold."""
    root = root or PROJECT_ROOT
    readme = root / "README.md"
    if not readme.is_file():
        raise DocsError(f"{readme} not found: `unami docs` writes into a source checkout, not an install")
    return {
        readme: readme_with_reports(readme.read_text(encoding="utf-8")),
        root / "docs" / "schema.md": mermaid(),
    }


def stale(root: Path | None = None) -> list[Path]:
    """The generated documents whose committed text differs from what they should hold."""
    return [
        path for path, text in generated(root).items() if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]


def write(root: Path | None = None) -> list[Path]:
    """Rewrite the stale generated documents; return the paths written."""
    texts = generated(root)
    written = stale(root)
    for path in written:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(texts[path], encoding="utf-8")
    return written
