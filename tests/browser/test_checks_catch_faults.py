"""The browser checks can fail: plant faults in a copy of the built site."""

import shutil

import pytest

from tests.browser.conftest import PageWatch, axe_violations
from tests.support import ARTICLE, ARTICLE_URL, serve

FAULTS = '<img src="figure.png"><script src="https://cdn.example.org/tracker.js"></script>'


@pytest.fixture
def faulty_site_url(site, tmp_path):
    webroot = tmp_path / "webroot"
    shutil.copytree(site.webroot, webroot)
    copy = webroot / site.dir.relative_to(site.webroot)
    article = copy / ARTICLE
    article.write_text(article.read_text().replace("</article>", FAULTS + "</article>", 1))
    server = serve(webroot, copy / "404.html")
    yield server.url(site.base_path)
    server.shutdown()


def test_checks_report_an_image_without_alt_and_a_foreign_script(page, faulty_site_url):
    watch = PageWatch(page, faulty_site_url)
    page.goto(faulty_site_url + ARTICLE_URL)
    page.wait_for_load_state("networkidle")
    assert any(v.startswith("image-alt:") for v in axe_violations(page))
    assert watch.foreign_requests == ["https://cdn.example.org/tracker.js"]
    assert any("figure.png" in failure for failure in watch.failed_responses)
