"""On a 390 px phone: nothing scrolls sideways, the figure fits, the menu works."""

import pytest

from tests.support import PAGES, VIEWPORTS

PHONE = VIEWPORTS["phone"]


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


@pytest.mark.parametrize("name", PAGES)
def test_page_does_not_scroll_sideways_on_a_phone(phone, site_url, name):
    phone.goto(site_url + PAGES[name])
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_figure_fits_a_phone_screen(phone, site_url):
    phone.goto(site_url + PAGES["article"])
    figure = phone.locator("article figure img")
    figure.scroll_into_view_if_needed()
    box = figure.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert box["height"] > 0
    assert phone.evaluate("img => img.complete && img.naturalWidth > 0", figure.element_handle())


# Whether the site navigation has slid fully onto the screen (1) or off it (0).
DRAWER_ON_SCREEN = """open => {
  const box = document.querySelector("nav.md-nav--primary[aria-label='Navigation']").getBoundingClientRect();
  return open ? box.left >= 0 : box.right <= 0;
}"""


def test_navigation_drawer_opens_and_closes(phone, site_url):
    phone.goto(site_url + PAGES["article"])
    assert phone.evaluate(DRAWER_ON_SCREEN, False)
    phone.locator("label.md-header__button[for='__drawer']").click()
    phone.wait_for_function(DRAWER_ON_SCREEN, arg=True)
    assert phone.get_by_role("navigation", name="Navigation").get_by_role("link", name="Blog", exact=True).is_visible()
    phone.locator("label.md-overlay").click(position={"x": 380, "y": 400})  # tap beside the drawer
    phone.wait_for_function(DRAWER_ON_SCREEN, arg=False)
