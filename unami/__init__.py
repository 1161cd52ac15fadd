"""unami-db: the command line and the build that ties schema, migrations and loaders together.

One installed package: `unami.schema` (the declared schema), `unami.migrations` (alembic),
`unami.loaders` (data files to rows), `unami.reports` (canned SQL), and the commands here.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# The checkout (README, docs, tests, data/); an installed wheel has no such directory.
PROJECT_ROOT = PACKAGE_DIR.parent
# A wheel carries data/ inside the package; an editable install reads the checkout's data/.
DEFAULT_DATA_DIR = PACKAGE_DIR / "data" if (PACKAGE_DIR / "data").is_dir() else PROJECT_ROOT / "data"
DEFAULT_DB = Path("unami.db")
