"""The programme's data is checked at the door: each planted fault stops the
build with the file, the entry and the field, before any page is made."""

import shutil
from pathlib import Path

import pytest
import yaml

from overrides.hooks.programme.programme_data import ProgrammeError, load
from tests.support import ROOT, mkdocs_build

DATA = ROOT / "docs" / "programme"


@pytest.fixture
def docs(tmp_path) -> Path:
    """A docs folder holding a copy of the programme's data, to plant one fault in."""
    shutil.copytree(DATA, tmp_path / "docs" / "programme")
    return tmp_path / "docs"


def edit(docs: Path, name: str, change) -> dict:
    path = docs / "programme" / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return data


def problems(docs: Path, conference: dict) -> list[str]:
    with pytest.raises(ProgrammeError) as raised:
        load(docs, conference)
    return raised.value.problems


def first_talk(data: dict) -> tuple[int, dict]:
    return next((n, s) for n, s in enumerate(data["sessions"]) if s["type"] == "talk")


@pytest.fixture
def conference(config) -> dict:
    return config.extra["conference"]


def test_the_sites_own_data_passes(conference):
    assert load(ROOT / "docs", conference).sessions


def test_a_missing_field_is_named(docs, conference):
    data = edit(docs, "schedule.yml", lambda d: first_talk(d)[1].pop("title"))
    n, talk = first_talk(data)
    assert f"programme/schedule.yml: sessions[{n}] ({talk['slug']}).title: Field required" in problems(docs, conference)


def test_a_misspelt_field_is_named(docs, conference):
    def misspell(d):
        talk = first_talk(d)[1]
        talk["duraton"] = talk.pop("duration")

    data = edit(docs, "schedule.yml", misspell)
    n, talk = first_talk(data)
    found = problems(docs, conference)
    assert f"programme/schedule.yml: sessions[{n}] ({talk['slug']}).duraton: Extra inputs are not permitted" in found


def test_an_unknown_speaker_is_named(docs, conference):
    data = edit(docs, "schedule.yml", lambda d: first_talk(d)[1].__setitem__("speakers", ["nobody-known"]))
    n, talk = first_talk(data)
    assert f"programme/schedule.yml: sessions[{n}] ({talk['slug']}).speakers: no speaker 'nobody-known' in programme/speakers.yml" \
        in problems(docs, conference)


def test_an_unknown_stage_is_named(docs, conference):
    data = edit(docs, "schedule.yml", lambda d: first_talk(d)[1].__setitem__("stage", "stage-99"))
    n, talk = first_talk(data)
    assert any(p.startswith(f"programme/schedule.yml: sessions[{n}] ({talk['slug']}).stage: no stage 'stage-99'")
               for p in problems(docs, conference))


def test_two_sessions_on_one_stage_at_once_are_named(docs, conference):
    def overlap(d):
        talks = [s for s in d["sessions"] if s["type"] == "talk"]
        second = next(s for s in talks[1:] if s["stage"] == talks[0]["stage"])
        second["start"] = talks[0]["start"]

    data = edit(docs, "schedule.yml", overlap)
    talks = [s for s in data["sessions"] if s["type"] == "talk"]
    second = next(s for s in talks[1:] if s["stage"] == talks[0]["stage"])
    pair = {talks[0]["slug"], second["slug"]}
    assert any(".start: overlaps" in p and all(slug in p for slug in pair) and f"on stage {second['stage']!r}" in p
               for p in problems(docs, conference))


def test_a_session_outside_the_conference_days_is_named(docs, conference):
    late = conference["end"]  # a day of the conference facts that the programme has no day for
    def move(d):
        talk = first_talk(d)[1]
        talk["start"] = talk["start"].replace(year=late.year, month=late.month, day=late.day)

    data = edit(docs, "schedule.yml", move)
    n, talk = first_talk(data)
    assert any(p.startswith(f"programme/schedule.yml: sessions[{n}] ({talk['slug']}).start:") and "none of the conference's days" in p
               for p in problems(docs, conference))


def test_a_slug_used_twice_is_named(docs, conference):
    def duplicate(d):
        talks = [s for s in d["sessions"] if s["type"] == "talk"]
        talks[1]["slug"] = talks[0]["slug"]

    data = edit(docs, "schedule.yml", duplicate)
    slug = first_talk(data)[1]["slug"]
    assert any(f"({slug}).slug: {slug!r} is used by two sessions" in p for p in problems(docs, conference))


def test_a_link_without_its_scheme_is_named(docs, conference):
    def strip(d):
        talk = first_talk(d)[1]
        talk["links"]["proposal"] = talk["links"]["proposal"].removeprefix("https://")

    data = edit(docs, "schedule.yml", strip)
    n, talk = first_talk(data)
    assert any(p.startswith(f"programme/schedule.yml: sessions[{n}] ({talk['slug']}).links.proposal:") and "with its scheme" in p
               for p in problems(docs, conference))


def test_a_time_without_its_offset_is_named(docs, conference):
    data = edit(docs, "schedule.yml", lambda d: first_talk(d)[1].__setitem__("start", first_talk(d)[1]["start"].replace(tzinfo=None)))
    n, talk = first_talk(data)
    assert f"programme/schedule.yml: sessions[{n}] ({talk['slug']}).start: Input should have timezone info" in problems(docs, conference)


def test_the_build_stops_on_bad_data_and_names_it(project_copy):
    path = project_copy / "docs" / "programme" / "schedule.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("stage: stage-2", "stage: stage-22", 1), encoding="utf-8")
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 1
    assert "the programme's data in docs/programme/ is wrong" in result.stderr
    assert "no stage 'stage-22'" in result.stderr
    assert not (project_copy / "site" / "programme").exists()


def test_a_speaker_id_used_twice_is_named(docs, conference):
    data = edit(docs, "speakers.yml", lambda d: d["speakers"].append({**d["speakers"][0], "name": "Someone Else"}))
    assert f"programme/speakers.yml: speakers: the id {data['speakers'][0]['id']!r} is used twice" in problems(docs, conference)
