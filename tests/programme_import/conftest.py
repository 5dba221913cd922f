"""What the programme importer's tests share: the small exports under tests/fixtures/frab/,
read as the tests' source of expected values, and the command run on a copy of the project."""

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from overrides.hooks.programme.programme_data import EDITION_FILE
from tests.support import ROOT

FRAB = ROOT / "tests" / "fixtures" / "frab"
EXPORT = FRAB / "conference.json"
RECORDINGS = FRAB / "recordings" / "testcon-2030"


def export_data(path: Path = EXPORT) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def events(data: dict) -> list[tuple[str, dict]]:
    """(room, event) for every event of a schedule.json, in its order."""
    return [(room, event) for day in data["schedule"]["conference"]["days"] for room, items in day["rooms"].items() for event in items]


def texts_of(data: dict):
    """(JSON path, entry, field, text) of every abstract, description and biography of an export (a
    person's where the person first appears)."""
    seen = set()
    for d, day in enumerate(data["schedule"]["conference"]["days"]):
        for room, items in day["rooms"].items():
            for index, event in enumerate(items):
                where = f"$.schedule.conference.days[{d}].rooms[{room!r}][{index}]"
                for field in ("abstract", "description"):
                    if event.get(field):
                        yield where, event, field, event[field]
                for p, person in enumerate(event["persons"]):
                    if person.get("biography") and person["code"] not in seen:
                        seen.add(person["code"])
                        yield f"{where}.persons[{p}]", person, "biography", person["biography"]


def minutes(duration: str) -> int:
    hours, mins = duration.split(":")
    return int(hours) * 60 + int(mins)


def start_of(event: dict) -> datetime:
    return datetime.fromisoformat(event["date"])


def run_import(project: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tools.programme_import", *map(str, args), "--config", project / "mkdocs.yml"],
                          cwd=ROOT, capture_output=True, text=True)


# The edition the fixture export belongs to: the year of its first day.
YEAR = int(export_data()["schedule"]["conference"]["start"][:4])


def edition_dir(project: Path, year: int = YEAR) -> Path:
    return project / "docs" / str(year)


def programme_files(project: Path, year: int = YEAR) -> dict[str, bytes]:
    """Every byte the import of an edition may write: the edition's files, their fingerprints and mkdocs.yml."""
    folder = edition_dir(project, year)
    files = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()} if folder.is_dir() else {}
    files["mkdocs.yml"] = (project / "mkdocs.yml").read_bytes()
    return files


def site_files(project: Path, but: int | None = None) -> dict[str, bytes]:
    """Every file under docs/ (but the edition `but`'s folder) and every mkdocs*.yml, byte for byte."""
    files = {p.relative_to(project).as_posix(): p.read_bytes() for p in sorted((project / "docs").rglob("*"))
             if p.is_file() and not (but and p.is_relative_to(edition_dir(project, but)))}
    return files | {p.name: p.read_bytes() for p in project.glob("mkdocs*.yml")}


def schedule(project: Path, year: int = YEAR) -> dict:
    return yaml.safe_load((edition_dir(project, year) / "schedule.yml").read_text(encoding="utf-8"))


def sessions_by_uid(project: Path, year: int = YEAR) -> dict[str, dict]:
    return {s.get("uid") or s["slug"]: s for s in schedule(project, year)["sessions"]}


@pytest.fixture
def imported(project_copy, tmp_path):
    """A copy of the project with the fixture export imported as a new edition (YEAR), and the export's copy to change."""
    source = tmp_path / "schedule.json"
    source.write_text(EXPORT.read_text(encoding="utf-8"), encoding="utf-8")
    run = run_import(project_copy, source, "--fix", "--update-conference", "--remove-missing")
    assert run.returncode == 1, run.stderr  # the unmapped type is left for a person
    return project_copy, source


@pytest.fixture
def empty_programme(project_copy):
    """A copy of the project without a programme yet: every edition's data files and the import's record
    (.programme-import.yml) gone, each edition's facts (edition.yml) kept."""
    for path in (project_copy / "docs").glob("[0-9][0-9][0-9][0-9]/*.yml"):
        if path.name != EDITION_FILE:
            path.unlink()
    return project_copy


def current_facts() -> dict:
    """The current edition's facts, edition.yml as YAML reads it: what an old site's data/, which names no year, is read with."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as config:
        current = yaml_load(config)["extra"]["editions"]["current"]
    return yaml.safe_load((ROOT / "docs" / str(current) / EDITION_FILE).read_text(encoding="utf-8"))


# A PyCon-like pretalx export written for these tests: ten rooms (four talk tracks, six workshop rooms), the
# first day using seven; slugs ending in `-`; texts with `\r\n` and a link without its scheme.
NEXT_EDITION = FRAB / "next-edition.json"
