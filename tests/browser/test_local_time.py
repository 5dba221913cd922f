"""Times on the programme read right wherever the reader is: in the
conference's zone, named, with the date, and beside it the reader's own time
and date when their zone differs; nothing moves when it appears, and without
JavaScript the page is complete."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.support import PAGES, VIEWPORTS

# Ten and a half hours behind the conference: its noon is the evening before.
FAR_WEST = "Pacific/Honolulu"

LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 500);
})"""


def open_schedule(browser, site_url, **context):
    page = browser.new_context(viewport=VIEWPORTS["phone"], **context).new_page()
    page.goto(site_url + PAGES["schedule"], wait_until="load")
    return page


def test_a_reader_far_west_sees_their_own_day_and_time_beside_each(browser, site_url, programme):
    page = open_schedule(browser, site_url, timezone_id=FAR_WEST, locale="en-US")
    first = programme.sessions[0]
    theirs = first.start.astimezone(ZoneInfo(FAR_WEST))
    assert theirs.date() != programme.local(first.start).date()  # the case that confused speakers
    local = page.locator(f"#session-{first.slug} .pi-local")
    assert local.is_visible()
    text = local.inner_text()
    assert text.startswith("Your time:")
    offset = theirs.utcoffset().total_seconds() / 3600
    assert f"{theirs:%a} {theirs.day} {theirs:%b}, {theirs:%H:%M}" in text  # their day, as the page writes days
    assert text.endswith(f"UTC−{abs(int(offset))}")
    shown = page.locator(".pi-local:visible").count()
    assert shown == len(programme.sessions)


def test_a_reader_in_the_conference_zone_sees_each_time_once(browser, site_url, programme):
    page = open_schedule(browser, site_url, timezone_id=programme.zone.key)
    assert page.locator(".pi-local:visible").count() == 0
    assert page.locator(".pi-when").count() == len(programme.sessions)


@pytest.mark.parametrize("screen", VIEWPORTS)
def test_nothing_moves_when_the_local_times_appear(browser, site_url, screen):
    page = browser.new_context(viewport=VIEWPORTS[screen], timezone_id=FAR_WEST, locale="en-US").new_page()
    page.goto(site_url + PAGES["schedule"], wait_until="load")
    assert page.evaluate(LAYOUT_SHIFT) == 0


def test_without_javascript_every_time_is_there_in_the_conference_zone(browser, site_url, programme):
    page = open_schedule(browser, site_url, timezone_id=FAR_WEST, java_script_enabled=False)
    times = page.locator(".pi-session .pi-when")
    assert times.count() == len(programme.sessions)
    assert all(t.endswith(programme.local(programme.sessions[0].start).tzname()) for t in times.all_inner_texts())
    assert page.locator(".pi-local:visible").count() == 0


def test_the_schedule_prints_every_session_without_the_day_links(browser, site_url, programme):
    page = open_schedule(browser, site_url, timezone_id=programme.zone.key)
    page.emulate_media(media="print")
    assert not page.locator("nav.pi-days").is_visible()
    assert page.locator(".pi-session:visible").count() == len(programme.sessions)


def test_on_a_wide_screen_the_stages_of_a_slot_stand_side_by_side(browser, site_url, programme):
    page = browser.new_context(viewport=VIEWPORTS["desktop"], timezone_id=programme.zone.key).new_page()
    page.goto(site_url + PAGES["schedule"])
    parallel = next(group for group in _slots(programme) if len(group) > 1 and not any(s.all_stages for s in group))
    tops = {round(page.locator(f"#session-{s.slug}").bounding_box()["y"]) for s in parallel}
    lefts = [page.locator(f"#session-{s.slug}").bounding_box()["x"] for s in parallel]
    assert len(tops) == 1 and lefts == sorted(lefts) and len(set(lefts)) == len(parallel)


def test_on_a_phone_the_sessions_of_a_slot_stand_one_under_the_other(browser, site_url, programme):
    page = open_schedule(browser, site_url, timezone_id=programme.zone.key)
    parallel = next(group for group in _slots(programme) if len(group) > 1)
    tops = [page.locator(f"#session-{s.slug}").bounding_box()["y"] for s in parallel]
    assert tops == sorted(tops) and len(set(tops)) == len(parallel)


def _slots(programme):
    slots: dict[datetime, list] = {}
    for session in programme.sessions:
        slots.setdefault(session.start, []).append(session)
    return list(slots.values())
