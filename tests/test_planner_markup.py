"""What the planner's script (assets/javascripts/planner.js) needs of each
edition's built pages, and what it costs: every session with a page carries
its calendar UID (the site's calendar files' own) on the schedule, on its page
and on My schedule; the script is small and deferred; the offline worker is at
the site's root, whose folder is its scope."""

import gzip

import pytest
from icalendar import Calendar

from overrides.hooks.programme.programme_data import load
from tests.support import EDITION, ROOT, edition_years

SCRIPT = "assets/javascripts/planner.js"


@pytest.fixture(scope="module", params=edition_years(), ids=str)
def programme(request):
    return load(ROOT / "docs", request.param)


def test_every_session_with_a_page_carries_the_uid_of_the_sites_calendar(site, programme):
    published = {str(e["uid"]) for e in Calendar.from_ical((site.dir / programme.calendar_uri()).read_bytes()).walk("VEVENT")}
    schedule = site.page(f"{programme.folder}/schedule/index.html")
    mine = site.page(f"{programme.folder}/my-schedule/index.html")
    for page in (schedule, mine):
        uids = {item["data-slug"]: item["data-uid"] for item in page.select(".pi-session[data-uid]")}
        assert uids == {s.slug: programme.calendar_id(s) for s in programme.with_pages()}
        assert set(uids.values()) <= published
    session = programme.with_pages()[0]
    line = site.page(f"{programme.folder}/sessions/{session.slug}/index.html").select_one(".pi-planner-line")
    assert line["data-uid"] == programme.calendar_id(session)


def test_the_script_is_under_10_kb_gzipped_and_deferred(site, programme):
    assert len(gzip.compress((site.dir / SCRIPT).read_bytes(), 9)) < 10 * 1024
    tag = site.page(f"{programme.folder}/schedule/index.html").select_one(f"script[src$='{SCRIPT}']")
    assert tag.has_attr("defer")
    assert (site.dir / tag["data-worker"].split("?")[0].replace("../", "")).is_file()  # sw.js, at the site's root
    assert tag["data-worker"] == f"../../sw.js?edition={EDITION}"  # the current edition's, from every edition
