"""Pages load everything from their own origin, without errors."""

import pytest

from tests.support import PAGES


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_only_from_its_own_origin_without_errors(page, site_url, watch, name):
    response = page.goto(site_url + PAGES[name])
    page.wait_for_load_state("networkidle")
    assert response.status == (404 if name == "404" else 200)
    assert watch.foreign_requests == []
    # The 404 page's own status is the one error expected, and Chromium logs it.
    not_found = name == "404"
    assert watch.failed_responses == ([f"404 {response.url}"] if not_found else [])
    assert watch.console_errors == (
        [f"Failed to load resource: the server responded with a status of 404 (Not Found) ({response.url})"]
        if not_found else []
    )
