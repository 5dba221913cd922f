"""A schedule with many rooms (tests/fixtures/editions/2031: ten stages, a
workshop day that uses seven) on a 1280 px desktop and a 390 px phone: no
title broken inside a word, no page scrolling sideways, the wide day
scrolling in its own region a keyboard reaches, and axe finding nothing in
either palette."""

import pytest

from tests.browser.conftest import axe_violations
from tests.conftest import MANY_ROOMS
from tests.support import VIEWPORTS, serve

SCHEDULE = f"{MANY_ROOMS.name}/schedule/"

# The words of session titles and stage headings that take two lines: broken inside (a break after a hyphen is no break inside a word).
BROKEN_WORDS = """() => {
  const broken = [];
  for (const element of document.querySelectorAll(".pi-session__title, .pi-stage-heads span")) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\\s-]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


@pytest.fixture(scope="module")
def many_rooms_url(many_rooms):
    server = serve(many_rooms.webroot, many_rooms.dir / "404.html")
    yield server.url(many_rooms.base_path)
    server.shutdown()


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_no_title_is_broken_inside_a_word_and_the_page_does_not_scroll_sideways(page, many_rooms_url, screen):
    page.set_viewport_size(VIEWPORTS[screen])
    page.goto(many_rooms_url + SCHEDULE)
    assert page.locator(".pi-session").count() > 10
    assert page.evaluate(BROKEN_WORDS) == []
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0


def test_the_wide_day_scrolls_in_its_own_region_that_a_keyboard_reaches(page, many_rooms_url):
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(many_rooms_url + SCHEDULE)
    region = page.locator(".pi-day[role=region]")
    assert region.count() == 1
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")  # seven workshop rooms do not fit 1280 px
    # Columns wide enough for a title's words: none narrower than its longest word.
    assert region.evaluate("""r => [...r.querySelectorAll('.pi-session')].every(s => s.scrollWidth <= s.clientWidth)""")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.pi-day[role=region]')"):
            break
    else:
        pytest.fail("Tab never reached the scrolling day")
    before = region.evaluate("r => r.scrollLeft")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("([r, x]) => r.scrollLeft > x", arg=[region.element_handle(), before])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_the_many_rooms_schedule_has_no_accessibility_violations(page, many_rooms_url, screen, scheme):
    page.set_viewport_size(VIEWPORTS[screen])
    page.emulate_media(color_scheme=scheme)
    page.goto(many_rooms_url + SCHEDULE)
    assert axe_violations(page) == []
