"""Every record model refuses a field it does not know, nested records included, in one line each.

Each case takes a real data file, adds `unexpected_field` to the first record of every list in
it (and to the first item of every list or mapping nested in that record), and checks that the
check names every one of those records and the field.
"""

import re
import shutil

import pytest
import yaml
from click.testing import CliRunner

from unami import DEFAULT_DATA_DIR
from unami.cli import main

FILES = sorted(path.name for path in DEFAULT_DATA_DIR.glob("*.yaml"))


def plant(node, path: str, planted: list[str]) -> None:
    """Add an unknown field to `node` (a record) and to the first record nested in each of its fields."""
    if not isinstance(node, dict):
        return
    node["unexpected_field"] = "x"
    planted.append(path)
    for name, value in list(node.items()):
        if isinstance(value, list) and value and isinstance(value[0], dict):
            plant(value[0], f"{path}.{name}[0]", planted)
        elif isinstance(value, dict):
            plant(value, f"{path}.{name}", planted)


def test_every_data_file_is_covered():
    assert len(FILES) == 12


@pytest.mark.parametrize("file", FILES)
def test_an_unknown_field_is_refused_in_every_record_model_of_the_file(tmp_path, file):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    document = yaml.safe_load((data / file).read_text(encoding="utf-8"))
    planted: list[str] = []
    for name, value in document.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            plant(value[0], f"{name}[0]", planted)
    assert planted, f"{file} has no list of records"
    (data / file).write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--data", str(data)])
    assert result.exit_code == 1, result.output
    refused = [line for line in result.output.splitlines() if "unexpected_field" in line]
    assert all(line.startswith(f"{data / file}: ") for line in refused), refused
    assert all("Extra inputs are not permitted" in line for line in refused), refused
    for path in planted:
        record, *nested = path.split(".")  # people[0].names[0]: record people[0], field names.0.unexpected_field
        field = ".".join([*(part.replace("[", ".").rstrip("]") for part in nested), "unexpected_field"])
        named = re.compile(rf": {re.escape(record)}( \([^)]*\))?: {re.escape(field)}: ")  # record (key): field:
        assert any(named.search(line) for line in refused), f"{path}: {refused}"
    assert len(refused) == len(planted), (planted, refused)
