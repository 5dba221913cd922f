"""axe-core finds no accessibility fault on any kind of page, in either palette."""

import pytest

from tests.browser.conftest import axe_violations
from tests.support import PAGES


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_accessibility_violations(page, site_url, name, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + PAGES[name])
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    assert axe_violations(page) == []
