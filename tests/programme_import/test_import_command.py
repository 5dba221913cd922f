"""`python -m tools.programme_import` on a copy of the project: a frab export brought in as a new edition,
again and again, as the schedule changes upstream and the team edits it; its conference; bad input."""

import json
from datetime import datetime, timedelta

import yaml
from bs4 import BeautifulSoup
from icalendar import Calendar
from slugify import slugify

from tests.programme_import.conftest import (FRAB, YEAR, edition_dir, events, export_data, minutes, programme_files,
                                             run_import, schedule, sessions_by_uid, site_files, start_of)
from tests.support import mkdocs_build


def change(source, guid, **fields):
    """The export with one event changed upstream, as the CfP tool would serve it next."""
    data = json.loads(source.read_text(encoding="utf-8"))
    for day in data["schedule"]["conference"]["days"]:
        for room, items in day["rooms"].items():
            for event in items:
                if event["guid"] == guid:
                    event.update(fields)
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_second_import_of_the_same_export_changes_no_byte(imported):
    project, source = imported
    before = programme_files(project)
    run = run_import(project, source, "--fix", "--update-conference", "--remove-missing")
    assert programme_files(project) == before
    assert "0 file(s) changed" in run.stderr


def test_a_session_moved_upstream_is_updated_and_keeps_its_uid(imported):
    project, source = imported
    _, event = events(export_data())[1]
    later = (start_of(event) + timedelta(days=1)).isoformat()
    change(source, event["guid"], date=later, room="Workshop-Raum")
    run = run_import(project, source, "--fix", "--update-conference")
    session = sessions_by_uid(project)[event["guid"]]
    assert session["start"] == datetime.fromisoformat(later), run.stderr
    assert session["stage"] == slugify("Workshop-Raum")
    assert session["slug"] == event["slug"]


def test_a_session_edited_by_hand_is_kept_and_reported(imported):
    project, source = imported
    _, event = events(export_data())[0]
    path = edition_dir(project) / "schedule.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    mine = next(s for s in data["sessions"] if s.get("uid") == event["guid"])
    mine["title"] = "Keynote: the team's own title"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    change(source, event["guid"], duration="01:30")
    run = run_import(project, source, "--fix", "--update-conference")
    session = sessions_by_uid(project)[event["guid"]]
    assert session["title"] == "Keynote: the team's own title"
    assert session["duration"] == minutes(event["duration"])  # not the 01:30 upstream
    assert f"{YEAR}/schedule.yml: sessions {event['guid']}: edited by hand: kept as it is" in run.stderr


def test_a_session_gone_upstream_is_reported_then_removed_when_asked(imported):
    project, source = imported
    room, event = events(export_data())[2]
    data = json.loads(source.read_text(encoding="utf-8"))
    for day in data["schedule"]["conference"]["days"]:
        day["rooms"][room] = [e for e in day["rooms"].get(room, []) if e["guid"] != event["guid"]]
    source.write_text(json.dumps(data), encoding="utf-8")
    run = run_import(project, source, "--fix", "--update-conference")
    assert event["guid"] in sessions_by_uid(project)
    assert f"{YEAR}/schedule.yml: sessions {event['guid']}: gone from the source: kept (--remove-missing removes it)" in run.stderr
    run = run_import(project, source, "--fix", "--update-conference", "--remove-missing")
    assert event["guid"] not in sessions_by_uid(project), run.stderr


def test_another_conference_is_said_and_updated_in_the_editions_facts_only_when_asked(imported):
    project, source = imported
    data = json.loads(source.read_text(encoding="utf-8"))
    conference = data["schedule"]["conference"]
    conference["title"] += " (renamed)"
    conference["end"] = (datetime.fromisoformat(conference["end"]) + timedelta(days=1)).date().isoformat()
    day = {**conference["days"][-1], "index": len(conference["days"]) + 1, "date": conference["end"], "rooms": {}}
    conference["days"].append(day)
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = programme_files(project)
    run = run_import(project, source, "--fix", "--verbose")
    assert run.returncode == 1
    assert f"{YEAR}/edition.yml:" in run.stderr and "end is " in run.stderr and f"the export says {conference['end']} (--update-conference" in run.stderr
    assert programme_files(project) == before  # its last day is outside the edition's days: nothing written
    run = run_import(project, source, "--fix", "--update-conference")
    old, new = before["edition.yml"].decode().splitlines(), (edition_dir(project) / "edition.yml").read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(old, new) if a != b]
    assert len(old) == len(new) and len(changed) == 2, run.stderr  # name and end, in place; comments kept
    facts = yaml.safe_load("\n".join(b for _, b in changed))
    assert facts == {"name": conference["title"], "end": datetime.fromisoformat(conference["end"]).date()}
    assert (project / "mkdocs.yml").read_bytes() == before["mkdocs.yml"]


def test_bad_input_names_the_entry_and_field_and_writes_nothing(project_copy):
    before = site_files(project_copy)
    run = run_import(project_copy, FRAB / "invalid-conference.json", "--fix", "--update-conference", "--remove-missing")
    assert run.returncode == 2
    assert "invalid-conference.json: $.schedule.conference: 'title' is a required property" in run.stderr
    assert site_files(project_copy) == before
    assert not list((project_copy / "docs").rglob(".*.partial"))


def test_a_programme_the_build_would_refuse_writes_nothing_not_even_the_conference(project_copy, tmp_path):
    data = export_data()
    first, second = events(data)[0][1], events(data)[1][1]
    second["date"] = first["date"]  # two sessions at once on one stage: the build's checks refuse it
    source = tmp_path / "schedule.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    before = site_files(project_copy)
    run = run_import(project_copy, source, "--fix", "--update-conference", "--remove-missing")
    assert run.returncode == 1 and "Nothing written" in run.stderr
    assert f"overlaps {first['slug']!r}" in run.stderr
    assert site_files(project_copy) == before  # not even the new edition's folder, nor its year in mkdocs.yml


def test_the_built_site_shows_every_event_at_its_time_and_in_the_calendar(imported, tmp_path):
    project, _ = imported
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    site = tmp_path / "site"
    calendar = {str(e["uid"]).split("@")[0]: e for e in Calendar.from_ical((site / f"{YEAR}/schedule.ics").read_bytes()).walk("VEVENT")}
    page = BeautifulSoup((site / f"{YEAR}/schedule/index.html").read_text(encoding="utf-8"), "lxml")
    times = {datetime.fromisoformat(t["datetime"]) for t in page.find_all("time", datetime=True)}
    for _, event in events(export_data()):
        assert calendar[event["guid"]]["dtstart"].dt == start_of(event)
        assert calendar[event["guid"]]["dtend"].dt == start_of(event) + timedelta(minutes=minutes(event["duration"]))
        assert start_of(event) in times
    # Shown in the zone the export gives.
    zone = export_data()["schedule"]["conference"]["time_zone_name"]
    assert yaml.safe_load((edition_dir(project) / "edition.yml").read_text(encoding="utf-8"))["timezone"] == zone
    assert [s["date"] for s in schedule(project)["days"]] == [datetime.fromisoformat(d["date"]).date() for d in export_data()["schedule"]["conference"]["days"]]
