"""The calendar files a reader adds to their calendar app: parsed back with
icalendar, every event against the programme's data."""

import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from overrides.hooks.programme.programme_data import load
from tests.support import ROOT, edition_years, mkdocs_build


@pytest.fixture(scope="module", params=edition_years(), ids=str)
def programme(request):
    """Each edition in turn: its pages are made alike from its own data."""
    return load(ROOT / "docs", request.param)


def events(path) -> dict[str, object]:
    return {str(e["uid"]): e for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def host(config) -> str:
    return config.site_url.split("/")[2]


def published_uids(calendar_file) -> set[str]:
    return {line.removeprefix("UID:") for line in calendar_file.read_bytes().decode().replace("\r\n ", "").splitlines()
            if line.startswith("UID:")}


def test_the_whole_schedule_has_an_event_for_every_session_but_the_breaks(site, programme, config):
    found = events(site.dir / programme.folder / "schedule.ics")
    expected = {programme.calendar_id(s): s for s in programme.sessions if s.type != "break"}
    assert set(found) == set(expected)
    for uid, session in expected.items():
        event = found[uid]
        assert str(event["summary"]) == session.title
        assert event.decoded("dtstart") == session.start and event.decoded("dtstart").utcoffset() == timedelta(0)
        assert event.decoded("dtend") == session.finish
        assert str(event["location"]).startswith(programme.stage_name(session))
        page = f"{programme.folder}/sessions/{session.slug}/" if session.has_page else f"{programme.folder}/schedule/#session-{session.slug}"
        assert str(event["url"]) == config.site_url + page
        for name in (programme.speakers[s].name for s in session.speakers):
            assert name in str(event["description"])


def test_each_session_with_a_page_has_its_own_calendar(site, programme, config):
    for session in programme.with_pages():
        found = events(site.dir / programme.folder / "sessions" / f"{session.slug}.ics")
        assert list(found) == [programme.calendar_id(session)]
        assert found[programme.calendar_id(session)].decoded("dtstart") == session.start


def move_five_minutes_later(project, programme, moved) -> None:
    """The session's entry in a copy's schedule.yml, five minutes later, ending as before."""
    schedule = project / "docs" / programme.folder / "schedule.yml"
    text = schedule.read_text(encoding="utf-8")
    at = text.index(f"slug: {moved.slug}\n")
    end = text.find("\n- slug:", at)
    entry = text[at:end]
    later = moved.start + timedelta(minutes=5)
    changed = entry.replace(f"start: {moved.start.isoformat()}", f"start: {later.isoformat()}").replace(
        f"duration: {moved.duration}", f"duration: {moved.duration - 5}")
    assert changed != entry
    schedule.write_text(text[:at] + changed + text[end:], encoding="utf-8")


def drop(project, programme, dropped) -> None:
    """The session's entry taken out of a copy's schedule.yml."""
    schedule = project / "docs" / programme.folder / "schedule.yml"
    text = schedule.read_text(encoding="utf-8")
    at = text.index(f"- slug: {dropped.slug}\n")
    end = text.find("\n- slug:", at)
    schedule.write_text(text[:at] + (text[end + 1:] if end != -1 else ""), encoding="utf-8")


def remember(project, programme, now: datetime) -> subprocess.CompletedProcess:
    """`make calendars` for one edition of a copy, as if run at `now`."""
    return subprocess.run([sys.executable, "-m", "tools.calendar_state", str(programme.year), "--config", project / "mkdocs.yml",
                           "--now", now.isoformat()], cwd=ROOT, capture_output=True, text=True)


def test_a_moved_session_keeps_its_calendar_id_and_tells_subscribers_it_changed(site, project_copy, programme, config):
    """A calendar that subscribed to the schedule finds the same event again, moved, with a higher SEQUENCE
    and a later LAST-MODIFIED; every other event is the same bytes as before."""
    moved = next(s for s in programme.with_pages() if s.type == "talk")
    move_five_minutes_later(project_copy, programme, moved)
    run = remember(project_copy, programme, datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
    assert run.returncode == 0, run.stderr
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stderr
    before = events(site.dir / programme.folder / "schedule.ics")
    after = events(project_copy / "site" / programme.folder / "schedule.ics")
    uid = programme.calendar_id(moved)
    assert set(before) == set(after)
    assert after[uid].decoded("dtstart") - before[uid].decoded("dtstart") == timedelta(minutes=5)
    assert after[uid].decoded("dtstart").astimezone(timezone.utc).tzinfo == timezone.utc
    assert int(after[uid]["sequence"]) == int(before[uid]["sequence"]) + 1
    assert after[uid].decoded("last-modified") == datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc) > before[uid].decoded("last-modified")
    assert all(after[other].to_ical() == before[other].to_ical() for other in before if other != uid)


def test_a_changed_session_stops_the_build_naming_it_and_the_command_until_the_calendars_remember_it(project_copy, programme):
    moved = next(s for s in programme.with_pages() if s.type == "talk")
    move_five_minutes_later(project_copy, programme, moved)
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert f"{programme.folder}/schedule.yml: {programme.entry(moved)}: changed since its calendar event was last published" in result.stderr
    assert "make calendars" in result.stderr and f"commit {programme.folder}/calendar.yml" in result.stderr


def test_a_session_dropped_before_the_edition_is_over_is_published_cancelled(site, project_copy, programme):
    dropped = next(s for s in programme.with_pages() if s.type == "talk")
    drop(project_copy, programme, dropped)
    before_the_end = datetime.combine(programme.facts.start, datetime.min.time(), tzinfo=programme.zone)
    run = remember(project_copy, programme, before_the_end)
    assert run.returncode == 0, run.stderr
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stderr
    was = events(site.dir / programme.folder / "schedule.ics")[programme.calendar_id(dropped)]
    built = project_copy / "site" / programme.folder
    day, stage = programme.day_of(dropped).isoformat(), dropped.stage
    for calendar in ("schedule.ics", f"calendars/day-{day}.ics", f"calendars/stage-{stage}.ics"):
        gone = events(built / calendar)[programme.calendar_id(dropped)]
        assert str(gone["status"]) == "CANCELLED", calendar
        assert int(gone["sequence"]) == int(was["sequence"]) + 1
        assert gone.decoded("dtstart") == dropped.start and gone.decoded("dtend") == dropped.finish
    # Once the edition is over, a dropped session is forgotten: nobody's calendar still waits for it.
    drop(project_copy, programme, next(s for s in programme.with_pages() if s.type == "talk" and s is not dropped))
    after_the_end = datetime.combine(programme.facts.end, datetime.min.time(), tzinfo=programme.zone) + timedelta(days=2)
    run = remember(project_copy, programme, after_the_end)
    assert run.returncode == 0, run.stderr
    assert "forgotten" in run.stderr


def test_each_day_and_each_stage_has_a_calendar_of_its_sessions(site, programme):
    published = [s for s in programme.sessions if s.type != "break"]
    for day in programme.days:
        found = events(site.dir / programme.day_calendar_uri(day))
        assert set(found) == {programme.calendar_id(s) for s in published if programme.day_of(s) == day.date}
    for stage in programme.stages.values():
        found = events(site.dir / programme.stage_calendar_uri(stage))
        assert set(found) == {programme.calendar_id(s) for s in published if s.stage in (stage.id, "all")}
        assert set(found) - {programme.calendar_id(s) for s in published if s.all_stages}


def test_the_schedule_offers_every_calendar_to_download_and_to_subscribe_to(site, programme, config):
    page = site.page(f"{programme.folder}/schedule/index.html")
    rows = page.select("table.pi-calendars tbody tr")
    uris = [programme.calendar_uri(), *map(programme.day_calendar_uri, sorted(programme.days, key=lambda d: d.date)),
            *map(programme.stage_calendar_uri, programme.stages.values())]
    assert len(rows) == len(uris)
    for row, uri in zip(rows, uris):
        download = row.select_one("a[download]")
        assert site.resolve(f"{programme.folder}/schedule/index.html", download["href"]) == site.dir / uri
        subscribe = row.select_one("a[href^='webcal://']")
        assert subscribe["href"] == "webcal://" + (config.site_url + uri).split("://", 1)[1]
        assert subscribe.get_text(" ", strip=True).lower() == f"subscribe to {row.th.get_text(strip=True).lower()}"
    help_text = page.select_one("details.pi-subscribe-help").get_text(" ", strip=True)
    for app in ("Google Calendar", "Apple Calendar", "Outlook", "Thunderbird"):
        assert app in help_text
    address = page.select_one("details.pi-subscribe-help input")
    assert address["value"] == config.site_url + programme.calendar_uri()
    assert page.select_one(f"label[for={address['id']}]")


def test_the_calendars_and_the_exports_are_the_same_from_build_to_build(site, project_copy, programme):
    """Two builds of the same data give the same bytes: a subscriber's calendar or app sees no change where there is none."""
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stderr
    made = [*(site.dir / programme.folder).rglob("*.ics"), *(site.dir / programme.folder).glob("schedule.*")]
    assert {path.name for path in made} >= {"schedule.ics", "schedule.json", "schedule.xml"}
    for path in made:
        assert (project_copy / "site" / path.relative_to(site.dir)).read_bytes() == path.read_bytes()


def test_the_calendar_ids_do_not_follow_the_sites_address(site, project_copy, programme):
    """Moved to a custom domain, the site's calendars keep their events' UIDs: no subscriber's calendar doubles."""
    result = mkdocs_build(project_copy, project_copy / "site", env={"SITE_URL": "https://in.pycon.org/"})
    assert result.returncode == 0, result.stderr
    for path in (site.dir / programme.folder).rglob("*.ics"):
        assert published_uids(project_copy / "site" / path.relative_to(site.dir)) == published_uids(path)


def test_an_edition_that_moved_keeps_its_calendar_files_and_uids_where_they_were(site, editions, config):
    """2021's calendars were published under programme/ with UIDs at the site's own host: both are kept."""
    moved = [p for p in editions.all if p.facts.old_folder]
    assert moved
    for programme in moved:
        for path in (site.dir / programme.folder).rglob("*.ics"):
            if path.parent.name == "calendars":  # a day's and a stage's calendars came after the move: never there
                continue
            old = site.dir / programme.facts.old_folder / path.relative_to(site.dir / programme.folder)
            assert old.read_bytes() == path.read_bytes()
            assert all(uid.endswith(f"@{host(config)}") for uid in published_uids(old))


def test_after_an_import_writes_an_edition_its_calendars_remember_the_change(project_copy, programme):
    """What the importer's writer runs once it has written docs/<year>/: the memory is current again."""
    from tools.calendar_state import calendar_events, remember  # noqa: PLC0415

    moved = next(s for s in programme.with_pages() if s.type == "talk")
    move_five_minutes_later(project_copy, programme, moved)
    docs = project_copy / "docs"
    edited = load(docs, programme.year)
    assert calendar_events.problems(edited, calendar_events.Memory.read(docs, edited))
    assert remember(docs, docs / programme.folder)
    memory = calendar_events.Memory.read(docs, edited)
    assert calendar_events.problems(edited, memory) == []
    assert memory[programme.calendar_id(moved)]["sequence"] == 1
    assert not remember(docs, docs / programme.folder)  # a second run writes nothing


def test_make_calendars_check_names_a_changed_session_and_writes_nothing(project_copy, programme):
    memory = project_copy / "docs" / programme.calendar_memory_file()
    check = [sys.executable, "-m", "tools.calendar_state", "--check", "--config", project_copy / "mkdocs.yml"]
    clean = subprocess.run(check, cwd=ROOT, capture_output=True, text=True)
    assert clean.returncode == 0, clean.stderr
    moved = next(s for s in programme.with_pages() if s.type == "talk")
    move_five_minutes_later(project_copy, programme, moved)
    before = memory.read_bytes()
    stale = subprocess.run(check, cwd=ROOT, capture_output=True, text=True)
    assert stale.returncode == 1
    assert f"{programme.file('schedule.yml')}: {programme.entry(moved)}: changed since" in stale.stderr
    assert memory.read_bytes() == before
