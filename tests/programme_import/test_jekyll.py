"""The reader of the old Jekyll conference site's _data/ folder (PyCon India 2020), on a small
folder written for the tests with each flaw the real 2020 data had; its recordings, which
pyvideo dated all on the first day; and the command a team runs on it."""

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from slugify import slugify

from overrides.hooks.programme.programme_data import load
from tests.programme_import.conftest import current_facts, programme_files, run_import
from tools.programme_import import cli, hugo, jekyll, recordings

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "tests" / "fixtures" / "jekyll"
DATA = SITE / "_data"
RECORDINGS = SITE / "recordings" / "testcon-2020"


def source(name: str) -> list[dict]:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def conference() -> dict:
    """What the reader is given: the current edition's facts (conference-details.yml names its own year)."""
    return current_facts()


@pytest.fixture(scope="module")
def imported(conference):
    return jekyll.read(DATA, conference, fix=True)


def talks() -> list[dict]:
    return source("talks.yml")


def titled(talk: dict) -> bool:
    return bool(str(talk.get("title") or "").strip())


def session_of(imported, talk: dict) -> dict:
    """The session a talk became: the one at its day and time on its stage (its title may have been mended)."""
    day = int(re.match(r"\d+", talk["date"])[0])
    stage = "all" if talk["track"] == "all" else (f"room-{talk['track']}" if isinstance(talk["track"], int) else talk["track"].lower())
    found = [s for s in imported.schedule["sessions"]
             if s["start"].day == day and f"{s['start']:%H:%M}" == talk["time"] and s["stage"] == stage]
    assert len(found) == 1, talk
    return found[0]


def problems(imported, kind: str, fixed: bool | None = None) -> list[str]:
    return [f"{p.place}: {p.reason}" for p in imported.problems if p.kind == kind and (fixed is None or p.fixed == fixed)]


def line_of(talk: dict) -> int:
    """The line where the fixture's entry for this talk starts (its `- `)."""
    lines = (DATA / "talks.yml").read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, start=1) if line.startswith("- ")][talks().index(talk)]


# What the data is, told by its content ------------------------------------------------------------

def test_the_jekyll_data_is_told_apart_from_the_hugo_data_by_its_content(conference):
    for folder in (DATA, SITE):  # the _data folder, or the site that holds it
        assert jekyll.is_jekyll_data(folder) and not hugo.is_hugo_data(folder)
        assert cli.read_source(str(folder), conference, True).schedule == jekyll.read(DATA, conference, True).schedule
    hugo_data = ROOT / "tests" / "fixtures" / "hugo" / "data"
    assert not jekyll.is_jekyll_data(hugo_data)


def test_the_conference_is_the_span_of_its_parts(imported):
    details = source("conference-details.yml")
    facts = imported.conference
    assert facts["timezone"] == "Asia/Kolkata" and facts["name"].endswith(str(facts["start"].year))
    assert details[0]["dates"].startswith(f"{facts['start']:%b} {facts['start'].day} ")
    assert details[-1]["dates"].endswith(f"{facts['end'].day}, {facts['end'].year}")
    days = {d["date"]: d["name"] for d in imported.schedule["days"]}
    assert min(days) == facts["start"] and max(days) == facts["end"] and len(days) == (facts["end"] - facts["start"]).days + 1
    assert [days[d] for d in sorted(days)][:2] == ["Conference day 1", "Conference day 2"]
    assert days[facts["end"]] == details[-1]["title"]  # the sprints' day, with no session in the data


# The schedule ---------------------------------------------------------------------------------------

def test_each_session_keeps_its_day_time_duration_and_stage(imported):
    for talk in filter(titled, talks()):
        session = session_of(imported, talk)
        assert session["duration"] == talk["duration"]
        assert session["start"].utcoffset() == timedelta(hours=5, minutes=30)
    assert len(imported.schedule["sessions"]) == len([t for t in talks() if titled(t)])


def test_stages_are_the_cities_in_the_order_named_then_the_workshop_rooms(imported):
    cities = list(dict.fromkeys(t["track"] for t in talks() if isinstance(t["track"], str) and t["track"] != "all"))
    rooms = sorted({t["track"] for t in talks() if isinstance(t["track"], int) and titled(t)})  # a room only the untitled slot had: none
    assert [s["name"] for s in imported.schedule["stages"]] == cities + [f"Room {n}" for n in rooms]


def test_a_keynote_is_titled_by_its_speaker(imported):
    for talk in (t for t in talks() if t.get("type") == "keynote"):
        assert talk["title"] == "Keynote"
        assert session_of(imported, talk)["title"] == f"Keynote: {talk['speaker']}"
    assert len(problems(imported, "a keynote titled only 'Keynote'", fixed=True)) == 2


def test_a_sponsor_after_the_speakers_name_becomes_the_track(imported):
    sponsored = [t for t in talks() if "| Sponsored" in str(t.get("speaker"))]
    assert sponsored
    names = {s["id"]: s["name"] for s in imported.speakers["speakers"]}
    for talk in sponsored:
        name, sponsor = re.match(r"(.+?) \| Sponsored \((.+)\)", talk["speaker"]).groups()
        session = session_of(imported, talk)
        assert [names[i] for i in session["speakers"]] == [name]
        assert session["track"] == f"Sponsored ({sponsor})"
        assert "links" not in session  # `hyperlink:` empty, or none


def test_html_between_speakers_is_a_separator(imported):
    talk = next(t for t in talks() if "<br/>" in str(t.get("speaker")))
    names = {s["id"]: s["name"] for s in imported.speakers["speakers"]}
    assert [names[i] for i in session_of(imported, talk)["speakers"]] == [" ".join(n.replace("<br/>", "").split())
                                                                           for n in talk["speaker"].split(",")]


def test_types_are_read_as_the_title_says_where_the_data_is_wrong_or_silent(imported):
    lightning = [t for t in talks() if t["title"] == "Lightning Talks"]
    assert lightning and all(t["type"] == "talk" for t in lightning)
    assert {(session_of(imported, t)["type"], session_of(imported, t)["stage"]) for t in lightning} == {("lightning-talks", "all")}
    untyped = next(t for t in talks() if titled(t) and "type" not in t)
    assert session_of(imported, untyped)["type"] == "break"
    assert {session_of(imported, t)["type"] for t in talks() if str(t.get("type")).endswith("-break")} == {"break"}
    slugs = [s["slug"] for s in imported.schedule["sessions"]]
    assert len(slugs) == len(set(slugs))  # the two lightning talks sessions and the breaks: their day and time in the slug


def test_what_has_no_one_reading_is_left_for_a_person_at_its_line(imported):
    empty = next(t for t in talks() if not titled(t))
    untitled = problems(imported, "an entry without a title", fixed=False)
    assert len(untitled) == 1 and untitled[0].startswith(f"_data/talks.yml:{line_of(empty)}: ")
    assert f"{empty['date']} {empty['time']}, track {empty['track']}" in untitled[0]
    lower = next(t for t in talks() if re.search(r" [a-z]", str(t.get("speaker") or "")))
    assert problems(imported, "a name with a word in lower case", fixed=False) == [
        f"_data/talks.yml:{line_of(lower)}: {lower['title']!r}: speaker {lower['speaker']!r} has a word in lower case "
        f"({lower['speaker'].split()[-1]}): kept as written; check its spelling"]
    keynote, workshop = (next(t for t in talks() if t.get("type") == kind and t.get("speaker")) for kind in ("keynote", "workshop"))
    assert sorted(keynote["speaker"].split()) == sorted(workshop["speaker"].split()) and keynote["speaker"] != workshop["speaker"]
    swapped = problems(imported, "two names of one person?", fixed=False)
    assert swapped == [f"_data/talks.yml:{line_of(workshop)}: speakers {keynote['speaker']!r} and {workshop['speaker']!r} are the "
                       "same words in another order: kept as two; if they are one person, give their sessions one speaker id by hand"]
    assert {"r-kumar", "kumar-r"} <= {s["id"] for s in imported.speakers["speakers"]}  # kept as two


# Speakers, tickets, sponsors --------------------------------------------------------------------------

def test_a_keynote_speakers_brief_is_their_affiliation_and_no_photo_is_brought(imported):
    speakers = {s["name"]: s for s in imported.speakers["speakers"]}
    for entry in source("speakers.yml"):
        assert speakers[entry["name"]]["affiliation"] == ", ".join(entry["brief"].split("<br/>"))
        assert "photo" not in speakers[entry["name"]] and "bio" not in speakers[entry["name"]]
    assert len(problems(imported, "a photo not brought")) == len(source("speakers.yml"))


def test_tickets_keep_their_facts(imported):
    raw = source("tickets.yml")
    tickets = imported.tickets["tickets"]
    assert [t["name"] for t in tickets] == [r["name"] for r in raw]
    prices = [0 if r["cost"] == "Free" else int(str(r["cost"]).rstrip("+")) for r in raw]
    assert [t["price"] for t in tickets] == prices
    assert all(type(t["price"]) is int for t in tickets)  # as YAML reads it back: a second run's fingerprint is the same
    assert [t["admits"] for t in tickets] == [{"conference": ["conference"], "workshop": ["workshops"],
                                              "devsprint": ["sprints"]}[r["type"]] for r in raw]
    assert [t["status"] for t in tickets] == ["sold-out" if r.get("status") == "sold" else "on-sale" for r in raw]
    assert [t.get("limit") for t in tickets] == [int(m[1]) if (m := re.search(r"of (\d+) tickets", r["brief"])) else None
                                                 for r in raw]  # "completetion" too
    first = tickets[0]["sale_ends"]
    assert (first.year, first.month, first.day, first.hour, first.minute) == (2020, 8, 22, 23, 59)
    assert first.utcoffset() == timedelta(hours=5, minutes=30)
    assert len(problems(imported, "a price with a '+'", fixed=True)) == 1


def test_sponsors_by_level_and_partners_by_name_without_logos_or_prose(imported):
    raw, partners = source("sponsors.yml"), source("partners.yml")
    assert [(s["name"], s["tier"], s.get("link")) for s in imported.sponsors["sponsors"]] == [
        (r["name"], r["level"], r.get("hyperlink")) for r in raw]
    assert [t["id"] for t in imported.sponsors["tiers"]] == list(dict.fromkeys(r["level"] for r in raw))
    assert [(p["name"], p.get("link")) for p in imported.sponsors["partners"]] == [(r["name"], r.get("hyperlink")) for r in partners]
    assert not any({"logo", "description"} & set(e) for e in imported.sponsors["sponsors"] + imported.sponsors["partners"])
    assert len(problems(imported, "a logo not brought")) == len([e for e in raw + partners if e.get("logo")])


def test_without_fix_the_flaws_are_only_reported(conference):
    plain = jekyll.read(DATA, conference, fix=False)
    assert not any(p.fixed and p.kind != "an empty link" for p in plain.problems)
    assert sum(p.reason.endswith("(--fix does it)") for p in plain.problems) == sum(
        p.fixed and p.kind != "an empty link" for p in jekyll.read(DATA, conference, fix=True).problems)
    assert [s["title"] for s in plain.schedule["sessions"]].count("Keynote") == 2


# Recordings, all dated the first day ------------------------------------------------------------------

def videos() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted((RECORDINGS / "videos").glob("*.json"))}


@pytest.fixture(scope="module")
def linked(conference):
    imported = jekyll.read(DATA, conference, fix=True)
    files = imported.files()
    found, counts = recordings.link(files, RECORDINGS, imported.conference)
    return files["schedule.yml"]["sessions"], [f"{p.place}: {p.reason}" for p in found], counts


def url(video: dict) -> str:
    return video["videos"][0]["url"]


def test_one_recorded_date_for_videos_of_several_days_is_reported_and_not_read(linked):
    sessions, found, _ = linked
    assert len({v["recorded"] for v in videos().values()}) == 1
    recorded = {s["start"].date() for s in sessions if s.get("links", {}).get("recording")}
    assert len(recorded) > 1  # the same date, but the videos' sessions are on two days
    assert [p for p in found if p.startswith("testcon-2020/videos: $.recorded:")] != []


def test_a_keynote_on_another_day_is_its_speakers_keynote(linked):
    sessions, _, counts = linked
    video = next(v for v in videos().values() if v["title"].startswith("Keynote:"))
    keynote = next(s for s in sessions if s["type"] == "keynote" and s["title"].endswith(video["speakers"][0]))
    assert f"{keynote['start']:%Y-%m-%d}" != video["recorded"]
    assert keynote["links"]["recording"] == url(video)
    assert counts["keynote"] == 1


def test_titles_spaced_otherwise_or_labelled_match_with_their_speakers(linked):
    sessions, _, counts = linked
    for name in ("talk-narrative-games-with-ren-py-hema-nair.json", "tallk-forecasting-rainfall-gopal-iyer.json"):
        video = videos()[name]
        session = next(s for s in sessions if s.get("speakers") == [slugify(n) for n in video["speakers"]])
        assert recordings.words(session["title"]) != recordings.words(video["title"])
        assert session["links"]["recording"] == url(video)
    talks_videos = [v for v in videos().values() if not re.match(r"(keynote|lightning talk|diversity talk)", v["title"], re.I)]
    assert counts["title and speakers"] == len(talks_videos)


def test_lightning_talks_of_an_unknown_day_and_a_video_of_no_session_are_reported_not_linked(linked):
    sessions, found, counts = linked
    lightning = {n for n, v in videos().items() if v["title"].startswith("Lightning Talk")}
    assert len(lightning) == 2 and counts["lightning talk"] == 0
    assert not any(s.get("links", {}).get("other") for s in sessions)
    for name in lightning:
        assert [p for p in found if f"videos/{name}:" in p and "its day is not known" in p and "2 lightning-talks sessions" in p]
    nobody = next(n for n, v in videos().items() if v["title"].startswith("Diversity"))
    assert [p for p in found if f"videos/{nobody}:" in p and "matches no session" in p]
    assert sum(counts.values()) + len(lightning) + 1 == len(videos())


# The command, on a copy of the site without a programme ------------------------------------------------

def test_the_command_brings_2020_into_a_site_the_build_accepts_and_a_second_run_changes_no_byte(empty_programme):
    args = (DATA, "--fix", "--update-conference", "--recordings", RECORDINGS)
    first = run_import(empty_programme, *args)
    assert first.returncode == 1, first.stderr  # the untitled slot, the lower-case name, ... are left for a person
    facts = jekyll.read(DATA, current_facts(), True).conference
    year = facts["start"].year
    edition = yaml.safe_load((empty_programme / "docs" / str(year) / "edition.yml").read_text(encoding="utf-8"))
    assert {k: edition[k] for k in facts} == facts  # the edition the data names, started from its facts
    programme = load(empty_programme / "docs", year)
    assert len(programme.sessions) == len([t for t in talks() if titled(t)])
    written = programme_files(empty_programme, year)
    second = run_import(empty_programme, *args)
    assert "0 file(s) changed" in second.stderr and programme_files(empty_programme, year) == written
    assert f"{year}/schedule.yml" not in second.stderr  # what it wrote reads back as itself: nothing looks edited by hand
    later = run_import(empty_programme, DATA, "--fix")  # without the recordings: the links stay
    assert programme_files(empty_programme, year) == written, later.stderr
