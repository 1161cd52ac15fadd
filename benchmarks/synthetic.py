"""Write a deterministic synthetic corpus at the scale of the field, as data directories.

The corpus is shaped like the IPI Peacekeeping Database: ~150 missions, monthly
uniformed strengths per contributing country and personnel type, plus tens of
thousands of appointments and events. It is loaded beside data/ through the
project's own validating loaders (`unami build --data data --data <dir>/part-00 ...`).

    python -m benchmarks.synthetic /tmp/unami-scale --strengths 1000000 --appointments 100000 --events 100000

Files are split into `part-NN/` directories (each a `--data` directory) so every
YAML file stays under the loaders' 5 MiB limit. Monthly strengths go to
`contingent_strengths.jsonl`, one compact record per observation, unless
`--strengths-layout yaml` puts them inline in field.yaml (every strength held in memory).
People, appointments and events go to the record files people.jsonl,
appointments.jsonl and events.jsonl (JSON Lines, validated like the YAML lists),
unless `--records-layout yaml` puts them in people.yaml, posts.yaml and events.yaml.
Same seed, same arguments: byte-identical files.
"""

import argparse
import inspect
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

SOURCE = "synthetic"
SECTION = "Generated"
PERSONNEL_TYPES = ("troops", "military observers", "defence civilians")
EVENT_KINDS = ("meeting", "report", "attack", "deployment", "debate", "letter")
# Synthetic ISO-style codes (Q-range) so they never collide with the real countries in data/.
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def country_codes(count: int) -> list[str]:
    return [f"Q{LETTERS[i // 26]}{LETTERS[i % 26]}" for i in range(count)]


def flow(record: dict) -> str:
    # JSON objects are valid YAML flow mappings; one record per line keeps files compact.
    return json.dumps(record, ensure_ascii=False)


def with_source(record: dict) -> dict:
    """A JSON Lines file has no file-level default source: every fact, nested ones too, names it."""
    return {
        **{
            name: [with_source(item) for item in value] if isinstance(value, list) else value
            for name, value in record.items()
        },
        "source": SOURCE,
    }


def month(start: date, offset: int) -> str:
    total = start.year * 12 + start.month - 1 + offset
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


class Shards:
    """Lines of each file of each `part-NN/` directory, written at the end."""

    def __init__(self, root: Path, count: int):
        self.root, self.count = root, count
        self.files: dict[tuple[int, str], list[str]] = {}

    def add(self, shard: int, name: str, line: str) -> None:
        self.files.setdefault((shard % self.count, name), []).append(line)

    def write(self) -> list[Path]:
        dirs = []
        for shard in range(self.count):
            directory = self.root / f"part-{shard:02d}"
            directory.mkdir(parents=True, exist_ok=True)
            dirs.append(directory)
        for (shard, name), lines in sorted(self.files.items()):
            (self.root / f"part-{shard:02d}" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return dirs


@dataclass
class Corpus:
    """What the phases of `generate` share: the files being written, the seeded generator, the counts."""

    out: Shards
    rng: random.Random
    records_layout: str
    counts: dict[str, int] = field(default_factory=dict)

    def add_record(self, shard: int, yaml_file: str, list_name: str, record: dict) -> None:
        """One record of a top-level list: a YAML list item, or a line of `<list>.jsonl`."""
        if self.records_layout == "jsonl":
            self.out.add(shard, f"{list_name}.jsonl", flow(with_source(record)))
        else:
            self.out.add(shard, yaml_file, "  - " + flow(record))

    def header_in_every_shard(self, yaml_file: str, header: str) -> None:
        for shard in range(self.out.count):
            self.out.add(shard, yaml_file, header)


def write_lookups(corpus: Corpus) -> list[str]:
    """Part 00 carries the lookups every other part refers to: the source and the countries."""
    out = corpus.out
    out.add(0, "sources.yaml", "sources:")
    out.add(
        0, "sources.yaml", "  - " + flow({"key": SOURCE, "name": "Synthetic benchmark corpus", "sections": [SECTION]})
    )
    countries = country_codes(120)
    out.add(0, "places.yaml", f"source: {SOURCE}\ncountries:")
    for code in countries:
        out.add(0, "places.yaml", "  - " + flow({"iso3": code, "name": f"Country {code}", "section": SECTION}))
    corpus.counts["countries"] = len(countries)
    return countries


def write_missions(corpus: Corpus, missions: int) -> list[str]:
    mission_keys = [f"syn-mission-{m:03d}" for m in range(missions)]
    corpus.out.add(0, "missions.yaml", f"source: {SOURCE}\nmissions:")
    for m, key in enumerate(mission_keys):
        # In the 1980s: every head of mission's tenure (from 1990) starts after its mission was established.
        established = date(1980, 1, 1) + timedelta(days=corpus.rng.randrange(0, 3650))
        record = {
            "key": key,
            "name": f"Synthetic Mission {m:03d}",
            "abbreviation": f"SM{m:03d}",
            "mission_type": corpus.rng.choice(("political mission", "peacekeeping operation")),
            "status": "active",
            "established": established.isoformat(),
            "section": SECTION,
        }
        corpus.out.add(0, "missions.yaml", "  - " + flow(record))
    corpus.counts["missions"] = missions
    return mission_keys


def write_people(corpus: Corpus, countries: list[str], appointments: int) -> int:
    """One person for every five appointments, each with a stated nationality; return how many."""
    people = max(1, appointments // 5)
    if corpus.records_layout == "yaml":
        corpus.header_in_every_shard("people.yaml", f"source: {SOURCE}\npeople:")
    for p in range(people):
        record = {
            "key": f"syn-person-{p:06d}",
            "name": f"Person {p:06d}",
            "section": SECTION,
            "nationalities": [
                {"country": corpus.rng.choice(countries), "basis": "stated nationality", "section": SECTION}
            ],
        }
        corpus.add_record(p, "people.yaml", "people", record)
    corpus.counts["people"] = people
    return people


def write_posts(corpus: Corpus, mission_keys: list[str], people: int, appointments: int) -> None:
    """Three posts per mission and their tenures, which follow each other in each post, never overlapping."""
    corpus.header_in_every_shard("posts.yaml", f"source: {SOURCE}\npositions:")
    positions = [(key, f"{key}-{kind}") for key in mission_keys for kind in ("head", "deputy", "chief-of-staff")]
    for p, (mission, position) in enumerate(positions):
        level = "head of mission" if position.endswith("head") else "other"
        record = {"key": position, "name": f"Post {position}", "mission": mission, "level": level, "section": SECTION}
        corpus.out.add(p, "posts.yaml", "  - " + flow(record))
    corpus.counts["positions"] = len(positions)
    if corpus.records_layout == "yaml":
        corpus.header_in_every_shard("posts.yaml", "appointments:")
    rng = corpus.rng
    per_position = -(-appointments // len(positions))
    written = 0
    for p, (_mission, position) in enumerate(positions):
        started = date(1990, 1, 1) + timedelta(days=rng.randrange(0, 60))
        for t in range(per_position):
            if written == appointments:
                break
            ended = started + timedelta(days=rng.randrange(30, 80))
            record = {
                "key": f"{position}-{t:04d}",
                "person": f"syn-person-{rng.randrange(people):06d}",
                "position": position,
                "started": started.isoformat(),
                "ended": ended.isoformat() if t % 7 else ended.isoformat()[:7],
                "end_reason": "succeeded",
                "section": SECTION,
            }
            # All tenures of one post in one part: a post's history reads top to bottom.
            corpus.add_record(p, "posts.yaml", "appointments", record)
            started = ended + timedelta(days=rng.randrange(1, 20))
            written += 1
    corpus.counts["appointments"] = written


def write_events(corpus: Corpus, mission_keys: list[str], people: int, events: int) -> None:
    """Events spread over 35 years, one in five known only to the month, each with one participant."""
    if corpus.records_layout == "yaml":
        corpus.header_in_every_shard("events.yaml", f"source: {SOURCE}\nevents:")
    rng = corpus.rng
    for e in range(events):
        occurred = date(1990, 1, 1) + timedelta(days=rng.randrange(0, 35 * 365))
        record = {
            "key": f"syn-event-{e:06d}",
            "mission": rng.choice(mission_keys),
            "event_kind": rng.choice(EVENT_KINDS),
            "name": f"Event {e:06d}",
            "occurred": occurred.isoformat() if e % 5 else occurred.isoformat()[:7],
            "section": SECTION,
            "participants": [
                {"person": f"syn-person-{rng.randrange(people):06d}", "role": "attended", "section": SECTION}
            ],
        }
        corpus.add_record(e, "events.yaml", "events", record)
    corpus.counts["events"] = events
    corpus.counts["event_participants"] = events


def write_contingents(
    corpus: Corpus, mission_keys: list[str], countries: list[str], strengths: int, strengths_layout: str
) -> None:
    """Each mission has contributors; each contributor reports monthly per personnel type."""
    rng, out = corpus.rng, corpus.out
    contingents = [(mission, code) for mission in mission_keys for code in rng.sample(countries, 20)]
    per_contingent = -(-strengths // len(contingents))
    months = -(-per_contingent // len(PERSONNEL_TYPES))
    corpus.header_in_every_shard("field.yaml", f"source: {SOURCE}\ncontingents:")
    written = 0
    for c, (mission, code) in enumerate(contingents):
        key = f"{mission}-{code.lower()}"
        deployed = date(1990 + rng.randrange(0, 20), rng.randrange(1, 13), 1)
        observations = []
        for offset in range(months):
            for personnel_type in PERSONNEL_TYPES:
                if written + len(observations) == strengths or len(observations) == per_contingent:
                    break
                observations.append(
                    {
                        "personnel_type": personnel_type,
                        "personnel_count": rng.randrange(0, 900),
                        "observed": month(deployed, offset),
                        "section": SECTION,
                    }
                )
        if not observations:
            break
        written += len(observations)
        record = {
            "key": key,
            "mission": mission,
            "country": code,
            "status": "current",
            "list_position": c + 1,
            "deployed": month(deployed, 0),
            "section": SECTION,
            # The model requires one strength inline: the strength at deployment.
            "strengths": observations[:1],
        }
        if strengths_layout == "yaml":
            record["strengths"] = observations
        out.add(c, "field.yaml", "  - " + flow(record))
        if strengths_layout == "jsonl":
            for observation in observations[1:]:
                out.add(c, "contingent_strengths.jsonl", flow({"contingent": key, **observation, "source": SOURCE}))
    corpus.counts["contingents"] = len(contingents)
    corpus.counts["contingent_strengths"] = written


def generate(
    root: Path,
    *,
    missions: int = 150,
    strengths: int = 1_000_000,
    appointments: int = 100_000,
    events: int = 100_000,
    shards: int = 10,
    strengths_layout: str = "jsonl",
    records_layout: str = "jsonl",
    seed: int = 20031,
) -> dict[str, int]:
    """Write the corpus under `root`; return the number of rows of each generated table.

    The phases draw from one seeded generator in a fixed order, so the files are byte-identical per seed.
    """
    root.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(Shards(root, shards), random.Random(seed), records_layout)
    countries = write_lookups(corpus)
    mission_keys = write_missions(corpus, missions)
    people = write_people(corpus, countries, appointments)
    write_posts(corpus, mission_keys, people, appointments)
    write_events(corpus, mission_keys, people, events)
    write_contingents(corpus, mission_keys, countries, strengths, strengths_layout)
    corpus.out.write()
    return corpus.counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    # One option per keyword of generate(), with its default, so the two cannot disagree.
    for name, parameter in inspect.signature(generate).parameters.items():
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
            option = "--" + name.replace("_", "-")
            if name.endswith("_layout"):
                parser.add_argument(option, choices=("jsonl", "yaml"), default=parameter.default)
            else:
                parser.add_argument(option, type=int, default=parameter.default)
    arguments = vars(parser.parse_args())
    counts = generate(arguments.pop("root"), **arguments)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
