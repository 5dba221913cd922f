"""The article's address on the old Pelican blog still leads to it."""

from datetime import datetime

import pytest

from tests.html import text_of
from tests.support import ARTICLE


@pytest.fixture(scope="session")
def old_address(seed, config):
    """blog/<the old blog's ARTICLE_URL>, filled from the seed's own headers."""
    created = datetime.strptime(seed.headers["date"], "%Y-%m-%d %H:%M")
    pattern = config.extra["old_blog"]["article_url"]
    return "blog/" + pattern.format(year=f"{created:%Y}", slug=seed.headers["slug"])


def test_old_address_is_the_pelican_one(old_address):
    # The old blog served posts at {year}/{slug}.html under its blog root.
    assert old_address == "blog/2021/machine-learning-pycon.html"


def test_old_address_refreshes_to_the_article(site, old_address):
    page = site.page(old_address)
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    delay, url = refresh.split(";", 1)
    assert delay.strip() == "0"
    assert site.resolve(old_address, url.strip().removeprefix("url=")) == site.dir / ARTICLE


def test_old_address_names_the_article_canonical_and_is_not_indexed(site, article, old_address):
    page = site.page(old_address)
    assert page.find("link", rel="canonical")["href"] == article.find("link", rel="canonical")["href"]
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_old_address_shows_a_link_to_the_article(site, seed, old_address):
    link = site.page(old_address).body.a
    assert text_of(link) == seed.headers["title"]
    assert site.resolve(old_address, link["href"]) == site.dir / ARTICLE


def test_old_address_is_not_in_the_sitemap(site, old_address):
    assert old_address not in (site.dir / "sitemap.xml").read_text()
