"""The reader of the old Hugo conference site's data/ folder, on a small
folder written for the tests with each flaw the real 2021 data had, and the
command a team runs on it."""

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml

from overrides.hooks.programme.programme_data import EDITION_FILE, load
from tests.programme_import.conftest import current_facts
from tools.programme_import import hugo

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "fixtures" / "hugo" / "data"


@pytest.fixture(scope="module")
def conference() -> dict:
    """The facts of the edition the old site's data belongs to (it names no year: the current edition's)."""
    return current_facts()


@pytest.fixture(scope="module")
def source() -> dict:
    return yaml.safe_load((DATA / "schedule.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def imported(conference):
    return hugo.read(DATA, conference, fix=True)


def sessions_by_title(imported) -> dict:
    return {session["title"]: session for session in imported.schedule["sessions"]}


def reasons(imported, fixed=None) -> list[str]:
    return [p.reason for p in imported.problems if fixed is None or p.fixed == fixed]


def source_talks(source):
    for day in source["data"]:
        for slot in day["schedule"]:
            for talk in slot["talks"]:
                yield day, slot, talk


def test_days_are_read_with_the_conference_year(imported, source, conference):
    days = [d["date"] for d in imported.schedule["days"]]
    assert [(d.day, f"{d:%b}") for d in days] == [(int(day["date"].split("th")[0]), day["date"].split()[-1]) for day in source["data"]]
    assert {d.year for d in days} == {conference["start"].year}


def test_each_talk_keeps_its_time_in_the_conference_zone(imported, source):
    by_title = sessions_by_title(imported)
    for _, slot, talk in source_talks(source):
        title = " ".join(talk["title"].split())
        if title in by_title:
            start = by_title[title]["start"]
            assert f"{start:%H:%M}" == slot["time"] and start.utcoffset() == timedelta(hours=5, minutes=30)


def test_comma_separated_speakers_become_speakers_by_id(imported, source):
    names = {s["id"]: s["name"] for s in imported.speakers["speakers"]}
    talk = next(t for _, _, t in source_talks(source) if "," in str(t.get("speaker")))
    session = sessions_by_title(imported)[talk["title"]]
    assert [names[i] for i in session["speakers"]] == [n.strip() for n in talk["speaker"].split(",")]


def test_a_session_entered_twice_becomes_one_longer_session(imported, source):
    continued = [t for _, _, t in source_talks(source) if t["title"].endswith("(Cont.)")]
    assert continued
    for talk in continued:
        title = talk["title"].removesuffix(" (Cont.)")
        sessions = [s for s in imported.schedule["sessions"] if s["title"] == title]
        assert len(sessions) == 1 and not any(s["title"] == talk["title"] for s in imported.schedule["sessions"])
        assert sessions[0]["duration"] == 60
        assert sessions[0]["type"] == "panel"  # its title says so; the data said talk


def test_workshops_without_a_track_take_the_stage_of_their_place(imported):
    workshops = [s for s in imported.schedule["sessions"] if s["type"] == "workshop"]
    assert [s["stage"] for s in workshops] == ["stage-1", "stage-2"]
    assert sum("names no stage" in r for r in reasons(imported, fixed=True)) == len(workshops)


def test_extra_entries_are_told_apart_by_their_title(imported):
    kinds = {s["title"]: (s["type"], s["stage"]) for s in imported.schedule["sessions"]}
    assert kinds["Break/Networking"] == ("break", "all")
    assert kinds["Day 1 Opening Address"] == ("address", "all")
    assert kinds["Lightning Talk"] == ("lightning-talks", "all")


def test_a_keynote_is_titled_by_its_speaker_and_links_its_announcement(imported, source):
    talk = next(t for _, _, t in source_talks(source) if t["type"] == "keynote")
    session = sessions_by_title(imported)[f"Keynote: {talk['speaker']}"]
    assert session["links"] == {"announcement": talk["link"]}


def test_flawed_links_are_mended_or_left_out(imported, source):
    doubled = next(t for _, _, t in source_talks(source) if "//cfp" in str(t.get("link")))
    assert sessions_by_title(imported)[doubled["title"]]["links"]["proposal"] == doubled["link"].replace("//cfp", "/cfp")
    empty = next(t for _, _, t in source_talks(source) if t.get("link") == "" and t["type"] == "talk")
    assert "links" not in sessions_by_title(imported)[" ".join(empty["title"].split())]


def test_a_stage_named_only_in_html_is_reported_for_a_person(imported):
    left = reasons(imported, fixed=False)
    assert any("Stage 5 is named only in the `extend` text" in r for r in left)


def test_affiliation_in_html_becomes_text(imported, conference):
    raw = yaml.safe_load((DATA / "keynote_speakers.yml").read_text())["data"][0]
    speaker = next(s for s in imported.speakers["speakers"] if s["name"] == raw["name"])
    assert speaker["affiliation"] == ", ".join(raw["affiliation"].split("<br/>"))
    assert "photo" not in speaker  # the old site's images are not brought


def test_tickets_keep_their_facts(imported):
    raw = yaml.safe_load((DATA / "tickets.yml").read_text())["data"]
    tickets = imported.tickets["tickets"]
    assert [(t["name"], t["price"], t["status"]) for t in tickets] == [
        (r["name"], r["price"], "sold-out" if r.get("status") == "sold" else "on-sale") for r in raw]
    assert tickets[0]["limit"] == 100 and tickets[0]["sale_ends"] == datetime(2021, 8, 22, 23, 30, tzinfo=tickets[0]["sale_ends"].tzinfo)
    assert tickets[1]["admits"] == ["conference", "workshops"]


def test_sponsors_by_tier_and_partners_by_name_without_their_logos(imported):
    raw = yaml.safe_load((DATA / "sponsors.yml").read_text())["data"]
    assert [(s["name"], s["tier"]) for s in imported.sponsors["sponsors"]] == [(r["name"], r["type"]) for r in raw]
    assert all("logo" not in s for s in imported.sponsors["sponsors"] + imported.sponsors["partners"])
    assert sum(p.kind == "a logo not brought" for p in imported.problems) == 3


def test_without_fix_the_flaws_are_only_reported(conference):
    plain = hugo.read(DATA, conference, fix=False)
    assert not any(p.fixed and p.kind != "an empty link" for p in plain.problems)
    assert any(r.endswith("(--fix does it)") for r in reasons(plain))
    assert any(s["title"].endswith("(Cont.)") for s in plain.schedule["sessions"])


# The command, on a copy of the site without a programme yet.

def run(project: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tools.programme_import", str(DATA), "--config", str(project / "mkdocs.yml"), *options],
                          cwd=ROOT, capture_output=True, text=True)


def folder(project: Path) -> Path:
    return project / "docs" / "2021"


def programme_files(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder(project).glob("[!.]*.yml")) if p.name != EDITION_FILE}


def test_the_command_writes_nothing_until_asked_to_fix(empty_programme):
    result = run(empty_programme)
    assert result.returncode == 1
    assert "run again with --fix" in result.stderr
    assert programme_files(empty_programme) == {}


def test_the_command_writes_a_programme_the_build_accepts_and_a_second_run_changes_nothing(empty_programme, conference):
    first = run(empty_programme, "--fix")
    assert first.returncode == 1, first.stderr  # Stage 5 is left for a person
    assert "Stage 5" in first.stderr and "problems 1," in first.stderr
    written = programme_files(empty_programme)
    # calendar.yml: the edition's calendars remember what they publish (tools/calendar_state.py)
    assert set(written) == {"schedule.yml", "speakers.yml", "sponsors.yml", "tickets.yml", "calendar.yml"}
    programme = load(empty_programme / "docs", conference["start"].year)
    assert len(programme.sessions) == len(hugo.read(DATA, conference, fix=True).schedule["sessions"])
    second = run(empty_programme, "--fix")
    assert "0 file(s) changed" in second.stderr
    assert programme_files(empty_programme) == written


def test_a_session_edited_by_hand_is_kept_on_the_next_run(empty_programme):
    run(empty_programme, "--fix")
    path = folder(empty_programme) / "schedule.yml"
    text = path.read_text(encoding="utf-8")
    edited = text.replace("title: Packaging Without Tears", "title: Packaging Without Any Tears")
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    again = run(empty_programme, "--fix")
    assert "2021/schedule.yml: sessions packaging-without-tears: edited by hand: kept as it is" in again.stderr
    assert "title: Packaging Without Any Tears" in path.read_text(encoding="utf-8")


def test_a_programme_the_build_would_refuse_is_not_written(empty_programme):
    # The edition starts later than the data: some sessions fall outside its days.
    facts = folder(empty_programme) / EDITION_FILE
    facts.write_text(facts.read_text().replace("start: 2021-09-17", "start: 2021-09-19"), encoding="utf-8")
    result = run(empty_programme, "--fix")
    assert result.returncode == 1
    assert "Nothing written: the programme would not pass the build's checks" in result.stderr
    assert "outside the conference" in result.stderr
    assert programme_files(empty_programme) == {}
