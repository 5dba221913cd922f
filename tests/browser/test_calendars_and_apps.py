"""The schedule's calendars and its code for apps as a phone shows them: the
subscription help opened, axe finds nothing in either palette, nothing is
wider than the screen, the QR code is drawn square at its size from the first
paint, and the page asks nothing of another host for it."""

import pytest

from tests.browser.conftest import axe_violations
from tests.support import PAGES, VIEWPORTS


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_calendars_and_the_code_for_apps_on_a_phone(page, watch, site_url, scheme):
    page.set_viewport_size(VIEWPORTS["phone"])
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + PAGES["schedule"])
    page.locator("details.pi-subscribe-help summary").click()
    assert page.locator("details.pi-subscribe-help").get_attribute("open") is not None
    page.locator("#use-the-schedule-in-your-app").scroll_into_view_if_needed()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
    box = page.locator("svg.pi-qr").bounding_box()
    assert box["width"] == box["height"] >= 120  # a camera reads it from the screen
    assert page.locator("svg.pi-qr").get_attribute("role") == "img"
    assert watch.foreign_requests == [] and watch.failed_responses == []
