"""The calendar files a reader adds to their calendar app: parsed back with
icalendar, every event against the programme's data."""

from datetime import timedelta, timezone

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


def test_a_session_keeps_its_calendar_id_when_its_time_changes(site, project_copy, programme, config):
    """A calendar that imported the schedule finds the same event again, moved."""
    moved = next(s for s in programme.with_pages() if s.type == "talk")
    schedule = project_copy / "docs" / programme.folder / "schedule.yml"
    text = schedule.read_text(encoding="utf-8")
    at = text.index(f"slug: {moved.slug}\n")
    end = text.find("\n- slug:", at)
    entry = text[at:end]
    later = moved.start + timedelta(minutes=5)  # five minutes later, ending as before
    changed = entry.replace(f"start: {moved.start.isoformat()}", f"start: {later.isoformat()}").replace(
        f"duration: {moved.duration}", f"duration: {moved.duration - 5}")
    assert changed != entry
    schedule.write_text(text[:at] + changed + text[end:], encoding="utf-8")
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stderr
    before = events(site.dir / programme.folder / "schedule.ics")
    after = events(project_copy / "site" / programme.folder / "schedule.ics")
    uid = programme.calendar_id(moved)
    assert set(before) == set(after)
    assert after[uid].decoded("dtstart") - before[uid].decoded("dtstart") == timedelta(minutes=5)
    assert after[uid].decoded("dtstart").astimezone(timezone.utc).tzinfo == timezone.utc


def test_the_calendars_are_the_same_from_build_to_build(site, project_copy, programme):
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stderr
    for path in (site.dir / programme.folder).rglob("*.ics"):
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
            old = site.dir / programme.facts.old_folder / path.relative_to(site.dir / programme.folder)
            assert old.read_bytes() == path.read_bytes()
            assert all(uid.endswith(f"@{host(config)}") for uid in published_uids(old))
