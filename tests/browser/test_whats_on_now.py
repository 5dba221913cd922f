"""What is on now, by the reader's clock (Playwright's page.clock): during the
edition's days the schedule marks the sessions running and the next ones,
"Jump to now" takes the reader to them, and a session's page says "On now"
or "Starts in …"; outside the days nothing shows. The marks take no room
that was not kept from the first paint."""

from datetime import timedelta

import pytest

from tests.browser.test_local_time import LAYOUT_SHIFT
from tests.browser.conftest import planned
from tests.support import EDITION, PAGES, VIEWPORTS

MARKED = """kind => [...document.querySelectorAll(".pi-day .pi-is-" + kind)].map(i => i.id.replace("session-", ""))"""


@pytest.fixture(scope="module")
def moment(programme):
    """Ten minutes into the second day's first talks, with the sessions running then and next."""
    talk = next(s for s in programme.sessions if s.type == "talk")
    now = talk.start + timedelta(minutes=10)
    running = [s.slug for s in programme.sessions if s.start <= now < s.finish]
    upcoming = min(s.start for s in programme.sessions if s.start > now)
    return now, running, [s.slug for s in programme.sessions if s.start == upcoming]


def at(browser, when, screen="phone"):
    page = browser.new_context(viewport=VIEWPORTS[screen], timezone_id="Asia/Kolkata").new_page()
    page.clock.install(time=when)
    return page


def test_during_the_conference_the_sessions_on_now_are_marked_and_jump_to_now_reaches_them(browser, site_url, moment):
    now, running, upcoming = moment
    page = at(browser, now)
    page.goto(site_url + PAGES["schedule"])
    planned(page)
    assert page.evaluate(MARKED, "now") == running
    assert page.evaluate(MARKED, "next") == upcoming
    first = page.locator(f"#session-{running[0]}")
    assert first.get_by_text("On now").is_visible()
    assert not first.is_visible() or first.bounding_box()["y"] > VIEWPORTS["phone"]["height"]  # below the fold at first
    page.get_by_role("button", name="Jump to now").click()
    box = first.bounding_box()
    assert 0 <= box["y"] < VIEWPORTS["phone"]["height"]
    assert page.evaluate("document.activeElement.id") == f"session-{running[0]}"
    page.context.close()


def test_a_session_page_says_on_now_then_how_long_until_the_next(browser, site_url, programme, moment):
    now = moment[0]
    running = next(s for s in programme.with_pages() if s.start <= now < s.finish)
    page = at(browser, now)
    page.goto(site_url + f"{EDITION}/sessions/{running.slug}/")
    planned(page)
    assert page.locator(".pi-live-status").inner_text() == "On now"
    coming = next(s for s in programme.with_pages() if s.start > now)
    hours, minutes = divmod(int((coming.start - now).total_seconds() // 60), 60)
    page.goto(site_url + f"{EDITION}/sessions/{coming.slug}/")
    planned(page)
    assert page.locator(".pi-live-status").inner_text() == "Starts in " + " ".join(
        part for part in (f"{hours} h" if hours else "", f"{minutes} min" if minutes else "") if part)
    page.context.close()


def test_outside_the_conference_days_nothing_is_marked(browser, site_url, programme):
    page = at(browser, programme.sessions[0].start - timedelta(days=30))
    page.goto(site_url + PAGES["schedule"])
    planned(page)
    assert page.locator(".pi-now-mark").count() == 0
    assert not page.get_by_role("button", name="Jump to now").is_visible()
    page.goto(site_url + PAGES["session"])
    planned(page)
    assert not page.locator(".pi-live-status").is_visible()
    page.context.close()


@pytest.mark.parametrize("screen", VIEWPORTS)
@pytest.mark.parametrize("name", ["schedule", "session"])
def test_nothing_moves_when_the_stars_and_now_marks_appear(browser, site_url, moment, screen, name):
    page = at(browser, moment[0], screen)
    page.goto(site_url + PAGES[name], wait_until="load")
    planned(page)
    assert page.locator(".pi-star").first.is_visible()
    assert page.evaluate(LAYOUT_SHIFT) == 0
    page.context.close()
