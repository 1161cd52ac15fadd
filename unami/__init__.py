"""unami-db: the command line and the build that ties schema, migrations and loaders together."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_DB = Path("unami.db")
