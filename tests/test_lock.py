"""requirements.lock: the site's runtime pinned to exact versions with hashes, agreeing with pyproject.toml."""

import re
import tomllib
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).parent.parent
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+)(?: ; (?P<marker>.+?))? \\$")


def locked() -> dict[str, tuple[str, list[str]]]:
    """{canonical name: (version, hashes)} read from requirements.lock."""
    pins: dict[str, tuple[str, list[str]]] = {}
    current = None
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if match := PIN.match(line):
            current = canonicalize_name(match["name"])
            assert current not in pins, f"{current} is pinned twice"
            pins[current] = (match["version"], [])
        elif (stripped := line.strip()).startswith("--hash="):
            assert current is not None, line
            pins[current][1].append(stripped.removeprefix("--hash=").rstrip(" \\"))
    return pins


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return [Requirement(text) for text in project["dependencies"]]


def test_every_runtime_dependency_is_pinned_to_a_version_pyproject_allows():
    pins = locked()
    environment = default_environment()
    for requirement in declared():
        if requirement.marker and not requirement.marker.evaluate(environment):
            continue
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is declared in pyproject.toml but not locked"
        version, _hashes = pins[name]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"requirements.lock pins {name}=={version}, outside pyproject.toml's {requirement}"
        )


def test_every_pin_is_exact_and_carries_a_sha256_hash():
    pins = locked()
    assert {"datasette", "pyyaml", "sqlalchemy", "alembic", "sqlite-utils", "pydantic"} <= set(pins)
    for name, (version, hashes) in pins.items():
        assert re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", version), f"{name}: {version!r} is not an exact version"
        assert hashes, f"{name}=={version} has no hash: pip install --require-hashes would refuse the lock"
        assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", value) for value in hashes), (name, hashes)


def test_the_lock_records_the_command_that_refreshes_it():
    assert "uv pip compile pyproject.toml" in (ROOT / "requirements.lock").read_text().splitlines()[1]
