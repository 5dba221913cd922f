"""Each edition's data is checked at the door: each planted fault, in every
edition, stops the build with the edition's file, the entry and the field,
before any page is made."""

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from overrides.hooks.programme.programme_data import EDITION_FILE, ProgrammeError, load, load_editions
from tests.support import EDITION, ROOT, edition_years, mkdocs_build

DOCS = ROOT / "docs"


@pytest.fixture(params=edition_years())
def year(request) -> int:
    """Every edition of the site: each has its own data, checked alike."""
    return request.param


@pytest.fixture
def docs(tmp_path, year) -> Path:
    """A docs folder holding a copy of one edition's data, to plant one fault in."""
    shutil.copytree(DOCS / str(year), tmp_path / "docs" / str(year))
    return tmp_path / "docs"


def edit(docs: Path, name: str, change) -> dict:
    (path,) = docs.glob(f"*/{name}")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return data


def problems(docs: Path, year: int) -> list[str]:
    with pytest.raises(ProgrammeError) as raised:
        load(docs, year)
    return raised.value.problems


def first_talk(data: dict) -> tuple[int, dict]:
    return next((n, s) for n, s in enumerate(data["sessions"]) if s["type"] == "talk")


def test_every_editions_own_data_passes(config):
    editions = load_editions(DOCS, config.extra["editions"])
    assert [p.year for p in editions.all] == config.extra["editions"]["all"]
    assert all(p.sessions for p in editions.all)


def test_a_missing_field_is_named(docs, year):
    data = edit(docs, "schedule.yml", lambda d: first_talk(d)[1].pop("title"))
    n, talk = first_talk(data)
    assert f"{year}/schedule.yml: sessions[{n}] ({talk['slug']}).title: Field required" in problems(docs, year)


def test_a_misspelt_field_is_named(docs, year):
    def misspell(d):
        talk = first_talk(d)[1]
        talk["duraton"] = talk.pop("duration")

    data = edit(docs, "schedule.yml", misspell)
    n, talk = first_talk(data)
    found = problems(docs, year)
    assert f"{year}/schedule.yml: sessions[{n}] ({talk['slug']}).duraton: Extra inputs are not permitted" in found


def test_an_unknown_speaker_is_named(docs, year):
    data = edit(docs, "schedule.yml", lambda d: first_talk(d)[1].__setitem__("speakers", ["nobody-known"]))
    n, talk = first_talk(data)
    assert f"{year}/schedule.yml: sessions[{n}] ({talk['slug']}).speakers: no speaker 'nobody-known' in {year}/speakers.yml" \
        in problems(docs, year)


def test_an_unknown_stage_is_named(docs, year):
    data = edit(docs, "schedule.yml", lambda d: first_talk(d)[1].__setitem__("stage", "stage-99"))
    n, talk = first_talk(data)
    assert any(p.startswith(f"{year}/schedule.yml: sessions[{n}] ({talk['slug']}).stage: no stage 'stage-99'")
               for p in problems(docs, year))


def test_two_sessions_on_one_stage_at_once_are_named(docs, year):
    def overlap(d):
        talks = [s for s in d["sessions"] if s["type"] == "talk"]
        second = next(s for s in talks[1:] if s["stage"] == talks[0]["stage"])
        second["start"] = talks[0]["start"]

    data = edit(docs, "schedule.yml", overlap)
    talks = [s for s in data["sessions"] if s["type"] == "talk"]
    second = next(s for s in talks[1:] if s["stage"] == talks[0]["stage"])
    pair = {talks[0]["slug"], second["slug"]}
    assert any(".start: overlaps" in p and all(slug in p for slug in pair) and f"on stage {second['stage']!r}" in p
               for p in problems(docs, year))


def test_a_session_outside_the_conference_days_is_named(docs, year):
    # The day after the edition's last: no day of its programme (on its last day 2020 has its sprints).
    late = yaml.safe_load((docs / str(year) / EDITION_FILE).read_text(encoding="utf-8"))["end"] + timedelta(days=1)

    def move(d):
        talk = first_talk(d)[1]
        talk["start"] = talk["start"].replace(year=late.year, month=late.month, day=late.day)

    data = edit(docs, "schedule.yml", move)
    n, talk = first_talk(data)
    assert any(p.startswith(f"{year}/schedule.yml: sessions[{n}] ({talk['slug']}).start:") and "none of the conference's days" in p
               for p in problems(docs, year))


def test_a_slug_used_twice_is_named(docs, year):
    def duplicate(d):
        talks = [s for s in d["sessions"] if s["type"] == "talk"]
        talks[1]["slug"] = talks[0]["slug"]

    data = edit(docs, "schedule.yml", duplicate)
    slug = first_talk(data)[1]["slug"]
    assert any(f"({slug}).slug: {slug!r} is used by two sessions" in p for p in problems(docs, year))


def test_a_link_without_its_scheme_is_named(docs, year):
    def strip(d):
        talk = first_talk(d)[1]
        talk["links"]["proposal"] = talk["links"]["proposal"].removeprefix("https://")

    data = edit(docs, "schedule.yml", strip)
    n, talk = first_talk(data)
    assert any(p.startswith(f"{year}/schedule.yml: sessions[{n}] ({talk['slug']}).links.proposal:") and "with its scheme" in p
               for p in problems(docs, year))


def test_a_time_without_its_offset_is_named(docs, year):
    data = edit(docs, "schedule.yml", lambda d: first_talk(d)[1].__setitem__("start", first_talk(d)[1]["start"].replace(tzinfo=None)))
    n, talk = first_talk(data)
    assert f"{year}/schedule.yml: sessions[{n}] ({talk['slug']}).start: Input should have timezone info" in problems(docs, year)


def test_the_build_stops_on_bad_data_and_names_it(project_copy):
    path = project_copy / "docs" / EDITION / "schedule.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("stage: stage-2", "stage: stage-22", 1), encoding="utf-8")
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 1
    assert "the editions' data in docs/<year>/ is wrong" in result.stderr
    assert f"{EDITION}/schedule.yml: " in result.stderr and "no stage 'stage-22'" in result.stderr
    assert not (project_copy / "site" / EDITION).exists()


def test_an_editions_bad_facts_are_named(docs, year):
    edit(docs, EDITION_FILE, lambda d: d.update(timezone="India/Bengaluru", phase="done"))
    found = problems(docs, year)
    assert any(p.startswith(f"{year}/edition.yml: timezone: Value error, not a time zone: 'India/Bengaluru'") for p in found)
    assert any(p.startswith(f"{year}/edition.yml: phase: Input should be") for p in found)


def test_an_edition_listed_without_its_folder_is_named(config, tmp_path):
    with pytest.raises(ProgrammeError) as raised:
        load_editions(tmp_path, {"current": 1999, "all": [1999]})
    assert raised.value.problems == ["1999/edition.yml: missing: every edition has its facts there (name, start, end, timezone, phase)"]


@pytest.mark.parametrize("editions, message", [
    ({"current": 2031, "all": [2021]}, "extra.editions.current: 2031 is not one of extra.editions.all (2021)"),
    ({"current": 2021, "all": [2021, 2021]}, "extra.editions.all: a year is listed twice: [2021, 2021]"),
    ({"current": 2021}, "extra.editions: expected `current:` (a year) and `all:` (every year, newest first), got {'current': 2021}"),
])
def test_a_malformed_list_of_editions_is_named(editions, message):
    with pytest.raises(ProgrammeError) as raised:
        load_editions(DOCS, editions)
    assert raised.value.problems == [message]


def test_a_speaker_id_used_twice_is_named(docs, year):
    data = edit(docs, "speakers.yml", lambda d: d["speakers"].append({**d["speakers"][0], "name": "Someone Else"}))
    assert f"{year}/speakers.yml: speakers: the id {data['speakers'][0]['id']!r} is used twice" in problems(docs, year)
