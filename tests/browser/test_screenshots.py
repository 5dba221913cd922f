"""Screenshots for people to look at: home and article, light and dark,
desktop and phone. The run prints the folder they are in."""

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.support import PAGES, VIEWPORTS


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["home", "article"])
def test_screenshot(page, site_url, name, scheme, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + PAGES[name])
    page.wait_for_load_state("networkidle")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{scheme}-{viewport}.png"
    page.screenshot(path=path, full_page=True)
    assert path.stat().st_size > 10_000
