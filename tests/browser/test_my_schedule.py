"""A reader's own schedule, in Chromium: a star on each session, on the
schedule and on its page; My schedule lists the starred sessions in time
order and warns when two overlap; its .ics holds them with the site's own
UIDs; its link opens the same list in another browser; stored data that is
missing, old or corrupt, or storage refused, breaks nothing. Without
JavaScript there is no star."""

import json
from datetime import timedelta

import pytest
from icalendar import Calendar

from tests.browser.conftest import axe_violations
from tests.browser.conftest import planned
from tests.support import EDITION, PAGES, VIEWPORTS

MY_SCHEDULE = f"{EDITION}/my-schedule/"
KEY = f"pycon-india:{EDITION}:starred:v1"


@pytest.fixture(scope="module")
def three(programme):
    """Two sessions at once on two stages and a third after them, in time order."""
    sessions = programme.with_pages()
    first, second = next((a, b) for a, b in zip(sessions, sessions[1:]) if a.start == b.start and not a.all_stages)
    third = next(s for s in sessions if s.start >= max(first.finish, second.finish))
    return [first, second, third]


def star(page, session):
    button = page.get_by_role("button", name=f"Star {session.title}", exact=True)
    button.click()
    assert button.get_attribute("aria-pressed") == "true"


def listed(page) -> list[str]:
    return page.locator(".pi-mine__list > li:not([hidden])").evaluate_all("items => items.map(i => i.dataset.slug)")


def test_three_starred_sessions_make_my_schedule_with_the_overlap_its_calendar_and_its_link(browser, site_url, site, programme, three):
    context = browser.new_context(viewport=VIEWPORTS["phone"], accept_downloads=True)
    page = context.new_page()
    page.goto(site_url + PAGES["schedule"])
    planned(page)
    star(page, three[1])
    star(page, three[0])
    page.goto(site_url + f"{EDITION}/sessions/{three[2].slug}/")  # the third on its own page
    star(page, three[2])

    page.goto(site_url + MY_SCHEDULE)

    planned(page)
    slugs = [s.slug for s in three]
    assert listed(page) == slugs  # in time order, whatever order they were starred in
    warning = page.locator(".pi-overlap")
    assert warning.is_visible()
    assert three[0].title in warning.inner_text() and three[1].title in warning.inner_text()
    assert three[2].title not in warning.inner_text()

    with page.expect_download() as download:
        page.get_by_role("button", name="Add my sessions to my calendar").click()
    events = Calendar.from_ical(download.value.path().read_bytes()).walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [programme.calendar_id(s) for s in three]
    published = Calendar.from_ical((site.dir / programme.calendar_uri()).read_bytes()).walk("VEVENT")
    assert {str(e["uid"]) for e in events} <= {str(e["uid"]) for e in published}  # the site's calendar's own events
    assert [e.decoded("dtstart") for e in events] == [s.start for s in three]
    assert [str(e["summary"]) for e in events] == [s.title for s in three]

    assert not page.get_by_role("button", name="Keep this list in this browser").is_visible()  # already kept here
    link = page.get_by_role("link", name="Link to this list").get_attribute("href")
    elsewhere = browser.new_context().new_page()  # another device: nothing stored
    elsewhere.goto(site_url + MY_SCHEDULE + link[link.index("#"):])
    planned(elsewhere)
    assert listed(elsewhere) == slugs
    elsewhere.get_by_role("button", name="Keep this list in this browser").click()
    assert json.loads(elsewhere.evaluate(f"localStorage.getItem({KEY!r})"))["starred"] == slugs
    context.close()
    elsewhere.context.close()


# {slug} is a real session's: an old or malformed entry naming it must still read as nothing.
@pytest.mark.parametrize("stored", ["{not json", '["{slug}"]', '{"version": 0, "starred": ["{slug}"]}',
                                    '{"version": 1, "starred": "{slug}"}', '{"version": 1, "starred": ["<img src=x>", 7, null]}'])
def test_stored_stars_that_are_corrupt_or_old_read_as_none(browser, site_url, stored, three):
    page = browser.new_context().new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(f"localStorage.setItem({KEY!r}, {json.dumps(stored.replace('{slug}', three[0].slug))})")
    page.goto(site_url + MY_SCHEDULE)
    planned(page)
    assert listed(page) == []
    page.goto(site_url + PAGES["schedule"])
    planned(page)
    assert page.locator(".pi-star[aria-pressed=true]").count() == 0
    star(page, three[0])
    assert errors == []
    page.context.close()


def test_stars_last_the_visit_when_storage_is_refused(browser, site_url, three):
    page = browser.new_context().new_page()
    page.add_init_script("Storage.prototype.setItem = () => { throw new DOMException('refused', 'SecurityError'); }")
    page.goto(site_url + PAGES["schedule"] + "?starred=1")
    planned(page)
    assert page.locator(".pi-day .pi-session:visible").count() == 0
    page.get_by_label("Starred only").uncheck()
    star(page, three[0])
    page.get_by_label("Starred only").check()
    assert page.locator(".pi-day .pi-session:visible").evaluate_all("items => items.map(i => i.dataset.slug)") == [three[0].slug]
    page.context.close()


def test_without_javascript_there_is_no_star_and_no_planner(browser, site_url, programme):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(site_url + PAGES["schedule"])
    assert page.locator(".pi-star").count() == 0
    assert not page.locator(".pi-planner").is_visible()
    assert page.locator(".pi-session:visible").count() == len(programme.sessions)
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_planner_has_no_accessibility_fault_and_fits_a_phone(browser, site_url, three, scheme):
    """Stars pressed, two sessions overlapping, the clock inside the conference: every control shown."""
    page = browser.new_context(viewport=VIEWPORTS["phone"], color_scheme=scheme).new_page()
    page.clock.install(time=three[0].start + timedelta(minutes=10))
    stored = json.dumps({"version": 1, "starred": [s.slug for s in three]})
    page.add_init_script(f"localStorage.setItem({KEY!r}, {stored!r})")
    for path in (PAGES["schedule"] + "?type=workshop", f"{EDITION}/sessions/{three[0].slug}/", MY_SCHEDULE):
        page.goto(site_url + path)
        planned(page)
        assert page.locator(".pi-star[aria-pressed=true]").first.is_visible()
        assert axe_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, path
    assert page.locator(".pi-overlap").is_visible()
    page.context.close()


def test_a_star_set_in_another_tab_shows_on_the_schedule(browser, site_url, three):
    context = browser.new_context()
    schedule, session = context.new_page(), context.new_page()
    schedule.goto(site_url + PAGES["schedule"])
    planned(schedule)
    session.goto(site_url + f"{EDITION}/sessions/{three[0].slug}/")
    star(session, three[0])
    schedule.get_by_role("button", name=f"Star {three[0].title}", exact=True).and_(
        schedule.locator("[aria-pressed=true]")).wait_for(timeout=2000)
    context.close()
