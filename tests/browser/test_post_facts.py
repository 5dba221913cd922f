"""A post's date, authors and reading time: under its title on a phone, in
the sidebar on a wide screen, and only once at either width."""

import pytest

from tests.support import PAGES, VIEWPORTS

PHONE, WIDE = VIEWPORTS["phone"], VIEWPORTS["desktop"]

# Every shift of layout the page has made so far, summed as CLS counts them.
LAYOUT_SHIFT = """() => new Promise(resolve => {
  new PerformanceObserver(list => resolve(
    list.getEntries().filter(e => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0)
  )).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(0), 500);
})"""


def visible_times(page, url: str, scheme: str, viewport: dict) -> list:
    """The article's dates a reader sees, in that palette on that screen."""
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size(viewport)
    page.goto(url)
    return [time for time in page.locator("time").all() if time.is_visible()]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_shows_the_date_between_title_and_first_paragraph(page, site_url, scheme):
    times = visible_times(page, site_url + PAGES["article"], scheme, PHONE)
    assert len(times) == 1, "the date shows once"
    (time,) = times
    title = page.locator("article h1").bounding_box()
    date = time.bounding_box()
    first_paragraph = page.locator("article > p").first.bounding_box()
    assert title["y"] + title["height"] <= date["y"]
    assert date["y"] + date["height"] <= first_paragraph["y"]
    assert time.get_attribute("datetime")
    facts = page.locator("article .pi-post-facts")
    assert facts.get_by_role("link").first.is_visible()  # the author's page
    assert "read" in facts.inner_text()
    assert page.evaluate(LAYOUT_SHIFT) == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_wide_screen_keeps_the_facts_in_the_sidebar_only(page, site_url, scheme):
    assert len(visible_times(page, site_url + PAGES["article"], scheme, WIDE)) == 1
    assert page.locator(".md-sidebar--post time").is_visible()
    assert not page.locator("article .pi-post-facts").is_visible()
    assert page.evaluate(LAYOUT_SHIFT) == 0


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "wide"])
def test_screen_readers_meet_the_date_once(page, site_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(site_url + PAGES["article"])
    tree = page.locator("body").aria_snapshot()
    date = page.locator("article .pi-post-facts time").text_content().strip()
    assert tree.count(date) == 1, tree
