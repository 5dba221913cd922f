"""An imported real-world post, read in Chromium: a link inside running
text, an image and a table, in both palettes and on a phone."""

import pytest

from tests.browser.conftest import axe_violations
from tests.support import VIEWPORTS, serve

POST = "blog/2021/talks-rooms-and-times/"
COLOURED = "blog/2019/the-sprint-in-colour/"  # inline colours and self-captioned photos, as imported
PHONE = VIEWPORTS["phone"]


@pytest.fixture(scope="module")
def imported_url(real_import):
    built = real_import.built
    server = serve(built.webroot, built.dir / "404.html")
    yield f"http://127.0.0.1:{server.server_port}{built.base_path}"
    server.shutdown()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_imported_post_with_an_inline_link_an_image_and_a_table_has_no_accessibility_fault(page, imported_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(imported_url + POST)
    article = page.locator("article")
    assert article.locator("p a[href='https://in.pycon.org/2021/']").count() == 1
    assert article.locator("table tr").count() == 3
    assert axe_violations(page) == []


def test_imported_posts_image_and_table_fit_a_phone(page, imported_url):
    page.set_viewport_size(PHONE)
    page.goto(imported_url + POST)
    image = page.locator("article img").first
    image.scroll_into_view_if_needed()
    box = image.bounding_box()
    assert box["width"] > 0 and box["x"] + box["width"] <= PHONE["width"]
    assert page.evaluate("img => img.complete && img.naturalWidth > 0", image.element_handle())
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_imported_post_with_inline_colours_and_captioned_photos_reads_in_both_palettes(page, imported_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(imported_url + COLOURED)
    assert page.locator("article figure figcaption").count() == 2
    assert axe_violations(page) == []
